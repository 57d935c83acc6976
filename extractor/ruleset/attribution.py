"""Schema of rules/attribution.json: attribution cues, source words and byline patterns."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ..models import SourceType
from .base import RuleFile, Strict, Words
from .loader import load


class CueRules(Strict):
    verbs: Words
    invertible: Words
    gerunds: Words
    nested: Words
    preposed: Words
    adverbs: Words
    passive: Words
    passive_auxiliaries: Words
    ambiguous: Words
    quantity_verbs: Words
    figure_openers: Words
    noun_followers: Words


class BylineRules(Strict):
    first_lines: int = 8
    prefixes: Words
    team_words: dict[str, str]
    separators: str
    max_name_words: int = 6


class AttributionRules(RuleFile):
    cues: CueRules
    colon_headline: bool = True
    cue_modifiers: Words
    cue_tails: Words
    negations: Words
    relatives: Words
    inherit_sentences: int = Field(2, ge=0)
    determiners: Words
    boundaries: Words
    open_boundaries: Words
    source_glue: Words
    conjunctions: Words
    quotes: Words
    quote_pairs: dict[str, str]
    dashes: Words
    pronouns: Words
    person_pronouns: Words
    descriptions: Words
    spokesperson: Words
    not_names: Words
    name_connectors: Words
    locatives: Words
    source_types: dict[SourceType, Words]
    inherit_types: list[SourceType]
    max_source_tokens: int = Field(16, gt=0)
    max_appositive_tokens: int = Field(25, gt=0)
    byline: BylineRules


def attribution_rules(directory: str | Path | None = None) -> AttributionRules:
    return load("attribution.json", AttributionRules, directory)
