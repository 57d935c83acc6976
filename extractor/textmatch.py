"""Regexes built from word lists of the rules: one way to do it for every component."""
from __future__ import annotations

import re
from re import _parser
from re._casefix import _EXTRA_CASES
from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN
from typing import Callable, Iterable, Iterator

REQUIRED_FIRST = re.compile(r"[^\W_](?![?*{])")
WORD_START = re.compile(r"\b\w*")  # at each word boundary, the word that starts there ('' where one ends)
LEADING_WORD = re.compile(r"\w*")
BOUNDARY = re.compile(r"\b")
IGNORECASE_ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"  # 'İ', 'ı', 'ſ' and the Kelvin sign: re.I takes them for i, s, k
LITERAL_FIRST = re.compile(r"(?:\\b)?([^\\\[\](){}.*+?^$|])(?![?*{])")


def alternation(words: Iterable[str], spaces: str | None = None) -> str:
    """A regex alternation of literal phrases, longest first so that 'just over' beats 'over'.
    A lookahead on the first letters (either case) lets the regex skip, in one test, the
    places where no phrase starts: the re module would otherwise try every phrase there.
    The phrases are written as a tree of their common first characters ('U(?:SD|AH)'), so
    that at a place where a phrase starts the re module tries only the phrases with its
    characters, in the order the list gives them: the same match as the flat list.
    ``spaces`` (a regex such as ``\\s+``) replaces each space of the phrases. No phrases: a
    pattern that matches nothing."""
    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered:
        return "(?!)"  # no phrases: a pattern that matches nothing, not the empty string that matches everywhere
    body = _tree(ordered, 0, lambda c: spaces if c == " " and spaces is not None else re.escape(c))
    return f"{first_letters(ordered)}(?:{body})" if ordered and all(ordered) else body


def _fold_key(c: str) -> str | int:
    """Characters the re module may take for one another (in either case, with IGNORECASE)
    share a key; so do all spaces (a space may stand for a regex of spaces)."""
    if c.isspace():
        return " "
    low = ord(c.lower()) if len(c.lower()) == 1 else ord(c)
    return min((low, *_EXTRA_CASES.get(low, ())))


def _tree(words: list[str], depth: int, escape: Callable[[str], str]) -> str:
    """The alternation of ``words`` (longest first, sharing their first ``depth``
    characters) from character ``depth`` on. Words whose next characters may match the
    same text keep one branch in their order; others can never match at the same place,
    so their branches may be ordered by first appearance."""
    groups: dict[str | int, list[str]] = {}
    ended = False
    for w in words:
        if len(w) == depth:
            ended = True  # the shortest of the words sharing this prefix: tried last
        else:
            groups.setdefault(_fold_key(w[depth]), []).append(w)
    branches = []
    for group in groups.values():
        first = {w[depth] for w in group}
        if len(group) > 1 and len(first) == 1 and not group[0][depth].isspace():
            shared = depth + 1  # the characters all of them share, written once
            while all(len(w) > shared for w in group) and len({w[shared] for w in group}) == 1 and not group[0][shared].isspace():
                shared += 1
            branches.append("".join(map(escape, group[0][depth:shared])) + _optional(_tree(group, shared, escape)))
        else:
            branches.extend("".join(map(escape, w[depth:])) for w in group)
    if ended:
        branches.append("")
    return "|".join(branches)


def _optional(body: str) -> str:
    return f"(?:{body})" if "|" in body or not body else body


def fragment_alternation(fragments: Iterable[str]) -> str:
    """Regex fragments (rule words such as 'Jan\\.?') as one alternation, longest first. The
    first-letter lookahead is added when every fragment opens with a letter or digit that it
    requires (not one made optional by a quantifier) and holds no alternation of its own."""
    ordered = sorted(fragments, key=len, reverse=True)
    required = bool(ordered) and all(REQUIRED_FIRST.match(f) and "|" not in f for f in ordered)
    return _joined(ordered, ordered if required else None)


def union(patterns: Iterable[str]) -> str:
    """Regexes of the rules (clause breaks such as ';' or '\\bbut\\b') as one alternation, in
    their order, behind a lookahead on their first characters when each opens (after an
    optional \\b) with a literal character it requires and holds no alternation of its own."""
    listed = list(patterns)
    firsts = [m.group(1) for p in listed if "|" not in p and (m := LITERAL_FIRST.match(p))]
    return _joined(listed, firsts if listed and len(firsts) == len(listed) else None)


def _joined(bodies: list[str], firsts: list[str] | None) -> str:
    """The alternation of ``bodies``, behind a lookahead on the first characters of ``firsts``."""
    body = "|".join(bodies)
    return f"{first_letters(firsts)}(?:{body})" if firsts else body


def first_letters(words: Iterable[str]) -> str:
    """A lookahead for the first character of any of ``words``, in either case."""
    firsts = sorted({c for w in words for c in (w[0], w[0].lower(), w[0].upper()) if len(c) == 1})
    return f"(?=[{''.join(re.escape(c) for c in firsts)}])"


def phrase_pattern(words: Iterable[str]) -> str:
    """Whole phrases: the alternation between word boundaries."""
    return rf"\b(?:{alternation(words)})\b"


def phrases(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A compiled regex that finds any of the whole phrases (any case by default)."""
    return re.compile(phrase_pattern(words), flags)


class PhraseIndex:
    """``phrases(words, flags=0).finditer(text, start, end)`` of non-empty words without a regex of the words
    (building one costs more than its search when the words change with every text): the
    words are indexed by the word they start with, and at each word boundary the longest
    one written there and followed by a boundary is taken, as the regex takes it."""

    def __init__(self, words: Iterable[str]) -> None:
        self.by_start: dict[str, list[str]] = {}
        for w in sorted(set(words), key=len, reverse=True):
            self.by_start.setdefault(LEADING_WORD.match(w).group(), []).append(w)

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """(start, end) of each phrase found in ``text[start:end]``, left to right."""
        free = start  # matches do not overlap
        for boundary in WORD_START.finditer(text, start, end):
            at = boundary.start()
            if at < free:
                continue
            for w in self.by_start.get(boundary.group(), ()):
                stop = at + len(w)
                if stop <= end and text.startswith(w, at) and BOUNDARY.match(text, stop, end):
                    yield at, stop
                    free = stop
                    break


class Searches:
    """``pattern.search(text, start, end)`` over one text, remembered per pattern and window:
    the figures of one sentence or clause ask the same question of the same words (a scan
    per figure of a long sentence would be quadratic). The patterns, which live as long as
    their finder, are told apart by identity: hashing a compiled regex hashes all its code."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[tuple[int, int, int], re.Match[str] | None] = {}

    def search(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        key = (id(pattern), start, end)
        if key not in self._seen:
            self._seen[key] = pattern.search(self.text, start, end)
        return self._seen[key]


def may_hold_ascii_phrase(text: str, lowered: list[str]) -> bool:
    """Whether a regex of the ASCII phrases ``lowered`` (in lower case), matched ignoring
    case, may match in ``text``: re.IGNORECASE matches an ASCII letter only to ASCII letters
    and to IGNORECASE_ASCII_LOOKALIKES, so a text without those holds a match only where its
    lower case holds the phrase."""
    if any(c in text for c in IGNORECASE_ASCII_LOOKALIKES):
        return True
    low = text.lower()
    return any(p in low for p in lowered)


def required_ascii_phrases(pattern: re.Pattern[str]) -> list[str] | None:
    """Phrases (in lower case) one of which every match of the case-ignoring ``pattern`` holds,
    for ``may_hold_ascii_phrase``: the literal words its parse requires, of its required parts
    the one whose shortest phrase is longest ('rights', 'all rights reserved', 'getty images'
    of '^.*\\b(?:rights\\s*&\\s*takedowns|all rights reserved|getty images)\\b.*$'); None when
    it requires none or they are not all ASCII."""
    if not pattern.flags & re.IGNORECASE:
        return None
    found = _required(list(_parser.parse(pattern.pattern, pattern.flags)))
    return [p.lower() for p in found] if found is not None and all(p.isascii() for p in found) else None


def _required(items: list[tuple]) -> list[str] | None:
    """Of the parsed ``items`` of a sequence, the phrases one of which a match holds (see
    ``required_ascii_phrases``): a run of literals, or a required group, branch or repeat."""
    best: list[str] | None = None
    run = ""
    for op, av in [*items, (None, None)]:
        if op is LITERAL:
            run += chr(av)
            continue
        if run:
            best, run = _more_telling(best, [run]), ""
        if op is SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
            best = _more_telling(best, _required(list(av[3])))
        elif op is BRANCH:
            options = [_required(list(option)) for option in av[1]]
            if all(o is not None for o in options):
                best = _more_telling(best, [p for o in options for p in o])
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            best = _more_telling(best, _required(list(av[2])))
    return best


def _more_telling(a: list[str] | None, b: list[str] | None) -> list[str] | None:
    """Of two sets of required phrases, the one whose shortest phrase is longer (a text holds
    it less often); ``a`` on a tie."""
    if a is None or b is None:
        return a or b
    return b if min(map(len, b)) > min(map(len, a)) else a
