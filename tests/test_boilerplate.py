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


@pytest.mark.parametrize("text, subject, source", [
    ("Headline of the day\n\nHARWICK, 14 October 2026 (Reuters) - Tellan Group raised its offer to £3.2bn, "
     "the company said.", "Tellan", "Tellan Group"),
    ("OSLO, Nov 27 (Reuters) - The group agreed to pay 18 million euros, it said.", None, "it"),
    ("NEW HARBOUR/OSLO (Wirewire) - Orvik Shipping will pay $5m for the tanker.", "Orvik Shipping", None),
    # a line of a place and a date alone
    ("Tellan raises offer\n\nPort Vella, 28 January 2026\n\nThe group will pay $5m for the tanker, it said.", "Tellan",
     "Tellan"),
    # a place in Title Case, a date and a dash open the story: the place is no company
    ("Tellan raises offer\n\nPort Vella, 28 January 2026 - Tellan Group raised $250m, valuing the start-up at "
     "$2.1bn, the company said.", "Tellan", "Tellan Group"),
    ("Tellan raises offer\n\nPort Vella, March 3 (Wirewire) - Tellan Group raised $250m, the company said.",
     "Tellan", "Tellan Group"),
])
def test_a_dateline_names_no_party(text, subject, source, nlp):
    """'HARWICK, 14 October 2026 (Reuters) - ' is page furniture: neither the place nor the
    agency is a subject or a source."""
    claim = extract_text(text, nlp=nlp)[0]
    assert (claim.subject.canonical if claim.subject else None, claim.attribution.source) == (subject, source)


def test_a_name_and_an_apposition_before_a_dash_are_no_dateline(nlp):
    doc = nlp("BP, the oil giant - which paid $5m - said so. IBM - the computer giant - paid $6m.")
    assert list(doc.spans["boilerplate"]) == []


def test_a_place_and_date_line_is_furniture(nlp):
    doc = nlp("Tellan raises offer\n\nPort Vella, 28 January 2026\n\nTellan will pay $5m.")
    assert [s.text for s in doc.spans["boilerplate"]] == ["Port Vella, 28 January 2026"]


def test_a_datelines_date_is_no_period(nlp):
    """'Port Vella, 28 January 2026 - ': when the story was written, not the period of its figures."""
    claim = extract_text("Tellan raises $250m\n\nPort Vella, 28 January 2026 - Tellan Group raised $250m from "
                         "investors, the company said.", nlp=nlp)[-1]
    assert claim.period is None
