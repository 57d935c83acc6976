"""claims: turn every figure a news article reports into a structured, attributed claim.

The exports are lazy: ``import extractor.models`` (or the reconcile, diff and database
layers) does not load spaCy; ``extractor.build`` and ``extractor.extract_text`` do, when
first used.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .extract import extract_documents, extract_paths, extract_text
    from .models import Claim, DocumentError
    from .pipeline import build

_EXPORTS = {
    "Claim": "models", "DocumentError": "models", "build": "pipeline",
    "extract_documents": "extract", "extract_paths": "extract", "extract_text": "extract",
}

__all__ = ["Claim", "DocumentError", "build", "extract_documents", "extract_paths", "extract_text", "__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
