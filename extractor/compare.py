"""Figures on a common basis: the interval an amount stands for (written precision and
qualifier), its conversion to USD at a dated reference rate, and the comparison of two
figures (agree within rounding, a small conflict, a conflict). Tolerances are
``rules/reconcile.json``."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from . import numbers
from .fx import reference_rate
from .models import Claim, Figure, Usd
from .ruleset import fx_rates, reconcile_rules

NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
Interval = tuple[float, float]  # high is math.inf when unbounded
YearBy = Literal["published", "periods", "none"]


# ------------------------------------------------------------------ intervals
def half_unit(mention: str, anchor: float | None) -> float:
    """Half a unit of the last written digit, in currency units: '$9.3bn' -> 0.05bn."""
    numbers = list(NUMBER.finditer(mention))
    if not numbers or not anchor:
        return 0.0
    first = float(numbers[0].group(0).replace(",", "")) or 1.0
    decimals = len(numbers[-1].group(1) or "")
    return 0.5 * 10 ** -decimals * abs(anchor / first)


def interval(claim: Claim) -> Interval:
    """What the figure stands for, from its precision and qualifier."""
    a = claim.amount
    anchor = next((v for v in (a.value, a.low, a.high) if v is not None), None)
    slack = half_unit(claim.mention, anchor)
    if a.qualifier in ("more_than", "at_least"):
        return (a.low if a.low is not None else anchor or 0.0), math.inf
    if a.qualifier in ("less_than", "at_most"):
        return 0.0, (a.high if a.high is not None else anchor or math.inf)
    if a.value is None:
        low, high = (a.low or 0.0), (a.high if a.high is not None else math.inf)
        return (max(low - slack, 0.0), high + slack) if a.qualifier == "range" else (low, high)
    width = reconcile_rules().width.get(a.qualifier, 0.0) * abs(a.value)
    return a.value - width - slack, a.value + width + slack


def point(fig: Figure) -> float:
    """The single number a figure is compared by (numbers.point), from what it states."""
    single = numbers.point(fig.value, fig.low, fig.high)
    return fig.interval[0] if single is None else single


# ------------------------------------------------------------------ USD
@dataclass(frozen=True)
class Years:
    """The year whose reference rate converts a claim, from its own article only: the
    article's published date, else the year its claims mostly report on, else none (the
    other articles of a batch never change it)."""

    by_doc: dict[str, tuple[int, YearBy]]

    @classmethod
    def of(cls, claims: list[Claim]) -> Years:
        counts: dict[str, Counter[int]] = {}
        published: dict[str, int] = {}
        for claim in claims:
            if claim.published and claim.published[:4].isdigit():
                published.setdefault(claim.doc_id, int(claim.published[:4]))
            year = period_year(claim)
            if year is not None:
                counts.setdefault(claim.doc_id, Counter())[year] += 1
        by_doc: dict[str, tuple[int, YearBy]] = {doc: (max(c, key=lambda y: (c[y], y)), "periods")
                                                 for doc, c in counts.items()}
        by_doc.update({doc: (year, "published") for doc, year in published.items()})
        return cls(by_doc)

    def year(self, claim: Claim) -> int | None:
        return self.of_doc(claim.doc_id)[0]

    def of_doc(self, doc_id: str) -> tuple[int | None, YearBy]:
        """The article's year and where it comes from."""
        return self.by_doc.get(doc_id, (None, "none"))

    def written(self, doc_id: str) -> list[int | None]:
        """The years an article's conversions were probably made in: its published year; else
        the year it mostly reports on and the year after (figures for a year are reported in
        the following one); [None] when its article tells nothing."""
        year, by = self.of_doc(doc_id)
        if year is None:
            return [None]
        return [year] if by == "published" else [year, year + 1]


def period_year(claim: Claim) -> int | None:
    start = claim.period.start if claim.period else None
    return int(start[:4]) if start and start[:4].isdigit() else None


def to_usd(span: Interval, currency: str | None, year: int | None, year_by: YearBy = "none") -> Usd | None:
    """The interval in USD at the reference rate of ``year``; None without a rate."""
    rate = reference_rate(currency, year) if currency else None
    if rate is None or not rate.per_usd:
        return None
    high = None if math.isinf(span[1]) else span[1] / rate.per_usd
    return Usd(low=span[0] / rate.per_usd, high=high, rate=rate.per_usd,
               year=rate.year if rate.source != "identity" else year, rate_source=rate.source, year_by=year_by)


# ------------------------------------------------------------------ figures
def origin(claim: Claim) -> str:
    """The deepest source of the attribution chain; the document when there is none."""
    chain = claim.attribution.chain
    return chain[-1].source if chain else claim.attribution.source or claim.doc_id


def figure(claim: Claim, year: int | None, year_by: YearBy = "none") -> Figure:
    a = claim.amount
    low, high = interval(claim)
    return Figure(
        claim=claim.id, doc_id=claim.doc_id, mention=claim.mention, metric=claim.metric,
        period=claim.period.text if claim.period else None, value=a.value, low=a.low, high=a.high,
        currency=a.currency, qualifier=a.qualifier, interval=(low, None if math.isinf(high) else high),
        usd=to_usd((low, high), a.currency, year, year_by), source=claim.attribution.source, origin=origin(claim),
    )


# ------------------------------------------------------------------ comparison
@dataclass(frozen=True)
class Comparison:
    verdict: Literal["agree", "conflict"]
    relative_difference: float
    severity: Literal["small", "large"] | None
    basis: str  # the currency the figures were compared in


def relative_difference(x: float, y: float) -> float:
    """|x - y| relative to the larger magnitude."""
    scale = max(abs(x), abs(y))
    return abs(x - y) / scale if scale else 0.0


def _span(low: float, high: float | None) -> Interval:
    return low, math.inf if high is None else high


def on_basis(fig: Figure, currency: str) -> tuple[Interval, float] | None:
    """The figure's interval and point in ``currency`` (its own, or USD with the rate's
    uncertainty)."""
    if fig.currency == currency:
        return _span(*fig.interval), point(fig)
    if currency != "USD" or fig.usd is None:
        return None
    tol = reconcile_rules().fx_tolerance
    high = math.inf if fig.usd.high is None else fig.usd.high * (1 + tol)
    return (fig.usd.low / (1 + tol), high), point(fig) / fig.usd.rate


def basis(a: Figure, b: Figure) -> str | None:
    """The currency two figures are compared in: their own when they share it, else USD."""
    if a.currency is not None and a.currency == b.currency:
        return a.currency
    return "USD" if a.usd is not None and b.usd is not None else None


def compare(a: Figure, b: Figure, on: str | None = None) -> Comparison | None:
    """Do two figures agree? None when they cannot be put on a common basis."""
    on = on or basis(a, b)
    left, right = (on_basis(a, on), on_basis(b, on)) if on else (None, None)
    if left is None or right is None:
        return None
    (a_lo, a_hi), (b_lo, b_hi) = left[0], right[0]
    rel = relative_difference(left[1], right[1])
    gap = max(a_lo - b_hi, b_lo - a_hi)
    if gap <= 0:
        return Comparison("agree", rel, None, on)
    small = gap <= reconcile_rules().small_conflict * max(abs(left[1]), abs(right[1]))
    return Comparison("conflict", rel, "small" if small else "large", on)


def exceeds(part: Figure, whole: Figure) -> Comparison | None:
    """Does ``part`` exceed ``whole``? A conflict when its interval lies wholly above."""
    on = basis(part, whole)
    p, w = (on_basis(part, on), on_basis(whole, on)) if on else (None, None)
    if p is None or w is None:
        return None
    rel = relative_difference(p[1], w[1])
    return Comparison("conflict", rel, "large", on) if p[0][0] > w[0][1] else Comparison("agree", rel, None, on)


@dataclass(frozen=True)
class RateFit:
    fits: bool
    implied: float  # units of a's currency per unit of b's
    reference: float
    year: int | None
    deviation: float  # implied / reference - 1
    year_known: bool = True


def rate_fit(a: Figure, b: Figure, years: list[int | None]) -> RateFit | None:
    """Does restating ``a`` as ``b`` fit the reference rate of one of ``years``? The two
    figures state one amount, so only their rounding (not their qualifier) gives slack;
    the reference rate, an annual average, gets ``fx_tolerance``. With no year known
    (``[None]``), every year on record is tried."""
    pa, pb = point(a), point(b)
    if not (a.currency and b.currency and pa and pb):
        return None
    ha, hb = half_unit(a.mention, pa), half_unit(b.mention, pb)
    low, high = (pa - ha) / (pb + hb), (pa + ha) / max(pb - hb, 1e-12)
    tol = reconcile_rules().fx_tolerance
    known = years != [None]
    if not known:
        years = sorted({y for (code, y) in fx_rates() if code in (a.currency, b.currency)}) or [None]
    fits = []
    for year in years:
        ra, rb = reference_rate(a.currency, year), reference_rate(b.currency, year)
        if ra is None or rb is None:
            continue
        ref = ra.per_usd / rb.per_usd
        ok = low <= ref * (1 + tol) and high >= ref / (1 + tol)
        used = ra.year if a.currency != "USD" else rb.year
        fits.append(RateFit(ok, pa / pb, ref, used, pa / pb / ref - 1, known))
    return min(fits, key=lambda f: (not f.fits, abs(f.deviation)), default=None)


# ------------------------------------------------------------------ orders of magnitude
def order(fig: Figure) -> int | None:
    """The power of ten of a vague amount's lower end ('multibillion' 9, 'hundreds of billions' 11)."""
    low = fig.usd.low if fig.usd else fig.interval[0]
    return math.floor(math.log10(low)) if low and low > 0 else None


def magnitude(a: Figure, b: Figure) -> int | None:
    """The power of ten k (1 to ``max_power``) by which ``a`` is 10**k (or 10**-k) times
    ``b`` within ``tolerance`` (a 亿 read as a billion, lakh or crore as million, thousand as
    million); None when they are not a power of ten apart. Vague amounts compare their
    orders of magnitude."""
    r = reconcile_rules().magnitude_slip
    if a.qualifier == "vague" or b.qualifier == "vague":
        oa, ob = order(a), order(b)
        k = oa - ob if oa is not None and ob is not None else None
        return k if k and abs(k) <= r.max_power else None
    on = basis(a, b)
    left, right = (on_basis(a, on), on_basis(b, on)) if on else (None, None)
    if left is None or right is None or left[1] <= 0 or right[1] <= 0:
        return None
    ratio = left[1] / right[1]
    k = round(math.log10(ratio))
    if not k or abs(k) > r.max_power:
        return None
    tolerance = r.tolerance + (reconcile_rules().fx_tolerance if on != a.currency else 0.0)
    return k if abs(ratio / 10 ** k - 1) <= tolerance else None
