"""Confidence: commentary sections are recognised by the shape of their heading and a word
of commentary, not by one site's heading texts."""
from __future__ import annotations

import pytest

from extractor import extract_text


def _editorial(nlp, text: str) -> bool:
    [claim] = extract_text(text, nlp=nlp)
    return any(f.factor == "editorial_section" for f in claim.factors)


@pytest.mark.parametrize("heading", ["Why it matters", "Our view", "Market outlook", "The bottom line",
                                     "Analysis: a costly bet"])
def test_a_figure_under_a_commentary_heading_is_marked_editorial(nlp, heading):
    text = f"Zentrix to expand\n\nZentrix will spend more.\n\n{heading}\n\nA $4 billion outlay would be large for Zentrix."
    assert _editorial(nlp, text)


@pytest.mark.parametrize("heading", ["Quarterly results", "Zentrix Newsroom Team", "Plans for the new plant"])
def test_a_figure_under_a_plain_heading_is_not(nlp, heading):
    text = f"Zentrix to expand\n\n{heading}\n\nZentrix said it would spend $4 billion on the plant."
    assert not _editorial(nlp, text)


def test_a_long_sentence_holding_a_commentary_word_is_not_a_heading(nlp):
    text = ("Zentrix to expand\n\nThe analysis of the market by Zentrix shows that demand is rising fast across Europe.\n\n"
            "Zentrix said it would spend $4 billion on the plant.")
    assert not _editorial(nlp, text)
