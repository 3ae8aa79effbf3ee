"""The sources page's region evidence: the characters that decided a document's region, marked with
their cue (plain functions of dashboard/sources.py, on rows the extraction itself made)."""
import pandas as pd

from dashboard import sources
from extract.pipeline import extract_text

TEXT = "来源：蓬江组工\n蓬江区召开会议，培训党员干部3000人次。\n江门市委部署。"


def rows_of(text: str) -> pd.DataFrame:
    return pd.DataFrame(extract_text(text, "doc").rows)


def test_evidence_points_at_the_deciding_characters():
    start, end, cue = sources.region_evidence(TEXT, rows_of(TEXT))
    assert (TEXT[start:end], cue) == ("蓬江", "source")


def test_evidence_is_marked_with_its_cue_beside_the_mentions():
    mentions = rows_of(TEXT)
    evidence = sources.region_evidence(TEXT, mentions)
    html = sources.highlight_html(TEXT, mentions, None, evidence)
    assert f'style="{sources.REGION_STYLE};padding:0 2px;border-radius:3px" title="地区依据 region evidence: 来源 source line">蓬江</mark>' in html
    assert ">3000人次</mark>" in html, "the indicators are still marked"
    caption = sources.region_caption_html(TEXT, "蓬江区", evidence)
    assert "蓬江</mark> → 蓬江区" in caption and "来源 source line" in caption


def test_no_evidence_when_unrecognised_or_missing_or_out_of_the_text():
    unrecognised = "我县培训党员干部3000人次。"
    assert sources.region_evidence(unrecognised, rows_of(unrecognised)) is None
    older_table = rows_of(TEXT).drop(columns=["region_start", "region_end", "region_cue"])
    assert sources.region_evidence(TEXT, older_table) is None
    assert sources.region_evidence(TEXT[:3], rows_of(TEXT)) is None, "another, shorter version of the file"
    assert sources.region_caption_html(TEXT, "蓬江区", None) == ""


def test_every_cue_the_extraction_gives_has_a_label():
    from extract.attribute import regions
    cues = {"author", "source", "byline", "dateline", "title", "subject", "self_reference", "most_named"}
    assert cues <= set(sources.REGION_CUES)
    assert set(regions.CUE_STRENGTH) <= cues
