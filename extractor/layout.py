"""Lines and paragraphs of a document as character ranges."""
from __future__ import annotations

import re
from bisect import bisect_right

_BLANK = re.compile(r"\n[ \t\u00a0]*\n\s*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines, stripped."""
    spans, pos = [], 0
    for m in _BLANK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its line break."""
    spans, pos = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def containing(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span of a sorted list that holds ``offset``."""
    i = bisect_right([s for s, _ in spans], offset) - 1
    if i >= 0 and spans[i][0] <= offset <= spans[i][1]:
        return spans[i]
    return None
