"""Build the spaCy pipeline: blank English (or an installed statistical model) plus the
project's components."""
from __future__ import annotations

import spacy
from spacy.language import Language

from . import ruleset
from .tokenizer_guard import GuardedTokenizer

# Importing the component modules registers their factories when the package is used
# from a source checkout; an installed package also registers them by entry point.
from .components import (  # noqa: F401
    amounts, attribution, boilerplate, changes, confidence, currency, entities, equivalents, hedges, metrics, periods,
    sentences, subjects,
)

COMPONENTS = [
    "claims_boilerplate", "claims_amounts", "claims_equivalents", "claims_currency", "claims_periods",
    "claims_attribution", "claims_entities", "claims_subjects", "claims_metrics", "claims_changes", "claims_hedges", "claims_confidence",
]


class ModelNotFound(RuntimeError):
    """The statistical pipeline asked for is not installed."""


def build(model: str | None = None) -> Language:
    """The extraction pipeline; ``model`` names an installed spaCy pipeline to build on.
    Every rule file is validated first, so that a bad one is reported before any work."""
    ruleset.check_all()
    if model is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("claims_sentences")
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            raise ModelNotFound(f"spaCy pipeline {model!r} is not installed: {exc}") from exc
        first = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
        if first:
            nlp.add_pipe("claims_sentences", before=first, config={"punctuation": False})
        else:
            nlp.add_pipe("claims_sentences")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.tokenizer = GuardedTokenizer(nlp.tokenizer, nlp.vocab, ruleset.amount_rules().limits.symbol_run)
    return nlp
