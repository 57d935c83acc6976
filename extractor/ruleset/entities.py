"""Schemas of rules/entities.json (names without a model) and rules/common_words.json."""
from __future__ import annotations

from pathlib import Path

from .base import RuleFile, Words
from .loader import load


class EntityRules(RuleFile):
    aliases: dict[str, Words]
    labels: dict[str, str]
    connectors: Words
    stop_words: Words
    generic_references: Words
    demonyms: Words
    common_names: dict[str, str]
    org_nouns: Words
    person_titles: Words
    month_words: Words
    common_word_endings: Words
    corporate_suffixes: Words


class CommonWords(RuleFile):
    source: str
    words: Words


def entity_rules(directory: str | Path | None = None) -> EntityRules:
    return load("entities.json", EntityRules, directory)


def common_words(directory: str | Path | None = None) -> CommonWords:
    return load("common_words.json", CommonWords, directory)
