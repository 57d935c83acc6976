"""The rule data of ``rules/``: one strict schema module per rule file, one loader and one
cache (``loader``), and the shared building blocks (``base``).

``RULE_FILES`` maps each rule file to its schema: ``claims schema --rules`` publishes their
JSON Schema, and a test validates every packaged file against it.
"""
from __future__ import annotations

from pydantic import BaseModel

from .amounts import AmountRules, Scale, VaguePattern, amount_rules
from .attribution import AttributionRules, attribution_rules
from .boilerplate import BoilerplateRules, boilerplate_rules
from .changes import ChangeRules, change_rules
from .clauses import BreakSet, ClauseRules, clause_rules
from .confidence import ConfidenceRules, confidence_rules
from .currencies import (
    CurrencyNames,
    CurrencyRules,
    FxRate,
    FxTable,
    IsoCurrency,
    IsoTable,
    Marker,
    currency_names,
    currency_rules,
    fx_rates,
    iso_currencies,
)
from .entities import CommonWords, Countries, EntityRules, GivenNames, common_words, countries, entity_labels, entity_rules, given_names
from .frames import Frame, FrameRules, frame_rules
from .hedges import HedgeRules, hedge_rules
from .loader import RuleError, clear_cache, load, rules_dir
from .metrics import Metric, MetricRules, metric_rules
from .periods import PeriodPattern, PeriodRules, period_rules
from .reconcile import ReconcileRules, reconcile_rules
from .sentences import SentenceRules, sentence_rules
from .subjects import SubjectRules, subject_rules

RULE_FILES: dict[str, type[BaseModel]] = {
    "amounts.json": AmountRules,
    "attribution.json": AttributionRules,
    "boilerplate.json": BoilerplateRules,
    "changes.json": ChangeRules,
    "clauses.json": ClauseRules,
    "common_words.json": CommonWords,
    "countries.json": Countries,
    "given_names.json": GivenNames,
    "confidence.json": ConfidenceRules,
    "currencies.json": CurrencyRules,
    "currency_names.json": CurrencyNames,
    "entities.json": EntityRules,
    "frames.json": FrameRules,
    "fx_rates.jsonl": FxTable,
    "hedges.json": HedgeRules,
    "iso4217.json": IsoTable,
    "metrics.json": MetricRules,
    "periods.json": PeriodRules,
    "reconcile.json": ReconcileRules,
    "sentences.json": SentenceRules,
    "subjects.json": SubjectRules,
}


def check_all(directory: str | None = None) -> None:
    """Validate every rule file of the folder; the first invalid one raises RuleError."""
    for name, model in RULE_FILES.items():
        load(name, model, directory)


__all__ = [
    "RULE_FILES", "AmountRules", "AttributionRules", "BoilerplateRules", "BreakSet", "ChangeRules", "ClauseRules",
    "CommonWords", "ConfidenceRules", "Countries", "CurrencyNames", "CurrencyRules", "EntityRules", "Frame", "GivenNames", "FrameRules", "FxRate", "FxTable", "HedgeRules", "IsoCurrency",
    "IsoTable", "Marker", "Metric", "MetricRules", "PeriodPattern", "PeriodRules", "ReconcileRules", "RuleError", "Scale",
    "SentenceRules", "SubjectRules", "VaguePattern", "amount_rules", "attribution_rules", "boilerplate_rules", "change_rules",
    "check_all", "clause_rules", "clear_cache", "common_words", "countries", "entity_labels", "given_names", "confidence_rules", "currency_names", "currency_rules",
    "entity_rules", "frame_rules", "fx_rates", "hedge_rules", "iso_currencies",
    "load", "metric_rules", "period_rules", "reconcile_rules", "rules_dir", "sentence_rules", "subject_rules",
]
