"""Schema of rules/amounts.json: how news writes the number part of an amount."""
from __future__ import annotations

from pathlib import Path

from ..models import Qualifier
from .base import Regex, RuleFile, Strict, Words
from .loader import load


class Scale(Strict):
    text: str
    factor: float
    attached: bool = False


class Qualifiers(Strict):
    prefix: dict[Qualifier, Words]
    suffix: dict[Qualifier, Words]


class Ranges(Strict):
    connectors: Words
    need_between: Words
    blocked_after: Words


class PerUnits(Strict):
    words: Words
    units: Words
    not_followed_by: Words = []


class VaguePattern(Strict):
    id: str
    pattern: Regex
    low: float | dict[str, float]
    high: float | dict[str, float]
    multi_low: float | None = None


class Vague(Strict):
    patterns: list[VaguePattern]


class Equivalents(Strict):
    open: Words
    next: Words


class Thresholds(Strict):
    determiners: Words
    nouns: Words


class AmountRules(RuleFile):
    number_words: dict[str, float]
    fractions: dict[str, float]
    thresholds: Thresholds
    number_words_need_scale_or_unit: Words
    scales: list[Scale]
    qualifiers: Qualifiers
    ranges: Ranges
    per_units: PerUnits
    vague: Vague
    equivalents: Equivalents


def amount_rules(directory: str | Path | None = None) -> AmountRules:
    return load("amounts.json", AmountRules, directory)
