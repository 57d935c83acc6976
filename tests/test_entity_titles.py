"""EntityFinder._titled reads the text before a name backwards and finds what the forward
search of its title regex finds (random texts of titles, spaces and punctuation)."""
from __future__ import annotations

import random

from extractor.components.entities import EntityFinder

PARTS = ["Mr", "mr", "MR", "Prime Minister", "Minister", "chief executive", "chief", "x", " ", "  ", "\n",
         ".", ",", "said ", "Xchief", "ſir", "Sİr", "_", "9", "-"]


def test_titled_finds_what_the_title_search_finds():
    finder = EntityFinder()
    rng = random.Random(11)
    for _ in range(20000):
        before = "".join(rng.choice(PARTS) for _ in range(rng.randint(0, 8)))[-30:]
        expected = bool(finder.title.search(before, len(before.rstrip()) - finder.longest_title))
        assert finder._titled(before) == expected, before


def test_a_title_with_a_full_stop_and_a_comma_may_start_too_early():
    finder = EntityFinder()
    assert finder._titled("its lawyer, ") and finder._titled("Mr. ") and not finder._titled("Mr")
    assert finder._titled("the chief executive, ")
    assert not finder._titled("the chief executive., ")  # it starts before the longest title and its full stop
