"""Extraction: Chinese organisation-work reports in, tidy-table rows out.

    >>> from extract import extract_text
    >>> [row["text"] for row in extract_text("汽开区投资37亿元建设7430套人才公寓。", "demo").rows]
    ['37亿元', '7430套']

`extract_file(path)` reads a .txt/.html/.docx/.pdf report and extracts it;
`find_mentions(text)` gives the `Mention`s of a text without the document fields.
The command line (`python -m extract`) and the engines build on these.
"""
__all__ = ["DocumentResult", "Mention", "extract_file", "extract_text", "find_mentions"]


def __getattr__(name: str):
    """The public names, imported on first use: `python -m extract` with a process pool then
    does not load the extraction (jieba, cn2an, the finders) in the process that only writes."""
    if name == "Mention":
        from .find.mentions import Mention
        return Mention
    if name in __all__:
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
