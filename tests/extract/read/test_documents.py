"""Reading report files: encodings, formats, and every way a file can be bad.

Binary fixtures (docx, pdf) are built in tmp_path, never committed.
"""
from __future__ import annotations

import codecs
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlab.pdfgen import canvas

from extract.read import documents
from extract.read.documents import Document, DocumentError, find_documents, read_document
from tests.document_files import write_pdf

REPO = Path(__file__).resolve().parents[3]
SEEDS = sorted((REPO / "data" / "raw").glob("*.txt"))

# A few lines in the style of the reports: numbers with units, quotes, full-width punctuation.
REPORT = (
    "蓬江：党建引领促发展，擎旗奋进开新局\n"
    "近两个月，全区累计培训干部1.2万余人次，每周的“蓬江夜校”经济专题培训，成为年轻干部提升素质的平台。\n"
    "实施“四项工程”，建成人才公寓7430套，引进160多家企业，近百家单位参与。\n"
)
# 𠮷 (U+20BB7) is outside GBK: only GB18030's four-byte form encodes it.
REPORT_GB18030 = REPORT + "吉祥的“𠮷”字也要读对。\n"


# --- text files: encodings -------------------------------------------------

@dataclass
class TextCase:
    name: str
    data: bytes      # the file's bytes
    text: str        # what read_document must return


TEXT_CASES = [
    TextCase("utf8", REPORT.encode("utf-8"), REPORT),
    TextCase("utf8_bom", codecs.BOM_UTF8 + REPORT.encode("utf-8"), REPORT),
    TextCase("gbk", REPORT.encode("gbk"), REPORT),
    TextCase("gb18030_four_byte", REPORT_GB18030.encode("gb18030"), REPORT_GB18030),
    TextCase("utf16_le_bom", codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), REPORT),
    TextCase("utf16_be_bom", codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), REPORT),
    TextCase("utf16_le_no_bom", REPORT.encode("utf-16-le"), REPORT),
    TextCase("utf32_bom", REPORT.encode("utf-32"), REPORT),
    # Universal newlines, as open() reads: \r\n and \r become \n.
    TextCase("utf8_crlf", REPORT.replace("\n", "\r\n").encode("utf-8"), REPORT),
    TextCase("gbk_crlf", REPORT.replace("\n", "\r\n").encode("gbk"), REPORT),
    # Leading and trailing whitespace is kept: offsets count it.
    TextCase("utf8_spaces_kept", ("\n\u3000 " + REPORT + "  \n\n").encode("utf-8"), "\n\u3000 " + REPORT + "  \n\n"),
]


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda c: c.name)
def test_text_file_is_decoded(tmp_path, case):
    path = tmp_path / "report.txt"
    path.write_bytes(case.data)
    document = read_document(path)
    assert document.text == case.text
    assert (document.doc_id, document.format, document.path) == ("report", "txt", str(path))


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda c: c.name)
def test_text_equals_what_open_gives_with_the_reported_encoding(tmp_path, case):
    path = tmp_path / "report.txt"
    path.write_bytes(case.data)
    document = read_document(path)
    with open(path, encoding=document.encoding) as handle:
        assert handle.read() == document.text


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_reads_back_exactly_as_open_reads_it(path):
    """The gold offsets were computed on open(path, encoding='utf-8').read()."""
    document = read_document(path)
    assert document.text == path.read_text(encoding="utf-8")
    assert (document.doc_id, document.encoding) == (path.stem, "utf-8")


def test_seed_gold_offsets_point_at_their_text():
    import json
    gold = [json.loads(line) for line in (REPO / "tests" / "gold" / "seeds.jsonl").open(encoding="utf-8")]
    texts = {path.stem: read_document(path).text for path in SEEDS}
    spans = [row for row in gold if "start" in row and row["doc"] in texts]
    assert spans
    assert [row["text"] for row in spans] == [texts[row["doc"]][row["start"]:row["end"]] for row in spans]


# --- HTML --------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>蓬江区组织工作</title>
<style>.menu {{ color: red }} /* 样式不应出现 */</style>
<script>var tracking = "脚本内容不应出现";</script>
</head><body>
<header><div class="logo">组织部门户网站</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻动态</a></li><li><a href="/about">关于我们</a></li></ul></nav>
<div id="main"><article>
<h1>蓬江：党建引领促发展</h1>
<p>近两个月，全区累计培训干部<b>1.2万余</b>人次，每周的“蓬江夜校”成为年轻干部提升素质的重要平台。</p>
<p>实施“四项工程”，建成人才公寓<span style="color:red">7430</span>套，引进各类人才，160多家企业参与。</p>
<p>下一步，蓬江区将继续深化基层党建工作，推动组织工作高质量发展，为全区经济社会发展提供坚强组织保证。</p>
</article></div>
<aside>热点排行 相关链接</aside>
<footer><p>版权所有 蓬江区委组织部 粤ICP备12345678号</p></footer>
<script>document.write("页脚脚本");</script>
</body></html>
"""
PAGE_LINES = [
    "近两个月，全区累计培训干部1.2万余人次，每周的“蓬江夜校”成为年轻干部提升素质的重要平台。",
    "实施“四项工程”，建成人才公寓7430套，引进各类人才，160多家企业参与。",
]
PAGE_NOISE = ["样式", "脚本", "首页", "新闻动态", "组织部门户网站", "版权所有", "热点排行", "页脚脚本", "color"]
# 镕 is in GBK but not in GB2312: pages labelled gb2312 contain such characters.
PAGE_GB2312_LABEL = PAGE.replace("下一步", "朱镕基同志曾说，下一步")


@dataclass
class HtmlCase:
    name: str
    data: bytes
    encoding: str
    suffix: str = ".html"


HTML_CASES = [
    HtmlCase("utf8", PAGE.format(charset="utf-8").encode("utf-8"), "utf-8"),
    HtmlCase("gbk_meta_charset", PAGE.format(charset="gbk").encode("gbk"), "gb18030"),
    HtmlCase("gb2312_label_gbk_bytes", PAGE_GB2312_LABEL.format(charset="gb2312").encode("gbk"), "gb18030"),
    HtmlCase("gbk_http_equiv_htm",
             PAGE.replace('<meta charset="{charset}">',
                          '<meta http-equiv="Content-Type" content="text/html; charset=GBK">').encode("gbk"),
             "gb18030", ".htm"),
    HtmlCase("utf8_page_lying_gbk_label", PAGE.format(charset="gbk").encode("utf-8"), "utf-8"),
    HtmlCase("gbk_no_label", PAGE.replace('<meta charset="{charset}">', "").encode("gbk"), "gb18030"),
]


@pytest.mark.parametrize("case", HTML_CASES, ids=lambda c: c.name)
def test_html_main_text_without_page_furniture(tmp_path, case):
    path = tmp_path / f"page{case.suffix}"
    path.write_bytes(case.data)
    document = read_document(path)
    lines = document.text.split("\n")
    assert (document.format, document.encoding) == ("html", case.encoding)
    assert all(line in lines for line in PAGE_LINES), document.text
    assert [word for word in PAGE_NOISE if word in document.text] == []
    assert "\r" not in document.text


def test_html_keeps_gbk_only_characters(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE_GB2312_LABEL.format(charset="gb2312").encode("gbk"))
    assert "朱镕基" in read_document(path).text


@pytest.mark.parametrize("html, text", [
    pytest.param("<p>党员<b>120</b>名</p>", "党员120名", id="fragment"),
    pytest.param("<html><body><header>站名</header><nav><a href='/'>首页</a></nav><div>党员120名</div>"
                 "<footer>版权</footer><script>x=1</script></body></html>", "党员120名", id="tiny_page_with_nav"),
    pytest.param("<html><body><p>第一行<br>第二行</p><div>块   二</div></body></html>", "第一行\n第二行\n块 二",
                 id="blocks_and_breaks"),
    pytest.param("<?xml version='1.0' encoding='utf-8'?><html><body><p>党员120名</p></body></html>", "党员120名",
                 id="xml_declaration"),
])
def test_small_html_pages_fall_back_to_body_text(tmp_path, html, text):
    path = tmp_path / "small.html"
    path.write_text(html, encoding="utf-8")
    assert read_document(path).text == text


def test_body_text_fallback_drops_furniture_and_keeps_blocks():
    """The fallback on its own, for pages trafilatura finds nothing in."""
    root = documents.parse_html(
        "<html><head><title>标题</title></head><body><header>站名</header><nav>首页</nav>"
        "<p>党员<b>120</b>名<br>第二行</p><!-- 注释 --><div>块   二</div>"
        "<footer>版权</footer><script>x=1</script></body></html>")
    assert documents.body_text(root) == "党员120名\n第二行\n块 二"


# --- docx --------------------------------------------------------------------

@pytest.fixture
def docx_path(tmp_path):
    """A Word file with a heading, paragraphs, a table with a merged cell, and a paragraph after it."""
    document = docx.Document()
    document.add_heading("蓬江区组织工作", level=1)
    document.add_paragraph("全区培训干部1.2万余人次。")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数值"
    table.cell(1, 0).text, table.cell(1, 1).text = "人才公寓", "7430套"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "合计160多家"
    document.add_paragraph("结尾：近百家企业参与。")
    path = tmp_path / "report.docx"
    document.save(path)
    return path


def test_docx_paragraphs_and_tables_in_document_order(docx_path):
    document = read_document(docx_path)
    assert document.text == ("蓬江区组织工作\n全区培训干部1.2万余人次。\n指标\t数值\n人才公寓\t7430套\n"
                             "合计160多家\n结尾：近百家企业参与。")
    assert (document.doc_id, document.format, document.encoding) == ("report", "docx", "")


# --- PDF ---------------------------------------------------------------------

PDF_PAGES = [["全区培训干部1.2万余人次，建成人才公寓7430套。", "Second line: 37亿元"], ["第二页：近百家企业参与。"]]




@pytest.fixture
def pdf_path(tmp_path):
    return write_pdf(tmp_path / "report.pdf", PDF_PAGES)


def test_pdf_chinese_text_per_page(pdf_path):
    document = read_document(pdf_path)
    assert document.text == "\n".join(line for page in PDF_PAGES for line in page)
    assert (document.doc_id, document.format, document.encoding) == ("report", "pdf", "")


def test_pdf_fixture_is_readable_by_pdfplumber_too(pdf_path):
    """The fixture itself is sound: another extractor reads the same Chinese back."""
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(pdf_path) as pdf:
        assert "1.2万余人次" in pdf.pages[0].extract_text()


# --- bad input ---------------------------------------------------------------

def write_bytes(name: str, data: bytes):
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path
    return make


def blank_pdf(tmp_path: Path) -> Path:
    """A PDF with a drawing and no text, as a scan without OCR looks."""
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(72, 72, 300, 300, fill=1)
    pdf.showPage()
    pdf.save()
    return path


def truncated_pdf(tmp_path: Path) -> Path:
    path = write_pdf(tmp_path / "full.pdf", PDF_PAGES)
    cut = tmp_path / "truncated.pdf"
    cut.write_bytes(path.read_bytes()[:400])
    return cut


def truncated_docx(tmp_path: Path) -> Path:
    source = tmp_path / "full.docx"
    document = docx.Document()
    document.add_paragraph("全区培训干部1.2万余人次。")
    document.save(source)
    cut = tmp_path / "truncated.docx"
    cut.write_bytes(source.read_bytes()[:2000])
    return cut


def zip_not_docx(tmp_path: Path) -> Path:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "不是Word文件")
    return path


def empty_docx(tmp_path: Path) -> Path:
    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    return path


def folder(tmp_path: Path) -> Path:
    path = tmp_path / "reports.txt"
    path.mkdir()
    return path


@dataclass
class BadCase:
    name: str
    make: object          # tmp_path -> Path of the bad file
    reason: str           # a phrase the reason must contain


BAD_CASES = [
    BadCase("missing", lambda tmp: tmp / "absent.txt", "no such file"),
    BadCase("folder", folder, "is a folder"),
    BadCase("unsupported_suffix", write_bytes("report.doc", b"old Word"), "unsupported file type '.doc'"),
    BadCase("no_suffix", write_bytes("README", b"text"), "unsupported file type (no suffix)"),
    BadCase("empty", write_bytes("empty.txt", b""), "empty file (0 bytes)"),
    BadCase("whitespace_only", write_bytes("blank.txt", " \n\t\u3000\r\n".encode("utf-8")), "only whitespace"),
    BadCase("bom_only", write_bytes("bom.txt", codecs.BOM_UTF8), "only whitespace"),
    BadCase("binary_nul", write_bytes("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
            "binary data"),
    BadCase("binary_controls", write_bytes("controls.txt", bytes(range(1, 32)) * 8), "binary data"),
    BadCase("undecodable", write_bytes("noise.txt", bytes(range(128, 256)) * 3), "not text"),
    BadCase("odd_utf16", write_bytes("odd.txt", codecs.BOM_UTF16_LE + "党员".encode("utf-16-le") + b"\x41"),
            "not text"),
    BadCase("html_empty", write_bytes("empty.html", b"<html><body><script>x=1</script></body></html>"),
            "no text in the HTML page"),
    BadCase("html_binary", write_bytes("page.html", b"<html>\x00\x01\x02\x00"), "binary data"),
    BadCase("truncated_docx", truncated_docx, "not a readable .docx"),
    BadCase("text_as_docx", write_bytes("report.docx", "全区培训干部".encode("utf-8")), "not a readable .docx"),
    BadCase("zip_not_docx", zip_not_docx, "not a readable .docx"),
    BadCase("empty_docx", empty_docx, "no text in the document"),
    BadCase("truncated_pdf", truncated_pdf, "not a readable PDF"),
    BadCase("text_as_pdf", write_bytes("report.pdf", b"%PDF-1.4\nthis is not really a pdf"), "not a readable PDF"),
    BadCase("scanned_pdf", blank_pdf, "no text layer (scanned PDF?)"),
]


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda c: c.name)
def test_bad_file_raises_document_error_naming_file_and_reason(tmp_path, case):
    path = case.make(tmp_path)
    with pytest.raises(DocumentError) as raised:
        read_document(path)
    error = raised.value
    assert error.path == str(path)
    assert case.reason in error.reason
    assert str(error) == f"{path}: {error.reason}"


def test_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_text(REPORT, encoding="utf-8")
    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 100)
    with pytest.raises(DocumentError, match=r"huge\.txt: file too large \(\d+ bytes; the limit is 100\)"):
        read_document(path)


def test_file_at_the_size_limit_is_read(tmp_path, monkeypatch):
    path = tmp_path / "exact.txt"
    path.write_bytes(REPORT.encode("utf-8"))
    monkeypatch.setattr(documents, "MAX_FILE_BYTES", path.stat().st_size)
    assert read_document(path).text == REPORT


# Damaged files must come back as DocumentError or a Document, never a library exception.

@pytest.fixture(scope="module")
def sound_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sound")
    document = docx.Document()
    document.add_paragraph("全区培训干部1.2万余人次。")
    document.add_table(rows=1, cols=2).cell(0, 1).text = "7430套"
    document.save(folder / "sound.docx")
    write_pdf(folder / "sound.pdf", PDF_PAGES)
    return {suffix: (folder / f"sound{suffix}").read_bytes() for suffix in (".docx", ".pdf")}


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_file_never_leaks_a_library_exception(tmp_path, sound_files, suffix, data):
    original = sound_files[suffix]
    damaged = bytearray(original[: data.draw(st.integers(0, len(original)), label="cut")])
    for position, value in data.draw(st.lists(st.tuples(st.integers(0, len(original)), st.integers(0, 255)),
                                              max_size=6), label="flips"):
        if position < len(damaged):
            damaged[position] = value
    path = tmp_path / f"damaged{suffix}"
    path.write_bytes(bytes(damaged))
    try:
        assert isinstance(read_document(path), Document)
    except DocumentError as error:
        assert error.path == str(path) and error.reason


# --- finding files -----------------------------------------------------------

def test_find_documents_expands_folders_sorted_and_skips_the_rest(tmp_path):
    for name in ["b.txt", "a.TXT", "sub/c.html", "sub/deeper/d.pdf", "sub/e.docx", "sub/page.htm",
                 "notes.md", "image.png", ".hidden.txt", ".git/x.txt", "sub/~$e.docx"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = find_documents([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.TXT", "b.txt", "sub/c.html", "sub/deeper/d.pdf", "sub/e.docx", "sub/page.htm"]


def test_find_documents_keeps_input_order_and_named_files(tmp_path):
    (tmp_path / "dir").mkdir()
    for name in ["dir/2.txt", "dir/1.txt", "z.txt", "named.md"]:
        (tmp_path / name).write_bytes(b"x")
    inputs = [tmp_path / "z.txt", tmp_path / "dir", str(tmp_path / "named.md"), tmp_path / "dir" / "1.txt"]
    assert find_documents(inputs) == [tmp_path / "z.txt", tmp_path / "dir" / "1.txt", tmp_path / "dir" / "2.txt",
                                      tmp_path / "named.md"]


def test_find_documents_names_a_missing_input(tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(DocumentError) as raised:
        find_documents([missing])
    assert raised.value.path == str(missing) and "no such file or folder" in raised.value.reason


def test_every_found_seed_reads(tmp_path):
    assert [read_document(path).doc_id for path in find_documents([REPO / "data" / "raw"])] == [p.stem for p in SEEDS]
