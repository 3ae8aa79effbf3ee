"""Pinyin glosses of mirror sites (開(kāi)發(fā)區) are read over; rows keep the document's offsets."""
import pytest

from extract.pipeline import extract_text
from extract.read.glosses import without_glosses

GLOSSED = "蓬江區(qū)委組(zǔ)織部\n今年培訓(xùn)干部1.2萬(wàn)人次，新建(jiàn)黨群服務(wù)中心12個(gè)。"


def test_the_view_has_no_glosses_and_maps_offsets_back():
    view = without_glosses(GLOSSED)
    assert view.text == "蓬江區委組織部\n今年培訓干部1.2萬人次，新建黨群服務中心12個。"
    for start in range(len(view.text)):
        assert GLOSSED[view.start_of(start)] == view.text[start]
        assert GLOSSED[view.end_of(start + 1) - 1] == view.text[start]


@pytest.mark.parametrize("text", [
    "今年培训干部1200人次。",
    "选项(a)和选项(b)之外，还有(c)。",                 # enumerations: no tone marks
    "一个注音(kāi)不算，两个(fā)也不算。",              # fewer than three glosses
], ids=["plain", "enumeration letters", "too few glosses"])
def test_texts_without_glosses_are_read_as_they_are(text):
    view = without_glosses(text)
    assert view.text is text and not view.shifted


def test_rows_quote_the_glossed_characters_at_their_own_offsets():
    result = extract_text(GLOSSED, "doc")
    by_value = {row["value"]: row for row in result.rows if row["kind"] == "indicator"}
    training, centres = by_value[12000], by_value[12]
    assert training["text"] == "1.2萬(wàn)人次" and GLOSSED[training["start"]:training["end"]] == training["text"]
    assert centres["text"] == "12個" and centres["label"] == "新建党群服务中心"
    for row in result.rows:
        assert GLOSSED[row["sentence_start"]:row["sentence_end"]] == row["sentence"]
    first = result.rows[0]
    assert first["region"] == "蓬江区" and GLOSSED[first["region_start"]:first["region_end"]] == "蓬江區"
