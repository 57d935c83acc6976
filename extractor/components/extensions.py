"""The ``Doc._`` extensions the components write: plain data only, so that ``n_process``
and DocBin carry them."""
from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS: dict[str, object] = {
    "money": None,  # list of amount dicts, in text order (claims_amounts and later stages)
    "published": None,  # ISO date of the article when known
    "publisher": None,  # {name, text, start, end} of the byline when there is one (claims_attribution)
    "entities": None,  # list of {text, canonical, label, start, end} (claims_entities)
    "main_entity": None,  # canonical name of the entity the article is about (claims_entities)
    "attributions": None,  # attribution dicts: source/cue/content spans, source_type, name, parent, chain (claims_attribution)
}


def register() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
