"""Readable views of reconciliations, diffs and provenance: rich tables for the terminal,
Markdown. Every text that comes from the input (document ids, names, mentions, reasons) is
escaped: rich markup is never interpreted ("[/x]", "[link=...]" stay text), control
characters are shown as escapes, and Markdown cells escape pipes, HTML and Markdown syntax."""
from __future__ import annotations

import html
import re
from typing import Iterable

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .models import Diff, DiffPair, Fact, Figure, Finding, Reconciliation
from .wording import span

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MARKDOWN = re.compile(r"([\\`*_\[\]|~])")  # what can start emphasis, code, a link or a new cell

YEAR_BY = {"published": "the article's published date", "periods": "the periods the article reports on",
           "none": "no year known: the latest rate"}


def visible(text: str) -> str:
    """Control characters (terminal escapes, line breaks) shown as escapes."""
    return CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def cell(text: str) -> Text:
    """A terminal table cell that shows ``text`` as written (no markup, no control codes)."""
    return Text(visible(text))


def usd(fig: Figure) -> str:
    """'USD 29.1-29.2 billion (2026 rate 6.863, from the periods the article reports on)'; ''
    without a rate."""
    if fig.usd is None:
        return ""
    written = span(fig.usd.low, fig.usd.high, "USD")
    if fig.currency == "USD":
        return written
    year = fig.usd.year if fig.usd.year is not None else "latest"
    why = f", {YEAR_BY[fig.usd.year_by]}" if fig.usd.year_by else ""
    return f"{written} ({year} rate {fig.usd.rate:.4g}{why})"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


def fact_name(subject: str | None, metric: str | None, period: str | None) -> str:
    """'ByteDance · ai budget · 2026'."""
    return " · ".join(x or "?" for x in (subject, metric, period))


def _verdict(f: Finding) -> str:
    return f.verdict + (f" ({f.severity})" if f.severity == "small" else "")


# ------------------------------------------------------------------ terminal
def reconciliation_tables(result: Reconciliation, console: Console) -> None:
    findings = Table(title="Findings (conflicts first)", show_lines=True, expand=True)
    findings.add_column("check", overflow="fold")
    findings.add_column("verdict")
    findings.add_column("fact", overflow="fold", ratio=1)
    findings.add_column("why", overflow="fold", ratio=3)
    for f in result.findings:
        style = "red" if f.verdict == "conflict" else "green"
        findings.add_row(f.check, Text(_verdict(f), style=style), cell(fact_name(f.subject, f.metric, f.period)),
                         cell(f.why))
    console.print(findings)
    console.print(_facts_table("Facts", result.facts))
    console.print(escape(CONFIDENCE_NOTE), style="dim")


CONFIDENCE_NOTE = ("A fact's confidence is the mean of its claims' own confidences, plus a bonus for each agreeing "
                   "independent origin beyond the first, minus a penalty for each conflict citing it: it can differ "
                   "from any one claim's confidence (see each fact's factors in --format json).")


def _facts_table(title: str, facts: Iterable[Fact]) -> Table:
    table = Table(title=title)
    for column in ("fact", "figure", "in USD", "mentions", "documents", "origins", "confidence"):
        table.add_column(column, overflow="fold")
    for fact in facts:
        table.add_row(cell(fact_name(fact.subject, fact.metric, fact.period)), cell(fact.figure.mention),
                      usd(fact.figure), str(len(fact.mentions)), cell(", ".join(fact.documents)),
                      cell(", ".join(fact.origins)), f"{fact.confidence:.2f}")
    return table


def diff_tables(result: Diff, console: Console) -> None:
    for title, pairs, style in (("Conflicting figures", result.conflict, "red"), ("Agreeing figures", result.agree, "green")):
        table = Table(title=title, show_lines=True, title_style=style)
        for column in ("fact", "A", "B", "A in USD", "B in USD", "difference", "weaker", "why"):
            table.add_column(column, overflow="fold")
        for p in pairs:
            table.add_row(*map(cell, _pair_cells(p)))
        console.print(table)
    console.print(_facts_table("Only in A", result.only_in_a))
    console.print(_facts_table("Only in B", result.only_in_b))


def _pair_cells(p: DiffPair) -> list[str]:
    return [fact_name(p.subject, p.metric, p.period), f"{p.a.mention} ({p.a.doc_id})",
            f"{p.b.mention} ({p.b.doc_id})", usd(p.a), usd(p.b), _percent(p.relative_difference), p.weaker or "", p.why]


# ------------------------------------------------------------------ Markdown
def diff_markdown(result: Diff) -> str:
    lines: list[str] = []
    pair_head = ["fact", "A", "B", "A in USD", "B in USD", "difference", "weaker", "why"]
    for title, pairs in (("Conflicting figures", result.conflict), ("Agreeing figures", result.agree)):
        lines += _markdown_table(title, pair_head, [_pair_cells(p) for p in pairs])
    for title, facts in (("Only in A", result.only_in_a), ("Only in B", result.only_in_b)):
        lines += _markdown_table(title, FACT_HEAD, [_fact_cells(f) for f in facts])
    return "\n".join(lines)


FACT_HEAD = ["fact", "figure", "in USD", "documents", "origins", "confidence"]


def _fact_cells(f: Fact) -> list[str]:
    return [fact_name(f.subject, f.metric, f.period), f.figure.mention, usd(f.figure), ", ".join(f.documents),
            ", ".join(f.origins), f"{f.confidence:.2f}"]


def reconciliation_markdown(result: Reconciliation) -> str:
    """Findings (conflicts first) and facts as Markdown tables."""
    rows = [[f.check, _verdict(f), fact_name(f.subject, f.metric, f.period), f.why] for f in result.findings]
    lines = _markdown_table("Findings", ["check", "verdict", "fact", "why"], rows)
    lines += _markdown_table("Facts", FACT_HEAD, [_fact_cells(f) for f in result.facts])
    return "\n".join(lines + [md(CONFIDENCE_NOTE), ""])


def provenance_markdown(found) -> str:  # found: provenance.Provenance (kept untyped: no import cycle)
    """Each origin's relay tree, then each article's origin and evidence."""
    lines: list[str] = []
    for tree in found.origins:
        lines += [f"## {md(tree['origin'])}", "", f"{len(tree['documents'])} article(s); root: {md(tree['root'])}", ""]
        for relay in tree["relays"]:
            changes = "; ".join(f"writes {c['writes']} where {c['where']} ({c['check']})" for c in relay["changes"])
            lines.append(f"- {md(relay['doc_id'])} (from {md(relay['from'])})" + (f": {md(changes)}" if changes else ""))
        lines.append("")
    rows = [[d["doc_id"], d["origin"], d["decided_by"], "; ".join(_evidence(e) for e in d["evidence"])]
            for d in found.documents]
    return "\n".join(lines + _markdown_table("Articles", ["article", "origin", "decided by", "evidence"], rows))


def _evidence(e: dict) -> str:
    if e["kind"] == "cites":
        return f"cites {e['source']} ({e['count']}x)"
    if e["kind"] == "published":
        return f"published {e['date']}"
    return f"{e['kind']} shared with {e['doc_id']} ({e['similarity']:.2f})"


def _markdown_table(title: str, head: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return [f"## {title}", "", "None.", ""]
    return [f"## {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head),
            *("| " + " | ".join(map(md, row)) + " |" for row in rows), ""]


def md(text: str) -> str:
    """Text safe in a Markdown table cell: HTML escaped (no live tags), Markdown syntax and
    pipes escaped, line breaks and control characters shown as escapes."""
    return MARKDOWN.sub(r"\\\1", html.escape(visible(text), quote=False))
