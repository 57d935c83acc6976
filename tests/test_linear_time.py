"""A coarse guard against time that grows with the square of the text (issue 18): every
adversarial shape of ``bench/adversarial.py`` (one pattern repeated: currency symbols in a
row, a dash chain, a quotation never closed, a list of figures in one sentence, ...) runs
through the pipeline at 10 KB and 40 KB. CPU time, not wall time, so that other processes
on the cores do not count; the bounds are generous, so that the test does not flake on a
loaded machine: speed targets belong in the benchmarks.

- 40 KB may take at most ``GROWTH`` times 10 KB (linear: 4x; quadratic: 16x);
- 10 KB may take at most ``FACTOR`` times the same text's tokenization (a figure every
  three characters costs each component its work per figure; a quadratic rule costs
  thousands of times the tokenizer at this size).
"""
from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from extractor import pipeline
from extractor.components.view import with_text

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("adversarial", ROOT / "bench" / "adversarial.py")
assert _spec and _spec.loader
adversarial = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(adversarial)

SMALL, LARGE = 10_000, 40_000
GROWTH = 8.0
FACTOR = 1_000.0
SLACK = 0.02  # CPU seconds a run may take whatever its size (timer grain, a collection)
RETRIES = 2  # measurements again, keeping the best of each size, before a growth counts as real


@pytest.fixture(scope="module")
def nlp():
    nlp = pipeline.build()
    nlp("Acme paid $5bn for Widget in 2004, the company said.")  # first calls (dateparser) paid here
    return nlp


def pipeline_seconds(nlp, text: str) -> float:
    """CPU seconds of the tokenizer and every component."""
    began = time.process_time()
    doc = with_text(nlp.make_doc(text), text)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return time.process_time() - began


def tokenize_seconds(nlp, text: str) -> float:
    """CPU seconds of the pipeline's tokenizer alone, the best of three."""
    best = float("inf")
    for _ in range(3):
        began = time.process_time()
        nlp.make_doc(text)
        best = min(best, time.process_time() - began)
    return best


@pytest.mark.parametrize("shape", sorted(adversarial.SHAPES))
def test_shape_time_grows_linearly(nlp, shape: str) -> None:
    make = adversarial.SHAPES[shape]
    small, large = make(SMALL), make(LARGE)
    assert abs(len(small) - SMALL) < 100 and abs(len(large) - LARGE) < 100
    t_small, t_large = pipeline_seconds(nlp, small), pipeline_seconds(nlp, large)
    for _ in range(RETRIES):  # a busy machine slows one run now and then; quadratic code fails every run
        if t_large <= GROWTH * t_small + SLACK:
            break
        t_small, t_large = min(t_small, pipeline_seconds(nlp, small)), min(t_large, pipeline_seconds(nlp, large))
    assert t_large <= GROWTH * t_small + SLACK, f"{shape}: {t_small:.3f} s at 10 KB, {t_large:.3f} s at 40 KB"
    tokenize = tokenize_seconds(nlp, small)
    assert t_small <= FACTOR * tokenize + SLACK, f"{shape}: {t_small:.3f} s, tokenization {tokenize:.4f} s"

