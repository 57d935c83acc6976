"""The start and end dates of a period phrase in its context: one resolver per phrase kind,
listed in ``RESOLVERS`` (checked against the kinds of the rules when the component is
built). A resolver returns (None, None) when the dates are unknown."""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from dateparser.languages.loader import default_loader

from ...ruleset import PeriodPattern, PeriodRules, RuleError
from .anchors import relative_year
from .phrases import Phrase, expand

DateSpan = tuple[date | None, date | None]
UNKNOWN: DateSpan = (None, None)


@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


# a month name with a day before or after it or none, and a year or none ('31 Dec. 2004',
# 'March 1st, 2005'): what ``month_day`` reads without dateparser
PLAIN_DATE = re.compile(r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)? (?P<m1>[a-z]+)\.?|(?P<m2>[a-z]+)\.?"
                        r"(?: (?P<d2>\d{1,2})(?:st|nd|rd|th)?)?)(?:,? (?:19|20)\d\d)?", re.I | re.A)


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Every way dateparser's English locale writes a month ('sept', 'september'), with its
    number (none if the process set a locale whose month names are not English: every
    fragment is then dateparser's)."""
    info = default_loader.get_locale("en").info
    return {form: m for m in range(1, 13) for form in info.get(calendar.month_name[m].lower(), ())}


def _plain_month_day(fragment: str) -> tuple[int, int | None] | None:
    """(month, day or None) of a fragment ``PLAIN_DATE`` reads whose day every year's month
    has, as dateparser reads it; None for any other fragment."""
    m = PLAIN_DATE.fullmatch(fragment)
    month = _month_numbers().get((m["m1"] or m["m2"]).lower()) if m else None
    if m is None or month is None:
        return None
    day = m["d1"] or m["d2"]
    if day is None:
        return month, None
    fewest = min(calendar.monthrange(year, month)[1] for year in (2000, 2001))  # a leap year and another
    return (month, int(day)) if 1 <= int(day) <= fewest else None


@lru_cache(maxsize=4096)
def month_day(fragment: str) -> tuple[int, int | None] | None:
    """(month, day or None) of a date fragment such as '31 December' or 'March 2005'; a plain
    one is read without dateparser (its first call costs a tenth of a second)."""
    if (plain := _plain_month_day(fragment)) is not None:
        return plain
    data = _date_parser().get_date_data(fragment)
    if data.date_obj is None:
        return None
    return data.date_obj.month, data.date_obj.day if data.period == "day" else None


def _day(year: int, month: int, day: int) -> date | None:
    """The date, or None when the month has no such day ('30 February')."""
    return date(year, month, day) if 1 <= day <= calendar.monthrange(year, month)[1] else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months; a month end stays a month end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month + 1, last if at_end else min(day.day, last))


def _months(year: int, first: int, last: int) -> DateSpan:
    return date(year, first, 1), _month_end(year, last)


def _ending(end: date | None, months: int) -> DateSpan:
    return (add_months(end, -months) + timedelta(days=1), end) if end else UNKNOWN


def _number(value: str, rules: PeriodRules) -> int:
    return int(value) if value.isdigit() else rules.numbers[value.lower()]


def _length(p: Phrase, rules: PeriodRules) -> int:
    n = p.fields.get("n")
    return _number(n, rules) if n else rules.unit_months[p.fields.get("unit", "year").lower()]


@lru_cache(maxsize=8)
def _fiscal(fragment: str) -> re.Pattern[str]:
    return re.compile(rf"{fragment}\b", re.I)


def _is_fiscal(p: Phrase, rules: PeriodRules) -> bool:
    return bool(_fiscal(expand("{FISCAL}", rules)).match(p.text))


# ------------------------------------------------------------------ resolvers
# each: (phrase, rules, year, context) -> (start, end); ``year`` is None only for the
# resolvers that do not need one
def _year(p: Phrase, rules: PeriodRules, year: int | None, ctx: Context) -> DateSpan:
    return _months(int(p.fields["year"]), 1, 12)


def _range(p: Phrase, rules: PeriodRules, year: int | None, ctx: Context) -> DateSpan:
    last = p.fields.get("year2")
    return date(int(p.fields["year"]), 1, 1), date(int(last), 12, 31) if last else None


def _decade(p: Phrase, rules: PeriodRules, year: int | None, ctx: Context) -> DateSpan:
    """'the 2030s', 'the mid-2030s': the decade's years, or the part of them its edge word spans."""
    first = int(p.fields["decade"])
    edge = (p.fields.get("edge") or "").lower()
    low, high = rules.decade_edges.get(edge, (0, 9))
    return date(first + low, 1, 1), date(first + high, 12, 31)


def _quarter(p: Phrase, rules: PeriodRules, year: int, ctx: Context) -> DateSpan:
    return _part_of_year(p, rules, year, ctx, _number(p.fields.get("q") or p.fields["q2"], rules), 3)


def _half(p: Phrase, rules: PeriodRules, year: int, ctx: Context) -> DateSpan:
    return _part_of_year(p, rules, year, ctx, _number(p.fields["h"], rules), 6)


def _part_of_year(p: Phrase, rules: PeriodRules, year: int, ctx: Context, n: int, months: int) -> DateSpan:
    """The n-th quarter or half (``months`` long) of the calendar year; of a financial year
    ('the first quarter of its financial year', 'fiscal Q1', or a year-less quarter in an
    article whose financial year ends in another month than December) counted from the start
    of the financial year the article states ('the year to March 2026': April-June 2025)."""
    fiscal = _is_fiscal(p, rules) or bool(p.fields.get("fiscal_of"))
    if ctx.fiscal_end is not None and (fiscal or (p.year is None and ctx.fiscal_end.month != 12)):
        start = _financial_year(ctx.fiscal_end)[0]
        first = add_months(start, months * (n - 1))
        return first, add_months(first, months) - timedelta(days=1)
    return _months(year, months * n - months + 1, months * n) if not fiscal else UNKNOWN


def _part(p: Phrase, rules: PeriodRules, year: int, ctx: Context) -> DateSpan:
    if "fiscal" in p.fields:
        return UNKNOWN
    n = _number(p.fields["n"], rules)
    return _months(year, 1, n) if p.fields["part"].lower() == "first" else _months(year, 13 - n, 12)


def _to_date(p: Phrase, rules: PeriodRules, year: int, ctx: Context) -> DateSpan:
    found = month_day(p.fields["date"])
    if found is None:
        return UNKNOWN
    month, day = found
    end = _day(year, month, day) if day else _month_end(year, month)
    if p.fields.get("weeks") and end:  # 'the 26 weeks to 28 December 2025'
        return end - timedelta(weeks=_number(p.fields["weeks"], rules)) + timedelta(days=1), end
    return _ending(end, _length(p, rules))


def _from_date(p: Phrase, rules: PeriodRules, year: int, ctx: Context) -> DateSpan:
    found = month_day(p.fields["date"])
    start = found and _day(year, found[0], found[1] or 1)
    return (start, add_months(start, _length(p, rules)) - timedelta(days=1)) if start else UNKNOWN


def _month_span(p: Phrase, rules: PeriodRules, year: int, ctx: Context) -> DateSpan:
    first, last = month_day(p.fields["m1"]), month_day(p.fields["m2"])
    if first is None or last is None:
        return UNKNOWN
    return date(year - (first[0] > last[0]), first[0], 1), _month_end(year, last[0])


def _unknown(p: Phrase, rules: PeriodRules, year: int | None, ctx: Context) -> DateSpan:
    return UNKNOWN


def _edge(p: Phrase, rules: PeriodRules, year: int, ctx: Context) -> DateSpan:
    return _months(year, *rules.edges[p.fields["edge"].lower()])


def _date(p: Phrase, rules: PeriodRules, year: int, ctx: Context) -> DateSpan:
    found = month_day(p.fields["date"])
    if found is None:
        return UNKNOWN
    month, day = found
    if not day:
        return _months(year, month, month)
    return (day_date,) * 2 if (day_date := _day(year, month, day)) else UNKNOWN


def _relative(p: Phrase, rules: PeriodRules, year: int | None, ctx: Context) -> DateSpan:
    rel = p.fields["rel"].lower()
    if ctx.published is None:
        fy = ctx.financial_year()
        if fy and relative_year(p, rules) == 0 and _fiscal(expand("{FISCAL}", rules)).search(p.text):
            return fy  # 'this fiscal year' of 'the year to March 2026'
        if ctx.now_year is not None and (offset := relative_year(p, rules)) is not None:
            return _months(ctx.now_year + offset, 1, 12)
        return _context(p, rules, year, ctx) if rel in rules.past_is_context else UNKNOWN
    pub, offset = ctx.published, rules.relative[rel]
    if "date" in p.fields:  # last March, next June
        found = month_day(p.fields["date"])
        if found is None:
            return UNKNOWN
        month = found[0]
        year = pub.year - (month >= pub.month) if offset < 0 else pub.year + (offset > 0 and month <= pub.month)
        return _months(year, month, month)
    unit = p.fields.get("unit", "year").lower().rstrip("s")
    if "count" in p.fields:
        count = int(p.fields["count"]) if p.fields["count"].isdigit() else rules.numbers.get(p.fields["count"], 0)
        months = count * rules.unit_months[unit]
        if not months:
            return UNKNOWN  # 'the next few years': no length
        return _ending(pub, months) if offset < 0 else (pub, add_months(pub, months))
    if unit == "year":
        return _months(pub.year + offset, 1, 12)
    size = rules.unit_months[unit]
    first = date(pub.year, (pub.month - 1) // size * size + 1, 1)
    start = add_months(first, offset * size)
    return start, add_months(start, size) - timedelta(days=1)


def _day_phrase(p: Phrase, rules: PeriodRules, year: int | None, ctx: Context) -> DateSpan:
    """'on Friday' of a dated article: the latest Friday on or before its date; 'yesterday',
    'last week', 'this weekend' counted from that date. Undated: unknown."""
    words, pub, days = p.text.lower().split(), ctx.published, rules.day_words
    if pub is None or days is None or not words:
        return UNKNOWN
    for w in words:
        if w in days.weekdays:
            day = pub - timedelta(days=(pub.weekday() - days.weekdays.index(w)) % 7)
            return day, day
        if w in days.offsets:
            day = pub + timedelta(days=days.offsets[w])
            return day, day
    if words[-1] in days.weeks and words[0] in rules.relative:
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=rules.relative[words[0]])
        first, last = days.weeks[words[-1]]
        return monday + timedelta(days=first), monday + timedelta(days=last)
    return UNKNOWN


def _shift(p: Phrase, rules: PeriodRules, year: int | None, ctx: Context) -> DateSpan:
    """'a year earlier': the period of the context a year before ('the following year', 'a
    year later': after); 'the previous quarter': the quarter before the context's, unknown when
    the context lasts longer than a quarter."""
    prev, unit = ctx.previous, p.fields.get("unit", "year").lower()
    months = rules.unit_months[unit] * (1 if p.fields.get("later") else -1)
    if prev is None or not _within(prev, None if unit == "year" else abs(months)):
        return UNKNOWN
    return add_months(prev[0], months), add_months(prev[1], months)  # type: ignore[arg-type]


def _context(p: Phrase, rules: PeriodRules, year: int | None, ctx: Context) -> DateSpan:
    """'the quarter', 'the same period': the period of the context or, failing that, the
    article's reporting period ('the same period in 2003': that period in 2003); 'the full
    year', 'annual': the year of the context."""
    unit = p.fields.get("unit", "year").lower()
    if unit == "year":
        if p.year is None and (fy := ctx.financial_year()):
            return fy  # 'for the year' of 'the fiscal year through March 2026'
        return _months(year, 1, 12) if year else UNKNOWN
    months = rules.unit_months.get(unit)
    span = next((s for s in (ctx.previous, ctx.reporting) if s and _within(s, months)), UNKNOWN)
    if p.year is None or span[1] is None:
        return span
    moved = 12 * (p.year - span[1].year)  # 'the same period in 2003'
    return add_months(span[0], moved), add_months(span[1], moved)  # type: ignore[arg-type]


def year_to(p: Phrase) -> bool:
    """A twelve-month year to a month ('the year to March', 'the financial year ending in March')?"""
    return p.kind == "to_date" and p.fields.get("n") in (None, "12", "twelve") and not p.fields.get("unit") \
        and not p.fields.get("weeks")


def _financial_year(end: date) -> tuple[date, date]:
    """The twelve months that end on ``end``."""
    return add_months(end, -12) + timedelta(days=1), end


def _within(span: DateSpan, months: int | None) -> bool:
    """A known span that lasts no longer than ``months`` (any length when None)."""
    start, end = span
    if start is None or end is None:
        return False
    return months is None or add_months(start, months) > end


@dataclass(frozen=True)
class Resolver:
    """How one kind of phrase gets its dates: ``resolve``; whether it needs a year (from
    the phrase, the context or, failing both, the publication date) before it can resolve;
    the named groups its patterns must define (each tuple: at least one of them)."""

    resolve: Callable[[Phrase, PeriodRules, int | None, Context], DateSpan]
    needs_year: bool
    groups: tuple[tuple[str, ...], ...] = ()


RESOLVERS: dict[str, Resolver] = {
    "year": Resolver(_year, False, (("year",),)),
    "range": Resolver(_range, False, (("year",),)),
    "decade": Resolver(_decade, False, (("decade",),)),
    "quarter": Resolver(_quarter, True, (("q", "q2"),)),
    "half": Resolver(_half, True, (("h",),)),
    "part": Resolver(_part, True, (("n",), ("part",))),
    "to_date": Resolver(_to_date, True, (("date",),)),
    "from_date": Resolver(_from_date, True, (("date",),)),
    "month_span": Resolver(_month_span, True, (("m1",), ("m2",))),
    "fiscal": Resolver(_unknown, False),
    "edge": Resolver(_edge, True, (("edge",), ("year",))),
    "date": Resolver(_date, True, (("date",),)),
    "relative": Resolver(_relative, False, (("rel",),)),
    "shift": Resolver(_shift, False),
    "context": Resolver(_context, False),
    "day": Resolver(_day_phrase, False),
}


def check_kinds(patterns: list[tuple[PeriodPattern, re.Pattern[str]]], where: str) -> None:
    """Every pattern's kind has a resolver and the pattern defines the named groups that
    resolver reads; otherwise a RuleError naming the file (``where``) and the key."""
    for i, (rule, regex) in enumerate(patterns):
        resolver = RESOLVERS.get(rule.kind)
        if resolver is None:
            raise RuleError(f"rule file {where} is invalid: key patterns.{i}.kind: no resolver for kind "
                            f"{rule.kind!r} (known: {', '.join(RESOLVERS)})")
        for needed in resolver.groups:
            if not set(regex.groupindex).intersection(needed):
                raise RuleError(f"rule file {where} is invalid: key patterns.{i}.pattern: kind {rule.kind!r} "
                                f"needs a group named {' or '.join(needed)}")


@dataclass
class Context:
    """What a phrase is read against: the publication date, the article's reference year,
    the resolved period of the nearest earlier figure, the article's reporting period and
    the year it was written (from its date, or from its anchors when it has none)."""

    published: date | None
    ref_year: int | None
    previous: DateSpan | None
    reporting: DateSpan | None = None
    now_year: int | None = None
    fiscal_end: date | None = None  # the last day of the financial year the article states ('the year to March 2026')

    def financial_year(self) -> tuple[date, date] | None:
        """The financial year the article states, when it ends in another month than December."""
        end = self.fiscal_end
        return _financial_year(end) if end is not None and end.month != 12 else None

    def year(self) -> int | None:
        if self.previous and self.previous[1]:
            return self.previous[1].year
        return self.ref_year

    def resolve(self, p: Phrase, rules: PeriodRules) -> DateSpan:
        """Start and end dates of a phrase in this context; (None, None) when unknown."""
        resolver = RESOLVERS[p.kind]
        if not p.year and self.published is not None and p.kind in rules.dated_by_publication_kinds:
            return self._nearest(p, rules, resolver)  # 'in December' of a November 2026 article: December 2026
        if not p.year and self.published is not None and year_to(p):
            return self._nearest_end(p, rules, resolver)  # 'the financial year ending in March' of a February
            # 2026 article: to March 2026; of a June 2005 one, to March 2005
        year = p.year or self.year()
        if not p.year and self.published is not None and not (self.previous and self.previous[1]) \
                and p.kind in rules.dated_reporting_kinds:
            year = None  # 'the nine months to September' of a dated article with no figure dated before: the last
        if year is None and resolver.needs_year:
            if self.published is None:
                return self._in_financial_year(p, rules, resolver)
            span = resolver.resolve(p, rules, self.published.year, self)
            if span[1] and span[1] > self.published:
                span = resolver.resolve(p, rules, self.published.year - 1, self)
            return span
        span = resolver.resolve(p, rules, year, self)
        fy = self.financial_year()
        if not p.year and fy and span[0] and span[1] and p.kind in rules.dated_reporting_kinds \
                and not (fy[0] <= span[0] and span[1] <= fy[1]):  # type: ignore[operator]
            return self._in_financial_year(p, rules, resolver, span)
        if not p.year and self.published is not None and p.kind in rules.dated_reporting_kinds and span[0] \
                and span[0] > self.published:  # 'the first nine months of the year' reported in November 2025:
            for y in (self.published.year, self.published.year - 1):  # 2025's, though a figure before was 2026's
                earlier = resolver.resolve(p, rules, y, self)  # (a future marker puts it ahead again)
                if earlier[1] and earlier[1] <= self.published:
                    return earlier
        return span

    def _in_financial_year(self, p: Phrase, rules: PeriodRules, resolver: Resolver,
                           otherwise: DateSpan = UNKNOWN) -> DateSpan:
        """A year-less span of an article that states a financial year ending in another month
        than December, placed inside that year ('October-December' of 'the year to March 2026':
        2025's); ``otherwise`` when it fits in no year of it."""
        fy = self.financial_year()
        if fy is None or p.kind not in rules.dated_reporting_kinds:
            return otherwise
        start, end = fy
        for year in (end.year, end.year - 1):
            span = resolver.resolve(p, rules, year, self)
            if span[0] and span[1] and start <= span[0] and span[1] <= end:
                return span
        return otherwise


    def upcoming(self, p: Phrase, rules: PeriodRules) -> DateSpan:
        """The span of a year-less phrase that ends on or after publication, the first such."""
        assert self.published is not None
        resolver = RESOLVERS[p.kind]
        for k in (0, 1):
            span = resolver.resolve(p, rules, self.published.year + k, self)
            if span[1] is None or span[1] >= self.published:
                return span
        return span

    def _nearest_end(self, p: Phrase, rules: PeriodRules, resolver: Resolver) -> DateSpan:
        """The span of the year before, of or after publication whose end lies nearest to it
        (the earlier on a tie)."""
        assert self.published is not None
        spans = [s for k in (-1, 0, 1) if (s := resolver.resolve(p, rules, self.published.year + k, self))[1]]
        return min(spans, key=lambda s: abs((s[1] - self.published).days), default=UNKNOWN)  # type: ignore[operator]

    def _nearest(self, p: Phrase, rules: PeriodRules, resolver: Resolver) -> DateSpan:
        """The span of the year before, of or after publication that lies nearest to it."""
        assert self.published is not None
        spans = [resolver.resolve(p, rules, self.published.year + k, self) for k in (0, -1, 1)]
        known = [s for s in spans if s[0] and s[1]]
        if not known:
            return UNKNOWN
        return min(known, key=lambda s: 0 if s[0] <= self.published <= s[1] else
                   min(abs((s[0] - self.published).days), abs((s[1] - self.published).days)))


def published_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
