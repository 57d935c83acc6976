"""Group articles into stories before reconciling them: articles that share an entity
(its names linked across articles) within a time window are one story.

Figures tie articles too (the same amount in the same currency: relays whose subjects were
read differently). An entity or figure that more than ``max_docs_per_entity`` articles
name ("US"), or a figure that more than ``max_docs_per_figure`` state ("$1bn"), defines
no story; an article's date is its published date. Each entity links its articles in date order, each to the next one within
``window_days`` (articles with no date link to their neighbours in input order), so the
cost grows with the number of entity mentions, close to linearly.
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from typing import Iterable

from .groups import DisjointSets
from .linking import Linker
from .models import Claim
from .ruleset import reconcile_rules


def _day(claims: list[Claim]) -> date | None:
    """The article's published date (the years its figures report on say nothing of when
    it was written)."""
    published = next((c.published for c in claims if c.published), None)
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _keys(claims: list[Claim], linker: Linker) -> Iterable[object]:
    """What ties an article to others: the entities its figures are about or its sentences
    name, and its figures themselves (currency and value)."""
    for c in claims:
        for e in (c.subject, c.counterparty):
            if e:
                yield linker.cluster(e.canonical)
        yield from linker.mentioned(c.sentence)
        a = c.amount
        value = a.value if a.value is not None else a.low
        if a.currency and value and math.isfinite(value):
            yield (a.currency, float(f"{value:.3g}"))


def stories_of(claims: Iterable[Claim]) -> list[list[Claim]]:
    """The claims in stories, each story's claims in input order, stories in order of first claim."""
    claims = list(claims)
    rules = reconcile_rules().stories
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc_id].append(c)
    docs = list(by_doc)
    sets = DisjointSets(docs)

    linker = Linker(e for c in claims for e in (c.subject, c.counterparty) if e)
    holders: dict[object, list[str]] = defaultdict(list)
    for doc, members in by_doc.items():
        for key in dict.fromkeys(_keys(members, linker)):
            holders[key].append(doc)
    days = {doc: _day(members) for doc, members in by_doc.items()}
    order = {doc: n for n, doc in enumerate(docs)}
    for key, held in holders.items():
        if len(held) > (rules.max_docs_per_figure if isinstance(key, tuple) else rules.max_docs_per_entity):
            continue
        ranked = sorted(held, key=lambda d: (days[d] or date.max, order[d]))
        for a, b in zip(ranked, ranked[1:]):
            da, db = days[a], days[b]
            if da is None or db is None or (db - da).days <= rules.window_days:
                sets.union(a, b)
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        groups.setdefault(sets.find(c.doc_id), []).append(c)
    return list(groups.values())
