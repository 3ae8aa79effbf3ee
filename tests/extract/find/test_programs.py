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
