"""claims diff: what two sources claim, aligned by subject, metric and period."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from extractor.cli import app
from extractor.diff import diff
from extractor.models import Claim

from .conftest import FIXTURES, SEEDS

runner = CliRunner()
ROUNDING = FIXTURES / "reconcile" / "rounding.jsonl"


def _load(name: str) -> list[Claim]:
    lines = (FIXTURES / "reconcile" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [Claim.model_validate_json(line) for line in lines]


def _sides(claims: list[Claim], docs_a: set[str]) -> tuple[list[Claim], list[Claim]]:
    return [c for c in claims if c.doc_id in docs_a], [c for c in claims if c.doc_id not in docs_a]


def test_agreeing_conflicting_and_one_sided_figures():
    a, b = _sides(_load("rounding"), {"mci_reports.txt", "yugansk_auction.txt"})
    result = diff(a, b)
    [agree] = result.agree
    assert (agree.subject, agree.metric, agree.a.mention, agree.b.mention) == ("MCI", "takeover bid", "$6.8bn", "$6.75bn")
    assert "within rounding" in agree.why
    [conflict] = result.conflict
    assert (conflict.a.mention, conflict.b.mention) == ("$9.37bn", "$9.3bn")
    assert conflict.relative_difference == 0.0075 and conflict.a.usd.low == 9.365e9
    assert conflict.weaker == "a"  # asserted by the article vs stated by the company
    assert result.only_in_a == [] and result.only_in_b == []


def test_only_in_one_side():
    claims = _load("bounds")
    result = diff([c for c in claims if c.subject.canonical == "Yukos"], [c for c in claims if c.subject.canonical == "Meta"])
    assert {f.subject for f in result.only_in_a} == {"Yukos"} and {f.subject for f in result.only_in_b} == {"Meta"}
    assert not result.agree and not result.conflict


def test_a_part_in_one_source_exceeding_the_whole_in_the_other():
    a, b = _sides(_load("bytedance"), {"biggo.txt"})
    conflicts = diff(a, b).conflict
    assert [p.metric for p in conflicts] == ["ai processors budget within ai budget", "chip order within ai budget"]
    assert conflicts[1].a.mention == "over CNY 400 billion" and conflicts[1].b.mention == "¥200 billion"


def test_cli_json_and_exit_status(tmp_path):
    claims = ROUNDING.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(line for line in claims if "mci_reports" in line or "yugansk_auction" in line), encoding="utf-8")
    second.write_text("\n".join(line for line in claims if not ("mci_reports" in line or "yugansk_auction" in line)),
                      encoding="utf-8")
    result = runner.invoke(app, ["diff", str(first), str(second), "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"agree", "conflict", "only_in_a", "only_in_b"}
    pair = data["conflict"][0]
    assert set(pair) >= {"subject", "metric", "period", "a", "b", "relative_difference", "why"}
    assert set(pair["a"]) >= {"mention", "value", "low", "high", "currency", "usd", "source"}
    same = runner.invoke(app, ["diff", str(first), str(first)])
    assert same.exit_code == 0, same.output


def test_cli_markdown():
    result = runner.invoke(app, ["diff", str(ROUNDING), str(FIXTURES / "reconcile" / "bounds.jsonl"), "--format", "markdown"])
    assert result.exit_code == 0
    assert "## Conflicting figures" in result.stdout and "## Only in B" in result.stdout
    assert "| Yukos · tax bill · ? |" in result.stdout


def test_cli_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["diff", str(tmp_path / "missing.txt"), str(ROUNDING)]).exit_code == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert runner.invoke(app, ["diff", str(bad), str(ROUNDING)]).exit_code == 2


def test_seed_articles_show_the_bytedance_2026_conflict_first():
    result = runner.invoke(app, ["diff", str(SEEDS / "000_3f00ea69314cb987.txt"), str(SEEDS / "004_e6c9b792dda29dee.txt"),
                                 "--format", "json"])
    assert result.exit_code == 1, result.output
    first = json.loads(result.stdout)["conflict"][0]
    assert (first["subject"], first["period"]) == ("ByteDance", "2026")
