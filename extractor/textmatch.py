"""Regexes built from word lists of the rules: one way to do it for every component."""
from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first so that 'just over' beats 'over'."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def phrase_pattern(words: Iterable[str]) -> str:
    """Whole phrases: the alternation between word boundaries."""
    return rf"\b(?:{alternation(words)})\b"


def phrases(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A compiled regex that finds any of the whole phrases (any case by default)."""
    return re.compile(phrase_pattern(words), flags)
