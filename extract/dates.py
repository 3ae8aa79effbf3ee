"""The year or date a document states (placeholder until implemented)."""
from __future__ import annotations


def detect_date(text: str) -> tuple[int | None, str]:
    return None, ""
