"""``claims_changes``: the change stated beside a figure. (Skeleton: being written.)"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers Doc._ extensions)


class ChangeFinder:
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("claims_changes")
def make_changes(nlp: Language, name: str) -> ChangeFinder:
    return ChangeFinder()
