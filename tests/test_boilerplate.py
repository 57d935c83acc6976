"""claims_boilerplate: page furniture is marked and its figures never become claims."""
from __future__ import annotations

import pytest

from extractor.documents import decode
from extractor.extract import extract_text

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def page(nlp):
    text = decode((FIXTURES / "articles" / "boilerplate_page.txt").read_bytes())
    return text, nlp(text)


def test_furniture_is_marked(page):
    text, doc = page
    labels = {s.label_ for s in doc.spans["boilerplate"]}
    assert {"boilerplate.score_widget", "boilerplate.rights", "boilerplate.advertisement",
            "boilerplate.promo_tail"} <= labels
    marked = " ".join(s.text for s in doc.spans["boilerplate"])
    assert "Relevance Score" in marked and "Save $50" in marked
    assert "Acme Corp has agreed" not in marked


def test_no_claim_from_furniture(page, nlp):
    text, _ = page
    mentions = [c.mention for c in extract_text(text, nlp=nlp)]
    assert mentions == ["$2bn", "$2bn"]
