"""Pillars come from the clause, the sentence, the paragraph's lead and the headings above; labels name what is counted."""
from __future__ import annotations

import pytest

from extract.pipeline import find_mentions
from extract.read.structure import layout_of

CASES = [
    ("全年培训党员干部1.2万人次。", "cadres", "cue in the sentence"),
    ("新建人才公寓300套。", "talent", "cue in the label"),
    ("三、突出政治功能，全面提升基层党组织组织力\n今年新建站点12个，服务群众。", "grassroots", "numbered heading"),
    ("实施“四项工程”强化选贤任能，推进“四项行动”持续固本强基，着眼“四个聚焦”用心聚才育才。", None, "clause decides"),
    ("全区上下共同努力，完成12项任务。", "general", "no cue anywhere"),
]


@pytest.mark.parametrize("text,pillar,why", CASES, ids=[c[2] for c in CASES])
def test_pillar(text, pillar, why):
    mentions = [m for m in find_mentions(text) if m.kind != "formula"]
    if pillar is None:
        assert [m.pillar for m in mentions] == ["cadres", "grassroots", "talent"]
    else:
        assert mentions and all(m.pillar == pillar for m in mentions)


def test_a_heading_carries_its_pillar_to_the_paragraphs_below():
    text = "聚焦引育并重 全面提升人才引领驱动力\n今年举办活动20场，发放补贴300万元。\n第二段又新建5个。"
    assert {m.pillar for m in find_mentions(text)} == {"talent"}


def test_layout_finds_headings_and_sentences():
    layout = layout_of("一、突出政治建设\n要坚持学习。要抓落实！\n")
    assert [p.is_heading for p in layout.paragraphs] == [True, False]
    assert [s.text for s in layout.sentences] == ["一、突出政治建设", "要坚持学习。", "要抓落实！"]
    assert layout.headings_above(layout.sentences[2].start)[0].text == "一、突出政治建设"


LABEL_CASES = [
    ("投资37亿元建设7430套人才公寓", "7430套", "人才公寓"),
    ("1.2万余人次干部接受轮训", "1.2万余人次", "干部轮训"),
    ("全区干部学历整体提升8个百分点", "8个百分点", "干部学历提升"),
    ("其中超50万元的村有38个，比上年增加15个。", "15个", "村增加"),
    ("全县412个村全部选派第一书记", "412个", "村选派第一书记"),   # what the villages counted have
]


@pytest.mark.parametrize("text,mention,label", LABEL_CASES, ids=[c[1] for c in LABEL_CASES])
def test_labels_name_what_is_counted(text, mention, label):
    labels = {m.text: m.label for m in find_mentions(text)}
    assert labels[mention] == label


@pytest.mark.parametrize("text", [
    "持续深化理论武装，全年培训党员干部1.2万人次。",
    "选优配强村党组织书记，引进高层次人才36名，新建党群服务中心。",
    "人才人才人才公寓",
    "没有任何线索的句子。",
], ids=["two pillars", "three pillars in clauses", "a repeated cue counts once", "no cue"])
def test_a_span_scores_its_distinct_cues_as_a_longest_first_alternation_finds_them(text):
    """The one-pass index must score a span as the per-span regex it replaced did."""
    import re

    from extract.attribute.pillars import CueIndex, cue_table
    table = cue_table()
    cues = {cue: (table.pillars[i], table.scores[i]) for i, cue in enumerate(table.cues)}
    alternation = re.compile("|".join(map(re.escape, sorted(cues, key=len, reverse=True))))
    expected: dict[str, float] = {}
    for cue in set(alternation.findall(text)):
        pillar, score = cues[cue]
        expected[pillar] = expected.get(pillar, 0.0) + score
    index = CueIndex(text)
    assert index.scores(0, len(text)) == expected
    clause_end = text.find("，") if "，" in text else len(text)
    assert set(index.scores(0, clause_end)) <= set(expected), "a clause counts only the cues inside it"


def test_a_breakdowns_whole_in_its_label_votes_for_the_pillar():
    from extract.pipeline import find_mentions
    text = "全年发展党员600名，其中大专及以上学历的420名。"
    found = {m.text: m for m in find_mentions(text) if m.kind == "indicator"}
    assert found["420名"].label == "大专及以上学历发展党员"
    assert found["420名"].pillar == "grassroots", "学历 alone would say cadres; 发展党员 is what is counted"


def test_party_congress_delegates_and_elections_are_grassroots_work():
    from extract.pipeline import find_mentions
    text = "本次换届共选出乡镇党代表2100名，其中农民代表800名。"
    assert {m.text: m.pillar for m in find_mentions(text) if m.kind == "indicator"} == {
        "2100名": "grassroots", "800名": "grassroots"}
