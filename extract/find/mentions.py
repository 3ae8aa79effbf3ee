"""The one result type that carries a mention through every extraction stage.

A `Mention` is born in a finder (`indicators`, `programs`) with its offsets and
text, is filled in by later stages (pillar, label), and becomes a table row only
at the very end (`table.mentions_to_frame`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("indicator", "program_count", "formula")
QUALIFIERS = ("=", ">", "<", "~")


@dataclass(slots=True)      # tens of thousands per corpus megabyte: slots make them smaller and quicker
class Mention:
    kind: str                      # one of KINDS
    start: int                     # offsets into the document text, end exclusive
    end: int
    text: str                      # document[start:end], always
    value: float | None = None     # normalised number; None for a formula
    unit: str = ""                 # normalised unit; for a program count the counted noun
    qualifier: str = "="           # one of QUALIFIERS
    label: str = ""                # what is measured (人才公寓), or the bundle's name
    measure: str = ""              # an indicator's comparable measure (talent_housing) or other; "" otherwise
    pillar: str = "general"
    sentence: str = ""
    members: list[str] = field(default_factory=list)   # a bundle's listed members
    members_mismatch: bool = False  # members listed, but not N of them
    scope: str = ""                # a formula's scope: national or local

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown mention kind {self.kind!r}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        if self.end <= self.start:
            raise ValueError(f"empty span {self.start}:{self.end}")

    def overlaps(self, other: "Mention") -> bool:
        return self.start < other.end and other.start < self.end
