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
import gc
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import yaml

RESOURCE_DIR: Traversable = files(__package__) / "resources"
# libyaml's parser when PyYAML has it: the same data (tests/extract/test_resources_cache.py
# compares every file) in a tenth of the time.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ResourceError(ValueError):
    """A resource file is missing, malformed or inconsistent."""


def resource_path(name: str) -> Traversable:
    """A resource file: a Path when the package is a folder, a zipfile.Path inside a zip."""
    return RESOURCE_DIR / name


def package_file(package: str, *parts: str) -> Path:
    """A data file shipped inside an installed package, located without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ResourceError(f"package {package!r} is not installed; see requirements.txt")
    path = Path(spec.submodule_search_locations[0], *parts)
    if not path.is_file():
        raise ResourceError(f"{path}: missing from the installed {package!r}")
    return path


@lru_cache(maxsize=None)
def load_yaml(name: str) -> dict:
    path = resource_path(name)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
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


# --- Built structures cached on disk -----------------------------------------------------------
#
# What takes long to build from the resources and packages (the gazetteer: ~0.8 s) is pickled
# once and read back in a fraction of that by later processes. The file's name carries a hash of
# everything the structure is built from (its sources and the code that builds it), so a changed
# source is never served a stale structure: the next run builds and stores it anew.

CACHE_ENV = "ORGWORK_CACHE_DIR"
CACHE_VERSIONS_KEPT = 3      # per name: other checkouts of the project may use other versions
T = TypeVar("T")


def cache_dirs() -> list[Path]:
    """Where caches are looked for and written, in order: $ORGWORK_CACHE_DIR alone when set; else
    the package's own `_cache` folder (filled at install by `make setup`), then the user's cache
    folder, which a read-only install falls back to."""
    if os.environ.get(CACHE_ENV):
        return [Path(os.environ[CACHE_ENV])]
    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "orgwork-extract"
    return [Path(__file__).resolve().parent / "_cache", user]


def source_hash(paths: Iterable[Path | Traversable]) -> str:
    """A hash of the files' bytes, with the Python and pickle versions the cache depends on too."""
    digest = hashlib.blake2b(f"{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode(), digest_size=16)
    for path in paths:
        data = path.read_bytes()
        digest.update(f"|{getattr(path, 'name', path)}|{len(data)}|".encode())
        digest.update(data)
    return digest.hexdigest()


def cached(name: str, sources: Iterable[Path | Traversable], build: Callable[[], T]) -> T:
    """`build()`, or what an earlier process stored of it while `sources` were the same.

    Unreadable, corrupt or foreign cache files are ignored; when no cache folder can be
    written the structure is built in memory, as without a cache.
    """
    key = source_hash(sources)
    file_name = f"{name}-{key}.pickle"
    for folder in cache_dirs():
        stored = _read_cache(folder / file_name, key)
        if stored is not None:
            return stored[1]
    value = build()
    for folder in cache_dirs():
        if _write_cache(folder, file_name, (key, value)):
            _prune(folder, name, keep=file_name)
            break
    return value


def _read_cache(path: Path, key: str) -> tuple | None:
    collecting = gc.isenabled()
    gc.disable()     # tens of thousands of objects: the collector would run many times for nothing
    try:
        with open(path, "rb") as stream:
            stored = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception:   # noqa: BLE001 — a damaged or foreign file is rebuilt, never trusted
        return None
    finally:
        if collecting:
            gc.enable()
    return stored if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key else None


def _write_cache(folder: Path, file_name: str, payload: tuple) -> bool:
    """Write atomically (a temporary file renamed), so a reader never sees half a cache."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{file_name}.", suffix=".part", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(payload, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / file_name)
        return True
    except Exception:   # noqa: BLE001 — no cache is no error: the value is in memory
        Path(tmp).unlink(missing_ok=True)
        return False


def _prune(folder: Path, name: str, keep: str) -> None:
    """Keep the newest few versions of a cache (other checkouts may need theirs), drop the rest."""
    try:
        versions = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in [p for p in versions if p.name != keep][CACHE_VERSIONS_KEPT - 1:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
