"""Regexes built from word lists of the rules: one way to do it for every component."""
from __future__ import annotations

import re
from typing import Iterable

REQUIRED_FIRST = re.compile(r"[^\W_](?![?*{])")
LITERAL_FIRST = re.compile(r"(?:\\b)?([^\\\[\](){}.*+?^$|])(?![?*{])")


def alternation(words: Iterable[str], spaces: str | None = None) -> str:
    """A regex alternation of literal phrases, longest first so that 'just over' beats 'over'.
    A lookahead on the first letters (either case) lets the regex skip, in one test, the
    places where no phrase starts: the re module would otherwise try every phrase there.
    ``spaces`` (a regex such as ``\\s+``) replaces each space of the phrases."""
    ordered = sorted(set(words), key=len, reverse=True)
    bodies = list(map(re.escape, ordered))
    if spaces is not None:
        bodies = [b.replace(r"\ ", spaces) for b in bodies]
    return _joined(bodies, ordered if ordered and all(ordered) else None)


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
