"""claims provenance, reconcile from a database, readable and escaped output, and a
property test: no random claim set makes reconcile, diff or the database writers fail."""
from __future__ import annotations

import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from extractor.cli import app
from extractor.database import ClaimStore, store_reconciliation
from extractor.diff import diff
from extractor.extract import extract_text
from extractor.models import Amount, Claim, Entity, Figure, Finding, Period, Reconciliation
from extractor.provenance import articles_of, provenance
from extractor.reconcile import reconcile
from extractor.report import diff_markdown, md, reconciliation_markdown, reconciliation_tables
from extractor.ruleset import iso_currencies

from .conftest import FIXTURES
from .test_stories import claim

runner = CliRunner()
STORY = FIXTURES / "stories" / "bytedance"


# ------------------------------------------------------------------ provenance
def test_relays_of_one_report_are_one_origin_and_a_later_report_another():
    result = runner.invoke(app, ["provenance", str(STORY), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    origin = {d["doc_id"]: d["origin"] for d in data["documents"]}
    assert {origin[d] for d in ("origin_report.txt", "relay_wire.txt", "relay_slip.txt", "relay_sterling.txt")} \
        == {"Financial Times"}
    assert origin["revision.txt"] == "South China Morning Post"
    by_origin = {o["origin"]: o for o in data["origins"]}
    assert sorted(by_origin["Financial Times"]["documents"])[0] == "origin_report.txt"
    slip = next(r for r in by_origin["Financial Times"]["relays"] if r["doc_id"] == "relay_slip.txt")
    assert any(c["check"] == "magnitude_slip" and c["writes"] == "RMB 1.6 trillion" for c in slip["changes"])
    sterling = next(d for d in data["documents"] if d["doc_id"] == "relay_sterling.txt")
    assert sterling["decided_by"] == "neighbours" and any(e["kind"] == "passages" for e in sterling["evidence"])


def test_an_unattributed_copy_takes_the_origin_of_the_articles_it_repeats():
    texts = {
        "wire.txt": "Norvex will spend $4.2bn on new mines in 2026, the Harbour Times reported on Monday, adding that "
                    "the company plans to hire 3,000 miners and open two smelters near the coast next spring.",
        "copy.txt": "Norvex will spend $4.2bn on new mines in 2026 and plans to hire 3,000 miners and open two "
                    "smelters near the coast next spring, according to people familiar with the plans.",
        "other.txt": "Quellin reported revenue of $900m for the quarter, its chief executive said on Tuesday.",
    }
    claims = [claim("wire.txt", "$4.2bn", 4.2e9, metric="capex", period="2026", source="Harbour Times"),
              claim("copy.txt", "$4.2bn", 4.2e9, metric="capex", period="2026"),
              claim("other.txt", "$900m", 9e8, subject="Quellin", metric="revenue")]
    found = provenance(articles_of(claims, texts)).origin_of()
    assert found == {"wire.txt": "Harbour Times", "copy.txt": "Harbour Times", "other.txt": "other.txt"}


def test_corroboration_counts_origins_not_articles():
    claims = [claim(f"relay{n}.txt", "$4.2bn", 4.2e9, metric="capex", period="2026", source="Harbour Times")
              for n in range(5)]
    fact = reconcile(claims).facts[0]
    assert fact.origins == ["Harbour Times"] and not any(f.factor == "independent_origins" for f in fact.factors)


# ------------------------------------------------------------------ the database and the CLI
def test_reconcile_reads_a_database_when_given_no_files(tmp_path):
    db = tmp_path / "claims.db"
    claims_file = FIXTURES / "reconcile" / "rounding.jsonl"
    assert runner.invoke(app, ["load", str(claims_file), "--db", str(db), "-q"]).exit_code == 0
    from_db = runner.invoke(app, ["reconcile", "--db", str(db), "--format", "json", "-q"])
    from_file = runner.invoke(app, ["reconcile", "--claims", str(claims_file), "--format", "json", "-q"])
    assert from_db.exit_code == 0, from_db.output
    facts = lambda out: sorted((f["subject"], f["metric"], len(f["mentions"])) for f in json.loads(out)["facts"])  # noqa: E731
    assert facts(from_db.stdout) == facts(from_file.stdout)
    missing = runner.invoke(app, ["reconcile", "--db", str(tmp_path / "typo.db")])
    assert missing.exit_code == 2 and "no such database" in missing.output
    assert not (tmp_path / "typo.db").exists()


def test_reconcile_markdown_is_markdown_with_conflicts_first():
    result = runner.invoke(app, ["reconcile", "--claims", str(FIXTURES / "reconcile" / "currencies.jsonl"),
                                 "--format", "markdown", "-q"])
    assert result.exit_code == 0, result.output
    assert "┃" not in result.stdout and "│" not in result.stdout
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and "check" not in line]
    verdicts = [row.split(" | ")[1] for row in rows if row.count("|") == 5]
    assert verdicts and verdicts == sorted(verdicts, key=lambda v: not v.startswith("conflict"))
    assert "A fact's confidence" in result.stdout


ATTACKS = ["[/x]", "[link=https://example.com]click[/link]", "<img src=x onerror=alert(1)>", "<script>x</script>",
           "a | b", "x\x1b]0;owned\x07.txt", "line\nerror: other.txt: not valid utf-8"]


def _attacked(name: str) -> list[Claim]:
    return [claim(name, "$2bn", 2e9, subject=name, metric="capex", period="2026", sentence=f"{name} spent $2bn."),
            claim("plain.txt", "$2.5bn", 2.5e9, subject=name, metric="capex", period="2026")]


def test_terminal_tables_never_interpret_markup_or_control_characters():
    for name in ATTACKS:
        console = Console(record=True, width=200, force_terminal=True)
        reconciliation_tables(reconcile(_attacked(name)), console)  # "[/x]" raised MarkupError
        shown = console.export_text()
        assert "\x1b]0;" not in shown and "\x07" not in shown
        if name.startswith("[link"):
            assert "\x1b]8;" not in console.export_text(styles=True) and "[link=" in shown


def test_markdown_escapes_html_markdown_and_pipes():
    for name in ATTACKS:
        text = diff_markdown(diff(*[[c] for c in _attacked(name)])) + reconciliation_markdown(reconcile(_attacked(name)))
        assert "<img" not in text and "<script" not in text and "\n error:" not in text
        for row in (line for line in text.splitlines() if line.startswith("| ")):
            assert row.replace("\\|", "").count("|") in (5, 7, 9)  # no cell split by a pipe of the input
    assert md("<img src=x onerror=alert(1)> | [x](y)") == "&lt;img src=x onerror=alert(1)&gt; \\| \\[x\\](y)"


# ------------------------------------------------------------------ crashes
def test_a_whole_given_as_an_upper_bound_in_another_currency(nlp):
    claims = (extract_text("Acme plans an AI budget of as much as 90 billion yuan in 2026, the company said.", "a.txt", nlp)
              + extract_text("Acme will place a chip order worth $8bn in 2026, the company said.", "b.txt", nlp))
    result = reconcile(claims)  # raised ZeroDivisionError in part_exceeds_whole
    assert result.facts and all(math.isfinite(f.confidence) for f in result.facts)


CURRENCIES = sorted(iso_currencies())
NAMES = st.sampled_from(["Norvex", "Norvexneftegaz", "NVX", "Quellin", "Baltic Grain", "China", None])
METRICS = st.sampled_from(["capex", "ai budget", "chip order", "ai processors budget", "spending", "unit price",
                           "sale price", "takeover bid", "tax bill", "revenue", "ai capex increase", None])
VALUES = st.one_of(st.just(0.0), st.floats(min_value=1e-2, max_value=1e15, allow_nan=False))


@st.composite
def claims_sets(draw) -> list[Claim]:
    out: list[Claim] = []
    for n in range(draw(st.integers(1, 12))):
        qualifier = draw(st.sampled_from(["exact", "approximately", "more_than", "at_least", "less_than", "at_most",
                                          "range", "vague"]))
        value = draw(VALUES)
        low = high = None
        if qualifier in ("more_than", "at_least"):
            value, low = None, value
        elif qualifier in ("less_than", "at_most"):
            value, high = None, value
        elif qualifier in ("range", "vague"):
            low, high, value = value, draw(st.one_of(st.none(), VALUES)), None
        currency = draw(st.one_of(st.none(), st.sampled_from(CURRENCIES)))
        period = draw(st.sampled_from([None, "2025", "2026", "this year", "next year"]))
        subject, other = draw(NAMES), draw(NAMES)
        c = Claim(id=f"c{n}", doc_id=f"d{draw(st.integers(0, 3))}.txt", mention=draw(st.sampled_from(
                      ["$5bn", "CNY 1.6 trillion", "more than $300bn", "about 40 billion yuan", "billions", "a | [/x]"])),
                  start=n, end=n + 3, sentence=draw(st.sampled_from(
                      ["Norvex raised its budget to $5bn.", "Large firms tend to spend.", "Quellin bought 2,000 units "
                       "at $30 each.", "It said so."])),
                  amount=Amount(value=value, low=low, high=high, currency=currency, currency_text=currency or "?",
                                qualifier=qualifier),
                  subject=Entity(name=subject, canonical=subject, label="GPE" if subject == "China" else "ORG")
                  if subject else None,
                  counterparty=Entity(name=other, canonical=other) if other and other != subject else None,
                  metric=draw(METRICS), rule="property",
                  period=Period(text=period, start=f"{period}-01-01", end=draw(st.sampled_from([f"{period}-12-31", None])))
                  if period and period.isdigit() else Period(text=period) if period else None,
                  published=draw(st.sampled_from([None, "2025-12-23", "2026-02-01"])),
                  equivalent_of=f"c{n - 1}" if n and draw(st.booleans()) else None)
        out.append(c)
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(claims=claims_sets())
def test_no_claim_set_breaks_reconcile_diff_or_the_database(claims, tmp_path_factory):
    result = reconcile(claims)
    assert isinstance(result, Reconciliation) and all(isinstance(f, Finding) for f in result.findings)
    half = len(claims) // 2
    diff(claims[:half], claims[half:])
    reconciliation_markdown(result)
    reconciliation_tables(result, Console(file=open("/dev/null", "w"), width=120))  # noqa: SIM115
    json.loads(result.model_dump_json())
    with ClaimStore(str(tmp_path_factory.mktemp("db") / "r.db")) as store:
        store_reconciliation(store, result)
    assert all(isinstance(m, Figure) for f in result.facts for m in f.mentions)


def test_the_new_record_side_modules_leave_spacy_unloaded():
    import subprocess
    import sys
    for module in ("extractor.provenance", "extractor.linking", "extractor.stories", "extractor.taxonomy",
                   "extractor.wording", "extractor.database.reconciliation"):
        code = f"import sys, {module}; print(','.join(m for m in ('spacy', 'thinc') if m in sys.modules))"
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert proc.returncode == 0 and proc.stdout.strip() == "", (module, proc.stdout, proc.stderr)


def test_slips_revisions_and_unit_prices_are_stored(tmp_path):
    relays = [claim(f"r{n}.txt", "RMB 120 billion", 120e9, "CNY", metric="capex", period="2026") for n in range(2)]
    slipped = claim("s.txt", "RMB 1.2 trillion", 1.2e12, "CNY", metric="capex", period="2026")
    raised = claim("late.txt", "RMB 150 billion", 150e9, "CNY", metric="capex", period="2026",
                   sentence="Norvex has raised its 2026 capital expenditure budget to RMB 150 billion.")
    result = reconcile(relays + [slipped, raised])
    assert {"magnitude_slip", "revision"} <= {f.check for f in result.findings}
    with ClaimStore(str(tmp_path / "r.db")) as store:
        store_reconciliation(store, result)  # the findings table accepts every check
