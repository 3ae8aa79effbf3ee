"""The measures a number can be compared under: their names, pillar and units.

Read from `extract/resources/measures.yaml` (a byte-identical copy of
../shared/spec/measures.yaml, see MEASURES.md) through importlib.resources, as
the extraction reads its resources; written down once, used by the pickers,
titles and hovers.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from extract.resources import load_yaml

OTHER = "other"


@dataclass(frozen=True)
class Measure:
    code: str
    zh: str
    en: str
    pillar: str
    units: tuple[str, ...]
    definition: str


@lru_cache(maxsize=1)
def measures() -> dict[str, Measure]:
    """code → Measure, in the file's order (grouped by pillar)."""
    return {entry["code"]: Measure(entry["code"], entry["zh"], entry["en"], entry["pillar"],
                                   tuple(entry.get("units") or ()), entry.get("definition", ""))
            for entry in load_yaml("measures.yaml")["measures"]}


def measure_label(code: str) -> str:
    """A measure code as 中文 (English); an unknown code as itself.

    >>> measure_label("talent_housing")
    '人才公寓套数 (Talent housing units)'
    """
    known = measures().get(code)
    return f"{known.zh} ({known.en})" if known else code


def measure_pillar(code: str) -> str:
    known = measures().get(code)
    return known.pillar if known else "general"
