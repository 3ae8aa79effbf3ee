"""extract.evaluate prints what ../shared/eval/score.py prints, for the same gold and table.

The comparison tests run the shared scorer as a subprocess and skip, saying
why, where ../shared is not there. The other tests check the rules on small
hand-made cases and need nothing outside the repo.
"""
from __future__ import annotations

import copy
import csv
import functools
import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import evaluate
from extract.evaluate import main, read_gold, score

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "gold" / "seeds.jsonl"
SCORER = REPO.parent / "shared" / "eval" / "score.py"
needs_scorer = pytest.mark.skipif(not SCORER.exists(),
                                  reason=f"the shared scorer {SCORER} is not here to compare against")


# --- building prediction tables from the gold ------------------------------------

@functools.cache
def seed_gold() -> tuple[dict, ...]:
    return tuple(read_gold(GOLD))


def gold_rows() -> list[dict]:
    """A fresh copy of the seed gold, for a test to change at will."""
    return copy.deepcopy(list(seed_gold()))


def regions_by_doc(gold: list[dict]) -> dict[str, dict]:
    return {row["doc"]: row for row in gold if row["kind"] == "region"}


def predicted_row(gold_row: dict, region: dict | None) -> dict:
    """A table row that states exactly what the gold row says."""
    return {
        "doc_id": gold_row["doc"], "kind": gold_row["kind"], "start": gold_row["start"], "end": gold_row["end"],
        "text": gold_row["text"], "value": gold_row["value"],
        "unit": gold_row.get("unit", gold_row.get("noun", "")), "qualifier": gold_row.get("qualifier", "="),
        "pillar": gold_row["pillar"][0],
        "region": region["region"] if region else "", "province": region["province"] if region else "",
    }


def perfect(gold: list[dict]) -> list[dict]:
    regions = regions_by_doc(gold)
    return [predicted_row(g, regions.get(g["doc"])) for g in gold if g["kind"] in ("indicator", "program_count")]


def empty(gold: list[dict]) -> list[dict]:
    return []


def rows_removed(gold: list[dict]) -> list[dict]:
    """Every other indicator and the first program count of each document missing."""
    rows, seen_docs = [], set()
    for index, row in enumerate(perfect(gold)):
        if row["kind"] == "indicator" and index % 2:
            continue
        if row["kind"] == "program_count" and row["doc_id"] not in seen_docs:
            seen_docs.add(row["doc_id"])
            continue
        rows.append(row)
    return rows


def wrong_attributes(gold: list[dict]) -> list[dict]:
    """Right spans, wrong values, units, qualifiers, pillars; one wrong region, one wrong province."""
    rows = perfect(gold)
    docs = sorted({row["doc_id"] for row in rows})
    for index, row in enumerate(rows):
        if index % 3 == 0:
            row["value"] = row["value"] * 10
        if index % 4 == 1:
            row["unit"] = "个"
        if index % 5 == 2:
            row["qualifier"] = ">" if row["qualifier"] == "=" else "="
        if index % 2:
            row["pillar"] = "integrity"
        if row["doc_id"] == docs[0]:
            row["region"] = "江门市"
        if row["doc_id"] == docs[1]:
            row["province"] = "广东省"
        if row["doc_id"] == docs[2]:
            row["region"] = row["region"] + "管委会"  # contains the canonical name: still right
    return rows


def repeated_programs(gold: list[dict]) -> list[dict]:
    """Bundles predicted many times, by span, by quoted name, and unmatched names repeated."""
    rows = perfect(gold)
    extra = []
    for row in rows:
        if row["kind"] == "program_count":
            extra += [dict(row), dict(row, text=f"“{row['text']}”", start=row["start"] + 5000, end=row["end"] + 5000),
                      dict(row, value=row["value"] + 1)]
    first = rows[0]
    far = {"start": 9000, "end": 9004}
    extra += [dict(first, kind="program_count", text="十大行动", **far)] * 3
    extra += [dict(first, kind="program_count", text="", start=9100, end=9101)] * 2
    formulas = [g for g in gold if g["kind"] == "formula"]
    extra += [dict(first, doc_id=f["doc"], kind="program_count", text=f["text"], start=f["start"], end=f["end"])
              for f in formulas[:6]]
    extra += [dict(first, doc_id=f["doc"], kind="program_count", text=f"推进{f['text']}", start=9500, end=9510)
              for f in formulas[6:10]]
    return rows + extra


def borderline_overlaps(gold: list[dict]) -> list[dict]:
    """Indicators on borderline spans (neutral), shifted spans, spans over two mentions, plain false alarms."""
    rows = perfect(gold)
    template = rows[0]
    extra = []
    for border in (g for g in gold if g["kind"] == "borderline"):
        same_doc = next(row for row in rows if row["doc_id"] == border["doc"])
        extra.append(dict(same_doc, kind="indicator", start=border["start"], end=border["end"] + 1,
                          text=border["text"]))
        extra.append(dict(same_doc, kind="program_count", start=border["start"], end=border["end"],
                          text=border["text"]))
    indicators = [row for row in rows if row["kind"] == "indicator"]
    for row in indicators[::3]:
        row["start"] += 1
        row["end"] += 2
    first, second = indicators[1], indicators[2]
    if first["doc_id"] == second["doc_id"]:
        extra.append(dict(first, start=first["start"], end=second["end"], text="两个指标连在一起"))
    extra += [dict(template, start=10, end=12, text="误报"), dict(template, start=3000, end=3003, text="误报二")]
    return rows + extra


def messy_cells(gold: list[dict]) -> list[dict]:
    """Cells a careless writer produces: blank offsets, text offsets, padding, other documents, odd values."""
    rows = perfect(gold)
    for index, row in enumerate(rows):
        if index % 7 == 0:
            row["start"] = ""
        elif index % 7 == 1:
            row["start"], row["end"] = f"{row['start']}.0", f" {row['end']} "
        elif index % 7 == 2:
            row["doc_id"], row["kind"] = f" {row['doc_id']} ", f"{row['kind']} "
        elif index % 7 == 3:
            row["value"] = "1.2万"
        elif index % 7 == 4:
            row["end"] = "n/a"
        elif index % 7 == 5:
            row["unit"], row["region"] = f" {row['unit']}", ""
    rows.append(dict(rows[-1], doc_id="999_not_in_gold", start=1, end=5))
    rows.append(dict(rows[-1], doc_id=rows[0]["doc_id"].strip(), kind="formula", start=1, end=5))
    return rows


def region_aliases(gold: list[dict]) -> list[dict]:
    """Regions given by alias, by a longer name, wrongly, and not at all."""
    rows = perfect(gold)
    regions = regions_by_doc(gold)
    docs = sorted(regions)
    for row in rows:
        doc = row["doc_id"]
        if doc == docs[0] and regions[doc].get("aliases"):
            row["region"] = regions[doc]["aliases"][0]
        elif doc == docs[1]:
            row["region"] = "未识别"
        elif doc == docs[2]:
            row["region"], row["province"] = "", ""
    return rows


@dataclass
class Case:
    name: str
    build: Callable[[list[dict]], list[dict]]
    formats: tuple[str, ...] = (".csv", ".jsonl", ".parquet")


CASES = [
    Case("perfect", perfect),
    Case("empty", empty, (".csv", ".jsonl")),
    Case("rows_removed", rows_removed),
    Case("wrong_attributes", wrong_attributes),
    Case("repeated_programs", repeated_programs),
    Case("borderline_overlaps", borderline_overlaps),
    Case("messy_cells", messy_cells, (".csv", ".jsonl")),  # mixed-type columns do not fit Parquet
    Case("region_aliases", region_aliases),
]
TABLE_COLUMNS = ["doc_id", "kind", "start", "end", "text", "value", "unit", "qualifier", "pillar", "region", "province"]


def write_predictions(rows: list[dict], path: Path) -> Path:
    """Write rows as the extraction would: CSV with a BOM, JSON Lines, or Parquet."""
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=TABLE_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    elif path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    else:
        pd.DataFrame(rows, columns=TABLE_COLUMNS).to_parquet(path, index=False)
    return path


def write_gold(rows: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def run_scorer(gold: Path, table: Path, *flags: str) -> str:
    """The shared scorer's stdout; a fixed hash seed keeps its set-ordered tie-breaks stable."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run([sys.executable, str(SCORER), str(gold), str(table), *flags],
                          capture_output=True, text=True, env=env, check=True)
    return done.stdout


def run_ours(capsys, gold: Path, table: Path, *flags: str) -> str:
    assert main([str(gold), str(table), *flags]) == 0
    return capsys.readouterr().out


# --- the same output as the shared scorer ----------------------------------------

CASE_PARAMS = [pytest.param(case, suffix, id=f"{case.name}{suffix}") for case in CASES for suffix in case.formats]


@needs_scorer
@pytest.mark.parametrize("case, suffix", CASE_PARAMS)
def test_same_output_as_shared_scorer(tmp_path, capsys, case, suffix):
    table = write_predictions(case.build(gold_rows()), tmp_path / f"table{suffix}")
    # --json once per case is enough: the scorer's pandas import makes Parquet runs slow.
    flag_sets = [["--detail"]] if suffix == ".parquet" else [["--detail"], ["--json"]]
    for flags in flag_sets:
        assert run_ours(capsys, GOLD, table, *flags) == run_scorer(GOLD, table, *flags), flags


def gold_with_unnamed_locality(gold: list[dict]) -> list[dict]:
    """The seeds, with one document marked as naming no locality (from_text: false)."""
    rows = copy.deepcopy(gold)
    region = next(row for row in rows if row["kind"] == "region")
    region["from_text"] = False
    return rows


@needs_scorer
@pytest.mark.parametrize("said", ["未识别", "", "江门市"], ids=["abstains", "blank", "wrong_region"])
def test_same_output_when_the_text_names_no_locality(tmp_path, capsys, said):
    gold = gold_with_unnamed_locality(gold_rows())
    unnamed = next(row["doc"] for row in gold if row.get("from_text") is False)
    rows = [dict(row, region=said) if row["doc_id"] == unnamed else row for row in perfect(gold)]
    gold_path = write_gold(gold, tmp_path / "gold.jsonl")
    table = write_predictions(rows, tmp_path / "table.csv")
    assert run_ours(capsys, gold_path, table, "--detail") == run_scorer(gold_path, table, "--detail")


@needs_scorer
def test_same_output_for_a_table_written_by_extract_table(tmp_path, capsys):
    """The project's own writer (all columns, categoricals in Parquet) scores the same."""
    from extract.table import COLUMNS, normalise_types, write_table
    frame = normalise_types(pd.DataFrame(wrong_attributes(gold_rows())).reindex(columns=COLUMNS, fill_value=""))
    for suffix in (".csv", ".jsonl", ".parquet"):
        table = write_table(frame, tmp_path / f"indicators{suffix}")
        assert run_ours(capsys, GOLD, table, "--detail") == run_scorer(GOLD, table, "--detail"), suffix


@needs_scorer
def test_command_line_module_prints_the_same(tmp_path):
    table = write_predictions(rows_removed(gold_rows()), tmp_path / "table.jsonl")
    ours = subprocess.run([sys.executable, "-m", "extract.evaluate", str(GOLD), str(table), "--detail"],
                          capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert ours == run_scorer(GOLD, table, "--detail")


def load_shared_scorer():
    """score.py as a module, for comparing many tables in-process."""
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHARED = load_shared_scorer() if SCORER.exists() else None


@st.composite
def perturbed_tables(draw):
    """The perfect table with rows dropped, repeated, shifted, re-kinded and re-valued at random.

    One region and province per document, so no ties (where score.py's choice
    depends on the hash seed).
    """
    gold = gold_rows()
    regions = regions_by_doc(gold)
    rows = []
    for row in perfect(gold):
        action = draw(st.sampled_from(["keep", "keep", "drop", "repeat", "shift", "rekind", "revalue", "unpillar"]))
        if action == "drop":
            continue
        if action == "repeat":
            rows.append(dict(row))
        elif action == "shift":
            delta = draw(st.integers(-6, 6))
            row = dict(row, start=row["start"] + delta, end=row["end"] + delta + draw(st.integers(0, 4)))
        elif action == "rekind":
            row = dict(row, kind="indicator" if row["kind"] == "program_count" else "program_count")
        elif action == "revalue":
            row = dict(row, value=draw(st.sampled_from([None, 0, 1, row["value"] * 1.0000001, row["value"] + 1])))
        elif action == "unpillar":
            row = dict(row, pillar=draw(st.sampled_from(["", "general", "talent"])))
        rows.append(row)
    strays = draw(st.lists(st.tuples(st.sampled_from(sorted(regions)), st.integers(0, 2700),
                                     st.integers(1, 8), st.sampled_from(["indicator", "program_count"]))))
    rows += [predicted_row({"doc": doc, "kind": kind, "start": start, "end": start + length, "text": f"杂{start}",
                            "value": 1, "pillar": ["general"]}, regions[doc])
             for doc, start, length, kind in strays]
    return [rows[i] for i in draw(st.permutations(range(len(rows))))]


@needs_scorer
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=perturbed_tables())
def test_same_scores_as_shared_scorer_on_random_tables(rows):
    gold = gold_rows()
    assert score(gold, copy.deepcopy(rows)) == SHARED.score(gold, copy.deepcopy(rows))


# --- the rules, on small cases ----------------------------------------------------

def small_gold() -> list[dict]:
    return [
        {"doc": "d1", "kind": "region", "region": "蓬江区", "aliases": ["蓬江"], "province": "广东省"},
        {"doc": "d1", "kind": "indicator", "start": 10, "end": 15, "text": "1.2万余人次", "value": 12000,
         "unit": "人次", "qualifier": ">", "pillar": ["cadres"]},
        {"doc": "d1", "kind": "indicator", "start": 30, "end": 35, "text": "7430套", "value": 7430,
         "unit": "套", "qualifier": "=", "pillar": ["talent", "development"]},
        {"doc": "d1", "kind": "program_count", "start": 50, "end": 54, "text": "四项工程", "value": 4,
         "noun": "工程", "pillar": ["cadres"]},
        {"doc": "d1", "kind": "program_count", "start": 90, "end": 94, "text": "四项工程", "value": 4,
         "noun": "工程", "pillar": ["cadres"]},
        {"doc": "d1", "kind": "formula", "start": 70, "end": 74, "text": "两个确立", "scope": "national"},
        {"doc": "d1", "kind": "borderline", "start": 80, "end": 84, "text": "每月一期"},
    ]


def row(**cells) -> dict:
    base = {"doc_id": "d1", "kind": "indicator", "text": "", "value": "", "unit": "", "qualifier": "=",
            "pillar": "", "region": "蓬江区", "province": "广东省"}
    return {**base, **cells}


def test_perfect_small_table_scores_one():
    rows = [row(start=10, end=15, value=12000, unit="人次", qualifier=">", pillar="cadres"),
            row(start=30, end=35, value=7430, unit="套", pillar="development"),
            row(kind="program_count", start=50, end=54, text="四项工程", value=4, pillar="cadres")]
    metrics, misses, false_alarms = score(small_gold(), rows)
    assert metrics["indicator_f1"] == metrics["indicator_exact_f1"] == metrics["program_f1"] == 1.0
    assert metrics["indicator_pillar_acc"] == metrics["region_acc"] == metrics["province_acc"] == 1.0
    assert (misses, false_alarms) == ([], [])


def test_a_bundle_counts_once_however_often_it_is_predicted():
    rows = [row(kind="program_count", start=s, end=s + 4, text=t, value=4)
            for s, t in [(50, "四项工程"), (90, "四项工程"), (200, "“四项工程”"), (300, "实施四项工程")]]
    metrics, _, false_alarms = score(small_gold(), rows)
    assert metrics["counts"]["pc_tp"] == 1 and metrics["counts"]["pc_fp"] == 0 and false_alarms == []


def test_unmatched_program_name_is_one_false_alarm_and_formulas_are_excused():
    rows = [row(kind="program_count", start=200 + i, end=204 + i, text=t, value=n)
            for i, (t, n) in enumerate([("十大行动", 10), ("十大行动", 10), ("两个确立", 2), ("坚决两个确立", 2)])]
    metrics, _, false_alarms = score(small_gold(), rows)
    assert metrics["counts"]["pc_fp"] == 1
    assert false_alarms == [("d1", "program_count", "十大行动")]


def test_borderline_overlap_is_neither_credited_nor_penalised():
    metrics, misses, false_alarms = score(small_gold(), [row(start=81, end=83, text="一期")])
    assert metrics["counts"]["ind_fp"] == 0 and false_alarms == []
    assert [m[2] for m in misses] == ["1.2万余人次", "7430套", "四项工程"]


def test_indicator_goes_to_the_gold_span_it_overlaps_most():
    metrics, misses, _ = score(small_gold(), [row(start=13, end=33, text="两个指标", value=7430, unit="套")])
    assert metrics["counts"]["ind_tp"] == 1 and metrics["indicator_value_acc"] == 1.0
    assert ("d1", "indicator", "1.2万余人次") in misses


def test_rows_without_offsets_and_other_documents_are_ignored():
    rows = [row(start="", end=15), row(start="x", end=15), row(doc_id="d2", start=10, end=15)]
    metrics, _, _ = score(small_gold(), rows)
    assert metrics["counts"]["ind_tp"] == metrics["counts"]["ind_fp"] == 0


def test_region_tie_goes_to_the_first_in_the_table():
    """score.py breaks this tie by set order, which varies run to run; ours is stable."""
    rows = [row(start=10, end=15, region="蓬江区"), row(start=30, end=35, region="江门市"),
            row(start=30, end=35, region="江门市"), row(start=200, end=201, region="蓬江区")]
    assert score(small_gold(), rows)[0]["region_acc"] == 1.0
    assert score(small_gold(), [rows[1], *rows[:1], *rows[2:]])[0]["region_acc"] == 0.0


def test_alias_and_longer_name_are_the_right_region():
    for name in ["蓬江", "江门市蓬江区"]:
        assert score(small_gold(), [row(start=10, end=15, region=name)])[0]["region_acc"] == 1.0


def test_main_reports_an_unreadable_file(tmp_path, capsys):
    assert main([str(GOLD), str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv" in capsys.readouterr().err


def test_main_prints_json_and_detail(tmp_path, capsys):
    table = write_predictions([row(start=10, end=15, text="1.2万余人次", value=12000, unit="人次",
                                   qualifier=">", pillar="cadres", kind="indicator")],
                              tmp_path / "table.csv")
    gold = write_gold(small_gold(), tmp_path / "gold.jsonl")
    main([str(gold), str(table), "--json"])
    assert json.loads(capsys.readouterr().out)["counts"]["ind_tp"] == 1
    main([str(gold), str(table), "--detail"])
    lines = capsys.readouterr().out.splitlines()
    assert "missed indicator: d1 7430套" in lines and "missed program_count: d1 四项工程" in lines


def test_docstring_examples():
    import doctest
    assert doctest.testmod(evaluate).failed == 0
