"""One pass over a Doc for what every component looks up by offset: its text, lines,
paragraphs and sentences (``doc.text`` and ``token.sent`` cost a walk over the whole doc).
Computed once per Doc and shared by the components that run after sentence splitting."""
from __future__ import annotations

import weakref

from spacy.tokens import Doc

from ..layout import Layout

_views: weakref.WeakKeyDictionary[Doc, Layout] = weakref.WeakKeyDictionary()


def layout_of(doc: Doc) -> Layout:
    view = _views.get(doc)
    if view is None:
        view = _views[doc] = Layout(doc.text, [(s.start_char, s.end_char) for s in doc.sents])
    return view
