"""Load the data files in `extract/resources/`, once each, and check them.

Every rule that is really a word list (units, qualifier words, programme nouns,
pillar cues, national slogans, idioms, region aliases) lives in a YAML or CSV
file there, so a reviewer who reads no Python can still review and extend it.
A malformed file fails loudly here, naming the file, not deep in a finder.
The files are read through `importlib.resources`, not paths beside `__file__`,
so the package also works from the zip the engines ship to a Dask cluster.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable

import yaml

RESOURCE_DIR: Traversable = files(__package__) / "resources"


class ResourceError(ValueError):
    """A resource file is missing, malformed or inconsistent."""


def resource_path(name: str) -> Traversable:
    """A resource file: a Path when the package is a folder, a zipfile.Path inside a zip."""
    return RESOURCE_DIR / name


@lru_cache(maxsize=None)
def load_yaml(name: str) -> dict:
    path = resource_path(name)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ResourceError(f"{path}: cannot be read as YAML: {error}") from error
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: expected a mapping at the top level")
    return data


@lru_cache(maxsize=None)
def load_csv(name: str) -> tuple[dict, ...]:
    """A CSV resource as rows; lines starting with # are comments (sources, notes)."""
    path = resource_path(name)
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    except OSError as error:
        raise ResourceError(f"{path}: cannot be read: {error}") from error
    return tuple(csv.DictReader(lines))


def word_list(name: str, key: str) -> list[str]:
    """A list of strings under `key`, checked for type, blanks and duplicates."""
    data = load_yaml(name)
    words = data.get(key)
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ResourceError(f"{resource_path(name)}: '{key}' must be a list of non-empty strings")
    duplicates = sorted({w for w in words if words.count(w) > 1})
    if duplicates:
        raise ResourceError(f"{resource_path(name)}: '{key}' repeats {duplicates}")
    return words


def word_map(name: str, key: str) -> dict[str, str]:
    """A mapping canonical → [surface forms] turned into surface form → canonical.

    A surface form may belong to one canonical entry only.
    """
    data = load_yaml(name)
    groups = data.get(key)
    if not isinstance(groups, dict):
        raise ResourceError(f"{resource_path(name)}: '{key}' must map names to lists of words")
    surface: dict[str, str] = {}
    for canonical, forms in groups.items():
        if not isinstance(forms, list) or not all(isinstance(f, str) and f for f in forms):
            raise ResourceError(f"{resource_path(name)}: '{key}.{canonical}' must be a list of words")
        for form in forms:
            if form in surface:
                raise ResourceError(
                    f"{resource_path(name)}: {form!r} is under both {surface[form]!r} and {canonical!r}")
            surface[form] = str(canonical)
    return surface


@lru_cache(maxsize=None)
def pillar_names() -> dict[str, tuple[str, str]]:
    """Pillar code → (中文 name, English name)."""
    pillars = load_yaml("pillars.yaml").get("pillars")
    if not isinstance(pillars, dict):
        raise ResourceError(f"{resource_path('pillars.yaml')}: 'pillars' must be a mapping")
    names = {}
    for code, entry in pillars.items():
        if not isinstance(entry, dict) or not entry.get("zh") or not entry.get("en"):
            raise ResourceError(f"{resource_path('pillars.yaml')}: pillar {code!r} needs zh and en names")
        names[code] = (entry["zh"], entry["en"])
    return names
