"""Schema of rules/periods.json: period expressions and the cues that bind one to a figure."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field

from .base import Regex, RuleFile, Strict, Words
from .loader import load


class PeriodPattern(Strict):
    id: str
    kind: str
    pattern: str = Field(description="a regex in which {NAME} stands for a fragment or word list of this file")
    needs_cue: bool = False


class PeriodCues(Strict):
    bind: Words
    comparison_period: Words
    comparison_figure: Words
    event_prefix: Words
    continuation: Words


class PeriodRules(RuleFile):
    fragments: dict[str, str]
    words: dict[str, Words]
    case_sensitive_words: Words = []
    numbers: dict[str, int]
    edges: dict[str, tuple[int, int]]
    relative: dict[str, int]
    patterns: list[PeriodPattern]
    past_is_context: Words
    cues: PeriodCues
    self_binding_kinds: Words
    max_gap_words: int
    comparison_window_words: int
    self_binding_gap_words: int
    clause_breaks: Words
    event_verbs: Words
    metric_nouns: Words
    modifier_gap_words: int
    point_kinds: Words
    weak_kinds: Words
    subordinators: Words
    point_in_time_words: Words
    other_figure_before: Regex
    unit_months: dict[str, int]


def period_rules(directory: str | Path | None = None) -> PeriodRules:
    return load("periods.json", PeriodRules, directory)
