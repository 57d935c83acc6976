"""Schema of rules/boilerplate.json: page furniture that is not the article."""
from __future__ import annotations

from pathlib import Path

from .base import Regex, RuleFile, Strict
from .loader import load


class TextPattern(Strict):
    id: str
    pattern: Regex


class BoilerplateRules(RuleFile):
    line: list[TextPattern]
    block: list[TextPattern]
    tail: list[TextPattern]
    tail_lines: int = 12


def boilerplate_rules(directory: str | Path | None = None) -> BoilerplateRules:
    return load("boilerplate.json", BoilerplateRules, directory)
