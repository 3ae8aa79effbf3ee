"""The shared filters: which regions, pillars, kinds and labels a view keeps.

Pure functions on the table. The sidebar turns widget values into a
`Selection`; every page then sees `filter_table(table, selection)`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.names import KINDS, pillar_order

# The filter, the column it tests and the widget / URL key it is kept under.
FILTER_COLUMNS = {"regions": "region", "pillars": "pillar", "kinds": "kind", "labels": "label"}


@dataclass(frozen=True)
class Selection:
    """What the user kept; an empty tuple keeps everything."""
    regions: tuple[str, ...] = ()
    pillars: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    @property
    def is_everything(self) -> bool:
        return not any(getattr(self, name) for name in FILTER_COLUMNS)

    def describe(self) -> str:
        """The selection in words, for captions and file names ("" when nothing is filtered)."""
        return "; ".join(f"{name}: {'、'.join(getattr(self, name))}"
                         for name in FILTER_COLUMNS if getattr(self, name))


def filter_table(frame: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    """The rows of the table the selection keeps, as a new frame.

    The input is never changed (copy-on-write: the result shares no writable data).
    """
    keep = np.ones(len(frame), dtype=bool)
    for name, column in FILTER_COLUMNS.items():
        values = getattr(selection, name)
        if values:
            keep &= frame[column].isin(values).to_numpy()
    if keep.all():
        return frame.copy(deep=False)
    return frame[keep].reset_index(drop=True)


def filter_options(frame: pd.DataFrame) -> dict[str, list[str]]:
    """The values each filter offers, in the order a reader looks for them.

    Regions are grouped by province; pillars and kinds follow the annotation
    guideline; labels come most frequent first.
    """
    regions = (frame[["province", "region"]].drop_duplicates().astype(str)
               .sort_values(["province", "region"])["region"])
    present_pillars = set(frame["pillar"].astype(str).unique())
    present_kinds = set(frame["kind"].astype(str).unique())
    counts = frame["label"].value_counts(sort=False)
    labels = pd.DataFrame({"label": counts.index.astype(str), "count": counts.to_numpy()})
    labels = labels[(labels["label"] != "") & (labels["count"] > 0)]
    labels = labels.sort_values(["count", "label"], ascending=[False, True])
    return {
        "regions": [r for r in dict.fromkeys(regions) if r],
        "pillars": [p for p in pillar_order() if p in present_pillars],
        "kinds": [k for k in KINDS if k in present_kinds],
        "labels": labels["label"].tolist(),
    }


def keep_known(selection: Selection, options: dict[str, list[str]]) -> Selection:
    """The selection without values the table does not have (say, from an old URL)."""
    return Selection(**{name: tuple(v for v in getattr(selection, name) if v in set(options[name]))
                        for name in FILTER_COLUMNS})
