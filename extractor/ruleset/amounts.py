"""Schema of rules/amounts.json: how news writes the number part of an amount."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ..models import Qualifier
from .base import Regex, RuleFile, Strict, Words
from .loader import load


class Scale(Strict):
    text: str
    factor: float
    attached: bool = False


class VerbObjects(Strict):
    verbs: Words
    nouns: Words


class Qualifiers(Strict):
    prefix: dict[Qualifier, Words]
    suffix: dict[Qualifier, Words]
    particles: dict[str, Words] = Field({}, description="a one-word prefix qualifier that, right after one of these "
                                                        "verbs, is the verb's particle and qualifies nothing ('handed "
                                                        "over $110m' is $110m)")
    verb_objects: VerbObjects | None = Field(None, description="a prefix qualifier that is one of these verbs, "
                                             "before an amount that modifies one of these nouns, takes the noun as "
                                             "its object and qualifies nothing ('Acme nears $6bn deal' is $6bn)")


class Ranges(Strict):
    connectors: Words
    need_between: Words
    blocked_after: Words
    from_range_words: Words = []


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
    inherit_qualifier: bool = True


class Thresholds(Strict):
    determiners: Words
    nouns: Words
    verbs: dict[Qualifier, Words] = {}


class NotMoneyRule(Strict):
    id: str
    markers: Words
    before: Words = []
    followed_by: Words = []
    compound_nouns: Words | None = None


class NotMoney(Strict):
    rules: list[NotMoneyRule]


class Limits(Strict):
    qualifier_window: int = Field(gt=0, description="characters before an amount searched for a bound or hedge word")
    suffix_window: int = Field(gt=0, description="characters after an amount searched for 'or more', 'or so'")
    per_window: int = Field(gt=0, description="characters after an amount searched for a per-unit phrase")
    range_word_window: int = Field(gt=0, description="characters before a range searched for 'between' or 'from'")
    guard_window: int = Field(gt=0, description="characters before a number searched for the cues of not_money")
    range_max_ratio: float = Field(gt=1, description="two figures further apart than this are not one range")
    max_value: float = Field(gt=0, description="amounts above this are refused (a 321-digit number is no amount)")
    max_digits: int = Field(gt=0, description="numbers with more digits are refused before they are parsed")
    letter_marker_min: float = Field(ge=0, description="a one-letter marker touching a plain number ('R450', 'W35,000') "
                                                      "makes an amount only from this value, or with a scale word, "
                                                      "thousands separator or decimals, and never before a letter "
                                                      "('R2 unit', 'W12 8QT', 'W3C' are no money)")
    symbol_run: int = Field(gt=1, description="a run of this many symbols or punctuation marks is one token, not split by spaCy's tokenizer (extractor/tokenizer_guard.py)")
    cut_scale_letters: int = Field(gt=0, description="a scale word cut by the page ('$27.9 billio...') keeps at least this many letters")


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
    not_money: NotMoney
    limits: Limits


def amount_rules(directory: str | Path | None = None) -> AmountRules:
    return load("amounts.json", AmountRules, directory)
