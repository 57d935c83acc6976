"""``claims_attribution``: who says what. (Skeleton: being written.)"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers Doc._ extensions)


class AttributionFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = []
        return doc


@Language.factory("claims_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder()
