"""``claims_sentences``: sentence boundaries at line breaks and sentence punctuation.

Without a statistical model this is the only sentence splitter. With a parser it runs
before the parser and only presets boundaries at line breaks, which the parser keeps.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..ruleset import sentence_rules
from .view import text_of

END_PUNCT = {".", "!", "?", "…"}
CLOSERS = {'"', "”", "’", "'", ")", "]"}


class SentenceSplitter:
    def __init__(self, punctuation: bool) -> None:
        self.punctuation = punctuation
        self.abbreviations = {a.lower().rstrip(".") for a in sentence_rules().abbreviations}
        self.dateline = re.compile(sentence_rules().dateline, re.MULTILINE)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        # 1 starts a sentence, -1 does not, 0 leaves it open; decided from token arrays, and in
        # Python only after punctuation, where a sentence may end
        orth, space = doc.to_array([ORTH, IS_SPACE]).T
        kinds, kind_of = numpy.unique(orth, return_inverse=True)
        words = [doc.vocab.strings[int(k)] for k in kinds]
        breaks = numpy.array(["\n" in w for w in words])[kind_of]
        starts = numpy.where(space == 1, -1, -1 if self.punctuation else 0)
        if self.punctuation:
            may_end = numpy.array([w in END_PUNCT or w in CLOSERS or w.endswith(".") for w in words])[kind_of]
            for i in (numpy.flatnonzero(may_end[:-1] & (space[1:] == 0)) + 1).tolist():
                starts[i] = 1 if self._ends_at(doc, i) else -1
        starts[1:][breaks[:-1]] = 1
        starts[0] = 1
        text = text_of(doc)
        for m in self.dateline.finditer(text):  # the story starts after 'SAN FRANCISCO, March 3 (Reuters) - '
            after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            if after is not None and after.start > 0:
                starts[after.start] = 1
        # one array write: setting token.is_sent_start one by one costs a walk over the doc each
        doc.from_array([SENT_START], starts.astype("int32").astype("uint64"))
        return doc

    def _ends_at(self, doc: Doc, i: int) -> bool:
        """Does a sentence start at token i, judged from the punctuation before it?"""
        j = i - 1
        while j > 0 and doc[j].text in CLOSERS and not doc[j - 1].whitespace_:
            j -= 1  # a closing quote or bracket that sticks to the punctuation before it
        tok = doc[i]
        if doc[j].text not in END_PUNCT and not (doc[j].text.endswith(".") and len(doc[j]) > 1 and j == i - 1):
            return False
        if j == i - 1 and not doc[j].whitespace_ and doc[j].text in END_PUNCT:
            return False
        first = tok.text[0]
        if not (first.isupper() or first in "\"“‘'(["):
            return False
        before = doc[j - 1].text if doc[j].text in END_PUNCT and j > 0 else doc[j].text.rstrip(".")
        if before.lower().rstrip(".") in self.abbreviations or (len(before) == 1 and before.isupper()):
            return False
        return True


@Language.factory("claims_sentences", default_config={"punctuation": True}, assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str, punctuation: bool) -> SentenceSplitter:
    return SentenceSplitter(punctuation)
