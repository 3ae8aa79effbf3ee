"""Rows encoded for the table file where they are extracted, so the writing process only appends text.

A pool worker turns its documents' rows (dicts) into the finished CSV or JSON
Lines text; the parent writes the chunks in order and does no per-row work.
The encoding is exactly what pandas wrote before (`table.rows_to_frame` then
`to_csv` / `to_json`), byte for byte, without importing pandas (~0.3 s of a
one-report run): each cell is normalised as `table.normalise_types` does, CSV
text cells are made inert as `spreadsheet.safe_cell` does, and numbers are
formatted as numpy (CSV) and pandas' ujson (JSON, 10 decimals) format them.
`tests/extract/run/test_encoding.py` compares both with pandas on awkward values.

Parquet is not encoded here: its rows travel as dicts and the writer builds
Arrow batches from them.
"""
from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass
from operator import itemgetter
from typing import Callable

from ..spreadsheet import safe_cell
from ..table import COLUMNS, DTYPES

ENCODED_FORMATS = (".csv", ".jsonl")

TEXT, FLOAT, INT, NULLABLE_INT, BOOL = "text", "float", "int", "nullable_int", "bool"
_KIND_OF_DTYPE = {"float64": FLOAT, "int64": INT, "Int64": NULLABLE_INT, "bool": BOOL}
COLUMN_KINDS = tuple(_KIND_OF_DTYPE[DTYPES[c]] if c in DTYPES else TEXT for c in COLUMNS)


@dataclass
class EncodedRows:
    """A document's rows as the table file's text (`suffix` .csv or .jsonl) and how many there are."""
    suffix: str
    count: int
    text: str

    def __len__(self) -> int:
        return self.count


@dataclass
class EncodedResult:
    """A `DocumentResult` with its rows encoded, as a pool worker sends it back: a class of this
    light module, so the process writing the table never imports the extraction to unpickle it."""
    doc_id: str
    path: str
    rows: EncodedRows | list
    warnings: list[str]
    error: str | None = None


def encode_result(result, suffix: str) -> EncodedResult:
    return EncodedResult(result.doc_id, result.path, encode_rows(result.rows, suffix), result.warnings, result.error)


# --- cells, as table.normalise_types types them ------------------------------------------------

def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value if isinstance(value, str) else str(value)


def _float(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None if value is None else float(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None      # pd.to_numeric(errors="coerce")
    return None if math.isnan(number) else number


def _int(value) -> int | None:
    number = _float(value) if not isinstance(value, int) else value
    return None if number is None else int(number)


def _bool(value) -> bool:
    return str(value).lower() in ("true", "1")


_NORMALISE = {TEXT: _text, FLOAT: _float, INT: _int, NULLABLE_INT: _int, BOOL: _bool}
_NORMALISERS = tuple(_NORMALISE[kind] for kind in COLUMN_KINDS)
_FORMULA_FIRST = frozenset("'=+-@\t\r")   # a text cell starting so may need safe_cell's apostrophe


def _safe_text(value) -> str:
    return safe_cell(_text(value))


# A cell already of its column's type passes through a test inlined in one generated function (a
# function call per cell cost more than the extraction's labels); only the rare other cells are
# converted by the functions above. This runs for every row of the table.
_CELL_TESTS = {TEXT: "{v}.__class__ is str", FLOAT: "{v}.__class__ is float and {v} == {v}",
               INT: "{v}.__class__ is int", NULLABLE_INT: "{v}.__class__ is int", BOOL: "{v}.__class__ is bool"}


def _row_converter(text_cell: Callable, csv_safe: bool) -> Callable[[dict], tuple]:
    """A function: row dict → tuple of cells in column order, each of its column's type."""
    cells = [f"c{i}" for i in range(len(COLUMNS))]
    converters = {"text_cell": text_cell, "getter": itemgetter(*COLUMNS), "FORMULA_FIRST": _FORMULA_FIRST,
                  **{f"n{i}": normalise for i, normalise in enumerate(_NORMALISERS)}}
    parts = []
    for i, (cell, kind) in enumerate(zip(cells, COLUMN_KINDS)):
        test = _CELL_TESTS[kind].format(v=cell)
        if kind == TEXT and csv_safe:
            test += f" and {cell}[:1] not in FORMULA_FIRST"
        convert = f"text_cell({cell})" if kind == TEXT else f"n{i}({cell})"
        parts.append(f"{cell} if {test} else {convert}")
    source = (f"def convert(row):\n    {', '.join(cells)}, = getter(row)\n"
              f"    return ({', '.join(parts)},)\n")
    namespace: dict = {}
    exec(compile(source, f"<row converter {'csv' if csv_safe else 'typed'}>", "exec"), converters, namespace)
    return namespace["convert"]


_typed_full_row = _row_converter(_text, csv_safe=False)
_csv_full_row = _row_converter(_safe_text, csv_safe=True)


def typed_row(row: dict) -> tuple:
    """A row dict as a tuple in column order, each cell of its column's type (None = missing)."""
    if len(row) >= len(COLUMNS):
        try:
            return _typed_full_row(row)
        except KeyError:
            pass
    get = row.get
    return tuple(normalise(get(column)) for normalise, column in zip(_NORMALISERS, COLUMNS))


def csv_row(row: dict) -> tuple:
    """A row as the CSV's cells: typed, text made inert for spreadsheets; the csv module writes
    None as an empty cell and numbers as str() does (repr for floats, as numpy's)."""
    if len(row) >= len(COLUMNS):
        try:
            return _csv_full_row(row)
        except KeyError:
            pass
    return tuple(_csv_cell(kind, value) for kind, value in zip(COLUMN_KINDS, typed_row(row)))


# --- CSV ------------------------------------------------------------------------------------

def _csv_cell(kind: str, value) -> object:
    if kind == TEXT:
        return safe_cell(value)
    if value is None:
        return ""
    if kind == FLOAT:
        return repr(value)      # numpy's shortest round-trip form, as pandas writes float64
    return str(value)          # ints, and True/False


def csv_header() -> str:
    return csv_text([COLUMNS])


def csv_text(rows) -> str:
    """Rows (tuples of cells) as CSV lines, written as pandas' to_csv writes them (csv module, minimal quoting)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=os.linesep).writerows(rows)
    return buffer.getvalue()


def encode_csv(rows: list[dict]) -> str:
    return csv_text(map(csv_row, rows))


# --- JSON Lines, as pandas' to_json(orient="records", lines=True, force_ascii=False) ----------

_JSON_ESCAPES = {'"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n",
                 "\r": "\\r", "\t": "\\t"}
_JSON_ESCAPES.update({chr(code): f"\\u{code:04x}" for code in range(0x20) if chr(code) not in _JSON_ESCAPES})
_JSON_TRANSLATION = str.maketrans(_JSON_ESCAPES)
_PRECISION = 10            # pandas' default double_precision
_POW10 = 10.0 ** _PRECISION
_EXPONENT_ABOVE = 1e16 - 1  # ujson's thresholds for falling back to printf's %g
_EXPONENT_BELOW = 1e-15


def json_float(value: float) -> str:
    """A double as pandas' vendored ujson writes it: at most 10 decimals, trailing zeros dropped, ".0" kept.

    >>> json_float(12000.0), json_float(1 / 3), json_float(123456789.123456789), json_float(1.5e17)
    ('12000.0', '0.3333333333', '123456789.123456791', '1.5e+17')
    """
    negative = value < 0
    magnitude = -value if negative else value
    if magnitude > _EXPONENT_ABOVE or (magnitude != 0.0 and magnitude < _EXPONENT_BELOW):
        return "%.*g" % (_PRECISION, value)
    whole = int(magnitude)
    scaled = (magnitude - whole) * _POW10
    frac = int(scaled)
    diff = scaled - frac
    if diff > 0.5 or (diff == 0.5 and (frac == 0 or frac & 1)):
        frac += 1
    if frac >= _POW10:
        frac = 0
        whole += 1
    if frac:
        digits = str(frac).rjust(_PRECISION, "0").rstrip("0")
        text = f"{whole}.{digits}"
    else:
        text = f"{whole}.0"
    return "-" + text if negative else text


def _json_value(kind: str, value) -> str:
    if kind == TEXT:
        return '"' + value.translate(_JSON_TRANSLATION) + '"'
    if value is None:
        return "null"
    if kind == FLOAT:
        return json_float(value)
    if kind == BOOL:
        return "true" if value else "false"
    return str(value)


_JSON_KEYS = tuple('"' + column.translate(_JSON_TRANSLATION) + '":' for column in COLUMNS)


def encode_jsonl(rows: list[dict]) -> str:
    lines = []
    for row in rows:
        cells = typed_row(row)
        lines.append("{" + ",".join(key + _json_value(kind, value)
                                    for key, kind, value in zip(_JSON_KEYS, COLUMN_KINDS, cells)) + "}\n")
    return "".join(lines)


ENCODERS = {".csv": encode_csv, ".jsonl": encode_jsonl}


def encode_rows(rows: list[dict], suffix: str) -> EncodedRows | list[dict]:
    """The rows as the table file's text for CSV and JSON Lines; unchanged for other formats."""
    encoder = ENCODERS.get(suffix)
    return EncodedRows(suffix, len(rows), encoder(rows)) if encoder and rows else rows
