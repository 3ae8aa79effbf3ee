"""Which locality a document reports on (placeholder until the gazetteer lands)."""
from __future__ import annotations

from dataclasses import dataclass

UNRECOGNISED_NAME = "未识别"


@dataclass(frozen=True)
class Region:
    name: str
    province: str = ""
    city: str = ""
    level: str = ""
    latitude: float | None = None
    longitude: float | None = None


UNRECOGNISED = Region(UNRECOGNISED_NAME)


def detect_region(text: str) -> Region:
    return UNRECOGNISED
