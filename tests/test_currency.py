"""claims_currency: ambiguous markers are decided from evidence, or left undecided."""
from __future__ import annotations

import pytest

from extractor.extract import extract_text
from extractor.documents import decode

from .conftest import FIXTURES


def _claims(name, nlp):
    text = decode((FIXTURES / "articles" / name).read_bytes())
    return {c.mention: c for c in extract_text(text, doc_id=name, nlp=nlp)}


def test_yen_sign_is_jpy_when_the_dollar_restatement_fits_the_yen_rate(nlp):
    claims = _claims("yen_profit.txt", nlp)
    amount = claims["¥1.3 trillion"].amount
    assert amount.currency == "JPY"
    assert "JPY/USD" in amount.currency_note and "reference rate" in amount.currency_note


def test_yen_sign_is_jpy_from_japanese_context_without_restatement(nlp):
    amount = _claims("yen_profit.txt", nlp)["about ¥13 trillion"].amount
    assert amount.currency == "JPY"
    assert "context" in amount.currency_note


def test_yen_sign_is_cny_for_a_chinese_subject(nlp):
    [claim] = extract_text("Alibaba plans to invest ¥380 billion in cloud computing in China.", nlp=nlp)
    assert claim.amount.currency == "CNY"


def test_undecidable_yen_sign_says_so_instead_of_guessing(nlp):
    amount = _claims("ambiguous_yen_sign.txt", nlp)["¥500 billion"].amount
    assert amount.currency is None
    assert amount.currency_text == "¥"
    assert "CNY or JPY" in amount.currency_note


def test_rupees_in_a_sri_lankan_story_are_lkr(nlp):
    claims = _claims("rupee_budget.txt", nlp)
    assert claims["5bn rupees"].amount.currency == "LKR"
    assert claims["about 400 rupees"].amount.currency == "LKR"


def test_dollar_sign_is_usd_by_default_and_says_so(nlp):
    [claim] = extract_text("Koalair, the Australian airline, made $500m.", nlp=nlp)
    assert claim.amount.currency == "USD"
    [claim] = extract_text("Koalair made 500 dollars.", nlp=nlp)
    assert "by convention" in claim.amount.currency_note


def test_an_article_that_states_its_currency_decides_its_bare_symbols(nlp):
    text = "All figures are in Canadian dollars unless otherwise stated.\n\nTarvik will pay $3bn (US$2.2bn) for Ostra."
    claims = {c.mention: c.amount for c in extract_text(text, nlp=nlp)}
    assert (claims["$3bn"].currency, claims["$3bn"].currency_by) == ("CAD", "declaration")
    assert "figures are in Canadian dollars" in claims["$3bn"].currency_note
    assert claims["US$2.2bn"].currency == "USD"  # a marker that names its currency keeps it
    [claim] = extract_text("Amounts in Australian dollars. Tarvik will spend $4bn on pipes.", nlp=nlp)
    assert claim.amount.currency == "AUD"
    # an exchange-rate footer states no currency of the article
    claims = extract_text("Tarvik earned $5bn. ($1 = 1.37 Canadian dollars)", nlp=nlp)
    assert claims[0].amount.currency == "USD"


def test_cents_follow_the_currency_of_the_document_s_other_amounts(nlp):
    text = ("Karvel Bank earned R8.2bn, up from R7.4bn. Headline earnings per share rose to 1,842 cents. "
            "The dividend is 610 cents, and its shares rose 12 cents.")
    claims = {c.mention: c.amount for c in extract_text(text, nlp=nlp)}
    assert {claims[m].currency for m in ("1,842 cents", "610 cents", "12 cents")} == {"ZAR"}
    assert claims["1,842 cents"].value == pytest.approx(18.42)
    assert "other amounts are in ZAR" in claims["610 cents"].currency_note
    claims = {c.mention: c.amount for c in extract_text("Ostra earned $3bn and its shares rose 12 cents to $40.10.",
                                                        nlp=nlp)}
    assert claims["12 cents"].currency == "USD"
    # a nationality names the cents: no guess needed
    [cut, profit] = extract_text("Brindle cut its dividend to 20 Australian cents. It earned $1.1bn.", nlp=nlp)
    assert (cut.amount.currency, cut.amount.value) == ("AUD", pytest.approx(0.2))


def test_marked_dollars_are_not_usd(nlp):
    claims = extract_text("Fosters paid A$846m, or 3.1bn Australian dollars in all.", nlp=nlp)
    assert [c.amount.currency for c in claims] == ["AUD", "AUD"]


def test_a_marker_restated_in_the_body_decides_the_same_marker_in_the_headline(nlp):
    text = ("Orsano cuts outlook after ¥85bn tariff hit\n\n"
            "Orsano Motors lowered its guidance after tariffs wiped ¥85bn (about $580m) off earnings in 2025.")
    head, body = [c for c in extract_text(text, nlp=nlp) if c.mention == "¥85bn"]
    assert body.amount.currency == head.amount.currency == "JPY"
    assert head.amount.currency_by == "equivalent" and "restated" in head.amount.currency_note


def test_an_undated_text_checks_a_restatement_against_the_rates_of_the_year_it_names(nlp):
    """With no year, the Sri Lankan rupee of 2001 fits 83 a dollar as well as the Indian rupee;
    the year the text names leaves only the Indian rupee."""
    undated = "Varlo Power will invest 45bn rupees ($540m) in the plant."
    assert extract_text(undated, nlp=nlp)[0].amount.currency is None
    dated = "Varlo Power said in 2025 that it will invest 45bn rupees ($540m) in the plant."
    assert extract_text(dated, nlp=nlp)[0].amount.currency == "INR"


@pytest.mark.parametrize("text, mention, currency", [
    ("Cairo's health ministry paid LE86 a pen.", "LE86", "EGP"),  # the wire's Egyptian pound
    ("The tender was worth E£2.1 billion.", "E£2.1 billion", "EGP"),
    ("Santiago's tariff rise adds Ch$4,800 to bills.", "Ch$4,800", "CLP"),
    ("The Dubai developer bought the plot for Dh28m.", "Dh28m", "AED"),  # dirhams: the place decides
    ("The Rabat developer bought the plot for Dh28m.", "Dh28m", "MAD"),
    ("Riyadh's fund put in SR5bn.", "SR5bn", "SAR"),
    ("The Tel Aviv start-up raised NIS 40m.", "NIS 40m", "ILS"),
    ("Growers in Dak Lak were paid 112,000 dong.", "112,000 dong", "VND"),
    ("The Manila port concession is worth P4.5bn.", "P4.5bn", "PHP"),
    ("The Bangkok mall cost Bt5bn.", "Bt5bn", "THB"),
    ("Orvask earned NKr4.1bn in the quarter.", "NKr4.1bn", "NOK"),  # the FT's Nordic crowns
    ("Vessbro's sales rose to SKr 12bn.", "SKr 12bn", "SEK"),
    ("The Aarhus shipper paid DKr300m.", "DKr300m", "DKK"),
    ("The Nairobi lender raised KSh12bn.", "KSh12bn", "KES"),
    ("The Accra refinery cost GH₵1.5bn.", "GH₵1.5bn", "GHS"),
    ("The Brno plant cost 40m Kč.", "40m Kč", "CZK"),
])
def test_press_abbreviations_of_currencies(text, mention, currency, nlp):
    from extractor.extract import extract_text
    claim = extract_text(text, nlp=nlp)[0]
    assert (claim.mention, claim.amount.currency) == (mention, currency)


def test_a_lone_capital_before_a_number_is_no_peso(nlp):
    from extractor.extract import extract_text
    assert extract_text("He handed in his P45 and joined Halvern as a P2 engineer.", nlp=nlp) == []
