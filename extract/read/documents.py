"""Read report files into plain text: the text every offset in the table refers to.

One entry point, `read_document(path) -> Document`, and `find_documents(inputs)`
to expand the command line's files and folders. A file that cannot be read
raises `DocumentError` naming the file and the reason; no library exception
escapes for a bad file.

Formats and the libraries behind them:

- ``.txt``: strict UTF-8 first (the common case, and what the gold offsets were
  computed on), then `charset-normalizer` for GBK/GB18030, BOM-less UTF-16 and
  the rest. A byte-order mark decides outright (UTF-8/16/32). The text is
  exactly what ``open(path, encoding=document.encoding).read()`` gives: nothing
  stripped or normalised, a UTF-8 BOM dropped (as ``utf-8-sig`` does), and
  line ends translated by Python's universal newlines (``\\r\\n`` and ``\\r``
  become ``\\n``), because that is how anyone re-reading the file in Python
  sees it.
- ``.html``/``.htm``: `trafilatura` finds the main text (no navigation, scripts,
  styles, footers), one paragraph a line. When it finds nothing (a tiny page),
  the body text of the `lxml` tree without script/style/nav/header/footer/aside
  is used instead, one block element a line. The encoding comes from a BOM,
  strict UTF-8, the page's ``<meta charset>`` (GB2312/GBK read as GB18030,
  their superset), then `charset-normalizer`.
- ``.docx``: `python-docx`; body paragraphs and table rows in document order,
  one a line, the cells of a row separated by a tab (merged cells once).
  Headers, footers, footnotes and text boxes are not read.
- ``.pdf``: `pypdfium2` (PDFium, the PDF engine of Chrome): fast, reads CJK
  fonts, recovers text from damaged files, and fails with one exception type.
  Pages are joined by ``\\n``. A PDF without a text layer (a scan) is an error;
  there is no OCR.

For docx, pdf and html, `Document.text` is the extracted plain text; offsets
refer to it, so the dashboard can show the source from it.
"""
from __future__ import annotations

import codecs
import copy
import io
import re
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import charset_normalizer
import docx
import docx.opc.exceptions
import lxml.etree
import lxml.html
import pypdfium2
import trafilatura
from docx.table import Table
from docx.text.paragraph import Paragraph
from .metadata import page_url

FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
SUPPORTED_SUFFIXES = tuple(FORMATS)

# Larger files are refused before they are read: a report is a few hundred KB,
# and a 50 MB limit keeps a stray video or database dump from filling memory.
MAX_FILE_BYTES = 50 * 1024 * 1024

# Control characters (other than tab and line ends) above this share of the
# decoded text mean the "text" is binary data that happened to decode.
MAX_CONTROL_SHARE = 0.05
# C0 controls and DEL, except tab, line feed, vertical tab, form feed and carriage return.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
# Each maps to the codec that consumes the mark, as open() would.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# How far into an HTML file to look for <meta charset>; browsers look at 1 KB,
# Chinese government pages often put long scripts first.
META_PRESCAN_BYTES = 8192
META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?          # a meta tag: <meta charset="gbk"> or
         charset\s*=\s*["']?\s*  # <meta http-equiv=... content="text/html; charset=gb2312">
         ([A-Za-z0-9_.:-]+)      # the label
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Labels pages use for the GB family: Python's gb2312 and gbk codecs reject
# characters that pages labelled so contain in practice; GB18030 is their superset.
CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
                   "csgb2312": "gb18030", "chinese": "gb18030", "cn-gb": "gb18030"}

# Page furniture that is never part of the report, removed before any text is
# taken. trafilatura drops most of it by itself but keeps a nav bar on small
# pages. A <header> inside an article is the article's title, so it stays.
HTML_NOISE_XPATH = ["//nav", "//aside", "//footer", "//header[not(ancestor::article or ancestor::main)]"]
# Never text, for the fallback reader (trafilatura drops these itself).
HTML_CODE_TAGS = ("head", "script", "style", "noscript", "template")
# Formatting elements merged into their text before extraction (see strip_inline_formatting).
HTML_INLINE_TAGS = ("b", "strong", "i", "em", "u", "span", "font", "small", "big", "sub", "sup",
                    "mark", "s", "strike", "ins", "abbr", "cite", "tt")
# Elements that start a new line in the fallback HTML reader.
HTML_BLOCK_TAGS = frozenset("""
    address article blockquote br dd details div dl dt figcaption figure h1 h2 h3 h4 h5 h6
    hr li main ol p pre section summary table tbody td tfoot th thead tr ul
""".split())

# Library errors that mean "this .docx is damaged or not a Word file", as found
# by truncating and corrupting real files (tests/extract/test_documents.py
# keeps doing so). python-docx does not validate the XML against the schema,
# so a misplaced element surfaces as AttributeError/TypeError deep inside it.
DOCX_ERRORS = (
    docx.opc.exceptions.PackageNotFoundError,  # not a zip / not an OPC package
    zipfile.BadZipFile,                        # truncated or corrupt archive
    zlib.error,                                # corrupt compressed member
    EOFError,                                  # archive member cut short
    NotImplementedError,                       # zip version or compression zipfile lacks
    KeyError,                                  # a required part is missing
    ValueError,                                # a zip of another kind (xlsx, pptx)
    lxml.etree.XMLSyntaxError,                 # corrupt XML inside the archive
    AttributeError, TypeError,                 # well-formed XML of the wrong shape
)

# PDFium is not thread-safe; one PDF at a time per process.
PDFIUM_LOCK = threading.Lock()


class DocumentError(Exception):
    """A file that cannot be read as a report; the message names the file and why."""

    def __init__(self, path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Document:
    doc_id: str       # the file name without extension
    path: str
    text: str         # the plain text the offsets refer to
    format: str       # txt, html, docx, pdf
    encoding: str     # the codec for open() (txt, html); "" for docx and pdf
    url: str = ""     # an HTML page's canonical link or og:url (metadata.page_url)


def read_document(path: str | Path) -> Document:
    """Read one report file into its plain text.

    Raises DocumentError (and nothing else) when the file is missing, a folder,
    of an unsupported type, too large, empty, binary or damaged.
    """
    path = Path(path)
    if path.is_dir():
        raise DocumentError(path, "is a folder, not a file")
    fmt = format_of(path)
    data = read_bytes(path)
    if not data:
        raise DocumentError(path, "empty file (0 bytes)")
    text, encoding = READERS[fmt](path, data)
    if not text or text.isspace():      # not text.strip(): that copies the whole text
        raise DocumentError(path, EMPTY_TEXT_REASONS[fmt])
    url = page_url(data) if fmt == "html" else ""
    return Document(path.stem, str(path), text, fmt, encoding, url)


def format_of(path: Path) -> str:
    """The format name for a file's suffix (case-insensitive)."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        kind = repr(path.suffix) if path.suffix else "(no suffix)"
        raise DocumentError(path, f"unsupported file type {kind} (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    return fmt


def read_bytes(path: Path) -> bytes:
    """The file's bytes, once it is known to exist and to be within the size limit."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(path, f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
        return path.read_bytes()
    except FileNotFoundError as error:
        raise DocumentError(path, "no such file") from error
    except OSError as error:
        raise DocumentError(path, f"cannot read the file ({error.strerror or error})") from error


# --- text and its encoding ---------------------------------------------------

def read_txt(path: Path, data: bytes) -> tuple[str, str]:
    """A text file's text and encoding, decoded as open() would with that encoding."""
    return decode_text(path, data)


def decode_text(path: Path, data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes with the first candidate encoding that fits, and check it is text."""
    tried = []
    for encoding in candidate_encodings(data, declared):
        tried.append(encoding)
        try:
            text = decode_like_open(data, encoding)
        except UnicodeDecodeError:
            continue  # this candidate does not fit the bytes; the next one may
        check_is_text(path, text)
        return text, encoding
    if b"\x00" in data:
        raise DocumentError(path, "binary data, not text (NUL bytes)")
    raise DocumentError(path, f"not text: the bytes decode as none of {', '.join(tried) or 'the known encodings'} "
                              "(binary file?)")


def candidate_encodings(data: bytes, declared: str | None = None) -> Iterator[str]:
    """Encodings to try, most certain first; the slow detector runs only if needed.

    A byte-order mark settles it. Otherwise strict UTF-8 (valid UTF-8 is almost
    never anything else), the encoding the file declares, then charset-normalizer.
    NUL bytes rule out UTF-8 and single/multi-byte Chinese codecs: such a file is
    UTF-16/32 without a mark, or binary.
    """
    from_mark = encoding_from_bom(data)
    if from_mark:
        yield from_mark
        return
    if b"\x00" not in data:
        yield "utf-8"
        if declared and declared != "utf-8":
            yield declared
    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None:
        yield codecs.lookup(guess.encoding).name


def encoding_from_bom(data: bytes) -> str | None:
    """The codec named by a leading byte-order mark, or None."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def decode_like_open(data: bytes, encoding: str) -> str:
    """Decode exactly as `open(path, encoding=encoding).read()` does.

    Same codec (a BOM consumed by utf-8-sig/utf-16/utf-32) and the same
    universal-newline translation, so offsets agree with a plain Python read.
    """
    if encoding == "utf-8":     # nearly every report: decoding at once is twice as fast as a stream
        return translate_newlines(data.decode("utf-8"))
    with io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="strict", newline=None) as stream:
        return stream.read()


def check_is_text(path: Path, text: str) -> None:
    """Refuse decoded "text" that is really binary data: NULs or many control characters."""
    if "\x00" in text:
        raise DocumentError(path, "binary data, not text (NUL bytes)")
    if not CONTROL_CHARS.search(text):
        return
    controls = len(CONTROL_CHARS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise DocumentError(path, f"binary data, not text ({controls} control characters)")


def translate_newlines(text: str) -> str:
    r"""Line ends as universal newlines give them, so every format has \n only.

    >>> translate_newlines("a\r\nb\rc")
    'a\nb\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# --- HTML --------------------------------------------------------------------

def read_html(path: Path, data: bytes) -> tuple[str, str]:
    """The page's main text, one paragraph a line, and the page's encoding."""
    html, encoding = decode_text(path, data, declared_charset(data))
    root = parse_html(html)
    if root is None:
        return "", encoding
    strip_inline_formatting(root)
    # trafilatura prunes the tree it is given; the fallback needs it whole.
    text = main_text(copy.deepcopy(root)) or body_text(root)
    return translate_newlines(text), encoding


def declared_charset(data: bytes) -> str | None:
    """The codec named by the page's <meta charset>, if Python knows it."""
    match = META_CHARSET.search(data[:META_PRESCAN_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    label = CHARSET_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None  # an unknown label says nothing; detection decides


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """The page's element tree, or None for a page without a single element."""
    try:
        # Bytes with an explicit encoding: lxml refuses str input that carries an XML declaration.
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except lxml.etree.ParserError:
        return None  # lxml's "Document is empty": no text either


def strip_inline_formatting(root: lxml.html.HtmlElement) -> None:
    """Merge bold/span/font… into the surrounding text.

    On short pages trafilatura falls back to an extractor that puts each inline
    element on its own line, splitting 培训干部<b>1.2万余</b>人次 from its unit.
    Links stay: trafilatura uses their density to spot navigation.
    """
    lxml.etree.strip_tags(root, *HTML_INLINE_TAGS)


def main_text(root: lxml.html.HtmlElement) -> str:
    """The article text trafilatura finds, or "" when it finds none."""
    return trafilatura.extract(root, include_comments=False, include_tables=True, include_images=False,
                               include_links=False, prune_xpath=HTML_NOISE_XPATH) or ""


def body_text(root: lxml.html.HtmlElement) -> str:
    """The body's text without scripts, styles and page furniture, one block a line.

    The fallback for pages too small or too plain for trafilatura. Whitespace
    inside a line is collapsed, as a browser shows it; blank lines are dropped.
    """
    noise = list(root.iter(*HTML_CODE_TAGS)) + [e for xpath in HTML_NOISE_XPATH for e in root.xpath(xpath)]
    for element in noise:
        element.drop_tree()
    pieces: list[str] = []
    collect_text(root, pieces)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def collect_text(element, pieces: list[str]) -> None:
    """Append the element's text to `pieces`, with a line break around each block element."""
    is_block = isinstance(element.tag, str) and element.tag in HTML_BLOCK_TAGS
    if is_block:
        pieces.append("\n")
    if isinstance(element.tag, str) and element.text:  # comments' text is not shown
        pieces.append(element.text)
    for child in element:
        collect_text(child, pieces)
        if child.tail:
            pieces.append(child.tail)
    if is_block:
        pieces.append("\n")


# --- docx --------------------------------------------------------------------

def read_docx(path: Path, data: bytes) -> tuple[str, str]:
    """The Word document's paragraphs and table rows in document order, one a line."""
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(block_lines(document))
    except DOCX_ERRORS as error:
        raise DocumentError(path, f"not a readable .docx ({type(error).__name__}: {error})") from error
    return translate_newlines("\n".join(lines)), ""


def block_lines(container) -> Iterator[str]:
    """Lines of a document body or table cell: a paragraph, or a table row, each a line."""
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from table_lines(block)


def table_lines(table: Table) -> Iterator[str]:
    """One line per table row, cells separated by a tab.

    A merged cell is repeated by python-docx in every grid position it covers;
    it is kept once, so its numbers are not counted twice.
    """
    seen = set()
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            cells.append("\n".join(block_lines(cell)))
        yield "\t".join(cells)


# --- PDF ---------------------------------------------------------------------

def read_pdf(path: Path, data: bytes) -> tuple[str, str]:
    """The text layer of every page, pages joined by a line break."""
    with PDFIUM_LOCK:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise DocumentError(path, f"not a readable PDF ({error})") from error
        try:
            pages = [page_text(path, pdf, index) for index in range(len(pdf))]
        finally:
            pdf.close()
    text = translate_newlines("\n".join(pages))
    if not text.strip():
        raise DocumentError(path, "no text layer (scanned PDF?)")
    return text, ""


def page_text(path: Path, pdf: pypdfium2.PdfDocument, index: int) -> str:
    """One page's text as PDFium lays it out."""
    try:
        page = pdf[index]
    except pypdfium2.PdfiumError as error:
        raise DocumentError(path, f"not a readable PDF (page {index + 1}: {error})") from error
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    except pypdfium2.PdfiumError as error:
        raise DocumentError(path, f"not a readable PDF (page {index + 1}: {error})") from error
    finally:
        page.close()


READERS = {"txt": read_txt, "html": read_html, "docx": read_docx, "pdf": read_pdf}
EMPTY_TEXT_REASONS = {
    "txt": "no text (the file holds only whitespace)",
    "html": "no text in the HTML page",
    "docx": "no text in the document",
    "pdf": "no text layer (scanned PDF?)",
}


# --- finding files -----------------------------------------------------------

def find_documents(inputs: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the supported files inside folders, in a stable order.

    Inputs keep their order; a folder contributes its supported files
    (recursively, sorted by path). Hidden files and folders and Office lock
    files (``~$report.docx``) are skipped; a file named directly is kept even
    with an unsupported suffix, so reading it reports why. A path listed twice
    is kept once. A missing input raises DocumentError.
    """
    found: dict[Path, None] = {}
    for item in map(Path, inputs):
        if item.is_dir():
            found.update(dict.fromkeys(files_in_folder(item)))
        elif item.exists():
            found[item] = None
        else:
            raise DocumentError(item, "no such file or folder")
    return list(found)


def files_in_folder(folder: Path) -> list[Path]:
    """The supported, visible files below a folder, sorted by path."""
    return sorted(
        path for path in folder.rglob("*")
        if path.suffix.lower() in FORMATS and path.is_file() and is_visible(path.relative_to(folder))
    )


def is_visible(relative: Path) -> bool:
    """False for hidden files or folders (.git, .DS_Store) and Office lock files (~$x.docx)."""
    return not any(part.startswith((".", "~$")) for part in relative.parts)
