"""The attribution stage's shortcuts give what the plain test gives: the byline's team word
looked for at the end of a line only, the words before 'according to' counted back from the
cue, a span's source type when it holds no type's first word. Random and invented texts."""
from __future__ import annotations

import random
import re

import pytest
from spacy.language import Language

from extractor.components.attribution import sources
from extractor.components.attribution.byline import BylineReader, _capitalised
from extractor.components.attribution.state import DocState
from extractor.ruleset import attribution_rules

PIECES = ["A", "b", "Ian", "Read", " ", "\t", "  ", "|", "By", "by", ":", "\n", "ſ", "İ", "é", "-", "'", "K", "Ed", ".", "x"]


def _lines(reader: BylineReader, count: int, seed: int) -> list[str]:
    """Short lines of name-like pieces, most with a team word (its letters in random case,
    some 's' as the long 's' that matches it ignoring case) somewhere, often at the end."""
    rng = random.Random(seed)
    teams = sorted(reader.team)
    out = []
    for _ in range(count):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(0, 6))]
        if rng.random() < 0.7:
            team = "".join(c.upper() if rng.random() < 0.3 else c for c in rng.choice(teams))
            team = team.replace("s", "ſ") if rng.random() < 0.1 else team
            parts.insert(rng.randint(0, len(parts)), rng.choice(["", " ", "\t", "  "]) + team)
        out.append("".join(parts) + rng.choice(["", " ", "\t", "\n", " \n", "\n\n", ".", " x"]))
    return out


def _plain_match(reader: BylineReader, line: str) -> re.Match[str] | None:
    for rx in (reader.prefixed, reader.team_first, reader.team_last):
        m = rx.match(line)
        if m and _capitalised(m.group("name")):
            return m
    return None


def test_a_byline_matches_as_every_pattern_tried_in_turn() -> None:
    reader = BylineReader(attribution_rules(None))
    matched = 0
    for line in _lines(reader, 30_000, seed=7):
        fast, plain = reader._match(line), _plain_match(reader, line)
        assert (fast and (fast.re.pattern, fast.span())) == (plain and (plain.re.pattern, plain.span())), line
        matched += plain is not None and plain.re is reader.team_last
    assert matched > 100  # the team-last pattern was exercised


@pytest.mark.parametrize("text", [
    "According to Acme, profit rose.",
    "Profit , , rose, according to Acme.",
    "Sales rose 5%, according to Acme, and costs fell.",
    ", , , , according to Acme, it rose.",
    "It rose - \"quite\" - , according to the ministry.",
])
def test_words_before_a_cue_are_counted_as_spacy_marks_punctuation(nlp: Language, text: str) -> None:
    doc = nlp(text)
    st = DocState.of(nlp.get_pipe("claims_attribution").lexicon, doc)
    for lo in range(len(doc)):
        for i in range(lo, len(doc) + 1):
            words = sum(not t.is_punct for t in doc[lo:i])
            assert [st.has_words(lo, i, n) for n in range(5)] == [words >= n for n in range(5)]


def _plain_type(st: DocState, i: int, j: int) -> str | None:
    words = st.lower[i:j]
    joined = " ".join(words)
    return next((kind for kind, phrases, _ in st.lex.types if phrases.search(joined)), None)


@pytest.mark.parametrize("text", [
    "A spokesman for the Zemblan finance ministry told analysts at Ledger Bank that it and the FT agreed.",
    "People familiar with the matter, two sources and the company's chief executive said so.",
])
def test_a_source_type_is_what_every_type_phrase_searched_in_turn_gives(nlp: Language, text: str) -> None:
    doc = nlp(text)
    st = DocState.of(nlp.get_pipe("claims_attribution").lexicon, doc)
    typed = {(i, j): sources.typed(st, (i, j)) for i in range(len(doc)) for j in range(i + 1, min(i + 6, len(doc) + 1))}
    assert typed == {(i, j): _plain_type(st, i, j) for i, j in typed}
    assert None in typed.values() and len(set(typed.values())) > 2
