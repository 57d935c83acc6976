"""Shared fixtures: one pipeline per test session (building it is the slow part)."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from extractor.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build()
