"""Reference exchange rates from ``rules/fx_rates.jsonl``: units of a currency per US dollar."""
from __future__ import annotations

from .ruleset import FxRate, fx_rates


def reference_rate(currency: str, year: int | None = None) -> FxRate | None:
    """The annual rate for ``currency`` in ``year`` (nearest year on record; latest when None).

    None means "no reference rate": the currency has no series in the rule data.
    """
    if currency == "USD":
        return FxRate(currency="USD", year=year or 0, per_usd=1.0, source="identity")
    years = _years_on_record().get(currency)
    if not years:
        return None
    chosen = years[-1] if year is None else min(years, key=lambda y: (abs(y - year), -y))
    return fx_rates()[(currency, chosen)]


_index: list[tuple[dict, dict[str, list[int]]]] = []


def _years_on_record() -> dict[str, list[int]]:
    """The years of each currency's rates, in order; indexed once per loaded rate table."""
    rates = fx_rates()
    if not _index or _index[0][0] is not rates:
        by_code: dict[str, list[int]] = {}
        for code, y in rates:
            by_code.setdefault(code, []).append(y)
        _index[:] = [(rates, {code: sorted(ys) for code, ys in by_code.items()})]
    return _index[0][1]


def implied_rate_fits(
    amount: float, currency: str, usd: float, year: int | None, tolerance: float = 0.15
) -> tuple[bool, float, FxRate | None]:
    """Does ``amount`` of ``currency`` restated as ``usd`` dollars fit the reference rate of
    ``year``? With no year, the closest rate of any year on record is used.

    Returns (fits, implied units per USD, reference used).
    """
    implied = amount / usd
    if year is None:
        candidates = [r for (code, _), r in fx_rates().items() if code == currency]
        ref = min(candidates, key=lambda r: abs(r.per_usd - implied), default=None)
    else:
        ref = reference_rate(currency, year)
    if ref is None:
        return False, implied, None
    return abs(implied - ref.per_usd) <= tolerance * ref.per_usd, implied, ref
