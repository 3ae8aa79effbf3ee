"""Display names: the Chinese first, English beside it, for codes in the table.

The codes (pillar, kind, qualifier, region level) come from
../shared/spec/TIDY_TABLE.md and ANNOTATION.md; the pillar names themselves are
the extraction's resource (`extract.resources.pillar_names`), so they are
written down once.
"""
from __future__ import annotations

from extract.resources import pillar_names

KIND_NAMES = {
    "indicator": ("指标", "indicator"),
    "program_count": ("成套举措", "programme bundle"),
    "formula": ("提法", "formula"),
}
QUALIFIER_NAMES = {
    "=": ("确数", "exact"),
    ">": ("余/多/超", "more than"),
    "<": ("近/不到", "nearly, under"),
    "~": ("约/左右", "about"),
}
LEVEL_NAMES = {
    "province": ("省级", "province"),
    "city": ("市", "city"),
    "district": ("区", "district"),
    "county": ("县", "county"),
    "township": ("乡镇街道", "township"),
    "development_zone": ("开发区", "development zone"),
    "corps_division": ("兵团师", "corps division"),
}
# Only these three kinds exist; the order is the one the pages list them in.
KINDS = tuple(KIND_NAMES)


def _both(names: dict[str, tuple[str, str]], code: str) -> str:
    zh, en = names.get(code, (code, ""))
    return f"{zh} ({en})" if en else zh


def pillar_label(code: str) -> str:
    """A pillar code as 中文 (English).

    >>> pillar_label("talent")
    '人才工作 (Talent)'
    """
    return _both(pillar_names(), code)


# Two characters each, for axes a phone must show upright; the full names are in pillars.yaml.
PILLAR_SHORT = {"theory": "理论", "cadres": "干部", "grassroots": "基层", "talent": "人才",
                "integrity": "治党", "development": "发展", "general": "综合"}


def pillar_short(code: str) -> str:
    """A pillar's two-character name.

    >>> pillar_short("grassroots")
    '基层'
    """
    return PILLAR_SHORT.get(code, code)


def pillar_order() -> list[str]:
    """The pillar codes in the order of the annotation guideline."""
    return list(pillar_names())


def kind_label(code: str) -> str:
    """A kind code as 中文 (English).

    >>> kind_label("program_count")
    '成套举措 (programme bundle)'
    """
    return _both(KIND_NAMES, code)


def qualifier_label(code: str) -> str:
    """A qualifier with the words that give it.

    >>> qualifier_label(">")
    '> 余/多/超 (more than)'
    """
    zh, en = QUALIFIER_NAMES.get(code, (code, ""))
    return f"{code} {zh} ({en})" if en else code


def level_label(code: str) -> str:
    return _both(LEVEL_NAMES, code) if code else ""
