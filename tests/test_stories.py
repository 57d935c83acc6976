"""One story, many outlets: facts aligned across articles by entity, metric and period
(values as evidence), revisions, magnitude slips, unit prices, FX years of each article,
grouping into stories. Claims are built here with invented names (record side, no spaCy)."""
from __future__ import annotations

import hashlib

import pytest

from extractor.diff import diff
from extractor.facts import facts_of
from extractor.linking import Linker
from extractor.models import Amount, Attribution, Change, Claim, Entity, Hop, Period
from extractor.reconcile import reconcile
from extractor.stories import stories_of
from extractor.taxonomy import taxonomy

SCALE = {"bn": 1e9, "m": 1e6, "trn": 1e12, "": 1.0}


def claim(doc: str, mention: str, value: float | None, currency: str = "USD", subject: str | None = "Norvex",
          metric: str | None = "sale price", period: str | None = None, counterparty: str | None = None,
          sentence: str | None = None, qualifier: str = "exact", low: float | None = None, high: float | None = None,
          published: str | None = None, source: str | None = None, equivalent_of: str | None = None,
          label: str = "ORG") -> Claim:
    key = "|".join(map(str, (doc, mention, value, currency, sentence, period, metric)))
    return Claim(
        id=hashlib.sha1(key.encode()).hexdigest()[:16], doc_id=doc, mention=mention, start=0, end=len(mention),
        sentence=sentence or f"{subject or 'Someone'} said the figure was {mention}.",
        amount=Amount(value=value, low=low, high=high, currency=currency, currency_text=currency, qualifier=qualifier),
        subject=Entity(name=subject, canonical=subject, label=label) if subject else None,
        counterparty=Entity(name=counterparty, canonical=counterparty, label="ORG") if counterparty else None,
        metric=metric, rule="test",
        period=Period(text=period, start=f"{period}-01-01", end=f"{period}-12-31") if period and period.isdigit()
        else Period(text=period) if period else None,
        published=published, equivalent_of=equivalent_of,
        attribution=Attribution(source=source, source_type="media", chain=[Hop(source=source, type="media")])
        if source else Attribution())


def fact_with(result, doc: str, mention: str):
    return next(f for f in result.facts if any(m.doc_id == doc and m.mention == mention for m in f.mentions))


# ------------------------------------------------------------------ entities and metrics
def test_entity_names_link_across_articles():
    names = [Entity(name=n, canonical=n, label="ORG") for n in
             ("Norvex", "Norvexneftegaz", "Baltic Grain", "Baltic Grain Group", "Kestrel Mining Corporation", "KMC",
              "Kasparov Logistics", "Kasparow Logistics")]
    linker = Linker(names + [Entity(name="China", canonical="China", label="GPE"),
                             Entity(name="China Rail", canonical="China Rail", label="ORG")])
    assert linker.cluster("Norvexneftegaz") == linker.cluster("Norvex")  # a name truncated
    assert linker.cluster("Baltic Grain Group") == linker.cluster("Baltic Grain")  # a corporate word
    assert linker.cluster("KMC") == linker.cluster("Kestrel Mining Corporation")  # an acronym
    assert linker.cluster("Kasparow Logistics") == linker.cluster("Kasparov Logistics")  # a spelling
    assert linker.cluster("China Rail") != linker.cluster("China")  # a country does not start a company
    assert linker.mentioned("Shares of Norvexneftegaz rose; us traders cheered") == {linker.cluster("Norvex")}


def test_metric_taxonomy_synonyms_parents_and_kinds():
    t = taxonomy()
    assert t.fit("sale price", "acquisition price") == "same"
    assert t.fit("capex", "spending") == "related"
    assert t.fit("net profit", "profit") == "related"
    assert t.fit("revenue", "net profit") is None
    assert t.fit("share price", "capex") is None  # a price is never a total


def test_a_sale_price_under_other_names_and_a_conflict_land_in_one_fact():
    claims = [
        claim("a.txt", "$4.37bn", 4.37e9, subject="Norvexneftegaz", metric="acquisition price", counterparty="Baltic Grain"),
        claim("b.txt", "$4.4bn", 4.4e9, subject="Norvex", metric="sale price"),
        claim("c.txt", "$3.9bn", 3.9e9, subject="Norvex", metric="sale price"),  # a conflict, never a fact of its own
        claim("d.txt", "$4.4bn", 4.4e9, subject="Baltic Grain", metric="acquisition price",
              sentence="Baltic Grain agreed to buy Norvex for $4.4bn."),  # the buyer as subject: named in the sentence
    ]
    result = reconcile(claims)
    fact = fact_with(result, "a.txt", "$4.37bn")
    assert sorted(fact.documents) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert [f.check for f in result.findings if f.verdict == "conflict"] == ["value_conflict"]


def test_different_bidders_are_different_facts():
    claims = [
        claim("a.txt", "$6.2bn", 6.2e9, subject="Halcyon", metric="takeover bid", counterparty="Vantor"),
        claim("b.txt", "$7.5bn", 7.5e9, subject="Halcyon", metric="takeover bid", counterparty="Quellin"),
        claim("c.txt", "$6.2bn", 6.2e9, subject="Halcyon", metric="takeover bid", counterparty="Vantor"),
    ]
    result = reconcile(claims)
    assert fact_with(result, "a.txt", "$6.2bn") is not fact_with(result, "b.txt", "$7.5bn")
    assert not [f for f in result.findings if f.verdict == "conflict"]


def test_other_periods_and_kinds_stay_apart_and_a_missing_period_joins_by_value():
    claims = [
        claim("a.txt", "$3bn", 3e9, metric="capex", period="2026"),
        claim("b.txt", "$2.5bn", 2.5e9, metric="capex", period="2025"),
        claim("c.txt", "$3bn", 3e9, metric="capex"),  # no period: its value says which year
        claim("d.txt", "$3", 3.0, metric="share price"),
    ]
    result = reconcile(claims)
    assert sorted(fact_with(result, "a.txt", "$3bn").documents) == ["a.txt", "c.txt"]
    assert fact_with(result, "b.txt", "$2.5bn").documents == ["b.txt"]
    assert fact_with(result, "d.txt", "$3").documents == ["d.txt"]
    assert any(f.check == "different_period" for f in result.findings)


def test_a_statement_about_a_class_of_firms_is_no_ones_fact():
    generic = claim("a.txt", "multibillion-dollar", None, qualifier="vague", low=2e9, metric="capex",
                    sentence="Large, multibillion-dollar capex commitments from major technology firms tend to lift "
                             "demand, and they increase spending on tools.")
    named = claim("a.txt", "$3bn", 3e9, metric="capex", period="2026")
    [group] = [g for g in facts_of([generic, named]) if generic.id in {c.id for c in g.claims}]
    assert group.subject is None


# ------------------------------------------------------------------ revisions, slips, unit prices
def test_a_raised_plan_is_a_revision_not_a_conflict():
    claims = [
        claim("early.txt", "RMB 50 billion", 50e9, "CNY", metric="capex", period="2027", published="2026-11-02",
              sentence="Norvex plans capital expenditure of RMB 50 billion in 2027."),
        claim("early2.txt", "RMB 50 billion", 50e9, "CNY", metric="capex", period="2027", published="2026-11-03",
              sentence="Norvex will spend RMB 50 billion on capital expenditure in 2027."),
        claim("late.txt", "RMB 60 billion", 60e9, "CNY", metric="capex", period="2027", published="2027-02-01",
              sentence="Norvex has raised its 2027 capital expenditure budget by 20% to RMB 60 billion."),
    ]
    claims[2] = claims[2].model_copy(update={"change": Change(direction="up", percent=20.0)})
    result = reconcile(claims)
    assert fact_with(result, "late.txt", "RMB 60 billion") is not fact_with(result, "early.txt", "RMB 50 billion")
    [revision] = [f for f in result.findings if f.check == "revision"]
    assert revision.verdict == "agree" and "the stated 20% fits" in revision.why
    assert not [f for f in result.findings if f.verdict == "conflict"]


@pytest.mark.parametrize("slipped, value, currency, power", [
    ("RMB 1.2 trillion", 1.2e12, "CNY", 10),  # 1,200 亿 read as 1.2 trillion
    ("$450 million", 450e6, "USD", 1000),  # million for billion
])
def test_a_value_a_power_of_ten_off_is_a_magnitude_slip_with_the_likely_correct_value(slipped, value, currency, power):
    good = [claim(f"relay{n}.txt", "RMB 120 billion", 120e9, "CNY", metric="capex", period="2026",
                  source="Daily Ledger", published="2026-03-01") for n in range(3)]
    if currency == "USD":
        good = [claim(f"relay{n}.txt", "$450bn", 450e9, metric="capex", period="2026", source="Daily Ledger")
                for n in range(3)]
    bad = claim("slip.txt", slipped, value, currency, metric="capex", period="2026", published="2026-03-02")
    result = reconcile(good + [bad])
    [slip] = [f for f in result.findings if f.check == "magnitude_slip"]
    assert bad.id in slip.claims and slip.correct is not None and slip.correct.mention == good[0].mention
    assert f"{power:,}x" in slip.why and "likely correct" in slip.why
    assert not [f for f in result.findings if f.check == "value_conflict"]


def test_the_sources_one_article_cites_do_not_outvote_other_outlets():
    """One article gives the slipped value twice, citing analysts and people familiar with the
    plan; two outlets relay the right value from one report: the right value is theirs."""
    slipped = [claim("digest.txt", "$230bn", 230e9, metric="capex", period="2026", source=source,
                     sentence=f"{source} put Norvex's 2026 capex at {mention}.", published="2026-03-02")
               for source, mention in (("analysts", "$230bn"), ("people familiar with the plan", "$230 billion"))]
    relays = [claim(f"relay{n}.txt", "$23bn", 23e9, metric="capex", period="2026", source="Daily Ledger",
                    published="2026-03-01") for n in range(2)]
    [slip] = [f for f in reconcile(slipped + relays).findings if f.check == "magnitude_slip"]
    assert slip.correct is not None and slip.correct.mention == "$23bn"
    assert "10x overstated" in slip.why


def test_unit_price_times_count_against_the_stated_total():
    price = claim("a.txt", "$30,000", 30000.0, subject="Norvex", metric="unit price",
                  sentence="Norvex ordered 10,000 accelerator chips at $30,000 each.")
    total = claim("b.txt", "$500 million", 500e6, subject="Norvex", metric="chip order",
                  sentence="The order for 10,000 accelerator chips is worth $500 million.")
    [check] = [f for f in reconcile([price, total]).findings if f.check == "unit_price"]
    assert check.verdict == "conflict" and "10,000 chips" in check.why and "USD 300 million" in check.why


# ------------------------------------------------------------------ exchange-rate years, names, confidence
def test_the_fx_year_of_a_claim_comes_from_its_own_article_never_the_batch():
    pounds = claim("fosters.txt", "£1.8bn", 1.8e9, "GBP", subject="Southvine", metric="takeover bid",
                   published="2005-01-18", equivalent_of=None)
    dollars = claim("fosters.txt", "$2.3bn", 2.3e9, subject="Southvine", metric="takeover bid", published="2005-01-18")
    pounds = pounds.model_copy(update={"equivalent_of": dollars.id})
    alone = reconcile([dollars, pounds])
    other = [claim(f"x{n}.txt", "$1bn", 1e9, subject=f"Other{n}", period=str(1995 + n)) for n in range(6)]
    crowded = reconcile([dollars, pounds] + other)
    [a] = [f for f in alone.findings if f.check == "currency_equivalent"]
    [b] = [f for f in crowded.findings if f.check == "currency_equivalent"]
    assert a.why == b.why and "2005 reference rate" in a.why
    assert a.values[0].usd.year_by == "published"


def test_source_names_keep_their_case_and_fact_confidence_is_explained():
    claims = [claim("a.txt", "$2bn", 2e9, source="Daily Ledger"), claim("b.txt", "$2bn", 2e9, source="daily ledger"),
              claim("c.txt", "$2bn", 2e9, source="Harbour Times")]
    fact = fact_with(reconcile(claims), "a.txt", "$2bn")
    assert fact.origins == ["Daily Ledger", "Harbour Times"]
    assert all(f.evidence for f in fact.factors) and fact.factors[0].factor == "mean_claim_confidence"


# ------------------------------------------------------------------ stories
def test_articles_group_into_stories_by_shared_entities_and_dates():
    claims = [claim("a.txt", "$2bn", 2e9, subject="Norvex", published="2026-01-01"),
              claim("b.txt", "$2.1bn", 2.1e9, subject="Norvex", published="2026-01-10"),
              claim("c.txt", "$5bn", 5e9, subject="Quellin", published="2026-01-10"),
              claim("d.txt", "$9bn", 9e9, subject="Norvex", published="2027-06-01")]
    stories = [sorted({c.doc_id for c in s}) for s in stories_of(claims)]
    assert stories == [["a.txt", "b.txt"], ["c.txt"], ["d.txt"]]


def test_diff_reports_a_slip_as_a_slip():
    a = [claim("a.txt", "$450bn", 450e9, metric="capex", period="2026")]
    b = [claim("b.txt", "$450 million", 450e6, metric="capex", period="2026")]
    [pair] = diff(a, b).conflict
    assert "magnitude slip" in pair.why and "1,000x" in pair.why


def test_a_figure_agrees_with_a_restatement_in_a_currency_the_first_statement_lacks():
    """Agreement is not transitive across conversions: 320bn roubles stated with $9.37bn
    agrees with $9.3bn; 320bn roubles stated with pounds only meets the fact through the
    roubles of that restatement (through the reference rate 320bn roubles is far off $9.3bn)."""
    b_rub = claim("b.txt", "320bn roubles", 320e9, "RUB", period="2004")
    c_rub = claim("c.txt", "320bn roubles", 320e9, "RUB", metric="payment", period="2004")
    claims = [
        claim("a.txt", "$9.3bn", 9.3e9, period="2004"),
        b_rub, claim("b.txt", "$9.37bn", 9.37e9, period="2004", equivalent_of=b_rub.id),
        c_rub, claim("c.txt", "£4.8bn", 4.8e9, "GBP", metric="payment", period="2004", equivalent_of=c_rub.id),
    ]
    result = reconcile(claims)
    assert sorted(fact_with(result, "a.txt", "$9.3bn").documents) == ["a.txt", "b.txt", "c.txt"]


def test_an_undated_conversion_is_no_evidence_that_two_figures_are_one_fact():
    """Neither article tells its year, so no reference rate says what £4.8bn was in dollars:
    the figure of a partial key (no metric) does not join a dollar fact through today's rate."""
    claims = [
        claim("a.txt", "$6.4bn", 6.4e9),
        claim("b.txt", "£4.8bn", 4.8e9, "GBP", metric=None),
    ]
    result = reconcile(claims)
    assert fact_with(result, "a.txt", "$6.4bn") is not fact_with(result, "b.txt", "£4.8bn")
    dated = [claim("a.txt", "$6.4bn", 6.4e9, published="2026-03-02"),
             claim("b.txt", "£4.8bn", 4.8e9, "GBP", metric=None, published="2026-03-04")]
    result = reconcile(dated)
    assert fact_with(result, "a.txt", "$6.4bn") is fact_with(result, "b.txt", "£4.8bn")


def test_a_fact_holds_a_value_and_one_slip_of_it_not_a_chain_of_slips():
    """£3.2bn, a £320m slip of it, and a £32m fee of the same bidder and metric: the slip joins the
    value, the tenth of the slip is another figure (no chain of powers of ten)."""
    offer = [claim(f"o{i}.txt", "£3.2bn", 3.2e9, "GBP", subject="Northway", metric="payment") for i in range(3)]
    slipped = claim("s.txt", "£320m", 3.2e8, "GBP", subject="Northway", metric="payment")
    fee = [claim(f"f{i}.txt", "£32m", 3.2e7, "GBP", subject="Northway", metric="payment") for i in range(3)]
    result = reconcile(offer + [slipped] + fee)
    assert fact_with(result, "s.txt", "£320m") is fact_with(result, "o0.txt", "£3.2bn")
    assert fact_with(result, "f0.txt", "£32m") is not fact_with(result, "o0.txt", "£3.2bn")
