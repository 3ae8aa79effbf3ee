"""What the benchmark measures: each method reads one file and works through its text.

Every method is a function `path -> items found`, importable by name so the
process pool can run it too, plus a `warm_up` that does its one-time loading
(jieba's dictionary, the extraction's word lists) before the clock starts.
All of them read the file themselves, as the extraction does.
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path

# The floor no extractor can beat: one pass of one regular expression for numerals.
NUMERAL = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿]+")
WARM_UP_TEXT = "2023年，全区累计培训党员干部1.2万余人次，新建党群服务中心36个。"


def read(path: str | Path) -> str:
    return Path(path).read_text(encoding="utf-8")


def extraction(path: str | Path) -> int:
    """Our extraction, exactly as the CLI runs it (read, decode, find, label, rows)."""
    from extract.pipeline import extract_file
    return len(extract_file(path).rows)


def jieba_cut(path: str | Path) -> int:
    import jieba
    return sum(1 for _ in jieba.cut(read(path)))


def jieba_posseg(path: str | Path) -> int:
    import jieba.posseg
    return sum(1 for _ in jieba.posseg.cut(read(path)))


def cn2an_transform(path: str | Path) -> int:
    import cn2an
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")    # cn2an warns for every numeral word it cannot read (万, 千 …)
        return len(cn2an.transform(read(path)))


def chinese2digits_take(path: str | Path) -> int:
    """chinese2digits' bare call: every numeral of the text found and converted, nothing else."""
    import chinese2digits
    return len(chinese2digits.takeNumberFromString(read(path))["digitsStringList"])


def numeral_regex(path: str | Path) -> int:
    return sum(1 for _ in NUMERAL.finditer(read(path)))


METHODS = {
    "extraction": extraction,
    "jieba.cut": jieba_cut,
    "jieba.posseg": jieba_posseg,
    "cn2an.transform": cn2an_transform,
    "chinese2digits": chinese2digits_take,
    "numeral regex": numeral_regex,
}


def warm_up(name: str) -> None:
    """Load what the method loads once (dictionaries, word lists), so it is not timed."""
    if name == "extraction":
        from extract.run.engines import warm_up as warm_extraction
        warm_extraction()
        return
    if name.startswith("jieba"):
        import jieba
        import jieba.posseg
        jieba.setLogLevel(60)
        jieba.initialize()
        list(jieba.posseg.cut(WARM_UP_TEXT))
    if name == "chinese2digits":
        import chinese2digits
        chinese2digits.takeNumberFromString(WARM_UP_TEXT)
    if name == "cn2an.transform":
        import cn2an
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cn2an.transform(WARM_UP_TEXT)
