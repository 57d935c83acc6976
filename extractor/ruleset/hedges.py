"""Schema of rules/hedges.json: the words that qualify a claim, by label."""
from __future__ import annotations

from pathlib import Path

from .base import RuleFile, Words
from .loader import load


class HedgeRules(RuleFile):
    hedges: dict[str, Words]
    words_after: int


def hedge_rules(directory: str | Path | None = None) -> HedgeRules:
    return load("hedges.json", HedgeRules, directory)
