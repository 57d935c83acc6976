"""``claims_hedges``: the words that qualify each claim ("reportedly", "potential",
"conditional", "preliminary", "expected", "plans", "could"...), from ``rules/hedges.json``,
in the figure's sentence and, for a bullet, its heading. Sets ``rec["hedges"]`` (labels)."""
from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc

from .. import layout
from ..ruleset import load
from . import extensions  # noqa: F401  (registers Doc._ extensions)

BULLET = re.compile(r"^\s*(?:[•\-*–]|\d+[.)])\s*")


class HedgeRules(BaseModel):
    hedges: dict[str, list[str]]


@lru_cache(maxsize=1)
def hedge_rules() -> HedgeRules:
    return load("hedges.json", HedgeRules)


def heading_of(text: str, offset: int) -> tuple[int, int] | None:
    """For a figure on a bullet line, the heading line the list sits under."""
    lines = layout.lines(text)
    line = layout.containing(lines, offset)
    if line is None or not BULLET.match(text[line[0]:line[1]]):
        return None
    for start, end in reversed([ln for ln in lines if ln[1] <= line[0]]):
        if text[start:end].strip() and not BULLET.match(text[start:end]):
            return start, end
    return None


class HedgeFinder:
    def __init__(self) -> None:
        phrases = {p.lower(): label for label, ps in hedge_rules().hedges.items() for p in ps}
        self.labels = phrases
        self.pattern = re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b", re.I)

    def __call__(self, doc: Doc) -> Doc:
        for rec in doc._.money or []:
            span = doc.char_span(rec["start"], rec["end"], alignment_mode="expand")
            scopes = [(span[0].sent.start_char, span[0].sent.end_char)] if span is not None else []
            heading = heading_of(doc.text, rec["start"])
            if heading:
                scopes.append(heading)
            found: list[str] = []
            for start, end in scopes:
                for m in self.pattern.finditer(doc.text, start, end):
                    label = self.labels[m.group(0).lower()]
                    if label not in found:
                        found.append(label)
            rec["hedges"] = found
        return doc


@Language.factory("claims_hedges")
def make_hedges(nlp: Language, name: str) -> HedgeFinder:
    return HedgeFinder()
