"""The stretch scan of vague amounts finds what a whole-text scan of each pattern finds."""
from __future__ import annotations

import random
import re

from extractor.amount_grammar import default_grammar
from extractor.amount_grammar.lowered import Lowered
from extractor.amount_grammar.vague import StretchScan

SCALE = r"(?P<scale>thousands|millions|billions)"
PATTERNS = [
    rf"(?P<count>tens|hundreds)\s+of\s+{SCALE}\s+of\s+(?P<currency>dollars|euros|U\.S\. dollars)",
    rf"{SCALE}\s+(?:more\s+)?of\s+(?P<currency>dollars|pounds)",
    r"(?P<multi>multi[- ]?)?(?P<scale>million|billion)[- ](?P<currency>dollar|pound)\b",
]


def whole(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, tuple[int, int], dict]]:
    return [(i, m.span(), m.groupdict()) for i, rx in enumerate(patterns) for m in rx.finditer(text)]


def stretched(scan: StretchScan, text: str) -> list[tuple[int, tuple[int, int], dict]]:
    return [(i, m.span(), m.groupdict()) for i, m in scan.finditer(Lowered(text))]


def test_same_matches_as_a_whole_text_scan_on_invented_texts() -> None:
    patterns = [re.compile(p, re.I) for p in PATTERNS]
    scan = StretchScan(patterns)
    assert all(scan.fits)
    words = ["tens", "Hundreds", "of", "MILLIONS", "billions", "thousands", "more", "dollars", "U.S. dollars",
             "euros", "pounds", "multi", "million", "billion", "dollar", "pound", "x", "5",
             "tens of millions of dollars", "billions of pounds", "thousands more of dollars", "multi-million-pound"]
    gaps = [" ", "  ", "\n", " \n\t ", "-", "", ",", ", ", "'", "’", ". ", ": "]
    rng = random.Random(7)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 25)))
        expected = whole(patterns, text)
        assert stretched(scan, text) == expected, text
        found += len(expected)
    assert found > 500


def test_a_long_run_of_spaces_stays_inside_its_stretch() -> None:
    patterns = [re.compile(p, re.I) for p in PATTERNS]
    scan = StretchScan(patterns)
    text = "Losses ran to, tens of" + " " * 5000 + "millions\n\nof dollars; multi-billion-pound deals."
    assert stretched(scan, text) == whole(patterns, text)
    assert [m.group() for _, m in scan.finditer(Lowered(text))][-1] == "multi-billion-pound"


def test_separators_are_what_no_pattern_matches() -> None:
    scan = StretchScan([re.compile(p, re.I) for p in PATTERNS])
    assert "," in scan.separators and ";" in scan.separators
    assert "." not in scan.separators  # 'U.S. dollars'
    assert not any(c.isspace() or c == "-" for c in scan.separators)


def test_patterns_the_scan_cannot_vouch_for_are_scanned_whole() -> None:
    unfit = [
        r"(?P<scale>millions)\s+of\s+dollars$",  # an end-of-text assertion
        r"(?:(?P<scale>millions)\s+)?of\s+dollars",  # the scale word may be missing
        r"(?P<scale>millions|\w+ions)\s+of\s+dollars",  # the scale group is no list of words
        r"(?P<scale>millions)(?P<x>\s)of(?P=x)dollars",  # a back-reference
    ]
    patterns = [re.compile(p, re.I) for p in unfit + PATTERNS[1:2]]
    scan = StretchScan(patterns)
    assert scan.fits == [False, False, False, False, True]
    text = "of dollars, millions of dollars, capitulations of dollars; millions of dollars"
    assert stretched(scan, text) == whole(patterns, text)


def test_the_rules_vague_patterns_all_fit() -> None:
    grammar = default_grammar()
    assert all(grammar.vague_scan.fits)
    text = "It cost tens of millions of dollars, then multi-million-dollar fees and billions more of euros."
    assert stretched(grammar.vague_scan, text) == whole([rx for _, rx in grammar.vague], text)
