"""The examples in module docstrings run as tests."""
from __future__ import annotations

import doctest

import pytest

import extract
from extract.attribute import dates
from extract.find import numerals

MODULES = [extract, dates, numerals]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
