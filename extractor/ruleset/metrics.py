"""Schema of rules/metrics.json: metric labels, their cue words and the part-of hierarchy
(used by the metrics component and by reconciliation)."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from .base import Regexes, RuleFile, Strict, Words
from .loader import load


class MetricCue(Strict):
    terms: Words
    with_: Words = Field(default_factory=list, alias="with")


class Metric(Strict):
    label: str
    cues: list[MetricCue]
    part_of: Words = []
    kind: Literal["level", "price", "change"] = "level"
    generic: bool = False


class MetricRules(RuleFile):
    metrics: list[Metric]
    clause_breaks: Regexes
    noun_phrase_ends: Words


def metric_rules(directory: str | Path | None = None) -> MetricRules:
    return load("metrics.json", MetricRules, directory)
