"""Schema of rules/reconcile.json: tolerances and word lists of reconcile and diff."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..models import Qualifier, SourceType
from .base import RuleFile, Strict, Words
from .loader import load


class SubjectMatch(Strict):
    threshold: float
    drop_words: Words


class FactConfidence(Strict):
    per_origin: float
    max_origin_bonus: float
    per_conflict: float
    floor: float


class ReconcileRules(RuleFile):
    width: dict[Qualifier, float]
    alone: list[Qualifier]
    small_conflict: float
    fx_tolerance: float
    subjects: SubjectMatch
    strength: dict[SourceType | Literal["asserted"], float]
    hedge_factor: float
    confidence: FactConfidence


def reconcile_rules(directory: str | Path | None = None) -> ReconcileRules:
    return load("reconcile.json", ReconcileRules, directory)
