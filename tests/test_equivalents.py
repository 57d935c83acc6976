"""claims_equivalents: a restatement in another currency points at what it restates."""
from __future__ import annotations

from extractor.documents import decode
from extractor.extract import extract_text

from .conftest import FIXTURES


def test_parenthetical_restatements_link_to_the_first_amount(nlp):
    text = decode((FIXTURES / "articles" / "restatements.txt").read_bytes())
    claims = extract_text(text, nlp=nlp)
    by = {c.mention: c for c in claims}
    head = by["A$3.1bn"]
    assert head.equivalent_of is None
    assert by["$2.4bn"].equivalent_of == head.id
    assert by["£1.25bn"].equivalent_of == head.id


def test_restatement_carries_the_bound_of_what_it_restates(nlp):
    text = decode((FIXTURES / "articles" / "restatements.txt").read_bytes())
    by = {c.mention: c for c in extract_text(text, nlp=nlp)}
    restated = by["£5.17bn"]
    assert restated.equivalent_of == by["less than $10bn"].id
    assert restated.amount.qualifier == "less_than"
    assert restated.amount.high == 5.17e9 and restated.amount.value is None
    assert by["£207m"].amount.qualifier == "approximately"


def test_seed_order_in_two_currencies(nlp):
    claims = extract_text("ByteDance will buy over CNY 400 billion (approximately USD 55 billion) of chips.", nlp=nlp)
    assert claims[1].equivalent_of == claims[0].id
    assert claims[0].amount.qualifier == "more_than"
    assert claims[1].amount.qualifier == "approximately"


def test_amounts_in_one_currency_or_outside_brackets_are_not_linked(nlp):
    claims = extract_text("Revenue was $5bn ($4.9bn a year earlier) and costs £2bn, against £3bn.", nlp=nlp)
    assert all(c.equivalent_of is None for c in claims)
