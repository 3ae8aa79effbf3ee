"""The table of a fixed corpus is byte-identical to its snapshot (see tests/table_snapshot.py).

A speed change must pass this unchanged; a change meant to alter the table regenerates the
snapshot in the same commit (`python -m tests.table_snapshot --update`), so the diff shows it.
"""
import json

import pytest

from tests import table_snapshot


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return table_snapshot.write_corpus(tmp_path_factory.mktemp("snapshot") / "corpus")


def first_difference(actual: list[str], expected: list[str]) -> str:
    for number, (got, want) in enumerate(zip(actual, expected), start=1):
        if got != want:
            got_row, want_row = json.loads(got), json.loads(want)
            changed = {key: (want_row.get(key), got_row.get(key))
                       for key in sorted(set(got_row) | set(want_row)) if got_row.get(key) != want_row.get(key)}
            return f"row {number} ({want_row.get('doc_id')}): (snapshot, now) = {changed}"
    return f"{len(expected)} rows in the snapshot, {len(actual)} now"


@pytest.mark.parametrize("workers", [1, 2], ids=["one process", "two workers"])
def test_table_is_byte_identical_to_the_snapshot(corpus, workers):
    actual = table_snapshot.extract_table(corpus, workers=workers)
    expected = table_snapshot.read_snapshot()
    assert actual == expected, first_difference(actual, expected)


def test_the_snapshot_covers_many_documents_and_localities():
    rows = [json.loads(line) for line in table_snapshot.read_snapshot()]
    assert len({row["doc_id"] for row in rows}) >= 50
    assert len({row["region"] for row in rows}) >= 30
