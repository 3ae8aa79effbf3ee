"""Make a synthetic corpus of reports for benchmarks and load tests: any number of documents.

Each document recombines the paragraphs and sentences of the seed reports
(data/raw) and is moved to another locality: the seeds' own place names
(蓬江区, 吉林市, 汽开区 …) are swapped for a district, its city and its province
drawn from the gazetteer (the administrative divisions bundled with the `cpca`
package). Document `i` of seed `s` is always the same text, however many
documents are made, so a corpus is reproducible and can be made in pieces.

    python -m bench.make_corpus --mb 10 --out bench/corpus/10mb
    python -m bench.make_corpus --docs 200 --seed 7 --out /tmp/corpus

A size in MB counts UTF-8 bytes on disk (1 MB = 1,000,000 bytes). Files go in
sub-folders of 1000 (0000/, 0001/ …) with a manifest.json beside them.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = REPO / "data" / "raw"
DEFAULT_OUT = REPO / "bench" / "corpus" / "default"
FILES_PER_FOLDER = 1000
GENERATOR_VERSION = 1      # bump when the same seed would give other texts

# The seeds' localities, by what replaces them: the target's district, city or
# province, by full or short name (蓬江区 / 蓬江). Names the gazetteer knows
# (蓬江区, 吉林市, 湖北省) are found in the seeds automatically; these are the
# ones it does not know: development zones, a corps division, short forms.
# Longer names win over shorter ones (武汉经开区 before 武汉).
SEED_ALIASES = {
    "district": ["汽开区", "长春汽车经济技术开发区", "武汉经开区", "十一师"],
    "district_short": ["蓬江"],
    "city_short": ["长春", "武汉"],
    "province_short": ["吉林", "湖北"],
}
SENTENCE = re.compile(r"[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)]*|$)")
SHORT_SUFFIX = re.compile(r"(?:壮族|回族|维吾尔)?自治区$|特别行政区$|[省市区县]$")
MAX_HEADING_CHARS = 40
KEEP_SENTENCE = 0.5        # chance a template paragraph keeps its own sentence (else: one from anywhere)


@dataclass(frozen=True)
class Place:
    name: str
    level: str          # province, city or district (counties and county-level cities count as district)
    code: str           # 12-digit administrative code: 2 digits province, 2 city, 2 district

    @property
    def short(self) -> str:
        """蓬江区 → 蓬江, 新疆维吾尔自治区 → 新疆; a two-character name stays whole."""
        stem = SHORT_SUFFIX.sub("", self.name)
        return stem if len(stem) >= 2 else self.name


@dataclass(frozen=True)
class Locality:
    """Where a synthetic document is from: a district with its city and province."""
    district: Place
    city: Place
    province: Place


@dataclass(frozen=True)
class SyntheticDocument:
    index: int
    name: str           # file name: NNNNNN_<hash>.txt, like the seeds
    text: str
    locality: Locality


@dataclass
class Sources:
    """What documents are recombined from: seed paragraphs, their sentences, the gazetteer."""
    headings: list[str]
    paragraphs: list[list[str]]     # body paragraphs as lists of sentences
    sentences: list[str]
    lengths: list[int]              # the seeds' lengths in characters
    targets: list[Locality]
    seed_names: re.Pattern          # the seeds' place names, longest first
    seed_levels: dict[str, str]     # seed place name → level (province, city, district, or *_short)


def load_places() -> list[Place]:
    """Every province, city and district of the gazetteer bundled with cpca."""
    from importlib.resources import files

    with files("cpca").joinpath("resources/adcodes.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    places = []
    for row in rows:
        code, name = row["adcode"], row["name"]
        if name in ("市辖区", "县") or not row["longitude"]:
            continue
        level = ("province" if code[2:] == "0" * 10 else
                 "city" if code[4:] == "0" * 8 else "district")
        places.append(Place(name, level, code))
    return places


def localities(places: list[Place]) -> list[Locality]:
    """The districts that have a city and province in the gazetteer, as swap targets."""
    by_code = {p.code: p for p in places}
    found = []
    for place in places:
        if place.level != "district" or "自治" in place.name:
            continue
        province = by_code.get(place.code[:2] + "0" * 10)
        city = by_code.get(place.code[:4] + "0" * 8)
        if province and city:
            found.append(Locality(place, city, province))
    return sorted(found, key=lambda loc: loc.district.code)


def split_sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences, each with its closing punctuation.

    >>> split_sentences("一是抓学习。二是强队伍；三是")
    ['一是抓学习。', '二是强队伍；', '三是']
    """
    return [s for s in SENTENCE.findall(paragraph) if s.strip()]


def is_heading(line: str) -> bool:
    return len(line) <= MAX_HEADING_CHARS and not re.search(r"[。！？；!?;]$", line)


def seed_name_pattern(texts: list[str], places: list[Place]) -> tuple[re.Pattern, dict[str, str]]:
    """The place names the seeds use (gazetteer names of 3+ characters, plus SEED_ALIASES)."""
    joined = "\n".join(texts)
    levels: dict[str, str] = {}
    for place in places:
        if len(place.name) >= 3 and place.name in joined:
            levels[place.name] = place.level
    for level, names in SEED_ALIASES.items():
        for name in names:
            levels.setdefault(name, level)
    ordered = sorted(levels, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))), levels


@lru_cache(maxsize=4)
def load_sources(folder: str | Path = DEFAULT_SOURCES) -> Sources:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    if not texts:
        raise FileNotFoundError(f"{folder}: no seed .txt files to recombine")
    headings, paragraphs = [], []
    for text in texts:
        for line in (ln.strip() for ln in text.splitlines()):
            if not line:
                continue
            if is_heading(line):
                headings.append(line)
            else:
                paragraphs.append(split_sentences(line))
    places = load_places()
    pattern, levels = seed_name_pattern(texts, places)
    return Sources(headings, paragraphs, [s for p in paragraphs for s in p], [len(t) for t in texts],
                   localities(places), pattern, levels)


def swap_places(text: str, sources: Sources, locality: Locality) -> str:
    """Every seed place name replaced by the locality's name at the same level."""
    def replace(match: re.Match) -> str:
        level = sources.seed_levels[match.group(0)]
        place = getattr(locality, level.removesuffix("_short"))
        return place.short if level.endswith("_short") else place.name
    return sources.seed_names.sub(replace, text)


def generate_document(index: int, seed: int = 0, sources: Sources | None = None) -> SyntheticDocument:
    """Document `index` of the corpus made with `seed`: always the same text."""
    sources = sources or load_sources()
    rng = random.Random(f"{seed}:{index}")
    target = rng.choice(sources.lengths) * rng.uniform(0.5, 1.5)
    lines = [rng.choice(sources.headings)]
    size = len(lines[0])
    while size < target:
        if rng.random() < 0.15:
            line = rng.choice(sources.headings)
        else:
            template = rng.choice(sources.paragraphs)
            line = "".join(s if i == 0 or rng.random() < KEEP_SENTENCE else rng.choice(sources.sentences)
                           for i, s in enumerate(template))
        lines.append(line)
        size += len(line) + 1
    locality = rng.choice(sources.targets)
    text = swap_places("\n".join(lines) + "\n", sources, locality)
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    return SyntheticDocument(index, f"{index:06d}_{digest}.txt", text, locality)


def generate_corpus(docs: int | None = None, mb: float | None = None, seed: int = 0,
                    sources: Sources | None = None) -> Iterator[SyntheticDocument]:
    """`docs` documents, or as many as make `mb` megabytes of UTF-8 (whichever is given)."""
    if (docs is None) == (mb is None):
        raise ValueError("give either a number of documents or a size in MB")
    sources = sources or load_sources()
    budget = None if mb is None else mb * 1_000_000
    index = written = 0
    while (docs is not None and index < docs) or (budget is not None and written < budget):
        document = generate_document(index, seed, sources)
        written += len(document.text.encode("utf-8"))
        index += 1
        yield document


def write_corpus(out: str | Path = DEFAULT_OUT, docs: int | None = None, mb: float | None = None,
                 seed: int = 0) -> dict:
    """Write the corpus as .txt files under `out`; return (and write) its manifest."""
    out = Path(out)
    manifest = {"generator_version": GENERATOR_VERSION, "seed": seed, "docs": 0, "chars": 0, "bytes": 0,
                "requested": {"docs": docs, "mb": mb}}
    for document in generate_corpus(docs, mb, seed):
        folder = out / f"{document.index // FILES_PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = document.text.encode("utf-8")
        (folder / document.name).write_bytes(data)
        manifest["docs"] += 1
        manifest["chars"] += len(document.text)
        manifest["bytes"] += len(data)
    out.mkdir(parents=True, exist_ok=True)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def ensure_corpus(out: str | Path, mb: float, seed: int = 0) -> dict:
    """The corpus at `out`, made only if it is missing or was made with other settings."""
    out = Path(out)
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        if (manifest["requested"] == {"docs": None, "mb": mb} and manifest["seed"] == seed
                and manifest["generator_version"] == GENERATOR_VERSION):
            return manifest
    except (OSError, ValueError, KeyError):
        pass
    if out.exists():
        for old in out.rglob("*.txt"):
            old.unlink()
    return write_corpus(out, mb=mb, seed=seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.make_corpus", description=__doc__.split("\n\n")[0],
        epilog="Example: python -m bench.make_corpus --mb 10 --out bench/corpus/10mb")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--docs", type=int, help="number of documents")
    size.add_argument("--mb", type=float, help="total size in MB (UTF-8 bytes / 1e6)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help=f"folder to write (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    manifest = write_corpus(args.out, docs=args.docs, mb=args.mb, seed=args.seed)
    print(f"{manifest['docs']} documents, {manifest['chars']:,} characters, "
          f"{manifest['bytes'] / 1e6:.1f} MB -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
