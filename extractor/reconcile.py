"""Reconcile claim records across sources: facts, the checks over them, fact confidence.

Checks (each gives findings with a verdict and a sentence saying why):
value_conflict, part_exceeds_whole, arithmetic, currency_equivalent, repetition,
corroboration, different_period.
"""
from __future__ import annotations

from itertools import combinations
from typing import Iterable, get_args

from rapidfuzz import fuzz

from .compare import Comparison, RateFit, Years, compare, exceeds, point, rate_fit
from .facts import FactGroup, Statement, clusters, compare_statements, facts_of, metrics, most_precise, representative
from .models import Change, Check, Claim, Fact, Factor, Figure, Finding, Reconciliation
from .ruleset import reconcile_rules

CHECKS: tuple[str, ...] = get_args(Check)


def reconcile(claims: Iterable[Claim]) -> Reconciliation:
    """Facts and findings for a batch of claim records."""
    claims = list(claims)
    years = Years.of(claims)
    groups = facts_of(claims, years)
    findings = [*value_conflict(groups), *part_exceeds_whole(groups), *arithmetic(groups),
                *currency_equivalent(groups, years), *repetition(groups), *corroboration(groups),
                *different_period(groups)]
    findings.sort(key=lambda f: (f.verdict != "conflict", CHECKS.index(f.check)))
    return Reconciliation(facts=[fact_of(g, findings) for g in groups], findings=findings)


# ------------------------------------------------------------------ wording
def money(value: float, currency: str | None) -> str:
    """'CNY 200 billion', 'USD 6.3 million'."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{currency or '?'} {value / scale:.3g} {word}"
    return f"{currency or '?'} {value:,.2f}"


def cite(fig: Figure) -> str:
    """'over CNY 400 billion (chip order, 000_x.txt)'."""
    return f"{fig.mention} ({', '.join(x for x in (fig.metric, fig.doc_id) if x)})"


def _finding(check: Check, verdict: str, fact: FactGroup, statements: list[Statement], values: list[Figure],
             why: str, comparison: Comparison | None = None, facts: list[FactGroup] | None = None) -> Finding:
    return Finding(
        check=check, verdict=verdict, subject=fact.subject, metric=fact.metric, period=fact.period_text,
        claims=[c.id for s in statements for c in s.claims], values=values, why=why,
        relative_difference=round(comparison.relative_difference, 4) if comparison else None,
        severity=comparison.severity if comparison else None, facts=[g.id for g in facts or [fact]])


# ------------------------------------------------------------------ checks within a fact
def repetition(groups: list[FactGroup]) -> list[Finding]:
    """One figure stated several times in one article: one claim, several mentions."""
    found = []
    for fact in groups:
        for cluster in clusters(fact):
            for doc in dict.fromkeys(s.doc_id for s in cluster):
                same = [s for s in cluster if s.doc_id == doc]
                if len(same) > 1:
                    mentions = [f.mention for s in same for f in s.figures]
                    found.append(_finding("repetition", "agree", fact, same, [s.head for s in same],
                                          f"{doc} states one figure {len(same)} times ({len(mentions)} mentions: "
                                          f"{', '.join(mentions)}): one claim with several mentions, not corroboration"))
    return found


def corroboration(groups: list[FactGroup]) -> list[Finding]:
    """Articles that agree, counted by independent origin."""
    found = []
    for fact in groups:
        for cluster in clusters(fact):
            docs = list(dict.fromkeys(s.doc_id for s in cluster))
            if len(docs) < 2:
                continue
            origins = sorted({_key(s.head.origin) for s in cluster})
            heads = [next(s.head for s in cluster if s.doc_id == d) for d in docs]
            spread = max((c[0].relative_difference for a, b in combinations(cluster, 2)
                          if (c := compare_statements(a, b))), default=0.0)
            why = (f"{len(docs)} articles state it ({'; '.join(map(cite, heads))}), agreeing within rounding "
                   f"(relative difference up to {spread:.1%}); {len(origins)} independent origin(s): {', '.join(origins)}")
            if len(origins) < len(docs):
                why += " (articles relaying one origin count once)"
            found.append(_finding("corroboration", "agree", fact, cluster, heads, why))
    return found


def value_conflict(groups: list[FactGroup]) -> list[Finding]:
    """Figures for one fact that differ beyond rounding and tolerance, in different
    articles (one article's different figures for one key are different things: its
    divisions, a change beside a level)."""
    found = []
    for fact in groups:
        for a, b in combinations(clusters(fact), 2):
            if len({s.doc_id for s in a + b}) < 2:
                continue
            result = compare_statements(most_precise(a), most_precise(b))
            if result is None:
                continue
            comparison, fa, fb = result
            size = "differ by a little, a small conflict" if comparison.severity == "small" else "conflict"
            why = (f"{cite(fa)} and {cite(fb)} differ by {comparison.relative_difference:.1%} beyond their "
                   f"precision ({_span(fa)} vs {_span(fb)}): they {size}")
            found.append(_finding("value_conflict", "conflict", fact, a + b, [fa, fb], why, comparison))
    return found


def currency_equivalent(groups: list[FactGroup], years: Years) -> list[Finding]:
    """One amount in two currencies: does the implied rate fit the reference rate of the
    year the article was written in?"""
    found = []
    for fact in groups:
        for s in fact.statements:
            anchor = s.in_currency("USD")
            for fig in (f for f in s.figures if f is not anchor):
                fit = rate_fit(fig, anchor, years.written(s.doc_id))
                if fit is not None:
                    found.append(_currency_finding(fact, s, fig, anchor, fit))
    return found


def _currency_finding(fact: FactGroup, s: Statement, fig: Figure, anchor: Figure, fit: RateFit) -> Finding:
    claim = next(c for c in s.claims if c.id == fig.claim)
    text = claim.amount.currency_text
    reading = f"; '{text}' reads as {fig.currency}" if text not in (fig.currency, fig.mention) else ""
    verdict = "agree" if fit.fits else "conflict"
    fits = "consistent" if fit.fits else "inconsistent: one of the two figures is wrong"
    year = f"the {fit.year} reference rate" if fit.year_known else f"with no year known, the closest reference rate ({fit.year})"
    why = (f"{fig.mention} restated as {anchor.mention} implies {fit.implied:.2f} {fig.currency}/{anchor.currency}; "
           f"{year} is {fit.reference:.2f} ({fit.deviation:+.0%}): {fits}{reading}")
    comparison = Comparison(verdict, abs(fit.deviation), None if fit.fits else "large", "USD")
    return _finding("currency_equivalent", verdict, fact, [s], [fig, anchor], why, comparison)


# ------------------------------------------------------------------ checks across facts
def related(groups: list[FactGroup]) -> Iterable[tuple[FactGroup, FactGroup]]:
    """Ordered pairs of facts about one subject in compatible periods: equal, or one
    unknown when no fact of that metric has the other's period."""
    dated = {(g.subject, g.metric, g.period) for g in groups}
    for a in groups:
        for b in groups:
            if a is b or not (a.subject and a.subject == b.subject and a.metric and b.metric):
                continue
            if a.period == b.period or (a.period is None and (b.subject, a.metric, b.period) not in dated) \
                    or (b.period is None and (b.subject, b.metric, a.period) not in dated):
                yield a, b


def is_part_of(part: FactGroup, whole: FactGroup) -> bool:
    """By the metric hierarchy of rules/metrics.json."""
    known = metrics().get(part.metric or "")
    return bool(known and whole.metric in known.part_of)


def part_exceeds_whole(groups: list[FactGroup]) -> list[Finding]:
    """A part (by the metric hierarchy of rules/metrics.json) larger than its whole."""
    found = []
    for whole in groups:
        w_fig = representative(whole)
        parts = [(p, exceeds(representative(p, w_fig.currency), w_fig)) for p, w in related(groups)
                 if w is whole and is_part_of(p, whole)]
        for verdict in ("conflict", "agree"):
            chosen = [(p, c) for p, c in parts if c and c.verdict == verdict]
            if chosen:
                found.append(_part_finding(whole, chosen, verdict))
    return found


def _part_finding(whole: FactGroup, parts: list[tuple[FactGroup, Comparison]], verdict: str) -> Finding:
    w = representative(whole)
    figs = [representative(p, w.currency) for p, _ in parts]
    ratios = [point(f) / point(w) if f.currency == w.currency else (f.usd.low / w.usd.low) for f in figs]
    listed = ", ".join(map(cite, figs))
    if verdict == "conflict":
        why = (f"the {whole.metric} of {cite(w)} is exceeded by its part(s) {listed}: a part exceeds the whole, "
               f"by a factor of {min(ratios):.1f} to {max(ratios):.1f}")
    else:
        why = f"the part(s) {listed} fit within the {whole.metric} of {cite(w)}"
    statements = [s for p, _ in parts for s in p.statements] + whole.statements
    return _finding("part_exceeds_whole", verdict, whole, statements, figs + [w], why,
                    max((c for _, c in parts), key=lambda c: c.relative_difference),
                    [p for p, _ in parts] + [whole])


def arithmetic(groups: list[FactGroup]) -> list[Finding]:
    """A change claimed for a figure against the change its stated rise or earlier value implies."""
    known = metrics()
    found = []
    for change_fact in (g for g in groups if getattr(known.get(g.metric), "kind", None) == "change"):
        docs = {s.doc_id for s in change_fact.statements}
        levels = [(b, s, c) for a, b in related(groups) if a is change_fact
                  for s in b.statements for c in [_stated_change(s)] if c]
        if not levels:
            continue
        level, statement, change = max(levels, key=lambda x: (x[1].doc_id in docs,
                                                               fuzz.token_set_ratio(x[0].metric, change_fact.metric)))
        claimed = representative(change_fact)
        fig = statement.in_currency(claimed.currency)
        implied = _implied_change(fig, change)
        comparison = compare(claimed, implied)
        if comparison:
            found.append(_finding("arithmetic", comparison.verdict, level, [statement] + change_fact.statements,
                                  [claimed, fig, implied], _arithmetic_why(claimed, fig, implied, change, comparison),
                                  comparison, [change_fact, level]))
    return found


def _stated_change(statement: Statement) -> Change | None:
    """The change stated beside a statement's figures (a percentage, earlier value or amount)."""
    return next((c.change for c in statement.claims
                 if c.change and (c.change.percent or c.change.from_value or c.change.amount)), None)


def _implied_change(fig: Figure, change: Change) -> Figure:
    """The change a figure's stated rise implies, as a figure in the same currency."""
    low, high = fig.interval
    high = low if high is None else high
    if change.from_value is not None and fig.currency:
        span = (low - change.from_value, high - change.from_value)
    elif change.percent is not None:
        share = change.percent / (100 + change.percent)
        span = (low * share, high * share)
    else:
        span = (change.amount, change.amount)
    value = (span[0] + span[1]) / 2
    return fig.model_copy(update={
        "claim": f"implied:{fig.claim}", "mention": f"about {money(value, fig.currency)}", "value": value,
        "low": span[0], "high": span[1], "qualifier": "range", "interval": span,
        "usd": fig.usd and fig.usd.model_copy(update={"low": span[0] / fig.usd.rate, "high": span[1] / fig.usd.rate}),
    })


def _arithmetic_why(claimed: Figure, fig: Figure, implied: Figure, change: Change, comparison: Comparison) -> str:
    stated = f"rose {change.percent:g}%" if change.percent is not None else "rose from " + money(change.from_value or 0, fig.currency)
    verdict = "consistent" if comparison.verdict == "agree" else f"not {claimed.mention}"
    return (f"a figure that {stated} to {fig.mention} rose by {implied.mention} "
            f"({money(implied.interval[0], fig.currency)} to {money(implied.interval[1] or 0, fig.currency)}): "
            f"{verdict} ({cite(claimed)})")


def different_period(groups: list[FactGroup]) -> list[Finding]:
    """The same metric of a subject in different periods: a change, not a conflict."""
    found = []
    dated = sorted((g for g in groups if g.subject and g.metric and isinstance(g.period, tuple)), key=lambda g: g.period)
    for a, b in combinations(dated, 2):
        if (a.subject, a.metric) != (b.subject, b.metric) or a.period == b.period:
            continue
        fa, fb = representative(a), representative(b)
        comparison = compare(fa, fb)
        move = f", a {point(fb) / point(fa) - 1:+.1%} change" if comparison and fa.currency == fb.currency and point(fa) else ""
        why = f"different periods: {cite(fa)} is for {a.period_text}, {cite(fb)} for {b.period_text}{move}; not a conflict"
        found.append(_finding("different_period", "agree", b, a.statements + b.statements, [fa, fb], why, None, [a, b]))
    return found


# ------------------------------------------------------------------ facts and confidence
def fact_of(group: FactGroup, findings: list[Finding]) -> Fact:
    rep = representative(group)
    agreeing = next(c for c in clusters(group) if any(s.head is rep for s in c))
    origins = sorted({_key(s.head.origin) for s in agreeing})
    mine = {c.id for c in group.claims}
    conflicts = sum(1 for f in findings if f.verdict == "conflict" and mine & set(f.claims))
    confidence, factors = _confidence(group.claims, len(origins), conflicts)
    return Fact(id=group.id, subject=group.subject, metric=group.metric, period=group.period_text, figure=rep,
                mentions=[f for s in group.statements for f in s.figures],
                documents=list(dict.fromkeys(s.doc_id for s in group.statements)), origins=origins,
                confidence=confidence, factors=factors)


def _confidence(claims: list[Claim], origins: int, conflicts: int) -> tuple[float, list[Factor]]:
    """Mean claim confidence, plus agreeing independent origins, minus conflicts."""
    r = reconcile_rules().confidence
    base = sum(c.confidence for c in claims) / len(claims)
    factors = [Factor(factor="mean_claim_confidence", value=f"{len(claims)} claim(s)", effect=round(base, 3))]
    if origins > 1:
        factors.append(Factor(factor="independent_origins", value=str(origins),
                              effect=min(r.per_origin * (origins - 1), r.max_origin_bonus)))
    if conflicts:
        factors.append(Factor(factor="conflicts", value=str(conflicts), effect=-r.per_conflict * conflicts))
    total = sum(f.effect for f in factors)
    return round(min(max(total, r.floor), 1.0), 3), factors


def _key(origin: str) -> str:
    return origin.strip().lower()


def _span(fig: Figure) -> str:
    low, high = fig.interval
    return f"{money(low, fig.currency)}-{money(high, fig.currency) if high is not None else '...'}"
