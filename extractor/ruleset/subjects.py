"""Schema of rules/subjects.json: which name a figure is about, and the other party."""
from __future__ import annotations

from pathlib import Path

from .base import Regexes, RuleFile, Words
from .loader import load


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


def subject_rules(directory: str | Path | None = None) -> SubjectRules:
    return load("subjects.json", SubjectRules, directory)
