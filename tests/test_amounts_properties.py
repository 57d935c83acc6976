"""Property tests of the amount grammar (Hypothesis): random mixes of numbers, scale words,
symbols, codes, punctuation and prose never crash it, and every amount is well formed; a
money phrase rendered from a random amount parses back to that amount."""
from __future__ import annotations

import math
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extractor.amount_grammar import default_grammar

GRAMMAR = default_grammar()
PIECES = ["$", "£", "€", "¥", "₹", "US$", "HK$", "Rmb", "RMB", "CNY", "usd", "EUR", "kr", "Rs.", "-", "−", ",", ".", ";",
          "(", ")", '"', "\n", "\n\n", " ", "  ", "bn", "billion", "m", "k", "million", "trillion", "crore", "lakh",
          "dollars", "pounds", "euros", "yuan", "cents", "p", "and", "to", "between", "more than", "about", "up to",
          "or more", "a", "half", "quarter", "ten", "twenty-five", "of", "a barrel", "per share", "won", "weighs",
          "1", "12", "1,500", "1,500,000", "2.5", "1.000,50", "2 000", "007", "9" * 30]
CURRENCY = re.compile(r"^[A-Z]{3}$")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4), st.integers(0, 10**9).map(str)), max_size=30))
def test_random_text_gives_well_formed_amounts(pieces: list[str]) -> None:
    text = "".join(pieces)
    found, refused = GRAMMAR.scan(text)
    for m in found:
        assert text[m.start:m.end] == m.text
        assert all(v is None or math.isfinite(v) for v in (m.value, m.low, m.high))
        if m.low is not None and m.high is not None:
            assert m.low <= m.high
        assert all(CURRENCY.match(c) for c in m.candidates)
        assert m.value is not None or m.low is not None or m.high is not None
    for r in refused:
        assert text[r.start:r.end] == r.text and r.reason


SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "A$": "AUD", "HK$": "HKD", "₹": "INR", "₩": "KRW"}
SCALES = {"": 1, "m": 1e6, "bn": 1e9, " million": 1e6, " billion": 1e9, " trillion": 1e12, "k": 1e3}


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 999_999_999), st.integers(0, 2), st.sampled_from(sorted(SYMBOLS)), st.sampled_from(sorted(SCALES)),
       st.booleans(), st.sampled_from(["", ".", ",", ";", ")", "!"]))
def test_a_rendered_amount_parses_back(whole: int, decimals: int, symbol: str, scale: str, grouped: bool, after: str) -> None:
    number = whole / 10**decimals
    assume(number * SCALES[scale] <= GRAMMAR.rules.limits.max_value)  # beyond it, refused (tested below)
    digits = f"{number:,.{decimals}f}" if grouped else f"{number:.{decimals}f}"
    text = f"The firm said it paid {symbol}{digits}{scale}{after} in cash."
    found = GRAMMAR.find(text)
    assert len(found) == 1, [m.text for m in found]
    m = found[0]
    assert m.text == f"{symbol}{digits}{scale}"
    assert m.value == pytest.approx(number * SCALES[scale])
    assert m.candidates == [SYMBOLS[symbol]]


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 4000), st.sampled_from(["$", "$£€¥₹", "$1 ", "-1", "1.", "bn ", "$1bn, "]))
def test_adversarial_repeats_never_crash(count: int, unit: str) -> None:
    text = unit * count
    for m in GRAMMAR.find(text):
        assert text[m.start:m.end] == m.text


def test_an_amount_beyond_the_bound_is_refused_with_a_reason() -> None:
    text = f"It lost ${'9' * 321} in one day, and $5bn."
    found, refused = GRAMMAR.scan(text)
    assert [m.text for m in found] == ["$5bn"]
    assert len(refused) == 1 and "digits" in refused[0].reason
    found, refused = GRAMMAR.scan("A claim of $5,000,000 trillion.")
    assert found == [] and "above" in refused[0].reason
