"""End to end over the seed articles in seeds/: the key amounts, as a user reads them."""
from __future__ import annotations

import pytest

from extractor.extract import extract_paths
from extractor.models import Claim

from .conftest import SEEDS

BIGGO, LDS = "000_3f00ea69314cb987.txt", "004_e6c9b792dda29dee.txt"


@pytest.fixture(scope="module")
def claims(nlp) -> list[Claim]:
    return [c for c in extract_paths([SEEDS], nlp=nlp) if isinstance(c, Claim)]


def _one(claims, doc, mention, nth=0):
    return [c for c in claims if c.doc_id == doc and c.mention == mention][nth]


def test_chip_order_is_a_lower_bound_restated_in_dollars(claims):
    order = _one(claims, BIGGO, "over CNY 400 billion")
    assert (order.amount.qualifier, order.amount.low, order.amount.currency) == ("more_than", 400e9, "CNY")
    assert order.amount.value is None
    usd = _one(claims, BIGGO, "approximately USD 55 billion")
    assert usd.equivalent_of == order.id
    assert (usd.amount.qualifier, usd.amount.value, usd.amount.currency) == ("approximately", 55e9, "USD")


def test_yen_sign_in_the_bytedance_budget_is_yuan(claims):
    budget = _one(claims, LDS, "¥200 billion")
    assert budget.amount.currency == "CNY"
    assert "6.67 CNY/USD" in budget.amount.currency_note
    assert _one(claims, LDS, "roughly $30 billion").equivalent_of == budget.id


def test_meta_capex_is_one_range(claims):
    meta = _one(claims, LDS, "$115 billion to $135 billion")
    assert (meta.amount.qualifier, meta.amount.low, meta.amount.high) == ("range", 115e9, 135e9)
    assert meta.rule == "money.range.symbol"


def test_nothing_from_the_score_widget_or_the_ads(claims):
    mentions = [c.mention for c in claims if c.doc_id == LDS]
    text = (SEEDS / LDS).read_text(encoding="utf-8")
    tail = text.index("Practice interview problems")
    assert all(c.start < tail for c in claims if c.doc_id == LDS)
    assert not any("7.1" in m or "1,625" in m or "250" in m for m in mentions)


def test_every_money_mention_of_the_seeds(claims):
    assert len([c for c in claims if c.doc_id == BIGGO]) == 15
    assert len([c for c in claims if c.doc_id == LDS]) == 10
    assert [c.mention for c in claims if c.doc_id == BIGGO][:3] == ["$55 Billion"] * 3
    vague = _one(claims, BIGGO, "hundreds of billions of yuan")
    assert (vague.amount.qualifier, vague.amount.currency) == ("vague", "CNY")
    unit = _one(claims, BIGGO, "approx. USD 40,000 per unit")
    assert (unit.amount.per, unit.amount.value) == ("unit", 40000)


def test_chip_order_is_bytedance_buying_from_huawei_per_anonymous_sources(claims):
    order = _one(claims, BIGGO, "over CNY 400 billion")
    assert order.subject.canonical == "ByteDance"
    assert order.counterparty.canonical == "Huawei"
    assert order.metric == "chip order"
    assert "2026" in order.period.text
    assert [h.source for h in order.attribution.chain] == ["BigGo Editorial Team", "industry reports", "informed sources"]
    assert order.attribution.source_type == "anonymous"
    assert order.hedges


def test_ai_budget_is_bytedance_per_cryptobriefing_published_by_lds_team(claims):
    budget = _one(claims, LDS, "¥200 billion")
    assert budget.subject.canonical == "ByteDance"
    assert budget.metric == "ai budget"
    assert budget.attribution.source == "CryptoBriefing"
    assert budget.attribution.chain[0].source == "LDS Team"
    assert budget.attribution.chain[0].type == "publisher"


def test_meta_capex_is_attributed_to_meta_via_cryptobriefing(claims):
    meta = _one(claims, LDS, "$115 billion to $135 billion")
    assert (meta.subject.canonical, meta.metric) == ("Meta", "capex")
    assert [h.source for h in meta.attribution.chain] == ["LDS Team", "CryptoBriefing", "Meta"]


def test_anonymous_order_is_trusted_less_than_the_named_source_budget(claims):
    order, budget = _one(claims, BIGGO, "over CNY 400 billion"), _one(claims, LDS, "¥200 billion")
    assert order.confidence < budget.confidence
    assert any(f.value == "anonymous" and f.effect < 0 for f in order.factors)
    assert not any(f.value == "anonymous" for f in budget.factors)
