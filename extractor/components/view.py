"""One pass over a Doc for what every component looks up by offset: its text, lines,
paragraphs and sentences (``doc.text``, ``doc.sents`` and ``token.sent`` cost a walk over
the whole doc in Python). Computed once per Doc, from token arrays, and shared by the
components that run after sentence splitting."""
from __future__ import annotations

import weakref

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc, Span

from ..layout import Layout

_texts: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_views: weakref.WeakKeyDictionary[Doc, Layout] = weakref.WeakKeyDictionary()
_bounds: weakref.WeakKeyDictionary[Doc, list[tuple[int, int]]] = weakref.WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (the text of a Doc never changes)."""
    text = _texts.get(doc)
    if text is None:
        text = _texts[doc] = doc.text
    return text


def with_text(doc: Doc, text: str) -> Doc:
    """``doc`` made from ``text`` by the tokenizer (which keeps every character), with the
    text kept so that ``text_of`` need not join the tokens again."""
    _texts[doc] = text
    return doc


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indexes of the sentences, as ``doc.sents`` has them."""
    bounds = _bounds.get(doc)
    if bounds is None:
        starts = [0] + [int(i) for i in numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1] if len(doc) else []
        bounds = _bounds[doc] = list(zip(starts, starts[1:] + [len(doc)]))
    return bounds


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` as spans (``list(doc.sents)`` without the walk)."""
    return [doc[start:end] for start, end in sentence_bounds(doc)]


def layout_of(doc: Doc) -> Layout:
    view = _views.get(doc)
    if view is None:
        columns = doc.to_array([IDX, LENGTH])
        ends = (columns[:, 0] + columns[:, 1]).tolist()
        first = columns[:, 0].tolist()
        view = _views[doc] = Layout(text_of(doc), [(first[s], ends[e - 1]) for s, e in sentence_bounds(doc)])
    return view
