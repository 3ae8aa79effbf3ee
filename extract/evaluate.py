"""Score an extracted table against a gold file, with the same metrics as the shared scorer.

    python -m extract.evaluate GOLD.jsonl TABLE.{csv,jsonl,parquet} [--json] [--detail]

The rules are those of ``../shared/eval/score.py`` (which users of the project
do not have), re-implemented here so the numbers can be checked anywhere;
tests/extract/test_evaluate.py runs both on the same tables and compares the
output line by line. In short (spec/ANNOTATION.md):

- indicators are matched one-to-one to gold mentions, each prediction (in order
  of its start) to the free gold mention it overlaps most; a prediction over a
  ``borderline`` span is neither credited nor penalised;
- a program count is credited once per gold bundle and document, matched by an
  overlapping occurrence or by name; predicting a ``formula`` as a program
  count is excused, and an unmatched name counts as one false alarm however
  often it is repeated;
- the region of a document is the most common region among its rows;
- a label is scored against the gold ``subject`` by the characters they share
  (F1 of two multisets, averaged over matched indicators that have a subject);
  a measure against the gold ``measure``: accuracy over every matched
  indicator with one, precision and recall over codes other than ``other``.

Only documents in the gold file are scored. Rows with no usable start/end are
ignored. One deliberate difference: when two regions are equally common,
score.py picks one by set order (which changes with PYTHONHASHSEED); here the
one that comes first in the table wins, so the result is reproducible.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

UNRECOGNISED_REGION = "未识别"
DEFAULT_QUALIFIER = "="
OTHER_MEASURE = "other"
# The counts printed with the metrics, in this order.
COUNT_KEYS = ("ind_tp", "ind_fp", "ind_fn", "pc_tp", "pc_fp", "pc_fn")

Finding = tuple[str, str, str]  # (doc, kind, text): one missed gold mention or one false alarm


@dataclass
class Tally:
    """Counts across documents, plus the mentions behind the errors, in the order found."""
    counts: Counter = field(default_factory=Counter)
    misses: list[Finding] = field(default_factory=list)
    false_alarms: list[Finding] = field(default_factory=list)


# --- reading -------------------------------------------------------------------

def read_gold(path: str | Path) -> list[dict]:
    """The gold file's rows (spec/ANNOTATION.md)."""
    return read_json_lines(path)


def read_json_lines(path: str | Path) -> list[dict]:
    """One JSON object a line, blank lines skipped."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_predictions(path: str | Path) -> list[dict]:
    """A predicted table's rows as plain dicts, by file suffix.

    Read raw, as the shared scorer reads them (CSV cells stay strings, Parquet
    keeps NaN), because the scoring rules below coerce each cell themselves.
    extract.table.read_table would refuse rows with an empty start, which
    scoring simply skips.
    """
    name = str(path)
    if name.endswith(".parquet"):
        import pandas as pd  # only Parquet needs pandas
        return pd.read_parquet(path).to_dict("records")
    if name.endswith((".jsonl", ".json")):
        return read_json_lines(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


# --- cell values ---------------------------------------------------------------

def as_number(cell) -> float | None:
    """A cell as a float; None for empty, NaN or anything that is not a number.

    >>> as_number("12000"), as_number(""), as_number(float("nan")), as_number("1.2万")
    (12000.0, None, None, None)
    """
    if cell is None or cell == "":
        return None
    try:
        number = float(cell)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def as_text(cell) -> str:
    """A cell as stripped text; "" for None and NaN (pandas' empty cell).

    >>> as_text(" 人次 "), as_text(None), as_text(float("nan"))
    ('人次', '', '')
    """
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return ""
    return str(cell).strip()


def spans_overlap(a: dict, b: dict) -> bool:
    """True when the half-open spans [start, end) share a character."""
    return a["start"] < b["end"] and b["start"] < a["end"]


def overlap_length(a: dict, b: dict) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def same_value(predicted: float | None, gold: float | None) -> bool:
    """Equal up to a relative 1e-6 (absolute for values below 1), so 1.2万 == 12000.0."""
    return predicted is not None and gold is not None and abs(predicted - gold) <= 1e-6 * max(1.0, abs(gold))


def names_overlap(a: str, b: str) -> bool:
    """One name contains the other: 四项工程 matches “四项工程” and 实施四项工程."""
    return bool(a) and (a in b or b in a)


# --- grouping ------------------------------------------------------------------

def group_gold(gold_rows: Iterable[dict]) -> dict[str, dict[str, list[dict]]]:
    """Gold rows by document, then by kind (indicator, program_count, formula, borderline, region)."""
    grouped: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in gold_rows:
        grouped[row["doc"]][row["kind"]].append(row)
    return grouped


def group_predictions(pred_rows: Iterable[dict], docs: set[str]) -> dict[str, list[dict]]:
    """Scorable predicted rows by document, in table order.

    Rows of documents outside the gold, and rows without a numeric start and
    end, are dropped here; start/end become ints, value a float or None, and
    kind stripped text.
    """
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in pred_rows:
        doc = as_text(row.get("doc_id"))
        start, end = as_number(row.get("start")), as_number(row.get("end"))
        if doc not in docs or not is_offset(start) or not is_offset(end):
            continue
        grouped[doc].append(dict(row, kind=as_text(row.get("kind")), start=int(start), end=int(end),
                                 value=as_number(row.get("value"))))
    return grouped


def of_kind(rows: list[dict], kind: str) -> list[dict]:
    return [row for row in rows if row["kind"] == kind]


def is_offset(number: float | None) -> bool:
    return number is not None and math.isfinite(number)


# --- indicators ----------------------------------------------------------------

def score_indicators(doc: str, gold: dict[str, list[dict]], predicted: list[dict], tally: Tally) -> None:
    """Match indicators one-to-one, each prediction to the free gold span it overlaps most.

    Predictions are taken in order of their start. One that overlaps no free
    gold indicator is a false alarm, unless it overlaps a borderline span.
    """
    free = list(gold["indicator"])
    for row in sorted(predicted, key=lambda r: r["start"]):
        candidates = [g for g in free if spans_overlap(row, g)]
        if not candidates:
            if not any(spans_overlap(row, g) for g in gold["borderline"]):
                tally.counts["ind_fp"] += 1
                tally.false_alarms.append((doc, "indicator", as_text(row.get("text"))))
            continue
        best = max(candidates, key=lambda g: overlap_length(row, g))  # first of equals wins
        free.remove(best)
        count_indicator_match(row, best, tally.counts)
    tally.counts["ind_fn"] += len(free)
    tally.misses += [(doc, "indicator", g["text"]) for g in free]


def count_indicator_match(row: dict, gold: dict, counts: Counter) -> None:
    """A true positive, and which of its attributes are right."""
    value_ok = same_value(row["value"], gold["value"])
    unit_ok = as_text(row.get("unit")) == gold.get("unit", "")
    counts["ind_tp"] += 1
    counts["ind_value_ok"] += value_ok
    counts["ind_unit_ok"] += unit_ok
    counts["ind_qual_ok"] += as_text(row.get("qualifier")) == gold.get("qualifier", DEFAULT_QUALIFIER)
    counts["ind_pillar_ok"] += as_text(row.get("pillar")) in gold.get("pillar", [])
    counts["ind_exact"] += value_ok and unit_ok
    if gold.get("subject"):
        counts["ind_label_n"] += 1
        counts["ind_label_sum"] += char_f1(as_text(row.get("label")), gold["subject"])
    if gold.get("measure"):
        count_measure(as_text(row.get("measure")), gold["measure"], counts)


def count_measure(said: str, right: str, counts: Counter) -> None:
    """Accuracy over every coded gold row; precision and recall over codes other than `other`.

    A code other than `other` is credited only where it is the gold's code, so
    saying `other` costs recall but never precision (spec/MEASURES.md: a wrong
    code is worse than `other`).
    """
    counts["ind_measure_n"] += 1
    counts["ind_measure_ok"] += said == right
    counts["ind_measure_said"] += said not in ("", OTHER_MEASURE)
    counts["ind_measure_real"] += right != OTHER_MEASURE
    counts["ind_measure_hit"] += said == right != OTHER_MEASURE


def char_f1(label: str, subject: str) -> float:
    """F1 of the characters two phrases share, as multisets: 1.0 for the same characters.

    >>> char_f1("干部轮训", "轮训干部"), char_f1("", "干部轮训"), round(char_f1("轮训", "干部轮训"), 4)
    (1.0, 0.0, 0.6667)
    """
    a, b = Counter(label), Counter(subject)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


# --- program counts ------------------------------------------------------------

def score_program_counts(doc: str, gold: dict[str, list[dict]], predicted: list[dict], tally: Tally) -> None:
    """Credit each gold bundle once, however often it is predicted.

    Predictions are taken in table order. A prediction hits the first bundle
    (in gold order) with an overlapping occurrence or a containing name. A miss
    is a false alarm once per distinct text, and not at all when it names or
    overlaps a formula or a borderline span.
    """
    bundles = bundles_by_name(gold["program_count"])
    excused = gold["formula"] + gold["borderline"]
    found: list[str] = []
    unmatched_seen: set[str] = set()
    for row in predicted:
        text = as_text(row.get("text"))
        name = matching_bundle(row, text, bundles)
        if name is None:
            if text in unmatched_seen:
                continue
            unmatched_seen.add(text)
            if not any(spans_overlap(row, g) or names_overlap(text, g["text"]) for g in excused):
                tally.counts["pc_fp"] += 1
                tally.false_alarms.append((doc, "program_count", text))
            continue
        if name in found:
            continue
        found.append(name)
        count_program_match(row, bundles[name][0], tally.counts)
    tally.counts["pc_fn"] += len(bundles) - len(found)
    tally.misses += [(doc, "program_count", name) for name in bundles if name not in found]


def bundles_by_name(rows: list[dict]) -> dict[str, list[dict]]:
    """Gold program counts grouped by their text: one bundle, all its occurrences."""
    bundles: dict[str, list[dict]] = {}
    for row in rows:
        bundles.setdefault(row["text"], []).append(row)
    return bundles


def matching_bundle(row: dict, text: str, bundles: dict[str, list[dict]]) -> str | None:
    """The first bundle the prediction overlaps or names, or None."""
    for name, occurrences in bundles.items():
        if any(spans_overlap(row, g) for g in occurrences) or names_overlap(text, name):
            return name
    return None


def count_program_match(row: dict, gold: dict, counts: Counter) -> None:
    """A true positive for a bundle, judged against its first occurrence."""
    counts["pc_tp"] += 1
    counts["pc_value_ok"] += same_value(row["value"], gold["value"])
    counts["pc_pillar_ok"] += as_text(row.get("pillar")) in gold.get("pillar", [])


# --- region --------------------------------------------------------------------

def score_region(gold: dict[str, list[dict]], rows: list[dict], counts: Counter) -> None:
    """Judge the document's most common predicted region (and province) against the gold one.

    Every scorable row of the document votes, whatever its kind. Any alias, or a name containing the canonical one, is right. A text that
    never names its locality (from_text: false) is not counted when the
    extractor abstains (no region, or 未识别).
    """
    if not gold["region"]:
        return
    truth = gold["region"][0]
    names = [name for name in (as_text(row.get("region")) for row in rows) if name]
    said = most_common(names)
    right = bool(said) and (said in set(truth.get("aliases", [])) | {truth["region"]} or truth["region"] in said)
    if truth.get("from_text", True) is False and not right and said in ("", UNRECOGNISED_REGION):
        return
    counts["region_docs"] += 1
    if names:
        counts["region_ok"] += right
        provinces = [name for name in (as_text(row.get("province")) for row in rows) if name]
        if provinces:
            counts["province_ok"] += most_common(provinces) == truth.get("province")


def most_common(names: list[str]) -> str:
    """The most frequent name, the earliest of equally frequent ones; "" for none.

    >>> most_common(["蓬江区", "江门市", "江门市", "蓬江区"])
    '蓬江区'
    """
    return Counter(names).most_common(1)[0][0] if names else ""


# --- metrics -------------------------------------------------------------------

def score(gold_rows: list[dict], pred_rows: Iterable[dict]) -> tuple[dict, list[Finding], list[Finding]]:
    """Metrics for a predicted table, plus the missed gold mentions and the false alarms.

    Each finding is (doc, kind, text). Documents are scored in sorted order.
    """
    gold = group_gold(gold_rows)
    predicted = group_predictions(pred_rows, set(gold))
    tally = Tally()
    for doc in sorted(gold):
        doc_gold, rows = gold[doc], predicted[doc]
        score_indicators(doc, doc_gold, of_kind(rows, "indicator"), tally)
        score_program_counts(doc, doc_gold, of_kind(rows, "program_count"), tally)
        score_region(doc_gold, rows, tally.counts)
    return summarise(tally.counts), tally.misses, tally.false_alarms


def summarise(counts: Counter) -> dict:
    """The metrics from the counts, rounded to four places, in the scorer's order."""
    ind_tp, ind_fp, ind_fn = counts["ind_tp"], counts["ind_fp"], counts["ind_fn"]
    pc_tp, pc_fp, pc_fn = counts["pc_tp"], counts["pc_fp"], counts["pc_fn"]
    ind_p, ind_r = ratio(ind_tp, ind_tp + ind_fp) or 0.0, ratio(ind_tp, ind_tp + ind_fn) or 0.0
    pc_p, pc_r = ratio(pc_tp, pc_tp + pc_fp) or 0.0, ratio(pc_tp, pc_tp + pc_fn) or 0.0
    # "exact": right span, value and unit together
    exact_p = ratio(counts["ind_exact"], ind_tp + ind_fp) or 0.0
    exact_r = ratio(counts["ind_exact"], ind_tp + ind_fn) or 0.0
    return {
        "indicator_precision": ind_p, "indicator_recall": ind_r, "indicator_f1": f1(ind_p, ind_r),
        "indicator_exact_f1": f1(exact_p, exact_r),
        "indicator_value_acc": ratio(counts["ind_value_ok"], ind_tp),
        "indicator_unit_acc": ratio(counts["ind_unit_ok"], ind_tp),
        "indicator_qualifier_acc": ratio(counts["ind_qual_ok"], ind_tp),
        "indicator_pillar_acc": ratio(counts["ind_pillar_ok"], ind_tp),
        "indicator_label_f1": ratio(counts["ind_label_sum"], counts["ind_label_n"]),
        "indicator_measure_acc": ratio(counts["ind_measure_ok"], counts["ind_measure_n"]),
        "indicator_measure_precision": ratio(counts["ind_measure_hit"], counts["ind_measure_said"]),
        "indicator_measure_recall": ratio(counts["ind_measure_hit"], counts["ind_measure_real"]),
        "program_precision": pc_p, "program_recall": pc_r, "program_f1": f1(pc_p, pc_r),
        "program_value_acc": ratio(counts["pc_value_ok"], pc_tp),
        "program_pillar_acc": ratio(counts["pc_pillar_ok"], pc_tp),
        "region_acc": ratio(counts["region_ok"], counts["region_docs"]),
        "province_acc": ratio(counts["province_ok"], counts["region_docs"]),
        "counts": {key: counts[key] for key in COUNT_KEYS},
    }


def ratio(part: float, whole: float) -> float | None:
    """part/whole to four places; None when there is nothing to divide by.

    >>> ratio(2, 3), ratio(0, 0)
    (0.6667, None)
    """
    return round(part / whole, 4) if whole else None


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of the (already rounded) precision and recall, to four places."""
    return round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0


# --- command line ----------------------------------------------------------------

def format_report(metrics: dict, misses: list[Finding], false_alarms: list[Finding],
                  as_json: bool = False, detail: bool = False) -> str:
    """The printed report: one metric a line (or one JSON object), then the findings if asked."""
    if as_json:
        return json.dumps(metrics, ensure_ascii=False)
    lines = [f"{key}: {value}" for key, value in metrics.items()]
    if detail:
        lines += [f"missed {kind}: {doc} {text}" for doc, kind, text in misses]
        lines += [f"false {kind}: {doc} {text}" for doc, kind, text in false_alarms]
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m extract.evaluate",
        description="Score an extracted table against a gold file (same metrics as eval/score.py).",
        epilog="Example: python -m extract.evaluate tests/gold/seeds.jsonl data/indicators.csv --detail",
    )
    parser.add_argument("gold", help="gold annotations, JSON Lines (spec/ANNOTATION.md)")
    parser.add_argument("table", help="predicted table: .csv, .jsonl or .parquet")
    parser.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    parser.add_argument("--detail", action="store_true", help="also list missed mentions and false alarms")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Score GOLD against TABLE and print the metrics; 2 when a file cannot be read."""
    args = parse_args(argv)
    try:
        gold_rows, pred_rows = read_gold(args.gold), read_predictions(args.table)
    except (OSError, ValueError) as error:  # missing file, bad JSON/CSV/Parquet
        print(f"error: {error}", file=sys.stderr)
        return 2
    metrics, misses, false_alarms = score(gold_rows, pred_rows)
    print(format_report(metrics, misses, false_alarms, as_json=args.json, detail=args.detail))
    return 0


if __name__ == "__main__":
    sys.exit(main())
