"""The places the amount grammar tries: atoms only near numbers, words in any case found in
the lowered text; both find what a scan of the whole text finds."""
from __future__ import annotations

import random
import re

from extractor.amount_grammar import default_grammar
from extractor.amount_grammar.lowered import UNLOWERED, Lowered, Words

ALL = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def test_unlowered_are_the_characters_where_lowering_and_ignorecase_disagree() -> None:
    odd = set()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        odd |= {c for c in re.findall(letter, ALL, re.IGNORECASE) if c.lower() != letter}
    assert odd == set(UNLOWERED) == {"\u0130", "\u0131", "\u017f"}
    assert [c for c in ALL if len(c.lower()) != 1] == ["\u0130"]


def test_words_are_found_in_any_case_with_or_without_lowering() -> None:
    words = Words(["billion", "one", "a"], before_break=True)
    text = "ONE BILLION, a Billion-dollar one-off; data a\tbillion"
    plain = [m.span() for m in words.finditer(Lowered(text))]
    assert plain == [m.span() for m in re.finditer(r"(?i:billion|one|a)(?=[\s-])", text)]
    assert [text[s:e] for s, e in plain] == ["ONE", "a", "Billion", "one", "a", "a"]  # not 'BILLION,' nor 'billion' at the end
    for odd in ("\u0130", "\u0131", "\u017f"):  # the IGNORECASE search takes over
        variant = Lowered(text + " " + odd)
        assert variant.lower is None
        assert [m.span() for m in words.finditer(variant)][:len(plain)] == plain
    assert [m.group() for m in Words(["thousands"]).finditer(Lowered("THOU\u017fANDS, thousands"))] == [
        "THOU\u017fANDS", "thousands"]


def test_atoms_found_near_numbers_are_those_of_a_whole_text_scan() -> None:
    grammar = default_grammar()
    finder = grammar.atoms
    pieces = ["$", "US$", "HK $", "£", "RMB", "EUR", "Rs.", "R", "-", "−", "5", "1.5", "1,500,000", "12,34,567",
              "a", "An", "ONE", "twenty-one", "three quarters of a", "half a", "bn", "million", "Billion",
              "dollars", "euros", "cents", "kr.", "usd", "and a half", "the", "paid", "x", ":", ",", ".", "...",
              "\u0130", "\u017f"]
    gaps = [" ", "", "  ", "\n", "-", ", ", "\u00a0"]
    rng = random.Random(11)
    found = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, 20)))
        whole = [(m.span(), m.groupdict()) for m in finder.atom_re.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finder._matches(Lowered(text))] == whole, text
        found += len(whole)
    assert found > 2000


def test_expanded_span_is_char_span_in_expand_mode() -> None:
    import spacy

    from extractor.components.view import expanded_span, with_text

    nlp = spacy.blank("en")
    pieces = ["$5bn", " ", "  ", "\n\n", "Acme", ",", "paid", "£", "3", "-", "\t", " \n ", "don't", "U.S.", "("]
    rng = random.Random(2)
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        doc = with_text(nlp.make_doc(text), text)
        for _ in range(10):
            start = rng.randint(-1, len(text) + 1)
            end = rng.randint(start + 1, len(text) + 2)
            want = doc.char_span(start, end, label="MONEY", alignment_mode="expand")
            got = expanded_span(doc, start, end, "MONEY")
            if want is None:
                assert got is None
            else:
                assert got is not None and (got.start, got.end, got.label_) == (want.start, want.end, want.label_)
