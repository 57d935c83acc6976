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


def test_the_shared_view_agrees_with_spacy_on_sentences_and_text(nlp):
    """The view (token arrays, computed once per Doc) gives what doc.sents and doc.text give."""
    from extractor.components.view import char_range, layout_of, sentence_bounds, sentences, text_of, with_text

    text = ("Tesla Q3: $5bn\n\nThe U.S. carmaker said on Monday it will spend $10bn. \"We are pleased,\" he said.\n"
            "  • Capex: $2bn.\n")
    doc = nlp(text)
    assert sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents]
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    assert layout_of(doc).sentences == [(s.start_char, s.end_char) for s in doc.sents]
    assert text_of(doc) == text
    fresh = with_text(nlp.make_doc(text), text)
    assert text_of(fresh) == fresh.text == text
    assert sentence_bounds(nlp.make_doc("")) == []
    for start, end in [(0, 0), (2, 2), (len(doc), len(doc)), (0, 3), (1, len(doc)), (5, 9)]:
        span = doc[start:end]
        assert char_range(doc, start, end) == (span.start_char, span.end_char)
        assert text[slice(*char_range(doc, start, end))] == span.text
