"""The layout of a report: where its head ends and its foot begins (dates, regions), its sentences,
paragraph leads and the headings in force at each paragraph (pillars)."""
from __future__ import annotations

import pytest

from extract.read.structure import Span, head_end, layout_of, split_sentences, tail_start

TEXT = "标题\n\n作者 张伟\n正文第一段。\n正文第二段。\n\n（责编：李明）\n2023年1月5日\n"


@pytest.mark.parametrize("lines,chars,expected", [
    (1, 600, "标题\n"), (2, 600, "标题\n\n作者 张伟\n"), (2, 4, "标题\n\n"), (99, 600, TEXT),
], ids=["one line", "blank lines skipped", "capped by chars", "short text"])
def test_head_end(lines, chars, expected):
    assert TEXT[:head_end(TEXT, lines, chars)] == expected


@pytest.mark.parametrize("lines,expected", [
    (1, "2023年1月5日\n"), (2, "（责编：李明）\n2023年1月5日\n"), (3, "正文第二段。\n\n（责编：李明）\n2023年1月5日\n"),
    (99, TEXT),
], ids=["last line", "two lines", "blank line skipped", "short text"])
def test_tail_start(lines, expected):
    assert TEXT[tail_start(TEXT, lines):] == expected


REPORT = ("2023年工作总结\n"
          "一、突出政治建设\n"
          "（一）强化理论武装\n"
          "开展专题学习。全年培训党员1200人次。\n"
          "持续深化宣讲。\n"
          "二、建强干部队伍\n"
          "优化班子结构\n"
          "选拔年轻干部36名。\n")


@pytest.mark.parametrize("paragraph,expected", [
    ("2023年工作总结", ["2023年工作总结"]),
    ("开展专题学习", ["（一）强化理论武装", "一、突出政治建设", "2023年工作总结"]),
    ("持续深化宣讲", ["（一）强化理论武装", "一、突出政治建设", "2023年工作总结"]),
    ("选拔年轻干部", ["优化班子结构", "二、建强干部队伍"]),
    ("优化班子结构", ["优化班子结构", "二、建强干部队伍"]),
], ids=["the title stands over itself", "a run of heading lines above", "two paragraphs down, the same run",
        "a new run ends where body text is", "a heading is in force at itself"])
def test_headings_above_are_the_last_run_of_heading_lines(paragraph, expected):
    layout = layout_of(REPORT)
    assert [h.text for h in layout.headings_above(REPORT.index(paragraph))] == expected


def test_the_numbered_heading_is_kept_when_an_unnumbered_one_is_nearer():
    layout = layout_of("一、突出政治建设\n开展学习。\n强化理论武装\n培训党员1200人次。\n")
    assert [h.text for h in layout.headings_above(layout.text.index("培训"))] == ["强化理论武装", "一、突出政治建设"]


def test_a_paragraph_before_any_heading_has_none():
    layout = layout_of("全年培训党员1200人次，较上年增加一成，成效明显，群众满意度持续提升。\n一、突出政治建设\n")
    assert layout.headings_above(0) == []


@pytest.mark.parametrize("text,lead", [
    ("开展专题学习。全年培训党员1200人次。", "开展专题学习。"),
    ("  把牢理论学习第一课题！随后……", "把牢理论学习第一课题！"),
    ("没有句末标点的一段", "没有句末标点的一段"),
], ids=["first sentence", "leading spaces trimmed", "no sentence end"])
def test_the_lead_is_the_paragraphs_first_sentence(text, lead):
    assert layout_of(text).lead_of(0).text == lead


@pytest.mark.parametrize("text,expected", [
    ("甲。乙！", ["甲。", "乙！"]),
    (" 甲。 \u3000乙 ", ["甲。", "乙"]),
    ("“甲。”乙……丙", ["“甲。”", "乙……", "丙"]),
    ("。。", ["。。"]),
    ("   ", []),
], ids=["ends kept", "whitespace trimmed", "closing quotes and ellipsis", "punctuation alone", "blank"])
def test_split_sentences(text, expected):
    spans = split_sentences(text)
    assert [s.text for s in spans] == expected
    assert all(text[s.start:s.end] == s.text for s in spans), "offsets point at the sentence"
    assert all(isinstance(s, Span) for s in spans)


# --- over-long sentences: text without sentence punctuation is cut, not kept whole ---

def test_an_over_long_sentence_is_cut_after_a_comma_or_at_the_limit():
    from extract.read.structure import MAX_SENTENCE_CHARS, split_sentences

    clause = "全区培训干部1200人次，"           # 12 characters, a comma at the end
    text = clause * 200 + "无标点" * 400      # 2400 characters with commas, then 1200 without
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert "".join(s.text for s in sentences) == text            # nothing lost, nothing doubled
    assert sentences[0].text.endswith("，")                      # cut after a comma where there is one
    assert len(sentences[-2].text) == MAX_SENTENCE_CHARS         # hard cut where there is none


def test_the_lead_of_an_over_long_paragraph_is_bounded():
    from extract.read.structure import MAX_SENTENCE_CHARS, layout_of

    layout = layout_of("无标点的长段落" * 1000)
    assert 0 < len(layout.lead_of(0).text) <= MAX_SENTENCE_CHARS


@pytest.mark.parametrize("line, expected", [
    pytest.param("强化理论武装", True, id="short-line-without-closing-punctuation"),
    pytest.param("要坚持学习。", False, id="short-sentence"),
    pytest.param("一、突出政治建设。", True, id="short-numbered-line-ending-like-a-sentence"),
    pytest.param("（三）" + "抓实基层组织建设" * 6 + "。", True, id="numbered-line-up-to-twice-the-heading-length"),
    pytest.param("（三）" + "抓实基层组织建设" * 6 + "。要求。", False, id="numbered-line-with-two-full-stops"),
    pytest.param("抓实基层组织建设" * 6, False, id="unnumbered-line-past-the-heading-length"),
    pytest.param("一、" + "抓实基层组织建设" * 10, False, id="numbered-line-past-twice-the-heading-length"),
    pytest.param("   \u3000", False, id="blank"),
    pytest.param("作者：李明（县委组织部部长、党校校长）", False, id="author-line"),
    pytest.param("稿源：某某日报", False, id="source-line"),
    pytest.param("组织部部长、党委党校校长\xa0 王芳", False, id="author-post-and-name"),
    pytest.param("党校建设迈上新台阶", True, id="a-heading-that-names-a-party-school"),
])
def test_looks_like_heading(line, expected):
    from extract.read.structure import looks_like_heading
    assert looks_like_heading(line) is expected


def test_layout_paragraphs_are_the_non_blank_lines_with_their_offsets():
    text = "标题\n\n  \n正文一。正文二。\r\n\u3000末行"
    assert [(p.start, p.end, p.text) for p in layout_of(text).paragraphs] == [
        (0, 2, "标题"), (7, 16, "正文一。正文二。\r"), (17, 20, "\u3000末行")]


@pytest.mark.parametrize("paragraph", [
    "全年培训党员1200人次。新建党支部12个！",
    "  前有空格的段落，没有句末标点",
    "引号结尾的句子。”其后还有一句。",
    "单个省略号…不是句末，两个才是……后面",
    "。开头就是句号",
    "长段落没有标点" * 80,
    "长段落" * 200 + "。" + "后一句。",
], ids=["two-sentences", "no-end-mark", "closing-quote", "ellipsis", "opens-with-stop", "long-no-mark", "long-first-sentence"])
def test_the_lead_is_the_same_whether_or_not_the_sentences_were_split_first(paragraph):
    text = "标题\n" + paragraph + "\n下一段。"
    fresh, split = layout_of(text), layout_of(text)
    split.sentence_at(text.index(paragraph[-3:]))
    assert split.lead_of(1) == fresh.lead_of(1)


def test_a_page_run_together_with_spaces_after_its_sentences_has_its_paragraphs_back():
    text = "导语一句。 完善帮扶机制，做好包保工作。选派干部驻村。\u3000引培技术人才，发挥人才作用。"
    paragraphs = layout_of(text).paragraphs
    assert [p.text for p in paragraphs] == ["导语一句。", "完善帮扶机制，做好包保工作。选派干部驻村。", "引培技术人才，发挥人才作用。"]
    assert all(text[p.start:p.end] == p.text for p in paragraphs)
    assert layout_of("一句话。第二句话。").paragraphs[0].text == "一句话。第二句话。", "no space: one paragraph"
