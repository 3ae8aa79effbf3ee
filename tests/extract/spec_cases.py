"""Load the YAML case tables in tests/extract/specs/ as pytest params with readable ids."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

SPEC_DIR = Path(__file__).with_name("specs")


def spec_params(file_name: str) -> list:
    """Every case of every group in a spec file, as pytest.param(case, id="group: text")."""
    groups = yaml.safe_load((SPEC_DIR / file_name).read_text(encoding="utf-8"))
    params = []
    for group, cases in groups.items():
        for case in cases:
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
            params.append(pytest.param(case, id=f"{group}: {case['text']}", marks=marks))
    return params
