"""CSV cells that a spreadsheet cannot run as formulas, and that read back as they were.

OWASP's advice against CSV injection: a text cell that begins with ``=``,
``+``, ``-`` or ``@`` (or a tab or carriage return, which Excel also reads as a
formula start) gets a leading apostrophe, so Excel and LibreOffice show it as
text. Used by the command line's CSV table (`table.write_table`,
`run.writers.TableWriter`) and the dashboard's downloads.

Two rules keep the table exact for programs:

- a cell of one character (the qualifier codes ``=``, ``>``, ``<``, ``~``)
  holds no formula and is left alone, so the qualifier column reads back as
  ``=`` in any CSV reader (the shared scorer's, LibreOffice's) and filtering on
  it finds its rows;
- a cell that already begins with apostrophes before a formula start gets one
  more, so `restore_cell` (what `table.read_table` applies) can take exactly
  one away and give back the original text.

Numbers are not text and are never touched: a negative value stays a number.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_ESCAPE = re.compile(r"'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"'(?='*[=+\-@\t\r])")


def safe_cell(value: object) -> object:
    """A text cell made inert for spreadsheets; anything else unchanged.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("1.2万余人次"), safe_cell(-3.0), safe_cell("="), safe_cell("-")
    ("'=HYPERLINK(1)", '1.2万余人次', -3.0, '=', '-')
    """
    if isinstance(value, str) and len(value) > 1 and _NEEDS_ESCAPE.match(value):   # one character runs nothing
        return "'" + value
    return value


def restore_cell(value: object) -> object:
    """The text `safe_cell` was given, from what it wrote.

    >>> restore_cell("'=HYPERLINK(1)"), restore_cell("''-1"), restore_cell("'quoted'"), restore_cell("=")
    ('=HYPERLINK(1)', "'-1", "'quoted'", '=')
    """
    if isinstance(value, str) and _ESCAPED.match(value):
        return value[1:]
    return value


def is_text_column(column: pd.Series) -> bool:
    import pandas as pd   # here, not at the top: the CLI's CSV writer uses safe_cell without pandas

    return not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column))


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame with every text cell made inert (`safe_cell`); the input is left alone."""
    return _map_text_cells(frame, safe_cell)


def restore_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame `safe_frame` was given, from a CSV it was written to (text columns)."""
    return _map_text_cells(frame, restore_cell)


def _map_text_cells(frame: pd.DataFrame, cell) -> pd.DataFrame:
    import pandas as pd

    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if not is_text_column(column):
            continue
        if isinstance(column.dtype, pd.CategoricalDtype):   # a handful of categories, however many rows
            out[name] = column.cat.rename_categories([cell(c) for c in column.cat.categories])
        elif column.dtype == object or isinstance(column.dtype, pd.StringDtype):
            out[name] = column.map(cell, na_action="ignore")
    return out

