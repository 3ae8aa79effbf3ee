"""The README stays true: its commands exist, CI runs its test command, every column is documented."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from extract.table import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_two_commands_are_make_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("dashboard", "test"):
        assert f"make {target}" in README
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


def test_ci_runs_the_readme_test_command():
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.MULTILINE)


def test_every_table_column_is_documented():
    missing = [column for column in COLUMNS if f"`{column}`" not in README]
    assert missing == []


def test_cli_help_has_an_example():
    result = subprocess.run([sys.executable, "-m", "extract", "--help"], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    assert "Example" in result.stdout or "example" in result.stdout
    assert "--out" in result.stdout and "--workers" in result.stdout
