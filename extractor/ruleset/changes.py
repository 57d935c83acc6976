"""Schema of rules/changes.json: cue words of the change stated beside a figure."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field

from .base import RuleFile, Strict, Words
from .loader import load


class Direction(Strict):
    nouns: Words
    verbs: Words
    adverbs: Words


class ChangeLimits(Strict):
    before_window: int = Field(gt=0, description="characters before a figure searched for a change word or percentage")


class ChangeRules(RuleFile):
    up: Direction
    down: Direction
    from_: Words = Field(alias="from")
    percent: Words
    max_gap_words: int
    noun_gap_words: int
    limits: ChangeLimits


def change_rules(directory: str | Path | None = None) -> ChangeRules:
    return load("changes.json", ChangeRules, directory)
