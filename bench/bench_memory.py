"""Peak memory of the largest inputs the tools accept: it must grow with the text, never with its square.

Two inputs, each at several sizes so the growth shows:

- a one-line text without sentence punctuation (the seeds' sentences run
  together, punctuation and line breaks removed): before the sentence window,
  every row stored the whole line (0.5 MB took 3.8 GB); the dashboard's upload
  limit is 20 MB;
- a report (the synthetic corpus's documents run together into one file), up
  to 45 MB (the command line refuses files over 50 MB).

Each is run in a fresh process: the command line (`python -m extract FILE
--out …parquet`) and, for the one-line text, the dashboard's upload path
(`dashboard.uploads.extract_uploads`). Peak memory is the process's maximum
resident set size (`wait4`'s ru_maxrss); "+MB/MB" is what it grew above the
start-up (a 3 KB report) per MB of input: flat across sizes means linear.

    python -m bench.bench_memory                     # 20 MB one-line, 45 MB report, and smaller steps
    python -m bench.bench_memory --one-line-mb 1 2 --report-mb 5
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SENTENCE_PUNCTUATION = re.compile(r"[。！？；!?;…\n\r]")

UPLOAD = """
import sys
from pathlib import Path
from dashboard.uploads import Upload, extract_uploads
path = Path(sys.argv[1])
extraction = extract_uploads([Upload(path.name, path.read_bytes())])
report = extraction.files[0]
print(report.rows, report.error or "", file=sys.stderr)
sys.exit(1 if report.error else 0)
"""


def corpus_text(mb: float) -> str:
    """The synthetic corpus's documents, one after the other, to `mb` MB of UTF-8."""
    from bench.make_corpus import generate_corpus

    return "".join(document.text for document in generate_corpus(mb=mb))


def one_line_file(folder: Path, mb: float) -> Path:
    text = SENTENCE_PUNCTUATION.sub("", corpus_text(mb * 1.1))
    data = text.encode("utf-8")[: int(mb * 1_000_000)].decode("utf-8", "ignore")
    path = folder / f"one-line-{mb:g}mb.txt"
    path.write_text(data, encoding="utf-8")
    return path


def report_file(folder: Path, mb: float) -> Path:
    text = corpus_text(mb)
    data = text.encode("utf-8")[: int(mb * 1_000_000)].decode("utf-8", "ignore")
    path = folder / f"report-{mb:g}mb.txt"
    path.write_text(data, encoding="utf-8")
    return path


def peak(command: list[str]) -> dict:
    """Run `command`; its exit status, seconds and peak resident memory in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return {"status": process.returncode, "seconds": time.perf_counter() - started,
            "peak_mb": usage.ru_maxrss / 1024, "said": stderr.strip().splitlines()[-1:] or [""]}


def measure(kind: str, path: Path, folder: Path) -> dict:
    if kind == "upload":
        command = [sys.executable, "-c", UPLOAD, str(path)]
    else:
        command = [sys.executable, "-m", "extract", str(path), "--out", str(folder / "table.parquet"),
                   "--quiet", "--timeout", "0"]
    result = peak(command)
    result.update(kind=kind, file=path.name, mb=path.stat().st_size / 1e6)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--one-line-mb", type=float, nargs="+", default=[5, 10, 20])
    parser.add_argument("--report-mb", type=float, nargs="+", default=[11.25, 22.5, 45])
    parser.add_argument("--no-upload", action="store_true", help="skip the dashboard's upload path")
    args = parser.parse_args(argv)
    print(f"{'input':<24}{'path':<8}{'MB':>7}{'peak MB':>9}{'+MB/MB':>8}{'seconds':>9}  status")
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as scratch:
        folder = Path(scratch)
        baseline = {}
        tiny = report_file(folder, 0.003)
        for kind in ("cli", "upload"):
            baseline[kind] = measure(kind, tiny, folder)["peak_mb"]
            print(f"{'(start-up, 3 KB report)':<24}{kind:<8}{0.003:>7.3f}{baseline[kind]:>9.0f}", flush=True)
        runs = [(one_line_file(folder, mb), kinds) for mb in args.one_line_mb
                for kinds in [("cli",) if args.no_upload else ("cli", "upload")]]
        runs += [(report_file(folder, mb), ("cli",)) for mb in args.report_mb]
        for path, kinds in runs:
            for kind in kinds:
                r = measure(kind, path, folder)
                grown = (r["peak_mb"] - baseline[kind]) / r["mb"]   # memory per MB of input, above start-up
                print(f"{r['file']:<24}{r['kind']:<8}{r['mb']:>7.1f}{r['peak_mb']:>9.0f}{grown:>8.1f}"
                      f"{r['seconds']:>9.1f}  {r['status']} {r['said'][0][:50]}", flush=True)
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
