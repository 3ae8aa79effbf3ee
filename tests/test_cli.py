"""`python -m extract`: formats, bad files among good ones, exit statuses, atomic output."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extract import cli
from extract.pipeline import extract_file
from extract.table import read_table, rows_to_frame, write_table
from extract.run.writers import TableWriter
from tests.tables import assert_same_table

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "raw"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def run_cli(*args: str) -> tuple[int, str]:
    """main() in this process, with stderr captured (not a terminal: no progress bar)."""
    stderr = io.StringIO()
    status = cli.main([str(a) for a in args], stderr=stderr)
    return status, stderr.getvalue()


@pytest.fixture(scope="module")
def seed_rows() -> list[dict]:
    return [row for path in SEED_FILES for row in extract_file(path).rows]


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    """One file for each way a document can be unreadable, keyed by the reason's key word."""
    folder = tmp_path / "bad"
    folder.mkdir()
    files = {"empty": folder / "empty.txt", "binary": folder / "binary.txt",
             "docx": folder / "truncated.docx", "no such file": folder / "missing.txt"}
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 8)
    files["docx"].write_bytes(b"PK\x03\x04 cut short")
    return files


def test_help_has_an_example(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--help"])
    assert stop.value.code == 0
    help_text = capsys.readouterr().out
    assert "Example" in help_text and "python -m extract data/raw --out" in help_text


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_seeds_round_trip_in_every_format(tmp_path, seed_rows, suffix):
    out = tmp_path / f"table{suffix}"
    status, stderr = run_cli(SEEDS, "--out", out)
    assert status == cli.EXIT_OK, stderr
    assert f"{len(SEED_FILES)} files, {len(seed_rows)} rows, 0 failed" in stderr
    reference = write_table(rows_to_frame(seed_rows), tmp_path / f"reference{suffix}")
    assert_same_table(read_table(out), read_table(reference))


def test_bad_files_are_named_and_the_rest_extracted(tmp_path, bad_files, seed_rows):
    out = tmp_path / "table.csv"
    inputs = [SEED_FILES[0], bad_files["empty"], bad_files["binary"], SEED_FILES[1],
              bad_files["no such file"], bad_files["docx"], *SEED_FILES[2:]]
    status, stderr = run_cli(*inputs, "--out", out)
    assert status == cli.EXIT_FILES_FAILED
    for reason, path in bad_files.items():
        failure = next((line for line in stderr.splitlines() if str(path) in line and "failed" in line), "")
        assert reason in failure.lower(), stderr
    assert not any(str(p) in line for p in SEED_FILES for line in stderr.splitlines() if "failed:" in line)
    table = read_table(out)
    assert list(table["doc_id"].unique()) == [p.stem for p in SEED_FILES if extract_file(p).rows]
    assert len(table) == len(seed_rows)
    assert f"{len(SEED_FILES) + len(bad_files)} files, {len(seed_rows)} rows, {len(bad_files)} failed" in stderr


def test_a_file_named_twice_is_extracted_once(tmp_path):
    out = tmp_path / "table.csv"
    status, stderr = run_cli(SEEDS, SEED_FILES[0], "--out", out)
    assert status == cli.EXIT_OK
    assert f"{len(SEED_FILES)} files" in stderr


def test_warnings_go_to_stderr_without_failing(tmp_path):
    nowhere = tmp_path / "nowhere.txt"
    nowhere.write_text("全年培训党员干部1200人次。\n", encoding="utf-8")
    status, stderr = run_cli(nowhere, "--out", tmp_path / "t.csv")
    assert status == cli.EXIT_OK
    assert "warning:" in stderr and "nowhere.txt" in stderr
    status, stderr = run_cli(nowhere, "--out", tmp_path / "t.csv", "--quiet")
    assert status == cli.EXIT_OK and "warning:" not in stderr


@pytest.mark.parametrize("args, message", [
    (["--out", "table.xlsx"], "unsupported table format '.xlsx'"),
    (["--out", "table"], "unsupported table format"),
    (["--out", "table.csv", "--scheduler", "tcp://host:8786"], "--engine dask"),
    (["--out", "table.csv", "--workers", "-2"], "--workers"),
    (["--out", "table.csv", "--timeout", "-1"], "--timeout must be 0 (no limit) or more"),
])
def test_usage_errors_exit_2_and_write_nothing(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    status, stderr = run_cli(SEEDS, *args)
    assert status == cli.EXIT_USAGE
    assert message in stderr
    assert list(tmp_path.iterdir()) == []


def test_no_inputs_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--out", "table.csv"])
    assert stop.value.code == cli.EXIT_USAGE


def test_a_folder_without_documents_is_a_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    status, stderr = run_cli(tmp_path / "empty", "--out", tmp_path / "t.csv")
    assert status == cli.EXIT_USAGE and "no documents" in stderr
    assert not (tmp_path / "t.csv").exists()


class CrashingWriter(TableWriter):
    """Writes one row at a time to its temporary file, then fails on the second document."""
    partial_bytes = 0

    def __init__(self, path):
        super().__init__(path, batch_rows=1)
        self.calls = 0

    def write(self, rows):
        super().write(rows)
        self.calls += 1
        if self.calls == 2:
            CrashingWriter.partial_bytes = self._tmp.stat().st_size
            raise self.error


@pytest.mark.parametrize("error, status", [
    (RuntimeError("disk on fire"), None),                # an unexpected error surfaces
    (OSError(28, "No space left on device"), cli.EXIT_NOT_WRITTEN),
    (KeyboardInterrupt(), cli.EXIT_INTERRUPTED),
])
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_failed_run_leaves_the_old_table_and_no_temp_file(tmp_path, monkeypatch, error, status, suffix):
    out = tmp_path / f"table{suffix}"
    out.write_bytes(b"the old table")
    monkeypatch.setattr(CrashingWriter, "error", error, raising=False)
    monkeypatch.setattr(cli, "TableWriter", CrashingWriter)
    if status is None:
        with pytest.raises(type(error)):
            run_cli(SEEDS, "--out", out)
    else:
        assert run_cli(SEEDS, "--out", out)[0] == status
    assert CrashingWriter.partial_bytes > 0          # something had been written before the crash
    assert out.read_bytes() == b"the old table"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_python_dash_m_extract_with_two_workers(tmp_path, seed_rows):
    out = tmp_path / "table.parquet"
    done = subprocess.run([sys.executable, "-m", "extract", str(SEEDS), "--out", str(out), "--workers", "2"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"{len(SEED_FILES)} files, {len(seed_rows)} rows, 0 failed" in done.stderr
    assert len(read_table(out)) == len(seed_rows)


def test_a_document_the_extraction_trips_on_is_reported_and_the_rest_extracted(tmp_path, monkeypatch, capsys):
    from extract import pipeline

    real = pipeline.mentions_with_sentences

    def trip_on_one(text):
        if "蓬江" in text[:20]:
            raise RuntimeError("simulated bug")
        return real(text)

    monkeypatch.setattr(pipeline, "mentions_with_sentences", trip_on_one)
    out = tmp_path / "table.csv"
    status = cli.main([str(p) for p in SEED_FILES] + ["--out", str(out), "--quiet"])
    assert status == 1
    err = capsys.readouterr().err
    assert "003_c80e7640dadc126c.txt: extraction failed (RuntimeError: simulated bug)" in err
    table = read_table(out)
    assert set(table["doc_id"]) == {p.stem for p in SEED_FILES} - {"003_c80e7640dadc126c"}


REPORT = ["汽开区党的建设工作会议", "全区培训干部1.2万余人次，建成人才公寓7430套。"]


def test_good_and_bad_files_of_every_format(tmp_path, capsys):
    from tests.document_files import write_docx, write_html, write_pdf

    good = [
        tmp_path / "utf8.txt", tmp_path / "gbk.txt",
        write_html(tmp_path / "page.html", REPORT, encoding="gbk"),
        write_docx(tmp_path / "word.docx", REPORT),
        write_pdf(tmp_path / "scan_with_text.pdf", [REPORT]),
    ]
    good[0].write_text("\n".join(REPORT), encoding="utf-8")
    good[1].write_bytes("\n".join(REPORT).encode("gbk"))
    bad = {"empty.txt": b"", "binary.txt": bytes(range(256)) * 4, "empty.html": b"",
           "truncated.docx": b"PK\x03\x04 cut short", "corrupt.pdf": b"%PDF-1.4 not really"}
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    out = tmp_path / "table.csv"
    status = cli.main([str(tmp_path), "--out", str(out), "--quiet"])
    assert status == 1
    err = capsys.readouterr().err
    for name in bad:
        assert f"{tmp_path / name}: " in err, name
    table = read_table(out)
    for path in good:
        rows = table[table["doc_id"] == path.stem]
        assert {"1.2万余人次", "7430套"} <= set(rows["text"]), path.name
        assert "999人" not in set(rows["text"]) and "88个" not in set(rows["text"])  # page furniture


def test_files_that_share_a_doc_id_are_warned_about(tmp_path, capsys):
    for suffix in (".txt", ".html"):
        (tmp_path / f"report{suffix}").write_text("\n".join(REPORT), encoding="utf-8")
    status = cli.main([str(tmp_path), "--out", str(tmp_path / "table.csv"), "--quiet"])
    assert status == 0
    assert "2 files share the doc_id 'report'" in capsys.readouterr().err


def extract_with(function, monkeypatch) -> None:
    """Make the CLI's engines run `function` instead of `extract_file` (it must be importable by name)."""
    import functools

    from extract.run import engines

    monkeypatch.setattr(cli, "extract_paths", functools.partial(engines.extract_paths, function=function))


def test_a_document_that_kills_its_worker_or_runs_too_long_fails_alone(tmp_path, monkeypatch, seed_rows):
    from tests.extract.misbehaving_documents import misbehave

    extract_with(misbehave, monkeypatch)
    for stem in ("killed", "sleeps"):      # good reports, under the names misbehave acts on
        (tmp_path / f"{stem}.txt").write_bytes(SEED_FILES[0].read_bytes())
    out = tmp_path / "table.csv"
    status, stderr = run_cli(*SEED_FILES, tmp_path, "--out", out, "--workers", "2", "--timeout", "2")
    assert status == cli.EXIT_FILES_FAILED
    failures = [line for line in stderr.splitlines() if line.startswith("failed:")]
    assert failures == [
        f"failed: {tmp_path / 'killed.txt'}: the worker process extracting it died (killed by SIGKILL), "
        "also when retried alone; skipped",
        f"failed: {tmp_path / 'sleeps.txt'}: took longer than the time limit of 2 s per document "
        "(--timeout); skipped",
    ]
    assert f"{len(SEED_FILES) + 2} files, {len(seed_rows)} rows, 2 failed" in stderr
    assert_same_table(read_table(out), rows_to_frame(seed_rows))


def test_workers_that_keep_dying_stop_the_run_and_leave_the_old_table(tmp_path, monkeypatch):
    from extract.run import pools
    from tests.extract.misbehaving_documents import always_exit

    extract_with(always_exit, monkeypatch)
    monkeypatch.setattr(pools, "MAX_FRUITLESS_BREAKS", 2)   # two windows of batches are enough
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(80):
        (folder / f"{i}.txt").write_bytes(SEED_FILES[0].read_bytes())
    out = tmp_path / "table.csv"
    out.write_bytes(b"the old table")
    status, stderr = run_cli(folder, "--out", out, "--workers", "2", "--quiet")
    assert status == cli.EXIT_NOT_WRITTEN
    assert f"{out} not written: worker processes died 2 times in a row" in stderr
    assert out.read_bytes() == b"the old table"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "table.csv"]


@pytest.mark.parametrize("args, warned", [
    (["--engine", "dask", "--scheduler", "threads", "--timeout", "60"], True),
    (["--engine", "dask", "--scheduler", "threads"], False),              # the default is not a request
    (["--engine", "dask", "--scheduler", "threads", "--timeout", "60", "--quiet"], False),
    (["--engine", "dask", "--scheduler", "sync", "--timeout", "60"], False),
    (["--timeout", "60"], False),
])
def test_a_time_limit_that_cannot_apply_is_warned_about(tmp_path, args, warned):
    status, stderr = run_cli(SEED_FILES[0], "--out", tmp_path / "t.csv", *args)
    assert status == cli.EXIT_OK, stderr
    assert ("--timeout is not applied" in stderr) == warned


# What a run imports: a .txt report into CSV or JSON Lines needs neither pandas nor the
# readers of other formats (their imports cost most of a one-report run's start-up).
IMPORTED_MODULES = """
import sys
from extract.cli import main
status = main(sys.argv[1:])
heavy = ("pandas", "pyarrow", "trafilatura", "docx", "pypdfium2")
print(",".join(name for name in heavy if name in sys.modules) or "none")
sys.exit(status)
"""


@pytest.mark.parametrize("suffix, expected", [
    (".csv", "none"), (".jsonl", "none"), (".parquet", "pandas,pyarrow"),
])
def test_a_run_imports_only_what_its_formats_need(tmp_path, suffix, expected):
    done = subprocess.run([sys.executable, "-c", IMPORTED_MODULES, str(SEED_FILES[0]),
                           "--out", str(tmp_path / f"t{suffix}"), "--quiet"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected


def test_an_html_report_brings_in_its_reader(tmp_path):
    page = tmp_path / "report.html"
    page.write_text("<html><body><p>" + "".join(REPORT) + "</p></body></html>", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", IMPORTED_MODULES, str(page), "--out", str(tmp_path / "t.csv"),
                           "--quiet"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "trafilatura"


@pytest.mark.parametrize("value, expected", [("auto", "auto"), ("AUTO", "auto"), ("3", 3), ("0", 0)])
def test_workers_takes_a_number_or_auto(value, expected):
    assert cli.workers_argument(value) == expected


def test_workers_auto_runs_a_small_input_in_this_process(tmp_path, monkeypatch):
    from extract.run import engines

    started = []
    monkeypatch.setattr(engines, "_run_pool", lambda *a, **k: started.append("pool") or iter(()))
    out = tmp_path / "t.csv"
    status, _ = run_cli(*SEED_FILES, "--out", out, "--workers", "auto")
    assert status == cli.EXIT_OK and started == []
    assert_same_table(read_table(out), read_table(write_table(rows_to_frame(
        [row for path in SEED_FILES for row in extract_file(path).rows]), tmp_path / "whole.csv")))
