"""A document's title, publisher and URL: from its text, its HTML head, or a sources.csv beside it."""
from __future__ import annotations

import doctest

import pytest

from extract.read import metadata
from extract.pipeline import extract_file
from extract.read.documents import read_document
from extract.read.metadata import SidecarError, document_fields, document_publisher, document_title, page_url

# (id, text, expected title)
TITLE_CASES = [
    ("heading first", "某县组织工作综述\n全年培训干部300人次。", "某县组织工作综述"),
    ("breadcrumbs skipped", "首页 / 新闻中心 / 要闻\n某区扎实推进基层党建\n正文。", "某区扎实推进基层党建"),
    ("site name too short", "新华网\n某市人才工作再上新台阶\n正文。", "某市人才工作再上新台阶"),
    ("arrows skipped", "某报>>地方频道\n某镇党委书记谈组织振兴\n正文。", "某镇党委书记谈组织振兴"),
    ("dash leading into the text", "某区党工委发出动员令——\n正文。", "某区党工委发出动员令"),
    ("no heading: first sentence", "3日，某区召开组织工作会议。会议强调……", "3日，某区召开组织工作会议"),
    ("a short line after the body closes it, it is no title",
     "9月30日，某县村党组织书记专题培训会落幕。自9月26日开班以来，共有150名村党组织书记参训，课程涵盖政策理论、"
     "武装集训、现场演练等内容。\n某日报新媒体出品\n编辑|张三",
     "9月30日，某县村党组织书记专题培训会落幕"),
    ("a back-to-top link is no title", "返回顶部\n3日，某区召开组织工作会议。会议强调……", "3日，某区召开组织工作会议"),
    ("empty", "", ""),
]


@pytest.mark.parametrize("text, title", [pytest.param(t, e, id=i) for i, t, e in TITLE_CASES])
def test_document_title(text, title):
    assert document_title(text) == title


# (id, text, expected publisher)
PUBLISHER_CASES = [
    ("byline with pipe", "标题\n2023年01月05日 | 来源：某市日报\n正文", "某市日报"),
    ("half-width colon", "标题\n来源: 某区融媒体中心  作者：张三\n正文", "某区融媒体中心"),
    ("at the end", "标题\n正文。\n稿源：某省党建网\n责编：李四", "某省党建网"),
    ("issuing body", "通知\n发布机构：中共某县委组织部\n正文", "中共某县委组织部"),
    ("none", "标题\n正文里说到来源广泛。", ""),
]


@pytest.mark.parametrize("text, publisher", [pytest.param(t, e, id=i) for i, t, e in PUBLISHER_CASES])
def test_document_publisher(text, publisher):
    assert document_publisher(text) == publisher


@pytest.mark.parametrize("html, url", [
    pytest.param(b'<html><head><link rel="canonical" href="https://a.gov.cn/x.html"></head></html>',
                 "https://a.gov.cn/x.html", id="canonical"),
    pytest.param(b"<head><meta content='https://b.cn/y' property='og:url'></head>", "https://b.cn/y", id="og:url"),
    pytest.param(b'<head><meta property="og:url" content="https://b.cn/og"><LINK REL=canonical HREF=https://b.cn/c></head>',
                 "https://b.cn/c", id="canonical wins"),
    pytest.param(b'<head><link rel="stylesheet" href="s.css"></head>', "", id="none"),
])
def test_page_url(html, url):
    assert page_url(html) == url


def test_an_html_document_carries_its_url_into_the_table(tmp_path):
    from extract.pipeline import extract_file

    path = tmp_path / "page.html"
    path.write_text('<html><head><link rel="canonical" href="https://example.cn/r.html"><title>t</title></head>'
                    "<body><h1>某县组织工作报告</h1><p>全年培训干部300人次，发展党员120名。</p></body></html>",
                    encoding="utf-8")
    assert read_document(path).url == "https://example.cn/r.html"
    rows = extract_file(path).rows
    assert rows and {r["doc_url"] for r in rows} == {"https://example.cn/r.html"}


def test_a_sidecar_names_title_url_publisher_and_date(tmp_path):
    (tmp_path / "r1.txt").write_text("某县组织工作\n全年培训干部300人次。", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "doc_id,title,url,publisher,date\nr1,某县2021年组织工作总结,https://x.cn/r1,中共某县委组织部,2021-12-30\n",
        encoding="utf-8")
    fields = document_fields("某县组织工作\n…", str(tmp_path / "r1.txt"))
    assert fields == {"doc_title": "某县2021年组织工作总结", "doc_publisher": "中共某县委组织部",
                      "doc_url": "https://x.cn/r1", "doc_date": "2021-12-30", "year": 2021}
    assert document_fields("某县组织工作\n…", str(tmp_path / "other.txt"))["doc_title"] == "某县组织工作"


def test_a_sidecar_without_doc_id_is_named(tmp_path):
    (tmp_path / "sources.csv").write_text("title,url\nx,y\n", encoding="utf-8")
    with pytest.raises(SidecarError, match="sources.csv: not used, it needs a doc_id or file column"):
        document_fields("t", str(tmp_path / "a.txt"))


def test_a_sidecar_may_key_its_rows_by_file_name(tmp_path):
    (tmp_path / "sources.csv").write_text("file,url\nr1.txt,https://x.cn/r1\n", encoding="utf-8")
    assert document_fields("某县组织工作", str(tmp_path / "r1.txt"))["doc_url"] == "https://x.cn/r1"


@pytest.mark.parametrize("content", [b"title,url\nx,y\n", b"doc_id,url\n\xff\xfe\x00bad,\x81\n"],
                         ids=["no key column", "not UTF-8"])
def test_an_unusable_sidecar_is_a_warning_and_every_row_is_still_extracted(tmp_path, content):
    (tmp_path / "r1.txt").write_text("某县组织工作\n全年培训干部300人次，发展党员120名。", encoding="utf-8")
    (tmp_path / "sources.csv").write_bytes(content)
    result = extract_file(tmp_path / "r1.txt")
    assert result.error is None and len(result.rows) == 2
    assert any("sources.csv: not used" in warning for warning in result.warnings)
    assert result.rows[0]["doc_title"] == "某县组织工作"


def test_docstring_examples():
    result = doctest.testmod(metadata)
    assert result.attempted > 0 and result.failed == 0
