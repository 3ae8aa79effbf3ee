"""Extraction: Chinese organisation-work reports in, tidy-table rows out.

    >>> from extract import extract_text
    >>> [row["text"] for row in extract_text("汽开区投资37亿元建设7430套人才公寓。", "demo").rows]
    ['37亿元', '7430套']

`extract_file(path)` reads a .txt/.html/.docx/.pdf report and extracts it;
`find_mentions(text)` gives the `Mention`s of a text without the document fields.
The command line (`python -m extract`) and the engines build on these.
"""
from .find.mentions import Mention
from .pipeline import DocumentResult, extract_file, extract_text, find_mentions

__all__ = ["DocumentResult", "Mention", "extract_file", "extract_text", "find_mentions"]
