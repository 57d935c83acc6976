"""claims_sentences: sentences end at line breaks and sentence punctuation, not abbreviations."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,sentences", [
    ("Revenue rose. Costs fell.", ["Revenue rose.", "Costs fell."]),
    ("The U.S. economy grew. Mr. Smith said so.", ["The U.S. economy grew.", "Mr. Smith said so."]),
    ("Headline with $5bn\n\nBody text here.", ["Headline with $5bn", "Body text here."]),
    ("  • Item one: $5bn.\n  • Item two: $6bn.", ["• Item one: $5bn.", "• Item two: $6bn."]),
    ('"We are pleased," he said. "Very."', ['"We are pleased," he said.', '"Very."']),
    ("It costs approx. USD 5 per unit.", ["It costs approx. USD 5 per unit."]),
    ("Shares rose 3.5 points. Bonds fell.", ["Shares rose 3.5 points.", "Bonds fell."]),
    ("SAN FRANCISCO, March 3 (Reuters) - Tesla will spend $10bn.",
     ["SAN FRANCISCO, March 3 (Reuters) -", "Tesla will spend $10bn."]),
])
def test_sentence_boundaries(text, sentences, nlp):
    assert [s.text.strip() for s in nlp(text).sents if s.text.strip()] == sentences
