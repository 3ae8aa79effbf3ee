"""Turn Duckling's Chinese corpora of money, distance and quantity into duckling_zh.json.

    python bench/data/number_suite/convert_duckling.py DUCKLING_CHECKOUT > bench/data/number_suite/duckling_zh.json

Reads Duckling/{AmountOfMoney,Distance,Quantity}/ZH/Corpus.hs and keeps only the examples:
each `examples (KIND UNIT VALUE[S] [Nothing]) ["text", …]` becomes one case per text with
the kind (simple, under, above, between), Duckling's unit and the value(s).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CORPORA = ("AmountOfMoney", "Distance", "Quantity")
EXAMPLES = re.compile(r"examples \((simple|under|above|between) (\w+) (\([^)]*\)|[-\d.]+)(?: Nothing)?\)\s*\[(.*?)\]",
                      re.S)
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def cases(checkout: Path) -> list[dict]:
    found = []
    for corpus in CORPORA:
        source = (checkout / "Duckling" / corpus / "ZH" / "Corpus.hs").read_text(encoding="utf-8")
        for kind, unit, values, texts in EXAMPLES.findall(source):
            numbers = [float(v) for v in re.findall(r"-?[\d.]+", values)]
            for text in STRING.findall(texts):
                found.append({"corpus": corpus, "text": json.loads(f'"{text}"'), "kind": kind,
                              "unit": unit, "values": numbers})
    return found


if __name__ == "__main__":
    json.dump(cases(Path(sys.argv[1])), sys.stdout, ensure_ascii=False, indent=1)
    print()
