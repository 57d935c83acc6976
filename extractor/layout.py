"""Lines, paragraphs and sentences of a document as character ranges."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from . import textmatch
from .ruleset import BreakSet, clause_rules

try:
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants, sre_parse  # type: ignore[no-redef]

_BLANK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_BULLET_MARK = r"(?:[•\-*–]|\d+[.)])"
BULLET = re.compile(rf"\s*{_BULLET_MARK}\s*")  # used with match(line start, line end)
_ANY_BULLET = re.compile(rf"^[^\S\n]*{_BULLET_MARK}", re.MULTILINE)  # some line of the text is a bullet


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


@lru_cache(maxsize=256)
def anchored_at_lines(rx: re.Pattern[str]) -> bool:
    """Every match of ``rx`` starts a line: it opens with ``^`` in MULTILINE mode, outside
    any group or alternation."""
    if not rx.flags & re.MULTILINE:
        return False
    items = sre_parse.parse(rx.pattern, rx.flags).data
    return bool(items) and items[0] == (sre_constants.AT, sre_constants.AT_BEGINNING)


LINE_TRIES_PAY = 32  # a try at a line start costs about as much as a scan over this many characters


@lru_cache(maxsize=256)
def space_led(rx: re.Pattern[str]) -> bool:
    """``rx`` is ``^\\s*`` then something that cannot start with a space: a try at a line start
    fails like the try at an earlier line start when only spaces stand between them (the
    spaces lead both to the same place)."""
    items = sre_parse.parse(rx.pattern, rx.flags).data
    return anchored_at_lines(rx) and len(items) > 2 and _spaces(items[1]) and _opens_without_space(items[2])


def _spaces(item: tuple[object, object]) -> bool:
    """The parsed regex item is ``\\s*``."""
    op, av = item
    c = sre_constants
    return (op is c.MAX_REPEAT and av[0] == 0 and av[1] is c.MAXREPEAT  # type: ignore[index]
            and list(av[2]) == [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])])  # type: ignore[index]


def _opens_without_space(item: tuple[object, object]) -> bool:
    """The parsed regex item can match only from a character that is not a space."""
    op, av = item
    c = sre_constants
    if op is c.LITERAL:
        return not chr(av).isspace()  # type: ignore[arg-type]
    if op is c.IN:
        return all((o is c.LITERAL and not chr(a).isspace()) or (o is c.CATEGORY and a is c.CATEGORY_DIGIT)
                   or (o is c.RANGE and a[1] - a[0] < 1024 and not any(chr(x).isspace() for x in range(a[0], a[1] + 1)))
                   for o, a in av)  # type: ignore[union-attr]
    if op is c.BRANCH:
        return all(alt and _opens_without_space(alt[0]) for alt in av[1])  # type: ignore[index]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
        return bool(av[2]) and _opens_without_space(av[2][0])  # type: ignore[index]
    if op is c.SUBPATTERN:
        return bool(av[3]) and _opens_without_space(av[3][0])  # type: ignore[index]
    return False


def line_finditer(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterable[re.Match[str]]:
    """``rx.finditer(text)``; when every match starts a line (``anchored_at_lines``) and the
    lines are long, or the pattern is ``space_led`` (finditer would scan a run of blank lines
    once from each of them), the pattern is tried only at the line starts ``starts`` (in
    order), and a space-led one not again on the blank lines after a failed try."""
    lead = space_led(rx)
    if not anchored_at_lines(rx) or (not lead and len(text) <= LINE_TRIES_PAY * len(starts)):
        return rx.finditer(text)
    found: list[re.Match[str]] = []
    pos, prev, failed = 0, 0, False  # failed: the last try failed and only spaces follow its start
    for start in starts:
        if start < pos or (failed and text[prev:start].isspace()):
            prev = start
            continue
        prev = start
        m = rx.match(text, start)
        failed = m is None and lead
        if m is not None:
            if m.end() == start:  # after an empty match finditer's own rules apply
                return rx.finditer(text)
            found.append(m)
            pos = m.end()
    return found


class Layout:
    """Lines, paragraphs and sentences of one text, computed once, looked up by offset
    (a component that asked ``doc.text`` or ``token.sent`` per figure would be quadratic)."""

    def __init__(self, text: str, sentences: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.lines = lines(text)
        self.paragraphs = paragraphs(text)
        self.sentences = sentences or [(0, len(text))]
        # the starts of each kind of span: a span holding an offset is found by bisection
        self._line_starts = [s for s, _ in self.lines]
        self._paragraph_starts = [s for s, _ in self.paragraphs]
        self._sentence_starts = [s for s, _ in self.sentences]
        self._heading_of: list[int] | None = None

    def line(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self._line_starts, offset) - 1
        return self.lines[i] if i >= 0 and offset <= self.lines[i][1] else None

    def paragraph(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self._paragraph_starts, offset) - 1
        return self.paragraphs[i] if i >= 0 and offset <= self.paragraphs[i][1] else None

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence holding ``offset`` (the last one that starts at or before it)."""
        return self.sentences[max(0, bisect_right(self._sentence_starts, offset) - 1)]

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        i = bisect_right(self._sentence_starts, offset) - 2
        return self.sentences[i] if i >= 0 else None

    @cached_property
    def has_bullets(self) -> bool:
        """Some line of the text is a bullet (most texts have none: no figure's line need be tried)."""
        return _ANY_BULLET.search(self.text) is not None

    def bullet_line(self, offset: int) -> tuple[int, int] | None:
        """The line holding ``offset`` when it is a bullet ('  • Label: figure')."""
        if not self.has_bullets:
            return None
        line = self.line(offset)
        return line if line is not None and BULLET.match(self.text, line[0], line[1]) else None

    def bullet_heading(self, offset: int) -> tuple[int, int] | None:
        """For a figure on a bullet line, the heading line the list sits under."""
        line = self.bullet_line(offset)
        if line is None:
            return None
        k = self._headings()[bisect_right(self._line_starts, line[0]) - 1]
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


BRACKETED = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Breaks:
    """One named set of clause breaks of ``rules/clauses.json``, compiled."""

    regex: re.Pattern[str]
    inside_brackets: bool = True  # False: a break inside round brackets divides nothing

    @cached_property
    def _hash(self) -> int:
        return hash((self.regex, self.inside_brackets))

    def __hash__(self) -> int:  # once: hashing a compiled regex hashes all its code, and ``clause`` asks per figure
        return self._hash


def clause_breaks(name: str, directory: str | Path | None = None) -> Breaks:
    """The clause breaks called ``name`` ('subject', 'metric', 'period', 'cue_window')."""
    return _compiled(getattr(clause_rules(directory).breaks, name))


def relative_openers(directory: str | Path | None = None) -> Breaks:
    """Where a relative clause opens (``rules/clauses.json`` relative_openers), compiled."""
    return _compiled(clause_rules(directory).relative_openers)


def _compiled(found: BreakSet) -> Breaks:
    return Breaks(re.compile(textmatch.union(found.patterns), re.I if found.ignore_case else 0), found.inside_brackets)


def clause(text: str, s_start: int, s_end: int, start: int, end: int, breaks: Breaks) -> tuple[int, int]:
    """The part of the sentence [s_start, s_end) between the ``breaks`` around [start, end).
    The breaks of a sentence are found once for all its figures (see ``_breaks``)."""
    starts, ends = _breaks(text, s_start, s_end, breaks)
    k = bisect_right(ends, start)  # the breaks that end by the figure's start: the last one opens the clause
    c_start = ends[k - 1] if k else s_start
    k = bisect_left(starts, end)  # the first break from the figure's end on (and after its start) closes it
    while k < len(starts) and ends[k] <= start:
        k += 1
    return c_start, starts[k] if k < len(starts) else s_end


Bounds = tuple[list[int], list[int]]  # starts and ends in one sentence
_found: dict[Breaks, tuple[str, dict[tuple[int, int], Bounds]]] = {}  # per set of breaks: the last text, by sentence
_closes: dict[Breaks, tuple[str, dict[tuple[int, int], Bounds]]] = {}  # per set of openers: its islands


def _per_sentence(store: dict[Breaks, tuple[str, dict[tuple[int, int], Bounds]]], breaks: Breaks, text: str,
                  sentence: tuple[int, int], make: Callable[[], Bounds]) -> Bounds:
    """``make()`` for a sentence, kept for the last text each set was used on (a sentence of many
    figures would be scanned once per figure)."""
    kept = store.get(breaks)
    if kept is None or kept[0] is not text:
        kept = store[breaks] = (text, {})
    if sentence not in kept[1]:
        kept[1][sentence] = make()
    return kept[1][sentence]


ISLAND_CLOSE = re.compile(r",(?!\d)")  # the comma that closes a relative clause: not one inside '$20,000'


def island(text: str, s_start: int, s_end: int, pos: int, openers: Breaks) -> tuple[int, int] | None:
    """The relative clause of the sentence that ``pos`` stands in (', which made $5m,'): from
    its opener to the next comma (not one of a number), or the sentence end."""
    starts, closes = _islands(text, s_start, s_end, openers)
    k = bisect_right(starts, pos) - 1
    return (starts[k], closes[k]) if k >= 0 and pos < closes[k] else None


def _islands(text: str, s_start: int, s_end: int, openers: Breaks) -> Bounds:
    """Where the relative clauses of a sentence start and end, found once per sentence (the
    islands do not overlap: one that opens inside another is part of it)."""
    def make() -> Bounds:
        starts, ends = _breaks(text, s_start, s_end, openers)
        spans: list[tuple[int, int]] = []
        for start, end in zip(starts, ends):
            if spans and start < spans[-1][1]:
                continue
            close = ISLAND_CLOSE.search(text, end, s_end)
            spans.append((start, close.start() if close else s_end))
        return [a for a, _ in spans], [b for _, b in spans]
    return _per_sentence(_closes, openers, text, (s_start, s_end), make)


def _breaks(text: str, s_start: int, s_end: int, breaks: Breaks) -> Bounds:
    """Starts and ends of the breaks in ``text[s_start:s_end]``, found once per sentence."""
    def make() -> Bounds:
        spans = [m.span() for m in breaks.regex.finditer(text, s_start, s_end)]
        if not breaks.inside_brackets and text.find("(", s_start, s_end) >= 0:
            spans = _outside(spans, [m.span() for m in BRACKETED.finditer(text, s_start, s_end)])
        return [a for a, _ in spans], [b for _, b in spans]
    return _per_sentence(_found, breaks, text, (s_start, s_end), make)


def _outside(spans: list[tuple[int, int]], brackets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that do not start inside one of ``brackets`` (both sorted, not overlapping)."""
    kept, k = [], 0
    for span in spans:
        while k < len(brackets) and brackets[k][1] <= span[0]:
            k += 1
        if not (k < len(brackets) and brackets[k][0] <= span[0]):
            kept.append(span)
    return kept
