"""``claims_hedges``: the words that qualify each claim ("reportedly", "potential",
"conditional", "preliminary", "expected", "plans", "could"...), from ``rules/hedges.json``,
in the figure's sentence and, for a bullet, its heading. Sets ``rec["hedges"]`` (labels)."""
from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc

from ..ruleset import load
from ..textmatch import phrases
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of

class HedgeRules(BaseModel):
    hedges: dict[str, list[str]]


@lru_cache(maxsize=1)
def hedge_rules() -> HedgeRules:
    return load("hedges.json", HedgeRules)


class HedgeFinder:
    def __init__(self) -> None:
        self.labels = {p.lower(): label for label, ps in hedge_rules().hedges.items() for p in ps}
        self.pattern = phrases(self.labels)

    def __call__(self, doc: Doc) -> Doc:
        view = layout_of(doc)
        for rec in doc._.money or []:
            scopes = [view.sentence(rec["start"])]
            heading = view.bullet_heading(rec["start"])
            if heading:
                scopes.append(heading)
            found: list[str] = []
            for start, end in scopes:
                for m in self.pattern.finditer(view.text, start, end):
                    label = self.labels[m.group(0).lower()]
                    if label not in found:
                        found.append(label)
            rec["hedges"] = found
        return doc


@Language.factory("claims_hedges")
def make_hedges(nlp: Language, name: str) -> HedgeFinder:
    return HedgeFinder()
