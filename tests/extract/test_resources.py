"""Every resource file loads, is well formed, and agrees with the spec and the others."""
from __future__ import annotations

import pytest

from extract.find import indicators, programs, textspans
from extract.attribute import labels, pillars
from extract.resources import ResourceError, load_yaml, pillar_names, word_list, word_map

SPEC_PILLARS = {"theory", "cadres", "grassroots", "talent", "integrity", "development", "general"}
SPEC_UNITS = {"人", "名", "人次", "个", "家", "所", "套", "场", "场次", "期", "年", "个月", "岁", "元", "%", "百分点", "项", "条"}


def test_pillars_are_the_specs_with_both_names_and_cues():
    assert set(pillar_names()) == SPEC_PILLARS
    cues = load_yaml("pillars.yaml")["pillars"]
    for code in SPEC_PILLARS:
        assert cues[code]["cues"], code


def test_every_spec_unit_is_known():
    assert SPEC_UNITS <= set(indicators.unit_table().canonical.values())


def test_unit_forms_are_longest_first():
    forms = indicators.unit_table().forms_longest_first
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)


@pytest.mark.parametrize("form,unit", [("千米", "公里"), ("千克", "公斤"), ("人民币", "元"), ("平米", "平方米"),
                                       ("台币", "新台币"), ("周岁", "岁"), ("個百分點", "百分点"), ("噸", "吨")])
def test_other_names_of_a_unit_convert_to_its_one_name(form, unit):
    assert indicators.unit_table().canonical[form] == unit


def test_units_that_take_a_half_or_name_a_term_are_listed_units():
    table = indicators.unit_table()
    units = set(table.canonical.values())
    assert table.takes_half <= units and table.terms <= units
    assert all(word.startswith("半") for word in table.half_words)


def test_currency_signs_name_currencies():
    table = indicators.unit_table()
    money = set(word_map("units.yaml", "money").values())
    assert table.currency_signs["￥"] == "元" and set(table.currency_signs.values()) <= money


def test_a_currency_sign_for_a_unit_that_is_no_currency_is_reported(tmp_path, monkeypatch):
    bad = load_yaml("units.yaml") | {"currency_signs": {"$": "人"}}
    monkeypatch.setattr(indicators, "load_yaml", lambda name: bad)
    with pytest.raises(ResourceError, match="currency_signs"):
        indicators.currency_sign_map({})


def test_no_word_is_both_a_unit_form_and_a_not_unit():
    table = indicators.unit_table()
    assert not set(table.canonical) & set(table.not_units)


@pytest.mark.parametrize("loader", [
    indicators.unit_table, indicators.qualifier_words, indicators.context_words, programs.bundle_words,
    programs.national_pattern, labels.label_words, pillars.cue_table, textspans.ambiguity_pattern,
], ids=lambda f: f.__name__)
def test_each_loader_reads_its_file(loader):
    assert loader()


def test_national_slogans_are_not_idioms():
    assert not set(word_list("formulas.yaml", "national")) & set(word_list("ambiguity.yaml", "words"))


def test_unquoted_bundle_nouns_are_bundle_nouns():
    words = programs.bundle_words()
    assert set(words.unquoted_nouns) <= set(words.nouns)
    assert set(words.policy_nouns) <= set(words.nouns)


def test_a_duplicate_word_is_reported_with_the_file(tmp_path, monkeypatch):
    from extract import resources
    (tmp_path / "broken.yaml").write_text("words: [一线, 一线]\nmapping: {a: [x], b: [x]}\n", encoding="utf-8")
    monkeypatch.setattr(resources, "RESOURCE_DIR", tmp_path)
    resources.load_yaml.cache_clear()
    try:
        with pytest.raises(ResourceError, match="broken.yaml.*repeats"):
            word_list("broken.yaml", "words")
        with pytest.raises(ResourceError, match="under both"):
            word_map("broken.yaml", "mapping")
    finally:
        resources.load_yaml.cache_clear()


def test_a_bundle_noun_is_either_strong_or_weak_and_no_set_word_is_a_time_or_level():
    words = programs.bundle_words()
    assert not set(words.unquoted_nouns) & set(words.weak_nouns)
    assert not set(words.set_heads) & set(words.not_bundle_heads)
    assert set(words.modifying_nouns) <= set(words.any_nouns)


def test_local_names_are_not_national_slogans():
    assert not set(word_list("formulas.yaml", "local_names")) & set(word_list("formulas.yaml", "national"))


def test_a_cue_rule_whose_units_are_not_its_measures_is_reported(monkeypatch):
    from extract.attribute import measures
    cues = load_yaml("measure_cues.yaml")
    bad = cues | {"measures": [{"code": "cadre_training_classes", "objects": ["培训"], "units": ["元"]}]}
    monkeypatch.setattr(measures, "load_yaml", lambda name: bad if name == "measure_cues.yaml" else load_yaml(name))
    measures.cue_rules.cache_clear()
    try:
        with pytest.raises(ResourceError, match="cadre_training_classes.units"):
            measures.cue_rules()
    finally:
        measures.cue_rules.cache_clear()
