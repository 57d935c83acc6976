"""Regexes built from word lists of the rules: one way to do it for every component."""
from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str], spaces: str | None = None) -> str:
    """A regex alternation of literal phrases, longest first so that 'just over' beats 'over'.
    A lookahead on the first letters (either case) lets the regex skip, in one test, the
    places where no phrase starts: the re module would otherwise try every phrase there.
    ``spaces`` (a regex such as ``\\s+``) replaces each space of the phrases."""
    ordered = sorted(set(words), key=len, reverse=True)
    body = "|".join(map(re.escape, ordered))
    if spaces is not None:
        body = body.replace(r"\ ", spaces)
    if not ordered or not all(ordered):
        return body
    return f"{first_letters(ordered)}(?:{body})"


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
