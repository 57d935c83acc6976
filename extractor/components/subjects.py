"""``claims_subjects``: the entity each figure is about, and the other party.

For each amount, in order: the thing bought or sold when the clause is a sale ("buy rival
May Department Stores for $11bn"), the possessor ("Qantas's net profit"), the subject of
the clause, a generic reference ("the company", "it") resolved to the entity the paragraph
or article is about, the entity of the heading a bullet sits under; otherwise the subject
of the previous figure of the paragraph or the article's main entity. The counterparty is
the name after "from", "to", "by", "with" or "pay" in the clause. Sets ``rec["subject"]``
and ``rec["counterparty"]`` ({name, canonical, label}).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc

from .. import layout
from ..ruleset import load
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .entities import entity_rules

Entity = dict
BULLET = re.compile(r"^\s*(?:[•\-*–]|\d+[.)])\s*")


class SubjectRules(BaseModel):
    target_cues: list[str]
    passive_target_cues: list[str]
    descriptor_words: int
    counterparty_cues: list[str]
    not_subject_after: list[str]
    clause_breaks: list[str]
    person_titles: list[str]


@lru_cache(maxsize=1)
def subject_rules() -> SubjectRules:
    return load("subjects.json", SubjectRules)


def _words(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


class SubjectFinder:
    def __init__(self) -> None:
        r = subject_rules()
        gap = rf"(?:[\w'-]+\s+){{0,{r.descriptor_words}}}?"
        self.target = re.compile(rf"\b(?:{_words(r.target_cues)})\s+(?:the\s+|a\s+|its\s+|their\s+)?{gap}$", re.I)
        self.passive = re.compile(rf"^\s*,?\s*(?:{_words(r.passive_target_cues)})\b", re.I)
        self.counterparty = re.compile(rf"\b(?:{_words(r.counterparty_cues)})\s+(?:the\s+)?$", re.I)
        self.not_subject = re.compile(rf"\b(?:{_words(r.not_subject_after)})\s+(?:the\s+|a\s+)?[\w\s-]{{0,30}}$", re.I)
        self.breaks = re.compile("|".join(re.escape(b) for b in r.clause_breaks))
        self.person = re.compile(rf"\b(?:{_words(r.person_titles)})\.?\s+$")
        self.generic = re.compile(rf"^\W*(?:{_words(entity_rules().generic_references)})\b", re.I)

    def __call__(self, doc: Doc) -> Doc:
        money = doc._.money or []
        sources = [(a["source"]["start"], a["source"]["end"]) for a in doc._.attributions or [] if a.get("source")]
        entities = [e for e in doc._.entities or [] if not self._is_person(doc.text, e)
                    and not any(s <= e["start"] < t for s, t in sources)]
        starts = [e["start"] for e in entities]
        paragraphs = layout.paragraphs(doc.text)
        previous: dict[tuple[int, int] | None, Entity] = {}
        for rec in money:
            sent = doc.char_span(rec["start"], rec["end"], alignment_mode="expand")
            s_start, s_end = (sent[0].sent.start_char, sent[0].sent.end_char) if sent else (rec["start"], rec["end"])
            c_start, c_end = self._clause(doc.text, s_start, s_end, rec["start"], rec["end"])
            in_sentence = entities[bisect_left(starts, s_start):bisect_left(starts, s_end)]
            paragraph = layout.containing(paragraphs, rec["start"])
            subject = (self._target(doc.text, in_sentence, c_start, c_end, rec)
                       or self._possessor(doc.text, in_sentence, c_start, rec)
                       or self._bullet(doc, entities, starts, s_start, rec)
                       or self._clause_subject(doc.text, in_sentence, c_start, c_end, s_start, rec, previous.get(paragraph))
                       or previous.get(paragraph)
                       or self._main(doc))
            rec["subject"] = _entity(subject) if subject else None
            other = self._counterparty(doc.text, in_sentence, s_start, s_end, subject)
            rec["counterparty"] = _entity(other) if other else None
            if subject:
                previous[paragraph] = subject
        return doc

    # ---------------------------------------------------------- rules, in order
    def _target(self, text: str, ents: list[Entity], c_start: int, c_end: int, rec: dict) -> Entity | None:
        for e in ents:
            if not c_start <= e["start"] < c_end:
                continue
            if self.target.search(text[max(c_start, e["start"] - 80):e["start"]]) and not self._is_gpe_modifier(text, e, ents):
                return e
            if self.passive.match(text, e["end"]):
                return e
        return None

    def _possessor(self, text: str, ents: list[Entity], c_start: int, rec: dict) -> Entity | None:
        before = [e for e in ents if c_start <= e["start"] and e["end"] <= rec["start"]
                  and text[e["end"]:e["end"] + 2] in ("'s", "’s")]
        return before[-1] if before and rec["start"] - before[-1]["end"] < 60 else None

    def _bullet(self, doc: Doc, ents: list[Entity], starts: list[int], s_start: int, rec: dict) -> Entity | None:
        """A bullet 'Label: figure' is about the label's item when the figure is a unit price,
        otherwise about the entity of the heading the list sits under."""
        line = layout.containing(layout.lines(doc.text), rec["start"])
        if line is None or not BULLET.match(doc.text[line[0]:line[1]]):
            return None
        label_end = doc.text.find(":", line[0], rec["start"])
        label = [e for e in ents if line[0] <= e["start"] < (label_end if label_end > 0 else line[0])]
        if rec.get("per") and label:
            return label[-1]
        heading = self._heading_entity(doc.text, ents, starts, line[0])
        return heading or (label[0] if label else None)

    def _heading_entity(self, text: str, ents: list[Entity], starts: list[int], before: int) -> Entity | None:
        for start, end in reversed(layout.lines(text[:before])):
            line = text[start:end].strip()
            if line and not BULLET.match(text[start:end]):
                if not line.endswith(":"):
                    return None
                found = ents[bisect_left(starts, start):bisect_left(starts, end)]
                return found[0] if found else None
        return None

    def _clause_subject(self, text: str, ents: list[Entity], c_start: int, c_end: int, s_start: int, rec: dict,
                        previous: Entity | None) -> Entity | None:
        clause_ents = [e for e in ents if c_start <= e["start"] < c_end]
        for scope in (clause_ents, ents):
            for e in scope:
                lead = text[max(s_start, e["start"] - 40):e["start"]]
                if not self.not_subject.search(lead) and not self._is_gpe_modifier(text, e, ents):
                    if self.generic.match(text[c_start:e["start"]]) and previous:
                        return previous
                    return e
        if self.generic.match(text[c_start:rec["start"]]) or self.generic.match(text[s_start:rec["start"]]):
            return previous or None
        return None

    def _counterparty(self, text: str, ents: list[Entity], s_start: int, s_end: int, subject: Entity | None) -> Entity | None:
        for e in ents:
            if subject and e["canonical"] == subject["canonical"]:
                continue
            if self.counterparty.search(text[max(s_start, e["start"] - 20):e["start"]]):
                return e
        return None

    def _main(self, doc: Doc) -> Entity | None:
        main = doc._.main_entity
        return next((e for e in doc._.entities or [] if e["canonical"] == main), None)

    # ---------------------------------------------------------- helpers
    def _clause(self, text: str, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int]:
        c_start, c_end = s_start, s_end
        for m in self.breaks.finditer(text, s_start, s_end):
            if m.end() <= start:
                c_start = m.end()
            elif m.start() >= end and m.start() < c_end:
                c_end = m.start()
        return c_start, c_end

    def _is_person(self, text: str, e: Entity) -> bool:
        return e["label"] == "PERSON" or bool(self.person.search(text[max(0, e["start"] - 25):e["start"]]))

    @staticmethod
    def _is_gpe_modifier(text: str, e: Entity, ents: list[Entity]) -> bool:
        """'US phone firm MCI': a country naming another name's nationality is not the subject."""
        if e["label"] != "GPE":
            return False
        later = [o for o in ents if 0 < o["start"] - e["end"] <= 30]
        return bool(later) and text[e["end"]:later[0]["start"]].strip().replace(" ", "").isalpha() \
            and text[e["end"]:later[0]["start"]].strip().islower()


def _entity(e: Entity) -> dict:
    return {"name": e["text"], "canonical": e["canonical"], "label": e["label"]}


@Language.factory("claims_subjects")
def make_subjects(nlp: Language, name: str) -> SubjectFinder:
    return SubjectFinder()
