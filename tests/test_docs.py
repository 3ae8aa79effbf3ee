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


def test_the_console_script_is_the_cli_and_the_setup_installs_it():
    import importlib
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    module, function = project["project"]["scripts"]["orgwork-extract"].split(":")
    assert getattr(importlib.import_module(module), function) is importlib.import_module("extract.cli").main
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"pip install .*-e \.$", makefile, re.MULTILINE)
    assert ".venv/bin/orgwork-extract data/raw --out out/" in README


def test_the_readme_says_how_to_change_the_port_and_that_make_test_uses_apt():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make dashboard PORT=8502" in README and "--server.port $(PORT)" in makefile
    assert "apt-get" in README and "sudo" in README


def test_readme_commands_write_no_table_into_the_repository_root():
    commands = [line for line in README.splitlines() if "--out " in line]
    assert commands
    for line in commands:
        target = line.split("--out ")[1].split()[0]
        assert "/" in target, line        # into out/ or data/, never beside the README
