"""rules/periods.json and the claims_periods component built from it: every pattern kind
has a resolver, bad patterns are clear errors, a rules folder of one's own is honoured."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from extractor.components.periods.dates import RESOLVERS
from extractor.pipeline import build
from extractor.ruleset import RuleError, clear_cache, period_rules

from .conftest import ROOT


def _rules_copy(tmp_path: Path, edit) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    data = json.loads((folder / "periods.json").read_text(encoding="utf-8"))
    edit(data)
    (folder / "periods.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def _add_pattern(**pattern):
    return lambda data: data["patterns"].append({"id": "added", **pattern})


def test_every_packaged_kind_has_a_resolver() -> None:
    assert {p.kind for p in period_rules().patterns} <= set(RESOLVERS)


@pytest.mark.parametrize("edit, message", [
    (_add_pattern(kind="season", pattern="(?P<year>{YEAR}) season"), "no resolver for kind 'season'"),
    (_add_pattern(kind="quarter", pattern="the quarter of (?P<year>{YEAR})"), "needs a group named q or q2"),
    (_add_pattern(kind="year", pattern="{DECADE}s"), "unknown placeholder {DECADE}"),
    (_add_pattern(kind="year", pattern="(?P<year>{YEAR}"), "invalid regular expression"),
])
def test_a_pattern_the_component_cannot_use_is_an_error_naming_file_and_key(tmp_path, edit, message) -> None:
    folder = _rules_copy(tmp_path, edit)
    nlp = spacy.blank("en")
    with pytest.raises(RuleError) as info:
        nlp.add_pipe("claims_periods", config={"rules": str(folder)})
    text = str(info.value)
    assert str(folder / "periods.json") in text
    assert f"key patterns.{len(period_rules().patterns)}" in text
    assert message in text


def test_the_command_line_reports_such_a_pattern_in_one_line_with_exit_2(tmp_path) -> None:
    folder = _rules_copy(tmp_path, _add_pattern(kind="season", pattern="(?P<year>{YEAR}) season"))
    article = tmp_path / "a.txt"
    article.write_text("Acme earned $5m in 2004.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "extractor", "extract", str(article), "-q"], capture_output=True,
                          text=True, env={**os.environ, "CLAIMS_RULES": str(folder)})
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert "periods.json" in line and "no resolver for kind 'season'" in line


def test_a_misspelt_limit_is_refused(tmp_path) -> None:
    folder = _rules_copy(tmp_path, lambda d: d["limits"].update(max_gap_wrods=3))
    with pytest.raises(RuleError, match="limits.max_gap_wrods"):
        period_rules(folder)


def test_the_component_reads_the_rules_folder_of_its_config(tmp_path) -> None:
    """A word added to a list of the rules is used: no code change."""
    folder = _rules_copy(tmp_path, lambda d: d["words"]["EDGE"].append("the dawn of"))
    d = json.loads((folder / "periods.json").read_text(encoding="utf-8"))
    d["edges"]["the dawn of"] = [1, 2]
    (folder / "periods.json").write_text(json.dumps(d), encoding="utf-8")
    clear_cache()
    nlp = build()
    nlp.replace_pipe("claims_periods", "claims_periods", config={"rules": str(folder)})
    text = "Brindle Labs raised $40m in the dawn of 2025."
    assert nlp(text)._.money[0]["period"] == {"text": "the dawn of 2025", "start": "2025-01-01", "end": "2025-02-28"}
    assert build()(text)._.money[0]["period"] == {"text": "2025", "start": "2025-01-01", "end": "2025-12-31"}


@pytest.mark.parametrize("text", [
    "Profit was $5m in the three months to 31 June 2005.",
    "Sales reached $7m in the year starting 29 February 2005.",
])
def test_a_day_the_month_does_not_have_gives_no_dates_and_no_error(text) -> None:
    [rec] = build()(text)._.money
    assert rec["period"]["start"] is None and rec["period"]["end"] is None
