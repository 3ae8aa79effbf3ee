"""Where the extraction's time goes: cProfile over a generated corpus, summed by module and by function.

    python -m bench.profile_extract              # the 5 MB corpus (made if missing)
    python -m bench.profile_extract --mb 1 --top 40

Prints the share of time spent in each of our modules and in each library
(own time, so the shares add up to the whole), then the functions with most own
time and the pipeline stages' cumulative time. Writes bench/out/profile.pstats
(open with `python -m pstats` or snakeviz).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

from bench.make_corpus import REPO, ensure_corpus

OUT_DIR = REPO / "bench" / "out"
STAGES = ["read_document", "layout_of", "find_indicators", "find_programs", "assign_labels",
          "assign_pillars", "detect_region", "detect_date", "mention_row", "find_mentions", "extract_text"]


def module_of(filename: str, function: str = "") -> str:
    """extract/labels.py → extract.attribute.labels; site-packages/jieba/__init__.py → jieba;
    C functions by their type: "re (C)" for compiled patterns, "str (C)", "builtins"."""
    path = Path(filename)
    parts = path.parts
    if filename == "~" or filename.startswith("<"):
        if "re.Pattern" in function or "_sre" in function or "re.Match" in function:
            return "re (C: matching)"
        if "of 'str' objects" in function:
            return "str (C: methods)"
        return "builtins (C)"
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].split(".")[0]
    if "extract" in parts:
        return "extract." + path.stem
    return "stdlib." + (path.parent.name if path.stem == "__init__" else path.stem)


def profile(corpus: Path) -> tuple[pstats.Stats, float, int]:
    from extract.read.documents import find_documents
    from extract.run.engines import warm_up
    from extract.pipeline import extract_file

    paths = find_documents([corpus])
    warm_up()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    rows = sum(len(extract_file(path).rows) for path in paths)
    profiler.disable()
    return pstats.Stats(profiler), time.perf_counter() - started, rows


def by_module(stats: pstats.Stats) -> list[tuple[str, float]]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, function), (_, _, own, _, _) in stats.stats.items():
        totals[module_of(filename, function)] += own
    return sorted(totals.items(), key=lambda item: -item[1])


def top_functions(stats: pstats.Stats, n: int) -> list[tuple[str, float, float, int]]:
    rows = [(f"{module_of(f, name)}:{name}" + (f" (line {line})" if line else ""), own, cum, calls)
            for (f, line, name), (_, calls, own, cum, _) in stats.stats.items()]
    return sorted(rows, key=lambda row: -row[1])[:n]


def stage_times(stats: pstats.Stats) -> list[tuple[str, float]]:
    found = []
    for (filename, _, name), (_, _, _, cum, _) in stats.stats.items():
        if name in STAGES and module_of(filename).startswith("extract."):
            found.append((f"{module_of(filename)}.{name}", cum))
    return sorted(found, key=lambda item: -item[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_extract", description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5, help="corpus size in MB (default 5)")
    parser.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    args = parser.parse_args(argv)
    corpus = REPO / "bench" / "corpus" / f"{args.mb:g}mb"
    manifest = ensure_corpus(corpus, mb=args.mb)
    stats, seconds, rows = profile(corpus)
    total = sum(own for _, own in by_module(stats))
    print(f"{manifest['docs']} documents, {manifest['chars']:,} characters, {rows:,} rows: {seconds:.1f} s under "
          f"the profiler ({manifest['chars'] / seconds:,.0f} chars/s; the profiler slows Python code ~1.5–2×)\n")
    print("| module | own time (s) | share |\n|---|---:|---:|")
    for module, own in by_module(stats)[:15]:
        print(f"| {module} | {own:.2f} | {own / total:.0%} |")
    print("\n| pipeline stage | cumulative (s) | share |\n|---|---:|---:|")
    for stage, cum in stage_times(stats):
        print(f"| {stage} | {cum:.2f} | {cum / total:.0%} |")
    print("\n| function | own (s) | cumulative (s) | calls |\n|---|---:|---:|---:|")
    for name, own, cum, calls in top_functions(stats, args.top):
        print(f"| {name} | {own:.2f} | {cum:.2f} | {calls:,} |")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    stats.dump_stats(OUT_DIR / "profile.pstats")
    return 0


if __name__ == "__main__":
    sys.exit(main())
