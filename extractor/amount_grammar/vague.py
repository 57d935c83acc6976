"""Vague amounts ("billions of dollars", "multi-million-pound") found without scanning the
whole text with each pattern: every match holds a scale word, so each pattern runs only
over the stretches of text around the scale words, with the same matches as a whole-text
``finditer``.

The stretches are the runs of text between separators: characters (a comma, a quote, a
colon...) that no part of any pattern can match. Read from the compiled pattern itself
(``re._parser``), so a pattern of the rules that does not fit is simply scanned whole:

- a match never holds a separator, so it lies inside one stretch, and it never is empty;
- a pattern has its ``scale`` group at its top level (in every match), a plain list of
  words: a stretch without one of them (in any case: ``lowered.Words``) holds no match;
- a pattern has no end-of-text assertion, and its look-aheads match no separator either:
  so at the end of a stretch (a separator, which is no word character, or the end of the
  text) the pattern sees what it would see in the whole text, and ``finditer`` with the
  stretch's bounds finds what the whole-text scan finds there.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from re import _constants as sre
from re import _parser
from re._casefix import _EXTRA_CASES

from .lowered import Lowered, Words

SEPARATORS = "!\"#%*+,/:;<=>?@[\\]^`{|}~'\u2018\u2019\u201c\u201d\u00ab\u00bb\u2026\u00b7\u2022\t\n\r"
"""Characters that may end a stretch: those no pattern can match. None has another case
(so IGNORECASE matches each as itself) and none is a word character."""

_CATEGORIES = {
    sre.CATEGORY_DIGIT: re.compile(r"\d"), sre.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    sre.CATEGORY_SPACE: re.compile(r"\s"), sre.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    sre.CATEGORY_WORD: re.compile(r"\w"), sre.CATEGORY_NOT_WORD: re.compile(r"\W"),
}
_ZERO_WIDTH = {sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY}
_NESTED = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


class Unfit(Exception):
    """The pattern holds something the stretch scan cannot vouch for."""


def _uncased(c: str) -> bool:
    extra = {v for vs in _EXTRA_CASES.values() for v in vs} | set(_EXTRA_CASES)
    return c.lower() == c == c.upper() and ord(c) not in extra and not re.match(r"\w", c)


def _set_matches(items: list, c: str) -> bool:
    """Does the character set ``items`` (an IN node) match ``c``?"""
    negate = bool(items) and items[0][0] is sre.NEGATE
    hit = False
    for op, av in items[1:] if negate else items:
        if op is sre.LITERAL:
            hit = hit or chr(av) == c
        elif op is sre.RANGE:
            hit = hit or av[0] <= ord(c) <= av[1]
        elif op is sre.CATEGORY and av in _CATEGORIES:
            hit = hit or bool(_CATEGORIES[av].match(c))
        else:
            raise Unfit(f"set item {op}")
    return hit != negate


@lru_cache(maxsize=None)
def _set_separators(items: tuple) -> frozenset[str]:
    """The separators the character set ``items`` matches (sets recur across patterns)."""
    return frozenset(c for c in SEPARATORS if _set_matches(list(items), c))


def _matched(nodes: list, found: set[str]) -> None:
    """Add to ``found`` every separator some part of ``nodes`` can match (look-arounds
    included); Unfit for what cannot be told (back-references, end-of-text assertions)."""
    for op, av in nodes:
        if op is sre.LITERAL:
            if chr(av) in SEPARATORS:
                found.add(chr(av))
        elif op is sre.IN:
            found.update(_set_separators(tuple(av)))
        elif op is sre.NOT_LITERAL or op is sre.ANY:
            found.update(c for c in SEPARATORS if op is sre.ANY or chr(av) != c)
        elif op is sre.AT:
            if av not in _ZERO_WIDTH:
                raise Unfit(f"assertion {av}")
        elif op is sre.SUBPATTERN:
            _matched(av[3], found)
        elif op is sre.BRANCH:
            for branch in av[1]:
                _matched(branch, found)
        elif op in _NESTED:
            _matched(av[2], found)
        elif op is sre.ASSERT or op is sre.ASSERT_NOT:
            _matched(av[1], found)
        elif op is sre.ATOMIC_GROUP:
            _matched(av, found)
        else:
            raise Unfit(f"node {op}")


def _words(nodes: list) -> list[str]:
    """The words of a group that is a plain list of words."""
    branches = nodes[0][1][1] if len(nodes) == 1 and nodes[0][0] is sre.BRANCH else [nodes]
    words = []
    for branch in branches:
        if not branch or any(op is not sre.LITERAL for op, _ in branch):
            raise Unfit("the scale group is no list of words")
        words.append("".join(chr(av) for _, av in branch))
    return words


def _anchors(rx: re.Pattern[str]) -> tuple[list[str], set[str]]:
    """The scale words of ``rx`` and the separators it can match; Unfit when it does not fit."""
    if rx.flags & (re.ASCII | re.LOCALE) or "scale" not in rx.groupindex:
        raise Unfit("flags or no scale group")
    tree = _parser.parse(rx.pattern, rx.flags)
    if tree.getwidth()[0] == 0:
        raise Unfit("may match nothing")
    group = rx.groupindex["scale"]
    scale = next((av for op, av in tree.data if op is sre.SUBPATTERN and av[0] == group), None)
    if scale is None or scale[1] or scale[2]:
        raise Unfit("the scale group is not at the top level")
    found: set[str] = set()
    _matched(tree.data, found)
    return _words(scale[3]), found


class StretchScan:
    """``finditer`` of each pattern, run over the stretches that hold a scale word (the
    patterns that do not fit are scanned whole)."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = patterns
        self.fits: list[bool] = []
        words: set[str] = set()
        matched: set[str] = set()
        for rx in patterns:
            try:
                scale, found = _anchors(rx)
            except Unfit:
                self.fits.append(False)
                continue
            self.fits.append(True)
            words.update(scale)
            matched |= found
        self.separators = [c for c in SEPARATORS if c not in matched and _uncased(c)]
        self.anchor = Words(words) if words and self.separators else None
        self.stretch_end = re.compile(f"[^{re.escape(''.join(self.separators))}]*") if self.separators else None

    def stretches(self, lowered: Lowered) -> list[tuple[int, int]]:
        """(start, end) of every stretch holding a scale word, in order."""
        text = lowered.text
        if self.anchor is None or self.stretch_end is None:
            return [(0, len(text))]
        found: list[tuple[int, int]] = []
        end = 0
        for m in self.anchor.finditer(lowered):
            if m.start() < end:
                continue
            start = max(text.rfind(c, end, m.start()) for c in self.separators) + 1
            start = max(start, end)
            end = self.stretch_end.match(text, m.start()).end()
            found.append((start, end))
        return found

    def finditer(self, lowered: Lowered) -> Iterator[tuple[int, re.Match[str]]]:
        """(pattern index, match) in the order of the patterns, each pattern's matches in
        text order: what ``finditer`` of each pattern over the whole text gives."""
        text = lowered.text
        stretches = self.stretches(lowered) if any(self.fits) else []
        for i, (rx, fit) in enumerate(zip(self.patterns, self.fits)):
            if not fit:
                yield from ((i, m) for m in rx.finditer(text))
                continue
            for start, end in stretches:
                yield from ((i, m) for m in rx.finditer(text, start, end))
