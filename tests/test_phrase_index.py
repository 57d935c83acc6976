"""textmatch.PhraseIndex finds what the regex of its phrases finds (random texts and phrases)."""
from __future__ import annotations

import random

from extractor.textmatch import PhraseIndex, phrases

ALPHABET = "ab AB.&'-\n(é1_"


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(n))


def test_phrase_index_finds_what_the_regex_finds():
    rng = random.Random(7)
    for _ in range(3000):
        words = {_random_text(rng, rng.randint(1, 5)) for _ in range(rng.randint(1, 8))}
        text = _random_text(rng, rng.randint(0, 40))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [m.span() for m in phrases(words, flags=0).finditer(text, start, end)]
        assert list(PhraseIndex(words).finditer(text, start, end)) == expected, (words, text, start, end)


def test_phrase_index_takes_the_longest_name_with_a_boundary_after_it():
    index = PhraseIndex(["U.S.", "U.S", "Bank", "Bank of America", "Banks"])
    text = "U.S. Bank of America Banks U.S.A"
    assert [text[s:e] for s, e in index.finditer(text, 0, len(text))] == ["U.S", "Bank of America", "Banks", "U.S."]
