"""Readable views of reconciliations and diffs: rich tables for the terminal, Markdown."""
from __future__ import annotations

from typing import Iterable

from rich.console import Console
from rich.table import Table

from .models import Diff, DiffPair, Fact, Figure, Reconciliation
from .reconcile import money


def usd(fig: Figure) -> str:
    """'USD 29.1 billion to USD 29.2 billion (2026 rate 6.863)'; '' without a rate."""
    if fig.usd is None:
        return ""
    if fig.usd.high is None:
        span = f"from {money(fig.usd.low, 'USD')}"
    else:
        span = f"{money(fig.usd.low, 'USD')} to {money(fig.usd.high, 'USD')}"
    return span if fig.currency == "USD" else f"{span} ({fig.usd.year} rate {fig.usd.rate:.4g})"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


def reconciliation_tables(result: Reconciliation, console: Console) -> None:
    findings = Table(title="Findings", show_lines=True, expand=True)
    findings.add_column("check", overflow="fold")
    findings.add_column("verdict")
    findings.add_column("fact", overflow="fold", ratio=1)
    findings.add_column("why", overflow="fold", ratio=3)
    for f in result.findings:
        style = "red" if f.verdict == "conflict" else "green"
        severity = f" ({f.severity})" if f.severity == "small" else ""
        findings.add_row(f.check, f"[{style}]{f.verdict}{severity}[/]", fact_name(f.subject, f.metric, f.period), f.why)
    console.print(findings)
    console.print(_facts_table("Facts", result.facts))


def fact_name(subject: str | None, metric: str | None, period: str | None) -> str:
    """'ByteDance · ai budget · 2026'."""
    return " · ".join(x or "?" for x in (subject, metric, period))


def _facts_table(title: str, facts: Iterable[Fact]) -> Table:
    table = Table(title=title)
    for column in ("fact", "figure", "in USD", "mentions", "documents", "origins", "confidence"):
        table.add_column(column, overflow="fold")
    for fact in facts:
        table.add_row(fact_name(fact.subject, fact.metric, fact.period), fact.figure.mention, usd(fact.figure),
                      str(len(fact.mentions)), ", ".join(fact.documents), ", ".join(fact.origins),
                      f"{fact.confidence:.2f}")
    return table


def diff_tables(result: Diff, console: Console) -> None:
    for title, pairs, style in (("Conflicting figures", result.conflict, "red"), ("Agreeing figures", result.agree, "green")):
        table = Table(title=title, show_lines=True, title_style=style)
        for column in ("fact", "A", "B", "A in USD", "B in USD", "difference", "weaker", "why"):
            table.add_column(column, overflow="fold")
        for p in pairs:
            table.add_row(*_pair_cells(p))
        console.print(table)
    console.print(_facts_table("Only in A", result.only_in_a))
    console.print(_facts_table("Only in B", result.only_in_b))


def _pair_cells(p: DiffPair) -> list[str]:
    return [fact_name(p.subject, p.metric, p.period), f"{p.a.mention} ({p.a.doc_id})",
            f"{p.b.mention} ({p.b.doc_id})", usd(p.a), usd(p.b), _percent(p.relative_difference), p.weaker or "", p.why]


def diff_markdown(result: Diff) -> str:
    lines: list[str] = []
    pair_head = ["fact", "A", "B", "A in USD", "B in USD", "difference", "weaker", "why"]
    for title, pairs in (("Conflicting figures", result.conflict), ("Agreeing figures", result.agree)):
        lines += _markdown_table(title, pair_head, [_pair_cells(p) for p in pairs])
    fact_head = ["fact", "figure", "in USD", "documents"]
    for title, facts in (("Only in A", result.only_in_a), ("Only in B", result.only_in_b)):
        rows = [[fact_name(f.subject, f.metric, f.period), f.figure.mention, usd(f.figure), ", ".join(f.documents)]
                for f in facts]
        lines += _markdown_table(title, fact_head, rows)
    return "\n".join(lines)


def _markdown_table(title: str, head: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return [f"## {title}", "", "None.", ""]
    return [f"## {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head),
            *("| " + " | ".join(map(_cell, row)) + " |" for row in rows), ""]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
