"""Schema of rules/reconcile.json: tolerances and word lists of reconcile and diff."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from ..models import Qualifier, SourceType
from .base import Regexes, RuleFile, Strict, Words
from .loader import memo


class SubjectMatch(Strict):
    threshold: float
    drop_words: Words


class FactConfidence(Strict):
    per_origin: float
    max_origin_bonus: float
    per_conflict: float
    floor: float


class Link(Strict):
    tolerance: float
    max_candidates: int
    label_share: float


class Stories(Strict):
    window_days: int
    max_docs_per_entity: int
    max_docs_per_figure: int


class Reading(Strict):
    power: int
    currencies: Words = []
    text: str


class MagnitudeSlip(Strict):
    max_power: int
    tolerance: float
    readings: list[Reading]


class Revision(Strict):
    cues: Regexes


class UnitPrice(Strict):
    max_count_words: int


class ProvenanceRules(Strict):
    generic_sources: Words
    citation_weight: float
    shingle_words: int
    num_perm: int
    passage_threshold: float
    min_shared_figures: int
    min_figure_similarity: float
    max_holders: int
    rounds: int
    relay_similarity: float
    evidence_items: int


class ReconcileRules(RuleFile):
    width: dict[Qualifier, float]
    alone: list[Qualifier]
    small_conflict: float
    fx_tolerance: float
    subjects: SubjectMatch
    strength: dict[SourceType | Literal["asserted"], float]
    hedge_factor: float
    confidence: FactConfidence
    link: Link
    magnitude_slip: MagnitudeSlip
    revision: Revision
    class_nouns: Words
    unit_price: UnitPrice
    provenance: ProvenanceRules
    stories: Stories


_SHORTCUT: dict = {}


def reconcile_rules(directory: str | Path | None = None) -> ReconcileRules:
    return memo("reconcile.json", ReconcileRules, _SHORTCUT, directory)
