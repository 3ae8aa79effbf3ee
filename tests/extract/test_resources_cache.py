"""Structures built from the resources are cached on disk, rebuilt when a source changes, and
built in memory when no cache folder can be written (a read-only install)."""
from __future__ import annotations

import pickle

import pytest
import yaml

from extract import resources
from extract.attribute import gazetteer as gazetteer_module
from extract.resources import RESOURCE_DIR, cached


class Builder:
    """Counts its builds; builds a value from the source file's text."""

    def __init__(self, source):
        self.source, self.builds = source, 0

    def __call__(self):
        self.builds += 1
        return {"built from": self.source.read_text(encoding="utf-8"), "build": self.builds}


@pytest.fixture
def source(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.CACHE_ENV, str(tmp_path / "cache"))
    path = tmp_path / "words.csv"
    path.write_text("word\n党建\n", encoding="utf-8")
    return path


def test_a_second_process_reads_what_the_first_built(source):
    build = Builder(source)
    first = cached("words", [source], build)
    again = cached("words", [source], build)    # as a new process would: nothing in memory
    assert build.builds == 1 and again == first
    assert len(list((source.parent / "cache").glob("words-*.pickle"))) == 1


def test_a_changed_source_is_rebuilt_not_served_stale(source):
    build = Builder(source)
    cached("words", [source], build)
    source.write_text("word\n人才\n", encoding="utf-8")
    assert cached("words", [source], build) == {"built from": "word\n人才\n", "build": 2}
    source.write_text("word\n党建\n", encoding="utf-8")       # back to the first version: its cache fits again
    assert cached("words", [source], build)["build"] == 1


def test_a_damaged_cache_file_is_rebuilt(source):
    build = Builder(source)
    cached("words", [source], build)
    [stored] = (source.parent / "cache").glob("words-*.pickle")
    stored.write_bytes(b"not a pickle")
    assert cached("words", [source], build)["build"] == 2
    stored.write_bytes(pickle.dumps(("another key", "foreign")))
    assert cached("words", [source], build)["build"] == 3


def test_an_unwritable_cache_folder_falls_back_to_the_next_then_to_memory(source, monkeypatch, tmp_path):
    blocker = tmp_path / "read-only-install"
    blocker.write_text("a file where the cache folder would be: no folder can be made there")
    writable = tmp_path / "user-cache"
    monkeypatch.setattr(resources, "cache_dirs", lambda: [blocker / "_cache", writable])
    build = Builder(source)
    assert cached("words", [source], build)["build"] == 1
    assert len(list(writable.glob("words-*.pickle"))) == 1

    monkeypatch.setattr(resources, "cache_dirs", lambda: [blocker / "_cache"])
    build = Builder(source)
    assert cached("words", [source], build)["build"] == 1       # built in memory, no error
    assert cached("words", [source], build)["build"] == 2       # and nothing was stored


def test_the_cache_folders_are_the_package_then_the_users(monkeypatch, tmp_path):
    monkeypatch.delenv(resources.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    package, user = resources.cache_dirs()
    assert package.parent.name == "extract" and user == tmp_path / "orgwork-extract"


def test_the_gazetteer_cache_depends_on_its_data_and_its_code():
    names = [path.name for path in gazetteer_module._gazetteer_sources()]
    assert {"china_location.zip", "adcodes.csv", "region_aliases.csv", "gazetteer.py"} <= set(names)


def test_the_cached_gazetteer_is_the_one_built_from_the_sources(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.CACHE_ENV, str(tmp_path))
    built = gazetteer_module._build_gazetteer()
    stored = cached("gazetteer", gazetteer_module._gazetteer_sources(), gazetteer_module._build_gazetteer)
    read_back = cached("gazetteer", gazetteer_module._gazetteer_sources(), lambda: pytest.fail("not cached"))
    for gaz in (stored, read_back):
        assert gaz.names == built.names and gaz.townships == built.townships
        assert [p.region for p in gaz.places] == [p.region for p in built.places]


@pytest.mark.parametrize("name", sorted(p.name for p in RESOURCE_DIR.iterdir() if p.name.endswith(".yaml")))
def test_libyaml_reads_every_resource_as_the_python_parser_does(name):
    text = (RESOURCE_DIR / name).read_text(encoding="utf-8")
    assert yaml.load(text, Loader=resources.YAML_LOADER) == yaml.load(text, Loader=yaml.SafeLoader)
