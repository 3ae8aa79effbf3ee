"""Where the dashboard's table comes from, and how it is held in memory.

By default the dashboard extracts the bundled reports (`data/raw/`) with the
extraction pipeline. The environment variable ORGWORK_TABLE points it at a
table written by `python -m extract … --out TABLE` instead (a test fixture, a
million-row benchmark table); ORGWORK_DOCS names the folder holding the
documents that table's offsets refer to (default `data/raw/`).

Nothing here imports streamlit: the app caches these functions, tests call them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping

import pandas as pd
import pyarrow.parquet as pq

from extract.read.documents import Document, DocumentError, find_documents, read_document
from extract.pipeline import extract_document
from extract.table import CATEGORY_COLUMNS, COLUMNS, DTYPES, STRING_COLUMNS, read_table, rows_to_frame

REPO_DIR = Path(__file__).resolve().parents[1]
RAW_DIR = REPO_DIR / "data" / "raw"
GOLD_PATH = REPO_DIR / "tests" / "gold" / "seeds.jsonl"
TABLE_ENV = "ORGWORK_TABLE"
DOCS_ENV = "ORGWORK_DOCS"

# Free-text columns (label, text, sentence, members …) become categoricals when
# they repeat this much (fewer distinct values than this share of rows): a
# many-document table repeats sentences and labels, and a category holds each
# distinct string once.
REPEAT_SHARE = 0.5

Progress = Callable[[int, int, str], None]   # (files done, files in all, current file name)


@dataclass(frozen=True)
class Source:
    """A table file or a folder of reports, with a token that changes when it does."""
    kind: str          # "table" or "folder"
    path: Path
    token: str         # path and modification time: the cache key

    @property
    def label(self) -> str:
        return f"{self.kind} {self.path}"


@dataclass(frozen=True)
class FileReport:
    """What became of one file: its rows, or why it gave none."""
    name: str
    doc_id: str
    rows: int
    format: str = ""
    warnings: tuple[str, ...] = ()
    error: str | None = None


@dataclass
class Extraction:
    """A table and the per-file reports of the extraction that made it."""
    frame: pd.DataFrame
    files: list[FileReport] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)   # doc_id → text, for the sources page


def table_source(environ: Mapping[str, str] = os.environ) -> Source:
    """The table named by ORGWORK_TABLE, or else the folder of bundled reports."""
    named = environ.get(TABLE_ENV, "").strip()
    path = Path(named) if named else RAW_DIR
    kind = "table" if named else "folder"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such {kind} (from {TABLE_ENV})" if named else f"{path}: no such folder")
    return Source(kind, path, f"{path.resolve()}@{_modified(path)}")


def docs_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """Where the documents behind the table are: ORGWORK_DOCS, or `data/raw/`."""
    named = environ.get(DOCS_ENV, "").strip()
    return Path(named) if named else RAW_DIR


def _modified(path: Path) -> float:
    if path.is_dir():
        return max((p.stat().st_mtime for p in path.rglob("*") if p.is_file()), default=path.stat().st_mtime)
    return path.stat().st_mtime


def load_source(source: Source, progress: Progress | None = None) -> Extraction:
    """The compact table of a source: read a table file, or extract a folder."""
    if source.kind == "table":
        return Extraction(read_compact(source.path))
    return extract_paths(find_documents([source.path]), progress)


def read_compact(path: Path) -> pd.DataFrame:
    """A table file in the dashboard's compact types.

    Parquet is read directly: `extract.table.read_table` turns every stored
    categorical back into Python strings and then into categories again, which
    takes 7–8 s and 900 MB for a million rows against under a second and half
    that here; `compact` then gives the same columns and types
    (tests/dashboard/test_data.py checks that the two agree).
    CSV and JSON Lines go through `read_table`.
    """
    if Path(path).suffix.lower() == ".parquet":
        # Text columns come out of Arrow as categoricals: a million rows never exist as Python strings.
        names = pq.read_schema(path).names
        table = pq.read_table(path, read_dictionary=[c for c in STRING_COLUMNS if c in names])
        return compact(table.to_pandas(self_destruct=True, split_blocks=True))
    return compact(read_table(path))


def extract_paths(paths: Iterable[str | Path], progress: Progress | None = None) -> Extraction:
    """Extract files one by one; a file that cannot be read is reported, not raised."""
    paths = list(paths)
    rows: list[dict] = []
    files: list[FileReport] = []
    texts: dict[str, str] = {}
    for done, path in enumerate(paths):
        name = Path(path).name      # messages name the file, not the scratch folder it sits in
        if progress:
            progress(done, len(paths), name)
        try:
            document = read_document(path)
        except DocumentError as error:
            files.append(FileReport(name, Path(path).stem, 0, error=f"{name}: {error.reason}"))
            continue
        report, doc_rows = extract_one(document, name)
        files.append(report)
        rows += doc_rows
        if report.error is None:
            texts[document.doc_id] = document.text
    if progress:
        progress(len(paths), len(paths), "")
    return Extraction(compact(rows_to_frame(rows)), files, texts)


def extract_one(document: Document, name: str) -> tuple[FileReport, list[dict]]:
    """Run the pipeline on one read document.

    The pipeline is being improved while the dashboard runs on it; a document
    that trips it is reported with the exception's type and message, so one
    bad upload never takes the page down and the reason stays visible.
    """
    try:
        result = extract_document(document)
    except Exception as error:  # noqa: BLE001 - reported to the user per file, see docstring
        reason = f"{name}: extraction failed: {type(error).__name__}: {error}"
        return FileReport(name, document.doc_id, 0, document.format, error=reason), []
    warnings = tuple(w.replace(document.path, name) for w in result.warnings)
    report = FileReport(name, document.doc_id, len(result.rows), document.format, warnings, result.error)
    return report, result.rows


def compact(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with the types a million rows fit in.

    Repetitive columns become categoricals, offsets 32-bit integers. Returns a
    new frame; the input is left as it was.
    """
    out = frame.reindex(columns=COLUMNS).copy()
    for column in STRING_COLUMNS:
        if column in CATEGORY_COLUMNS:
            out[column] = _as_category(out[column])
        elif len(out) and out[column].nunique(dropna=False) < REPEAT_SHARE * len(out):
            out[column] = _as_category(out[column])
        else:   # mostly distinct: plain strings are smaller than a category per row
            out[column] = out[column].astype(object).fillna("").astype(str)
    for column, dtype in DTYPES.items():
        if column in ("start", "end"):
            out[column] = pd.to_numeric(out[column], errors="coerce").fillna(-1).astype("int32")
        elif dtype == "bool":
            if not pd.api.types.is_bool_dtype(out[column]):
                out[column] = out[column].astype(str).str.lower().isin(["true", "1"])
        else:
            out[column] = pd.to_numeric(out[column], errors="coerce").astype(dtype)
    return homonyms_told_apart(out.reset_index(drop=True))


UNPLACED = "位置未定"


def homonyms_told_apart(frame: pd.DataFrame) -> pd.DataFrame:
    """Regions that share a name (朝阳区 of 北京市 and of 长春市; 城关镇 of many counties, or one the
    text did not place) named with the place above them, so no chart or filter adds one to the
    other: 朝阳区（北京市）, 城关镇（位置未定）. Works on the distinct places, then on their rows only."""
    if frame.empty or "region" not in frame:
        return frame
    place_columns = ["region", "province", "city", "county"]
    places = frame[place_columns].drop_duplicates().astype(str)
    shared = places[places.duplicated("region", keep=False)]
    if shared.empty:
        return frame
    renamed = {}
    for place in shared.itertuples(index=False):
        above = place.county or (place.city if place.city != place.region else "") or place.province
        renamed["\x1f".join(place)] = f"{place.region}（{above or UNPLACED}）"
    rows = frame["region"].astype(str).isin(set(shared["region"]))
    keys = frame.loc[rows, place_columns].astype(str).agg("\x1f".join, axis=1)
    region = frame["region"].astype(str)
    region[rows] = keys.map(renamed)
    frame["region"] = region.astype("category") if isinstance(frame["region"].dtype, pd.CategoricalDtype) else region
    return frame


def _as_category(column: pd.Series) -> pd.Series:
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.remove_unused_categories()
    return column.fillna("").astype(str).astype("category")


def combine(bundled: pd.DataFrame, uploaded: pd.DataFrame, scope: str) -> pd.DataFrame:
    """The table the pages show: bundled, uploaded, or both (scope "all").

    An uploaded document replaces a bundled one with the same doc_id, so the
    sources page never finds two texts under one name; `replaced_documents`
    names them, and the sidebar says so.
    """
    if scope == "uploaded":
        return uploaded
    if scope == "bundled" or uploaded.empty:
        return bundled
    kept = bundled[~bundled["doc_id"].astype(str).isin(set(uploaded["doc_id"].astype(str)))]
    return compact(pd.concat([_plain(kept), _plain(uploaded)], ignore_index=True))


def replaced_documents(bundled: pd.DataFrame, uploaded: pd.DataFrame) -> list[str]:
    """The bundled documents an upload of the same name replaces in scope "all" (combine), sorted."""
    if uploaded.empty:
        return []
    return sorted(set(bundled["doc_id"].astype(str)) & set(uploaded["doc_id"].astype(str)))


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Categoricals back to strings, so two tables with different categories concatenate."""
    return frame.astype({c: str for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)})


def summary(frame: pd.DataFrame) -> dict[str, int]:
    """The counts the overview opens with."""
    kinds = frame["kind"].value_counts()
    return {
        "documents": int(frame["doc_id"].nunique()),
        "regions": int(frame["region"].nunique()),
        "indicators": int(kinds.get("indicator", 0)),
        "bundles": int(kinds.get("program_count", 0)),
        "formulas": int(kinds.get("formula", 0)),
    }


def find_document(doc_id: str, folder: Path) -> Document | None:
    """The document whose file name (without extension) is doc_id, if the folder has it.

    A file that is there but cannot be read raises DocumentError, naming why.
    """
    if not folder.is_dir():
        return None
    for path in find_documents([folder]):
        if path.stem == doc_id:
            return read_document(path)
    return None
