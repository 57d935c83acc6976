"""Load and validate the rule data in ``rules/`` (JSON/JSONL) with pydantic.

Rules ship inside the wheel as ``extractor/rules``; in a source checkout they are the
top-level ``rules/`` folder. ``CLAIMS_RULES`` points at another folder.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .models import Qualifier


class RuleError(ValueError):
    """A rule file is missing or does not validate."""


class _Rules(BaseModel):
    model_config = ConfigDict(extra="ignore")


# ------------------------------------------------------------------ currencies
class Marker(_Rules):
    text: str
    position: Literal["prefix", "suffix", "both"]
    currencies: list[str] = Field(min_length=1)
    default: bool | None = Field(None, description="True: the first currency is the conventional reading; False: the text must decide")
    attached: bool = False
    factor: float = 1.0


class Codes(_Rules):
    exclude: list[str] = []


class Context(_Rules):
    cues: dict[str, list[str]]


class CurrencyRules(_Rules):
    markers: list[Marker]
    codes: Codes
    context: Context


class IsoCurrency(_Rules):
    name: str
    minor_unit: int | None = None


class FxRate(_Rules):
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    year: int
    per_usd: float = Field(gt=0)
    source: str


# ------------------------------------------------------------------ amounts
class Scale(_Rules):
    text: str
    factor: float
    attached: bool = False


class Qualifiers(_Rules):
    prefix: dict[Qualifier, list[str]]
    suffix: dict[Qualifier, list[str]]


class Ranges(_Rules):
    connectors: list[str]
    need_between: list[str]
    blocked_after: list[str]


class PerUnits(_Rules):
    words: list[str]
    units: list[str]
    not_followed_by: list[str] = []


class VaguePattern(_Rules):
    id: str
    pattern: str
    low: float | dict[str, float]
    high: float | dict[str, float]
    multi_low: float | None = None


class Vague(_Rules):
    patterns: list[VaguePattern]


class Equivalents(_Rules):
    open: list[str]
    next: list[str]


class Thresholds(_Rules):
    determiners: list[str]
    nouns: list[str]


class AmountRules(_Rules):
    number_words: dict[str, float]
    fractions: dict[str, float]
    thresholds: Thresholds
    number_words_need_scale_or_unit: list[str]
    scales: list[Scale]
    qualifiers: Qualifiers
    ranges: Ranges
    per_units: PerUnits
    vague: Vague
    equivalents: Equivalents


# ------------------------------------------------------------------ boilerplate
class TextPattern(_Rules):
    id: str
    pattern: str


class BoilerplateRules(_Rules):
    line: list[TextPattern]
    block: list[TextPattern]
    tail: list[TextPattern]
    tail_lines: int = 12


class MetricCue(_Rules):
    terms: list[str]
    with_: list[str] = Field(default_factory=list, alias="with")


class Metric(_Rules):
    label: str
    cues: list[MetricCue]
    part_of: list[str] = []
    kind: Literal["level", "price", "change"] = "level"
    generic: bool = False


class MetricRules(_Rules):
    metrics: list[Metric]
    clause_breaks: list[str]
    noun_phrase_ends: list[str]


class SentenceRules(_Rules):
    abbreviations: list[str]
    dateline: str


# ------------------------------------------------------------------ loading
def rules_dir() -> Path:
    """The folder the rules are read from."""
    if os.environ.get("CLAIMS_RULES"):
        return Path(os.environ["CLAIMS_RULES"])
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def _read(name: str) -> object:
    path = rules_dir() / name
    try:
        text = path.read_text(encoding="utf-8")
        if name.endswith(".jsonl"):
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        return json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleError(f"cannot read rule file {path}: {exc}") from exc


T = TypeVar("T", bound=BaseModel)


def _validate(model: type[T], name: str, data: object) -> T:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RuleError(f"rule file {rules_dir() / name} is invalid: {exc}") from exc


_loaded: dict[tuple[str, type], BaseModel] = {}


def load(name: str, model: type[T]) -> T:
    """The rule file ``name`` (JSON) validated by ``model``, read once per process."""
    key = (name, model)
    if key not in _loaded:
        _loaded[key] = _validate(model, name, _read(name))
    return _loaded[key]  # type: ignore[return-value]


@lru_cache(maxsize=None)
def currency_rules() -> CurrencyRules:
    return _validate(CurrencyRules, "currencies.json", _read("currencies.json"))


@lru_cache(maxsize=None)
def iso_currencies() -> dict[str, IsoCurrency]:
    data = _read("iso4217.json")
    return {code: _validate(IsoCurrency, "iso4217.json", row) for code, row in dict(data).items()}


@lru_cache(maxsize=None)
def fx_rates() -> dict[tuple[str, int], FxRate]:
    rows = [_validate(FxRate, "fx_rates.jsonl", row) for row in list(_read("fx_rates.jsonl"))]
    return {(r.currency, r.year): r for r in rows}


@lru_cache(maxsize=None)
def amount_rules() -> AmountRules:
    return _validate(AmountRules, "amounts.json", _read("amounts.json"))


@lru_cache(maxsize=None)
def boilerplate_rules() -> BoilerplateRules:
    return _validate(BoilerplateRules, "boilerplate.json", _read("boilerplate.json"))


@lru_cache(maxsize=None)
def sentence_rules() -> SentenceRules:
    return _validate(SentenceRules, "sentences.json", _read("sentences.json"))


@lru_cache(maxsize=None)
def metric_rules() -> MetricRules:
    """Metric labels, their cue words and part-of hierarchy (rules/metrics.json): used by the
    metrics component and by reconciliation."""
    return _validate(MetricRules, "metrics.json", _read("metrics.json"))
