"""Lists of names ("Microsoft, Alphabet, Amazon and Meta", "Hexal and Eon Labs"): one
figure for a list of companies is their combined figure, named like the gold convention
("Microsoft, Alphabet, Amazon and Meta combined"), and a group that acts jointly ("US big
tech groups, which have collectively invested $300bn") stands for the list the document
names near it.

The lists of a document are found in one pass over its names, in order.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field

from ...names import is_short_form_of, looks_like_acronym
from ..extensions import EntityMention

# between two items: a comma, 'and', '&', perhaps after a ticker in brackets ("Alphabet (GOOG), ")
GAP = re.compile(r"(?:\s*\([^()]{0,20}\))*\s*(?:,\s*(?P<last>and\s+|&\s+)?|(?P<only>and\s+|&\s+))")
ITEM_LABELS = {"ORG"}


@dataclass
class NameList:
    items: list[EntityMention]
    short: Mapping[str, str] = field(default_factory=dict)  # canonical -> the short form the text writes

    @property
    def start(self) -> int:
        return self.items[0]["start"]

    @property
    def end(self) -> int:
        return self.items[-1]["end"]

    def combined(self, suffix: str = " combined") -> EntityMention:
        """The items as one name, each by the short form the text gives it ('Federated and May
        combined' for 'Federated Department Stores and May Department Stores')."""
        return {"text": joined(self.items), "canonical": joined(self.items, self.short) + suffix, "label": "ORG",
                "start": self.start, "end": self.end}


def joined(items: list[EntityMention], short: Mapping[str, str] | None = None) -> str:
    """'A, B and C' of the distinct canonical names (or their short forms), in order."""
    canon = [(short or {}).get(c, c) for c in dict.fromkeys(n["canonical"] for n in items)]
    return ", ".join(canon[:-1]) + " and " + canon[-1] if len(canon) > 1 else canon[0]


def short_forms(names: list[EntityMention]) -> dict[str, str]:
    """Canonical -> the shortest other form the text writes for it that is a short form of it
    ('Tokiwa' for 'Tokiwa Fire & General'; never an acronym)."""
    found: dict[str, str] = {}
    for e in names:
        text, canon = e["text"], e["canonical"]
        if text != canon and not looks_like_acronym(text) and is_short_form_of(text, canon) \
                and len(text) < len(found.get(canon, canon)):
            found[canon] = text
    return found


def name_lists(text: str, names: list[EntityMention], short: Mapping[str, str] | None = None) -> list[NameList]:
    """The lists of two names or more of the document, in text order (``names`` in order): the
    last item joined by 'and' or 'or' ('Acme, Beta and Gamma'); names joined by commas alone are
    no list ('offers $3bn for Acme, Ledger reports')."""
    found: list[NameList] = []
    run: list[EntityMention] = []
    closed = False  # an item after 'and' ends the list
    for e in names:
        if e["label"] not in ITEM_LABELS:
            continue
        gap = GAP.fullmatch(text, run[-1]["end"], e["start"]) if run and not closed else None
        if gap and e["canonical"] != run[-1]["canonical"]:
            run.append(e)
            closed = bool(gap.group("last") or gap.group("only"))
            continue
        if len(run) > 1 and closed:
            found.append(NameList(run, short or {}))
        closed = False
        run = [e]
    if len(run) > 1 and closed:
        found.append(NameList(run, short or {}))
    return found


class Lists:
    """The lists of one document, looked up by position."""

    def __init__(self, text: str, names: list[EntityMention]) -> None:
        self.lists = name_lists(text, names, short_forms(names))
        self.starts = [nl.start for nl in self.lists]

    def holding(self, e: EntityMention) -> NameList | None:
        """The list ``e`` is an item of."""
        i = bisect_left(self.starts, e["start"] + 1) - 1
        if i >= 0 and self.lists[i].start <= e["start"] < self.lists[i].end:
            return self.lists[i]
        return None

    def nearest(self, pos: int, reach: int, least: int) -> NameList | None:
        """The list of ``least`` names or more nearest to ``pos``, within ``reach`` characters."""
        i = bisect_left(self.starts, pos)
        near = [nl for nl in self.lists[max(0, i - 2):i + 2] if len(nl.items) >= least
                and min(abs(nl.start - pos), abs(nl.end - pos)) <= reach]
        return min(near, key=lambda nl: min(abs(nl.start - pos), abs(nl.end - pos)), default=None)
