"""Lines, paragraphs and sentences of a document as character ranges."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_BLANK = re.compile(r"\n[ \t\u00a0]*\n\s*")
BULLET = re.compile(r"\s*(?:[•\-*–]|\d+[.)])\s*")


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


class Layout:
    """Lines, paragraphs and sentences of one text, computed once, looked up by offset
    (a component that asked ``doc.text`` or ``token.sent`` per figure would be quadratic)."""

    def __init__(self, text: str, sentences: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.lines = lines(text)
        self.paragraphs = paragraphs(text)
        self.sentences = sentences or [(0, len(text))]
        self._starts = {id(spans): [s for s, _ in spans] for spans in (self.lines, self.paragraphs, self.sentences)}
        self._heading_of: list[int] | None = None

    def _index(self, spans: list[tuple[int, int]], offset: int) -> int:
        """Index of the last span starting at or before ``offset`` (-1 if none)."""
        return bisect_right(self._starts[id(spans)], offset) - 1

    def line(self, offset: int) -> tuple[int, int] | None:
        i = self._index(self.lines, offset)
        return self.lines[i] if i >= 0 and offset <= self.lines[i][1] else None

    def paragraph(self, offset: int) -> tuple[int, int] | None:
        i = self._index(self.paragraphs, offset)
        return self.paragraphs[i] if i >= 0 and offset <= self.paragraphs[i][1] else None

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (the last one that starts at or before it)."""
        return self.sentences[max(0, self._index(self.sentences, offset))]

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        i = self._index(self.sentences, offset) - 1
        return self.sentences[i] if i >= 0 else None

    def bullet_line(self, offset: int) -> tuple[int, int] | None:
        """The line holding ``offset`` when it is a bullet ('  • Label: figure')."""
        line = self.line(offset)
        return line if line is not None and BULLET.match(self.text, line[0], line[1]) else None

    def bullet_heading(self, offset: int) -> tuple[int, int] | None:
        """For a figure on a bullet line, the heading line the list sits under."""
        line = self.bullet_line(offset)
        if line is None:
            return None
        k = self._headings()[self._index(self.lines, line[0])]
        return self.lines[k] if k >= 0 else None

    def _headings(self) -> list[int]:
        """Per line, the index of the last line before it that is neither blank nor a bullet
        (-1 when there is none); found in one pass, on first use."""
        if self._heading_of is None:
            self._heading_of, last = [], -1
            for k, (start, end) in enumerate(self.lines):
                self._heading_of.append(last)
                if self.text[start:end].strip() and not BULLET.match(self.text, start, end):
                    last = k
        return self._heading_of


def clause(text: str, s_start: int, s_end: int, start: int, end: int, breaks: re.Pattern[str],
           shelter: re.Pattern[str] | None = None) -> tuple[int, int]:
    """The part of the sentence [s_start, s_end) between the ``breaks`` around [start, end);
    a break that starts inside a match of ``shelter`` (brackets: '1bn euros ($1.3bn; £690m)')
    divides nothing. The breaks of a sentence are found once for all its figures (see ``_breaks``)."""
    starts, ends = _breaks(text, s_start, s_end, breaks, shelter)
    k = bisect_right(ends, start)  # the breaks that end by the figure's start: the last one opens the clause
    c_start = ends[k - 1] if k else s_start
    k = bisect_left(starts, end)  # the first break from the figure's end on (and after its start) closes it
    while k < len(starts) and ends[k] <= start:
        k += 1
    return c_start, starts[k] if k < len(starts) else s_end


Breaks = tuple[list[int], list[int]]
_found: dict[tuple[re.Pattern[str], re.Pattern[str] | None], tuple[str, dict[tuple[int, int], Breaks]]] = {}


def _breaks(text: str, s_start: int, s_end: int, breaks: re.Pattern[str], shelter: re.Pattern[str] | None) -> Breaks:
    """Starts and ends of ``breaks.finditer(text, s_start, s_end)`` outside the ``shelter``
    matches, kept for the last text each pair of patterns was used on (a sentence of many
    figures would be scanned once per figure)."""
    key = (breaks, shelter)
    kept = _found.get(key)
    if kept is None or kept[0] is not text:
        kept = _found[key] = (text, {})
    table = kept[1]
    if (s_start, s_end) not in table:
        spans = [m.span() for m in breaks.finditer(text, s_start, s_end)]
        if shelter is not None and spans:
            sheltered = [m.span() for m in shelter.finditer(text, s_start, s_end)]
            spans = [s for s in spans if not _within(sheltered, s[0])]
        table[(s_start, s_end)] = [a for a, _ in spans], [b for _, b in spans]
    return table[(s_start, s_end)]


def _within(spans: list[tuple[int, int]], offset: int) -> bool:
    """``offset`` lies in one of the sorted, disjoint ``spans``."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
