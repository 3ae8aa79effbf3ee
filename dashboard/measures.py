"""The measures a number can be compared under: their names, pillar and units.

The extraction's table of `extract/resources/measures.yaml` (a byte-identical
copy of ../shared/spec/measures.yaml, see MEASURES.md), loaded and checked once
there; here only how the pickers, titles and hovers name a measure.
"""
from __future__ import annotations

from extract.attribute.measures import OTHER, Measure, measure_table  # noqa: F401 (re-exported)


def measures() -> dict[str, Measure]:
    """code → Measure, in the file's order (grouped by pillar): the extraction's own table."""
    return measure_table()


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
