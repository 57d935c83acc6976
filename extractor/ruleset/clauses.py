"""Schema of rules/clauses.json: where a clause ends, one definition for every component,
with a named set of breaks for each use."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field

from .base import Regexes, RuleFile, Strict, Words
from .loader import load


class BreakSet(Strict):
    patterns: Regexes = Field(description="regexes of the breaks, tried in order as one alternation")
    ignore_case: bool = Field(False, description="the patterns match in any case")
    inside_brackets: bool = Field(True, description="a break inside round brackets divides the clause too "
                                                    "(false: '1bn euros ($1.3bn; £690m)' is one clause)")


class ClauseBreaks(Strict):
    subject: BreakSet = Field(description="the clause in which a figure's subject and counterparty are looked for")
    metric: BreakSet = Field(description="the clause in which a metric term names a figure's metric")
    period: BreakSet = Field(description="what may not stand between a figure and the period phrase after it")
    cue_window: BreakSet = Field(description="where the words read before a period phrase (its cues) stop")


class ClauseRules(RuleFile):
    breaks: ClauseBreaks
    relative_openers: BreakSet = Field(description="where a relative clause opens (', which made $5m,'); it runs "
                                                   "to the next comma or the end of the sentence")
    end_tokens: Words = Field(description="tokens that end a clause for attribution, which reads tokens")


def clause_rules(directory: str | Path | None = None) -> ClauseRules:
    return load("clauses.json", ClauseRules, directory)
