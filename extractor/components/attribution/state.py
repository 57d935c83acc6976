"""What one document's reading keeps: the working attribution records (token ranges) and the
per-document state every step looks up (sentences, furniture, money and cue tokens)."""
from __future__ import annotations

import operator
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from typing import Any, Callable, Generic, NamedTuple, TypeVar, overload

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc

from ...layout import Layout
from ...models import SourceType
from ..view import layout_of, sentence_bounds, token_offsets
from .lexicon import Lexicon

Range = tuple[int, int]  # token indices, end exclusive
T = TypeVar("T")


class once(Generic[T]):
    """A property computed at its first read and kept in the instance: ``cached_property``
    without the lock Python 3.11 takes at each first read (a document state is read by one
    thread)."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> once[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...

    def __get__(self, obj: object, owner: type | None = None) -> T | once[T]:
        if obj is None:  # read on the class (help(), documentation)
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


class Sent(NamedTuple):
    """A sentence: its first token and the token after its last."""

    start: int
    end: int


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
    """One document being read: the lexicon plus what is computed once per document. Tokens
    are looked up by index in plain lists (``words[i]`` is ``doc[i].text``): a spaCy Token
    made per look-up costs more than the rule that asks for it."""

    lex: Lexicon
    doc: Doc
    view: Layout
    text: str
    sents: list[Sent]
    sent_starts: list[int]
    sent_chars: list[tuple[int, int]]  # the first and last character of each sentence
    sent_start_chars: list[int]
    furniture: set[int]  # boilerplate tokens
    money_tokens: set[int]
    words: list[str]  # each token's text
    lower: list[str]  # its lower-case form
    sent_start: list[bool]  # whether it starts a sentence
    first_char: list[int]  # the character it starts at
    last_char: list[int]  # the character after its last
    orth: numpy.ndarray  # its ORTH hash
    cue_tokens: set[int] = field(default_factory=set)  # set once the cues are found
    # filled on first use by the steps that need them (each in one pass over the document)
    comma_leads: list[int] | None = None  # cues: per comma, the nearest comma up to it followed by a name
    sentence_leads: dict[int, tuple[int, int, str, SourceType] | None] = field(default_factory=dict)  # sources
    named_before: dict[int, int] = field(default_factory=dict)  # sources: sentence -> nearest one up to it with a name
    acronyms: dict[str, str] | None = None  # sources: initials -> first run of capitalised words with them
    described: dict[str, list[tuple[int, str]]] | None = None  # sources: 'insurer Marsh' -> insurer: [(token, Marsh)]
    types: dict[Range, SourceType | None] = field(default_factory=dict)  # sources: the source type of a span, once
    phrases: dict[Range, str] = field(default_factory=dict)  # cues: lower-case text by token range, once
    hop_steps: dict[int, list[tuple[str | None, str, SourceType]]] = field(default_factory=dict)  # money: by id
    person_orgs: dict[str, str] = field(default_factory=dict)  # a person source's name and surname -> its organisation

    @classmethod
    def of(cls, lex: Lexicon, doc: Doc) -> DocState:
        view = layout_of(doc)
        text, bounds = view.text, sentence_bounds(doc)
        first_char, last_char = token_offsets(doc)
        words = [text[s:e] for s, e in zip(first_char, last_char)]
        furniture: set[int] = set()
        for span in doc.spans.get("boilerplate", []):
            furniture.update(range(span.start, span.end))
        money_tokens: set[int] = set()
        for span in doc.spans.get("money", []):
            money_tokens.update(range(span.start, span.end))
        sent_chars = view.sentences if len(doc) else []
        first_of = operator.itemgetter(0)
        starts = list(map(first_of, bounds))
        return cls(lex=lex, doc=doc, view=view, text=text,
                   sents=list(map(tuple.__new__, repeat(Sent, len(bounds)), bounds)),  # Sent._make, no Python call each
                   sent_starts=starts, sent_chars=sent_chars, sent_start_chars=list(map(first_of, sent_chars)),
                   furniture=furniture, money_tokens=money_tokens, words=words, lower=list(map(str.lower, words)),
                   sent_start=flags(len(doc), starts), first_char=first_char, last_char=last_char,
                   orth=doc.to_array(ORTH).reshape(-1))

    def chars(self, i: int, j: int) -> tuple[int, int]:
        """The characters of tokens i to j (``view.char_range``)."""
        if j <= i:  # an empty span sits where its start token starts
            at = self.first_char[i] if i < len(self.first_char) else len(self.text)
            return at, at
        return self.first_char[i], self.last_char[j - 1]

    def phrase(self, i: int, j: int) -> str:
        """The lower-case text of tokens i to j (a cue's words, asked for by several rules)."""
        if (i, j) not in self.phrases:
            self.phrases[i, j] = self.span_text(i, j).lower()
        return self.phrases[i, j]

    def span_text(self, i: int, j: int) -> str:
        """The text of tokens i to j (``doc[i:j].text``)."""
        return self.text[self.first_char[i]:self.last_char[j - 1]] if j > i else ""

    # spaCy token attributes, read only for the few tokens the rules ask about (to_array for every
    # token costs more than all of these)
    def spaced(self, i: int) -> bool:
        """Does a space follow token i (its ``whitespace_``)?"""
        return (self.first_char[i + 1] if i + 1 < len(self.first_char) else len(self.text)) > self.last_char[i]

    def punct(self, i: int) -> bool:
        return self.doc[i].is_punct

    def num(self, i: int) -> bool:
        """Does token i look like a number (``like_num``)?"""
        return self.doc[i].like_num

    @once
    def blanks(self) -> list[int]:
        """The tokens of white space (``is_space``)."""
        return list(compress(count(), map(str.isspace, self.words)))

    @once
    def mid_sentence(self) -> set[str]:
        """The words the text has at least once inside a sentence."""
        words = self.words.copy()
        for i in self.sent_starts:
            words[i] = None  # type: ignore[call-overload]
        mid = set(words)
        mid.discard(None)  # type: ignore[arg-type]
        return mid

    # ------------------------------------------------------------- positions, for bisection
    @once
    def classes(self) -> numpy.ndarray:
        """Which of the lexicon's word classes (``orth_classes``) each token is in, as bits."""
        return self.lex.orth_classes.of(self.orth)

    def _where(self, mask: numpy.ndarray) -> list[int]:
        return mask.nonzero()[0].tolist()  # flatnonzero of a 1-D array, without numpy's Python wrappers

    @once
    def commas(self) -> list[int]:
        return self._where(self.classes & self.lex.orth_classes.bit["comma"])

    @once
    def colons(self) -> list[int]:
        return self._where(self.classes & self.lex.orth_classes.bit["colon"])

    def lowered(self, words: set[str]) -> list[int]:
        """The tokens whose lower-case form is one of the words."""
        return list(compress(count(), map(words.__contains__, self.lower)))

    @once
    def clause_stops(self) -> list[int]:
        """Tokens after which a cue's clause goes on no further (punctuation, quotes, dashes)."""
        bits, orth = self.lex.orth_classes.bit, self.classes
        stops = (orth & bits["stop"]) != 0
        for i in self._where(orth & bits["dash"]):
            stops[i] |= self.spaced(i) or (i > 0 and self.spaced(i - 1))  # a space after it or before it
        return self._where(stops)

    @once
    def comma_cues(self) -> list[int]:
        """Commas followed by a cue (', adding ...'); only once the cues are found."""
        return sorted(i - 1 for i in self.cue_tokens if i > 0 and self.words[i - 1] == ",")

    @once
    def clause_joins(self) -> list[int]:
        """'and Oracle has ...': a conjunction, a capitalised word, a verb of a new clause."""
        n, words, lower, clause_words = len(self.words), self.words, self.lower, self.lex.clause_words
        return [j for j in self.lowered(self.lex.conjunctions)
                if j + 2 < n and cap(words[j + 1]) and lower[j + 2] in clause_words]

    def has_words(self, lo: int, i: int, n: int) -> bool:
        """Are at least n of the tokens lo to i not punctuation? Read back from i, no further
        than the n-th word."""
        while n > 0 and i > lo:
            i -= 1
            n -= not self.punct(i)
        return n <= 0

    @once
    def _kept(self) -> tuple[list[int], list[int]]:
        """The tokens a content may start with, and those it may end with (not blank, not
        the punctuation trimmed at that end)."""
        bits, orth = self.lex.orth_classes.bit, self.classes
        word = numpy.ones(len(self.words), dtype=bool)
        word[self.blanks] = False
        return (self._where(word & ((orth & bits["no_start"]) == 0)), self._where(word & ((orth & bits["no_end"]) == 0)))

    def trim(self, i: int, j: int) -> Range | None:
        """Tokens i to j without the blanks and the punctuation at either end."""
        starts, ends = self._kept
        k = bisect_left(starts, i)
        i = min(starts[k], j) if k < len(starts) else j
        k = bisect_left(ends, j)
        j = max(ends[k - 1] + 1 if k else 0, i)
        return (i, j) if j > i else None

    def dash(self, i: int) -> bool:
        """A dash between words with spaces ('economists - including ... - warn'), not a hyphen."""
        return self.words[i] in self.lex.dashes and (self.spaced(i) or (i > 0 and self.spaced(i - 1)))

    def stop(self, i: int) -> bool:
        """Does token i end a source noun phrase?"""
        lex, word = self.lex, self.words[i]
        return (word in lex.source_stops or (word in lex.dashes and (self.spaced(i) or (i > 0 and self.spaced(i - 1))))
                or self.lower[i] in lex.boundaries or i in self.cue_tokens or i in self.money_tokens or word.isspace())


def flags(n: int, positions: list[int]) -> list[bool]:
    """For each of n tokens, whether it is at one of the positions."""
    out = [False] * n
    for i in positions:
        out[i] = True
    return out


def first(positions: list[int], lo: int, hi: int) -> int | None:
    """The first of the sorted positions in [lo, hi), None when there is none."""
    k = bisect_left(positions, lo)
    return positions[k] if k < len(positions) and positions[k] < hi else None


def cap(word: str) -> bool:
    """A capitalised word: 'Reuters', 'SEC', 'CryptoBriefing'."""
    return not word.islower() and (word.istitle() or word.isupper() or camel(word))


def camel(text: str) -> bool:
    """'CryptoBriefing', 'eBay', 'iPhone': a name however the sentence starts."""
    if text.isascii():  # the same test, in two string operations
        rest = text[1:]
        return rest.lower() != rest and text.upper() != text
    return any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


def index(words: list[str], phrase: tuple[str, ...]) -> int:
    """Where the phrase starts in the words, -1 when it does not occur."""
    n = len(phrase)
    return next((k for k in range(len(words) - n + 1) if tuple(words[k:k + n]) == phrase), -1)
