"""Hard line wraps of PDF copies are read over; other texts are read as they are."""
from __future__ import annotations

from extract.pipeline import extract_text
from extract.read.views import reading_view, view_without
from extract.read.wrapping import wrap_spans

# An invented yearbook page, wrapped at a fixed width in mid-sentence and mid-word.
WRAPPED = (
    "第二节 党组织建设\n"
    "党员发展\n"
    "1998 年，全县有共产党员 8200 名、预备党员 190 名。是年，按照“坚持标准、保证质量、改\n"
    "善结构、慎重发展”方针发展党员，规范党员发展程序和手续，执行入党前培养、入党时考察、入\n"
    "党后培训提高等制度。建立基层党组织发展目标责任制，修订党员发展规划。至 2003 年底，发展\n"
    "新党员 1420 人，其中女党员 350 人，占 24.6%；35 岁以下年轻党员 960 人，占 67.6%；共青\n"
    "团员入党 510 人，占 35.9%；大专以上学历 700 人，占 49.3%；高中（中专）学历 600 人，占\n"
    "42.3%。乡镇中发展新党员 880 名，占 62%。党员队伍呈现年轻化，文化结构有所提高。2004 年以\n"
    "来，推进党员发展规划和责任制，实行发展党员公示制，以接受群众监督。至 2008 年底，发展新\n"
    "党员 5200 人，其中女党员 1600 人，年轻党员 3900 人，都是各条战线的骨干力量，分布在全县各\n"
    "乡镇、社区、机关和企业，为全县经济社会发展提供了坚强组织保证，受到上级党委的充分肯定。\n"
)


def test_a_wrapped_page_is_read_without_its_wraps():
    view = reading_view(WRAPPED)
    assert "年轻党员 960 人" in view.text and "共青团员入党" in view.text
    assert view.text.startswith("第二节 党组织建设\n党员发展\n"), "headings keep their breaks"


def test_rows_still_quote_the_documents_characters_at_their_offsets():
    rows = extract_text(WRAPPED, doc_id="wrapped").rows
    assert all(WRAPPED[row["start"]:row["end"]] == row["text"] for row in rows)
    by_text = {row["text"]: row for row in rows}
    assert by_text["960 人"]["label"].endswith("年轻党员"), by_text["960 人"]["label"]


def test_reports_with_their_own_line_breaks_are_not_wrapped():
    lines = ["全县组织工作会议召开。", "会议总结了去年工作，部署了今年任务，要求各级党组织抓好落实。"] * 10
    assert wrap_spans("\n".join(lines)) == []
    assert wrap_spans("短文本\n没有折行") == []


def test_a_view_maps_its_offsets_back_to_the_document():
    view = view_without("ab\ncd\nef", [(2, 3), (5, 6)])
    assert view.text == "abcdef"
    assert [view.start_of(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert view.end_of(4) == 5, "the view's abcd is the document's ab\\ncd"
