"""Disjoint sets (union-find), for whatever one links: names of one entity, articles of one
story. Path halving on find; a union keeps the smaller root, so the same links give the same
roots in any order."""
from __future__ import annotations

from typing import Generic, Hashable, Iterable, TypeVar

K = TypeVar("K", bound=Hashable)


class DisjointSets(Generic[K]):
    def __init__(self, items: Iterable[K] = ()) -> None:
        self.parent: dict[K, K] = {k: k for k in items}

    def add(self, k: K) -> None:
        self.parent.setdefault(k, k)

    def __contains__(self, k: object) -> bool:
        return k in self.parent

    def __iter__(self):
        return iter(self.parent)

    def find(self, k: K) -> K:
        parent = self.parent
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # type: ignore[type-var]
