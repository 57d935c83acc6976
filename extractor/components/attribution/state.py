"""What one document's reading keeps: the working attribution records (token ranges) and the
per-document state every step looks up (sentences, furniture, money and cue tokens)."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span, Token

from ...layout import Layout
from ...models import SourceType
from ..view import layout_of, sentence_bounds, sentences
from .lexicon import Lexicon

Range = tuple[int, int]  # token indices, end exclusive


@dataclass
class Found:
    """One attribution while the document is being read (token ranges)."""

    cue: Range
    kind: str
    source: Range | None = None
    content: Range | None = None
    tail: Range | None = None  # more that it reports: ', the ministry said, with exports up 12%'; 'the $20bn that X says
    via: tuple[Range, Range] | None = None  # (cue, source) of who cites the source: 'sources cited by the FT'
    via_name: str | None = None
    via_type: SourceType = "other"
    name: str | None = None
    source_type: SourceType = "other"
    parent: int | None = None
    sentence: int = 0
    rule: str = "source.reported_speech"  # the construction, as decided_by names it


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
    furniture: set[int]  # boilerplate tokens
    money_tokens: set[int]
    cue_tokens: set[int] = field(default_factory=set)  # set once the cues are found
    # filled on first use by the steps that need them (each in one pass over the document)
    comma_leads: list[int] | None = None  # cues: per comma, the nearest comma up to it followed by a name
    sentence_leads: dict[int, tuple[int, int, str, SourceType] | None] = field(default_factory=dict)  # sources
    named_before: dict[int, int] = field(default_factory=dict)  # sources: sentence -> nearest one up to it with a name
    acronyms: dict[str, str] | None = None  # sources: initials -> first run of capitalised words with them
    described: dict[str, list[tuple[int, str]]] | None = None  # sources: 'insurer Marsh' -> insurer: [(token, Marsh)]

    @classmethod
    def of(cls, lex: Lexicon, doc: Doc) -> DocState:
        view = layout_of(doc)
        return cls(lex=lex, doc=doc, view=view, text=view.text, sents=sentences(doc),
                   sent_starts=[s for s, _ in sentence_bounds(doc)],
                   sent_start_chars=[s for s, _ in view.sentences] if len(doc) else [],
                   furniture={i for span in doc.spans.get("boilerplate", []) for i in range(span.start, span.end)},
                   money_tokens={i for span in doc.spans.get("money", []) for i in range(span.start, span.end)})

    @cached_property
    def mid_sentence(self) -> set[str]:
        """The words the text has at least once inside a sentence."""
        columns = self.doc.to_array([ORTH, SENT_START])
        return {self.doc.vocab.strings[int(orth)] for orth in numpy.unique(columns[columns[:, 1] != 1, 0])}

    # ------------------------------------------------------------- positions, for bisection
    @cached_property
    def _columns(self) -> numpy.ndarray:
        """ORTH, LOWER, trailing space, IS_SPACE, IS_PUNCT of every token, column by column."""
        return self.doc.to_array([ORTH, LOWER, SPACY, IS_SPACE, IS_PUNCT]).reshape(-1, 5).T

    def _mask(self, column: int, words: set[str]) -> numpy.ndarray:
        """Which tokens have an ORTH (column 0) or LOWER (column 1) among the words."""
        strings = self.doc.vocab.strings
        return numpy.isin(self._columns[column], numpy.array([strings[w] for w in words], dtype=numpy.uint64))

    def _where(self, column: int, words: set[str]) -> list[int]:
        """The tokens whose ORTH (column 0) or LOWER (column 1) is one of the words."""
        return numpy.flatnonzero(self._mask(column, words)).tolist()

    def lowered(self, words: set[str]) -> list[int]:
        """The tokens whose lower-case form is one of the words."""
        return self._where(1, words)

    @cached_property
    def commas(self) -> list[int]:
        return self._where(0, {","})

    @cached_property
    def colons(self) -> list[int]:
        return self._where(0, {":"})

    @cached_property
    def clause_stops(self) -> list[int]:
        """Tokens after which a cue's clause goes on no further (punctuation, quotes, dashes)."""
        spaced = self._columns[2] != 0  # a space after it or before it
        spaced[1:] |= spaced[:-1].copy()
        stops = self._mask(0, self.lex.clause_end | {","} | self.lex.quotes) | (self._mask(0, self.lex.dashes) & spaced)
        return numpy.flatnonzero(stops).tolist()

    @cached_property
    def comma_cues(self) -> list[int]:
        """Commas followed by a cue (', adding ...'); only once the cues are found."""
        return sorted(i - 1 for i in self.cue_tokens if i > 0 and self.doc[i - 1].text == ",")

    @cached_property
    def clause_joins(self) -> list[int]:
        """'and Oracle has ...': a conjunction, a capitalised word, a verb of a new clause."""
        doc, lex = self.doc, self.lex
        return [j for j in self._where(1, lex.conjunctions)
                if j + 2 < len(doc) and cap(doc[j + 1]) and doc[j + 2].lower_ in lex.clause_words]

    @cached_property
    def words_upto(self) -> list[int]:
        """words_upto[i]: how many tokens before token i are not punctuation."""
        return [0] + numpy.cumsum(1 - self._columns[4].astype(numpy.int64)).tolist()

    @cached_property
    def _kept(self) -> tuple[list[int], list[int]]:
        """The tokens a content may start with, and those it may end with (not blank, not
        the punctuation trimmed at that end)."""
        word = self._columns[3] == 0
        return (numpy.flatnonzero(word & ~self._mask(0, {",", ":", ";"})).tolist(),
                numpy.flatnonzero(word & ~self._mask(0, {",", ".", ";", ":"})).tolist())

    def trim(self, i: int, j: int) -> Range | None:
        """Tokens i to j without the blanks and the punctuation at either end."""
        starts, ends = self._kept
        k = bisect_left(starts, i)
        i = min(starts[k], j) if k < len(starts) else j
        k = bisect_left(ends, j)
        j = max(ends[k - 1] + 1 if k else 0, i)
        return (i, j) if j > i else None

    def dash(self, tok: Token) -> bool:
        """A dash between words with spaces ('economists - including ... - warn'), not a hyphen."""
        spaced = bool(tok.whitespace_) or (tok.i > 0 and bool(self.doc[tok.i - 1].whitespace_))
        return tok.text in self.lex.dashes and spaced

    def stop(self, tok: Token) -> bool:
        """Does this token end a source noun phrase?"""
        lex = self.lex
        return (tok.text in lex.clause_end or tok.text in {",", ":", "(", ")"} or tok.text in lex.quotes
                or self.dash(tok) or tok.lower_ in lex.boundaries or tok.i in self.cue_tokens
                or tok.i in self.money_tokens or tok.is_space)


def first(positions: list[int], lo: int, hi: int) -> int | None:
    """The first of the sorted positions in [lo, hi), None when there is none."""
    k = bisect_left(positions, lo)
    return positions[k] if k < len(positions) and positions[k] < hi else None


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
