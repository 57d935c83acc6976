"""The invented table of tests/amount_cases.py through the whole pipeline: each sentence's
first money record (or none) against its expected record."""
from __future__ import annotations

import pytest

from extractor.extract import extract_text

from .amount_cases import CASES


def test_the_table_is_large_and_has_no_repeats() -> None:
    assert len(CASES) >= 200
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("sentence,mention,value,low,high,currency,qualifier", CASES, ids=[c[0][:50] for c in CASES])
def test_case(nlp, sentence, mention, value, low, high, currency, qualifier) -> None:
    claims = extract_text(sentence, nlp=nlp)
    if mention is None:
        assert claims == [], [c.mention for c in claims]
        return
    assert claims, "no amount found"
    found = claims[0]
    assert found.mention == mention
    assert sentence[found.start:found.end] == mention
    got = (found.amount.value, found.amount.low, found.amount.high)
    assert [g is None for g in got] == [e is None for e in (value, low, high)], got
    assert [g for g in got if g is not None] == pytest.approx([e for e in (value, low, high) if e is not None]), got
    assert (found.amount.currency, found.amount.qualifier) == (currency, qualifier)
