"""``claims_hedges``: the words that qualify each claim ("reportedly", "potential",
"conditional", "preliminary", "expected", "plans", "could"...), from ``rules/hedges.json``,
in the figure's sentence up to a few words after it and, for a bullet, its heading. Sets
``rec["hedges"]`` (labels)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..ruleset import hedge_rules
from ..textmatch import phrases
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of


class HedgeFinder:
    def __init__(self, rules_dir: str | None = None) -> None:
        rules = hedge_rules(rules_dir)
        self.labels = {p.lower(): label for label, ps in rules.hedges.items() for p in ps}
        self.pattern = phrases(self.labels)
        self.after = re.compile(rf"\W*(?:\w+\W+){{0,{rules.words_after}}}")

    def __call__(self, doc: Doc) -> Doc:
        view = layout_of(doc)
        for rec in doc._.money or []:
            s_start, s_end = view.sentence(rec["start"])
            near = self.after.match(view.text, rec["end"], s_end)  # a few words after the figure
            scopes = [(s_start, near.end() if near else rec["end"])]
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


@Language.factory("claims_hedges", assigns=["doc._.money"], requires=["doc._.money", "token.is_sent_start"],
                  default_config={"rules": None})
def make_hedges(nlp: Language, name: str, rules: str | None) -> HedgeFinder:
    return HedgeFinder(rules)
