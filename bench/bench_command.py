"""The whole command, as a user runs it, against a process that runs `jieba.cut` over the same files.

    python -m bench.bench_command                          # 1,000 reports and one report, 3 rounds
    python -m bench.bench_command --repeat 5 --workers 1,auto,2
    python -m bench.bench_command --mb 1,10,50 --workers 1,2 --repeat 1   # workers and memory as the corpus grows

Every run is a fresh process started with subprocess and timed from the outside (wall clock),
so start-up, imports, dictionaries, the pool's start and the table's writing all count:

- the command: `python -m extract CORPUS --out TABLE.csv --workers N --quiet`;
- the jieba process: `python -c` a script that imports jieba, lists the corpus's .txt files,
  reads each itself and runs `jieba.cut` over its text (jieba's dictionary load included).

The methods run in interleaved rounds (a spell of other work on the shared machine then slows one
run of every method, not every run of one); the fastest run of each is kept and all are listed.
CPU seconds are the process's own and those of the children it reaped (os.wait4): with a pool,
the workers' share may be missing. Peak memory is the process and its descendants (pool workers, fork server), sampled every 50 ms
with psutil: pages shared copy-on-write count once per process, so it is an upper bound.

The start-up of a one-report run is split in its own fresh process: imports, jieba (our labels'
tokenizer and dictionary tags, when those functions exist), the gazetteer, and the rest of the
warm-up, so the part that is jieba's can be told from the rest.

Prints markdown tables and saves them with the raw numbers as JSON in bench/out/.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.make_corpus import REPO, ensure_corpus, write_corpus

CORPUS_DIR = REPO / "bench" / "corpus"
OUT_DIR = REPO / "bench" / "out"
ONE_REPORT = REPO / "data" / "raw" / "000_3f2de072fd874ba3.txt"
JIEBA = "jieba process"

JIEBA_SCRIPT = """
import sys
from pathlib import Path
import jieba
jieba.setLogLevel(60)
root = Path(sys.argv[1])
paths = [root] if root.is_file() else sorted(p for p in root.rglob("*.txt"))
words = 0
for path in paths:
    words += sum(1 for _ in jieba.cut(path.read_text(encoding="utf-8")))
print(words)
"""

STARTUP_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
import extract.cli, extract.pipeline
t1 = time.perf_counter()
from extract.attribute import labels
for name in ("tokenizer", "dictionary_tags"):
    if callable(getattr(labels, name, None)):
        getattr(labels, name)()
t2 = time.perf_counter()
from extract.attribute.gazetteer import gazetteer
gazetteer()
t3 = time.perf_counter()
from extract.run.engines import warm_up
warm_up()
t4 = time.perf_counter()
extract.pipeline.extract_file(sys.argv[1])
t5 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "jieba": t2 - t1, "gazetteer": t3 - t2, "rest of warm-up": t4 - t3,
                  "the report": t5 - t4}))
"""


# -- one run ------------------------------------------------------------------------------------

def tree_rss(pid: int) -> int:
    import psutil
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass
    return total


def timed_run(argv: list[str]) -> dict:
    """Run `argv` from the repository; wall seconds and the peak RSS of its process tree."""
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)     # CPU of the process and the children it reaped
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(map(str, argv))} failed ({process.returncode}): {stderr.decode()[-2000:]}")
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_rss_mb": peak / 1e6}


def command_argv(corpus: Path, workers: str, out: Path) -> list[str]:
    return [sys.executable, "-m", "extract", str(corpus), "--out", str(out), "--workers", workers, "--quiet"]


def jieba_argv(corpus: Path) -> list[str]:
    return [sys.executable, "-c", JIEBA_SCRIPT, str(corpus)]


def load_average() -> float:
    return os.getloadavg()[0]


# -- corpora --------------------------------------------------------------------------------------

def corpus_of_docs(docs: int, seed: int = 0) -> Path:
    folder = CORPUS_DIR / f"docs{docs}"
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        if manifest["requested"]["docs"] == docs and manifest["seed"] == seed:
            return folder
    except (OSError, ValueError, KeyError, TypeError):
        pass
    write_corpus(folder, docs=docs, seed=seed)
    return folder


def characters(corpus: Path) -> int:
    paths = [corpus] if corpus.is_file() else sorted(corpus.rglob("*.txt"))
    return sum(len(p.read_text(encoding="utf-8")) for p in paths)


def megabytes(corpus: Path) -> float:
    paths = [corpus] if corpus.is_file() else list(corpus.rglob("*.txt"))
    return sum(p.stat().st_size for p in paths) / 1e6


# -- rounds --------------------------------------------------------------------------------------

def run_rounds(targets: dict[str, Path], workers: list[str], repeat: int, with_jieba: bool, log) -> list[dict]:
    """Every (target, method) once per round, rounds interleaved; one record per run."""
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-command-") as scratch:
        for round_number in range(1, repeat + 1):
            for target, corpus in targets.items():
                methods = [(f"command, --workers {w}", command_argv(corpus, w, Path(scratch) / "t.csv"))
                           for w in workers]
                if with_jieba:
                    methods.append((JIEBA, jieba_argv(corpus)))
                for method, argv in methods:
                    load = load_average()
                    measured = timed_run(argv)
                    runs.append({"target": target, "method": method, "round": round_number,
                                 "load_avg": load, **measured})
                    print(f"round {round_number}  {target:>14}  {method:<26} {measured['seconds']:7.2f} s  "
                          f"{measured['peak_rss_mb']:6.0f} MB  load {load:.1f}", file=log, flush=True)
    return runs


def startup_split(repeat: int) -> list[dict]:
    """Where a one-report run's start-up goes, in fresh processes; the fastest of `repeat` kept per part."""
    splits = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", STARTUP_SCRIPT, str(ONE_REPORT)], cwd=REPO,
                              capture_output=True, text=True, check=True)
        splits.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return splits


# -- tables --------------------------------------------------------------------------------------

def best(runs: list[dict], target: str, method: str) -> dict:
    mine = [r for r in runs if r["target"] == target and r["method"] == method]
    return min(mine, key=lambda r: r["seconds"]) | {"all": [r["seconds"] for r in mine]}


def command_table(runs: list[dict], sizes: dict[str, dict]) -> str:
    lines = ["| input | method | seconds (best) | chars/s | × jieba process | CPU s (that run) | peak RSS, tree (MB) "
             "| load avg | runs (s) |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for target in dict.fromkeys(r["target"] for r in runs):
        methods = list(dict.fromkeys(r["method"] for r in runs if r["target"] == target))
        jieba = best(runs, target, JIEBA)["seconds"] if JIEBA in methods else None
        for method in methods:
            b = best(runs, target, method)
            ratio = f"{jieba / b['seconds']:.2f}" if jieba else "–"
            lines.append(f"| {target} | {method} | {b['seconds']:.2f} | {sizes[target]['chars'] / b['seconds']:,.0f} | "
                         f"{ratio} | {b.get('cpu_seconds', float('nan')):.2f} | {b['peak_rss_mb']:.0f} | {b['load_avg']:.1f} | "
                         f"{', '.join(f'{s:.2f}' for s in b['all'])} |")
    return "\n".join(lines)


def startup_table(splits: list[dict]) -> str:
    parts = list(splits[0])
    fastest = {part: min(s[part] for s in splits) for part in parts}
    total = sum(fastest.values())
    lines = ["| part of a one-report run (fastest of the runs) | seconds |", "|---|---:|"]
    lines += [f"| {part} | {fastest[part]:.3f} |" for part in parts]
    lines.append(f"| all of it (in-process, after the interpreter's own start) | {total:.3f} |")
    lines.append(f"| without jieba | {total - fastest['jieba']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_command", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="reports in the corpus (default 1000; 0: none)")
    parser.add_argument("--mb", default="", help="also corpora of these sizes in MB, e.g. 1,10,50")
    parser.add_argument("--workers", default="1,auto", help="--workers values of the command (default 1,auto)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--no-one-report", action="store_true", help="leave out the one-report run")
    parser.add_argument("--no-jieba", action="store_true", help="leave out the jieba process")
    args = parser.parse_args(argv)

    targets: dict[str, Path] = {}
    if not args.no_one_report:
        targets["one report"] = ONE_REPORT
    if args.docs:
        targets[f"{args.docs:,} reports"] = corpus_of_docs(args.docs)
    for mb in [float(x) for x in args.mb.split(",") if x.strip()]:
        folder = CORPUS_DIR / f"{mb:g}mb"
        ensure_corpus(folder, mb=mb)
        targets[f"{mb:g} MB"] = folder
    sizes = {t: {"chars": characters(c), "mb": megabytes(c)} for t, c in targets.items()}
    for target, size in sizes.items():
        print(f"{target}: {size['chars']:,} characters, {size['mb']:.2f} MB", file=sys.stderr)

    runs = run_rounds(targets, [w.strip() for w in args.workers.split(",")], args.repeat,
                      not args.no_jieba, sys.stderr)
    splits = startup_split(args.repeat) if not args.no_one_report else []
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    report = [f"Commit `{commit}`, {os.cpu_count()} cores, {args.repeat} interleaved rounds.", "",
              command_table(runs, sizes)]
    if splits:
        report += ["", startup_table(splits)]
    text = "\n".join(report)
    print(text)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT_DIR / f"command-{stamp}.md").write_text(text + "\n", encoding="utf-8")
    (OUT_DIR / f"command-{stamp}.json").write_text(json.dumps(
        {"commit": commit, "sizes": sizes, "runs": runs, "startup": splits}, indent=1), encoding="utf-8")
    print(f"\nsaved bench/out/command-{stamp}.md and .json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
