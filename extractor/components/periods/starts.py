"""The one regex that finds every offset where some period pattern matches, written so that
at each offset the re module tries only the patterns that can start with its character.

Each pattern becomes a branch that first consumes one character of the pattern's first
characters (a case-sensitive set holding every case IGNORECASE would accept), then looks
back at that character and checks the pattern from it: ``[Qq](?<=(?=PATTERN AFTER).)``.
The re module skips a branch whose first set misses the character without entering it (it
cannot for an IGNORECASE pattern, which it must try). The offsets found are those of
``(?=(?:P1|P2|...)AFTER)``: a branch matches where its pattern does, and a pattern can
only match where its first set holds the character. A pattern whose first characters are
not known (a negated set, a cased letter beyond ASCII) or that may match nothing is
tried everywhere, as before. When every match of a pattern is two characters long or more
and the characters that can come second are known, the branch also looks ahead at the next
character (``[Qq](?=[1-4])``) before checking the pattern: most words fit the first set of
several patterns ('the', 'to'), few their second. Each branch ends with an empty group named ``p<index>``
(``BRANCH``), so a match tells the first pattern that matches there: none listed before it
does. (A group around the branch would hide its first set from the re module.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre
from re import _parser

from ...amount_grammar.lowered import variants

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


class Unknown(Exception):
    """The first characters of a pattern cannot be listed."""


def _chars(code: int, ignorecase: bool) -> set[str]:
    c = chr(code)
    if not ignorecase:
        return {re.escape(c)}
    folds = variants(c)
    if folds is None:
        raise Unknown(c)
    return {re.escape(x) for x in folds}


def _set(items: list, ignorecase: bool) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out |= _chars(av, ignorecase)
        elif op is sre.RANGE:
            if av[1] - av[0] > 64:
                raise Unknown("a wide range")
            for code in range(av[0], av[1] + 1):
                out |= _chars(code, ignorecase)
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:
            raise Unknown(str(op))
    return out


@dataclass(frozen=True)
class Start:
    """How the matches of a regex, or of a part of one, open: the characters they can start
    with and those that can come second (as class items; ``second`` None when not known),
    whether one may be empty and whether one may be a single character."""

    first: frozenset[str]
    second: frozenset[str] | None
    empty: bool
    one: bool

    def then(self, after: Start) -> Start:
        """The start of this part followed by ``after``."""
        second = _union(self.second, after.first if self.one else frozenset())
        return Start(self.first | after.first if self.empty else self.first,
                     _union(second, after.second) if self.empty else second,
                     self.empty and after.empty, (self.one and after.empty) or (self.empty and after.one))

    def either(self, other: Start) -> Start:
        """The start of this part or ``other``."""
        return Start(self.first | other.first, _union(self.second, other.second),
                     self.empty or other.empty, self.one or other.one)


ZERO = Start(frozenset(), frozenset(), True, False)  # a zero-width part: what follows starts the match


def _union(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return None if a is None or b is None else a | b


def _start(nodes: list, flags: int) -> Start:
    """The start of a sequence, read up to where two characters are sure to be matched;
    Unknown when its first characters cannot be listed."""
    found = ZERO
    for node in nodes:
        if not found.empty and not found.one:
            break
        try:
            part = _start_of(node, flags)
        except Unknown:
            if found.empty:
                raise
            return Start(found.first, None, False, True)  # what comes second is not known
        found = found.then(part)
    return found


def _start_of(node: tuple, flags: int) -> Start:
    op, av = node
    ignorecase = bool(flags & re.IGNORECASE)
    if op is sre.LITERAL:
        return Start(frozenset(_chars(av, ignorecase)), frozenset(), False, True)
    if op is sre.IN:
        return Start(frozenset(_set(av, ignorecase)), frozenset(), False, True)
    if op is sre.AT or op is sre.ASSERT or op is sre.ASSERT_NOT:
        return ZERO
    if op is sre.SUBPATTERN:
        _, add, remove, nodes = av
        return _start(nodes, (flags | add) & ~remove)
    if op is sre.BRANCH:
        found = _start(av[1][0], flags)
        for branch in av[1][1:]:
            found = found.either(_start(branch, flags))
        return found
    if op in _REPEATS:
        low, high, body = av[0], av[1], _start(av[2], flags)
        second = _union(body.second, body.first if body.one and high >= 2 else frozenset())  # 'ab' of [ab]{2}
        return Start(body.first, second, body.empty or low == 0, body.one and high >= 1 and (low <= 1 or body.empty))
    if op is sre.ATOMIC_GROUP:
        return _start(av, flags)
    raise Unknown(str(op))


def _pattern_start(pattern: str, flags: int) -> Start | None:
    try:
        tree = _parser.parse(pattern, flags)
        return _start(tree.data, tree.state.flags)
    except Unknown:
        return None


def _class(items: frozenset[str]) -> str:
    return "[" + "".join(sorted(items)) + "]"


def first_set(pattern: str, flags: int) -> str | None:
    """A case-sensitive character set holding every character a match of ``pattern`` can
    start with, or None when not known or when the pattern may match nothing."""
    start = _pattern_start(pattern, flags)
    return None if start is None or start.empty or not start.first else _class(start.first)


def second_set(pattern: str, flags: int) -> str | None:
    """A case-sensitive character set holding every character a match of ``pattern`` can
    have second, or None when not known or when a match may be shorter than two characters."""
    start = _pattern_start(pattern, flags)
    if start is None or start.empty or start.one or not start.second:
        return None
    return _class(start.second)


BRANCH = "p{}"


def dispatched(patterns: list[str], after: str, flags: int) -> str:
    """The alternation of ``(?=(?:pattern)after)``, each behind its first set and followed by
    an empty group named ``BRANCH`` with the pattern's index (see above)."""
    branches = []
    for i, p in enumerate(patterns):
        first, second = first_set(p, flags), second_set(p, flags)
        check = f"(?=(?:{p}){after})"
        follow = f"(?=(?-i:{second}))" if second else ""
        branch = f"(?-i:{first}){follow}(?<={check}[\\s\\S])" if first else check
        branches.append(f"{branch}(?P<{BRANCH.format(i)}>)")  # last, so that the first set opens the branch
    return "(?:" + "|".join(branches) + ")"
