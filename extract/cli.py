"""`python -m extract`: documents in, one tidy table out. A thin layer over the library.

The work is `documents.find_documents` → `engines.extract_paths` →
`writers.TableWriter`; this module only parses arguments, reports on stderr
and chooses the exit status.
"""
from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, TextIO

from .run.encoding import ENCODED_FORMATS
from .run.engines import AUTO, ENGINES, default_workers, extract_paths, time_limit_applies
from .run.pools import WorkersKeepDying
from .run.writers import TableWriter, UnsupportedFormat, check_format

EXIT_OK = 0            # every file extracted, table written
EXIT_FILES_FAILED = 1  # some files failed (unreadable, timed out, killed their worker); the table holds the others
EXIT_USAGE = 2         # bad arguments: no inputs, unknown output format …; nothing written
EXIT_NOT_WRITTEN = 3   # the table could not be written (disk, permissions, workers that keep dying)
EXIT_INTERRUPTED = 130   # Ctrl-C (SIGINT)
EXIT_TERMINATED = 143    # SIGTERM (a service manager, `kill`, a container stopping): 128 + 15

# Seconds per document. A report takes milliseconds, a 4.7 MB one about 2 s
# (measured): only a pathological document gets anywhere near it.
DEFAULT_TIMEOUT = 600.0

DESCRIPTION = """\
Extract the indicators of Chinese organisation-work reports into one tidy table
(one row per mention; columns in ../shared/spec/TIDY_TABLE.md).

An INPUT is a document or a folder of documents (searched recursively). A file
that cannot be read (empty, binary, truncated, badly encoded, missing), that
the extraction trips on or that runs past --timeout is named on stderr with
the reason and skipped; the other files are still extracted. With --workers 2
or more, a worker process that dies (a crash in a C library, the OOM killer)
is replaced and each document it held is retried alone: only a document that
kills its process again is reported, with the exit status or signal (on a
Dask cluster, likewise once Dask gives up on a batch whose workers died).

The table is written to a temporary file and renamed over --out only when
complete, so a failed run never leaves half a table.

Exit status: 0 all files extracted; 1 some files failed (the table holds the
rest); 2 usage error (nothing written); 3 the table could not be written (or
worker processes kept dying whatever the document); 130 interrupted (Ctrl-C);
143 terminated (SIGTERM). An interrupted or terminated run stops its worker
processes and leaves no temporary file; worker processes also die with a run
killed outright (SIGKILL), and the next run to the same table removes the
temporary file such a run left.
"""
EPILOG = """\
Examples (orgwork-extract, on .venv/bin once the Makefile has set up .venv, is the same command):
  python -m extract data/raw --out out/indicators.csv
  python -m extract report.html other.docx notes.pdf --out out/table.parquet
  python -m extract corpus/ --out out/table.parquet --workers 8
  python -m extract corpus/ --out out/table.csv --workers auto
  python -m extract corpus/ --out out/table.parquet --workers 8 --timeout 60
  python -m extract corpus/ --out out/table.parquet --engine dask --scheduler tcp://host:8786
"""


@dataclass
class RunSummary:
    files: int = 0
    rows: int = 0
    failures: list[str] = field(default_factory=list)   # "path: reason", one per failed file
    warnings: int = 0
    seconds: float = 0.0

    def line(self, out: Path) -> str:
        rate = self.files / self.seconds if self.seconds else 0.0
        return (f"extract: {self.files} files, {self.rows} rows, {len(self.failures)} failed, "
                f"{self.warnings} warnings, {self.seconds:.1f} s ({rate:.1f} files/s) -> {out}")


class Terminated(BaseException):
    """SIGTERM arrived: raised in the main thread, so the run unwinds as from Ctrl-C.

    A BaseException, like KeyboardInterrupt, so no `except Exception` on the way
    (a document's error handling) swallows it.
    """


def _raise_terminated(signum, frame):
    raise Terminated


@contextmanager
def sigterm_unwinds():
    """Within the block SIGTERM raises Terminated (main thread only: elsewhere signals cannot be handled)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def program_name() -> str:
    """How the command was called: orgwork-extract (the console script) or python -m extract."""
    return "orgwork-extract" if Path(sys.argv[0]).name == "orgwork-extract" else "python -m extract"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=program_name(), description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="a document or a folder of documents")
    parser.add_argument("--out", "-o", required=True, metavar="TABLE",
                        help="the table to write: .csv, .jsonl or .parquet")
    parser.add_argument("--workers", "-w", type=workers_argument, default=1, metavar="N",
                        help="processes to extract with (default 1; 0 = every core; auto = every core "
                             "when the inputs are large enough for a pool to pay off, else 1)")
    parser.add_argument("--engine", choices=ENGINES, default="local",
                        help="local: this machine (default); dask: a Dask bag, local or on a cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: a scheduler address (tcp://host:8786) or a local "
                             "Dask scheduler (sync, threads, processes). This package is uploaded to "
                             "a cluster's scheduler and workers: they need only the packages of "
                             "requirements.txt, and must see the same paths")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help=f"time limit per document (default {DEFAULT_TIMEOUT:g}; 0 = none): a document "
                             "past it is reported as failed and the run goes on. Applied where documents run "
                             "in a process's main thread: --workers N, Dask's sync and processes schedulers; "
                             "not on Dask's threads scheduler or a Dask cluster, whose threads cannot be "
                             "interrupted")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress bar and no warnings; failures and the summary are still printed")
    return parser


def main(argv: list[str] | None = None, stderr: TextIO | None = None) -> int:
    stderr = stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        check_format(args.out)
        workers = args.workers or default_workers()
        if workers != AUTO and workers < 0:
            raise ValueError(f"--workers must be 0 or more, or {AUTO}, not {args.workers}")
        if args.scheduler and args.engine != "dask":
            raise ValueError("--scheduler needs --engine dask")
        timeout = time_limit(args.timeout)
    except ValueError as error:   # UnsupportedFormat is a ValueError too
        parser.print_usage(stderr)
        print(f"python -m extract: error: {error}", file=stderr)
        return EXIT_USAGE
    if args.timeout and not args.quiet and not time_limit_applies(args.engine, args.scheduler):
        print("warning: --timeout is not applied on Dask's threads scheduler or a Dask cluster: "
              "their documents run in threads, which cannot be interrupted", file=stderr)
    with sigterm_unwinds():
        return run(args.inputs, Path(args.out), workers=workers, engine=args.engine,
                   scheduler=args.scheduler, timeout=timeout, quiet=args.quiet, stderr=stderr)


def workers_argument(value: str) -> int | str:
    """--workers: a number, or auto."""
    if value.strip().lower() == AUTO:
        return AUTO
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number or {AUTO}, not {value!r}") from None


def time_limit(seconds: float | None) -> float | None:
    """--timeout as the engines take it: not given → the default, 0 → no limit."""
    if seconds is None:
        return DEFAULT_TIMEOUT
    if seconds < 0:
        raise ValueError(f"--timeout must be 0 (no limit) or more, not {seconds:g}")
    return seconds or None


def run(inputs: Iterable[str], out: Path, workers: int | str = 1, engine: str = "local",
        scheduler: str | None = None, timeout: float | None = DEFAULT_TIMEOUT, quiet: bool = False,
        stderr: TextIO | None = None) -> int:
    """Extract `inputs` into the table `out`; report on `stderr`; return the exit status."""
    stderr = stderr or sys.stderr
    started = time.perf_counter()
    summary = RunSummary()
    results = iter(())
    try:
        paths: list[Path] = []

        def list_inputs() -> list[Path]:    # called by the engine, once a pool's workers are starting
            paths.extend(collect_paths(inputs, summary, stderr))
            return paths

        suffix = check_format(out)
        results = extract_paths(list_inputs, workers=workers, engine=engine, scheduler=scheduler, timeout=timeout,
                                encoding=suffix if suffix in ENCODED_FORMATS and engine == "local" else None)
        if not paths and not summary.failures:
            print(f"python -m extract: error: no documents found in {' '.join(map(str, inputs))}", file=stderr)
            return EXIT_USAGE
        with TableWriter(out) as writer, progress_bar(len(paths), quiet, stderr) as bar:
            for result in results:
                bar.update(1)
                writer.write(result.rows)
                record(result, summary, bar, quiet, stderr)
    except UnsupportedFormat as error:
        print(f"python -m extract: error: {error}", file=stderr)
        return EXIT_USAGE
    except (OSError, WorkersKeepDying) as error:
        print(f"python -m extract: error: {out} not written: {error}", file=stderr)
        return EXIT_NOT_WRITTEN
    except KeyboardInterrupt:
        print(f"python -m extract: interrupted; {out} not written", file=stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print(f"python -m extract: terminated (SIGTERM); {out} not written", file=stderr)
        return EXIT_TERMINATED
    finally:
        close = getattr(results, "close", None)
        if close:
            close()      # a pool's workers are stopped now, not when the generator is collected
    summary.seconds = time.perf_counter() - started
    print(summary.line(out), file=stderr)
    return EXIT_FILES_FAILED if summary.failures else EXIT_OK


def collect_paths(inputs: Iterable[str], summary: RunSummary, stderr: TextIO) -> list[Path]:
    """The documents named or inside the folders named; a missing input counts as a failed file."""
    from .read.documents import DocumentError, find_documents

    paths: dict[Path, None] = {}   # a file named twice, or also inside a folder named, runs once
    for item in inputs:
        try:
            paths.update(dict.fromkeys(find_documents([item])))
        except DocumentError as error:
            summary.files += 1
            summary.failures.append(str(error))
            print(f"failed: {error}", file=stderr)
    warn_shared_doc_ids(list(paths), summary, stderr)
    return list(paths)


def warn_shared_doc_ids(paths: list[Path], summary: RunSummary, stderr: TextIO) -> None:
    """doc_id is the file name without extension: report.docx and report.pdf would share one."""
    by_doc_id: dict[str, list[Path]] = {}
    for path in paths:
        by_doc_id.setdefault(path.stem, []).append(path)
    for doc_id, shared in by_doc_id.items():
        if len(shared) > 1:
            summary.warnings += 1
            print(f"warning: {len(shared)} files share the doc_id {doc_id!r} "
                  f"({', '.join(map(str, shared))}); rename one to tell their rows apart", file=stderr)


def record(result, summary: RunSummary, bar, quiet: bool, stderr: TextIO) -> None:
    """Count one document's result and report its failure or warnings."""
    summary.files += 1
    summary.rows += len(result.rows)
    summary.warnings += len(result.warnings)
    if result.error:
        summary.failures.append(result.error)
        bar.write(f"failed: {result.error}", file=stderr)
    elif not quiet:
        for warning in result.warnings:
            bar.write(f"warning: {warning}", file=stderr)


def progress_bar(total: int, quiet: bool, stderr: TextIO):
    """tqdm on stderr: documents done, rate and time left; off when quiet or not a terminal."""
    from tqdm import tqdm

    disable = quiet or not (hasattr(stderr, "isatty") and stderr.isatty())
    return tqdm(total=total, unit="doc", file=stderr, disable=disable, dynamic_ncols=True,
                smoothing=0.1, mininterval=0.5)
