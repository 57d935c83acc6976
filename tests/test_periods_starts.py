"""The dispatched start regex of period phrases finds the offsets the plain alternation finds."""
from __future__ import annotations

import random
import re

from extractor.amount_grammar.lowered import variants
from extractor.components.periods.starts import BRANCH, dispatched, first_set, second_set

ALL = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def test_variants_are_every_character_ignorecase_takes_for_an_ascii_letter() -> None:
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        assert set(variants(letter) or "") == set(re.findall(letter, ALL, re.IGNORECASE)), letter
    assert variants("7") == "7" and variants("é") is None


def test_first_sets() -> None:
    assert first_set(r"(?:years? )?(?:from )?(?:19|20)\d\d", re.I) == "[12FYfy]"
    assert first_set(r"(?-i:(?:March|May))", re.I) == "[M]"
    assert set(first_set(r"(?:fiscal )?(?:second|first)", re.I) or "") == set("[FSfs\u017f]")
    assert first_set(r"\d{1,2}(?:st|nd)?", re.I) == r"[\d]"
    assert first_set(r"(?:this)?", re.I) is None  # may match nothing: tried everywhere
    assert first_set(r"[^x]y", re.I) is None  # a negated set: not listed


def test_second_sets() -> None:
    assert second_set(r"(?:years? )?(?:from )?(?:19|20)\d\d", re.I) == "[09ERer]"
    assert second_set(r"Q[1-4]", re.I) == "[1234]"
    assert second_set(r"\d{1,2} (?-i:May)", re.I) == r"[\ \d]"
    assert second_set(r"[ab]{2,}", 0) == "[ab]"
    assert second_set(r"ab?c", 0) == "[bc]"
    assert second_set(r"a(?=b)c", 0) == "[c]"  # a lookahead only narrows what follows
    assert second_set(r"a.b", 0) is None  # any character: not listed
    assert second_set(r"\d{1,2}(?:st|nd)?", re.I) is None  # may be one character long
    assert second_set(r"(?:ab)?c", 0) is None
    assert second_set(r"[^x]y", re.I) is None  # the first is not known


PATTERNS = [
    r"(?:years? )?(?:from |between )?(?:19|20)\d\d ?(?:to|-|–|and) ?(?:19|20)\d\d",
    r"(?:Q[1-4]|(?:19|20)\d\d ?Q[1-4])",
    r"(?:fiscal )?(?:first|second)[- ]half",
    r"(?-i:(?:March|May|Sept?\.?))(?:,? (?:19|20)\d\d)?",
    r"(?:last|this|next) (?:year|quarter)",
    r"(?:this)?\s?weekend",
    r"[^\W\d]ish year",
    r"(?:on )?(?:Monday|today)",
    r"\d{1,2}(?:st|nd)? (?-i:March|May)",
]
AFTER = r"(?![\w%]|[-–]\w)"
BEFORE = r"(?<![\w$£€¥.,'’-])"


def _invented_texts(count: int) -> list[str]:
    tokens = ["2004", "1999", "Q4", "q1", "fiscal", "FIRST", "second", "half", "March", "march", "May", "may",
              "Sept.", "this", "THIS", "next", "last", "year", "quarter", "weekend", "from", "between", "to",
              "-", "and", "years", "Bookish", "\u017fecond", "thi\u017f", "x", "%", "'s", "$", "on", "ON", "Monday", "today", "1st", "12", "2"]
    gaps = [" ", " ", "", "-", "\n", ", "]
    rng = random.Random(3)
    return ["".join(rng.choice(tokens) + rng.choice(gaps) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_same_offsets_as_the_plain_alternation_on_invented_texts() -> None:
    plain = re.compile(f"{BEFORE}(?=(?:{'|'.join(PATTERNS)}){AFTER})", re.I)
    fast = re.compile(BEFORE + dispatched(PATTERNS, AFTER, re.I), re.I)
    found = 0
    for text in _invented_texts(5000):
        expected = [m.start() for m in plain.finditer(text)]
        assert [m.start() for m in fast.finditer(text)] == expected, text
        found += len(expected)
    assert found > 3000


def test_a_match_names_the_first_pattern_that_matches_there() -> None:
    patterns = [r"(this|next) (year)", *PATTERNS]  # groups of its own: the branch's group still closes last
    fast = re.compile(BEFORE + dispatched(patterns, AFTER, re.I), re.I)
    each = [re.compile(f"{BEFORE}(?:{p}){AFTER}", re.I) for p in patterns]
    named = set()
    for text in _invented_texts(2000):
        for m in fast.finditer(text):
            first = next(i for i, p in enumerate(each) if p.match(text, m.start()))
            assert m.lastgroup == BRANCH.format(first), (text, m.start())
            named.add(first)
    assert set(range(6)) <= named
