"""Entities linked across documents: the names one entity goes by in different articles.

Each article gives its entities a canonical name of its own; across articles the same entity
may be "Yugansk" and "Yuganskneftegas", "Verizon" and "Verizon Communications", "LSE" and
"London Stock Exchange", "Bytedance" and "ByteDance". Names are linked (union-find) when
they normalise to the same words (case, possessives, punctuation, corporate suffixes and the
drop words of rules/reconcile.json), when rules/entities.json lists one as an alias of the
other, when one is the acronym of the other, when a one-word organisation name starts the
other (or truncates its first word), or when their spellings are close (rapidfuzz). Every
comparison is made within a block (the name's first letters, its initials), so linking
costs about linear time in the number of names.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz

from .groups import DisjointSets
from .models import Entity
from .ruleset import entity_rules, reconcile_rules

WORD = re.compile(r"[^\W_]+(?:[&'’.-][^\W_]+)*")
NOT_ORGANISATIONS = ("GPE", "PERSON", "LOC", "NORP")
BLOCK = 3  # letters of a name's first word that pick the names it is compared with


def words(name: str) -> list[str]:
    """The content words of a name, lower case, without possessives and suffixes."""
    rules = reconcile_rules().subjects
    text = re.sub(r"['’]s\b|s['’](?=\s|$)", "", name.lower()).replace(".", "")
    return [w for w in WORD.findall(text) if w not in rules.drop_words and w not in _suffixes()]


def _suffixes() -> set[str]:
    return {s.lower().rstrip(".").replace(".", "") for s in entity_rules().corporate_suffixes}


def key(name: str) -> str:
    """The name's normal form: its content words in order."""
    rules = reconcile_rules()
    return _key(name, id(rules))


@lru_cache(maxsize=1 << 16)
def _key(name: str, rules: int) -> str:  # rules: the rule set it was computed under
    return " ".join(words(name)) or name.strip().lower()


def initials(name: str) -> list[str]:
    """The acronyms a name may go by, with and without its corporate words ('KMC', 'KM')."""
    found = []
    for parts in (WORD.findall(name.lower()), words(name)):
        parts = [w for w in parts if w not in ("of", "and", "for", "de", "the")]
        if len(parts) > 1:
            found.append("".join(w[0] for w in parts))
    return list(dict.fromkeys(found))


class Linker:
    """Clusters of names for one entity; each cluster is shown by its most used name."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.sets: DisjointSets[str] = DisjointSets()
        counts: Counter[str] = Counter()
        labels: dict[str, str | None] = {}
        self.surface: dict[str, set[str]] = defaultdict(set)  # key -> names as written
        for entity in entities:
            for name in {entity.canonical, entity.name}:
                k = key(name)
                self.sets.add(k)
                self.surface[k].add(name)
                labels.setdefault(k, entity.label)
            counts[entity.canonical] += 1
        self._link_aliases()
        self._link_blocks(labels)
        groups: dict[str, list[str]] = defaultdict(list)
        for name, _ in counts.most_common():
            groups[self.find(key(name))].append(name)
        self.display = {root: names[0] for root, names in groups.items()}
        self.by_words: dict[str, str] = {}  # every known spelling, normalised -> cluster root
        for k in self.sets:
            for name in self.surface[k] | {k}:
                self.by_words.setdefault(" ".join(WORD.findall(name.lower())), self.find(k))
        self.longest = max((len(n.split()) for n in self.by_words), default=1)

    def find(self, k: str) -> str:
        return self.sets.find(k)

    def union(self, a: str, b: str) -> None:
        self.sets.union(a, b)

    # ---------------------------------------------------------------- evidence
    def _link_aliases(self) -> None:
        for canonical, aliases in entity_rules().aliases.items():
            known = [k for k in map(key, [canonical, *aliases]) if k in self.sets]
            for k in known[1:]:
                self.union(known[0], k)

    def _link_blocks(self, labels: dict[str, str | None]) -> None:
        blocks: dict[str, list[str]] = defaultdict(list)
        short: dict[str, list[str]] = defaultdict(list)  # one-word names by themselves (acronyms)
        for k in self.sets:
            blocks[k[:BLOCK]].append(k)
            if " " not in k:
                short[k].append(k)
        threshold = reconcile_rules().subjects.threshold
        for block in blocks.values():
            for i, a in enumerate(block):
                for b in block[i + 1:]:
                    if self._alike(a, b, labels, threshold):
                        self.union(a, b)
        for k in list(self.sets):
            for name in self.surface[k]:
                for acronym in initials(name):
                    for other in short.get(acronym, []):
                        self.union(k, other)

    @staticmethod
    def _alike(a: str, b: str, labels: dict[str, str | None], threshold: float) -> bool:
        """One name starts the other (organisations), or the spellings are close."""
        if fuzz.ratio(a, b) >= threshold:
            return True
        if labels.get(a) in NOT_ORGANISATIONS or labels.get(b) in NOT_ORGANISATIONS:
            return False
        one, other = sorted((a, b), key=len)
        if " " in one or len(one) < 4:
            return False
        first = other.split()[0]
        return first == one or (len(one) >= 5 and first.startswith(one) and len(one) >= 0.4 * len(first))

    # ---------------------------------------------------------------- queries
    def cluster(self, name: str | None) -> str | None:
        """The display name of the entity ``name`` belongs to."""
        if not name:
            return None
        k = key(name)
        return self.display.get(self.find(k), name) if k in self.sets else name

    def mentioned(self, text: str) -> set[str]:
        """The entities (display names) whose names occur in ``text``, word by word."""
        written = WORD.findall(text)
        tokens = [t.lower() for t in written]
        found = set()
        for i in range(len(tokens)):
            for n in range(1, self.longest + 1):
                root = self.by_words.get(" ".join(tokens[i:i + n]))
                short = n == 1 and len(written[i]) <= 3 and not written[i].isupper()  # 'us' is not 'US'
                if root is not None and not short:
                    found.add(self.display.get(root, root))
        return found
