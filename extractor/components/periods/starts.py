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
tried everywhere, as before. Each branch ends with an empty group named ``p<index>``
(``BRANCH``), so a match tells the first pattern that matches there: none listed before it
does. (A group around the branch would hide its first set from the re module.)
"""
from __future__ import annotations

import re
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


def _first(nodes: list, flags: int) -> tuple[set[str], bool]:
    """The first characters of a sequence (as class items) and whether it may match nothing."""
    found: set[str] = set()
    for node in nodes:
        chars, empty = _first_of(node, flags)
        found |= chars
        if not empty:
            return found, False
    return found, True


def _first_of(node: tuple, flags: int) -> tuple[set[str], bool]:
    op, av = node
    ignorecase = bool(flags & re.IGNORECASE)
    if op is sre.LITERAL:
        return _chars(av, ignorecase), False
    if op is sre.IN:
        return _set(av, ignorecase), False
    if op is sre.AT or op is sre.ASSERT or op is sre.ASSERT_NOT:
        return set(), True  # zero-width: what follows starts the match
    if op is sre.SUBPATTERN:
        _, add, remove, nodes = av
        return _first(nodes, (flags | add) & ~remove)
    if op is sre.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in av[1]:
            chars, may = _first(branch, flags)
            found |= chars
            empty = empty or may
        return found, empty
    if op in _REPEATS:
        chars, empty = _first(av[2], flags)
        return chars, empty or av[0] == 0
    if op is sre.ATOMIC_GROUP:
        return _first(av, flags)
    raise Unknown(str(op))


def first_set(pattern: str, flags: int) -> str | None:
    """A case-sensitive character set holding every character a match of ``pattern`` can
    start with, or None when not known or when the pattern may match nothing."""
    try:
        tree = _parser.parse(pattern, flags)
        chars, empty = _first(tree.data, tree.state.flags)
    except Unknown:
        return None
    return None if empty or not chars else "[" + "".join(sorted(chars)) + "]"


BRANCH = "p{}"


def dispatched(patterns: list[str], after: str, flags: int) -> str:
    """The alternation of ``(?=(?:pattern)after)``, each behind its first set and followed by
    an empty group named ``BRANCH`` with the pattern's index (see above)."""
    branches = []
    for i, p in enumerate(patterns):
        first = first_set(p, flags)
        check = f"(?=(?:{p}){after})"
        branch = f"(?-i:{first})(?<={check}[\\s\\S])" if first else check
        branches.append(f"{branch}(?P<{BRANCH.format(i)}>)")  # last, so that the first set opens the branch
    return "(?:" + "|".join(branches) + ")"
