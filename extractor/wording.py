"""Figures written as a person writes them: 'CNY 2.18 trillion', 'USD 36,000-44,000'.

Amounts are rounded with Decimal at the precision they are written to (three significant
figures by default), so a value of 2180000000000.0002 reads 2.18 trillion and 35,999.50 to
44,000.50 reads 36,000-44,000.
"""
from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal

SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
DIGITS = 3


def _scale(value: Decimal) -> tuple[Decimal, str]:
    return next(((s, w) for s, w in SCALES if abs(value) >= s), (Decimal(1), ""))


def _round(value: Decimal, digits: int) -> Decimal:
    """``value`` to ``digits`` significant figures (whole units at least)."""
    if not value:
        return Decimal(0)
    return value.quantize(Decimal(1).scaleb(value.adjusted() - digits + 1), rounding=ROUND_HALF_EVEN)


def _plain(value: Decimal) -> str:
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def number(value: float, digits: int = DIGITS) -> str:
    """'2.18 trillion', '6.75 billion', '36,000', '0.55'."""
    if not math.isfinite(value):
        return "unbounded" if value > 0 else "-unbounded"
    d = Decimal(repr(value))
    scale, word = _scale(d)
    return f"{_plain(_round(d / scale, digits))} {word}".strip()


def money(value: float, currency: str | None, digits: int = DIGITS) -> str:
    """'CNY 200 billion', 'USD 6.3 million', 'USD 36,000'."""
    return f"{currency or '?'} {number(value, digits)}"


def span(low: float, high: float | None, currency: str | None) -> str:
    """'USD 36,000-44,000', 'USD 6.75-6.85 billion', 'from USD 27 billion'."""
    if high is None or not math.isfinite(high):
        return f"from {money(low, currency)}"
    top = Decimal(repr(max(abs(low), abs(high))))
    scale, word = _scale(top)
    lo, hi = (_plain(_round(Decimal(repr(x)) / scale, DIGITS)) if word else _plain(_round(Decimal(repr(x)), DIGITS))
              for x in (low, high))
    if lo == hi:
        return money(low, currency)
    return f"{currency or '?'} {lo}-{hi}{' ' + word if word else ''}"
