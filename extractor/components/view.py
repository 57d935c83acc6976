"""One pass over a Doc for what every component looks up by offset: its text, lines,
paragraphs and sentences (``doc.text`` and ``token.sent`` cost a walk over the whole doc)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..layout import Layout


def layout_of(doc: Doc) -> Layout:
    return Layout(doc.text, [(s.start_char, s.end_char) for s in doc.sents])
