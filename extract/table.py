"""The tidy table (../shared/spec/TIDY_TABLE.md): its columns, and how it is written.

One row per mention. The first fifteen columns are the contract; the rest are
the extras the spec welcomes (city, coordinates, year, formula scope, bundle
members, the pillar in English and Chinese).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .attribute.measures import measure_zh
from .find.mentions import Mention
from .resources import pillar_names

if TYPE_CHECKING:
    import pandas as pd

# pandas is imported inside the functions that build or read frames, not here: the
# extraction (`mention_row`) and the CSV/JSONL writers need no frame, and pandas
# alone takes ~0.3 s to import.

CONTRACT_COLUMNS = [
    "doc_id", "region", "province", "region_level", "pillar", "kind", "label", "measure",
    "value", "unit", "qualifier", "text", "start", "end", "sentence",
]
EXTRA_COLUMNS = [
    "county", "city", "region_start", "region_end", "region_cue", "latitude", "longitude", "year", "doc_date", "scope", "members",
    "members_mismatch", "pillar_en", "pillar_zh", "measure_zh",
    "sentence_start", "sentence_end",   # where `sentence` (at most 300 characters around the mention) stands
    "doc_title", "doc_publisher", "doc_url",
]
COLUMNS = CONTRACT_COLUMNS + EXTRA_COLUMNS

# Categoricals keep a million-row table small: these columns repeat a handful of values.
CATEGORY_COLUMNS = ["doc_id", "region", "province", "region_level", "pillar", "kind", "measure",
                    "unit", "qualifier", "county", "city", "region_cue", "scope", "pillar_en",
                    "pillar_zh", "measure_zh", "doc_title", "doc_publisher", "doc_url"]
DTYPES = {
    "value": "float64", "start": "int64", "end": "int64",
    "region_start": "Int64", "region_end": "Int64", "latitude": "float64",
    "longitude": "float64", "year": "Int64", "members_mismatch": "bool",
    "sentence_start": "Int64", "sentence_end": "Int64",
}
STRING_COLUMNS = [c for c in COLUMNS if c not in DTYPES]
MEMBER_SEPARATOR = "、"
FORMATS = (".csv", ".jsonl", ".parquet")


def mention_row(doc_fields: dict, mention: Mention) -> dict:
    """One table row: the document's fields (doc_id, region …) plus the mention's."""
    zh, en = pillar_names()[mention.pillar]
    return {
        **doc_fields,
        "pillar": mention.pillar, "kind": mention.kind, "label": mention.label,
        "measure": mention.measure,
        "value": mention.value, "unit": mention.unit, "qualifier": mention.qualifier,
        "text": mention.text, "start": mention.start, "end": mention.end,
        "sentence": mention.sentence, "scope": mention.scope,
        "members": MEMBER_SEPARATOR.join(mention.members),
        "members_mismatch": mention.members_mismatch,
        "pillar_en": en, "pillar_zh": zh, "measure_zh": measure_zh(mention.measure),
    }


def rows_to_frame(rows: Iterable[dict]) -> pd.DataFrame:
    """Rows (dicts) to a frame with every column, in order, with the table's types."""
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=COLUMNS)
    return normalise_types(frame)


def normalise_types(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a frame read from any format the table's column types."""
    import pandas as pd

    frame = frame.reindex(columns=COLUMNS)
    for column in STRING_COLUMNS:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = _fill_category(frame[column])   # keep Parquet's compact categories
        else:
            frame[column] = _fill_text(frame[column])
    frame["members_mismatch"] = (frame["members_mismatch"].astype(str).str.lower()
                                 .isin(["true", "1"]))
    for column, dtype in DTYPES.items():
        if dtype != "bool":
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(dtype)
    return frame


def _fill_text(column: pd.Series) -> pd.Series:
    import pandas as pd

    if pd.api.types.is_numeric_dtype(column.dtype):
        column = column.astype(object)     # an all-empty column arrives as float NaN
    column = column.fillna("")
    return column if isinstance(column.dtype, pd.StringDtype) else column.astype(str)


def _fill_category(column: pd.Series) -> pd.Series:
    # Sorted categories: a table streamed in batches lists them in order of first
    # appearance, one written at once sorted; menus and comparisons want one order.
    column = column.cat.reorder_categories(sorted(column.cat.categories))
    if not column.isna().any():
        return column
    if "" not in column.cat.categories:
        column = column.cat.add_categories([""])
    return column.fillna("")


def write_table(frame: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write the table as CSV, JSON Lines or Parquet, chosen by the file's suffix.

    The file is written beside its target and renamed over it only when complete,
    so a crash never leaves half a table where a whole one used to be.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unsupported table format {suffix!r} (use one of {', '.join(FORMATS)})")
    from .spreadsheet import safe_frame

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    try:
        if suffix == ".csv":
            # BOM: Excel opens the Chinese correctly; csv readers and the scorer skip it.
            # Text cells that would start a formula get an apostrophe (spreadsheet.py).
            safe_frame(frame).to_csv(tmp_name, index=False, encoding="utf-8-sig")
        elif suffix == ".jsonl":
            frame.to_json(tmp_name, orient="records", lines=True, force_ascii=False)
        else:
            to_parquet_frame(frame).to_parquet(tmp_name, index=False)
        os.chmod(tmp_name, 0o666 & ~current_umask())   # mkstemp makes 0600; a table is for sharing
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def to_parquet_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its repetitive columns as categoricals, as Parquet stores them."""
    out = frame.copy()
    for column in CATEGORY_COLUMNS:
        out[column] = out[column].astype("category")
    return out


def read_table(path: str | os.PathLike) -> pd.DataFrame:
    """Read a table written by `write_table` back, with the table's column types."""
    import pandas as pd

    from .spreadsheet import restore_frame

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        # Dictionary-encoded columns come back as categoricals and stay so: a million
        # rows then cost tens of megabytes, not hundreds.
        return normalise_types(pd.read_parquet(path))
    if suffix == ".jsonl":
        return normalise_types(pd.read_json(path, lines=True, dtype=False))
    if suffix == ".csv":
        frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        return normalise_types(restore_frame(frame))   # the apostrophes of formula-like cells taken off
    raise ValueError(f"{path}: unsupported table format {suffix!r} (use one of {', '.join(FORMATS)})")
