"""What one document's reading keeps: the working attribution records (token ranges) and the
per-document state every step looks up (sentences, furniture, money and cue tokens)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc, Span, Token

from ...layout import Layout
from ...models import SourceType
from ..view import layout_of, sentence_bounds, sentences
from .lexicon import Lexicon

Range = tuple[int, int]  # token indices, end exclusive
CLAUSE_END = {".", "!", "?", ";", "…"}


@dataclass
class Found:
    """One attribution while the document is being read (token ranges)."""

    cue: Range
    kind: str
    source: Range | None = None
    content: Range | None = None
    name: str | None = None
    source_type: SourceType = "other"
    parent: int | None = None
    sentence: int = 0


@dataclass
class DocState:
    """One document being read: the lexicon plus what is computed once per document."""

    lex: Lexicon
    doc: Doc
    view: Layout
    text: str
    sents: list[Span]
    sent_starts: list[int]
    sent_start_chars: list[int]
    mid_sentence: set[str]  # words the text has at least once inside a sentence
    furniture: set[int]  # boilerplate tokens
    money_tokens: set[int]
    cue_tokens: set[int] = field(default_factory=set)  # set once the cues are found

    @classmethod
    def of(cls, lex: Lexicon, doc: Doc) -> DocState:
        view = layout_of(doc)
        columns = doc.to_array([ORTH, SENT_START])
        mid = {doc.vocab.strings[int(orth)] for orth in numpy.unique(columns[columns[:, 1] != 1, 0])}
        return cls(lex=lex, doc=doc, view=view, text=view.text, sents=sentences(doc),
                   sent_starts=[s for s, _ in sentence_bounds(doc)],
                   sent_start_chars=[s for s, _ in view.sentences] if len(doc) else [],
                   mid_sentence=mid,
                   furniture={i for span in doc.spans.get("boilerplate", []) for i in range(span.start, span.end)},
                   money_tokens={i for span in doc.spans.get("money", []) for i in range(span.start, span.end)})

    def dash(self, tok: Token) -> bool:
        """A dash between words with spaces ('economists - including ... - warn'), not a hyphen."""
        spaced = bool(tok.whitespace_) or (tok.i > 0 and bool(self.doc[tok.i - 1].whitespace_))
        return tok.text in self.lex.dashes and spaced

    def stop(self, tok: Token) -> bool:
        """Does this token end a source noun phrase?"""
        lex = self.lex
        return (tok.text in CLAUSE_END or tok.text in {",", ":", "(", ")"} or tok.text in lex.quotes
                or self.dash(tok) or tok.lower_ in lex.boundaries or tok.i in self.cue_tokens
                or tok.i in self.money_tokens or tok.is_space)


def cap(tok: Token) -> bool:
    """A capitalised word: 'Reuters', 'SEC', 'CryptoBriefing'."""
    return tok.is_title or tok.is_upper or camel(tok.text)


def camel(text: str) -> bool:
    """'CryptoBriefing', 'eBay', 'iPhone': a name however the sentence starts."""
    return any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


def index(words: list[str], phrase: tuple[str, ...]) -> int:
    """Where the phrase starts in the words, -1 when it does not occur."""
    n = len(phrase)
    return next((k for k in range(len(words) - n + 1) if tuple(words[k:k + n]) == phrase), -1)
