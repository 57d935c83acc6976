"""Schema of rules/sentences.json: sentence splitting without a statistical model."""
from __future__ import annotations

from pathlib import Path

from .base import Regex, RuleFile, Words
from .loader import load


class SentenceRules(RuleFile):
    abbreviations: Words
    dateline: Regex


def sentence_rules(directory: str | Path | None = None) -> SentenceRules:
    return load("sentences.json", SentenceRules, directory)
