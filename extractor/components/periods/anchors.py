"""The year an undated article was written, read from the article itself, so that its
'this year' and 'next year' resolve. Two kinds of anchor tie a relative year to a known one:

- a year-on-year comparison: "$12bn in 2026, up from $9bn this year" (the base of a
  comparison is the year before its main figure's, so 'this year' is 2025);
- one amount stated twice, once with each: "$23bn next year" ... "$23bn for 2026".

Each anchor votes for a year; the year with most votes wins, a tie gives none.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...ruleset import PeriodRules
from .phrases import Phrase


@dataclass(frozen=True)
class Stated:
    """A figure (restatements left out), in text order: the calendar year its period lies
    in, when it is known and not relative, or the offset of its relative year."""

    sent: int
    comparison: bool
    amount: tuple[str | None, float | None]
    year: int | None
    offset: int | None


def relative_year(p: Phrase | None, rules: PeriodRules) -> int | None:
    """The offset in years of 'this year' (0), 'next year' (1), 'last year' (-1); None for
    any other phrase."""
    if p is None or p.kind != "relative" or "date" in p.fields or "count" in p.fields:
        return None
    if p.fields.get("unit", "year").lower() != "year":
        return None
    return rules.relative[p.fields["rel"].lower()]


def written_in(stated: list[Stated], reach: int) -> int | None:
    """The year the anchors of the article agree on, or None; a comparison pairs with the
    latest figure before it at most ``reach`` sentences back ('This figure will exceed ...')."""
    votes: Counter[int] = Counter()
    main: Stated | None = None  # the latest figure that is not a comparison
    by_amount: dict[tuple[str | None, float], list[Stated]] = {}
    for s in stated:
        if s.comparison:
            if main is not None and s.sent - main.sent <= reach:
                votes.update(_compared(main, s))
            continue
        main = s
        if s.amount[1] is not None:
            by_amount.setdefault((s.amount[0], s.amount[1]), []).append(s)
    for same in by_amount.values():
        years = {s.year for s in same if s.year is not None}
        offsets = {s.offset for s in same if s.offset is not None}
        if len(years) == 1 and len(offsets) == 1:
            votes[years.pop() - offsets.pop()] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _compared(main: Stated, base: Stated) -> list[int]:
    """The year a comparison implies: its base is the year before its main figure's."""
    if base.offset is not None and main.year is not None:
        return [main.year - 1 - base.offset]
    if main.offset is not None and base.year is not None:
        return [base.year + 1 - main.offset]
    return []
