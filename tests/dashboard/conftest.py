"""A tiny, hand-written table and the documents behind it, for the dashboard's tests.

Four reports in three regions: 蓬江区 in 2022 and 2023 (with coordinates),
吉林市 (with coordinates) and 第十一师 (no coordinates, so the map puts it at its
province's centre). Offsets are computed from the texts, so every row traces
back exactly. Measures are coded as the seed gold codes them (talent_housing,
cadre_training_attendance …); 引进人才 comes in 名 and in 人, two units that
must never share an axis; 蓬江区 2022 states cadre training twice.
"""
from __future__ import annotations

import base64
import re
from pathlib import Path

import numpy as np

import pandas as pd
import pytest

from dashboard.data import compact
from dashboard.measures import measures
from extract.resources import pillar_names
from extract.table import rows_to_frame, write_table

PENJIANG = {"region": "蓬江区", "province": "广东省", "region_level": "district", "city": "江门市",
            "latitude": 22.6, "longitude": 113.08}
REGIONS = {
    "d0_penjiang_2022": {**PENJIANG, "year": 2022},
    "d1_penjiang": {**PENJIANG, "year": 2023},
    "d2_jilin": {"region": "吉林市", "province": "吉林省", "region_level": "city", "city": "吉林市",
                 "latitude": 43.84, "longitude": 126.55, "year": 2023},
    "d3_corps": {"region": "新疆生产建设兵团第十一师", "province": "新疆维吾尔自治区",
                 "region_level": "corps_division", "city": "乌鲁木齐市", "latitude": None, "longitude": None,
                 "year": 2022},
}
# doc → (title, publisher, date, url)
DOCUMENTS = {
    "d0_penjiang_2022": ("蓬江区2022年组织工作总结", "中共江门市蓬江区委组织部", "2022-12-30", "https://example.cn/pj-2022"),
    "d1_penjiang": ("蓬江区党建工作报告", "中共江门市蓬江区委组织部", "2023-12-28", "https://example.cn/pj-2023"),
    "d2_jilin": ("吉林市组织工作", "人民网-吉林频道", "", ""),
    "d3_corps": ("十一师人才工作", "", "", ""),
}
TEXTS = {
    "d0_penjiang_2022": "蓬江区2022年组织工作总结\n全年轮训干部9000人次，其中年轻干部300人次。新建人才公寓5000套。"
                        "引进人才60名。人才驿站连续3年获评优秀。",
    "d1_penjiang": "蓬江区党建工作报告\n全年轮训干部1.2万余人次，投资37亿元建设人才公寓7430套。"
                   "实施强基、铸魂、阵地、领航“四项工程”。坚决做到“两个确立”。引进人才近百名。",
    "d2_jilin": "吉林市组织工作\n发展党员500名，引进人才3000余人。出台人才“新十条”。",
    "d3_corps": "十一师人才工作\n培训干部约800人次，新建人才公寓120套。",
}
# (doc, span text, kind, label, value, unit, qualifier, pillar, members, scope, measure)
MENTIONS = [
    ("d0_penjiang_2022", "9000人次", "indicator", "干部轮训", 9000, "人次", "=", "cadres", "", "", "cadre_training_attendance"),
    ("d0_penjiang_2022", "300人次", "indicator", "年轻干部轮训", 300, "人次", "=", "cadres", "", "", "cadre_training_attendance"),
    ("d0_penjiang_2022", "5000套", "indicator", "人才公寓", 5000, "套", "=", "talent", "", "", "talent_housing"),
    ("d0_penjiang_2022", "60名", "indicator", "引进人才", 60, "名", "=", "talent", "", "", "talents_introduced"),
    ("d0_penjiang_2022", "3年", "indicator", "人才驿站获评优秀", 3, "年", "=", "talent", "", "", "other"),
    ("d1_penjiang", "1.2万余人次", "indicator", "干部轮训", 12000, "人次", ">", "cadres", "", "", "cadre_training_attendance"),
    ("d1_penjiang", "37亿元", "indicator", "投资", 3.7e9, "元", "=", "talent", "", "", "talent_funding"),
    ("d1_penjiang", "7430套", "indicator", "人才公寓", 7430, "套", "=", "talent", "", "", "talent_housing"),
    ("d1_penjiang", "四项工程", "program_count", "四项工程", 4, "工程", "=", "cadres", "强基、铸魂、阵地、领航", "", ""),
    ("d1_penjiang", "两个确立", "formula", "两个确立", None, "", "=", "theory", "", "national", ""),
    ("d1_penjiang", "近百名", "indicator", "引进人才", 100, "名", "<", "talent", "", "", "talents_introduced"),
    ("d2_jilin", "500名", "indicator", "发展党员", 500, "名", "=", "grassroots", "", "", "party_members_recruited"),
    ("d2_jilin", "3000余人", "indicator", "引进人才", 3000, "人", ">", "talent", "", "", "talents_introduced"),
    ("d2_jilin", "新十条", "program_count", "新十条", 10, "条", "=", "talent", "", "", ""),
    ("d3_corps", "约800人次", "indicator", "干部轮训", 800, "人次", "~", "cadres", "", "", "cadre_training_attendance"),
    ("d3_corps", "120套", "indicator", "人才公寓", 120, "套", "=", "talent", "", "", "talent_housing"),
]


def sentence_of(text: str, start: int) -> str:
    """The sentence (ended by 。 or a line break) that holds offset `start`."""
    for match in re.finditer(r"[^。\n]+[。]?", text):
        if match.start() <= start < match.end():
            return match.group()
    raise ValueError(start)


def fixture_rows() -> list[dict]:
    rows = []
    for doc_id, span, kind, label, value, unit, qualifier, pillar, members, scope, measure in MENTIONS:
        text = TEXTS[doc_id]
        start = text.index(span)
        zh, en = pillar_names()[pillar]
        rows.append({"doc_id": doc_id, **REGIONS[doc_id], "pillar": pillar, "kind": kind, "label": label,
                     "value": value, "unit": unit, "qualifier": qualifier, "text": span, "start": start,
                     "end": start + len(span), "sentence": sentence_of(text, start),
                     "measure": measure, "measure_zh": measures()[measure].zh if measure else "",
                     **dict(zip(["doc_title", "doc_publisher", "doc_date", "doc_url"], DOCUMENTS[doc_id])),
                     "scope": scope, "members": members, "members_mismatch": False,
                     "pillar_en": en, "pillar_zh": zh})
    return rows


@pytest.fixture
def table() -> pd.DataFrame:
    """The fixture table as the dashboard holds it (compact types)."""
    return compact(rows_to_frame(fixture_rows()))


@pytest.fixture(scope="session")
def docs_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def table_path(tmp_path_factory) -> Path:
    """The fixture table written as Parquet, the format a big table comes in."""
    return write_table(rows_to_frame(fixture_rows()), tmp_path_factory.mktemp("table") / "fixture.parquet")


@pytest.fixture
def app_env(monkeypatch, table_path, docs_dir):
    """Point the app at the fixture table and its documents."""
    monkeypatch.setenv("ORGWORK_TABLE", str(table_path))
    monkeypatch.setenv("ORGWORK_DOCS", str(docs_dir))
    return table_path


def plain(value):
    """A figure's dict or JSON spec with plain lists for its arrays.

    Plotly writes numpy arrays as typed arrays ({"dtype": "f8", "bdata": base64});
    tests compare values, so decode them (and numpy scalars, tuples) to lists.
    """
    if isinstance(value, dict):
        if set(value) >= {"dtype", "bdata"}:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
            shape = [int(n) for n in str(value.get("shape", len(array))).split(",")]
            return array.reshape(shape).tolist()
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(v) for v in value]
    return value.item() if isinstance(value, np.generic) else value
