"""The record side of the tool (models, reconcile, diff, facts, database) never loads spaCy:
it works on claim records, and commands built on it start fast."""
from __future__ import annotations

import subprocess
import sys

import pytest

RECORD_SIDE = ["extractor", "extractor.models", "extractor.version", "extractor.reconcile", "extractor.diff",
               "extractor.compare", "extractor.facts", "extractor.database", "extractor.ruleset", "extractor.review"]


@pytest.mark.parametrize("module", RECORD_SIDE)
def test_importing_the_record_side_leaves_spacy_unloaded(module):
    code = (f"import sys, {module}\n"
            "heavy = sorted(m for m in ('spacy', 'dateparser', 'thinc') if m in sys.modules)\n"
            "print(','.join(heavy))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", f"{module} imports {proc.stdout.strip()}"


def test_the_package_exports_still_work_when_asked_for():
    import extractor

    assert callable(extractor.build) and callable(extractor.extract_text)
    assert extractor.Claim.__name__ == "Claim"
    with pytest.raises(AttributeError):
        extractor.no_such_name  # noqa: B018
