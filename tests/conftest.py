"""Shared fixtures: one pipeline per test session (building it is the slow part); and one
line per reason in the summary for the tests that were skipped."""
from __future__ import annotations

from collections import Counter
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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Why tests were skipped, one line per reason (pytest shows only a count unless -rs)."""
    reasons: Counter[str] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reasons[reason.removeprefix("Skipped: ")] += 1
    for reason, count in sorted(reasons.items()):
        terminalreporter.write_line(f"{reason} ({count} test{'s' if count > 1 else ''})")
