"""claims: turn every figure a news article reports into a structured, attributed claim."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .extract import extract_documents, extract_paths, extract_text
from .models import Claim, DocumentError
from .pipeline import build

try:
    __version__ = version("claims")
except PackageNotFoundError:  # a source checkout that is not installed
    __version__ = "0.0.0+source"

__all__ = ["Claim", "DocumentError", "build", "extract_documents", "extract_paths", "extract_text", "__version__"]
