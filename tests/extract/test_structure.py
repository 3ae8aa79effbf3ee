"""Where a report's head ends and its foot begins: shared by date and region detection."""
from __future__ import annotations

import pytest

from extract.structure import head_end, tail_start

TEXT = "标题\n\n作者 张伟\n正文第一段。\n正文第二段。\n\n（责编：李明）\n2023年1月5日\n"


@pytest.mark.parametrize("lines,chars,expected", [
    (1, 600, "标题\n"), (2, 600, "标题\n\n作者 张伟\n"), (2, 4, "标题\n\n"), (99, 600, TEXT),
], ids=["one line", "blank lines skipped", "capped by chars", "short text"])
def test_head_end(lines, chars, expected):
    assert TEXT[:head_end(TEXT, lines, chars)] == expected


@pytest.mark.parametrize("lines,expected", [
    (1, "2023年1月5日\n"), (2, "（责编：李明）\n2023年1月5日\n"), (3, "正文第二段。\n\n（责编：李明）\n2023年1月5日\n"),
    (99, TEXT),
], ids=["last line", "two lines", "blank line skipped", "short text"])
def test_tail_start(lines, expected):
    assert TEXT[tail_start(TEXT, lines):] == expected
