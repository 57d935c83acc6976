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
from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..ruleset import common_words, entity_rules
from ..textmatch import alternation, phrase_pattern, phrases
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of

MODEL_LABELS = {"ORG", "GPE", "PERSON", "NORP", "PRODUCT", "FAC", "LOC"}
NAME_TOKEN = re.compile(r"[A-Za-z][\w&.'-]*")
OPENERS = {'"', "“", "‘", "'", "("}


class Tokens:
    """The tokens of a Doc as plain lists, read once (a spaCy Token per lookup is slow)."""

    def __init__(self, doc: Doc, text: str) -> None:
        rows = doc.to_array([IDX, LENGTH, SENT_START]).reshape(-1, 3)
        self.text = text
        self.start: list[int] = rows[:, 0].tolist()
        self.end: list[int] = (rows[:, 0] + rows[:, 1]).tolist()
        self.sent_start: list[bool] = (rows[:, 2] == 1).tolist()  # Token.is_sent_start
        self.words = [text[s:e] for s, e in zip(self.start, self.end)]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        return self.text[self.start[start]:self.end[end - 1]]

    def text_before(self, i: int, n: int) -> str:
        """The text of the n tokens before token i, with their spacing."""
        return self.text[self.start[max(0, i - n)]:self.start[i]]

    def starts_sentence(self, i: int) -> bool:
        """First word of its sentence or after a colon, an opening quote or bracket allowed before it."""
        if self.sent_start[i] or (i > 0 and self.words[i - 1] == ":"):
            return True
        return i > 0 and self.words[i - 1] in OPENERS and self.sent_start[i - 1]


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
        self.longest_title = max(map(len, rules.person_titles)) + 1  # with its full stop
        self.months = set(rules.month_words)
        self.suffix = re.compile(rf"(?:,?\s+(?:{alternation(rules.corporate_suffixes)}))+$")
        self.common_words = set(common_words().words)
        self.common_ending = re.compile(r"(?:" + "|".join(rules.common_word_endings) + r")$")
        self.date_before = re.compile(r"\b(?:in|on|since|by|last|next|of|from|until|early|late|mid|this|that)\s+$", re.I)

    def __call__(self, doc: Doc) -> Doc:
        view = layout_of(doc)
        text = view.text
        tokens = Tokens(doc, text)
        words = set(tokens.words)
        lowercase = set(filter(str.islower, words))  # Token.lower_ of each is the word itself
        headings = _title_case_lines(text, view.lines)
        body = [(s, e) for s, e in self._runs(tokens, {w for w in words - lowercase if _name_like(w)})
                if not _in(headings, tokens.start[s])]
        mid_sentence = {tokens.span_text(s, e).lower() for s, e in body if not tokens.starts_sentence(s)}
        mid_sentence |= {tokens.words[e - 1].lower() for s, e in body if e - s > 1}  # "Mitch" of "Hurricane Mitch"
        runs = [(s, e) for s, e in body
                if self._known(tokens.span_text(s, e), mid_sentence) or (
                    e - s > 1 or not tokens.starts_sentence(s) or not tokens.words[s].istitle()
                    or not self._common(tokens.words[s].lower(), lowercase))]
        runs = _merge(runs, self._in_headings(doc, text, headings, {tokens.span_text(s, e) for s, e in runs}))
        if doc.has_annotation("ENT_IOB"):
            runs = _merge(runs, self._model_names(doc, tokens, headings,
                                                  {tokens.span_text(s, e).lower() for s, e in runs}))
        common = [(sp.start, sp.end) for m in self.common.finditer(text)
                  if (sp := doc.char_span(m.start(), m.end())) is not None]
        runs = _merge(runs, common)
        names = [tokens.span_text(s, e) for s, e in runs]
        canon = self._canonical(list(dict.fromkeys(names)))
        entities = [{"text": name, "canonical": canon[name],
                     "label": self._label(text, name, tokens.start[s], canon[name]),
                     "start": tokens.start[s], "end": tokens.end[e - 1]} for (s, e), name in zip(runs, names)]
        persons = {e["canonical"] for e in entities if e["label"] == "PERSON"}
        for ent in entities:  # one mention with a title makes every mention a person
            if ent["canonical"] in persons:
                ent["label"] = "PERSON"
        doc.spans["entities"] = [Span(doc, s, e, label=ent["label"]) for (s, e), ent in zip(runs, entities)]
        doc._.entities = entities
        return doc

    def _label(self, text: str, name: str, start: int, canonical: str) -> str:
        """Label of the name written at ``start``."""
        if name.lower() in self.common_names:
            return "PRODUCT"
        if name in self.demonyms:
            return "NORP"
        before = text[max(0, start - 30):start]  # a title there ends where its trailing spaces begin
        if self.title.search(before, len(before.rstrip()) - self.longest_title):
            return "PERSON"
        return self.labels.get(canonical) or "ORG"

    # ---------------------------------------------------------- candidate runs
    def _runs(self, tokens: Tokens, name_like: set[str]) -> list[tuple[int, int]]:
        """Runs of name tokens; only a ``name_like`` word can be one."""
        words, runs, end = tokens.words, [], 0
        for i in [i for i, w in enumerate(words) if w in name_like]:
            if i < end or not self._name_token(tokens, i):
                continue
            j = i + 1
            while j < len(words):
                if words[j] in name_like and self._name_token(tokens, j, inside=True):
                    j += 1
                elif (words[j] in self.connectors and j + 1 < len(words) and words[j + 1] in name_like
                      and self._name_token(tokens, j + 1, inside=True) and words[j + 1] not in self.stop):
                    j += 2
                else:
                    break
            runs.append((i, j))
            end = j
        return runs

    def _name_token(self, tokens: Tokens, i: int, inside: bool = False) -> bool:
        """Token i can be (``inside``: continue) a name; its word is known to be ``_name_like``."""
        text = tokens.words[i]
        if text in self.months and not inside and i + 1 < len(tokens.words):
            following = tokens.words[i + 1]
            named = following in ("'s", "’s") or (following[:1].isupper() and following not in self.stop)
            return named and not self.date_before.search(tokens.text_before(i, 3))
        if text in self.stop:
            return (inside and text[0].isupper() and not tokens.starts_sentence(i) and len(text) > 2
                    and text.istitle())
        return True

    def _model_names(self, doc: Doc, tokens: Tokens, headings: list[tuple[int, int]],
                     known: set[str]) -> list[tuple[int, int]]:
        """The model's named entities that pass the rules' own tests: a name-like first word
        that is no stop word, no figure ('193bn', 'GMT'), and in a Title Case line only a
        name the body uses."""
        money = [(s.start, s.end) for s in doc.spans.get("money", [])]
        return [(e.start, e.end) for e in doc.ents
                if e.label_ in MODEL_LABELS and _name_like(tokens.words[e.start])
                and self._name_token(tokens, e.start) and tokens.words[e.start] not in self.stop
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
        spelling: dict[str, str] = {}  # a name in lower case: its first spelling
        words = {name: name.split() for name in names}
        seen = set(names)
        for name in names:
            lower = name.lower()
            base = self.suffix.sub("", name) or name  # "Tesla Inc" is Tesla, "News Corp" stays
            if base.lower() in self.common_words and base not in seen:
                base = name
            if base.lower() in self.alias:
                canon[name] = self.alias[base.lower()]
            elif lower in self.common_names:  # "Crude oil" is crude oil
                canon[name] = self.common_names[lower]
            elif lower in spelling:  # "EBay" is eBay
                canon[name] = canon[spelling[lower]]
            else:
                size = len(name)
                earlier = [n for n in canon if len(n) > size]
                canon[name] = (self._same_as(base, earlier, canon, words)
                               or (canon.get(base) if base != name else None) or base)
            spelling.setdefault(lower, name)
        return canon

    def _same_as(self, name: str, longer: list[str], canon: dict[str, str], words: dict[str, list[str]]) -> str | None:
        """The canonical of a ``longer`` name that ``name`` is short for; ``words`` splits them."""
        own = name.split()
        acronym = name.isupper() and 2 <= len(name) <= 5
        for other in longer:
            other_words = words[other]
            if other_words[:len(own)] == own:  # "Federated" of "Federated Department Stores"
                return canon[other]
            if len(own) == 1 and len(other_words) > 1 and other_words[-1] == name:  # "Mitch" of "Hurricane Mitch"
                return canon[other]
            if acronym and "".join(w[0] for w in other_words if w[0].isupper()) == name:
                return canon[other]  # "GM" of "General Motors"
        match = process.extractOne(name, longer, scorer=fuzz.ratio, processor=str.lower, score_cutoff=90)
        return canon[match[0]] if match else None


@lru_cache(maxsize=1 << 16)
def _name_like(word: str) -> bool:
    """A word that can be part of a name: letters first, a capital somewhere."""
    return bool(NAME_TOKEN.fullmatch(word)) and any(c.isupper() for c in word)


def _title_case_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines, section headings): capitals there prove nothing."""
    found = []
    for start, end in lines:
        words = [w for w in text[start:end].split() if w[0].isalpha()]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            found.append((start, end))
    return found


def _in(spans: list[tuple[int, int]], offset: int) -> bool:
    """``offset`` is inside one of ``spans`` (a few lines, which do not overlap)."""
    return any(start <= offset <= end for start, end in spans)


def _merge(runs: list[tuple[int, int]], ents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Model entities first; rule runs (in order) that overlap none of them are kept."""
    if not ents:
        return runs
    kept = [r for r in runs if not any(s < r[1] and r[0] < e for s, e in ents)]
    return sorted(kept + ents)


@Language.factory("claims_entities")
def make_entities(nlp: Language, name: str) -> EntityFinder:
    return EntityFinder()
