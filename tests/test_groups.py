"""extractor.groups: the one union-find of the project."""
from __future__ import annotations

from extractor.groups import DisjointSets


def test_links_join_sets_and_the_roots_do_not_depend_on_the_order_of_the_links():
    links = [("kestrel", "orlen"), ("tarvik", "norvik"), ("orlen", "tarvik"), ("birch", "harlow")]
    roots = []
    for order in (links, links[::-1]):
        sets = DisjointSets(["orlen", "kestrel", "norvik", "tarvik", "birch", "harlow", "quint"])
        for a, b in order:
            sets.union(a, b)
        roots.append({k: sets.find(k) for k in sets})
    assert roots[0] == roots[1]
    found = roots[0]
    assert found["kestrel"] == found["norvik"] == found["tarvik"] == found["orlen"] != found["birch"]
    assert found["birch"] == found["harlow"] and found["quint"] == "quint"
