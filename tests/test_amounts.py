"""claims_amounts: every way news writes an amount, one row per form."""
from __future__ import annotations

import pytest

from extractor.amount_grammar import default_grammar
from extractor.extract import extract_text

B, M = 1e9, 1e6

# (sentence, mention, value, low, high, currency, qualifier)
CASES = [
    # symbols, codes before and after, words
    ("Shares closed at $20.15 on Friday.", "$20.15", 20.15, None, None, "USD", "exact"),
    ("The group made a profit of £3.24bn last year.", "£3.24bn", 3.24 * B, None, None, "GBP", "exact"),
    ("It paid €450m for the stake.", "€450m", 450 * M, None, None, "EUR", "exact"),
    ("Koalair earned A$458.4m in the half.", "A$458.4m", 458.4 * M, None, None, "AUD", "exact"),
    ("Telus raised C$1.2bn in bonds.", "C$1.2bn", 1.2 * B, None, None, "CAD", "exact"),
    ("The tower sold for HK$5.6 billion.", "HK$5.6 billion", 5.6 * B, None, None, "HKD", "exact"),
    ("DBS set aside S$300 million.", "S$300 million", 300 * M, None, None, "SGD", "exact"),
    ("Petrobras will invest R$12bn.", "R$12bn", 12 * B, None, None, "BRL", "exact"),
    ("Nestle paid SFr 5m for it.", "SFr 5m", 5 * M, None, None, "CHF", "exact"),
    ("Reliance spent ₹5,000 crore on the plant.", "₹5,000 crore", 5e10, None, None, "INR", "exact"),
    ("Samsung booked ₩2.5 trillion in profit.", "₩2.5 trillion", 2.5e12, None, None, "KRW", "exact"),
    ("The US$2bn loan was signed.", "US$2bn", 2 * B, None, None, "USD", "exact"),
    ("The fund raised USD 40,000 per unit.", "USD 40,000 per unit", 40000, None, None, "USD", "exact"),
    ("Revenue reached 12 billion EUR in 2024.", "12 billion EUR", 12 * B, None, None, "EUR", "exact"),
    ("The bank lent RMB 50 billion to developers.", "RMB 50 billion", 50 * B, None, None, "CNY", "exact"),
    ("It will cost 300 million euros.", "300 million euros", 300 * M, None, None, "EUR", "exact"),
    ("The sale raised 260.75bn roubles.", "260.75bn roubles", 260.75 * B, None, None, "RUB", "exact"),
    ("Toyota set aside 50 billion yen.", "50 billion yen", 50 * B, None, None, "JPY", "exact"),
    ("China spent 400 billion yuan on chips.", "400 billion yuan", 400 * B, None, None, "CNY", "exact"),
    ("They offered 4.17 Australian dollars per share.", "4.17 Australian dollars per share", 4.17, None, None, "AUD", "exact"),
    ("It is worth 1.55bn euros.", "1.55bn euros", 1.55 * B, None, None, "EUR", "exact"),
    ("The deal is worth two billion dollars.", "two billion dollars", 2 * B, None, None, "USD", "exact"),
    ("He won a billion yuan contract.", "a billion yuan", 1 * B, None, None, "CNY", "exact"),
    ("The chairman earns 500 grand, paid in dollars.", "500 grand", 500_000, None, None, "USD", "exact"),
    ("Tickets cost 20 quid each.", "20 quid", 20, None, None, "GBP", "exact"),
    ("He made fifty bucks.", "fifty bucks", 50, None, None, "USD", "exact"),
    # scales in any case, separators, decimals
    ("The Order Is Worth $55 Billion", "$55 Billion", 55 * B, None, None, "USD", "exact"),
    ("A $5M settlement was reached.", "$5M", 5 * M, None, None, "USD", "exact"),
    ("It bought the site for $750k.", "$750k", 750_000, None, None, "USD", "exact"),
    ("The debt stands at $1.2tn.", "$1.2tn", 1.2e12, None, None, "USD", "exact"),
    ("Sales were £799,000 in the period.", "£799,000", 799_000, None, None, "GBP", "exact"),
    ("The fund lost $3.5 mn.", "$3.5 mn", 3.5 * M, None, None, "USD", "exact"),
    ("Telus signed a C$1.5-billion deal.", "C$1.5-billion", 1.5 * B, None, None, "CAD", "exact"),
    ("India's budget is ₹48 lakh crore.", "₹48 lakh crore", 48e12, None, None, "INR", "exact"),
    # minor units
    ("Shell will pay a dividend of 8.5 cents.", "8.5 cents", 0.085, None, None, "USD", "exact"),
    ("BP shares closed at 548p.", "548p", 5.48, None, None, "GBP", "exact"),
    ("The offer values each share at 590 pence.", "590 pence", 5.9, None, None, "GBP", "exact"),
    # bounds and approximations
    ("The order is worth over CNY 400 billion.", "over CNY 400 billion", None, 400 * B, None, "CNY", "more_than"),
    ("It will spend more than $27bn.", "more than $27bn", None, 27 * B, None, "USD", "more_than"),
    ("Potential order value > CNY 400 billion.", "> CNY 400 billion", None, 400 * B, None, "CNY", "more_than"),
    ("It needs at least A$30m.", "at least A$30m", None, 30 * M, None, "AUD", "at_least"),
    ("It could raise up to $4.5 trillion.", "up to $4.5 trillion", None, None, 4.5e12, "USD", "at_most"),
    ("Insurers expect claims under $10bn.", "under $10bn", None, None, 10 * B, "USD", "less_than"),
    ("Oil fell below $35.", "below $35", None, None, 35, "USD", "less_than"),
    ("It will cost nearly $6bn.", "nearly $6bn", 6 * B, None, None, "USD", "approximately"),
    ("It is almost $2bn.", "almost $2bn", 2 * B, None, None, "USD", "approximately"),
    ("They paid approximately USD 55 billion.", "approximately USD 55 billion", 55 * B, None, None, "USD", "approximately"),
    ("They paid approx. USD 55 billion.", "approx. USD 55 billion", 55 * B, None, None, "USD", "approximately"),
    ("Profit was about £281m.", "about £281m", 281 * M, None, None, "GBP", "approximately"),
    ("Revenue was roughly $30 billion.", "roughly $30 billion", 30 * B, None, None, "USD", "approximately"),
    ("It holds around A$720 million.", "around A$720 million", 720 * M, None, None, "AUD", "approximately"),
    ("The firm has some $180bn in assets.", "some $180bn", 180 * B, None, None, "USD", "approximately"),
    ("It is valued at ~$3bn.", "~$3bn", 3 * B, None, None, "USD", "approximately"),
    ("Prices rose above the $50 mark.", "above the $50", None, 50, None, "USD", "more_than"),
    ("It bought BRL Hardy for just over $1bn.", "just over $1bn", None, 1 * B, None, "USD", "more_than"),
    ("The fine could be $5m or more.", "$5m or more", None, 5 * M, None, "USD", "at_least"),
    ("We expect capex to exceed $10 billion.", "exceed $10 billion", None, 10 * B, None, "USD", "more_than"),
    # ranges
    ("Meta projects $115 billion to $135 billion of capex.", "$115 billion to $135 billion", None, 115 * B, 135 * B, "USD", "range"),
    ("It expects $1-2bn in savings.", "$1-2bn", None, 1 * B, 2 * B, "USD", "range"),
    ("Costs could reach $2-$3.8 trillion.", "$2-$3.8 trillion", None, 2e12, 3.8e12, "USD", "range"),
    ("Earnings of $6.0-$6.5 a share.", "$6.0-$6.5 a share", None, 6.0, 6.5, "USD", "range"),
    ("Fines of $50-100,000 each.", "$50-100,000", None, 50_000, 100_000, "USD", "range"),
    ("Fees between 150 euros and 300 euros apply.", "between 150 euros and 300 euros", None, 150, 300, "EUR", "range"),
    ("Revenue of $4.2bn to $4.35bn is forecast.", "$4.2bn to $4.35bn", None, 4.2 * B, 4.35 * B, "USD", "range"),
    ("Sales will be 5 to 10 billion yuan.", "5 to 10 billion yuan", None, 5 * B, 10 * B, "CNY", "range"),
    # vague amounts
    ("Chips valued in the hundreds of billions of yuan.", "hundreds of billions of yuan", None, 1e11, 1e12, "CNY", "vague"),
    ("It will cost billions of dollars.", "billions of dollars", None, 1e9, 1e12, "USD", "vague"),
    ("Large, multibillion-dollar capex commitments.", "multibillion-dollar", None, 2e9, 1e12, "USD", "vague"),
    ("A billion-dollar fraud.", "billion-dollar", None, 1e9, 1e12, "USD", "vague"),
    ("Losses in the low double-digit millions of euros.", "low double-digit millions of euros", None, 1e7, 1e8, "EUR", "vague"),
    ("Hundreds of millions of dollars were lost.", "Hundreds of millions of dollars", None, 1e8, 1e9, "USD", "vague"),
    # word numbers with fractions
    ("The dollar was almost a cent and a half weaker.", "almost a cent and a half", 0.015, None, None, "USD", "approximately"),
    ("A two and a half billion dollars plan.", "two and a half billion dollars", 2.5 * B, None, None, "USD", "exact"),
    # a source's typo: a comma that can only be a decimal separator
    ("The euro bought $1,8923 in trading.", "$1,8923", 1.8923, None, None, "USD", "exact"),
]


@pytest.mark.parametrize("sentence,mention,value,low,high,currency,qualifier", CASES, ids=[c[1] for c in CASES])
def test_amount_forms(sentence, mention, value, low, high, currency, qualifier, nlp):
    claims = extract_text(sentence, nlp=nlp)
    assert [c.mention for c in claims] == [mention]
    a = claims[0].amount
    assert a.currency == currency
    assert a.qualifier == qualifier
    for got, want in ((a.value, value), (a.low, low), (a.high, high)):
        assert (got is None) == (want is None) and (want is None or got == pytest.approx(want))
    assert sentence[claims[0].start:claims[0].end] == mention


NOT_MONEY = [
    "Profits rose 25% in 2026, a 7.1 score.",
    "It ordered 20,000 units and hired 1,625 staff.",
    "The H200 and the V4 model shipped in Q4 2025.",
    "The index rose 3.5 points to 10,783.",
    "The dollar fell against the euro.",
    "Scores: 7.1 Relevance Score",
    "He was born on 5 May 1960 and has 3 children.",
    "Around 250 free problems were posted.",
    # a letter that marks a currency, touching a small plain number or a letter: a code
    "The W3C standard covers the W1 route and the R2 unit.",
    "Her office is at W12 8QT.",
]


@pytest.mark.parametrize("sentence", NOT_MONEY)
def test_numbers_that_are_not_money(sentence, nlp):
    assert extract_text(sentence, nlp=nlp) == []


@pytest.mark.parametrize("sentence,per", [
    ("Oil hit $50 a barrel.", "barrel"),
    ("Chips cost approx. USD 40,000 per unit.", "unit"),
    ("The bid was 590 pence a share.", "share"),
    ("Profit was $10m.", None),
    ("It earns $5bn a year.", "year"),
    ("He signed a £3.5m-a-year deal.", "year"),
    ("Foster's A$4.17-a-share offer.", "share"),
    ("Profit was $793m a year ago.", None),
])
def test_per_unit(sentence, per, nlp):
    assert extract_text(sentence, nlp=nlp)[0].amount.per == per


@pytest.mark.parametrize("sentence,mentions", [
    # a change is two figures, not a range
    ("Profit rose from $5bn to $6bn.", ["$5bn", "$6bn"]),
    ("Shares rose 20 cents to $1.50.", ["20 cents", "$1.50"]),
    # markers of different currencies do not join
    ("A$3.1bn ($2.4bn; £1.25bn)", ["A$3.1bn", "$2.4bn", "£1.25bn"]),
])
def test_figures_that_are_not_ranges(sentence, mentions, nlp):
    assert [c.mention for c in extract_text(sentence, nlp=nlp)] == mentions


def test_rule_ids_name_the_form():
    found = default_grammar().find("CNY 5bn, $5bn, 5bn euros, 50p, $1-2bn, billions of dollars")
    assert [m.rule for m in found] == [
        "money.code", "money.symbol", "money.word", "money.minor_unit", "money.range.symbol",
        "money.vague.plural_scale",
    ]


@pytest.mark.parametrize("text, mention, qualifier", [
    ("Halvern will hand over $110 million in cash within 30 days.", "$110 million", "exact"),  # a verb's particle
    ("Halvern handed over £5m to the liquidators.", "£5m", "exact"),
    ("Halvern paid over $110 million for the site.", "over $110 million", "more_than"),  # a bound
    ("Halvern will put up to $5m into the fund.", "up to $5m", "at_most"),
])
def test_over_after_a_phrasal_verb_is_its_particle(text, mention, qualifier, nlp):
    from extractor.extract import extract_text
    claim = extract_text(text, nlp=nlp)[0]
    assert (claim.mention, claim.amount.qualifier) == (mention, qualifier)


@pytest.mark.parametrize("text, mention, qualifier", [
    ("Teravolt nears $6bn deal for Brightline", "$6bn", "exact"),  # the deal is what it nears
    ("Halvern Nears $6bn Takeover Of Ostry", "$6bn", "exact"),
    ("Halvern's debt is nearing $6bn.", "nearing $6bn", "approximately"),  # the amount is what it nears
    ("Sales topped $5bn last year.", "topped $5bn", "more_than"),
])
def test_a_verb_before_an_amount_that_modifies_a_deal_qualifies_nothing(text, mention, qualifier, nlp):
    from extractor.extract import extract_text
    claim = extract_text(text, nlp=nlp)[0]
    assert (claim.mention, claim.amount.qualifier) == (mention, qualifier)
