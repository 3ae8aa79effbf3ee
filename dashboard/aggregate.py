"""The rows each chart plots, computed from the (filtered) table.

Every chart is drawn from one of these frames and its CSV download is the same
frame, so what a user downloads is exactly what the chart shows. Large tables
are aggregated here, before any figure is built: a chart never receives more
than a few thousand rows, however big the table.
"""
from __future__ import annotations

import pandas as pd

from dashboard.names import pillar_label, pillar_order

# Kinds that carry a pillar (ANNOTATION.md: "Every indicator and program count belongs to one pillar").
PILLAR_KINDS = ("indicator", "program_count")
MAX_MATRIX_REGIONS = 40
MAX_INDICATOR_POINTS = 2000
MAX_CHART_REGIONS = 30     # rows of a region axis a reader can take in; the sidebar picks others
MAX_BUNDLES = 60
# The columns that let a plotted row be traced back to its characters.
TRACE_COLUMNS = ["doc_id", "start", "end", "text", "sentence"]


def _first(frame: pd.DataFrame, keys: list[str], columns: list[str]) -> pd.DataFrame:
    return frame.groupby(keys, observed=True, sort=False)[columns].first()


def region_pillar_matrix(frame: pd.DataFrame, max_regions: int = MAX_MATRIX_REGIONS) -> pd.DataFrame:
    """Long table region × pillar: how many indicators and programme bundles were found.

    Only the `max_regions` regions with the most mentions are kept (all of them
    when fewer); pillars come in the guideline's order, regions most mentions first.
    """
    rows = frame[frame["kind"].isin(PILLAR_KINDS)]
    counts = (rows.groupby(["region", "pillar", "kind"], observed=True).size()
              .unstack("kind", fill_value=0).reindex(columns=list(PILLAR_KINDS), fill_value=0))
    counts.columns = ["indicators", "bundles"]
    counts["mentions"] = counts["indicators"] + counts["bundles"]
    counts = counts.reset_index()
    counts["region"] = counts["region"].astype(str)
    counts["pillar"] = counts["pillar"].astype(str)
    totals = counts.groupby("region")["mentions"].sum().sort_values(ascending=False, kind="stable")
    keep = totals.index[:max_regions]
    counts = counts[counts["region"].isin(keep)].copy()
    counts["region_rank"] = counts["region"].map({r: i for i, r in enumerate(keep)})
    counts["pillar_rank"] = counts["pillar"].map({p: i for i, p in enumerate(pillar_order())})
    counts["pillar_name"] = counts["pillar"].map(pillar_label)
    counts = counts.sort_values(["region_rank", "pillar_rank"]).drop(columns=["region_rank", "pillar_rank"])
    return counts[["region", "pillar", "pillar_name", "indicators", "bundles", "mentions"]].reset_index(drop=True)


def region_points(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per reporting region: where it is and how much it reported."""
    # A region's name fixes its province, level, city and place: group by the name alone.
    by_region = frame.groupby("region", observed=True, sort=False)
    points = by_region[["province", "region_level", "city", "latitude", "longitude"]].first()
    points["documents"] = frame[["region", "doc_id"]].drop_duplicates().groupby("region", observed=True).size()
    points["mentions"] = frame["kind"].isin(PILLAR_KINDS).groupby(frame["region"], observed=True).sum()
    points = points.astype({"documents": "int64", "mentions": "int64"}).reset_index()
    for column in ["region", "province", "region_level", "city"]:
        points[column] = points[column].astype(str)
    columns = ["region", "province", "region_level", "city", "latitude", "longitude", "documents", "mentions"]
    return points[columns].sort_values(["mentions", "region"], ascending=[False, True]).reset_index(drop=True)


def unmeasured(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows no comparable measure fits: measure `other`, or none yet (a table made before
    the measures existed); bundles and formulas stay."""
    return frame[~(frame["kind"] == "indicator").to_numpy() | frame["measure"].isin(["other", ""]).to_numpy()]


def indicator_units(frame: pd.DataFrame, pillar: str) -> pd.Series:
    """Units of the pillar's indicators with their number of mentions, most used first."""
    rows = frame[(frame["kind"] == "indicator") & (frame["pillar"] == pillar) & frame["value"].notna()]
    counts = rows["unit"].astype(str).value_counts()
    return counts[counts.index != ""]


def indicator_pillars(frame: pd.DataFrame) -> pd.Series:
    """Pillars that have indicators, with their number, in the guideline's order."""
    counts = frame.loc[frame["kind"] == "indicator", "pillar"].astype(str).value_counts()
    return counts.reindex([p for p in pillar_order() if p in counts.index])


def indicator_points(frame: pd.DataFrame, pillar: str, unit: str, max_points: int = MAX_INDICATOR_POINTS,
                     max_regions: int = MAX_CHART_REGIONS) -> pd.DataFrame:
    """The indicators of one pillar in one unit, as the chart plots them.

    The `max_regions` regions with the most such mentions are kept. Then one
    row per mention while there are at most `max_points`; beyond that the
    mentions are grouped by region and label (median value, the number of
    mentions, and the first mention as the example to trace), and the groups
    with the most mentions are kept. Either way the `mentions` column says how
    many mentions stand behind a row.
    """
    rows = frame[(frame["kind"] == "indicator") & (frame["pillar"] == pillar)
                 & (frame["unit"] == unit) & frame["value"].notna()]
    top = rows["region"].value_counts()
    if (top > 0).sum() > max_regions:
        rows = rows[rows["region"].isin(top.index[:max_regions])]
    columns = ["region", "province", "label", "value", "unit", "qualifier", *TRACE_COLUMNS, "doc_title"]
    if len(rows) <= max_points:
        points = rows[columns].copy()
        points.insert(4, "mentions", 1)
    else:
        keys = ["region", "province", "label"]
        grouped = rows.groupby(keys, observed=True, sort=False)
        points = grouped.agg(value=("value", "median"), mentions=("value", "size"))
        points = points.join(_first(rows, keys, ["unit", "qualifier", *TRACE_COLUMNS, "doc_title"]))
        points = (points.reset_index().sort_values("mentions", ascending=False, kind="stable")
                  .head(max_points)[columns[:4] + ["mentions"] + columns[4:]])
    for column in ["region", "province", "label", "unit", "qualifier", "doc_id", "text", "sentence", "doc_title"]:
        points[column] = points[column].astype(str)
    points["pillar"] = pillar
    return points.sort_values(["region", "value"]).reset_index(drop=True)


def bundles(frame: pd.DataFrame, max_bundles: int = MAX_BUNDLES) -> pd.DataFrame:
    """Programme bundles (四项工程 → 4) by region: one row per region and bundle name.

    A bundle repeated in several documents of a region counts once with the
    number of documents; its members are the first non-empty list.
    """
    rows = frame[frame["kind"] == "program_count"]
    keys = ["region", "label", "pillar"]
    columns = ["region", "province", "pillar", "pillar_name", "label", "value", "unit",
               "members", "members_mismatch", "documents", *TRACE_COLUMNS]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    grouped = rows.groupby(keys, observed=True, sort=False)
    out = grouped.agg(value=("value", "first"), documents=("doc_id", "nunique"),
                      members_mismatch=("members_mismatch", "any"))
    with_members = rows[rows["members"].astype(str) != ""]
    out["members"] = _first(with_members, keys, ["members"])["members"] if len(with_members) else ""
    out = out.join(_first(rows, keys, ["province", "unit", *TRACE_COLUMNS])).reset_index()
    for column in ["region", "province", "label", "pillar", "unit", "members", "doc_id", "text", "sentence"]:
        out[column] = out[column].fillna("").astype(str)
    out["pillar_name"] = out["pillar"].map(pillar_label)
    out = out.sort_values(["documents", "region", "value"], ascending=[False, True, False], kind="stable")
    return out.head(max_bundles)[columns].sort_values(["region", "value", "label"]).reset_index(drop=True)


def document_ids(frame: pd.DataFrame) -> list[str]:
    """The documents the rows come from, in table order (unique on the codes: fast on categoricals)."""
    return [str(d) for d in frame["doc_id"].unique()]


def document_titles(frame: pd.DataFrame, doc_ids: list[str]) -> dict[str, str]:
    """doc_id → its title, for the given documents (first row of each)."""
    rows = frame[frame["doc_id"].isin(doc_ids).to_numpy()].drop_duplicates("doc_id")
    return dict(zip(rows["doc_id"].astype(str), rows["doc_title"].astype(str)))


def document_mentions(frame: pd.DataFrame, doc_id: str) -> pd.DataFrame:
    """A document's mentions in text order."""
    rows = frame[frame["doc_id"] == doc_id]
    return rows.sort_values(["start", "end"]).reset_index(drop=True)
