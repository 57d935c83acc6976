"""One pass over a Doc for what every component looks up by offset: its text, lines,
paragraphs and sentences (``doc.text``, ``doc.sents`` and ``token.sent`` cost a walk over
the whole doc in Python). Computed once per Doc, from token arrays, and shared by the
components that run after sentence splitting."""
from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import TypeVar

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc, Span

from ..layout import Layout

T = TypeVar("T")
_texts: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_views: weakref.WeakKeyDictionary[Doc, Layout] = weakref.WeakKeyDictionary()
_bounds: weakref.WeakKeyDictionary[Doc, list[tuple[int, int]]] = weakref.WeakKeyDictionary()
_offsets: weakref.WeakKeyDictionary[Doc, tuple[list[int], list[int]]] = weakref.WeakKeyDictionary()


def _memo(cache: weakref.WeakKeyDictionary[Doc, T], doc: Doc, compute: Callable[[], T]) -> T:
    """``compute()`` once per Doc."""
    value = cache.get(doc)
    if value is None:
        value = cache[doc] = compute()
    return value


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (the text of a Doc never changes)."""
    return _memo(_texts, doc, lambda: doc.text)


def with_text(doc: Doc, text: str) -> Doc:
    """``doc`` made from ``text`` by the tokenizer (which keeps every character), with the
    text kept so that ``text_of`` need not join the tokens again."""
    _texts[doc] = text
    return doc


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indexes of the sentences, as ``doc.sents`` has them."""
    def compute() -> list[tuple[int, int]]:
        starts = [0] + [int(i) for i in numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1] if len(doc) else []
        return list(zip(starts, starts[1:] + [len(doc)]))
    return _memo(_bounds, doc, compute)


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` as spans (``list(doc.sents)`` without the walk)."""
    return [doc[start:end] for start, end in sentence_bounds(doc)]


def token_offsets(doc: Doc) -> tuple[list[int], list[int]]:
    """The start and end character of every token (``token.idx`` and where its text ends)."""
    def compute() -> tuple[list[int], list[int]]:
        columns = doc.to_array([IDX, LENGTH])
        return columns[:, 0].tolist(), (columns[:, 0] + columns[:, 1]).tolist()
    return _memo(_offsets, doc, compute)


def char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The characters of tokens ``start`` to ``end`` (``doc[start:end]``'s start_char, end_char)."""
    first, last = token_offsets(doc)
    if end <= start:  # an empty span sits where its start token starts
        at = first[start] if start < len(first) else len(text_of(doc))
        return at, at
    return first[start], last[end - 1]


def layout_of(doc: Doc) -> Layout:
    return _memo(_views, doc, lambda: Layout(text_of(doc), [char_range(doc, s, e) for s, e in sentence_bounds(doc)]))


def disjoint(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges merged into disjoint ones, in order (the same offsets fall in them)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """``offset`` lies in one of the ordered, disjoint ``ranges`` (ends excluded)."""
    k = bisect_right(ranges, (offset, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= offset < ranges[k][1]


def furniture(doc: Doc) -> list[tuple[int, int]]:
    """The character ranges of ``doc.spans["boilerplate"]``, disjoint and in order."""
    return disjoint((s.start_char, s.end_char) for s in doc.spans.get("boilerplate", []))


def expanded_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """``doc.char_span(start, end, label=label, alignment_mode="expand")``, found in the token
    offsets (spaCy's looks each token up as a Token object, five per span)."""
    return expanded_spans(doc, [(start, end, label)])[0]


def expanded_spans(doc: Doc, ranges: Iterable[tuple[int, int, str]]) -> list[Span | None]:
    """``expanded_span`` of each (start, end, label)."""
    first, last = token_offsets(doc)
    length = len(text_of(doc))
    spans: list[Span | None] = []
    for start, end, label in ranges:
        if not 0 <= start < length or not 0 < end <= length:
            spans.append(None)
            continue
        i = bisect_right(first, start) - 1
        j = bisect_right(first, end - 1) - 1
        if start == last[i]:
            i += 1  # the trailing space of a token is not part of it
        spans.append(Span(doc, i, j + 1, label=label))
    return spans
