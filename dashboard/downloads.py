"""CSV downloads that open right in Excel and cannot run as formulas there.

UTF-8 with a byte-order mark, so Excel shows the Chinese rather than mojibake;
a text cell that begins with = + - @ (or a tab or carriage return, which Excel
also reads as a formula start) gets a leading apostrophe, the OWASP advice
against CSV injection, by the same rule as the command line's CSV table
(`extract.spreadsheet`). Numbers stay numbers: a negative value is not text.
"""
from __future__ import annotations

import re

import pandas as pd

from extract.spreadsheet import FORMULA_STARTS, is_text_column, safe_cell, safe_frame  # noqa: F401 (re-exported)

BOM = "\ufeff"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as CSV bytes: BOM, UTF-8, header row, formula-safe text cells."""
    out = frame.copy()
    for column in out.columns:
        if is_text_column(out[column]):
            out[column] = out[column].astype("string").fillna("")
    return (BOM + safe_frame(out).to_csv(index=False, lineterminator="\r\n")).encode("utf-8")


def file_name(*parts: str, suffix: str = ".csv") -> str:
    """A download's file name from its parts, without characters file systems refuse.

    >>> file_name("indicators", "talent", "人/次")
    'indicators_talent_人-次.csv'
    """
    cleaned = [re.sub(r'[\\/:*?"<>|\s]+', "-", p).strip("-") for p in parts if p]
    return "_".join(p for p in cleaned if p) + suffix
