"""Group claim records into facts: one entity's metric for one period, across articles.

A statement is a claim with its restatements in other currencies ("CNY 400 billion
(approximately USD 55 billion)"). Statements are aligned into facts by their key, never by
their value:
- the entity: the subject's names linked across articles (``linking``), or on the other side
  of the deal, or named in the statement's sentence;
- the metric: the same quantity, or one a kind of the other (``taxonomy``); two different
  kinds never meet; where the other party tells facts apart (two bidders), it must fit;
- the period: equal, or unknown on one side (an unresolved "this year" fits a dated year
  but not "next year").
A statement whose key matches a fact in full joins it whatever its value (so a conflict is
seen); one whose key matches only in part joins when its value agrees or is a magnitude
slip of the fact's (values are evidence). Each statement joins the best fitting fact of its
blocks (the facts of its entities), so the cost grows with the statements times the facts
of one entity. A fact whose later figure is said to be raised, cut or revised to a new
value is split: the revision is a fact of its own. Statements without a subject, about a
class of entities, or vague ones that no vague statement matches, stay facts of their own.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from .compare import Years, compare, figure, magnitude
from .linking import Linker
from .models import Claim, Figure
from .ruleset import Metric, entity_rules, metric_rules, reconcile_rules
from .taxonomy import taxonomy

PeriodKey = tuple[str, str | None] | str | None
ValueFit = str | None  # "agree", "slip", "conflict" or None (not comparable)


# ------------------------------------------------------------------ metric hierarchy
def metrics() -> dict[str, Metric]:
    """The metrics of ``rules/metrics.json`` by label."""
    return {m.label: m for m in metric_rules().metrics}


# ------------------------------------------------------------------ statements and facts
@dataclass
class Statement:
    """A claim and its restatements in other currencies, as figures."""

    claims: list[Claim]
    figures: list[Figure]
    subject: str | None = None
    period: PeriodKey = None
    period_text: str | None = None
    counterparty: str | None = None
    mentioned: frozenset[str] = frozenset()  # the entities its sentences name
    position: int = 0

    @property
    def head(self) -> Figure:
        return self.figures[0]

    @property
    def doc_id(self) -> str:
        return self.claims[0].doc_id

    @property
    def metric(self) -> str | None:
        return next((c.metric for c in self.claims if c.metric), None)

    @property
    def vague(self) -> bool:
        return self.head.qualifier in reconcile_rules().alone

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
    revision_of: FactGroup | None = None

    @property
    def id(self) -> str:
        key = "|".join(map(str, (self.subject, self.metric, self.period, min(c.id for s in self.statements for c in s.claims))))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    @property
    def claims(self) -> list[Claim]:
        return [c for s in self.statements for c in s.claims]

    @property
    def counterparty(self) -> str | None:
        named = Counter(s.counterparty for s in self.statements if s.counterparty)
        return named.most_common(1)[0][0] if named else None


def period_key(claim: Claim) -> PeriodKey:
    if claim.period is None:
        return None
    return (claim.period.start, claim.period.end) if claim.period.start else claim.period.text.lower()


def statements_of(claims: list[Claim], years: Years, linker: Linker | None = None) -> list[Statement]:
    """Claims grouped with their restatements, in input order, with figures and linked entities."""
    by_id = {c.id: c for c in claims}
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        head = claim.equivalent_of if claim.equivalent_of in by_id else claim.id
        groups.setdefault(head, []).append(claim)
    linker = linker or Linker(e for c in claims for e in (c.subject, c.counterparty) if e)
    statements = []
    for n, members in enumerate(groups.values()):
        year, year_by = years.of_doc(members[0].doc_id)
        subject = next((c.subject.canonical for c in members if c.subject), None)
        other = next((c.counterparty.canonical for c in members if c.counterparty), None)
        dated = next((c for c in members if c.period), None)
        mentioned = frozenset(e for sentence in dict.fromkeys(c.sentence for c in members)
                              for e in linker.mentioned(sentence))
        statement = Statement(
            members, [figure(c, year, year_by) for c in members], linker.cluster(subject),
            period_key(dated) if dated else None, dated.period.text if dated and dated.period else None,
            linker.cluster(other), mentioned, n)
        if subject and _about_a_class(statement, linker):
            statement.subject = None
        statements.append(statement)
    return statements


def _about_a_class(s: Statement, linker: Linker) -> bool:
    """A sentence about a class of entities ('major technology firms tend to...') that names
    no entity and refers to none: its figure is about no one."""
    if s.mentioned:
        return False
    text = " ".join(c.sentence for c in s.claims).lower()
    words = set(re.findall(r"[a-z]+", text))
    if any(re.search(rf"\b{re.escape(r)}\b", text) for r in entity_rules().generic_references):
        return False
    return bool(words & set(reconcile_rules().class_nouns))


# ------------------------------------------------------------------ alignment
@dataclass(eq=False)
class _Fact:
    """A fact being built: its statements and what they say of its key."""

    statements: list[Statement] = field(default_factory=list)
    subjects: Counter[str] = field(default_factory=Counter)
    counterparties: set[str] = field(default_factory=set)
    mentioned: set[str] = field(default_factory=set)
    labels: Counter[str] = field(default_factory=Counter)
    periods: dict[PeriodKey, str | None] = field(default_factory=dict)
    values: list[Statement] = field(default_factory=list)  # one statement per value that disagrees

    @property
    def vague(self) -> bool:
        return self.statements[0].vague

    def add(self, s: Statement) -> None:
        self.statements.append(s)
        if s.subject:
            self.subjects[s.subject] += 1
        if s.counterparty:
            self.counterparties.add(s.counterparty)
        self.mentioned |= s.mentioned
        if s.metric:
            self.labels[s.metric] += 1
        if s.period is not None:
            self.periods.setdefault(s.period, s.period_text)
        if not any(_value_fit(s, v) == "agree" for v in self.values):
            self.values.append(s)


def _value_fit(a: Statement, b: Statement) -> ValueFit:
    """Do two statements' values agree (within rounding or ``link.tolerance``), differ by a
    power of ten, or conflict? None when they cannot be compared."""
    shared = [f.currency for f in a.figures if f.currency and f.currency in {g.currency for g in b.figures}]
    fa, fb = (a.in_currency(shared[0]), b.in_currency(shared[0])) if shared else (a.head, b.head)
    if magnitude(fa, fb):
        return "slip"
    if a.vague or b.vague:
        return "agree" if a.vague and b.vague else None
    result = compare(fa, fb)
    if result is None:
        return None
    close = result.verdict == "agree" or result.relative_difference <= reconcile_rules().link.tolerance
    return "agree" if close else "conflict"


def _period_fit(s: Statement, fact: _Fact) -> int | None:
    """2: the same period (or none on both sides); 1: unknown on one side; None: different."""
    if s.period in fact.periods or (s.period is None and not fact.periods):
        return 2
    if s.period is None:
        return 1
    dated = isinstance(s.period, tuple)
    if any(isinstance(p, tuple) == dated for p in fact.periods):
        return None  # two different dated periods, or two different relative ones
    return 1


def _metric_fit(s: Statement, fact: _Fact) -> int | None:
    """3: the same quantity; 2: one a kind of the other; 1: unknown on one side; None: two kinds."""
    if s.metric is None or not fact.labels:
        return 1
    fits = [taxonomy().fit(s.metric, label) for label in fact.labels]
    if None in fits:
        return None
    return 3 if all(f == "same" for f in fits) else 2


def _entity_fit(s: Statement, fact: _Fact) -> int | None:
    """3: the same subject; 2: the subject on the other side of the deal; 1: named in the
    other's sentences; None: unrelated."""
    if s.subject in fact.subjects:
        return 3
    if s.subject in fact.counterparties or (s.counterparty and s.counterparty in fact.subjects):
        return 2
    if s.subject in fact.mentioned or s.mentioned & fact.subjects.keys():
        return 1
    return None


def _fit(s: Statement, fact: _Fact) -> int | None:
    """How well a statement fits a fact (higher is better); None when it does not."""
    if s.vague != fact.vague or s.doc_id in {x.doc_id for x in fact.statements} and _same_doc_conflict(s, fact):
        return None
    entity, metric, period = _entity_fit(s, fact), _metric_fit(s, fact), _period_fit(s, fact)
    if entity is None or metric is None or period is None:
        return None
    values = [_value_fit(s, v) for v in fact.values]
    value = "agree" if "agree" in values else "slip" if "slip" in values else "conflict" if "conflict" in values else None
    label = s.metric or next(iter(fact.labels), None)
    if taxonomy().by_counterparty(label) and s.counterparty and fact.counterparties \
            and s.counterparty not in fact.counterparties and s.counterparty not in fact.subjects and value != "agree":
        return None  # another bidder's offer
    full = entity == 3 and metric == 3 and period == 2
    if not full and value not in ("agree", "slip"):
        return None
    return entity + metric + period + {"agree": 3, "slip": 1}.get(value or "", 0)


def _same_doc_conflict(s: Statement, fact: _Fact) -> bool:
    """An article's own different figures for one key are different things (its divisions,
    a level beside a change), unless one is a power of ten of the other or close to it."""
    mine = [x for x in fact.statements if x.doc_id == s.doc_id]
    return all(_value_fit(s, x) == "conflict" for x in mine)


def _strength(s: Statement) -> int:
    """Statements with a full key are placed first, so that weaker ones find their facts."""
    return (s.metric is None or taxonomy().generic(s.metric)) + 2 * s.vague


def align(statements: list[Statement]) -> list[_Fact]:
    """Each statement joins the fact of its entities it fits best, else starts one."""
    facts: list[_Fact] = []
    by_entity: dict[str, list[_Fact]] = defaultdict(list)
    for s in sorted(statements, key=_strength):
        if not s.subject:
            fact = _Fact()
            facts.append(fact)
            fact.add(s)
            continue
        keys = {s.subject, *([s.counterparty] if s.counterparty else []), *s.mentioned}
        candidates = list(dict.fromkeys(f for k in keys for f in by_entity.get(k, [])))
        scored = [(score, -n, f) for n, f in enumerate(candidates) if (score := _fit(s, f)) is not None]
        if scored:
            fact = max(scored, key=lambda x: (x[0], x[1]))[2]
        else:
            fact = _Fact()
            facts.append(fact)
        known = set(fact.subjects) | fact.counterparties
        fact.add(s)
        for k in ({s.subject, *([s.counterparty] if s.counterparty else [])} - known):
            by_entity[k].append(fact)
    return facts


def _group(fact: _Fact) -> FactGroup:
    statements = sorted(fact.statements, key=lambda s: s.position)
    subject = fact.subjects.most_common(1)[0][0] if fact.subjects else None
    metric = None
    if fact.labels:
        top = max(fact.labels.values())
        common = [label for label, n in fact.labels.items() if n == top]
        metric = common[0]
        for label in common[1:]:
            metric = taxonomy().narrower(metric, label)
    dated = [p for p in fact.periods if isinstance(p, tuple)]
    period = dated[0] if dated else next(iter(fact.periods), None)
    return FactGroup(subject, metric, period, fact.periods.get(period), statements)


def facts_of(claims: list[Claim], years: Years | None = None) -> list[FactGroup]:
    """Statements aligned into facts, revisions split from the plans they revise, in order
    of first mention."""
    statements = statements_of(claims, years or Years.of(claims))
    groups = [g for fact in align(statements) for g in split_revisions(_group(fact))]
    return sorted(groups, key=lambda g: g.statements[0].position)


# ------------------------------------------------------------------ revisions
def revised(claim: Claim) -> bool:
    """Does the claim's sentence say the amount was raised, cut or revised to this figure?"""
    at = claim.sentence.find(claim.mention)
    before = claim.sentence[max(0, at - 120):at] if at >= 0 else ""
    return bool(before) and any(re.search(cue, before, re.IGNORECASE) for cue in reconcile_rules().revision.cues)


def split_revisions(group: FactGroup) -> list[FactGroup]:
    """The fact, and apart from it each value that a later article says it was revised to."""
    parts = clusters(group)
    if len(parts) < 2:
        return [group]
    revisions = [p for p in parts if any(revised(c) for s in p for c in s.claims)]
    earlier = [s for p in parts if p not in revisions for s in p]
    if not revisions or not earlier or any(_value_fit(p[0], e) == "slip" for p in revisions for e in earlier[:1]):
        return [group]
    base = FactGroup(group.subject, group.metric, group.period, group.period_text, earlier)
    return [base] + [FactGroup(group.subject, group.metric, group.period, group.period_text, p, revision_of=base)
                     for p in revisions]


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


def most_precise(statements: Iterable[Statement]) -> Statement:
    return min(statements, key=lambda s: _width(s.head))


def _width(fig: Figure) -> float:
    low, high = fig.interval
    return float("inf") if high is None else (high - low) / max(abs(high), 1e-9)

