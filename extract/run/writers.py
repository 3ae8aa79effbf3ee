"""Write the tidy table as it is extracted, in batches, so memory does not grow with the corpus.

`write_table` (table.py) writes a whole frame; `TableWriter` writes the same
file, byte for byte, from a stream of rows: CSV and JSON Lines as text the rows
were encoded to (`encoding`: in the pool's workers, or here; no pandas), Parquet
one row group per batch, built column by column as Arrow arrays (no frame), with
the repetitive columns dictionary-encoded (they read back as categoricals;
pyarrow, and pandas for the schema's metadata, are imported for Parquet only). Like `write_table` it writes a temporary file beside the
target and renames it over the target only when complete, so a run that fails
leaves an existing table untouched and no temporary file behind.

A run killed with SIGKILL cannot remove its temporary file; the temporary
file's name carries the host and process id that wrote it, so the next run to
the same target removes those whose process is gone (`remove_stale_parts`).
"""
from __future__ import annotations

import glob
import os
import re
import socket
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable

from ..table import CATEGORY_COLUMNS, FORMATS
from .encoding import ENCODERS, EncodedRows, csv_header, typed_row
from .pools import process_runs

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

BATCH_ROWS = 10_000   # rows held before a batch (a Parquet row group) is written: ~70 MB at most
# Temporary files of an older naming (no process id) are removed once this old.
STALE_UNOWNED_SECONDS = 24 * 3600


class UnsupportedFormat(ValueError):
    """The output's suffix is not one of the table formats."""


def check_format(path: str | os.PathLike) -> str:
    """The table format named by the suffix, or UnsupportedFormat.

    >>> check_format("table.Parquet")
    '.parquet'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedFormat(f"{path}: unsupported table format {suffix or '(no suffix)'!r} "
                                f"(use one of {', '.join(FORMATS)})")
    return suffix


class TableWriter:
    """Stream rows into a table file; use as a context manager.

        with TableWriter("table.parquet") as writer:
            for result in results:
                writer.write(result.rows)

    Leaving the block normally publishes the file; leaving it with an exception
    deletes the temporary file and leaves any existing table as it was.
    """

    def __init__(self, path: str | os.PathLike, batch_rows: int = BATCH_ROWS):
        self.path = Path(path)
        self.suffix = check_format(self.path)
        self.batch_rows = batch_rows
        self.rows_written = 0
        self._pending: list[dict] = []      # Parquet rows not yet in a row group
        self._encode = ENCODERS.get(self.suffix)
        self._unflushed = 0                 # CSV/JSONL rows written since the file was last flushed
        self._tmp: Path | None = None
        self._handle: IO | None = None
        self._parquet: pq.ParquetWriter | None = None

    def __enter__(self) -> "TableWriter":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(self.path)
        handle, name = tempfile.mkstemp(prefix=f"{part_prefix(self.path)}{_owner()}.", suffix=".part",
                                        dir=self.path.parent)
        os.close(handle)
        self._tmp = Path(name)
        try:
            self._open()
        except BaseException:
            self._discard()
            raise
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        if exc_type is not None:
            self._discard()
            return
        try:
            self._flush(final=True)
            self._close_sink()
            _publish(self._tmp, self.path)
        except BaseException:
            self._discard()
            raise

    def write(self, rows: Iterable[dict] | EncodedRows) -> None:
        """Append rows: dicts, or rows a worker encoded for this format (`encoding.encode_rows`)."""
        if self._encode is None:
            self._pending.extend(rows)
            if len(self._pending) >= self.batch_rows:
                self._flush()
            return
        if isinstance(rows, EncodedRows):
            if rows.suffix != self.suffix:
                raise ValueError(f"rows encoded as {rows.suffix} cannot go into {self.path}")
            text, count = rows.text, rows.count
        else:
            rows = list(rows)
            text, count = (self._encode(rows) if rows else ""), len(rows)
        self._handle.write(text)
        self.rows_written += count
        self._unflushed += count
        if self._unflushed >= self.batch_rows:   # a batch reaches the file, as with Parquet's row groups
            self._handle.flush()
            self._unflushed = 0

    # -- one sink per format -------------------------------------------------

    def _open(self) -> None:
        if self.suffix == ".parquet":
            import pyarrow.parquet as pq

            self._parquet = pq.ParquetWriter(self._tmp, parquet_schema())
        else:
            # BOM on CSV, as write_table: Excel then opens the Chinese correctly.
            encoding = "utf-8-sig" if self.suffix == ".csv" else "utf-8"
            # newline="": the encoded text holds its own line ends (os.linesep, as pandas wrote).
            self._handle = open(self._tmp, "w", encoding=encoding, newline="", buffering=1 << 20)
            if self.suffix == ".csv":
                self._handle.write(csv_header())

    def _flush(self, final: bool = False) -> None:
        if not self._pending:
            return
        self._parquet.write_table(arrow_batch(self._pending))
        self.rows_written += len(self._pending)
        self._pending = []

    def _close_sink(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        if self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()

    def _discard(self) -> None:
        try:
            self._close_sink()
        except Exception:   # the run has already failed; the error that matters is that one
            pass
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)


def part_prefix(path: Path) -> str:
    """How the temporary files of a target's writers begin: hidden, beside the target."""
    return f".{path.name}."


def _host() -> str:
    return socket.gethostname().replace(".", "_")     # no dots: they separate the name's parts


def _owner() -> str:
    return f"{_host()}-{os.getpid()}"


def remove_stale_parts(path: Path) -> list[Path]:
    """Remove the temporary files of `path` that no running writer owns; return them.

    A file names its host and process: it is stale when that host is this one
    and no such process runs. A file of another host is left alone; one
    without an owner (written by an older version) only once it is a day old.
    """
    owner = re.compile(re.escape(part_prefix(path)) + r"(?P<host>[^.]+)-(?P<pid>\d+)\.[^.]+\.part$")
    removed = []
    for candidate in path.parent.glob(f"{glob.escape(part_prefix(path))}*.part"):
        match = owner.match(candidate.name)
        if match:
            stale = match["host"] == _host() and not process_runs(int(match["pid"]))
        else:
            stale = _age(candidate) > STALE_UNOWNED_SECONDS
        if stale:
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return removed


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


@lru_cache(maxsize=1)
def parquet_schema() -> pa.Schema:
    """The table's Arrow schema: its column types, repetitive columns dictionary-encoded.

    Fixed up front (not inferred per batch) so every row group has the same schema.
    """
    import pyarrow as pa

    from ..table import rows_to_frame, to_parquet_frame

    empty = pa.Schema.from_pandas(to_parquet_frame(rows_to_frame([])), preserve_index=False)
    fields = [pa.field(f.name, pa.dictionary(pa.int32(), pa.string())) if f.name in CATEGORY_COLUMNS
              else f for f in empty]
    return pa.schema(fields, metadata=empty.metadata)


def arrow_batch(rows: list[dict]) -> pa.Table:
    """Rows as one Arrow table (a Parquet row group), column by column, with no pandas frame between:
    the same table `parquet_batch(rows_to_frame(rows))` gives, dictionaries in order of first
    appearance as pandas' categoricals had them (tests/extract/run/test_writers.py compares the bytes)."""
    import pyarrow as pa

    schema = parquet_schema()
    columns = zip(*map(typed_row, rows))
    arrays = [pa.array(values, pa.string()).dictionary_encode().cast(field.type)
              if pa.types.is_dictionary(field.type) else pa.array(values, field.type)
              for field, values in zip(schema, columns)]
    return pa.Table.from_arrays(arrays, schema=schema)


def parquet_batch(frame) -> pa.Table:
    """A frame of the table (`table.rows_to_frame`) as an Arrow table of the Parquet schema."""
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False).cast(parquet_schema())


def _publish(tmp: Path, path: Path) -> None:
    """Rename the finished file over the target; it gets the usual permissions, not mkstemp's 0600."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)
