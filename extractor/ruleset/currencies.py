"""Schemas of rules/currencies.json (markers and context cues), rules/iso4217.json and
rules/fx_rates.jsonl."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, RootModel

from .base import RuleFile, Strict, Words
from .loader import load


class Marker(Strict):
    text: str
    position: Literal["prefix", "suffix", "both"]
    currencies: Words = Field(min_length=1)
    default: bool | None = Field(None, description="True: the first currency is the conventional reading; False: the text must decide")
    follows_document: bool = Field(False, description="a conventional reading that yields to the currency most of the "
                                                      "document's other amounts are in, when that is another of its "
                                                      "currencies ('610 cents' in an article in rand)")
    attached: bool = False
    factor: float = 1.0
    standalone: bool = Field(True, description="False: only a sub-unit after a whole amount ('$12 and 40c'), never an amount alone")


class Codes(Strict):
    exclude: Words = []
    lowercase_exclude: Words = Field([], description="codes never read in lower case: English words ('cad', 'pen')")


class Context(Strict):
    cues: dict[str, Words]


class Declarations(Strict):
    """How an article states the currency of its bare symbols."""

    about: str
    anchors: Words = Field(min_length=1, description="lower-case words one of which every declaration holds: a text "
                                                    "with none is not searched")
    patterns: Words = Field(min_length=1, description="regexes (case-insensitive) of a statement of the article's "
                                                      "currency; {CURRENCY} stands for any currency's English name "
                                                      "(rules/currency_names.json)")


class Prefixes(Strict):
    plain_letters: Words = Field(description="letters before '$' that are words when spaced or in lower case ('a $5' is not A$5)")


class CurrencyRules(RuleFile):
    markers: list[Marker]
    codes: Codes
    context: Context
    prefixes: Prefixes
    declarations: Declarations


class CurrencyName(Strict):
    names: Words
    symbols: dict[str, list[str]]
    places: Words
    adjectives: Words
    active: bool


class CurrencyNames(RuleFile):
    """rules/currency_names.json: generated from CLDR by tools/build_currencies.py."""

    source: str
    currencies: dict[str, CurrencyName]
    units: dict[str, Words]


class IsoCurrency(Strict):
    name: str
    minor_unit: int | None = None


class FxRate(Strict):
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    year: int
    per_usd: float = Field(gt=0)
    source: str


class IsoTable(RootModel[dict[str, IsoCurrency]]):
    """rules/iso4217.json: active ISO 4217 currencies by code."""


class FxTable(RootModel[list[FxRate]]):
    """rules/fx_rates.jsonl: one reference rate a row."""

    @cached_property
    def by_key(self) -> dict[tuple[str, int], FxRate]:
        return {(r.currency, r.year): r for r in self.root}


def currency_rules(directory: str | Path | None = None) -> CurrencyRules:
    return load("currencies.json", CurrencyRules, directory)


def currency_names(directory: str | Path | None = None) -> CurrencyNames:
    return load("currency_names.json", CurrencyNames, directory)


def iso_currencies(directory: str | Path | None = None) -> dict[str, IsoCurrency]:
    """Active ISO 4217 currencies by code."""
    return load("iso4217.json", IsoTable, directory).root


def fx_rates(directory: str | Path | None = None) -> dict[tuple[str, int], FxRate]:
    """Reference rates by (currency, year)."""
    return load("fx_rates.jsonl", FxTable, directory).by_key
