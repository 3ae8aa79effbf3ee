"""Indicators: the case table in specs/indicators.yaml, one test per sentence."""
from __future__ import annotations

import pytest

from extract.pipeline import find_mentions
from tests.extract.spec_cases import spec_params


def indicators_of(text: str) -> list[dict]:
    return [{"text": m.text, "value": m.value, "unit": m.unit, "qualifier": m.qualifier}
            for m in find_mentions(text) if m.kind == "indicator"]


@pytest.mark.parametrize("case", spec_params("indicators.yaml"))
def test_indicator_cases(case):
    found = indicators_of(case["text"])
    if case.get("none"):
        assert found == [], f"expected no indicator ({case.get('why')})"
        return
    expected = [{"qualifier": "=", **e} for e in case["expect"]]
    for item in expected:
        item["value"] = float(item["value"])
    assert found == expected


def test_text_is_the_exact_source_characters():
    text = "汽开区连续9年举办大赛，累计培养万余名高素质技能人才。"
    for mention in find_mentions(text):
        assert text[mention.start:mention.end] == mention.text
