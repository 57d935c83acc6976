"""A person's pay has their employer as its other party (rules/subjects.json personal_money),
on invented articles."""
from __future__ import annotations

import pytest

PAY_ROW = ("Tarrow Group's shares fell on Monday. Tarrow Group makes pumps and valves for the water industry. "
           "Shareholders voted against the pay report after chief executive Lena Morley received £6.2m for 2025, "
           "up from the £3.1m she was paid a year earlier.")


def _claims(text: str, nlp):
    from extractor.extract import extract_text
    return extract_text(text, nlp=nlp)


def test_an_officer_with_no_company_named_is_paid_by_the_company_in_the_news(nlp):
    claims = _claims(PAY_ROW, nlp)
    assert [(c.subject.canonical, c.counterparty.canonical if c.counterparty else None) for c in claims] == [
        ("Lena Morley", "Tarrow"), ("Lena Morley", "Tarrow")]
    assert claims[0].decided_by["counterparty"].rule == "counterparty.employer"


@pytest.mark.parametrize("text, employer", [
    ("Brannock Mills finance director Martin Oduya received a bonus of £1.2m.", "Brannock Mills"),
    ("Martin Oduya, chief executive of Brannock Mills, received a bonus of £1.2m.", "Brannock Mills"),
    ("Martin Oduya, Brannock's chair, received a bonus of £1.2m.", "Brannock"),
])
def test_the_organisation_named_with_a_persons_role_pays_them(text, employer, nlp):
    claim = _claims(text, nlp)[0]
    assert (claim.subject.canonical, claim.counterparty.canonical) == ("Martin Oduya", employer)


def test_a_later_mention_of_the_person_keeps_the_employer(nlp):
    claims = _claims("Martin Oduya, chief executive of Brannock Mills, received a bonus of £1.2m. "
                     "Analysts said Oduya earned £3m in all.", nlp)
    assert [c.counterparty.canonical for c in claims] == ["Brannock Mills", "Brannock Mills"]


@pytest.mark.parametrize("text", [
    "Brannock Mills finance director Martin Oduya has a personal fortune of £60m.",  # no employer pays a fortune
    "Martin Oduya, a retired teacher, received a bonus of £1,200.",  # no role of a company
])
def test_no_employer_where_none_pays(text, nlp):
    claim = _claims(text, nlp)[0]
    assert claim.counterparty is None or claim.counterparty.canonical != "Brannock Mills"


def test_a_longer_cue_ending_at_the_same_place_names_the_metric(nlp):
    """'was paid' (pay) and 'paid' (a purchase) end at the same word: the longer cue decides."""
    assert _claims("Martin Oduya was paid £6.2m last year.", nlp)[0].metric == "salary"
