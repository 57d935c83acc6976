"""Reconcile claim records across sources: facts, the checks over them, fact confidence.

Checks (each gives findings with a verdict and a sentence saying why):
value_conflict, magnitude_slip, unit_price, part_exceeds_whole, arithmetic,
currency_equivalent, revision, repetition, corroboration, different_period.
Conflicts come first; findings that say the same thing of the same claims are merged.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import combinations
from typing import Callable, Iterable, get_args

from rapidfuzz import fuzz

from .compare import Comparison, RateFit, Years, compare, exceeds, magnitude, point, rate_fit
from .facts import (FactGroup, Statement, clusters, compare_statements, facts_of, metrics, most_precise, representative,
                    revised)
from .models import Change, Check, Claim, Fact, Factor, Figure, Finding, Reconciliation
from .ruleset import reconcile_rules
from .stories import stories_of
from .taxonomy import taxonomy
from .wording import money, span

CHECKS: tuple[str, ...] = get_args(Check)


def reconcile(claims: Iterable[Claim]) -> Reconciliation:
    """Facts and findings for a batch of claim records, story by story (``stories``)."""
    claims = list(claims)
    years = Years.of(claims)
    groups = [g for story in stories_of(claims) for g in facts_of(story, years, origins_of_articles(story))]
    findings = [*value_conflict(groups), *magnitude_slip(groups), *unit_price(groups), *part_exceeds_whole(groups),
                *arithmetic(groups), *currency_equivalent(groups, years), *revision(groups), *repetition(groups),
                *corroboration(groups), *different_period(groups)]
    findings = merge_duplicates(findings)
    findings.sort(key=lambda f: (f.verdict != "conflict", CHECKS.index(f.check)))
    conflicts: dict[str, set[int]] = {}  # claim id -> the conflict findings citing it
    for n, f in enumerate(findings):
        if f.verdict == "conflict":
            for c in f.claims:
                conflicts.setdefault(c, set()).add(n)
    return Reconciliation(facts=[fact_of(g, conflicts) for g in groups], findings=findings)


def origins_of_articles(claims: list[Claim]) -> dict[str, str]:
    """Each article's origin report by its citations and shared figures (claims provenance
    without the texts): relays of one report count as one independent origin."""
    from .provenance import articles_of, provenance
    return provenance(articles_of(claims)).origin_of()


def merge_duplicates(findings: list[Finding]) -> list[Finding]:
    """One finding for the same check, verdict and wording over the same figures (the same
    restatement stated twice in an article is one finding citing both)."""
    merged: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.check, f.verdict, f.why, tuple(sorted(f.facts)))
        if key in merged:
            held = merged[key]
            held.claims = list(dict.fromkeys(held.claims + f.claims))
        else:
            merged[key] = f
    return list(merged.values())


# ------------------------------------------------------------------ wording
def cite(fig: Figure) -> str:
    """'over CNY 400 billion (chip order, 000_x.txt)'."""
    return f"{fig.mention} ({', '.join(x for x in (fig.metric, fig.doc_id) if x)})"


def _finding(check: Check, verdict: str, fact: FactGroup, statements: list[Statement], values: list[Figure],
             why: str, comparison: Comparison | None = None, facts: list[FactGroup] | None = None,
             correct: Figure | None = None) -> Finding:
    return Finding(
        check=check, verdict=verdict, subject=fact.subject, metric=fact.metric, period=fact.period_text,
        claims=list(dict.fromkeys(c.id for s in statements for c in s.claims)), values=values, why=why,
        relative_difference=round(comparison.relative_difference, 4) if comparison else None,
        severity=comparison.severity if comparison else None, facts=[g.id for g in facts or [fact]], correct=correct)


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
            origins = origins_of(cluster)
            heads = [next(s.head for s in cluster if s.doc_id == d) for d in docs]
            spread = _spread(cluster)
            why = (f"{len(docs)} articles state it ({'; '.join(map(cite, heads))}), agreeing within rounding "
                   f"(relative difference up to {spread:.1%}); {len(origins)} independent origin(s): {', '.join(origins)}")
            if len(origins) < len(docs):
                why += " (articles relaying one origin count once)"
            found.append(_finding("corroboration", "agree", fact, cluster, heads, why))
    return found


def value_conflict(groups: list[FactGroup]) -> list[Finding]:
    """Figures for one fact that differ beyond rounding and tolerance, in different
    articles (one article's different figures for one key are different things: its
    divisions, a change beside a level); a power of ten apart is a magnitude slip instead."""
    found = []
    for fact in groups:
        for a, b in combinations(clusters(fact), 2):
            if len({s.doc_id for s in a + b}) < 2 or a[0].vague or b[0].vague:
                continue
            result = compare_statements(most_precise(a), most_precise(b))
            if result is None or magnitude(result[1], result[2]):
                continue
            comparison, fa, fb = result
            size = "differ by a little, a small conflict" if comparison.severity == "small" else "conflict"
            why = (f"{cite(fa)} and {cite(fb)} differ by {comparison.relative_difference:.1%} beyond their "
                   f"precision ({_span(fa)} vs {_span(fb)}): they {size}")
            found.append(_finding("value_conflict", "conflict", fact, a + b, [fa, fb], why, comparison))
    return found


def magnitude_slip(groups: list[FactGroup]) -> list[Finding]:
    """Two values of one fact a power of ten apart (10x, 100x, 1000x: a 亿 read as a
    billion, lakh or crore as million, thousand as million): the value more independent
    origins state is the likely correct one. Also within one article (a headline against
    its body)."""
    found = []
    of_subject = _by_subject(groups)
    for fact in groups:
        parts = clusters(fact)
        if len(parts) < 2:
            continue
        right = max(parts, key=_support)
        for wrong in (p for p in parts if p is not right):
            good, bad = _facing(right, wrong)
            k = magnitude(bad, good)
            if k:
                found.append(_slip_finding(fact, right, wrong, good, bad, abs(k), of_subject.get(fact.subject, [])))
    return found


def _by_subject(groups: list[FactGroup]) -> dict[str | None, list[FactGroup]]:
    """The facts of each subject, in order (a check across facts looks at one subject's only)."""
    found: dict[str | None, list[FactGroup]] = {}
    for g in groups:
        found.setdefault(g.subject, []).append(g)
    return found


def _facing(a: list[Statement], b: list[Statement]) -> tuple[Figure, Figure]:
    """The two values' most precise figures, in a currency both state when there is one."""
    sa, sb = most_precise(a), most_precise(b)
    shared = [f.currency for f in sa.figures if f.currency in {g.currency for g in sb.figures}]
    return (sa.in_currency(shared[0]), sb.in_currency(shared[0])) if shared else (sa.head, sb.head)


def _support(statements: list[Statement]) -> tuple[int, int, int]:
    """Independent origins, then articles, then statements behind a value. An article counts
    for one origin (its first statement's): the sources one article cites for the same value
    ("reports", its own editors) do not outvote the articles of other outlets."""
    origin_of: dict[str, str] = {}
    for s in statements:
        origin_of.setdefault(s.doc_id, _key(s.head.origin))
    return len(set(origin_of.values())), len(origin_of), len(statements)


def _slip_finding(fact: FactGroup, right: list[Statement], wrong: list[Statement], good: Figure, bad: Figure,
                  power: int, same_subject: list[FactGroup]) -> Finding:
    times = 10 ** power
    reading = _reading(power, bad.currency)
    origins, docs = _support(right)[:2]
    evidence = [f"{docs} article(s) and {origins} independent origin(s) state {good.mention} "
                f"({', '.join(dict.fromkeys(s.doc_id for s in right))}) against {len(wrong)} statement(s) of "
                f"{bad.mention} ({', '.join(dict.fromkeys(s.doc_id for s in wrong))})"]
    evidence += _slip_rates(wrong, power) + _slip_parts(fact, bad, same_subject)
    bigger = "over" if point(bad) > point(good) else "under"
    why = (f"{cite(bad)} is {times:,}x {bigger}stated against {cite(good)}: a magnitude slip{reading}; likely "
           f"correct: {good.mention}. Evidence: {'; '.join(evidence)}")
    comparison = Comparison("conflict", 1 - 1 / times, "large", bad.currency or "USD")
    return _finding("magnitude_slip", "conflict", fact, wrong + right, [bad, good], why, comparison, correct=good)


def _reading(power: int, currency: str | None) -> str:
    readings = [r for r in reconcile_rules().magnitude_slip.readings
                if r.power == power and (not r.currencies or currency in r.currencies)]
    return f" ({readings[0].text})" if readings else ""


def _slip_rates(wrong: list[Statement], power: int) -> list[str]:
    """What the slipped statements' own restatements say: a rate that fits means the article
    restated its figure faithfully (the slip came with its source); a rate off by the same
    power of ten means one of the two figures slipped."""
    notes = []
    for s in wrong:
        if len(s.figures) < 2:
            continue
        fit = rate_fit(s.figures[1], s.head, [None])
        if fit is None:
            continue
        if fit.fits:
            notes.append(f"its restatement {s.figures[1].mention} of {s.head.mention} fits the reference rate, so the "
                         f"article restated the slipped figure faithfully")
        elif round(math.log10(abs(fit.implied / fit.reference))) in (power, -power):
            notes.append(f"its restatement {s.figures[1].mention} implies a rate {10 ** power:,}x off the reference "
                         f"rate: one of the two figures slipped")
    return list(dict.fromkeys(notes))


def _slip_parts(fact: FactGroup, bad: Figure, same_subject: list[FactGroup]) -> list[str]:
    """The slipped value exceeding the whole it is a part of (among the facts of its subject)."""
    notes = []
    for whole in same_subject:
        if whole is fact or whole.subject != fact.subject or not taxonomy().is_part_of(fact.metric, whole.metric):
            continue
        w = representative(whole, bad.currency)
        c = exceeds(bad, w)
        if c and c.verdict == "conflict":
            notes.append(f"it exceeds the {whole.metric} it is a part of ({cite(w)})")
    return notes


def unit_price(groups: list[FactGroup]) -> list[Finding]:
    """A per-unit price and a count in one sentence imply a total: checked against totals
    stated with the same count ('20,000 chips at $20,000 each is $400m')."""
    mentions: dict[tuple[str, str], list[str]] = {}  # the money mentions of each sentence
    for g in groups:
        for s in g.statements:
            for c in s.claims:
                mentions.setdefault((c.doc_id, c.sentence), []).append(c.mention)
    totals: dict[str, list[tuple[FactGroup, Statement]]] = {}
    for g in groups:
        if taxonomy().kind(g.metric) == "price":
            continue
        for s in g.statements:
            for n in _counts(s, mentions):
                totals.setdefault(n, []).append((g, s))
    found = []
    for g in groups:
        if taxonomy().kind(g.metric) != "price" or not g.subject:
            continue
        for s in g.statements:
            for count in _counts(s, mentions):
                for total_fact, total in totals.get(count, []):
                    finding = _unit_finding(g, s, count, total_fact, total)
                    if finding:
                        found.append(finding)
    return found


COUNT = re.compile(r"(?<![\w$£€¥.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\s+(thousand|million))?(?![\d%])")


def _counts(s: Statement, mentions: dict[tuple[str, str], list[str]]) -> list[str]:
    """Counts in the statement's sentence: a number (not a year, a percentage or part of a
    money mention) before a plural noun within ``max_count_words`` words."""
    sentence = s.claims[0].sentence
    for mention in mentions.get((s.doc_id, sentence), []):
        sentence = sentence.replace(mention, " " * len(mention))
    words = reconcile_rules().unit_price.max_count_words
    found = []
    for m in COUNT.finditer(sentence):
        digits = m.group(1).replace(",", "")
        if not m.group(2) and (len(digits) == 4 and 1900 <= int(digits) <= 2100 or int(digits) < 2):
            continue
        noun = re.match(rf"(?:\s+[\w-]+){{0,{words - 1}}}?\s+([A-Za-z][a-z-]*s)\b", sentence[m.end():m.end() + 80])
        if noun and noun.group(1).lower() not in ("percent", "cents"):
            count = int(digits) * {"thousand": 1000, "million": 10 ** 6}.get(m.group(2) or "", 1)
            found.append(f"{count} {noun.group(1).lower()}")
    return found


def _unit_finding(price_fact: FactGroup, s: Statement, count: str, total_fact: FactGroup,
                  total: Statement) -> Finding | None:
    fig = s.head
    number, noun = count.split(" ", 1)
    units = int(number)
    implied_value = point(fig) * units
    tf = total.in_currency(fig.currency)
    implied = fig.model_copy(update={
        "claim": f"implied:{fig.claim}", "mention": f"{units:,} x {fig.mention}",
        "value": implied_value, "low": None, "high": None,
        "interval": (fig.interval[0] * units, None if fig.interval[1] is None else fig.interval[1] * units),
        "usd": fig.usd and fig.usd.model_copy(update={"low": fig.usd.low * units,
                                                     "high": None if fig.usd.high is None else fig.usd.high * units})})
    comparison = compare(implied, tf)
    if comparison is None or point(tf) < 2 * point(fig):  # a total is larger than one unit's price
        return None
    verdict = comparison.verdict
    fits = "consistent" if verdict == "agree" else f"not {tf.mention}: one of the two is wrong"
    why = (f"{units:,} {noun} at {fig.mention} ({s.doc_id}) make {money(implied_value, fig.currency)}; "
           f"{cite(tf)} states the total for the same {units:,} {noun}: {fits}")
    return _finding("unit_price", verdict, price_fact, [s, total], [fig, tf, implied], why, comparison,
                    [price_fact, total_fact], correct=None if verdict == "agree" else tf)


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
def related(groups: list[FactGroup], first: Callable[[FactGroup], bool] | None = None
            ) -> Iterable[tuple[FactGroup, FactGroup]]:
    """Ordered pairs of facts about one subject in compatible periods: equal, or one
    unknown when no fact of that metric has the other's period. ``first``: the facts wanted
    first in a pair (the pairs of the others are not made)."""
    dated = _dated(groups)
    by_subject: dict[str, list[FactGroup]] = {}
    for g in groups:
        if g.subject and g.metric:
            by_subject.setdefault(g.subject, []).append(g)
    for same in by_subject.values():  # blocked by subject: pairs of one entity's facts only
        for a in same:
            if first is None or first(a):
                yield from ((a, b) for b in same if a is not b and _compatible(a, b, dated))


def _dated(groups: list[FactGroup]) -> set[tuple[str | None, str | None, str | None]]:
    return {(g.subject, g.metric, g.period) for g in groups}


def _compatible(a: FactGroup, b: FactGroup, dated: set) -> bool:
    """Two facts of one subject in compatible periods (``related``)."""
    return a.period == b.period or (a.period is None and (b.subject, a.metric, b.period) not in dated) \
        or (b.period is None and (b.subject, b.metric, a.period) not in dated)


def parts_and_wholes(groups: list[FactGroup]) -> Iterable[tuple[FactGroup, FactGroup]]:
    """The pairs of ``related`` whose first fact is a part of the second by the metric
    hierarchy of rules/metrics.json (a metric's ``part_of``), each part in input order: the
    wholes are looked up by subject, metric and period."""
    dated = _dated(groups)
    index: dict[tuple[str, str], dict[str | None, list[FactGroup]]] = {}
    for g in groups:
        if g.subject and g.metric:
            index.setdefault((g.subject, g.metric), {}).setdefault(g.period, []).append(g)
    known = metrics()
    for part in groups:
        metric = known.get(part.metric or "") if part.subject else None
        for whole_metric in metric.part_of if metric else ():
            periods = index.get((part.subject, whole_metric), {})
            if part.period is None:  # any period no fact of the part's metric has
                wholes = [w for period, ws in periods.items() if period is None
                          or (part.subject, part.metric, period) not in dated for w in ws]
            else:
                wholes = periods.get(part.period, []) + (
                    periods.get(None, []) if (part.subject, whole_metric, part.period) not in dated else [])
            yield from ((part, w) for w in wholes if w is not part)


def part_exceeds_whole(groups: list[FactGroup]) -> list[Finding]:
    """A part (by the metric hierarchy of rules/metrics.json) larger than its whole."""
    found = []
    parts_of: dict[int, list[FactGroup]] = {}
    for p, w in parts_and_wholes(groups):
        parts_of.setdefault(id(w), []).append(p)
    for whole in groups:
        if id(whole) not in parts_of:
            continue
        w_fig = representative(whole)
        parts = [(p, exceeds(representative(p, w_fig.currency), w_fig)) for p in parts_of[id(whole)]]
        for verdict in ("conflict", "agree"):
            chosen = [(p, c) for p, c in parts if c and c.verdict == verdict]
            if chosen:
                found.append(_part_finding(whole, chosen, verdict))
    return found


def _part_finding(whole: FactGroup, parts: list[tuple[FactGroup, Comparison]], verdict: str) -> Finding:
    w = representative(whole)
    figs = [representative(p, w.currency) for p, _ in parts]
    ratios = [r for f in figs if (r := _ratio(f, w)) is not None]
    listed = ", ".join(map(cite, figs))
    if verdict == "conflict":
        factor = f", by a factor of {min(ratios):.1f} to {max(ratios):.1f}" if ratios else ""
        why = f"the {whole.metric} of {cite(w)} is exceeded by its part(s) {listed}: a part exceeds the whole{factor}"
    else:
        why = f"the part(s) {listed} fit within the {whole.metric} of {cite(w)}"
    statements = [s for p, _ in parts for s in p.statements] + whole.statements
    return _finding("part_exceeds_whole", verdict, whole, statements, figs + [w], why,
                    max((c for _, c in parts), key=lambda c: c.relative_difference),
                    [p for p, _ in parts] + [whole])


def _ratio(part: Figure, whole: Figure) -> float | None:
    """How many times the whole the part is, in their currency or in USD; None when a bound
    is open or zero."""
    if part.currency == whole.currency:
        p, w = point(part), point(whole)
    elif part.usd and whole.usd:
        p, w = part.usd.low, whole.usd.low
    else:
        return None
    return p / w if p and w and math.isfinite(p / w) else None


def arithmetic(groups: list[FactGroup]) -> list[Finding]:
    """A change claimed for a figure against the change its stated rise or earlier value implies."""
    known = metrics()
    found = []
    related_to: dict[int, list[FactGroup]] = {}
    for a, b in related(groups, lambda a: getattr(known.get(a.metric), "kind", None) == "change"):
        related_to.setdefault(id(a), []).append(b)
    for change_fact in (g for g in groups if id(g) in related_to):
        docs = {s.doc_id for s in change_fact.statements}
        levels = [(b, s, c) for b in related_to[id(change_fact)] for s in b.statements for c in [_stated_change(s)] if c]
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


def _spread(cluster: list[Statement]) -> float:
    """The largest relative difference between agreeing statements: the lowest and highest
    single numbers in the head currency of the first (else in USD)."""
    currency = cluster[0].head.currency
    points = [point(f) for s in cluster for f in [s.in_currency(currency)] if f.currency == currency]
    if len(points) < len(cluster):
        points = [point(s.head) / s.head.usd.rate for s in cluster if s.head.usd and s.head.usd.rate]
    top = max(points, default=0.0)
    return (top - min(points)) / top if top else 0.0


def revision(groups: list[FactGroup]) -> list[Finding]:
    """A later figure said to be raised, cut or revised to a new value: a revision of the
    earlier fact, not a conflict with it."""
    found = []
    for fact in groups:
        base = fact.revision_of
        if base is None:
            continue
        heads = Counter(s.head.currency for s in fact.statements if s.head.currency)
        currency = heads.most_common(1)[0][0] if heads else None
        old, new = representative(base, currency), representative(fact, currency)
        ratio = _ratio(new, old)
        stated = next((c.change.percent for c in fact.claims if c.change and c.change.percent), None)
        move = f" ({ratio - 1:+.0%}" if ratio else ""
        if move and stated is not None:
            fits = abs((1 + stated / 100) - ratio) <= 0.05 * ratio
            move += f"; the stated {stated:g}% {'fits' if fits else 'does not fit'}"
        move += ")" if move else ""
        cue = next((c.sentence for c in fact.claims if revised(c)), "")
        why = (f"{cite(new)} revises the earlier {cite(old)}{move}: the later report says the figure was changed to "
               f"it ({cue[:120]!r}); a revision, not a conflict. Earlier: "
               f"{', '.join(dict.fromkeys(s.doc_id for s in base.statements))}; revised: "
               f"{', '.join(dict.fromkeys(s.doc_id for s in fact.statements))}")
        found.append(_finding("revision", "agree", fact, base.statements + fact.statements, [old, new], why, None,
                              [base, fact]))
    return found


def different_period(groups: list[FactGroup]) -> list[Finding]:
    """The same metric of a subject in different periods: a change, not a conflict."""
    found = []
    dated: dict[tuple, list[FactGroup]] = {}
    for g in sorted((g for g in groups if g.subject and g.metric and isinstance(g.period, tuple)),
                    key=lambda g: tuple(x or "" for x in g.period)):  # an open end sorts first
        dated.setdefault((g.subject, g.metric), []).append(g)
    for same in dated.values():  # each period against the one before it: a subject's series, not all pairs
        pairs = [(a, b) for a, b in zip(same, same[1:]) if a.period != b.period]
        found += [_period_finding(a, b) for a, b in pairs]
    return found


def _period_finding(a: FactGroup, b: FactGroup) -> Finding:
    fa, fb = representative(a), representative(b)
    comparison = compare(fa, fb)
    move = f", a {point(fb) / point(fa) - 1:+.1%} change" if comparison and fa.currency == fb.currency and point(fa) else ""
    why = f"different periods: {cite(fa)} is for {a.period_text}, {cite(fb)} for {b.period_text}{move}; not a conflict"
    return _finding("different_period", "agree", b, a.statements + b.statements, [fa, fb], why, None, [a, b])


# ------------------------------------------------------------------ facts and confidence
def fact_of(group: FactGroup, conflicts: dict[str, set[int]] | None = None) -> Fact:
    """The fact record of a group; ``conflicts`` maps claim ids to the conflict findings
    citing them (each lowers the fact's confidence)."""
    rep = representative(group)
    agreeing = next(c for c in clusters(group) if any(s.head is rep for s in c))
    origins = origins_of(agreeing)
    cited = set().union(*((conflicts or {}).get(c.id, set()) for c in group.claims))
    confidence, factors = _confidence(group.claims, len(origins), len(cited))
    return Fact(id=group.id, subject=group.subject, metric=group.metric, period=group.period_text, figure=rep,
                mentions=[f for s in group.statements for f in s.figures],
                documents=list(dict.fromkeys(s.doc_id for s in group.statements)), origins=origins,
                confidence=confidence, factors=factors)


def _confidence(claims: list[Claim], origins: int, conflicts: int) -> tuple[float, list[Factor]]:
    """Mean claim confidence, plus agreeing independent origins, minus conflicts: a fact is
    as sure as its claims are on average, surer when independent origins agree, less sure
    for each conflict that cites it (so it can differ from any one claim's confidence)."""
    r = reconcile_rules().confidence
    base = sum(c.confidence for c in claims) / len(claims)
    low, high = min(c.confidence for c in claims), max(c.confidence for c in claims)
    spread = f"{low:.2f}" if low == high else f"{low:.2f} to {high:.2f}"
    factors = [Factor(factor="mean_claim_confidence", value=f"{len(claims)} claim(s)",
                      evidence=f"the mean of its claims' own confidences ({spread}: source, hedges, currency)",
                      effect=round(base, 3))]
    if origins > 1:
        factors.append(Factor(factor="independent_origins", value=str(origins),
                              evidence=f"+{r.per_origin:g} for each agreeing independent origin beyond the first "
                                       f"(at most +{r.max_origin_bonus:g})",
                              effect=min(r.per_origin * (origins - 1), r.max_origin_bonus)))
    if conflicts:
        factors.append(Factor(factor="conflicts", value=str(conflicts),
                              evidence=f"-{r.per_conflict:g} for each conflict finding that cites its claims",
                              effect=-r.per_conflict * conflicts))
    total = sum(f.effect for f in factors)
    return round(min(max(total, r.floor), 1.0), 3), factors


def origins_of(statements: list[Statement]) -> list[str]:
    """The independent origins behind statements, as written (one per name, whatever its case)."""
    names: dict[str, str] = {}
    for s in statements:
        names.setdefault(_key(s.head.origin), s.head.origin.strip())
    return sorted(names.values(), key=str.lower)


def _key(origin: str) -> str:
    return origin.strip().lower()


def _span(fig: Figure) -> str:
    return span(fig.interval[0], fig.interval[1], fig.currency)
