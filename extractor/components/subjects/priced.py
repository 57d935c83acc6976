"""Things a price is of (rules/subjects.json ``priced_things``): a market figure whose clause
opens with its price names what it is the price of, when no name does ("The price of 3.2mm
solar glass fell to 18 yuan", "Diesel prices rose to $4.12 a gallon", "newbuild prices for
large LNG carriers eased to $248m"). The thing is the words after 'of'/'for', or before
'prices', up to a verb or a preposition; a share or stock price is no thing of its own.
"""
from __future__ import annotations

import re

from ...ruleset.subjects import SubjectRules
from ...textmatch import alternation
from ..extensions import EntityMention

WORD = re.compile(r"[A-Za-z0-9][\w.'’-]*")


class PricedThings:
    def __init__(self, rules: SubjectRules) -> None:
        p = rules.priced_things
        self.enabled = bool(p.nouns)
        nouns, links = alternation(p.nouns), alternation(p.links)
        self.noun = re.compile(rf"\b(?i:{nouns})\b")  # "Diesel prices", "the price"
        self.link = re.compile(rf"\s+(?:{links})\s+")  # used with match(noun end): "of ", "for "
        self.stops = {w.lower() for w in p.stop_words}
        self.dropped = {w.lower() for w in p.dropped_modifiers}
        self.not_things = {w.lower() for w in p.not_things}
        self.words = p.max_words
        self.reach = 30 * (p.max_words + 1)  # characters after the clause's start in which the noun may stand
        self.openers = {w.lower() for w in p.openers}

    def find(self, text: str, start: int, end: int) -> EntityMention | None:
        """The thing whose price opens ``text[start:end]`` (a figure's clause up to the figure)."""
        lead = self._lead(text, start, end) if self.enabled else None
        m = self.noun.search(text, lead, min(end, lead + self.reach)) if lead is not None else None
        if m is None:
            return None
        before = list(WORD.finditer(text, lead, m.start()))
        if len(before) > self.words or "," in text[lead:m.start()] or any(self._stop(w.group(0)) for w in before):
            return None
        link = self.link.match(text, m.end())
        words = self._thing_after(text, link.end(), end) if link else before
        return self._mention([w for w in words if w.group(0).lower() not in self.dropped])

    def _stop(self, word: str) -> bool:
        """A word no thing priced holds: a verb or preposition, a possessive ('Acme's'), a share."""
        low = word.lower()
        return low in self.stops or low in self.not_things or low.endswith(("'s", "’s"))

    def _lead(self, text: str, start: int, end: int) -> int | None:
        """Where the clause's words start (after spaces, quotes and an opening phrase like 'In Europe,')."""
        i = self._word_start(text, start, end)
        first = WORD.match(text, i)
        comma = text.find(",", i, min(end, i + 30))
        if comma != -1 and first and first.group(0).lower() in self.openers:  # "In Europe, benchmark gas prices"
            i = self._word_start(text, comma + 1, end)
        return i if i < end else None

    @staticmethod
    def _word_start(text: str, i: int, end: int) -> int:
        """The first letter or digit from ``i`` within a few characters (``end`` when none)."""
        limit = min(end, i + 8)
        while i < limit and not text[i].isalnum():
            i += 1
        return i if i < limit else end

    def _thing_after(self, text: str, pos: int, end: int) -> list[re.Match[str]]:
        words = []
        for w in WORD.finditer(text, pos, end):
            if self._stop(w.group(0)) or len(words) == self.words or text[pos:w.start()].strip():
                break
            words.append(w)
            pos = w.end()
        return words

    @staticmethod
    def _mention(words: list[re.Match[str]]) -> EntityMention | None:
        if not words:
            return None
        start, end = words[0].start(), words[-1].end()
        name = " ".join(w.group(0) for w in words)
        return {"text": name, "canonical": name, "label": "PRODUCT", "start": start, "end": end}
