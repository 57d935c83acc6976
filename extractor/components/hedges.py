"""``claims_hedges``: the words that qualify each claim ("reportedly", "potential",
"conditional", "preliminary", "expected", "plans", "could"...), from ``rules/hedges.json``,
in the figure's sentence up to a few words after it and, for a bullet, its heading. Sets
``rec["hedges"]`` (labels)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..ruleset import hedge_rules
from ..textmatch import phrases
from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .view import layout_of


class HedgeFinder:
    def __init__(self, rules_dir: str | None = None) -> None:
        rules = hedge_rules(rules_dir)
        self.labels = {p.lower(): label for label, ps in rules.hedges.items() for p in ps}
        self.pattern = phrases(self.labels)
        # a try of the pattern at a place reads at most this many characters from it
        self.reach = max(map(len, self.labels), default=0) + 1
        self.after = re.compile(rf"\W*(?:\w+\W+){{0,{rules.words_after}}}")

    def __call__(self, doc: Doc) -> Doc:
        view = layout_of(doc)
        text = view.text
        sentences: dict[int, tuple[list[int], list[int], list[tuple[str, ...]]]] = {}
        headings: dict[tuple[int, int], tuple[str, ...]] = {}
        for rec in doc._.money or []:
            s_start, s_end = view.sentence(rec["start"])
            near = self.after.match(text, rec["end"], s_end)  # a few words after the figure
            found = self._before(text, s_start, s_end, near.end() if near else rec["end"], sentences)
            heading = view.bullet_heading(rec["start"])
            if heading:
                if heading not in headings:
                    headings[heading] = self._labels(self.pattern.finditer(text, *heading))
                found += tuple(label for label in headings[heading] if label not in found)
            rec["hedges"] = list(found)
        return doc

    def _before(self, text: str, s_start: int, s_end: int, end: int,
                sentences: dict[int, tuple[list[int], list[int], list[tuple[str, ...]]]]) -> tuple[str, ...]:
        """The labels of ``finditer(text, s_start, end)``, in order. The matches of the whole
        sentence are found once: those that start more than the pattern's reach before
        ``end`` are the same as the shorter scan finds, so only the rest is scanned again."""
        if s_start not in sentences:
            starts, ends, labels_upto = [], [], [()]
            for m in self.pattern.finditer(text, s_start, s_end):
                starts.append(m.start())
                ends.append(m.end())
                label = self.labels[m.group(0).lower()]
                upto = labels_upto[-1]
                labels_upto.append(upto if label in upto else (*upto, label))
            sentences[s_start] = starts, ends, labels_upto
        starts, ends, labels_upto = sentences[s_start]
        kept = bisect_left(starts, end - self.reach)
        found = labels_upto[kept]
        tail = self._labels(self.pattern.finditer(text, max(ends[kept - 1] if kept else s_start, end - self.reach), end))
        return found + tuple(label for label in tail if label not in found)

    def _labels(self, matches: Iterator[re.Match[str]]) -> tuple[str, ...]:
        """The labels of the matches, each once, in order."""
        return tuple(dict.fromkeys(self.labels[m.group(0).lower()] for m in matches))


@Language.factory("claims_hedges", assigns=["doc._.money"], requires=["doc._.money", "token.is_sent_start"],
                  default_config={"rules": None})
def make_hedges(nlp: Language, name: str, rules: str | None) -> HedgeFinder:
    return HedgeFinder(rules)
