"""Importing this module registers every ``claims_*`` spaCy factory. An installed package
also registers them by entry point; a source checkout needs the import. The pipeline
builder imports it, and so do worker processes before they fork (batch)."""
from __future__ import annotations

from .components import (  # noqa: F401
    amounts, attribution, boilerplate, changes, confidence, currency, entities, equivalents, hedges, metrics, periods,
    sentences, subjects,
)
