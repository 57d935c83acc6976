"""The attribution stage reads tokens from per-document lists and word classes instead of
spaCy Token objects: those must say what the Tokens say. Invented texts with invented names."""
from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.components.attribution.lexicon import WordClasses
from extractor.components.attribution.state import DocState

TEXTS = [
    "Brindle Corp said on Tuesday that profit rose 12% to $1.2bn , adding: “We are pleased.”",
    "  Zembla’s   finance ministry  -  not the bank - put the cost at £3bn.\n\nQUORVANE SAID IT WOULD PAY $5M.",
    "ΟΔΟΣ Ltd — a unit of İstanbul-based Işık — expects €40m (about $43m).\n\t\n\"Sales fell\", it said ",
    "",
]


def state_of(nlp: Language, text: str) -> DocState:
    doc = nlp(text)
    return DocState.of(nlp.get_pipe("claims_attribution").lexicon, doc)


@pytest.mark.parametrize("text", TEXTS)
def test_the_token_lists_say_what_spacy_tokens_say(nlp: Language, text: str) -> None:
    st = state_of(nlp, text)
    doc = st.doc
    assert st.words == [t.text for t in doc]
    assert st.lower == [t.lower_ for t in doc]
    assert st.sent_start == [bool(t.is_sent_start) for t in doc]
    assert [st.spaced(t.i) for t in doc] == [bool(t.whitespace_) for t in doc]
    assert st.blanks == [t.i for t in doc if t.is_space]
    assert [st.span_text(s.start, s.end) for s in doc.sents] == [s.text for s in doc.sents]
    assert [st.chars(s.start, s.end) for s in doc.sents] == [(s.start_char, s.end_char) for s in doc.sents]


@pytest.mark.parametrize("text", TEXTS[:3])
def test_word_classes_find_the_tokens_spacy_finds(nlp: Language, text: str) -> None:
    st = state_of(nlp, text)
    doc, lex = st.doc, st.lex
    assert st.commas == [t.i for t in doc if t.text == ","]
    assert st.colons == [t.i for t in doc if t.text == ":"]
    dashes = [t.i for t in doc if t.text in lex.dashes and (t.whitespace_ or (t.i and doc[t.i - 1].whitespace_))]
    stops = {t.i for t in doc if t.text in lex.clause_end | {","} | lex.quotes} | set(dashes)
    assert st.clause_stops == sorted(stops)


def test_a_word_class_bit_for_each_set_that_holds_the_word(nlp: Language) -> None:
    classes = WordClasses(nlp, {"comma": [","], "stop": [",", ".", "!"], "dash": ["-", "--"]})
    doc = nlp.make_doc("Wait - no, stop -- now!")
    bits = classes.of(doc.to_array("ORTH")).tolist()
    comma, stop, dash = classes.bit["comma"], classes.bit["stop"], classes.bit["dash"]
    assert bits == [0, dash, 0, comma | stop, 0, dash, 0, stop]
    assert WordClasses(nlp, {}).of(doc.to_array("ORTH")).tolist() == [0] * len(doc)
