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
from bisect import bisect_left, bisect_right
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from .. import layout
from ..layout import Layout
from ..ruleset import entity_rules, subject_rules
from ..textmatch import alternation as _words
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of

Entity = dict
NOT_SUBJECTS = {"PERSON", "NORP", "LOC"}
MODIFIERS = {"GPE", "PRODUCT"}  # "US bank", "Oil giant BP": names that describe another
LIST_ITEM = re.compile(r"\w\s*,\s*$|\w\s+and\s+$|\w\s+or\s+$")


class SubjectFinder:
    def __init__(self) -> None:
        r = subject_rules()
        gap = rf"(?:[^\s,;]+\s+){{0,{r.descriptor_words}}}?"
        self.target = re.compile(rf"\b(?:{_words(r.target_cues)})\s+(?:the\s+|a\s+|its\s+|their\s+)?{gap}$", re.I)
        self.passive = re.compile(rf"\s*,?\s*(?:{_words(r.passive_target_cues)})\b", re.I)  # used with match(pos)
        self.counterparty = re.compile(rf"\b(?:{_words(r.counterparty_cues)})\s+(?:the\s+)?$", re.I)
        self.not_subject = re.compile(
            rf"\b(?:{_words(r.not_subject_after)})\s+(?:the\s+|a\s+|its\s+)?(?:(?!that\b|which\b|and\b|but\b)[a-z-]+\s+){{0,3}}$"
            rf"|\b(?:{_words(r.not_subject_right_after)})\s+(?:the\s+)?$", re.I)
        self.breaks = re.compile("|".join(f"(?:{b})" for b in r.clause_breaks))
        self.possessor_np = re.compile(rf"['’]s?\s+(?:(?!(?:{_words(r.possessor_breaks)})\b)[^\s,;]+\s+){{0,5}}$", re.I)
        self.speaker_types = set(r.speaker_types) | {None}
        self.target_noun = re.compile(rf"\s+(?:{_words(r.target_nouns)})\b", re.I)  # used with match(pos)
        self.post_target = re.compile(
            rf"^[^;]{{0,40}}?\b(?:{_words(r.post_target_cues)})\s+(?:the\s+|each\s+|every\s+|its\s+)?"
            rf"(?:[^\s;,]+\s+){{0,{r.descriptor_words}}}$", re.I)
        self.post_possessor = re.compile(r"^\s+of\s+(?:the\s+)?$", re.I)
        er = entity_rules()
        self.generic = re.compile(rf"^\W*(?:{_words(er.generic_references)})\b", re.I)
        self.generic_anywhere = re.compile(rf"\b(?:{_words(er.generic_references)})\b", re.I)
        self.org_noun = re.compile(rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:{_words(er.org_nouns)})\b")  # used with match(pos)

    def __call__(self, doc: Doc) -> Doc:
        money = doc._.money or []
        sources = [(a["source"]["start"], a["source"]["end"]) for a in doc._.attributions or [] if a.get("source")]
        entities = [e for e in doc._.entities or [] if e["label"] not in NOT_SUBJECTS
                    and not any(s <= e["start"] < t for s, t in sources)]
        starts = [e["start"] for e in entities]
        view = layout_of(doc)
        reports = Reports(doc)
        text = view.text
        doc._.main_entity = self._main_entity(text, entities, view.paragraphs)
        last: tuple[tuple[int, int] | None, int, Entity | None] = (None, -1, None)  # paragraph, sentence end, subject
        for rec in money:
            s_start, s_end = view.sentence(rec["start"])
            c_start, c_end = layout.clause(text, s_start, s_end, rec["start"], rec["end"], self.breaks)
            paragraph = view.paragraph(rec["start"])
            reporting = reports.innermost(rec, paragraph[0] if paragraph else 0)
            content = (reporting["content"]["start"], reporting["content"]["end"]) if reporting else None
            if content:  # "Munich Re said its exposure is...": the figure's clause is what was said
                c_start, c_end = max(c_start, content[0]), min(c_end, content[1])
            in_sentence = entities[bisect_left(starts, s_start):bisect_left(starts, s_end)]
            # the subject of the figure just before, when it sits in this sentence or the one before
            previous = last[2] if last[0] == paragraph and last[1] >= s_start - 3 else None
            target = (self._target(text, in_sentence, c_start, c_end, rec)
                      or self._post_target(text, in_sentence, c_end, rec))
            subject = (target
                       or self._possessor(text, in_sentence, c_start, rec)
                       or self._bullet(view, entities, starts, rec)
                       or self._clause_subject(text, in_sentence, c_start, c_end, s_start, rec, previous))
            if reporting and reporting.get("source") and self.generic.fullmatch(reporting["source"]["text"]):
                subject = subject or previous or self._main(doc)  # "which the company put at $640m"
            speaker = reports.speaker(reporting)
            if speaker and not any(c_start <= e["start"] < rec["start"] for e in in_sentence) and (
                    speaker[1] in self.speaker_types or self.generic_anywhere.search(text, content[0], rec["start"])):
                subject = speaker[0]  # "Meta projects $115bn", "Munich Re said its exposure..."
            subject = subject or previous or self._main(doc)
            other = self._counterparty(text, in_sentence, s_start, s_end, subject)
            if target is not None and subject is target:  # in a sale the buyer is the other party
                other = self._clause_subject(text, [e for e in in_sentence if e["canonical"] != target["canonical"]],
                                             c_start, c_end, s_start, rec, None) or other
            if subject and other and subject["label"] == "GOV" and other["label"] == "ORG":
                subject, other = other, subject  # "The SEC agreed a $375m deal with X": the figure is X's
            rec["subject"] = _entity(subject) if subject else None
            rec["counterparty"] = _entity(other) if other else None
            last = (paragraph, s_end, subject)
        return doc

    # ---------------------------------------------------------- rules, in order
    def _target(self, text: str, ents: list[Entity], c_start: int, c_end: int, rec: dict) -> Entity | None:
        for e in ents:
            if not c_start <= e["start"] < c_end:
                continue
            if self.target.search(text[max(c_start, e["start"] - 80):e["start"]]) and not self._is_gpe_modifier(text, e, ents):
                return _apposition(text, e, ents) or e
            if self.passive.match(text, e["end"]):
                return e
        return None

    def _post_target(self, text: str, ents: list[Entity], c_end: int, rec: dict) -> Entity | None:
        """'paid 260.75bn roubles for Yugansk', '$5.4bn Fox offer': the thing bought follows the amount."""
        after = [e for e in ents if rec["end"] <= e["start"] < c_end and not self._is_gpe_modifier(text, e, ents)]
        if not after:
            return None
        between = text[rec["end"]:after[0]["start"]]
        if self.post_target.match(between):
            return after[0]
        if self.post_possessor.match(between) and text[after[0]["end"]:after[0]["end"] + 2] in ("'s", "’s"):
            return after[0]  # "$6bn of May's debt"
        if not text[rec["end"]:after[0]["start"]].strip() and self.target_noun.match(text, after[0]["end"]):
            return after[0]
        return None

    def _possessor(self, text: str, ents: list[Entity], c_start: int, rec: dict) -> Entity | None:
        """'ByteDance's reported $55 billion order', 'Qantas's net profit of A$458m'."""
        before = [e for e in ents if c_start <= e["start"] and e["end"] <= rec["start"]]
        if before and self.possessor_np.fullmatch(text, before[-1]["end"], rec["start"]):
            return before[-1]
        return None

    def _bullet(self, view: Layout, ents: list[Entity], starts: list[int], rec: dict) -> Entity | None:
        """A bullet 'Label: figure' is about the label's item when the figure is a unit price,
        otherwise about the entity of the heading (ending in ':') the list sits under."""
        line = view.bullet_line(rec["start"])
        if line is None:
            return None
        label_end = view.text.find(":", line[0], rec["start"])
        label = [e for e in ents if line[0] <= e["start"] < (label_end if label_end > 0 else line[0])]
        if rec.get("per") and label:
            return label[-1]
        heading = view.bullet_heading(rec["start"])
        if heading and view.text[heading[0]:heading[1]].rstrip().endswith(":"):
            found = ents[bisect_left(starts, heading[0]):bisect_left(starts, heading[1])]
            if found:
                return found[0]
        return label[0] if label else None

    def _clause_subject(self, text: str, ents: list[Entity], c_start: int, c_end: int, s_start: int, rec: dict,
                        previous: Entity | None) -> Entity | None:
        clause_ents = [e for e in ents if c_start <= e["start"] < c_end]
        for scope in (clause_ents, ents):
            for e in scope:
                lead = text[max(c_start if e["start"] >= c_start else s_start, e["start"] - 40):e["start"]]
                if not self.not_subject.search(lead) and not self._is_gpe_modifier(text, e, ents) \
                        and not LIST_ITEM.search(lead):
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

    def _main_entity(self, text: str, ents: list[Entity], paragraphs: list[tuple[int, int]]) -> str | None:
        """The entity the article is about: most mentions in subject position (not after a
        preposition), the headline and the lead counting more."""
        head_end = paragraphs[0][1] if paragraphs else 0
        lead_end = paragraphs[min(2, len(paragraphs) - 1)][1] if paragraphs else 0
        score: Counter[str] = Counter()
        for e in ents:
            lead = text[max(0, e["start"] - 40):e["start"]]
            if self.not_subject.search(lead) or self._is_gpe_modifier(text, e, ents) or LIST_ITEM.search(lead):
                continue
            weight = 3.0 if e["start"] < head_end else 1.5 if e["start"] < lead_end else 1.0
            weight *= 2.0 if text[e["end"]:e["end"] + 2] in ("'s", "’s") else 1.0  # the owner of something
            score[e["canonical"]] += weight * (0.5 if e["label"] == "GOV" else 1.0)  # regulators act on others
        return score.most_common(1)[0][0] if score else None

    def _main(self, doc: Doc) -> Entity | None:
        main = doc._.main_entity
        return next((e for e in doc._.entities or [] if e["canonical"] == main), None)

    # ---------------------------------------------------------- helpers
    def _is_gpe_modifier(self, text: str, e: Entity, ents: list[Entity]) -> bool:
        """'US phone firm MCI', 'Oil giant BP': a country or product describing a company is not the subject."""
        if e["label"] not in MODIFIERS:
            return False
        return bool(self.org_noun.match(text, e["end"]))


def _apposition(text: str, e: Entity, ents: list[Entity]) -> Entity | None:
    """"sold Yukos' main production arm, Yugansk,": the name in apposition is the thing sold."""
    if not re.match(r"['’]s?\s", text[e["end"]:e["end"] + 3]):
        return None
    later = [o for o in ents if 0 < o["start"] - e["end"] <= 50]
    if later and re.fullmatch(r"['’]s?[\sa-z-]*,\s*", text[e["end"]:later[0]["start"]]):
        return later[0]
    return None


class Reports:
    """The attributions of a document, found by the figure their content holds."""

    def __init__(self, doc: Doc) -> None:
        self.holders = sorted((a for a in doc._.attributions or [] if a.get("content")),
                              key=lambda a: a["content"]["start"])
        self.starts = [a["content"]["start"] for a in self.holders]
        self.entities = doc._.entities or []
        self.entity_starts = [e["start"] for e in self.entities]

    def innermost(self, rec: dict, floor: int) -> dict | None:
        """The innermost attribution whose content (starting at or after ``floor``) holds the figure."""
        candidates = self.holders[bisect_left(self.starts, floor):bisect_right(self.starts, rec["start"])]
        holding = [a for a in candidates if rec["end"] <= a["content"]["end"]]
        return min(holding, key=lambda a: a["content"]["end"] - a["content"]["start"], default=None)

    def speaker(self, a: dict | None) -> tuple[Entity, str | None] | None:
        """The named source of an attribution, with its source type."""
        src = a.get("source") if a else None
        if not src:
            return None
        inside = self.entities[bisect_left(self.entity_starts, src["start"]):bisect_left(self.entity_starts, src["end"])]
        named = [e for e in inside if e["label"] not in MODIFIERS | NOT_SUBJECTS]
        return (named[0], a.get("source_type")) if named else None  # "Oil giant BP": the describing "Oil" is skipped


def _entity(e: Entity) -> dict:
    return {"name": e["text"], "canonical": e["canonical"], "label": e["label"]}


@Language.factory("claims_subjects")
def make_subjects(nlp: Language, name: str) -> SubjectFinder:
    return SubjectFinder()
