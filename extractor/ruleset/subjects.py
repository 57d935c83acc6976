"""Schema of rules/subjects.json: which name a figure is about, and the other party."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field

from .base import Regexes, RuleFile, Strict, Words
from .loader import load


class SubjectLimits(Strict):
    reference_modifiers: int = Field(description="words between 'the' and the type noun of a description")
    antecedent_names: int = Field(description="names looked back at for the antecedent of a description")


class SubjectRules(RuleFile):
    target_cues: Words
    target_nouns: Words
    passive_target_cues: Words
    descriptor_words: int
    counterparty_cues: Words
    not_subject_after: Words
    not_subject_right_after: Words
    clause_breaks: Regexes
    post_target_cues: Words
    possessor_breaks: Words
    speaker_types: Words
    reference_kinds: dict[str, Words]
    general_nouns: Words
    pronouns: Words
    expletive_after_it: Words
    merged_modifiers: Words
    generic_markers: Words
    owner_nouns: Words
    limits: SubjectLimits


def subject_rules(directory: str | Path | None = None) -> SubjectRules:
    return load("subjects.json", SubjectRules, directory)
