"""Benchmark the extraction against jieba, cn2an, chinese2digits and a bare regex on the same synthetic text.

    python -m bench.bench_extract                      # 1 MB and 10 MB, a few minutes
    python -m bench.bench_extract --sizes 1,10,100     # the scaling run (the 100 MB part takes long)
    python -m bench.bench_extract --sizes 10 --repeat 3  # the fastest of 3 rounds: steadier on a shared machine

For each corpus size (made by bench.make_corpus, cached in bench/corpus/) it
measures, each in a fresh Python process so no method inherits another's
memory or warm caches:

- our extraction, with 1 and 2 worker processes (`extract.run.engines`);
- `jieba.cut` alone, jieba's part-of-speech tagger alone, `cn2an.transform`
  alone, chinese2digits' numeral scan (`takeNumberFromString`) alone, and one
  regular-expression pass for numerals (the floor);
- the whole command (`extract.cli.run`: extraction streamed into Parquet), to
  show its memory stays flat as the corpus grows.

Every method reads each file itself. One-time loading (jieba's dictionary, our
word lists, a warm worker pool) happens before the clock starts. Memory is the
peak resident set size: `getrusage` for the measuring process (exact), and the
sum over it and its worker processes sampled every 50 ms with psutil (shared
pages of forked workers count once per process, so that sum is an upper bound).

Prints markdown tables and writes them, with the raw numbers as JSON, to bench/out/.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.make_corpus import REPO, ensure_corpus
from bench.methods import METHODS, warm_up

CORPUS_DIR = REPO / "bench" / "corpus"
OUT_DIR = REPO / "bench" / "out"
WRITE_PARQUET = "extraction → parquet"
BASELINE = "jieba.cut"


# -- one measurement, in a fresh process ---------------------------------------

class TreeMemory:
    """Peak RSS of this process plus its descendants, sampled in a background thread."""

    def __init__(self, interval: float = 0.05):
        import psutil
        self.process = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        total = 0
        for process in [self.process, *self.process.children(recursive=True)]:
            try:
                total += process.memory_info().rss
            except Exception:   # a worker that has just exited
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


def measure(method: str, corpus: Path, workers: int) -> dict:
    from extract.read.documents import find_documents
    from extract.run.engines import extract_paths

    paths = find_documents([corpus])
    chars = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["chars"]
    function = None if method in ("extraction", WRITE_PARQUET) else METHODS[method]
    setup = time.perf_counter()
    warm_up("extraction" if function is None else method)
    if workers > 1:    # start the pool's fork server once, so its loading is not timed
        list(extract_paths(paths[:workers], workers=workers, function=function))
    setup = time.perf_counter() - setup
    rss_before = _self_rss_mb()
    load_before, cpu_before = os.getloadavg()[0], _cpu_seconds()
    with TreeMemory() as memory:
        started = time.perf_counter()
        if method == WRITE_PARQUET:
            items = _write_parquet(corpus, workers)
        else:
            results = extract_paths(paths, workers=workers, function=function)
            items = sum(len(r.rows) for r in results) if function is None else sum(results)
        seconds = time.perf_counter() - started
    return {"method": method, "workers": workers, "corpus": str(corpus), "docs": len(paths), "chars": chars,
            "seconds": seconds, "chars_per_s": chars / seconds, "items": items, "setup_s": setup,
            "rss_before_mb": rss_before, "peak_rss_mb": _peak_rss_mb(), "tree_peak_mb": memory.peak / 2**20,
            "cpu_s": _cpu_seconds() - cpu_before, "load_before": load_before, "load_after": os.getloadavg()[0]}


def _write_parquet(corpus: Path, workers: int) -> int:
    from extract.cli import run
    from extract.table import read_table  # noqa: F401  (imported before the clock, like the writer)

    out = OUT_DIR / f"bench-{corpus.name}.parquet"
    with open(os.devnull, "w") as quiet:
        status = run([str(corpus)], out, workers=workers, quiet=True, stderr=quiet)
    if status != 0:
        raise RuntimeError(f"extraction of {corpus} ended with status {status}")
    import pyarrow.parquet as pq
    rows = pq.ParquetFile(out).metadata.num_rows
    out.unlink()
    return rows


def _cpu_seconds() -> float:
    """CPU time of this process (not of its workers): with other work on the machine, chars per
    CPU-second compares single-process methods more fairly than chars per wall-clock second."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024    # KiB on Linux


def _self_rss_mb() -> float:
    import psutil
    return psutil.Process().memory_info().rss / 2**20


def measure_in_fresh_process(method: str, corpus: Path, workers: int) -> dict:
    command = [sys.executable, "-m", "bench.bench_extract", "--measure", method,
               "--corpus", str(corpus), "--workers", str(workers)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{method} on {corpus} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the whole run -------------------------------------------------------------

def plan(sizes: list[float], workers: list[int], baseline_workers: list[int],
         methods: list[str]) -> list[tuple[str, float, int]]:
    runs = []
    for size in sizes:
        for method in methods:
            for n in (workers if method in ("extraction", WRITE_PARQUET) else baseline_workers):
                runs.append((method, size, n))
    return runs


def run_all(sizes, workers, baseline_workers, methods, seed: int, repeat: int = 1, log=sys.stderr,
            measure_one=None) -> list[dict]:
    """Every planned measurement, `repeat` rounds of them; the fastest of its rounds is kept.

    Rounds run one after the other (all methods, then all again), so a spell of other work on
    the shared machine slows one run of each method rather than every run of one method."""
    measure_one = measure_one or measure_in_fresh_process
    corpora = {}
    for size in sizes:
        folder = CORPUS_DIR / f"{size:g}mb"
        manifest = ensure_corpus(folder, mb=size, seed=seed)
        corpora[size] = folder
        print(f"corpus {folder}: {manifest['docs']} documents, {manifest['chars']:,} characters", file=log)
    fastest: dict[tuple, dict] = {}
    for round_number in range(1, repeat + 1):
        for method, size, n in plan(sizes, workers, baseline_workers, methods):
            result = measure_one(method, corpora[size], n)
            result["size_mb"] = size
            key = (method, size, n)
            all_seconds = fastest[key]["all_seconds"] if key in fastest else []
            all_seconds.append(result["seconds"])
            if key not in fastest or result["seconds"] < fastest[key]["seconds"]:
                fastest[key] = result
            fastest[key]["all_seconds"] = all_seconds
            print(f"round {round_number}/{repeat}  {size:g} MB  {method:<22} {n} worker(s)  "
                  f"{result['chars_per_s']:>12,.0f} chars/s  {result['seconds']:8.1f} s  "
                  f"peak {result['tree_peak_mb']:7.0f} MB", file=log, flush=True)
    return list(fastest.values())


# -- reporting -----------------------------------------------------------------

def throughput_table(results: list[dict], size: float) -> str:
    rows = [r for r in results if r["size_mb"] == size]
    base = next((r["chars_per_s"] for r in rows if r["method"] == BASELINE and r["workers"] == 1), None)
    repeats = max(len(r.get("all_seconds", [r["seconds"]])) for r in rows)
    title = f"Throughput on the {size:g} MB corpus ({rows[0]['chars']:,} characters, {rows[0]['docs']} documents)"
    if repeats > 1:
        title += f"; the fastest of {repeats} runs of each, all run times in the last column"
    lines = [title, "",
             "| method | workers | chars/s | × jieba.cut | seconds | chars per CPU-second | "
             "peak RSS, process (MB) | peak RSS, with workers (MB) | load avg |" + (" runs (s) |" if repeats > 1 else ""),
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|" + ("---|" if repeats > 1 else "")]
    for r in rows:
        ratio = f"{r['chars_per_s'] / base:.2f}" if base else "–"
        per_cpu = f"{r['chars'] / r['cpu_s']:,.0f}" if r.get("cpu_s") and r["workers"] == 1 else "–"
        load = f"{r['load_before']:.1f}" if "load_before" in r else "–"
        runs = (" " + ", ".join(f"{s:.1f}" for s in r.get("all_seconds", [r["seconds"]])) + " |") if repeats > 1 else ""
        lines.append(f"| {r['method']} | {r['workers']} | {r['chars_per_s']:,.0f} | {ratio} | {r['seconds']:.1f} | "
                     f"{per_cpu} | {r['peak_rss_mb']:.0f} | {r['tree_peak_mb']:.0f} | {load} |{runs}")
    return "\n".join(lines)


def scaling_table(results: list[dict], sizes: list[float]) -> str:
    """Seconds per MB at each size, wall clock and (one process) CPU; growth = the largest size's
    s/MB ÷ the smallest's, on CPU time where there is one (less swayed by other work on the machine)."""
    header = " | ".join(f"{s:g} MB: s/MB wall (CPU)" for s in sizes)
    lines = ["How time grows with the corpus (constant s/MB = linear; growth = s/MB at the largest size ÷ at "
             "the smallest, 1.00 = linear; CPU time where measured)",
             "", f"| method | workers | {header} | growth |", "|---|---:|" + "---:|" * len(sizes) + "---:|"]
    for method, n in dict.fromkeys((r["method"], r["workers"]) for r in results):
        by_size = {r["size_mb"]: r for r in results if r["method"] == method and r["workers"] == n}
        cells, per_mb = [], []
        for size in sizes:
            r = by_size.get(size)
            if not r:
                cells.append("–")
                continue
            cpu = r.get("cpu_s") if n == 1 else None
            per_mb.append((cpu if cpu else r["seconds"]) / size)
            cells.append(f"{r['seconds'] / size:.2f}" + (f" ({cpu / size:.2f})" if cpu else ""))
        growth = f"{per_mb[-1] / per_mb[0]:.2f}" if len(per_mb) > 1 else "–"
        lines.append(f"| {method} | {n} | {' | '.join(cells)} | {growth} |")
    return "\n".join(lines)


def memory_table(results: list[dict], sizes: list[float]) -> str:
    rows = [r for r in results if r["method"] == WRITE_PARQUET]
    lines = ["Memory of the whole command (extraction streamed into Parquet) as the corpus grows", "",
             "| corpus | workers | rows | peak RSS, process (MB) | peak RSS, with workers (MB) |",
             "|---|---:|---:|---:|---:|"]
    for r in sorted(rows, key=lambda r: (r["workers"], r["size_mb"])):
        lines.append(f"| {r['size_mb']:g} MB | {r['workers']} | {r['items']:,} | {r['peak_rss_mb']:.0f} | "
                     f"{r['tree_peak_mb']:.0f} |")
    return "\n".join(lines)


def bars(results: list[dict], sizes: list[float]) -> str:
    """The issue's bars, checked on the largest corpus measured."""
    largest = max(sizes)

    def speed(method, workers=1, size=largest):
        return next((r["chars_per_s"] for r in results
                     if r["method"] == method and r["workers"] == workers and r["size_mb"] == size), None)

    checks = []
    ours = speed("extraction")
    # jieba.cut: issues 8 and 9; cn2an: the first speed issue; chinese2digits' bare scan: issue 12.
    for other, factor in (("jieba.cut", 5), ("cn2an.transform", 2), ("chinese2digits", 1)):
        if ours and speed(other):
            got = ours / speed(other)
            checks.append(f"- extraction ÷ {other}: {got:.2f} (bar ≥ {factor}) {'✔' if got >= factor else '✘'}")
    if ours and speed("extraction", 2):
        got = speed("extraction", 2) / ours
        checks.append(f"- 2 workers ÷ 1 worker on {largest:g} MB: {got:.2f} (bar ≥ 1.7) {'✔' if got >= 1.7 else '✘'}")
    parquet = sorted((r for r in results if r["method"] == WRITE_PARQUET and r["workers"] == 1),
                     key=lambda r: r["size_mb"])
    if len(parquet) > 1:
        got = parquet[-1]["peak_rss_mb"] / parquet[0]["peak_rss_mb"]
        checks.append(f"- Parquet-writing peak memory, {parquet[-1]['size_mb']:g} MB ÷ {parquet[0]['size_mb']:g} MB: "
                      f"{got:.2f} (flat ≈ 1) {'✔' if got <= 1.25 else '✘'}")
    return "Bars\n\n" + "\n".join(checks)


def report(results: list[dict], sizes: list[float]) -> str:
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f} at the end"
    parts = [f"Benchmark ({machine})"]
    parts += [throughput_table(results, size) for size in sizes]
    if len(sizes) > 1:
        parts.append(scaling_table(results, sizes))
    if any(r["method"] == WRITE_PARQUET for r in results):
        parts.append(memory_table(results, sizes))
    parts.append(bars(results, sizes))
    return "\n\n".join(parts) + "\n"


def merge(runs) -> list[dict]:
    merged: dict[tuple, dict] = {}
    for results in runs:
        for r in results:
            merged[(r["method"], r["workers"], r["size_mb"])] = r
    return sorted(merged.values(), key=lambda r: (r["size_mb"], [*METHODS, WRITE_PARQUET].index(r["method"]),
                                                    r["workers"]))


def numbers(text: str, kind=float) -> list:
    return [kind(x) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_extract", description=__doc__.split("\n\n")[0],
                                     epilog="Example: python -m bench.bench_extract --sizes 1,10,100")
    parser.add_argument("--sizes", default="1,10", help="corpus sizes in MB, comma-separated (default 1,10)")
    parser.add_argument("--workers", default="1,2", help="worker counts for our extraction (default 1,2)")
    parser.add_argument("--baseline-workers", default="1", help="worker counts for the other methods (default 1)")
    parser.add_argument("--methods", default=",".join([*METHODS, WRITE_PARQUET]),
                        help="methods to run, comma-separated (default: all)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="rounds of every measurement; the fastest of each is reported (default 1)")
    parser.add_argument("--name", default="bench_extract", help="output name in bench/out/ (default bench_extract)")
    parser.add_argument("--from-json", metavar="PATH[,PATH]",
                        help="print the report of saved runs (bench/out/NAME.json); a later run's measurement "
                             "replaces an earlier one of the same method, workers and size")
    parser.add_argument("--measure", help=argparse.SUPPRESS)   # internal: one measurement, in this process
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, Path(args.corpus), int(args.workers))))
        return 0
    if args.from_json:
        results = merge(json.loads(Path(p).read_text(encoding="utf-8")) for p in args.from_json.split(","))
        print(report(results, sorted({r["size_mb"] for r in results})))
        return 0
    sizes = numbers(args.sizes)
    methods = [m.strip() for m in args.methods.split(",")]
    unknown = [m for m in methods if m not in [*METHODS, WRITE_PARQUET]]
    if unknown:
        parser.error(f"unknown method(s) {', '.join(unknown)}; choose from: {', '.join([*METHODS, WRITE_PARQUET])}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    results = run_all(sizes, numbers(args.workers, int), numbers(args.baseline_workers, int), methods, args.seed,
                      repeat=args.repeat)
    text = report(results, sizes)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / f"{args.name}.md").write_text(text, encoding="utf-8")
    (OUT_DIR / f"{args.name}.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
