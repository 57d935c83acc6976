"""textmatch.required_ascii_phrases: the phrases one of which every match of a pattern holds,
with which a text that holds none of them is not searched (boilerplate rules)."""
from __future__ import annotations

import random
import re

import pytest

from extractor.components.boilerplate import BoilerplateMarker
from extractor.textmatch import may_hold_ascii_phrase, required_ascii_phrases

FLAGS = re.IGNORECASE | re.MULTILINE


@pytest.mark.parametrize("pattern, phrases", [
    (r"^.*\b(?:rights\s*&\s*takedowns|all rights reserved|getty images)\b.*$", ["takedowns", "all rights reserved", "getty images"]),
    (r"^\s*(?:tags?|topics?)\s*:.*$", ["ag", "opic"]),  # the parser takes their shared 't' out of the branch
    (r"^\s*\d+\s*\n\s*(?:Relevance|quality)\s+score\s*$", ["relevance", "quality"]),  # the longest shortest phrase
    (r"(?:ab)+c", ["ab"]),
    (r"x?(?:ab)*", None),  # nothing is required
    (r"(?:ab|c*)d", ["d"]),  # an option that needs no letter leaves the branch out
    (r"(?-i:Getty) images", [" images"]),  # a group with flags of its own is not read
    (r"café au lait", None),  # not ASCII
])
def test_required_phrases_of_a_pattern(pattern, phrases):
    assert required_ascii_phrases(re.compile(pattern, FLAGS)) == phrases


def test_a_pattern_matched_with_case_has_no_phrases_here():
    assert required_ascii_phrases(re.compile("getty images", re.MULTILINE)) is None


def test_a_text_a_boilerplate_rule_matches_holds_one_of_its_phrases():
    pieces = ["All Rights Reserved", "all rights", " reserved", "Getty", " Images", "getty images", "Rights &\n takedowns",
              "Shutterstock", "ſhutterstock", "\n", " ", "Photo: ", "Tags: x", "Relevance score: 4", "said", "."]
    rng = random.Random(3)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(3000)]
    for rule, rx, needed in BoilerplateMarker().searched:
        phrases = required_ascii_phrases(rx)
        for text in texts:
            if rx.search(text):
                assert phrases is None or may_hold_ascii_phrase(text, phrases), (rule, text)
