"""Read report files into plain text: the text every offset in the table refers to.

One entry point, `read_document(path) -> Document`, and `find_documents(inputs)`
to expand the command line's files and folders. A file that cannot be read
raises `DocumentError` naming the file and the reason; no library exception
escapes for a bad file.

Formats and the libraries behind them:

- ``.txt``: strict UTF-8 first (the common case, and what the gold offsets were
  computed on), then `charset-normalizer` for GBK/GB18030, BOM-less UTF-16 and
  the rest; a guess must give plausible text (`plausible_share`), or the next
  is tried. A byte-order mark decides outright (UTF-8/16/32). The text is
  exactly what ``open(path, encoding=document.encoding).read()`` gives: nothing
  stripped or normalised, a UTF-8 BOM dropped (as ``utf-8-sig`` does), and
  line ends translated by Python's universal newlines (``\\r\\n`` and ``\\r``
  become ``\\n``), because that is how anyone re-reading the file in Python
  sees it.
- ``.html``/``.htm``: `trafilatura` finds the main text (no navigation, scripts,
  styles, footers), one paragraph a line. When it finds nothing (a tiny page),
  the body text of the `lxml` tree without script/style/nav/header/footer/aside
  is used instead, one block element a line. A page nested deeper than the
  parser holds is read by pattern instead, with a warning (`Document.warnings`). The encoding comes from a BOM,
  strict UTF-8, the page's ``<meta charset>`` (GB2312/GBK read as GB18030,
  their superset), then `charset-normalizer`.
- ``.docx``: `python-docx`; body paragraphs and table rows in document order,
  one a line, the cells of a row separated by a tab (merged cells once).
  Headers, footers, footnotes and text boxes are not read. A zip that would
  inflate too far (a zip bomb) is refused before anything is inflated.
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
import html as htmllib
import io
import re
import threading
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import charset_normalizer
import lxml.etree
import lxml.html
from .metadata import page_url

# python-docx, pypdfium2 and trafilatura are imported by their readers on first use:
# together they take ~0.2 s to import, and a run of .txt reports needs none of them.

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

# A guessed encoding must give at least this share of common characters (plausible_share),
# judged on the first PLAUSIBILITY_SAMPLE characters.
MIN_PLAUSIBLE_SHARE = 0.8
PLAUSIBILITY_SAMPLE = 4000

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
# The pattern reader (tag_stripped_text), for pages the parser cannot hold whole.
HTML_INVISIBLE = re.compile(r"<!--.*?-->|<(head|script|style|noscript|template)\b.*?</\1\s*>",
                            re.IGNORECASE | re.DOTALL)
HTML_ANY_TAG = re.compile(r"<[^>]*>")
# The parsed tree must hold at least this share of the text the tags surround.
MIN_PARSED_SHARE = 0.5

# Elements that start a new line in the fallback HTML reader.
HTML_BLOCK_TAGS = frozenset("""
    address article blockquote br dd details div dl dt figcaption figure h1 h2 h3 h4 h5 h6
    hr li main ol p pre section summary table tbody td tfoot th thead tr ul
""".split())
HTML_BLOCK_TAG = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(HTML_BLOCK_TAGS, key=len, reverse=True)),
                            re.IGNORECASE)

# Library errors that mean "this .docx is damaged or not a Word file", as found
# by truncating and corrupting real files (tests/extract/test_documents.py
# keeps doing so). python-docx does not validate the XML against the schema,
# so a misplaced element surfaces as AttributeError/TypeError deep inside it.
@lru_cache(maxsize=1)
def docx_errors() -> tuple[type[BaseException], ...]:
    import docx.opc.exceptions

    return (
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


# A .docx is a zip: what it inflates to is checked, from its directory, before
# anything is inflated. Word's own files inflate 3-15 times (XML); a zip bomb
# (a few MB inflating to GB) exceeds both bounds. A member's declared size also
# bounds what zipfile will inflate for it, so the directory cannot lie its way past.
MAX_DOCX_INFLATED_BYTES = 256 * 1024 * 1024
MAX_DOCX_RATIO = 100          # inflated / compressed bytes, over the archive ...
DOCX_RATIO_FLOOR = 16 * 1024 * 1024   # ... once it inflates to more than this

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
    warnings: tuple[str, ...] = ()   # the file was read, but not as well as usual (each names the file)
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
    text, encoding, *warnings = read_safely(path, fmt, data)   # a reader may add a tuple of warnings
    if not text or text.isspace():      # not text.strip(): that copies the whole text
        raise DocumentError(path, EMPTY_TEXT_REASONS[fmt])
    url = page_url(data) if fmt == "html" else ""
    return Document(path.stem, str(path), text, fmt, encoding, *warnings, url=url)


def read_safely(path: Path, fmt: str, data: bytes) -> tuple:
    """The format's reader, with any surprise it raises reported as this file's problem.

    The readers turn every known library error into DocumentError; what is left
    (running out of memory on a pathological file, a library bug) must still
    fail this one file, never the run.
    """
    try:
        return READERS[fmt](path, data)
    except DocumentError:
        raise
    except MemoryError as error:
        raise DocumentError(path, "ran out of memory while reading it (a pathological file?)") from error
    except Exception as error:  # noqa: BLE001 — see the docstring
        raise DocumentError(path, f"could not be read ({type(error).__name__}: {error})") from error


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
    """Decode bytes with the first candidate encoding that fits and gives plausible text.

    UTF-8 and a byte-order mark are certain. A guessed encoding (a short GBK
    file reads as UTF-16 or Korean without an error) must give plausible text
    (`plausible_share`); failing that, the file is reported.
    """
    tried, best = [], None
    for encoding, certain in candidate_encodings(data, declared):
        tried.append(encoding)
        try:
            text = decode_like_open(data, encoding)
        except UnicodeDecodeError:
            continue  # this candidate does not fit the bytes; the next one may
        check_is_text(path, text)
        if certain:
            return text, encoding
        share = plausible_share(text)
        if share >= MIN_PLAUSIBLE_SHARE:
            return text, encoding
        best = max(best or (share, encoding), (share, encoding))
    if b"\x00" in data:
        raise DocumentError(path, "binary data, not text (NUL bytes)")
    if best is not None:
        raise DocumentError(path, f"not text in a known encoding: the best guess, {best[1]}, gives mostly rare "
                                  f"characters ({best[0]:.0%} common ones); save the file as UTF-8")
    raise DocumentError(path, f"not text: the bytes decode as none of {', '.join(tried) or 'the known encodings'} "
                              "(binary file?)")


def candidate_encodings(data: bytes, declared: str | None = None) -> Iterator[tuple[str, bool]]:
    """(encoding, certain) to try, most certain first; the slow detector runs only if needed.

    A byte-order mark settles it. Otherwise strict UTF-8 (valid UTF-8 is almost
    never anything else), the encoding the file declares, then charset-normalizer's
    guesses, then GB18030 (what a Chinese file not in UTF-8 most likely is). NUL
    bytes rule out UTF-8 and single/multi-byte Chinese codecs: such a file is
    UTF-16/32 without a mark, or binary.
    """
    from_mark = encoding_from_bom(data)
    if from_mark:
        yield from_mark, True
        return
    guesses = []
    if b"\x00" not in data:
        yield "utf-8", True
        if declared and declared != "utf-8":
            guesses.append(declared)
    guesses += [codecs.lookup(match.encoding).name for match in charset_normalizer.from_bytes(data)]
    if b"\x00" not in data:
        guesses.append("gb18030")
    for encoding in dict.fromkeys(guesses):
        yield encoding, False


def plausible_share(text: str, sample: int = PLAUSIBILITY_SAMPLE) -> float:
    """The share of a text's characters that a report plausibly holds: ASCII, whitespace,
    punctuation, Latin letters and the 3,755 common Chinese characters (GB2312 level 1).

    Real reports score above 0.95; a GBK file read as UTF-16 or Korean scores
    far below (Hangul, Yi syllables, rare ideographs).

    >>> plausible_share("全区培训干部1200人次。"), plausible_share("엠통룉늿ㄲ〰죋듎ꆣ") < 0.5
    (1.0, True)
    """
    sample_text = text[:sample]
    chars = [c for c in sample_text if not c.isspace()]
    if not chars:
        return 1.0
    return sum(map(_is_common, chars)) / len(chars)


@lru_cache(maxsize=8192)
def _is_common(char: str) -> bool:
    code = ord(char)
    if code < 0x250 or 0x2000 <= code <= 0x206F or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
        return True      # ASCII, Latin, general, CJK and full-width punctuation
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xD7     # GB2312 level 1: the common hanzi


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

def read_html(path: Path, data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """The page's main text, one paragraph a line, the page's encoding, and warnings.

    A page the parser cannot hold whole (elements nested past libxml2's depth
    limit drop everything below it) is read without its structure instead,
    with a warning: its text is then all there, page furniture included.
    """
    html, encoding = decode_text(path, data, declared_charset(data))
    root = parse_html(html)
    if root is None:
        return "", encoding, ()
    stripped = tag_stripped_text(html)
    if visible_chars(body_text_of(root)) < MIN_PARSED_SHARE * visible_chars(stripped):
        return translate_newlines(stripped), encoding, (
            f"{path}: the HTML parser lost part of the page (elements nested too deep?); "
            "its text was read without the page structure, so menus and footers may be in it",)
    strip_inline_formatting(root)
    # trafilatura prunes the tree it is given; the fallback needs it whole.
    text = main_text(copy.deepcopy(root)) or body_text(root)
    return translate_newlines(text), encoding, ()


def body_text_of(root: lxml.html.HtmlElement) -> str:
    """Every text node of the body outside scripts and styles, as one string."""
    return "".join(root.xpath("//body//text()[not(ancestor::script or ancestor::style or "
                              "ancestor::noscript or ancestor::template)]"))


def visible_chars(text: str) -> int:
    return len(text) - sum(map(text.count, " \t\n\r\u3000\xa0"))


def tag_stripped_text(html: str) -> str:
    """The page's text by pattern, without a parser: head, scripts, styles and comments
    dropped, a line break at each block element, entities decoded, blank lines dropped."""
    html = HTML_INVISIBLE.sub(" ", html)
    html = HTML_BLOCK_TAG.sub("\n", html)
    text = htmllib.unescape(HTML_ANY_TAG.sub("", html))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


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
        # huge_tree: nesting to 2,048 levels, not 256 (it does not resolve entities: no XXE).
        parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
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
    import trafilatura

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


def collect_text(root, pieces: list[str]) -> None:
    """Append the tree's text to `pieces`, with a line break around each block element.

    A walk, not a recursion: a page may nest elements 2,000 levels deep.
    """
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        is_element = isinstance(element.tag, str)          # comments' text is not shown
        is_block = is_element and element.tag in HTML_BLOCK_TAGS
        if event == "start":
            if is_block:
                pieces.append("\n")
            if is_element and element.text:
                pieces.append(element.text)
            continue
        if is_block:
            pieces.append("\n")
        if element is not root and element.tail:
            pieces.append(element.tail)


# --- docx --------------------------------------------------------------------

def read_docx(path: Path, data: bytes) -> tuple[str, str]:
    """The Word document's paragraphs and table rows in document order, one a line."""
    import docx

    try:
        check_inflated_size(path, data)
        document = docx.Document(io.BytesIO(data))
        lines = list(block_lines(document))
    except docx_errors() as error:
        raise DocumentError(path, f"not a readable .docx ({type(error).__name__}: {error})") from error
    return translate_newlines("\n".join(lines)), ""


def check_inflated_size(path: Path, data: bytes) -> None:
    """Refuse a zip that would inflate beyond the bounds (a zip bomb), from its directory alone."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    inflated = sum(member.file_size for member in members)
    compressed = sum(member.compress_size for member in members) or 1
    if inflated > MAX_DOCX_INFLATED_BYTES:
        raise DocumentError(path, f"zip bomb? the .docx would inflate to {inflated:,} bytes "
                                  f"(the limit is {MAX_DOCX_INFLATED_BYTES:,}); not read")
    if inflated > DOCX_RATIO_FLOOR and inflated > MAX_DOCX_RATIO * compressed:
        raise DocumentError(path, f"zip bomb? the .docx would inflate {inflated // compressed:,} times "
                                  f"(to {inflated:,} bytes; at most {MAX_DOCX_RATIO} times is read)")


def block_lines(container) -> Iterator[str]:
    """Lines of a document body or table cell: a paragraph, or a table row, each a line."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from table_lines(block)


def table_lines(table) -> Iterator[str]:
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
    import pypdfium2

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


def page_text(path: Path, pdf, index: int) -> str:
    """One page's text as PDFium lays it out (`pdf`: a pypdfium2.PdfDocument)."""
    import pypdfium2

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
