"""The table of a fixed corpus, kept as a snapshot so that speed work can prove it changed nothing.

The corpus is the bundled seed reports plus synthetic documents from `bench.make_corpus` (seed
sentences recombined and moved to other localities), so the snapshot covers more places and
sentence mixes than the seeds alone. A change that is meant to alter the table regenerates the
snapshot in the same commit:

    python -m tests.table_snapshot --update
"""
from __future__ import annotations

import argparse
import gzip
import io
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO / "tests" / "snapshots" / "table.jsonl.gz"
SYNTHETIC_DOCUMENTS = 60


def write_corpus(folder: Path) -> Path:
    """The seeds and the synthetic documents as .txt files under `folder`."""
    from bench.make_corpus import write_corpus as write_synthetic

    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted((REPO / "data" / "raw").iterdir()):
        shutil.copyfile(seed, folder / seed.name)
    write_synthetic(folder / "synthetic", docs=SYNTHETIC_DOCUMENTS, seed=7)
    (folder / "synthetic" / "manifest.json").unlink()
    return folder


def extract_table(folder: Path, workers: int = 1) -> list[str]:
    """The table of every document under `folder`, as JSONL lines in the command's order."""
    from extract.cli import run

    out = folder.parent / "table.jsonl"
    status = run([str(folder)], out, workers=workers, quiet=True, stderr=io.StringIO())
    if status != 0:
        raise RuntimeError(f"extraction of {folder} failed with exit status {status}")
    return out.read_text(encoding="utf-8").splitlines()


def read_snapshot() -> list[str]:
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as stream:
        return stream.read().splitlines()


def write_snapshot(lines: list[str]) -> None:
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file's bytes the same when the table is.
    with open(SNAPSHOT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as stream:
        stream.write(("\n".join(lines) + "\n").encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the snapshot from the current code")
    args = parser.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        lines = extract_table(write_corpus(Path(scratch) / "corpus"))
    if args.update:
        write_snapshot(lines)
        print(f"{SNAPSHOT.relative_to(REPO)}: {len(lines)} rows written")
        return 0
    same = lines == read_snapshot()
    print(f"{len(lines)} rows; {'same as' if same else 'DIFFERENT from'} {SNAPSHOT.relative_to(REPO)}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
