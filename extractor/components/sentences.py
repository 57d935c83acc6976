"""``claims_sentences``: sentence boundaries at line breaks and sentence punctuation.

Without a statistical model this is the only sentence splitter. With a parser it runs
before the parser and only presets boundaries at line breaks, which the parser keeps.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .. import layout
from ..ruleset import sentence_rules
from .view import text_of

END_PUNCT = {".", "!", "?", "…"}
CLOSERS = {'"', "”", "’", "'", ")", "]"}
MAY_END_LAST = numpy.zeros(max(map(ord, END_PUNCT | CLOSERS | {"."})) + 1, dtype=bool)  # by code point
MAY_END_LAST[[ord(c) for c in END_PUNCT | CLOSERS | {"."}]] = True
NEWLINE = ord("\n")


class SentenceSplitter:
    def __init__(self, punctuation: bool, rules_dir: str | None = None) -> None:
        rules = sentence_rules(rules_dir)
        self.punctuation = punctuation
        self.abbreviations = {a.lower().rstrip(".") for a in rules.abbreviations}
        self.dateline = re.compile(rules.dateline, re.MULTILINE)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        # 1 starts a sentence, -1 does not, 0 leaves it open; decided from token arrays (the
        # characters of the text as code points), and in Python only after punctuation, where a
        # sentence may end
        text = text_of(doc)
        idx, length, spacy = doc.to_array([IDX, LENGTH, SPACY]).T
        end = idx + length
        codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
        newline = codes == NEWLINE
        newlines = numpy.concatenate(([0], numpy.cumsum(newline)))
        breaks = newlines[end] > newlines[idx]  # the token holds a line break
        # with punctuation every token is decided; without, a space token starts no sentence
        starts = numpy.full(len(doc), -1) if self.punctuation else numpy.where(doc.to_array(IS_SPACE) == 1, -1, 0)
        if self.punctuation:
            tokens = Tokens(text, idx, end, spacy)
            last = codes[end - 1]  # a token that may end a sentence ends with one of MAY_END_LAST
            last_may_end = MAY_END_LAST[numpy.minimum(last, len(MAY_END_LAST) - 1)] & (last < len(MAY_END_LAST))
            for k in numpy.flatnonzero(last_may_end[:-1]).tolist():
                word = tokens.word(k)  # a sentence may start at the next token unless it is a space token
                if (word in END_PUNCT or word in CLOSERS or word.endswith(".")) and not tokens.word(k + 1).isspace():
                    starts[k + 1] = 1 if self._ends_at(tokens, k + 1) else -1
        starts[1:][breaks[:-1]] = 1
        starts[0] = 1
        line_starts = [0, *(numpy.flatnonzero(newline) + 1).tolist()]
        for m in layout.line_finditer(self.dateline, text, line_starts):  # the story starts after 'SAN FRANCISCO, March 3 (Reuters) - '
            after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            if after is not None and after.start > 0:
                starts[after.start] = 1
        # one array write: setting token.is_sent_start one by one costs a walk over the doc each
        doc.from_array([SENT_START], starts.astype("int32").astype("uint64"))
        return doc

    def _ends_at(self, tokens: Tokens, i: int) -> bool:
        """Does a sentence start at token i, judged from the punctuation before it?"""
        word = tokens.word
        j = i - 1
        while j > 0 and word(j) in CLOSERS and not tokens.spacy[j - 1]:
            j -= 1  # a closing quote or bracket that sticks to the punctuation before it
        last = word(j)
        if last not in END_PUNCT and not (last.endswith(".") and len(last) > 1 and j == i - 1):
            return False
        if j == i - 1 and not tokens.spacy[j] and last in END_PUNCT:
            return False
        first = word(i)[0]
        if not (first.isupper() or first in "\"“‘'(["):
            return False
        before = word(j - 1) if last in END_PUNCT and j > 0 else last.rstrip(".")
        if before.lower().rstrip(".") in self.abbreviations or (len(before) == 1 and before.isupper()):
            return False
        return True


class Tokens:
    """Token texts and trailing spaces read from arrays (a spaCy Token per lookup is slow)."""

    def __init__(self, text: str, start: numpy.ndarray, end: numpy.ndarray, spacy: numpy.ndarray) -> None:
        self.text, self.start, self.end, self.spacy = text, start, end, spacy

    def word(self, i: int) -> str:
        return self.text[self.start[i]:self.end[i]]


@Language.factory("claims_sentences", assigns=["token.is_sent_start"], default_config={"punctuation": True, "rules": None})
def make_sentences(nlp: Language, name: str, punctuation: bool, rules: str | None) -> SentenceSplitter:
    return SentenceSplitter(punctuation, rules)
