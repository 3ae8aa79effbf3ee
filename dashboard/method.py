"""The method page's content: what the kinds, pillars and qualifiers mean, and how well
the extraction does on the bundled gold, measured by the extraction's own scorer.

The numbers are computed each time the bundled extraction changes, never typed in:
`measure` runs `extract.evaluate.score` (the metrics of ../shared/eval/score.py)
on the extracted table against tests/gold/seeds.jsonl.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from extract.resources import load_yaml, pillar_names
from dashboard.names import KIND_NAMES, QUALIFIER_NAMES

KIND_MEANINGS = {
    "indicator": "a measured quantity: 1.2万余人次 → 12000 人次, >",
    "program_count": "a declared bundle of N initiatives: 四项工程 → 4 工程, once per document",
    "formula": "a numbered slogan or name (两个确立, 三会一课); never a measured quantity",
}
# (what is scored, precision key, recall key, F1 key)
QUALITY_ROWS = [
    ("指标 Indicators (span found)", "indicator_precision", "indicator_recall", "indicator_f1"),
    ("成套举措 Programme bundles", "program_precision", "program_recall", "program_f1"),
]
ACCURACY_ROWS = [
    ("indicator_exact_f1", "指标数值与单位都对 Indicators with value and unit right (F1)"),
    ("indicator_value_acc", "找到的指标中数值正确 Found indicators: value right"),
    ("indicator_unit_acc", "找到的指标中单位正确 Found indicators: unit right"),
    ("indicator_qualifier_acc", "找到的指标中限定词正确 Found indicators: qualifier right"),
    ("indicator_pillar_acc", "找到的指标中板块正确 Found indicators: pillar right"),
    ("program_value_acc", "找到的举措中 N 正确 Found bundles: N right"),
    ("program_pillar_acc", "找到的举措中板块正确 Found bundles: pillar right"),
    ("region_acc", "文档地区正确 Documents: region right"),
    ("province_acc", "文档省份正确 Documents: province right"),
]


def kinds_table() -> pd.DataFrame:
    return pd.DataFrame([{"code": k, "中文": zh, "English": en, "meaning": KIND_MEANINGS[k]}
                         for k, (zh, en) in KIND_NAMES.items()])


def pillars_table() -> pd.DataFrame:
    """The pillars with the cue words the extraction actually uses to assign them."""
    entries = load_yaml("pillars.yaml")["pillars"]
    return pd.DataFrame([{"code": code, "中文": zh, "English": en, "cue words": "、".join(entries[code].get("cues", []))}
                         for code, (zh, en) in pillar_names().items()])


def qualifier_words() -> dict[str, list[str]]:
    """The words the extraction reads as each qualifier (extract/resources/qualifiers.yaml), in file order."""
    words: dict[str, list[str]] = {q: [] for q in QUALIFIER_NAMES}
    for section in load_yaml("qualifiers.yaml").values():
        for qualifier, listed in (section or {}).items():
            words.setdefault(str(qualifier), [])
            words[str(qualifier)] += [w for w in listed if w not in words[str(qualifier)]]
    return words


def qualifiers_table() -> pd.DataFrame:
    words = qualifier_words()
    return pd.DataFrame([{"qualifier": q, "中文": zh, "English": en,
                          "words": "、".join(words.get(q, [])) or "(no word: the number as written)"}
                         for q, (zh, en) in QUALIFIER_NAMES.items()])


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def table_rows(frame: pd.DataFrame, doc_ids: set[str]) -> list[dict]:
    """The table's rows of some documents as plain dicts (strings, numbers, None), as a scorer reads them."""
    rows = frame[frame["doc_id"].astype(str).isin(doc_ids)]
    plain = rows.astype({c: object for c in rows.columns if isinstance(rows[c].dtype, pd.CategoricalDtype)})
    return plain.astype(object).where(plain.notna(), None).to_dict("records")


def measure(frame: pd.DataFrame, gold: list[dict]) -> tuple[dict, list, list]:
    """Score the table against the gold: (metrics, misses, false alarms) from extract.evaluate.score."""
    from extract.evaluate import score   # written alongside the dashboard; imported when used

    return score(gold, table_rows(frame, {g["doc"] for g in gold}))


def quality_table(metrics: dict) -> pd.DataFrame:
    return pd.DataFrame([{"measure": name, "precision": metrics.get(p), "recall": metrics.get(r),
                          "F1": metrics.get(f)} for name, p, r, f in QUALITY_ROWS])


def accuracy_table(metrics: dict) -> pd.DataFrame:
    return pd.DataFrame([{"measure": name, "value": metrics.get(key)} for key, name in ACCURACY_ROWS
                         if key in metrics])
