"""The claims command line, run as users run it."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.models import Claim

from .conftest import ROOT, SEEDS

runner = CliRunner()


def test_extract_writes_one_valid_record_per_mention(tmp_path):
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["extract", str(SEEDS), "--output", str(out)])
    assert result.exit_code == 0, result.output
    records = [Claim.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 25
    assert {r.doc_id for r in records} == {"000_3f00ea69314cb987.txt", "004_e6c9b792dda29dee.txt"}
    assert "2 documents read from 2 files, 0 failed, 25 claims written" in result.stderr


def test_extract_to_stdout_and_ids_are_stable():
    first = runner.invoke(app, ["extract", str(SEEDS), "--quiet"])
    second = runner.invoke(app, ["extract", str(SEEDS), "--quiet"])
    ids = [json.loads(line)["id"] for line in first.stdout.splitlines()]
    assert ids == [json.loads(line)["id"] for line in second.stdout.splitlines()]
    assert len(set(ids)) == len(ids)


def test_csv_is_a_flat_view():
    result = runner.invoke(app, ["extract", str(SEEDS / "004_e6c9b792dda29dee.txt"), "--format", "csv", "-q"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["mention"] == "¥200 billion" and rows[0]["currency"] == "CNY"
    assert rows[0]["doc_id"] == "004_e6c9b792dda29dee.txt"


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    shutil.copy(SEEDS / "004_e6c9b792dda29dee.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr
    assert "binary.txt: binary file" in result.stderr
    assert "3 documents read from 3 files, 2 failed, 10 claims written" in result.stderr
    assert len(result.stdout.splitlines()) == 10


def test_missing_path_is_a_usage_error():
    result = runner.invoke(app, ["extract", "no/such/folder"])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_unknown_model_is_a_clear_error():
    result = runner.invoke(app, ["extract", str(SEEDS), "--model", "no_such_model"])
    assert result.exit_code == 2
    assert "'no_such_model' is not installed" in result.stderr


def test_schema_is_the_claim_json_schema():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert (schema["title"], schema["version"]) == ("Claim", "1")
    assert {"id", "doc_id", "amount", "equivalent_of", "attribution", "confidence", "rule"} <= set(schema["properties"])


def test_python_dash_m_runs_the_cli(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "extractor", "extract", str(SEEDS), "--output", str(out)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 25


def test_a_currency_added_as_data_needs_no_code_change(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    data = json.loads((rules / "currencies.json").read_text(encoding="utf-8"))
    data["markers"].append({"text": "bitcoins", "position": "suffix", "currencies": ["XBT"]})
    (rules / "currencies.json").write_text(json.dumps(data), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The exchange lost 120,000 bitcoins in the hack.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "extractor", "extract", str(article), "-q"], capture_output=True,
                          text=True, env={**os.environ, "CLAIMS_RULES": str(rules)})
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["amount"]["currency"] == "XBT" and record["amount"]["value"] == 120000


def test_a_broken_rule_file_is_a_clear_error(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "amounts.json").write_text('{"scales": "not a list"}', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "extractor", "extract", str(SEEDS)], capture_output=True, text=True,
                          env={**os.environ, "CLAIMS_RULES": str(rules)})
    assert proc.returncode == 2
    assert "amounts.json is invalid" in proc.stderr
    assert "Traceback" not in proc.stderr


def _broken_rules(tmp_path, name: str, edit) -> dict[str, str]:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    data = json.loads((rules / name).read_text(encoding="utf-8"))
    edit(data)
    (rules / name).write_text(json.dumps(data), encoding="utf-8")
    return {**os.environ, "CLAIMS_RULES": str(rules)}


@pytest.mark.parametrize("name, edit, key", [
    ("hedges.json", lambda d: d.update(wrods_after=3), "wrods_after"),
    ("boilerplate.json", lambda d: d["line"][0].update(pattern="(unclosed"), "line.0.pattern"),
    ("clauses.json", lambda d: d["breaks"]["subject"]["patterns"].append("[a-"), "breaks.subject.patterns"),
    ("entities.json", lambda d: d["stop_words"].append(d["stop_words"][0]), "stop_words"),
])
def test_a_misspelt_key_a_bad_regex_or_a_repeated_word_is_a_one_line_error_naming_file_and_key(tmp_path, name, edit, key):
    env = _broken_rules(tmp_path, name, edit)
    proc = subprocess.run([sys.executable, "-m", "extractor", "extract", str(SEEDS), "-q"], capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert name in line and f"key {key}" in line


def test_the_rule_files_json_schema_is_published():
    proc = subprocess.run([sys.executable, "-m", "extractor", "schema", "--rules"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    schemas = json.loads(proc.stdout)
    packaged = {p.name for p in (ROOT / "rules").iterdir() if p.suffix in (".json", ".jsonl")}
    assert set(schemas) == packaged
    assert schemas["hedges.json"]["additionalProperties"] is False
