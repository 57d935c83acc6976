"""The ``claims_periods`` component: finds the period phrases of a Doc, stores them in
``doc.spans["periods"]`` and gives each money record its period."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...ruleset import PeriodRules, period_rules, rules_dir
from .. import extensions  # noqa: F401  (registers Doc._ extensions)
from ..view import expanded_spans, furniture, inside, layout_of
from .assignment import Assignment, Cues
from .dates import check_kinds
from .phrases import PhraseFinder


class PeriodFinder:
    def __init__(self, rules: PeriodRules, where: str = "periods.json", folder: str | None = None) -> None:
        self.rules = rules
        self.phrases = PhraseFinder(rules, where, folder)
        check_kinds(self.phrases.patterns, where)
        self.cues = Cues(rules, folder)

    def __call__(self, doc: Doc) -> Doc:
        money = doc._.money or []
        view = layout_of(doc)
        page = furniture(doc)  # 'San Francisco, 4 February 2026 - ': a dateline's date is when it was written
        phrases = [p for p in self.phrases.find(view.text, money) if not inside(page, p.start)]
        doc.spans["periods"] = [s for s in expanded_spans(doc, [(p.start, p.end, p.kind) for p in phrases]) if s]
        if money:
            Assignment(self.cues, view, doc._.published, money, phrases).run()
        return doc


@Language.factory("claims_periods", default_config={"rules": None},
                  assigns=["doc.spans", "doc._.money"], requires=["doc._.money", "doc.spans", "token.is_sent_start"])
def make_periods(nlp: Language, name: str, rules: str | None) -> PeriodFinder:
    return PeriodFinder(period_rules(rules), str(rules_dir(rules) / "periods.json"), rules)
