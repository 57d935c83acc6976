"""Group claim records into facts: one subject's metric for one period, across articles.

A statement is a claim with its restatements in other currencies ("CNY 400 billion
(approximately USD 55 billion)"). Subjects are merged across articles with rapidfuzz; a
statement with no period takes the only period its subject's metric has in its article
(else in the batch). Statements without a subject or metric, and vague ones
("multibillion-dollar"), stay facts of their own.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .compare import Years, compare, figure
from .models import Claim, Figure
from .ruleset import Metric, metric_rules, reconcile_rules

PeriodKey = tuple[str, str | None] | str | None


# ------------------------------------------------------------------ metric hierarchy
def metrics() -> dict[str, Metric]:
    """The metrics of ``rules/metrics.json`` by label."""
    return {m.label: m for m in metric_rules().metrics}


# ------------------------------------------------------------------ subjects
def _normalise(name: str) -> str:
    text = re.sub(r"['’]s\b|s['’](?=\s|$)", "", name.lower())
    words = [w for w in re.findall(r"\w+", text) if w not in reconcile_rules().subjects.drop_words]
    return " ".join(sorted(words))


def subject_names(names: list[str]) -> dict[str, str]:
    """Each name mapped to the most frequent name of those it matches (rapidfuzz)."""
    counts = Counter(names)
    reps: list[tuple[str, str]] = []  # (normalised, display)
    mapping: dict[str, str] = {}
    for name, _ in counts.most_common():
        norm = _normalise(name) or name.lower()
        match = max(reps, key=lambda r: fuzz.ratio(norm, r[0]), default=None)
        if match is None or fuzz.ratio(norm, match[0]) < reconcile_rules().subjects.threshold:
            match = (norm, name)
            reps.append(match)
        mapping[name] = match[1]
    return mapping


# ------------------------------------------------------------------ statements and facts
@dataclass
class Statement:
    """A claim and its restatements in other currencies, as figures."""

    claims: list[Claim]
    figures: list[Figure]
    subject: str | None = None
    period: PeriodKey = None
    period_text: str | None = None

    @property
    def head(self) -> Figure:
        return self.figures[0]

    @property
    def doc_id(self) -> str:
        return self.claims[0].doc_id

    @property
    def metric(self) -> str | None:
        return next((c.metric for c in self.claims if c.metric), None)

    def in_currency(self, currency: str | None) -> Figure:
        """The member stated in ``currency``, else the head."""
        return next((f for f in self.figures if f.currency == currency), self.head)


@dataclass
class FactGroup:
    """The statements about one thing."""

    subject: str | None
    metric: str | None
    period: PeriodKey
    period_text: str | None
    statements: list[Statement] = field(default_factory=list)

    @property
    def id(self) -> str:
        key = "|".join(map(str, (self.subject, self.metric, self.period, min(c.id for s in self.statements for c in s.claims))))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def claims(self) -> list[Claim]:
        return [c for s in self.statements for c in s.claims]


def period_key(claim: Claim) -> PeriodKey:
    if claim.period is None:
        return None
    return (claim.period.start, claim.period.end) if claim.period.start else claim.period.text.lower()


def statements_of(claims: list[Claim], years: Years) -> list[Statement]:
    """Claims grouped with their restatements, in input order, with figures and subjects."""
    by_id = {c.id: c for c in claims}
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        head = claim.equivalent_of if claim.equivalent_of in by_id else claim.id
        groups.setdefault(head, []).append(claim)
    names = subject_names([c.subject.canonical for c in claims if c.subject])
    statements = []
    for members in groups.values():
        year = years.year(members[0])
        subject = next((c.subject.canonical for c in members if c.subject), None)
        dated = next((c for c in members if c.period), None)
        statements.append(Statement(
            members, [figure(c, year) for c in members], names.get(subject) if subject else None,
            period_key(dated) if dated else None, dated.period.text if dated and dated.period else None))
    return statements


def _give_periods(statements: list[Statement]) -> None:
    """A statement without a period takes the only one its subject's metric has in its
    article, else in the batch."""
    periods: dict[tuple, dict[PeriodKey, str | None]] = defaultdict(dict)
    for s in statements:
        if s.period is not None and s.head.qualifier not in reconcile_rules().alone:
            periods[(s.subject, s.metric, s.doc_id)][s.period] = s.period_text
            periods[(s.subject, s.metric, None)][s.period] = s.period_text
    for s in statements:
        if s.period is None and s.subject and s.metric:
            for scope in (s.doc_id, None):
                known = periods.get((s.subject, s.metric, scope), {})
                if len(known) == 1:
                    s.period, s.period_text = next(iter(known.items()))
                    break


def facts_of(claims: list[Claim], years: Years | None = None) -> list[FactGroup]:
    """Statements grouped by subject, metric and period, in order of first mention."""
    statements = statements_of(claims, years or Years.of(claims))
    _give_periods(statements)
    facts: dict[tuple, FactGroup] = {}
    for s in statements:
        groupable = s.subject and s.metric and s.head.qualifier not in reconcile_rules().alone
        key = (s.subject, s.metric, s.period) if groupable else (s.head.claim,)
        if key not in facts:
            facts[key] = FactGroup(s.subject, s.metric, s.period, s.period_text)
        facts[key].statements.append(s)
    return list(facts.values())


# ------------------------------------------------------------------ agreement within a fact
def compare_statements(a: Statement, b: Statement):
    """Compare two statements in a currency they share, else in USD: (comparison, a's
    figure, b's figure), or None when they cannot be compared."""
    shared = [f.currency for f in a.figures if f.currency and f.currency in {g.currency for g in b.figures}]
    fa, fb = (a.in_currency(shared[0]), b.in_currency(shared[0])) if shared else (a.head, b.head)
    result = compare(fa, fb)
    return (result, fa, fb) if result else None


def clusters(fact: FactGroup) -> list[list[Statement]]:
    """The fact's statements in groups that agree with the group's first statement."""
    groups: list[list[Statement]] = []
    for s in fact.statements:
        home = next((g for g in groups if (c := compare_statements(g[0], s)) and c[0].verdict == "agree"), None)
        if home is None:
            groups.append([s])
        else:
            home.append(s)
    return groups


def representative(fact: FactGroup, currency: str | None = None) -> Figure:
    """The most stated figure: the most precise of its statements, stated in ``currency``
    when one of them is."""
    group = max(clusters(fact), key=len)
    stated = [f for s in group for f in s.figures if currency and f.currency == currency]
    return min(stated, key=_width) if stated else most_precise(group).head


def most_precise(statements: list[Statement]) -> Statement:
    return min(statements, key=lambda s: _width(s.head))


def _width(fig: Figure) -> float:
    low, high = fig.interval
    return float("inf") if high is None else (high - low) / max(abs(high), 1e-9)
