"""The Ray Data engine gives the records a local run gives (a local Ray with 2 CPUs)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.models import Claim, DocumentError, DocumentInfo

from .conftest import FIXTURES, ROOT, SEEDS

ray = pytest.importorskip("ray", reason="the ray extra is not installed")
ray_engine = pytest.importorskip("extractor.ray_engine")
runner = CliRunner()
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # Ray Data's tuning advice


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "batch", root)
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copy(SEEDS / "000_3f00ea69314cb987.txt", root / "seeds" / "zz_copy.txt")
    (root / "empty.txt").write_bytes(b"")
    return root


def _by_id(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: c.id)


def test_ray_and_local_runs_give_the_same_records(local_ray, corpus, tmp_path):
    local = tmp_path / "local.jsonl"
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(local), "-q"]).exit_code == 1  # empty.txt
    expected = _by_id([Claim.model_validate_json(line) for line in local.read_text(encoding="utf-8").splitlines()])
    out = tmp_path / "ray"
    result = runner.invoke(app, ["extract", str(corpus), "--engine", "ray", "-o", str(out)])
    assert result.exit_code == 1
    assert f"error: {corpus / 'empty.txt'}: empty file" in result.stderr
    assert f"9 documents read from 7 files, 1 failed, {len(expected)} claims written" in result.stderr
    assert "1 skipped (1 duplicates, 0 already done)" in result.stderr
    assert _by_id(ray_engine.read_claims(out)) == expected
    assert runner.invoke(app, ["extract", str(corpus), "--engine", "ray", "-o", str(out), "--resume"]).exit_code == 2
    documents = [DocumentInfo.model_validate_json(line) for f in sorted((out / "documents").glob("*.jsonl"))
                 for line in f.read_text(encoding="utf-8").splitlines()]
    local_docs = [json.loads(line)["document"] for line in (tmp_path / "local.jsonl.docs").read_text().splitlines()]
    assert sorted(d.doc_id for d in documents) == sorted(d["doc_id"] for d in local_docs)
    [error] = [DocumentError.model_validate_json(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert error.doc_id == "empty.txt"


def test_parquet_shards_hold_the_same_claims_as_columns(local_ray, corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "ray"
    result = ray_engine.extract_with_ray([corpus / "wire"], out, fmt="parquet")
    assert result.summary.records == 6 and not result.errors
    table = pq.read_table(out / "claims")
    assert {"doc_id", "mention", "value", "currency", "qualifier", "record"} <= set(table.column_names)
    rows = {r["mention"]: r for r in table.to_pylist()}
    assert (rows["roughly £200m"]["value"], rows["roughly £200m"]["currency"]) == (200e6, "GBP")
    local = runner.invoke(app, ["extract", str(corpus / "wire"), "-q"]).stdout.splitlines()
    assert _by_id(ray_engine.read_claims(out)) == _by_id([Claim.model_validate_json(line) for line in local])


def test_no_article_is_an_error_without_starting_ray(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--engine", "ray", "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path}: no article files (.txt, .md, .html, .htm, .jsonl, .json) in {tmp_path}\n"


def test_quiet_silences_ray(tmp_path):
    """Run as a user runs it: Ray's INFO lines, plans, progress and advice are gone; what
    is left on stderr is what its C++ core writes itself (one line about actor restarts)."""
    out = tmp_path / "ray"
    done = subprocess.run([sys.executable, "-m", "extractor", "extract", str(FIXTURES / "batch" / "wire"),
                           "--engine", "ray", "-o", str(out), "-q"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "RAY_ADDRESS": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    core = re.compile(r"^\[\d{4}-\d\d-\d\d [\d:,]+ E \d+ \d+\] \w+\.cc:\d+: ")
    assert [line for line in done.stderr.splitlines() if not core.match(line)] == []
    assert len(ray_engine.read_claims(out)) == 6
