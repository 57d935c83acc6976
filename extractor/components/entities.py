"""``claims_entities``: the names of a document, canonicalised.

Without a model: runs of capitalised tokens (joined by connectors such as "of"), minus stop
words, with Title Case headings trusted only for names the body also uses. With a model,
its named entities are added. Names are canonicalised with the aliases in
``rules/entities.json``, acronyms ("GM" for "General Motors"), longer names of the same
document ("Federated" is "Federated Department Stores") and rapidfuzz ("Worldcom").
Writes ``doc.spans["entities"]`` and ``doc._.entities`` (plain dicts).
"""
from __future__ import annotations

import re

from pydantic import BaseModel
from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import layout
from ..ruleset import load
from ..textmatch import alternation, phrase_pattern, phrases
from . import extensions  # noqa: F401  (registers Doc._ extensions)

MODEL_LABELS = {"ORG", "GPE", "PERSON", "NORP", "PRODUCT", "FAC", "LOC"}
NAME_TOKEN = re.compile(r"[A-Za-z][\w&.'-]*")
OPENERS = {'"', "“", "‘", "'", "("}


class EntityRules(BaseModel):
    aliases: dict[str, list[str]]
    labels: dict[str, str]
    connectors: list[str]
    stop_words: list[str]
    generic_references: list[str]
    demonyms: list[str]
    common_names: dict[str, str]
    org_nouns: list[str]
    person_titles: list[str]
    month_words: list[str]
    common_word_endings: list[str]
    corporate_suffixes: list[str]


class CommonWords(BaseModel):
    source: str
    words: list[str]


def entity_rules() -> EntityRules:
    return load("entities.json", EntityRules)


class EntityFinder:
    def __init__(self) -> None:
        rules = entity_rules()
        self.alias = {a.lower(): canon for canon, names in rules.aliases.items() for a in [canon, *names]}
        self.alias_names = {a for canon, names in rules.aliases.items() for a in [canon, *names]}
        self.labels = rules.labels
        self.connectors = set(rules.connectors)
        self.stop = set(rules.stop_words)
        self.demonyms = set(rules.demonyms)
        self.common = phrases(rules.common_names)
        self.common_names = {k.lower(): v for k, v in rules.common_names.items()}
        self.title = re.compile(phrase_pattern(rules.person_titles) + r"\.?\s+$", re.IGNORECASE)
        self.months = set(rules.month_words)
        self.suffix = re.compile(rf"(?:,?\s+(?:{alternation(rules.corporate_suffixes)}))+$")
        self.common_words = set(load("common_words.json", CommonWords).words)
        self.common_ending = re.compile(r"(?:" + "|".join(rules.common_word_endings) + r")$")
        self.date_before = re.compile(r"\b(?:in|on|since|by|last|next|of|from|until|early|late|mid|this|that)\s+$", re.I)

    def __call__(self, doc: Doc) -> Doc:
        lowercase = {t.lower_ for t in doc if t.text.islower()}
        text = doc.text  # asked once: Doc.text joins every token
        headings = _title_case_lines(text)
        runs = self._runs(doc)
        body = [(s, e) for s, e in runs if not _in(headings, doc[s].idx)]
        mid_sentence = {doc[s:e].text.lower() for s, e in body if not _starts_sentence(doc[s])}
        mid_sentence |= {doc[e - 1].lower_ for s, e in body if e - s > 1}  # "Mitch" of "Hurricane Mitch"
        runs = [(s, e) for s, e in runs
                if not _in(headings, doc[s].idx) and (self._known(doc[s:e].text, mid_sentence) or (
                    e - s > 1 or not _starts_sentence(doc[s]) or not doc[s].text.istitle()
                    or not self._common(doc[s].lower_, lowercase)))]
        runs = _merge(runs, self._in_headings(doc, text, headings, {doc[s:e].text for s, e in runs}))
        if doc.has_annotation("ENT_IOB"):
            runs = _merge(runs, self._model_names(doc, headings, {doc[s:e].text.lower() for s, e in runs}))
        common = [(sp.start, sp.end) for m in self.common.finditer(text)
                  if (sp := doc.char_span(m.start(), m.end())) is not None]
        runs = _merge(runs, common)
        names = [doc[s:e].text for s, e in runs]
        canon = self._canonical(list(dict.fromkeys(names)))
        entities, spans = [], []
        for (s, e), name in zip(runs, names):
            span = doc[s:e]
            label = self._label(text, span, canon[name])
            spans.append(doc.char_span(span.start_char, span.end_char, label=label))
            entities.append({"text": name, "canonical": canon[name], "label": label,
                             "start": span.start_char, "end": span.end_char})
        persons = {e["canonical"] for e in entities if e["label"] == "PERSON"}
        for ent, span in zip(entities, spans):  # one mention with a title makes every mention a person
            if ent["canonical"] in persons and span is not None:
                ent["label"] = span.label_ = "PERSON"
        doc.spans["entities"] = [s for s in spans if s is not None]
        doc._.entities = entities
        return doc

    def _label(self, text: str, span, canonical: str) -> str:
        if span.text.lower() in self.common_names:
            return "PRODUCT"
        if span.text in self.demonyms:
            return "NORP"
        if self.title.search(text[max(0, span.start_char - 30):span.start_char]):
            return "PERSON"
        return self.labels.get(canonical) or span.label_ or "ORG"

    # ---------------------------------------------------------- candidate runs
    def _runs(self, doc: Doc) -> list[tuple[int, int]]:
        runs, i = [], 0
        while i < len(doc):
            if not self._name_token(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < len(doc):
                if self._name_token(doc[j], inside=True) and not doc[j - 1].whitespace_.count("\n"):
                    j += 1
                elif (doc[j].text in self.connectors and j + 1 < len(doc)
                      and self._name_token(doc[j + 1], inside=True) and doc[j + 1].text not in self.stop):
                    j += 2
                else:
                    break
            runs.append((i, j))
            i = j
        return runs

    def _name_token(self, tok: Token, inside: bool = False) -> bool:
        text = tok.text
        if not NAME_TOKEN.fullmatch(text) or not (text[0].isupper() or any(c.isupper() for c in text[1:])):
            return False
        starts = _starts_sentence(tok)
        if text in self.months and not inside and tok.i + 1 < len(tok.doc):
            following = tok.nbor(1).text
            named = following in ("'s", "’s") or (following[:1].isupper() and following not in self.stop)
            return (named and not tok.whitespace_.count("\n")
                    and not self.date_before.search(_text_before(tok, 3)))
        if text in self.stop:
            return inside and text[0].isupper() and not starts and len(text) > 2 and text.istitle()
        return True

    def _model_names(self, doc: Doc, headings: list[tuple[int, int]], known: set[str]) -> list[tuple[int, int]]:
        """The model's named entities that pass the rules' own tests: a name-like first word
        that is no stop word, no figure ('193bn', 'GMT'), and in a Title Case line only a
        name the body uses."""
        money = [(s.start, s.end) for s in doc.spans.get("money", [])]
        return [(e.start, e.end) for e in doc.ents
                if e.label_ in MODEL_LABELS and self._name_token(e[0]) and e[0].text not in self.stop
                and not any(s < e.end and e.start < t for s, t in money)
                and (not _in(headings, e.start_char) or e.text.lower() in known or self._known(e.text, known))]

    def _common(self, word: str, lowercase: set[str]) -> bool:
        """A common word ('Sales rose'): the text writes it in lower case, or it is frequent English."""
        return word in lowercase or word in self.common_words or bool(self.common_ending.search(word))

    def _in_headings(self, doc: Doc, text: str, headings: list[tuple[int, int]], names: set[str]) -> list[tuple[int, int]]:
        """Names of the body (or the aliases) found inside Title Case lines."""
        known = names | self.alias_names
        if not known or not headings:
            return []
        rx = re.compile(phrase_pattern(sorted(known)))
        found = []
        for start, end in headings:
            for m in rx.finditer(text, start, end):
                span = doc.char_span(m.start(), m.end())
                if span is not None:
                    found.append((span.start, span.end))
        return found

    def _known(self, name: str, names: set[str]) -> bool:
        """A name the text also uses mid-sentence, or one the aliases know."""
        return name.lower() in names or name.lower() in self.alias

    # ---------------------------------------------------------- canonical names
    def _canonical(self, names: list[str]) -> dict[str, str]:
        """Canonical name of each distinct name, given in order of first appearance: a short
        form takes the canonical of a longer name introduced before it."""
        canon: dict[str, str] = {}
        seen = set(names)
        for name in names:
            base = self.suffix.sub("", name) or name  # "Tesla Inc" is Tesla, "News Corp" stays
            if base.lower() in self.common_words and base not in seen:
                base = name
            if base.lower() in self.alias:
                canon[name] = self.alias[base.lower()]
                continue
            if name.lower() in self.common_names:  # "Crude oil" is crude oil
                canon[name] = self.common_names[name.lower()]
                continue
            same_case = next((n for n in canon if n.lower() == name.lower()), None)  # "EBay" is eBay
            if same_case is not None:
                canon[name] = canon[same_case]
                continue
            earlier = [n for n in canon if len(n) > len(name)]
            canon[name] = self._same_as(base, earlier, canon) or (canon.get(base) if base != name else None) or base
        return canon

    def _same_as(self, name: str, longer: list[str], canon: dict[str, str]) -> str | None:
        words = name.split()
        for other in longer:
            other_words = other.split()
            if other_words[:len(words)] == words:  # "Federated" of "Federated Department Stores"
                return canon[other]
            if len(words) == 1 and len(other_words) > 1 and other_words[-1] == name:  # "Mitch" of "Hurricane Mitch"
                return canon[other]
            if name.isupper() and 2 <= len(name) <= 5 and "".join(w[0] for w in other_words if w[0].isupper()) == name:
                return canon[other]  # "GM" of "General Motors"
        match = process.extractOne(name, longer, scorer=fuzz.ratio, processor=str.lower, score_cutoff=90)
        return canon[match[0]] if match else None


def _text_before(tok: Token, n: int) -> str:
    """The text of the n tokens before ``tok``, with their spacing."""
    return tok.doc[max(0, tok.i - n):tok.i].text_with_ws


def _starts_sentence(tok: Token) -> bool:
    """First word of its sentence or after a colon, an opening quote or bracket allowed before it."""
    if tok.is_sent_start or (tok.i > 0 and tok.nbor(-1).text == ":"):
        return True
    return tok.i > 0 and tok.nbor(-1).text in OPENERS and tok.nbor(-1).is_sent_start


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines, section headings): capitals there prove nothing."""
    found = []
    for start, end in layout.lines(text):
        words = [w for w in text[start:end].split() if w[0].isalpha()]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            found.append((start, end))
    return found


def _in(spans: list[tuple[int, int]], offset: int) -> bool:
    return layout.containing(spans, offset) is not None


def _merge(runs: list[tuple[int, int]], ents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Model entities first; rule runs that overlap none of them are kept."""
    kept = [r for r in runs if not any(s < r[1] and r[0] < e for s, e in ents)]
    return sorted(kept + ents)


@Language.factory("claims_entities")
def make_entities(nlp: Language, name: str) -> EntityFinder:
    return EntityFinder()
