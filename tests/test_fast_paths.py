"""The shortcuts that spare a scan give what the plain scan gives: regexes tried at line
starts only, whole-text phrase scans skipped when the text cannot hold a phrase, the words
before a figure searched from where a cue can start, sentence-merging that stays linear."""
from __future__ import annotations

import random
import re

import pytest

from extractor.components.changes import _last_words
from extractor.components.entities import IGNORECASE_ASCII_LOOKALIKES, _merge, may_hold_ascii_phrase
from extractor.layout import anchored_at_lines, line_finditer, lines, space_led


def _random_texts(pieces: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(count)]


@pytest.mark.parametrize("pattern, anchored", [
    (r"^\s*(?:photo|image)\s*:.*$", True),
    (r"(?m)^a", True),
    (r"^a|b", False),  # the alternation may match anywhere
    (r"(^a)", False),
    (r"\bad\b", False),
])
def test_anchored_at_lines(pattern, anchored):
    assert anchored_at_lines(re.compile(pattern, re.MULTILINE)) is anchored
    assert not anchored_at_lines(re.compile(r"^a"))  # without MULTILINE only the text's start


@pytest.mark.parametrize("pattern", [
    r"^\s*(?:photo|image|picture)(?:\s+credit)?\s*:.*$",
    r"^.*\b(?:all rights reserved|getty images)\b.*$",
    r"^\s*\d+(?:\.\d+)?\s*\n\s*(?:relevance|quality)\s+score\s*$",
    r"^\s*b?$",  # empty matches: finditer's own rules
    r"^(?:x|)",
    r"^\s*x\s*$",
    r"^[ \t]*[A-Z][A-Z ]{2,8}[ \t]*-",
])
def test_line_finditer_finds_what_finditer_finds(pattern):
    rx = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    long_line = "The Ardmore Pottery Co. said it would hire forty people at the new kiln next year. "
    pieces = ["Photo: Jane Roe", "image credit: x", "\n", "\n\n", " ", "b", "x", "7.5", "Quality score",
              "All rights reserved", long_line, long_line * 3, " \n", "\t\n", "\u2003", "OSLO - "]
    for text in _random_texts(pieces, 4000, seed=11):
        starts = [start for start, _ in lines(text)]
        assert [(m.span(), m.groups()) for m in line_finditer(rx, text, starts)] == \
            [(m.span(), m.groups()) for m in rx.finditer(text)], text


@pytest.mark.parametrize("pattern, led", [
    (r"^\s*(?:photo|image)\s*:.*$", True), (r"^\s*\d+\s*\n", True), (r"^\s*[a-z]", True),
    (r"^\s*\s", False), (r"^\s*(?:a|\s)", False), (r"^\s*a?b", False), (r"^\s*[^a]", False), (r"^\s*\w", False),
    (r"^.*\bads\b", False),
])
def test_space_led(pattern, led):
    assert space_led(re.compile(pattern, re.IGNORECASE | re.MULTILINE)) is led


def test_the_lookalikes_are_all_that_ignoring_case_takes_for_ascii_letters():
    ascii_letter = re.compile("[A-Za-z]", re.IGNORECASE)
    found = {chr(c) for c in range(128, 0x110000) if not 0xD800 <= c <= 0xDFFF and ascii_letter.fullmatch(chr(c))}
    assert found == set(IGNORECASE_ASCII_LOOKALIKES)


def test_a_text_that_cannot_hold_a_phrase_is_not_scanned():
    names = ["crude oil", "oil", "natural gas", "gold"]
    rx = re.compile(r"\b(?:crude oil|natural gas|oil|gold)\b", re.IGNORECASE)
    pieces = ["Crude ", "OIL", "oİl", "gas", "Natural", " ", "GOLD", "go", "ld", "ſ", "Ö", "Σ", "K", "rose", "."]
    for text in _random_texts(pieces, 5000, seed=12):
        if rx.search(text):
            assert may_hold_ascii_phrase(text, names), text
    assert not may_hold_ascii_phrase("Revenue rose 5% at Ardmore Pottery.", names)
    assert may_hold_ascii_phrase("Brent CRUDE OIL fell", names) and may_hold_ascii_phrase("the oİl price", names)


def test_a_cue_ending_at_a_figure_is_searched_from_its_last_words():
    rx = re.compile(r"\b(?:(?:rise|increase)\s+of|(?:rose|picked\s+up)(?:\s+by)?)\s+$", re.IGNORECASE)
    pieces = ["rose", " ", "  ", "\n", "by", "of", "increase", "picked", "up", "x-", "(", "Rose", "\t"]
    for text in _random_texts(pieces, 5000, seed=13):
        start = _last_words(text, 0, len(text.rstrip()), 3)  # 'picked up by': three runs of non-spaces
        found, bounded = rx.search(text), rx.search(text, start)
        assert (found and (found.span(), found.groups())) == (bounded and (bounded.span(), bounded.groups())), text
    assert _last_words("sales rose by ", 0, 13, 2) == 5 and _last_words("rose by ", 0, 7, 2) == 0


def test_merge_keeps_the_runs_that_overlap_no_entity():
    rng = random.Random(14)
    for _ in range(2000):
        runs = sorted({(a, a + rng.randint(1, 4)) for a in rng.sample(range(60), 8)})
        ents = [(a, a + rng.randint(0, 5)) for a in rng.sample(range(60), rng.randint(0, 6))]
        kept = [r for r in runs if not any(s < r[1] and r[0] < e for s, e in ents)]
        assert _merge(runs, ents) == (sorted(kept + ents) if ents else runs)
