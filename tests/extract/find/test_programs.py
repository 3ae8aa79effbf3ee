"""Programme bundles and formulas: the case table in specs/programs.yaml."""
from __future__ import annotations

import pytest

from extract.pipeline import find_mentions
from tests.extract.spec_cases import spec_params


def found_of(text: str, kind: str) -> list:
    return [m for m in find_mentions(text) if m.kind == kind]


@pytest.mark.parametrize("case", spec_params("programs.yaml"))
def test_program_cases(case):
    programs = found_of(case["text"], "program_count")
    formulas = found_of(case["text"], "formula")
    if "indicators" in case:
        indicators = [m.text for m in found_of(case["text"], "indicator")]
        assert all(text in indicators for text in case["indicators"]), indicators
    if case.get("none"):
        assert programs == []
        if not case.get("programs_only"):
            assert formulas == []
        return
    if "programs" in case:
        assert [(m.text, m.value, m.unit) for m in programs] == [
            (p["text"], float(p["value"]), p["noun"]) for p in case["programs"]]
        for mention, expected in zip(programs, case["programs"]):
            if "members" in expected:
                assert mention.members == expected["members"]
                assert mention.members_mismatch is expected.get("members_mismatch", False)
            else:
                assert mention.members == []
    if "formulas" in case:
        assert [(m.text, m.scope) for m in formulas] == [(f["text"], f["scope"]) for f in case["formulas"]]


def test_members_listed_after_the_bundle():
    text = ("实施“四项工程”。实施干部队伍“引才工程”。实施能力提升“培优工程”。"
            "实施斗争一线“选贤工程”。实施管理创新“赋能工程”。")
    [bundle] = found_of(text, "program_count")
    assert bundle.members == ["引才工程", "培优工程", "选贤工程", "赋能工程"]


def test_members_as_sentences_of_their_own():
    text = ("推进“四项行动”。\n推进农村党建攻坚行动。深化议事。推进党建引领基层治理提升行动。"
            "推进新兴领域党建提质行动。推进机关事业单位党业融合行动。")
    [bundle] = found_of(text, "program_count")
    assert bundle.members == ["农村党建攻坚行动", "党建引领基层治理提升行动", "新兴领域党建提质行动", "机关事业单位党业融合行动"]


def test_member_list_of_the_wrong_length_is_flagged():
    [bundle] = found_of("实施强基、铸魂、阵地“五项工程”", "program_count")
    assert bundle.members == ["强基", "铸魂", "阵地"]
    assert bundle.members_mismatch is True


def test_examples_are_not_members():
    [bundle] = found_of("策划汽车产业集群“上台阶”、招商引资提质等“九大工程”专题报道", "program_count")
    assert bundle.members == []


def test_members_named_in_the_headings_after_the_bundle():
    text = ("今年深入实施“三大行动”。\n一、实施“头雁领航”行动\n选优配强村党组织书记。\n"
            "二、实施“干部淬炼”行动\n加强干部实践锻炼。\n三、实施“人才集聚”行动\n引进急需人才。")
    [bundle] = found_of(text, "program_count")
    assert bundle.members == ["头雁领航行动", "干部淬炼行动", "人才集聚行动"]


def test_members_announced_at_a_later_mention():
    text = ("全年扎实推进“四项工程”。\n加强机关自身建设，推动“四项工程”落地见效：政治铸魂工程、能力提升工程、"
            "作风锻造工程、清廉机关工程。")
    [bundle] = found_of(text, "program_count")
    assert (bundle.start, bundle.members) == (7, ["政治铸魂工程", "能力提升工程", "作风锻造工程", "清廉机关工程"])


def test_digits_read_out_before_da_are_no_bundle_and_do_not_stop_the_document():
    # 三四 has no value (digits read one by one): N大 with no N is no set, and no TypeError either.
    mentions = find_mentions("全县实施三四大项目建设，新建党群服务中心12个。")
    assert [m.kind for m in mentions] == ["indicator"]


# The unquoted patterns run only where one anchor pass says they can match (programs.numeral_starts),
# the clauses after a bundle are found from its noun, the national slogans by an automaton: each must
# find exactly what a scan of the whole text finds. Invented sentences with every kind of N and suffix.
SCANNED_TEXTS = [
    "落实三个同步，实施四项工程，建成两个平台和3类基地。",
    "深入开展“五大行动”和十大杰出青年评选，学习二十大精神，推进五大连池旅游。",
    "制定三年行动计划和五年规划，打造五星级党支部，开展百名干部进万家行动。",
    "出台人才新政20条、黄金十条，落实一号工程，启动第三批十四五项目。",
    "1,000个网格、12.5万名党员、２０个站点，三四大项目建设，二〇二三年完成两级联创。",
    "",
    "一二三四五六七八九十百千万亿个项大年号级星名",
]


@pytest.mark.parametrize("text", SCANNED_TEXTS, ids=range(len(SCANNED_TEXTS)))
def test_anchored_patterns_find_what_a_whole_text_scan_finds(text):
    from extract.find import programs
    starts = programs.numeral_starts(text)
    chinese, arabic = programs.unquoted_bundle_patterns()
    for pattern, candidates in ((chinese, starts.chinese), (arabic, starts.arabic),
                                (programs.big_set_pattern(), starts.big),
                                (programs.unquoted_formula_pattern(), starts.formula)):
        assert ([m.span() for m in programs.matches_from(pattern, text, candidates)]
                == [m.span() for m in pattern.finditer(text)])


@pytest.mark.parametrize("text", SCANNED_TEXTS, ids=range(len(SCANNED_TEXTS)))
def test_national_slogans_are_found_as_an_alternation_of_them_finds_them(text):
    import re

    from extract.find import programs
    from extract.resources import word_list
    slogans = sorted(word_list("formulas.yaml", "national"), key=len, reverse=True)
    alternation = re.compile("|".join(map(re.escape, slogans)))
    text += "两个维护和四个意识，三会一课，两学一做，中央八项规定"
    assert ([(m.start, m.end) for m in programs.find_national_formulas(text)]
            == [m.span() for m in alternation.finditer(text)])


@pytest.mark.parametrize("text,word", [
    ("实施“四项工程”。实施头雁工程，强化引领。\n推进育苗工程；开展强基工程！“铸魂工程”", "工程"),
    ("开展三大行动。一是行动快，二是行动实。行动", "行动"),
    ("没有一个名词的句子。", "工程"),
])
def test_clauses_with_a_noun_are_the_clauses_a_scan_finds(text, word):
    from extract.find import programs
    for start in range(len(text)):
        for end in (len(text), len(text) - 3):
            expected = [m.group("clause") for m in programs.SENTENCE_OPENING_CLAUSE.finditer(text, start, end)
                        if word in m.group("clause")]
            assert programs.sentence_opening_clauses_with(text, word, start, end) == expected
