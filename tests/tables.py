"""Helpers shared by the tests of everything that writes the table."""
from __future__ import annotations

import pandas as pd


def assert_same_table(streamed: pd.DataFrame, whole: pd.DataFrame) -> None:
    """Equal, row for row and type for type, whichever way each table was written.

    A streamed Parquet file lists its categories in order of first appearance (each
    row group has its own dictionary), a frame written at once sorted: compare sorted."""
    def sorted_categories(frame):
        return frame.apply(lambda c: c.cat.reorder_categories(sorted(c.cat.categories))
                           if isinstance(c.dtype, pd.CategoricalDtype) else c)
    pd.testing.assert_frame_equal(sorted_categories(streamed), sorted_categories(whole))
