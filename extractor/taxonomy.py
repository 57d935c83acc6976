"""The metric taxonomy of rules/metrics.json: which labels name the same quantity
(synonyms: the sale price is the acquisition price), which are kinds of others (parents:
capex is a kind of spending), and which are parts of others (part_of)."""
from __future__ import annotations

from typing import Literal

from .ruleset import Metric, metric_rules

Fit = Literal["same", "related"]


class Taxonomy:
    def __init__(self, metrics: list[Metric]) -> None:
        self.metrics = {m.label: m for m in metrics}
        order = {m.label: n for n, m in enumerate(metrics)}
        self.group: dict[str, str] = {m.label: m.label for m in metrics}  # label -> first label of its synonyms
        for m in metrics:
            for other in m.synonyms:
                a, b = self.canonical(m.label), self.canonical(other)
                first, second = sorted((a, b), key=order.__getitem__)
                for label, root in self.group.items():
                    if root == second:
                        self.group[label] = first
        self._ancestors: dict[str, frozenset[str]] = {}
        self._by_counterparty = {self.canonical(m.label) for m in metrics if m.by_counterparty}

    def canonical(self, label: str) -> str:
        return self.group.get(label, label)

    def ancestors(self, label: str) -> frozenset[str]:
        """The label's synonym group and every broader group, as canonical labels."""
        root = self.canonical(label)
        if root not in self._ancestors:
            self._ancestors[root] = frozenset()  # guards the recursion (the rules have no cycles)
            members = [m for name, m in self.metrics.items() if self.canonical(name) == root]
            found = {root}
            for m in members:
                for parent in m.parents:
                    found |= self.ancestors(parent)
            self._ancestors[root] = frozenset(found)
        return self._ancestors[root]

    def fit(self, a: str, b: str, broad: bool = True) -> Fit | None:
        """'same' for one quantity, 'related' when one is a kind of the other or one is a
        generic word (spending, cost, investment) for an amount (unless not ``broad``), else None."""
        if self.canonical(a) == self.canonical(b):
            return "same"
        if self.canonical(b) in self.ancestors(a) or self.canonical(a) in self.ancestors(b):
            return "related"
        if not broad:
            return None
        loose = (self.generic(a) or self.generic(b)) and self.kind(a) == self.kind(b) == "level"
        return "related" if loose else None  # a broad word (spending, cost) may name any amount

    def narrower(self, a: str, b: str) -> str:
        """Of two fitting labels, the more specific one (the one with more ancestors)."""
        return a if len(self.ancestors(a)) >= len(self.ancestors(b)) else b

    def kind(self, label: str | None) -> str | None:
        m = self.metrics.get(label or "")
        return m.kind if m else None

    def generic(self, label: str | None) -> bool:
        m = self.metrics.get(label or "")
        return bool(m and m.generic)

    def by_counterparty(self, label: str | None) -> bool:
        return bool(label) and self.canonical(label or "") in self._by_counterparty

    def is_part_of(self, part: str | None, whole: str | None) -> bool:
        m = self.metrics.get(part or "")
        return bool(m and whole and any(self.canonical(w) == self.canonical(whole) for w in m.part_of))


_BUILT: dict[int, tuple[object, Taxonomy]] = {}


def taxonomy(directory: str | None = None) -> Taxonomy:
    """The taxonomy of the loaded metric rules (rebuilt when the rules are reloaded)."""
    rules = metric_rules(directory)
    held = _BUILT.get(id(rules))
    if held is None or held[0] is not rules:
        held = _BUILT[id(rules)] = (rules, Taxonomy(rules.metrics))
    return held[1]
