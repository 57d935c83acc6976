"""Diff what two sources claim: facts aligned by subject, metric and period."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from .compare import exceeds, magnitude
from .facts import FactGroup, Statement, compare_statements, facts_of, representative
from .models import Claim, Diff, DiffPair, Figure
from .reconcile import cite, fact_of, parts_and_wholes
from .ruleset import reconcile_rules


def diff(a: Iterable[Claim], b: Iterable[Claim]) -> Diff:
    """Agreeing and conflicting figures of sources A and B, and the facts only one states."""
    a, b = list(a), list(b)
    in_a = {c.id for c in a}
    claims = a + [c for c in b if c.id not in in_a]
    strength = {c.id: _strength(c) for c in claims}
    groups = facts_of(claims)
    sides = {id(g): _split(g, in_a) for g in groups}
    pairs = [p for g in groups if all(sides[id(g)]) for p in [_pair(g, *sides[id(g)], strength)] if p]
    pairs += _parts_exceeding(groups, sides, strength)
    conflict = sorted((p for verdict, p in pairs if verdict == "conflict"), key=lambda p: -(p.relative_difference or 0))
    return Diff(
        agree=[p for verdict, p in pairs if verdict == "agree"], conflict=conflict,
        only_in_a=[fact_of(sides[id(g)][0]) for g in groups if not sides[id(g)][1]],
        only_in_b=[fact_of(sides[id(g)][1]) for g in groups if not sides[id(g)][0]])


def _split(group: FactGroup, in_a: set[str]) -> tuple[FactGroup | None, FactGroup | None]:
    """The fact as each side states it (None when that side does not)."""
    mine = [s for s in group.statements if s.claims[0].id in in_a]
    theirs = [s for s in group.statements if s.claims[0].id not in in_a]
    return tuple(replace(group, statements=part) if part else None for part in (mine, theirs))  # type: ignore[return-value]


def _strength(claim: Claim) -> float:
    """How strongly the figure is attributed: source type, hedges, claim confidence."""
    r = reconcile_rules()
    kind = claim.attribution.source_type if claim.attribution.source else "asserted"
    return r.strength.get(kind or "other", r.strength["other"]) * r.hedge_factor ** len(claim.hedges) * claim.confidence


def _weaker(fa: Figure, fb: Figure, strength: dict[str, float]) -> str | None:
    sa, sb = strength[fa.claim], strength[fb.claim]
    return None if sa == sb else "a" if sa < sb else "b"


def _pair(group: FactGroup, a: FactGroup, b: FactGroup, strength: dict[str, float]) -> tuple[str, DiffPair] | None:
    """Compare the two sides' representative statements of one fact."""
    result = compare_statements(_best(a), _best(b))
    if result is None:
        return None
    comparison, fa, fb = result
    weaker = _weaker(fa, fb, strength) if comparison.verdict == "conflict" else None
    power = magnitude(fa, fb)
    if comparison.verdict == "agree":
        why = f"agree within rounding: {fa.mention} and {fb.mention} ({comparison.relative_difference:.1%} apart)"
    elif power:
        bigger, smaller = ("A", "B") if power > 0 else ("B", "A")
        why = (f"magnitude slip: {fa.mention} vs {fb.mention}, {bigger} is {10 ** abs(power):,}x {smaller} "
               f"(a power of ten: a unit or a decimal point misread)")
        why += f"; {weaker.upper()}'s attribution is weaker" if weaker else ""
    else:
        size = "a small conflict, beyond rounding" if comparison.severity == "small" else "beyond tolerance"
        why = f"conflict: {fa.mention} vs {fb.mention}, {comparison.relative_difference:.1%} apart, {size}"
        why += f"; {weaker.upper()}'s attribution is weaker" if weaker else ""
    return comparison.verdict, DiffPair(
        subject=group.subject, metric=group.metric, period=group.period_text, a=fa, b=fb,
        relative_difference=round(comparison.relative_difference, 4), why=why, weaker=weaker)


def _best(side: FactGroup) -> Statement:
    rep = representative(side)
    return next(s for s in side.statements if s.head is rep)


def _parts_exceeding(groups: list[FactGroup], sides: dict[int, tuple], strength: dict[str, float]
                     ) -> list[tuple[str, DiffPair]]:
    """A part stated by one side that exceeds its whole stated by the other."""
    pairs = []
    for part, whole in parts_and_wholes(groups):
        for (p, w, flip) in ((sides[id(part)][0], sides[id(whole)][1], False), (sides[id(part)][1], sides[id(whole)][0], True)):
            fw = representative(w) if p and w else None
            fp = representative(p, fw.currency) if fw else None
            comparison = exceeds(fp, fw) if fp and fw else None
            if comparison and comparison.verdict == "conflict":
                fa, fb = (fw, fp) if flip else (fp, fw)
                why = (f"conflict: part exceeds whole: the {part.metric} {cite(fp)} exceeds the {whole.metric} "
                       f"{cite(fw)}")
                pairs.append(("conflict", DiffPair(
                    subject=whole.subject, metric=f"{part.metric} within {whole.metric}",
                    period=whole.period_text or part.period_text, a=fa, b=fb,
                    relative_difference=round(comparison.relative_difference, 4), why=why,
                    weaker=_weaker(fa, fb, strength))))
    return pairs
