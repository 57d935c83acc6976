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
from functools import cached_property
from typing import Iterable

from .compare import Years, basis, compare, figure, magnitude, on_basis, order, relative_difference
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

    @cached_property
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


def statements_of(claims: list[Claim], years: Years, linker: Linker | None = None,
                  origins: dict[str, str] | None = None) -> list[Statement]:
    """Claims grouped with their restatements, in input order, with figures and linked
    entities; ``origins`` (claims provenance) gives each article's origin report."""
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
        figures = [figure(c, year, year_by) for c in members]
        if origins and origins.get(members[0].doc_id, members[0].doc_id) != members[0].doc_id:
            for f in figures:
                f.origin = origins[members[0].doc_id]
        statement = Statement(
            members, figures, linker.cluster(subject),
            period_key(dated) if dated else None, dated.period.text if dated and dated.period else None,
            linker.cluster(other), mentioned, n)
        if subject and _about_a_class(statement, linker):
            statement.subject = None
        statements.append(statement)
    _add_main_subjects(statements)
    return statements


def _add_main_subjects(statements: list[Statement]) -> None:
    """Each statement's article is mostly about its main subject (the one most of its figures
    are about): that entity counts as named by every statement of the article."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for s in statements:
        if s.subject:
            counts[s.doc_id][s.subject] += 1
    for s in statements:
        if counts.get(s.doc_id) and s.subject:
            s.mentioned = s.mentioned | {counts[s.doc_id].most_common(1)[0][0]}


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
    forms: list[Statement] = field(default_factory=list)  # agreeing statements in currencies the values lack
    revision_of: _Fact | None = None
    significant: list[str] | None = None  # _significant(), until a statement is added

    @property
    def vague(self) -> bool:
        return self.statements[0].vague

    def add(self, s: Statement) -> None:
        self.statements.append(s)
        self.significant = None
        if s.subject:
            self.subjects[s.subject] += 1
        if s.counterparty:
            self.counterparties.add(s.counterparty)
        self.mentioned |= s.mentioned
        if s.metric:
            self.labels[s.metric] += 1
        if s.period is not None:
            self.periods.setdefault(s.period, s.period_text)
        agreeing = [v for v in self.values if _value_fit(s, v) == "agree"]
        if not agreeing:
            self.values.append(s)
        elif not any(_currencies(s) <= _currencies(v) for v in agreeing + self.forms):
            self.forms.append(s)


def _currencies(s: Statement) -> set[str | None]:
    return {f.currency for f in s.figures}


def _value_fit(a: Statement, b: Statement) -> ValueFit:
    """Do two statements' values agree, differ by a power of ten, or conflict? None when they
    cannot be compared. Agreement here is evidence for alignment, so it is strict: the
    single numbers within ``link.tolerance`` in a shared currency (``fx_tolerance`` through
    USD, when both articles tell the year of the rate), or intervals of exact figures that
    meet; a qualifier's width does not count."""
    shared = [f.currency for f in a.figures if f.currency and f.currency in {g.currency for g in b.figures}]
    fa, fb = (a.in_currency(shared[0]), b.in_currency(shared[0])) if shared else (a.head, b.head)
    if (fa is not a.head or fb is not b.head) and a.head.usd and b.head.usd:
        fa, fb = a.head, b.head  # conversions are compared through the amounts they convert
    if magnitude(fa, fb):
        return "slip"
    if a.vague or b.vague:
        return "agree" if a.vague and b.vague else None
    if fa.currency != fb.currency and any(f.usd is None or f.usd.year_by == "none" for f in (fa, fb)):
        return None  # through the rate of a year its article does not tell, a value proves nothing
    on = basis(fa, fb)
    left, right = (on_basis(fa, on), on_basis(fb, on)) if on else (None, None)
    if left is None or right is None:
        return None
    rules = reconcile_rules()
    tolerance = rules.link.tolerance if on == fa.currency else rules.fx_tolerance
    result = compare(fa, fb, on)
    exact = fa.qualifier == fb.qualifier == "exact" and result is not None and result.verdict == "agree"
    return "agree" if exact or relative_difference(left[1], right[1]) <= tolerance else "conflict"


def _period_fit(a: _Fact, b: _Fact) -> int | None:
    """2: the same period (or none on both sides); 1: unknown on one side, or relative
    periods of articles whose dates are unknown ("this year" of one may be "next year" of
    another); None: two different dated periods."""
    if not a.periods and not b.periods or a.periods.keys() & b.periods.keys():
        ok = 2
    else:
        ok = 1
    for x in a.periods:
        for y in b.periods:
            if x != y and isinstance(x, tuple) and isinstance(y, tuple):
                return None
    return ok


def _metric_fit(a: _Fact, b: _Fact, broad: bool = True) -> int | None:
    """Of the labels most statements carry: 3: the same quantity; 2: one a kind of the
    other; 1: unknown on one side, or one a part of the other (a part is often labelled with its whole: only an agreeing value can
    tell); None: two kinds."""
    if not a.labels or not b.labels:
        return 1
    t = taxonomy()
    fits = [t.fit(x, y, broad) or ("part" if t.is_part_of(x, y) or t.is_part_of(y, x) else None)
            for x in _significant(a) for y in _significant(b)]
    if None in fits:
        return None
    if "part" in fits:
        return 1
    same = all(f == "same" for f in fits)
    return 3 if same else 2


def _significant(fact: _Fact) -> list[str]:
    """The labels a fair share (``link.label_share``) of the fact's statements carry: a
    label one relay got wrong does not decide what the fact is."""
    if fact.significant is None:
        total = sum(fact.labels.values())
        share = reconcile_rules().link.label_share
        fact.significant = [label for label, n in fact.labels.items() if n >= share * total]
    return fact.significant


def _entity_fit(a: _Fact, b: _Fact) -> int | None:
    """3: a subject in common; 2: a subject on the other side of the deal; 1: named in the
    other's sentences or the subject of its article; None: unrelated."""
    if a.subjects.keys() & b.subjects.keys():
        return 3
    if a.subjects.keys() & b.counterparties or b.subjects.keys() & a.counterparties:
        return 2
    if a.subjects.keys() & b.mentioned or b.subjects.keys() & a.mentioned:
        return 1
    return None


def _values_fit(a: _Fact, b: _Fact) -> ValueFit:
    """'agree' when a value of one agrees with a value of the other in any of the currencies
    they were stated in (agreement is not transitive across conversions); else 'slip' or
    'conflict' of their values. The other currencies' forms count only where both state the
    figure in one currency (through an exchange rate a loose figure agrees with too much)."""
    found = {_value_fit(x, y) for x in a.values for y in b.values}
    with_forms = [(x, y) for x in a.forms for y in b.values + b.forms] + [(x, y) for x in a.values for y in b.forms]
    if "agree" not in found and any(_currencies(x) & _currencies(y) and _value_fit(x, y) == "agree"
                                    for x, y in with_forms):
        found.add("agree")
    return next((v for v in ("agree", "slip", "conflict") if v in found), None)


def _fit(a: _Fact, b: _Fact, merging: bool = False) -> int | None:
    """How well two facts being built fit as one (higher is better); None when they do not.
    Placing a statement (``merging`` False), its value must agree, unless the key matches in
    full and the value cannot be compared; merging facts, a key that matches in full joins
    conflicting values (unless one article states both: then they are two things) and a
    power of ten apart joins on a partial key (a slip)."""
    if a.vague != b.vague:
        return None
    entity, metric, period = _entity_fit(a, b), _metric_fit(a, b), _period_fit(a, b)
    if entity is None or metric is None or period is None:
        return None
    value = _values_fit(a, b)
    labels = list(a.labels) + list(b.labels)
    if any(taxonomy().by_counterparty(x) for x in labels) and a.counterparties and b.counterparties \
            and not a.counterparties & (b.counterparties | b.subjects.keys()) and value != "agree":
        return None  # another bidder's offer
    full = entity == 3 and metric == 3 and period == 2
    weak = entity == 1 and metric < 3 or metric == 1 and entity < 2  # a name only mentioned needs the same metric
    if weak and not a.vague:
        return None
    if value == "agree" or not merging:
        ok = value == "agree" or (full and value is None)
    elif value == "slip":  # figures that happen to be a power of ten apart abound: the key must be sure
        main_a, main_b = _main_label(a), _main_label(b)
        ok = (a.vague or entity >= 2 and bool(main_a and main_b and taxonomy().fit(main_a, main_b, broad=False))) \
            and _magnitudes(a.values + b.values) <= 2
    else:
        ok = full and value == "conflict" and not _one_article_states_both(a, b)
    return entity + metric + period + {"agree": 3, "slip": 1}.get(value or "", 0) if ok else None


def _magnitudes(values: list[Statement]) -> int:
    """How many powers of ten the values span: a fact holds its value and at most one slip of
    it (£3.2bn slipped to £320m is one fact; £32m, a tenth of that, is another thing)."""
    first = values[0].head
    return len({magnitude(v.head, first) or 0 for v in values})


def _one_article_states_both(a: _Fact, b: _Fact) -> bool:
    """An article's own different figures for one key are different things (its divisions,
    a level beside a change)."""
    return bool({s.doc_id for s in a.statements} & {s.doc_id for s in b.statements})


def _strength(s: Statement) -> int:
    """Statements with a full key are placed first, so that weaker ones find their facts."""
    return (s.metric is None or taxonomy().generic(s.metric)) + 2 * s.vague


def _keys(fact: _Fact) -> set[str]:
    return set(fact.subjects) | fact.counterparties


def align(statements: list[Statement]) -> list[_Fact]:
    """Each statement joins the fact of its entities that it fits best (its value agreeing),
    else starts one; then facts whose keys match in full, or whose values are a power of ten
    apart, are merged. Statements with a specific metric go first, then those with a broad
    word or none, then vague ones, each tier followed by the merges."""
    facts: list[_Fact] = []
    by_entity: dict[str, list[_Fact]] = defaultdict(list)

    most = reconcile_rules().link.max_candidates

    def candidates(fact: _Fact) -> list[_Fact]:
        """The facts of the fact's entities (the latest ``max_candidates`` of each)."""
        keys = sorted(_keys(fact) | fact.mentioned)  # sorted: the same input gives the same facts in every run
        found = dict.fromkeys(f for k in keys for f in by_entity.get(k, [])[-most:])
        return [f for f in found if f is not fact and f.statements]

    tiers: dict[int, list[Statement]] = defaultdict(list)
    for s in statements:
        tiers[_strength(s)].append(s)
    for tier in sorted(tiers):  # full keys first: their conflicts merge before broad words join
        for s in tiers[tier]:
            single = _Fact()
            single.add(s)
            if not s.subject:
                facts.append(single)
                continue
            scored = [(score, len(f.statements), -n, f) for n, f in enumerate(candidates(single))
                      if (score := _fit(single, f)) is not None]
            fact = max(scored, key=lambda x: x[:3])[3] if scored else single  # ties: the larger fact
            if fact is single:
                facts.append(single)
            else:
                fact.add(s)
            for k in _keys(single):
                if fact not in by_entity[k]:
                    by_entity[k].append(fact)
        for fact in facts:
            if not fact.statements or not fact.subjects:
                continue
            for other in candidates(fact):
                if _fit(fact, other, merging=True) is not None:
                    _absorb(fact, other, by_entity)
    facts = [f for f in facts if f.statements]
    for fact in facts:
        if _is_revised(fact.statements):
            earlier = [(score, len(f.statements), -n, f) for n, f in enumerate(candidates(fact))
                       if not _is_revised(f.statements) and (score := _revises(fact, f)) is not None]
            if earlier:
                fact.revision_of = max(earlier, key=lambda x: x[:3])[3]
    return facts


def _is_revised(statements: list[Statement]) -> bool:
    """Most of the statements say the figure was raised, cut or revised to their value."""
    return sum(any(revised(c) for c in s.claims) for s in statements) * 2 > len(statements)


def _revises(new: _Fact, old: _Fact) -> int | None:
    """How well a fact said to be revised fits an earlier one: the same entity and kind of
    quantity, compatible periods, another value."""
    entity, metric, period = _entity_fit(new, old), _metric_fit(new, old), _period_fit(new, old)
    if entity is None or entity < 2 or metric is None or metric < 2 or period is None:
        return None
    if _values_fit(new, old) != "conflict":
        return None
    stated = next((c.change.percent for s in new.statements for c in s.claims if c.change and c.change.percent), None)
    ratio = _value_ratio(new.values[0], old.values[0])
    if ratio is None:
        return None
    fits = stated is not None and abs(ratio - (1 + stated / 100)) <= 0.05 * ratio
    if stated is not None and not fits or not 1 / 3 <= ratio <= 3:
        return None  # a revision changes a plan by what it says, or at least not by a factor of three
    return entity + metric + period + 3 * fits


def _value_ratio(a: Statement, b: Statement) -> float | None:
    """How many times b's value a's is, through USD when they share no currency."""
    shared = [f.currency for f in a.figures if f.currency and f.currency in {g.currency for g in b.figures}]
    fa, fb = (a.in_currency(shared[0]), b.in_currency(shared[0])) if shared else (a.head, b.head)
    on = basis(fa, fb)
    left, right = (on_basis(fa, on), on_basis(fb, on)) if on else (None, None)
    return left[1] / right[1] if left and right and right[1] else None


def _absorb(fact: _Fact, other: _Fact, by_entity: dict[str, list[_Fact]]) -> None:
    for s in other.statements:
        fact.add(s)
    for k in _keys(other):
        if fact not in by_entity[k]:
            by_entity[k].append(fact)
    other.statements = []


def _main_label(fact: _Fact) -> str | None:
    """The label most of the fact's statements carry (the more specific of a tie)."""
    if not fact.labels:
        return None
    top = max(fact.labels.values())
    common = [label for label, n in fact.labels.items() if n == top]
    metric = common[0]
    for label in common[1:]:
        metric = taxonomy().narrower(metric, label)
    return metric


def _group(fact: _Fact) -> FactGroup:
    statements = sorted(fact.statements, key=lambda s: s.position)
    subject = fact.subjects.most_common(1)[0][0] if fact.subjects else None
    metric = _main_label(fact)
    dated = [p for p in fact.periods if isinstance(p, tuple)]
    period = dated[0] if dated else next(iter(fact.periods), None)
    return FactGroup(subject, metric, period, fact.periods.get(period), statements)


def facts_of(claims: list[Claim], years: Years | None = None, origins: dict[str, str] | None = None) -> list[FactGroup]:
    """Statements aligned into facts, revisions split from the plans they revise, in order
    of first mention."""
    statements = statements_of(claims, years or Years.of(claims), origins=origins)
    facts = align(statements)
    built = {id(f): _group(f) for f in facts}
    for f in facts:
        if f.revision_of is not None:
            built[id(f)].revision_of = built[id(f.revision_of)]
    groups = [g for f in facts for g in split_revisions(built[id(f)])]
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
    revisions = [p for p in parts if _is_revised(p)]
    earlier = [s for p in parts if p not in revisions for s in p]
    if not revisions or not earlier or any(_value_fit(p[0], e) == "slip" for p in revisions for e in earlier[:1]):
        return [group]
    base = FactGroup(group.subject, group.metric, group.period, group.period_text, earlier)
    return [base] + [FactGroup(group.subject, group.metric, group.period, group.period_text, p, revision_of=base)
                     for p in revisions]


# ------------------------------------------------------------------ agreement within a fact
def compare_statements(a: Statement, b: Statement):
    """Compare two statements in a currency they share, else in USD: (comparison, a's
    figure, b's figure), or None when they cannot be compared. A shared currency that one
    side only states as a conversion ('CNY 160 billion ($22.4 billion)' against '$22.7
    billion') is no common ground: the amounts are compared through USD, with the rate's
    tolerance."""
    shared = [f.currency for f in a.figures if f.currency and f.currency in {g.currency for g in b.figures}]
    fa, fb = (a.in_currency(shared[0]), b.in_currency(shared[0])) if shared else (a.head, b.head)
    result = compare(fa, fb)
    if result and result.verdict == "conflict" and (fa is not a.head or fb is not b.head):
        through_usd = compare(a.head, b.head, "USD") if a.head.usd and b.head.usd else None
        if through_usd and through_usd.verdict == "agree":
            return through_usd, a.head, b.head
    return (result, fa, fb) if result else None


def clusters(fact: FactGroup) -> list[list[Statement]]:
    """The fact's statements in groups that agree with the group's first statement (vague
    amounts: of one order of magnitude)."""
    groups: list[list[Statement]] = []
    for s in fact.statements:
        home = next((g for g in groups if _agree(g[0], s)), None)
        if home is None:
            groups.append([s])
        else:
            home.append(s)
    return groups


def _agree(a: Statement, b: Statement) -> bool:
    if a.vague and b.vague:
        return order(a.head) == order(b.head)
    c = compare_statements(a, b)
    return bool(c and c[0].verdict == "agree")


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

