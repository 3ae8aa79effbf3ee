"""Like-for-like comparison: one measure across localities, a locality's profile, a measure over time.

Pure functions on the (filtered) table. A locality that states a measure more
than once is shown by one value: its latest document's (by year, then date),
and within that document its first statement; every statement stays in the
table (`all_statements`). Values are compared within one unit only.
"""
from __future__ import annotations

import pandas as pd

from dashboard.measures import OTHER, measure_label, measure_pillar, measures
from dashboard.names import pillar_order
from dashboard.numbers import value_texts
from dashboard.sources import source_link

MAX_BARS = 60          # bars a reader can take in on one chart; the table lists every locality
DOC_COLUMNS = ["doc_id", "doc_title", "doc_publisher", "doc_date", "doc_url", "year"]
STATEMENT_COLUMNS = ["region", "province", "value", "unit", "qualifier", "value_text", "year", "label", "measure",
                     "doc_title", "doc_publisher", "doc_date", "doc_url", "doc_id", "start", "end", "text",
                     "sentence", "source"]


def compared_indicators(frame: pd.DataFrame) -> pd.DataFrame:
    """Indicators with a value and a measure other than `other`."""
    keep = ((frame["kind"] == "indicator") & frame["value"].notna()
            & (frame["measure"] != OTHER) & (frame["measure"] != "")).to_numpy()
    return frame[keep]


def measure_options(frame: pd.DataFrame) -> pd.DataFrame:
    """The measures the table has: code, pillar, label and how many localities report each,
    grouped by pillar in the guideline's order, most localities first within a pillar."""
    rows = compared_indicators(frame)
    counts = rows.groupby("measure", observed=True)["region"].nunique()
    counts = counts[counts > 0]
    out = pd.DataFrame({"measure": counts.index.astype(str), "regions": counts.to_numpy()})
    out["pillar"] = out["measure"].map(measure_pillar)
    out["label"] = out["measure"].map(measure_label)
    rank = {p: i for i, p in enumerate(pillar_order())}
    known = list(measures())
    out["pillar_rank"] = out["pillar"].map(rank)
    out["file_rank"] = out["measure"].map(lambda m: known.index(m) if m in known else len(known))
    out = out.sort_values(["pillar_rank", "regions", "file_rank"], ascending=[True, False, True])
    return out.drop(columns=["pillar_rank", "file_rank"]).reset_index(drop=True)


def measure_rows(frame: pd.DataFrame, measure: str, years: tuple[int, int] | None = None) -> pd.DataFrame:
    """The statements of one measure, optionally of documents from a span of years."""
    rows = compared_indicators(frame)
    rows = rows[(rows["measure"] == measure).to_numpy()]
    if years is not None:
        rows = rows[rows["year"].between(*years).fillna(False).to_numpy()]
    return rows


def measure_units(rows: pd.DataFrame) -> pd.Series:
    """Units of a measure's statements with the number of localities using each, most first."""
    counts = rows.groupby("unit", observed=True)["region"].nunique()
    return counts[counts > 0].sort_values(ascending=False, kind="stable")


def measure_years(rows: pd.DataFrame) -> list[int]:
    return sorted(int(y) for y in rows["year"].dropna().unique())


def _latest_first(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows ordered latest document first (year, date, doc_id), then by position in the document."""
    ordered = rows.assign(_year=rows["year"].astype("float64"), _date=rows["doc_date"].astype(str),
                          _doc=rows["doc_id"].astype(str))
    ordered = ordered.sort_values(["_year", "_date", "_doc", "start"], ascending=[False, False, False, True],
                                  na_position="last", kind="stable")
    return ordered.drop(columns=["_year", "_date", "_doc"])


def _as_statements(rows: pd.DataFrame) -> pd.DataFrame:
    out = rows.reindex(columns=[c for c in STATEMENT_COLUMNS if c not in ("value_text", "source")]).copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.CategoricalDtype) or out[column].dtype == object:
            out[column] = out[column].astype(str)
    out["value_text"] = value_texts(out["value"], out["unit"], out["qualifier"])
    out["source"] = [source_link(d, s, e) for d, s, e in zip(out["doc_id"], out["start"], out["end"])]
    return out[STATEMENT_COLUMNS]


def headline(rows: pd.DataFrame, unit: str) -> pd.DataFrame:
    """One row per locality in `unit`: its latest document's first statement, largest value first.

    `statements` counts the locality's statements in this unit, `documents` the documents they are in.
    """
    rows = rows[(rows["unit"] == unit).to_numpy()]
    if rows.empty:
        return _as_statements(rows).assign(statements=0, documents=0, latitude=0.0, longitude=0.0).iloc[:0]
    ordered = _latest_first(rows)
    first = ordered.drop_duplicates("region")
    counts = rows.groupby("region", observed=True).agg(statements=("value", "size"), documents=("doc_id", "nunique"))
    out = _as_statements(first)
    out["statements"] = out["region"].map(counts["statements"].rename(index=str)).astype(int)
    out["documents"] = out["region"].map(counts["documents"].rename(index=str)).astype(int)
    out["latitude"] = first["latitude"].to_numpy()
    out["longitude"] = first["longitude"].to_numpy()
    out["region_level"] = first["region_level"].astype(str).to_numpy()
    return out.sort_values(["value", "region"], ascending=[False, True], kind="stable").reset_index(drop=True)


def all_statements(rows: pd.DataFrame, unit: str, shown: pd.DataFrame) -> pd.DataFrame:
    """Every statement of the measure in `unit`, the shown one of each locality marked, in the chart's order."""
    rows = _latest_first(rows[(rows["unit"] == unit).to_numpy()])
    out = _as_statements(rows)
    shown_keys = set(zip(shown["doc_id"], shown["start"]))
    out.insert(0, "shown", [(d, s) in shown_keys for d, s in zip(out["doc_id"], out["start"])])
    order = {region: i for i, region in enumerate(shown["region"])}
    out["_order"] = out["region"].map(order)
    return out.sort_values(["_order", "shown"], ascending=[True, False], kind="stable").drop(columns="_order") \
        .reset_index(drop=True)


def over_time(rows: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Per locality and year, the value shown for that year (its latest document's first statement),
    for the localities that report the measure in more than one year."""
    rows = rows[(rows["unit"] == unit).to_numpy() & rows["year"].notna().to_numpy()]
    if rows.empty:
        return _as_statements(rows)
    first = _latest_first(rows).drop_duplicates(["region", "year"])
    years = first.groupby("region", observed=True)["year"].nunique()
    first = first[first["region"].isin(years[years > 1].index).to_numpy()]
    out = _as_statements(first)
    out["year"] = out["year"].astype(int)
    return out.sort_values(["region", "year"]).reset_index(drop=True)


def region_profile(frame: pd.DataFrame, region: str) -> pd.DataFrame:
    """Every measure a locality reports (per unit), its shown value next to the median of the
    other localities' shown values in the same measure and unit."""
    rows = compared_indicators(frame)
    own = rows[(rows["region"] == region).to_numpy()]
    if own.empty:
        return _as_statements(own).assign(measure_name="", others=0, others_median=float("nan"))
    pairs = own[["measure", "unit"]].astype(str).drop_duplicates()
    same = rows[rows["measure"].isin(pairs["measure"]).to_numpy() & rows["unit"].isin(pairs["unit"]).to_numpy()]
    shown = _latest_first(same).drop_duplicates(["measure", "unit", "region"])
    shown = shown.assign(measure=shown["measure"].astype(str), unit=shown["unit"].astype(str),
                         region=shown["region"].astype(str))
    others = shown[shown["region"] != region].groupby(["measure", "unit"])["value"].agg(["median", "size"])
    mine = _as_statements(shown[shown["region"] == region])
    keys = list(zip(mine["measure"], mine["unit"]))
    mine["measure_name"] = mine["measure"].map(measure_label)
    mine["others"] = [int(others["size"].get(k, 0)) for k in keys]
    mine["others_median"] = [others["median"].get(k, float("nan")) for k in keys]
    mine["others_median_text"] = [text or "— 无 none" for text in
                                  value_texts(mine["others_median"], mine["unit"], ["="] * len(mine))]
    rank = {p: i for i, p in enumerate(pillar_order())}
    mine["_rank"] = mine["measure"].map(lambda m: rank.get(measure_pillar(m), 99))
    return mine.sort_values(["_rank", "measure"]).drop(columns="_rank").reset_index(drop=True)


def documents_of(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per document: its title, publisher, date, URL, locality and year, latest first."""
    columns = ["doc_id", "region", "doc_title", "doc_publisher", "doc_date", "doc_url", "year"]
    # duplicated and value_counts work on a categorical's codes: no string per row of a big table.
    docs = frame.loc[~frame["doc_id"].duplicated().to_numpy(), columns]
    mentions = frame["doc_id"].value_counts(sort=False)
    docs = docs.assign(mentions=docs["doc_id"].map(mentions).astype(int).to_numpy())
    docs = docs.astype({column: str for column in columns[:-1]})
    return _latest_first(docs.assign(start=0)).drop(columns="start").reset_index(drop=True)


def source_line(shown: pd.DataFrame, limit: int = 3) -> str:
    """The OWID-style line under a chart: the documents behind the plotted values.

    >>> source_line(pd.DataFrame({"doc_title": ["某县报告"], "doc_publisher": ["某县委组织部"], "doc_date": ["2023-01-02"], "year": [2023], "doc_id": ["d1"]}))
    '来源 Source: 《某县报告》(某县委组织部, 2023-01-02)'
    """
    docs = shown.drop_duplicates("doc_id")
    parts = []
    for row in docs.head(limit).itertuples():
        title = str(row.doc_title or row.doc_id)
        when = str(row.doc_date) if str(row.doc_date) not in ("", "nan", "<NA>") else (
            str(row.year) if str(row.year) not in ("", "nan", "<NA>") else "")
        details = ", ".join(p for p in (str(row.doc_publisher), when) if p and p not in ("nan", "<NA>"))
        parts.append(f"《{title}》" + (f"({details})" if details else ""))
    more = f"；另 {len(docs) - limit} 份文档 +{len(docs) - limit} more documents" if len(docs) > limit else ""
    return "来源 Source: " + "；".join(parts) + more
