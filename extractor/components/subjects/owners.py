"""Owners of brands and companies (rules/subjects.json ``ownership``): "TikTok owner
ByteDance", "ByteDance, TikTok's parent company", "Group Menatep, which controls 51% of
Yukos", "Yukos unit Yugansk". A name that only says what another owns is no subject ("TikTok" there), and a
description of the owner ("the TikTok owner", "Yukos's parent", "the majority owner of
Yukos") stands for the owner the document names elsewhere; a description of an owned unit
("Yukos unit fetches $9bn", "Fiat's car arm") stands for the one unit the document says the
owner has.

The links are learnt in one pass over neighbouring names (a bounded gap between them), the
descriptions are found in one pass over the text; both are linear in the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ...ruleset.subjects import SubjectRules
from ...textmatch import alternation
from ..extensions import EntityMention


class Owners:
    def __init__(self, subject_rules: SubjectRules) -> None:
        rules = subject_rules.ownership
        self.gap = subject_rules.limits.owner_link_chars
        nouns = alternation(rules.nouns)
        units = alternation(subject_rules.reference_kinds["unit"])

        def pattern(regex: str) -> re.Pattern[str]:
            return re.compile(regex.replace("{noun}", nouns).replace("{unit}", units))

        self.links = [(pattern(link.between), pattern(link.after) if link.after else None, link.owner)
                      for link in rules.links]
        self.any_link = re.compile("|".join(f"(?:{between.pattern})" for between, _, _ in self.links))  # one test first
        # used with match(pos): "TikTok owner", "TikTok's Chinese parent company"
        self.noun_after = re.compile(rf"(?:['’]s?\s+(?:[\w-]+\s+){{0,2}}?|\s+)(?:{nouns})\b", re.IGNORECASE)
        self.unit_after = re.compile(rf"(?:['’]s?\s+(?:[\w-]+\s+){{0,2}}?|\s+)(?:{units})\b", re.IGNORECASE)
        self.noun_of = re.compile(rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\s+of\s+(?:[\w-]+\s+){{0,4}}$")
        self.name_right_after = re.compile(r",?\s+(?:the\s+)?$")

    def apply(self, text: str, names: list[EntityMention]) -> tuple[list[EntityMention], dict[str, EntityMention]]:
        """The names of a document with the owned names that only describe an owner taken
        out, and each description of an owner added as a mention of that owner; and the
        owner of each owned canonical name."""
        owner_of = self.learn(text, names)
        first: dict[str, EntityMention] = {}
        for e in names:
            first.setdefault(e["canonical"], e)
        units_of: dict[str, list[EntityMention]] = {}
        for owned, owner in owner_of.items():
            units_of.setdefault(owner["canonical"], []).append(first[owned])
        out: list[EntityMention] = []
        for i, e in enumerate(names):
            nxt = names[i + 1] if i + 1 < len(names) else None
            unit = self.unit_after.match(text, e["end"])
            owned = units_of.get(e["canonical"], [])
            if unit and len(owned) == 1 and not (nxt and self.name_right_after.fullmatch(text, unit.end(), nxt["start"])):
                out.append(_as(owned[0], text, e["start"], unit.end()))  # "Yukos unit fetches $9bn": the unit
                continue
            m = self.noun_after.match(text, e["end"])
            if m is None:
                owner = owner_of.get(e["canonical"])
                before = self.noun_of.search(text, max(0, e["start"] - self.gap), e["start"]) if owner else None
                if before and owner["canonical"] != e["canonical"]:  # "the majority owner of Yukos"
                    out.append(_as(owner, text, before.start(), e["end"]))
                else:
                    out.append(e)
                continue
            if nxt and self.name_right_after.fullmatch(text, m.end(), nxt["start"]):
                continue  # "TikTok owner ByteDance": TikTok only describes ByteDance
            owner = owner_of.get(e["canonical"])
            if owner and owner["canonical"] != e["canonical"]:  # "the TikTok owner", "Yukos's parent"
                out.append(_as(owner, text, e["start"], m.end()))
            else:
                out.append(e)
        return out, owner_of

    def learn(self, text: str, names: list[EntityMention], among: set[int] | None = None) -> dict[str, EntityMention]:
        """Owned canonical name -> its owner, from each pair of neighbouring names (one of
        them starting at an offset of ``among``, when given)."""
        owner_of: dict[str, EntityMention] = {}
        starts = [e["start"] for e in names]
        for i, a in enumerate(names):
            for b in names[i + 1:bisect_left(starts, a["end"] + self.gap)][:2]:
                if among is not None and a["start"] not in among and b["start"] not in among:
                    continue
                if not self.any_link.fullmatch(text, a["end"], b["start"]):
                    continue
                for between, after, owner in self.links:
                    if between.fullmatch(text, a["end"], b["start"]) and (after is None or after.match(text, b["end"])):
                        owned, by = (b, a) if owner == "first" else (a, b)
                        if owned["canonical"] != by["canonical"]:
                            owner_of.setdefault(owned["canonical"], by)
                        break
        return owner_of


def _as(owner: EntityMention, text: str, start: int, end: int) -> EntityMention:
    return {"text": text[start:end], "canonical": owner["canonical"], "label": owner["label"], "start": start, "end": end}
