"""claims reconcile: facts, each check on fixtures, the seed findings end to end, the CLI."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.extract import extract_paths
from extractor.models import Claim, Finding, Reconciliation
from extractor.reconcile import reconcile

from .conftest import FIXTURES, SEEDS

runner = CliRunner()
BIGGO, LDS = "000_3f00ea69314cb987.txt", "004_e6c9b792dda29dee.txt"


def _load(name: str) -> list[Claim]:
    lines = (FIXTURES / "reconcile" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [Claim.model_validate_json(line) for line in lines]


def _ids(claims: list[Claim], doc: str, mention: str) -> set[str]:
    return {c.id for c in claims if c.doc_id == doc and c.mention == mention}


def _found(result: Reconciliation, check: str, verdict: str, *ids: set[str]) -> list[Finding]:
    """Findings of a check and verdict whose claims include one of each id set."""
    return [f for f in result.findings if f.check == check and f.verdict == verdict
            and all(set(f.claims) & wanted for wanted in ids)]


# ------------------------------------------------------------------ checks on fixtures
def test_rounding_agreement_and_a_small_conflict():
    claims = _load("rounding")
    result = reconcile(claims)
    mci = _found(result, "corroboration", "agree", _ids(claims, "mci_reports.txt", "$6.8bn"),
                 _ids(claims, "mci_monday.txt", "$6.75bn"))
    assert len(mci) == 1 and "within rounding" in mci[0].why
    [small] = _found(result, "value_conflict", "conflict", _ids(claims, "yugansk_auction.txt", "$9.37bn"))
    assert small.severity == "small" and small.relative_difference == pytest.approx(0.0075, abs=1e-4)
    assert "a little" in small.why


def test_bounds_and_ranges():
    claims = _load("bounds")
    result = reconcile(claims)
    assert _found(result, "corroboration", "agree", _ids(claims, "yukos_russia.txt", "$27bn"),
                  _ids(claims, "yukos_more.txt", "more than $27bn"))
    assert _found(result, "value_conflict", "conflict", _ids(claims, "yukos_lawyers.txt", "less than $20bn"))
    meta = _ids(claims, "meta_projects.txt", "$115 billion to $135 billion")
    assert _found(result, "corroboration", "agree", meta, _ids(claims, "meta_analyst.txt", "$120bn"))
    assert _found(result, "value_conflict", "conflict", meta, _ids(claims, "meta_blog.txt", "$140bn"))


def test_approximate_figures():
    claims = _load("approximate")
    result = reconcile(claims)
    assert _found(result, "corroboration", "agree", _ids(claims, "budget_roughly.txt", "roughly $30 billion"),
                  _ids(claims, "budget_exact.txt", "$32bn"))
    [conflict] = _found(result, "value_conflict", "conflict", _ids(claims, "att_wrong.txt", "$19bn"))
    assert conflict.severity == "large"


def test_currency_restatements_and_comparisons_in_usd():
    claims = _load("currencies")
    result = reconcile(claims)
    [bad] = _found(result, "currency_equivalent", "conflict", _ids(claims, "fosters_rejected.txt", "£1.8bn"))
    assert "0.78 GBP/USD" in bad.why and {v.mention for v in bad.values} == {"£1.8bn", "$2.3bn"}
    assert _found(result, "currency_equivalent", "agree", _ids(claims, "fosters_rejected.txt", "$2.3bn"),
                  _ids(claims, "fosters_rejected.txt", "A$3.1bn"))
    assert len(_found(result, "currency_equivalent", "agree", _ids(claims, "fosters_stake.txt", "$2.4bn"))) == 2
    fiat = _found(result, "corroboration", "agree", _ids(claims, "gm_pounds.txt", "£1.1bn"))
    assert fiat and not _found(result, "value_conflict", "conflict", _ids(claims, "gm_pounds.txt", "£1.1bn"))


def test_usd_values_record_rate_and_year():
    fact = next(f for f in reconcile(_load("currencies")).facts if f.subject == "Fiat")
    pounds = next(m for m in fact.mentions if m.mention == "£1.1bn")
    assert pounds.usd.year == 2005 and pounds.usd.rate == pytest.approx(0.550092)


def test_part_exceeds_whole_and_parts_that_fit():
    claims = _load("bytedance")
    result = reconcile(claims)
    budget = _ids(claims, "lds.txt", "¥200 billion")
    [conflict] = _found(result, "part_exceeds_whole", "conflict", budget, _ids(claims, "biggo.txt", "over CNY 400 billion"),
                        _ids(claims, "biggo.txt", "roughly CNY 850 billion"))
    assert "exceeds the whole" not in conflict.why or "a part exceeds the whole" in conflict.why
    assert _found(result, "part_exceeds_whole", "agree", _ids(claims, "biggo.txt", "CNY 1.6 trillion"))


def test_arithmetic_a_rise_of_25_percent_to_30bn_is_not_a_30bn_increase():
    claims = _load("bytedance")
    [finding] = _found(reconcile(claims), "arithmetic", "conflict", _ids(claims, "lds.txt", "$30 billion"),
                       _ids(claims, "lds.txt", "roughly $30 billion"))
    assert "rose 25%" in finding.why and "USD 6 billion" in finding.why


def test_repetition_in_one_article_is_one_fact_not_corroboration():
    claims = _load("bytedance")
    result = reconcile(claims)
    [repeated] = _found(result, "repetition", "agree", _ids(claims, "biggo.txt", "$55 Billion"),
                        _ids(claims, "biggo.txt", "> CNY 400 billion"))
    assert "6 mentions" in repeated.why
    order = next(f for f in result.facts if f.metric == "chip order")
    assert len(order.mentions) == 6 and order.documents == ["biggo.txt"]
    assert not _found(result, "corroboration", "agree", _ids(claims, "biggo.txt", "$55 Billion"))


def test_relayed_origins_count_once():
    claims = _load("bytedance")
    relayed = [c for c in claims if c.doc_id in ("lds.txt", "relay.txt")]
    [one] = _found(reconcile(relayed), "corroboration", "agree", _ids(claims, "relay.txt", "¥200 billion"))
    assert "1 independent origin(s): CryptoBriefing" in one.why  # source names keep their case
    fact = next(f for f in reconcile(claims).facts if f.metric == "ai budget")
    assert fact.origins == ["CryptoBriefing", "Reuters"]
    assert any((x.factor, x.value) == ("independent_origins", "2") for x in fact.factors)


def test_different_periods_are_not_a_conflict_and_a_missing_period_joins_by_its_value():
    claims = _load("bytedance")
    result = reconcile(claims)
    [periods] = _found(result, "different_period", "agree", _ids(claims, "biggo.txt", "CNY 1.5 trillion"))
    assert "+6.7%" in periods.why
    assert not _found(result, "value_conflict", "conflict", _ids(claims, "biggo.txt", "CNY 1.5 trillion"))
    assert not [f for f in result.facts if f.metric == "capex" and f.period is None]
    # two dated capex facts: the undated CNY 1.6 trillion agrees with the 2026 one, not the 2025 one
    [capex_2026] = [f for f in result.facts if f.metric == "capex" and f.period == "2026"]
    assert [m.mention for m in capex_2026.mentions] == ["CNY 1.6 trillion", "CNY 1.6 trillion"]


def test_a_missing_period_joins_the_only_dated_fact():
    claims = _load("bytedance")
    order = next(f for f in reconcile(claims).facts if f.metric == "chip order")
    assert order.period == "2026" and "$55 Billion" in {m.mention for m in order.mentions}


def test_fact_confidence_counts_conflicts():
    fact = next(f for f in reconcile(_load("rounding")).facts if f.subject == "Yugansk")
    assert fact.confidence == pytest.approx(1.0 + 0.05 - 0.15)
    assert [(x.factor, x.value) for x in fact.factors] == [
        ("mean_claim_confidence", "3 claim(s)"), ("independent_origins", "2"), ("conflicts", "1")]


# ------------------------------------------------------------------ the seeds, end to end
@pytest.fixture(scope="module")
def seeds(nlp) -> tuple[list[Claim], Reconciliation]:
    claims = [c for c in extract_paths([SEEDS], nlp=nlp) if isinstance(c, Claim)]
    return claims, reconcile(claims)


def test_seed_part_exceeds_whole(seeds):
    claims, result = seeds
    assert _found(result, "part_exceeds_whole", "conflict", _ids(claims, LDS, "¥200 billion"),
                  _ids(claims, BIGGO, "over CNY 400 billion"), _ids(claims, BIGGO, "roughly CNY 850 billion"))


def test_seed_increase_is_not_a_25_percent_rise(seeds):
    claims, result = seeds
    assert _found(result, "arithmetic", "conflict", _ids(claims, LDS, "$30 billion"),
                  _ids(claims, LDS, "roughly $30 billion"))


@pytest.mark.parametrize("head, restated, rate", [
    ("over CNY 400 billion", "approximately USD 55 billion", "7.27 CNY/USD"),
    ("¥200 billion", "roughly $30 billion", "6.67 CNY/USD"),
])
def test_seed_currency_pairs_are_consistent(seeds, head, restated, rate):
    claims, result = seeds
    doc = BIGGO if head.startswith("over") else LDS
    found = _found(result, "currency_equivalent", "agree", _ids(claims, doc, head), _ids(claims, doc, restated))
    assert found and rate in found[0].why
    assert not [f for f in result.findings if f.check == "currency_equivalent" and f.verdict == "conflict"]


def test_seed_repeated_55_billion_is_one_fact(seeds):
    claims, result = seeds
    assert _found(result, "repetition", "agree", _ids(claims, BIGGO, "$55 Billion"),
                  _ids(claims, BIGGO, "approximately USD 55 billion"), _ids(claims, BIGGO, "> CNY 400 billion"))
    facts = [f for f in result.facts if _ids(claims, BIGGO, "$55 Billion") & {m.claim for m in f.mentions}]
    assert len(facts) == 1 and len(facts[0].documents) == 1


def test_seed_capex_years_are_different_periods(seeds):
    claims, result = seeds
    capex = _ids(claims, BIGGO, "CNY 1.6 trillion"), _ids(claims, BIGGO, "CNY 1.5 trillion")
    assert _found(result, "different_period", "agree", *capex)
    assert not _found(result, "value_conflict", "conflict", *capex)


# ------------------------------------------------------------------ command line
def test_cli_json_from_claims_file():
    result = runner.invoke(app, ["reconcile", "--claims", str(FIXTURES / "reconcile" / "currencies.jsonl"),
                                 "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"facts", "findings"}
    finding = next(f for f in data["findings"] if f["verdict"] == "conflict")
    assert set(finding) >= {"check", "verdict", "subject", "metric", "period", "claims", "values", "why"}


def test_cli_writes_facts_and_findings_as_jsonl(tmp_path):
    facts, findings = tmp_path / "facts.jsonl", tmp_path / "findings.jsonl"
    result = runner.invoke(app, ["reconcile", "--claims", str(FIXTURES / "reconcile" / "bytedance.jsonl"),
                                 "--output", str(facts), "--findings", str(findings)])
    assert result.exit_code == 0, result.output
    assert "Findings" in result.stdout and "conflict" in result.stdout and "facts" in result.stderr
    assert all(json.loads(line)["figure"] for line in facts.read_text(encoding="utf-8").splitlines())
    assert len(findings.read_text(encoding="utf-8").splitlines()) >= 5


def test_cli_bad_claims_line_names_its_number(tmp_path):
    bad = tmp_path / "claims.jsonl"
    good = (FIXTURES / "reconcile" / "rounding.jsonl").read_text(encoding="utf-8").splitlines()[0]
    bad.write_text(good + "\n" + '{"id": "x"}\n', encoding="utf-8")
    result = runner.invoke(app, ["reconcile", "--claims", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:2: invalid claim record" in result.stderr


def test_cli_reconciles_articles():
    result = runner.invoke(app, ["reconcile", str(SEEDS), "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    assert any(f["check"] == "currency_equivalent" for f in json.loads(result.stdout)["findings"])


def test_a_name_merely_mentioned_and_a_broader_metric_make_no_fact(tmp_path, nlp):
    """'the US firm' names the US in Halvex's sentence; the US's aid spending of the same size
    is another fact, not Halvex's payment: the entity is only mentioned and the metrics are
    only kin (a payment is a kind of spending)."""
    (tmp_path / "halvex.txt").write_text(
        "Halvex ends alliance\n\nHalvex Motors will pay $2.5bn in 2006 to leave its alliance with Orvel, the US "
        "firm said.\n", encoding="utf-8")
    (tmp_path / "aid.txt").write_text(
        "US aid budget\n\nThe US will raise its aid spending to $2.5bn in 2006, officials said.\n", encoding="utf-8")
    claims = [c for c in extract_paths([tmp_path], nlp=nlp) if isinstance(c, Claim)]
    facts = reconcile(claims).facts
    assert sorted(sorted(m.doc_id for m in f.mentions) for f in facts) == [["aid.txt"], ["halvex.txt"]]
