"""``phrases.words``: the lower-cased words of a text, as ``[\\w'’.-]*\\w`` finds them."""
from __future__ import annotations

import random
import re

from extractor.components.periods.phrases import words

PLAIN = re.compile(r"[\w'’.-]*\w")


def test_the_words_the_plain_regex_finds_lower_cased() -> None:
    alphabet = "aB1_'’.- ,\n$%\u00e9\u0130\u0301\u017f"  # 'İ' lower-cases to two characters
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert words(text) == [w.lower() for w in PLAIN.findall(text)], text
    assert words("Net profit rose 4.5% in FY2004's Q3 - up-front.") == [
        "net", "profit", "rose", "4.5", "in", "fy2004's", "q3", "up-front"]
