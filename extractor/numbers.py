"""The single number of an amount, for the checks that need one: shared by the currency
resolver, the change finder and reconciliation (imports nothing else of the package)."""
from __future__ import annotations


def point(value: float | None, low: float | None, high: float | None) -> float | None:
    """The amount's value; else the middle of its range; else its one bound; else None."""
    if value is not None:
        return value
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high
