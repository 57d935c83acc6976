"""``claims_sentences``: sentence boundaries at line breaks and sentence punctuation.

Without a statistical model this is the only sentence splitter. With a parser it runs
before the parser and only presets boundaries at line breaks, which the parser keeps.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..ruleset import sentence_rules

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
        starts = [1] + [0] * (len(doc) - 1)  # 1 starts a sentence, -1 does not, 0 leaves it open
        for i in range(1, len(doc)):
            tok, prev = doc[i], doc[i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                starts[i] = 1
            elif tok.is_space:
                starts[i] = -1
            elif self.punctuation:
                starts[i] = 1 if self._ends_at(doc, i) else -1
        text = doc.text
        for m in self.dateline.finditer(text):  # the story starts after 'SAN FRANCISCO, March 3 (Reuters) - '
            after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            if after is not None and after.start > 0:
                starts[after.start] = 1
        # one array write: setting token.is_sent_start one by one costs a walk over the doc each
        doc.from_array([SENT_START], numpy.array(starts, dtype="int32").astype("uint64"))
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


@Language.factory("claims_sentences", default_config={"punctuation": True})
def make_sentences(nlp: Language, name: str, punctuation: bool) -> SentenceSplitter:
    return SentenceSplitter(punctuation)
