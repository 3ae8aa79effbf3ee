"""Score the indicator finder on an external suite of Chinese numbers with units.

The suite is Microsoft Recognizers-Text's Chinese spec files (MIT) and the examples
of Duckling's Chinese corpora of money, distance and weight (BSD), both vendored in
bench/data/number_suite/ (see the README there): sentences or phrases with the
quantities a recogniser should find, with their value and unit. Nobody on this
project wrote them, so they check our number reading on wording we did not tune to.

    python -m bench.number_suite              # the table per class
    python -m bench.number_suite --show miss  # and every case missed or read wrong
    python -m bench.number_suite --show all   # and every case, the excluded ones with why

For every expected quantity of a sentence we run the whole finder
(`extract.pipeline.find_mentions`, as on a report) and look for an indicator
whose span overlaps the expected one:

- recall: expected quantities with an overlapping indicator;
- value accuracy: of those, the ones whose value and unit are right, the suite's
  unit mapped to our canonical unit (UNIT_MAP: Chinese yuan → 元, Kilometer → 公里 …).
  Recognizers-Text writes a percentage point as a percent (六个百分点 = 6%); we keep
  百分点 apart, so an expected percent whose text says 百分点 expects unit 百分点.
  Duckling converts every weight to grams and every length to its own unit
  (三斤 = 1500 g); we keep the unit the text gives (3 斤), so our reading is
  converted to Duckling's unit before the values are compared (DUCKLING_UNITS).
  A Duckling phrase is the whole input: any indicator in it is its reading; a
  range (between) expects both ends. Qualifiers are not scored.

Forms that report prose does not use are excluded from the bar and counted
(EXCLUSIONS: spaced-out numerals, discounts in 折, banker's numerals, a k for
thousand …); units outside the bar's classes (bytes, hertz) make their own rows.
Sentences with nothing to find are scored apart: an indicator found there is a
false positive.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extract.pipeline import find_mentions

DATA = Path(__file__).parent / "data" / "number_suite"
SUITE_FILES = {"AgeModel.json": "age", "CurrencyModel.json": "currency",
               "DimensionModel.json": "dimension", "PercentModel.json": "percent"}

# The suite's unit names → our canonical units (extract/resources/units.yaml).
UNIT_MAP = {
    # currency
    "Chinese yuan": "元", "United States dollar": "美元", "Dollar": "美元", "Euro": "欧元",
    "Hong Kong dollar": "港元", "New Taiwan dollar": "新台币", "Japanese yen": "日元",
    "Swiss franc": "瑞士法郎", "Nigerian naira": "奈拉", "Bitcoin": "比特币",
    # length, weight, area
    "Meter": "米", "Kilometer": "公里", "Centimeter": "厘米",
    "Kilogram": "公斤", "Gram": "克", "Ton": "吨", "Jin": "斤", "Microgram": "微克", "Liang": "两",
    "Mu": "亩",
    # other dimensions (outside the bar's classes)
    "Kilowatt": "千瓦", "Bit": "位", "Kilobit": "千比特", "Megabyte": "兆字节", "Kilobyte": "千字节",
    "Megahertz": "兆赫兹", "Hertz": "赫兹", "Kilocalorie": "千卡",
    # age: a span of life
    "Year": "岁", "Month": "个月", "Week": "周", "Day": "天",
}
DIMENSION_CLASSES = {"Meter": "length", "Kilometer": "length", "Centimeter": "length",
                     "Kilogram": "weight", "Gram": "weight", "Ton": "weight", "Jin": "weight",
                     "Microgram": "weight", "Liang": "weight", "Mu": "area"}
MONEY_UNITS = ("Chinese yuan", "Dollar", "Cent", "CNY", "HKD")
BAR_CLASSES = ("currency (元)", "percent", "length", "weight", "area", "age")

# Forms report prose does not use, each with the reason it is left out of the bar.
# Checked in order on the expected quantity's text; the first that applies names the reason.
EXCLUSIONS = [
    (lambda text, unit: re.search(r"[A-Za-z]{3,}|\d['\"]", text) is not None,
     "English unit words or signs (8 feet, 8', 5\"): not Chinese prose"),
    (lambda text, unit: re.search(r"[0-9０-９]\s+[^\s0-9０-９]", text) is not None,
     "a space between the number and its unit (2 厘米, 3 km): Western typesetting; our finder reads "
     "them written together, as report prose writes them (a known limit for text converted from PDF)"),
    (lambda text, unit: re.search(r"\S\s+\S", text) is not None,
     "spaced-out numeral or unit (七成 六, 百 分 之2): a speech or typing artefact"),
    (lambda text, unit: "折" in text,
     "a discount in 折 (九折, 对折): shop prose, a price factor rather than a share"),
    (lambda text, unit: re.search("[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]", text) is not None,
     "banker's numerals (大写: 叁, 拾, 仟): cheques and invoices"),
    (lambda text, unit: re.search(r"[0-9０-９]\s*[kKｋＫ](?![mgMG])", text) is not None,
     "a k for thousand (15k): not Chinese prose"),
    (lambda text, unit: unit in ("Chinese yuan", "Dollar") and "块" in text,
     "块 for 元 (花费我三块): spoken; in reports 块 counts pieces (三块牌子, 两块阵地)"),
    (lambda text, unit: unit in MONEY_UNITS and re.search("[蚊毫仙]|個[半一二三四五六七八九]|^個", text) is not None,
     "Cantonese money words (七蚊, 两毫, 個半 for 1.5 元)"),
    (lambda text, unit: unit == "Cent",
     "a sum in 分, 角 or 毛 alone (5分, 两毛): 分 is also a minute or a point; spoken"),
    (lambda text, unit: re.search("^米|米[一二三四五六七八九]", text) is not None,
     "a height with its tenths after 米 (米九, 三米九): spoken"),
    (lambda text, unit: unit in ("Gram", "Liang") and re.search("^[^斤]*[两兩]半?$", text) is not None,
     "两 as a weight unit (二两, 九两半): market prose; in reports 两 is the numeral two"),
    (lambda text, unit: "兆" in text,
     "兆 as a scale (10¹² in Taiwan and Japan, 10⁶ in mainland units): ambiguous, not report prose"),
    (lambda text, unit: "銭" in text,
     "a Japanese sub-unit (銭)"),
    (lambda text, unit: re.search("[千万]万分之|万万|百万万", text) is not None,
     "fractions below one in a million (千万分之六): not report prose"),
]


@dataclass
class Expected:
    file: str
    case: int
    sentence: str
    text: str
    start: int
    end: int              # exclusive
    value: float | None
    unit: str             # our canonical unit (Duckling's own unit name: `units` converts ours to it)
    klass: str
    excluded: str = ""    # why it is left out of the bar, or ""
    units: dict = field(default_factory=dict)    # our units it may be read in → factor to `value`'s unit

    def __post_init__(self):
        self.units = self.units or {self.unit: 1.0}

    def read_right(self, mention) -> bool:
        factor = self.units.get(mention.unit)
        return factor is not None and same_value(mention.value * factor, self.value)


@dataclass
class ClassScore:
    expected: int = 0
    excluded: int = 0
    found: int = 0
    right: int = 0
    rows: list = field(default_factory=list)     # (status, Expected, what we read)
    all_forms: list = field(default_factory=lambda: [0, 0, 0])   # with the excluded forms: expected, found, right

    @property
    def in_scope(self) -> int:
        return self.expected - self.excluded

    @property
    def recall(self) -> float:
        return self.found / self.in_scope if self.in_scope else float("nan")

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else float("nan")


def load_cases() -> tuple[list[Expected], list[tuple[str, int, str]]]:
    """(every expected quantity, every sentence with nothing to find)."""
    expected, negatives = [], []
    for name, family in SUITE_FILES.items():
        cases = json.loads((DATA / name).read_text(encoding="utf-8"))
        for number, case in enumerate(cases):
            if not case["Results"]:
                negatives.append((name, number, case["Input"]))
            for result in case["Results"]:
                expected.append(expected_quantity(name, number, case["Input"], result, family))
    return expected + duckling_cases(), negatives


def expected_quantity(name: str, number: int, sentence: str, result: dict, family: str) -> Expected:
    resolution = result["Resolution"]
    text = result["Text"]
    start = result["Start"]
    end = result["End"] + 1         # the suite's End is the last character
    if family == "percent":
        raw = resolution["value"]
        value = float(raw.rstrip("%")) if raw else None
        original = sentence[start:end]
        unit = "百分点" if re.search(r"百\s*分\s*[点點]", original) else "%"     # not 百分之…点五
        klass = "percent"
    else:
        raw = resolution.get("value")
        value = float(raw) if raw not in (None, "") else None
        suite_unit = resolution.get("unit", "")
        unit = UNIT_MAP.get(suite_unit, suite_unit)
        if family == "currency":
            klass = "currency (元)" if unit == "元" else "currency (other)"
        elif family == "dimension":
            klass = DIMENSION_CLASSES.get(suite_unit, "dimension (other)")
        else:
            klass = "age"
    quantity = Expected(name, number, sentence, text, start, end, value, unit, klass)
    quantity.excluded = exclusion(quantity, resolution.get("unit", ""))
    return quantity


DUCKLING_FILE = "duckling_zh.json"
METRES = {"公里": 1000.0, "米": 1.0, "厘米": 0.01, "毫米": 0.001, "英里": 1609.344, "英尺": 0.3048, "英寸": 0.0254}
GRAMS = {"吨": 1e6, "公斤": 1000.0, "斤": 500.0, "克": 1.0, "毫克": 1e-3, "微克": 1e-6}
# Duckling's unit → (our class, its size in metres, grams or 元, the table of our units it converts).
DUCKLING_UNITS = {
    "Metre": ("length", 1.0, METRES), "Centimetre": ("length", 0.01, METRES),
    "Kilometre": ("length", 1000.0, METRES), "Foot": ("length", 0.3048, METRES),
    "Inch": ("length", 0.0254, METRES), "Mile": ("length", 1609.344, METRES),
    "Gram": ("weight", 1.0, GRAMS),
    "Dollar": ("currency (元)", 1.0, {"元": 1.0}), "CNY": ("currency (元)", 1.0, {"元": 1.0}),
    "Cent": ("currency (元)", 0.01, {"元": 1.0}), "HKD": ("currency (other)", 1.0, {"港元": 1.0}),
}


def duckling_cases() -> list[Expected]:
    """Duckling's examples: each phrase with one expected quantity, or two for a range (both ends)."""
    expected = []
    for number, case in enumerate(json.loads((DATA / DUCKLING_FILE).read_text(encoding="utf-8"))):
        klass, size, table = DUCKLING_UNITS[case["unit"]]
        units = {ours: ours_size / size for ours, ours_size in table.items()}
        for value in case["values"]:
            quantity = Expected(f"duckling/{case['corpus']}", number, case["text"], case["text"], 0,
                                len(case["text"]), value, case["unit"], klass, units=units)
            quantity.excluded = exclusion(quantity, case["unit"])
            expected.append(quantity)
    return expected


def exclusion(quantity: Expected, suite_unit: str) -> str:
    if quantity.value is None:
        return "a currency's name with no amount (人民币): no quantity"
    # 人民币  50元: the suite takes a currency's name before the amount into the span; the amount is prose
    original = re.sub(r"^人民币\s+", "", quantity.sentence[quantity.start:quantity.end])
    for applies, reason in EXCLUSIONS:
        if applies(original, suite_unit):
            return reason
    return ""


def indicators(sentence: str) -> list:
    return [m for m in find_mentions(sentence) if m.kind == "indicator"]


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def score(expected: list[Expected]) -> dict[str, ClassScore]:
    scores: dict[str, ClassScore] = {}
    found_in: dict[str, list] = {}
    for quantity in expected:
        klass = scores.setdefault(quantity.klass, ClassScore())
        klass.expected += 1
        if quantity.value is None:
            klass.excluded += 1
            klass.rows.append(("excluded", quantity, None))
            continue
        if quantity.sentence not in found_in:
            found_in[quantity.sentence] = indicators(quantity.sentence)
        overlapping = [m for m in found_in[quantity.sentence] if m.start < quantity.end and quantity.start < m.end]
        right = [m for m in overlapping if quantity.read_right(m)]
        status = "right" if right else "wrong" if overlapping else "missed"
        klass.all_forms[0] += 1
        klass.all_forms[1] += bool(overlapping)
        klass.all_forms[2] += bool(right)
        if quantity.excluded:
            klass.excluded += 1
            status = "excluded"
        else:
            klass.found += bool(overlapping)
            klass.right += bool(right)
        klass.rows.append((status, quantity, (right or overlapping or [None])[0]))
    return scores


def false_positives(negatives: list[tuple[str, int, str]]) -> list[tuple[str, int, str, list]]:
    return [(name, number, sentence, found) for name, number, sentence in negatives
            if (found := indicators(sentence))]


def format_table(scores: dict[str, ClassScore]) -> str:
    lines = ["| class | quantities | excluded | in scope | found | value right | recall | value accuracy "
             "| recall, all forms | value accuracy, all forms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    order = list(BAR_CLASSES) + sorted(set(scores) - set(BAR_CLASSES))
    for name in order:
        if name not in scores:
            continue
        s = scores[name]
        bar = "" if name in BAR_CLASSES else " (outside the bar)"
        lines.append(f"| {name}{bar} | {s.expected} | {s.excluded} | {s.in_scope} | {s.found} | {s.right} "
                     f"| {s.recall:.2f} | {s.accuracy:.2f} | {ratio(*s.all_forms[1::-1])} | {ratio(*s.all_forms[:0:-1])} |")
    return "\n".join(lines)


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "–"


def describe(status: str, quantity: Expected, mention) -> str:
    where = f"{quantity.file}#{quantity.case}"
    want = f"{quantity.text} = {quantity.value:g} {quantity.unit}" if quantity.value is not None else quantity.text
    got = f" — read {mention.text} = {mention.value:g} {mention.unit} {mention.qualifier}" if mention else ""
    if status == "excluded":
        return f"  excluded {where}: {want} — {quantity.excluded}{got}"
    return f"  {status:8} {where}: {quantity.sentence[:40]!r} expects {want}{got}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=("none", "miss", "all"), default="none",
                        help="list the cases missed or read wrong (miss), or every case (all)")
    args = parser.parse_args(argv)
    expected, negatives = load_cases()
    scores = score(expected)
    print(format_table(scores))
    wrong = false_positives(negatives)
    print(f"\nsentences with nothing to find: {len(negatives)}, where we found an indicator: {len(wrong)}")
    print("\nleft out of the bar's classes, by reason:")
    reasons = Counter(q.excluded for q in expected if q.excluded and q.klass in BAR_CLASSES)
    print("\n".join(f"  {count:3d}  {reason}" for reason, count in reasons.most_common()))
    if args.show == "none":
        return
    for name, s in scores.items():
        rows = [r for r in s.rows if args.show == "all" or r[0] in ("missed", "wrong")]
        if rows:
            print(f"\n{name}:")
            print("\n".join(describe(*row) for row in rows))
    for name, number, sentence, found in wrong:
        print(f"  false positive {name}#{number}: {sentence[:50]!r} — "
              + ", ".join(f"{m.text} = {m.value:g} {m.unit}" for m in found))


if __name__ == "__main__":
    main()
