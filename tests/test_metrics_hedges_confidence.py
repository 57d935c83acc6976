"""claims_metrics, claims_hedges and claims_confidence."""
from __future__ import annotations

import pytest

from extractor.components.confidence import score
from extractor.extract import extract_text


@pytest.mark.parametrize("text,metric", [
    ("ByteDance will purchase CNY 400 billion of AI chips.", "chip order"),
    ("It raised its 2026 artificial intelligence budget to ¥200 billion.", "ai budget"),
    ("A $30 billion AI capex increase is notable.", "ai capex increase"),
    ("Meta projects $115 billion to $135 billion of 2026 capex.", "capex"),
    ("BP made an annual profit of $16.2bn.", "profit"),
    # a word that names a company's profit names a person's pay
    ("Tellan Foods earned £30m last year.", "profit"),
    ("Tellan Foods said its chief executive, Ana Voss, earned £3.2m last year.", "salary"),
    ("Mr Dale took home £900,000 in 2025.", "salary"),
    ("Tallis Ventures led Quarry Bio's $45m Series B.", "funding"),
    # what the money was for ('for rigging bids') names no metric of it
    ("Regulators fined Hanbit Steel €31m for rigging bids.", "fine"),
    ("Qantas said net profit rose to A$458m.", "net profit"),
    ("Monsanto agreed to pay a $1.5m fine.", "fine"),
    ("Oil rose above $50 a barrel.", "oil price"),
    ("Chips cost approx. USD 40,000 per unit.", "unit price"),
    ("The deficit is set to hit $368bn this year.", "budget deficit"),
    # an auction's start price is no sale price, though the sentence buys
    ("Halvik, which paid above the auction start price of 246.75bn roubles, won.", "reserve price"),
    # an infinitive of purpose: its verb may name the figure, its object is another thing
    ("The state sold Tamsk Oil to Norvik Group for $6.1bn to offset a huge tax bill.", "sale price"),
    ("Orlen Bank received $2bn (£1.1bn) to cover its unpaid taxes.", None),
    ("Orlen Bank will put up $850m to settle the lawsuit.", "settlement"),
    ("Norvale Foods agreed to pay $75m to settle a class action.", "settlement"),  # a kind of payment
    ("Kynor paid $45m to settle a patent dispute with Brisca.", "settlement"),  # 'paid' alone: a price
    # a subordinate clause is another clause: its metric word names its own figure
    ("Shares in Velt Mining fell 8% to 420p after the miner said profits would slump.", "share price"),
    ("Profit after tax was $5m.", "profit"),
    ("Tessaly Bank agreed to lend $500m to Orvik Shipping.", "loan"),
    ("Orvik Shipping borrowed $200m from a group of banks.", "debt"),
    ("Kellan Airways has ordered 20 jets from Aerion worth $2.4bn.", "order"),
    ("Brisk Telecom will cut costs by $300m.", "cost savings"),
    # a figure's own unit names the metric only when nothing else does
    ("Corliss Foods will pay a final dividend of 9p a share.", "dividend"),
    ("Corliss stock traded at $12.50 a share.", "share price"),
    ("Harrow Mills offered 450p a share for Tenby Group.", "offer per share"),
])
def test_metric_labels(text, metric, nlp):
    assert extract_text(text, nlp=nlp)[0].metric == metric


def test_generic_budget_takes_the_specific_metric_of_the_paragraph(nlp):
    text = ("The plan follows its capital expenditure plans for AI. "
            "The company preliminarily budgeted CNY 1.6 trillion for 2026.")
    assert extract_text(text, nlp=nlp)[0].metric == "capex"


@pytest.mark.parametrize("text, metric", [
    ("Corvin Labs made a profit of $30m in 2026. It plans to spend $5m on research.", "spending"),
    ("Veyra Bank cut its losses to $80m. It will invest $12m in new branches.", "investment"),
    ("Halden opted to sell a minority stake to Orsk Bank for $775m.", "sale price"),  # in its clause any specific wins
])
def test_a_generic_metric_takes_only_a_kind_of_itself_from_an_earlier_clause(text, metric, nlp):
    """A profit named the sentence before is no kind of spending: the generic label stays."""
    assert extract_text(text, nlp=nlp)[-1].metric == metric


def test_restatement_shares_the_metric_of_what_it_restates(nlp):
    claims = extract_text("It will buy over CNY 400 billion (approximately USD 55 billion) worth of AI chips.", nlp=nlp)
    assert [c.metric for c in claims] == ["chip order", "chip order"]


@pytest.mark.parametrize("text,hedges", [
    ("ByteDance reportedly plans to buy $5bn of chips.", ["reportedly", "plans"]),
    ("Potential order value > CNY 400 billion (Conditional).", ["potential", "conditional"]),
    ("It preliminarily budgeted CNY 1.6 trillion.", ["preliminary"]),
    ("If approved, the sale could raise $2bn.", ["conditional", "could"]),
    ("Acme paid $5m for the site.", []),
    ("The company reported revenue of $21.3 billion.", []),
    ("It made $10bn on Thursday, ahead of the $9.8bn analysts had expected, and said it would buy more.", []),
    ("ByteDance's Reported $55 Billion Ascend Chip Procurement", ["reportedly"]),
    ("Its spending plans rose to $5m.", []),
])
def test_hedges(text, hedges, nlp):
    assert extract_text(text, nlp=nlp)[0].hedges == hedges


def test_confidence_is_the_sum_of_its_listed_factors(nlp):
    text = ("According to industry reports citing informed sources, ByteDance is planning to purchase "
            "over CNY 400 billion of chips.")
    [claim] = extract_text(text, nlp=nlp)
    factors = [f.model_dump() for f in claim.factors]
    assert (factors[0]["factor"], factors[0]["value"]) == ("base", "money.code")
    assert any(f["factor"] == "source_type" and f["value"] == "anonymous" and f["effect"] < 0 for f in factors)
    assert any(f["evidence"] and "informed sources" in f["evidence"] for f in factors)
    assert claim.confidence == score(claim.model_dump()["factors"])


def test_undecided_currency_and_editorial_sections_lower_confidence(nlp):
    plain = extract_text("The fund reported assets of $500 billion.", nlp=nlp)[0]
    unknown = extract_text("The fund reported assets of ¥500 billion.", nlp=nlp)[0]
    assert unknown.confidence < plain.confidence
    assert any(f.factor == "currency_undecided" and f.value == "¥" for f in unknown.factors)
    assert unknown.amount.currency_by == "undecided" and plain.amount.currency_by == "convention"
    editorial = extract_text("News\n\nEditorial analysis\n\nA $30 billion increase is notable.", nlp=nlp)[0]
    assert any(f.factor == "editorial_section" for f in editorial.factors)


def test_a_specific_metric_is_looked_for_only_where_one_of_its_terms_is(nlp, monkeypatch):
    """``_specific_in`` skips a part of the text where no specific term (whose companion words
    the document holds) starts: on every part it finds what a scan of the part finds, also
    where the part cuts a word ('capex' inside 'Bcapex')."""
    text = "Acme budgeted $1bn for AI chips; Bcapex said its budget deficit and capital expenditure rose to $2bn."
    finder = nlp.get_pipe("claims_metrics")
    finder(nlp(text))  # the places of the specific terms, for this text
    parts = [(start, end, kind) for start in range(len(text)) for end in range(start, len(text) + 1, 5)
             for kind in (None, "budget", "spending")]
    found = [finder._specific_in(text, *part) for part in parts]
    monkeypatch.setattr(type(finder), "_may_name_specific", lambda *args: True)
    assert found == [finder._specific_in(text, *part) for part in parts]
    assert any(found)


@pytest.mark.parametrize("text, metric", [
    ("The deal values the unit at $2.4bn including debt.", "valuation"),
    ("The club cut its losses from £20.6m to £1.2m after selling a host of players.", "loss"),
])
def test_a_term_after_including_or_after_does_not_name_the_figure(text, metric, nlp):
    from extractor.extract import extract_text
    assert {c.metric for c in extract_text(text, nlp=nlp)} == {metric}


def test_a_part_named_after_including_keeps_its_own_metric_not_the_whole_s(nlp):
    from extractor.extract import extract_text
    text = "Ardmore agreed to sell Kelvane to Sorrel Capital for €3.2bn ($3.5bn), including €600m of debt."
    assert {c.mention: c.metric for c in extract_text(text, nlp=nlp)} == {
        "€3.2bn": "sale price", "$3.5bn": "sale price", "€600m": "debt"}
