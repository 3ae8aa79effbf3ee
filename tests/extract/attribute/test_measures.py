"""Measures: the case table in specs/measures.yaml, the resource files, and the development set
of the shared measures.yaml (its own examples)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extract.attribute.measures import OTHER, assign_measures, cue_rules, measure_table, measure_zh
from extract.find.mentions import Mention
from extract.pipeline import find_mentions
from extract.resources import resource_path
from tests.extract.spec_cases import spec_params

ROOT = Path(__file__).resolve().parents[3]
SHARED_MEASURES = ROOT.parent / "shared" / "spec" / "measures.yaml"


def measure_of(text: str, number: str) -> str:
    found = {m.text: m.measure for m in find_mentions(text) if m.kind == "indicator"}
    assert number in found, f"{number!r} not found as an indicator in {text!r}: {found}"
    return found[number]


@pytest.mark.parametrize("case", spec_params("measures.yaml"))
def test_measure(case):
    assert measure_of(case["text"], case["number"]) == case["measure"]


@pytest.mark.skipif(not SHARED_MEASURES.exists(), reason="../shared is not beside the repository")
def test_the_packaged_measures_are_the_shared_file():
    assert resource_path("measures.yaml").read_bytes() == SHARED_MEASURES.read_bytes()


def test_every_measure_has_cues_and_every_cue_entry_is_a_measure():
    codes = set(measure_table()) - {OTHER}
    assert {rule.code for rule in cue_rules().rules} == codes


def test_the_table_has_the_specs_42_measures_and_other():
    table = measure_table()
    assert len(table) == 43 and table[OTHER].units == frozenset()
    assert measure_zh("talent_housing") == "人才公寓套数" and measure_zh("") == ""


def test_the_examples_of_the_shared_list_are_classified_and_never_wrongly():
    """The spec's own examples are the development set: most get their measure, none a wrong one.
    (A breakdown quoted without its parent, 其中博士42名, can only be `other`.)"""
    entries = yaml.safe_load(resource_path("measures.yaml").read_text(encoding="utf-8"))["measures"]
    examples = [(entry["code"], example) for entry in entries for example in entry["examples"]]
    right = 0
    wrong = []
    for code, example in examples:
        # An example with two numbers (投资37亿元建设7430套人才公寓) is listed under both measures.
        allowed = {OTHER} | {other for other, text in examples if text in example or example in text}
        said = [m.measure for m in find_mentions(example + "。") if m.kind == "indicator"]
        right += code in said
        wrong += [(example, said_code) for said_code in said if said_code not in allowed]
    total = len(examples)
    assert not wrong
    assert right / total >= 0.85


def test_only_indicators_get_a_measure():
    mentions = find_mentions("实施“四项工程”，新建党群服务中心12个。")
    assert {m.kind: m.measure for m in mentions} == {"program_count": "", "indicator": "service_centres"}


def test_a_repeated_figure_takes_the_code_of_its_explicit_mention():
    text = "全年选派第一书记420名。……420名同志扎根一线。"
    mentions = [m for m in find_mentions(text) if m.kind == "indicator"]
    assert [m.measure for m in mentions] == ["first_secretaries", "first_secretaries"]


def test_a_measure_needs_its_unit_family():
    mention = Mention("indicator", 4, 7, "12支", value=12, unit="支")
    text = "选派第一12支。"
    assert assign_measures(text, [mention]) is None and mention.measure == OTHER
