"""Pillars come from the clause, the sentence, the paragraph's lead and the headings above."""
from __future__ import annotations

import pytest

from extract.pipeline import find_mentions
from extract.structure import layout_of

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
