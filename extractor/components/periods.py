"""``claims_periods``: the period each amount refers to. (Skeleton: being written.)"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers Doc._ extensions)


class PeriodFinder:
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("claims_periods")
def make_periods(nlp: Language, name: str) -> PeriodFinder:
    return PeriodFinder()
