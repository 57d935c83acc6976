"""Where each article's figures came from: its origin (the report it relays), how that was
decided, and the relay tree of each origin (which articles carry it and what each changed).

Evidence, combined and recorded per article:
- attribution chains: the named media an article cites ("according to the Financial
  Times"); anonymous and generic sources ("people familiar", "reports") name no origin;
- near-duplicate passages between articles: word shingles compared with MinHash and found
  with locality-sensitive hashing (datasketch), so pairs are found without comparing all;
- the same figures: the share of an article's figures (weighted by how rare each is) that
  another states too, and whether they come in the same order;
- published dates: the earliest article of an origin is the root of its relay tree.
An article takes the origin it cites, else the one its near-duplicates and figure-sharing
neighbours carry (a vote weighted by similarity, repeated until it settles); an origin that
only one article cites and whose figures another origin's articles all carry is a relay of
that origin. An article with none of this is its own origin.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from difflib import SequenceMatcher
from typing import Iterable

from datasketch import MinHash, MinHashLSH

from .linking import Linker
from .models import AttributionRecord, Claim, Entity, Reconciliation
from .ruleset import reconcile_rules
from .wording import money

WORD = re.compile(r"\w+")
Figure = tuple[str, float]  # currency and value at three significant figures


@dataclass
class Article:
    doc_id: str
    text: str = ""
    published: str | None = None
    claims: list[Claim] = field(default_factory=list)
    cited: Counter[str] = field(default_factory=Counter)

    @property
    def figures(self) -> list[Figure]:
        out = []
        for c in self.claims:
            a = c.amount
            value = a.value if a.value is not None else a.low if a.low is not None else a.high
            if a.currency and value and a.qualifier != "vague" and math.isfinite(value):
                out.append((a.currency, float(f"{value:.3g}")))
        return out


def articles_of(claims: Iterable[Claim], texts: dict[str, str] | None = None,
                attributions: Iterable[AttributionRecord] = (), published: dict[str, str | None] | None = None
                ) -> list[Article]:
    """Articles with their claims, cited media (attribution records, else the claims'
    chains) and dates, in order of first appearance."""
    by_doc: dict[str, Article] = {}
    texts, published = texts or {}, published or {}
    for doc_id in texts:
        by_doc[doc_id] = Article(doc_id, texts[doc_id], published.get(doc_id))
    for c in claims:
        art = by_doc.setdefault(c.doc_id, Article(c.doc_id, texts.get(c.doc_id, ""), published.get(c.doc_id)))
        art.claims.append(c)
        art.published = art.published or c.published
    cited_by_records: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for r in attributions:
        cited_by_records[r.doc_id].append((r.name or (r.source.text if r.source else ""), r.source_type))
    for art in by_doc.values():
        sources = cited_by_records.get(art.doc_id) or [
            (hop.source, hop.type) for c in art.claims for hop in c.attribution.chain]
        for name, kind in sources:
            for part in re.split(r"\s+and\s+|\s*,\s*", name or ""):
                if kind == "media" and _named(part):
                    art.cited[part.strip()] += 1
    return list(by_doc.values())


def _named(name: str) -> bool:
    """A proper name of a report or outlet, not a generic one ('reports', 'sources')."""
    generic = set(reconcile_rules().provenance.generic_sources)
    words = WORD.findall(name)
    return bool(words) and any(w[0].isupper() for w in words) and not any(w.lower() in generic for w in words)


# ------------------------------------------------------------------ similarity
def _shingles(text: str, size: int) -> set[bytes]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(max(len(words) - size + 1, 0))}


@lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """The LSH bands and rows for a threshold: datasketch finds them by numerical
    integration, which costs more than indexing a small story; found once per process."""
    probe = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return probe.b, probe.r


def passage_pairs(articles: list[Article]) -> dict[tuple[int, int], float]:
    """Pairs of articles sharing near-duplicate passages, with their estimated Jaccard
    similarity of word shingles (MinHash LSH)."""
    r = reconcile_rules().provenance
    lsh = MinHashLSH(num_perm=r.num_perm, params=_bands(r.passage_threshold, r.num_perm))
    hashes = []
    for n, art in enumerate(articles):
        shingles = _shingles(art.text, r.shingle_words)
        m = MinHash(num_perm=r.num_perm)
        m.update_batch(list(shingles))
        hashes.append(m if shingles else None)
        if shingles:
            lsh.insert(str(n), m)
    pairs = {}
    for n, m in enumerate(hashes):
        if m is None:
            continue
        for key in lsh.query(m):
            other = int(key)
            if other != n:
                pairs[min(n, other), max(n, other)] = m.jaccard(hashes[other])
    return pairs


def figure_pairs(articles: list[Article]) -> dict[tuple[int, int], tuple[float, list[Figure]]]:
    """Pairs of articles stating the same figures: the rarity-weighted share of the smaller
    set that both state, times how much of their order they keep."""
    r = reconcile_rules().provenance
    sets = [list(dict.fromkeys(a.figures)) for a in articles]
    holders: dict[Figure, list[int]] = defaultdict(list)
    for n, figures in enumerate(sets):
        for f in figures:
            holders[f].append(n)
    idf = {f: math.log(1 + len(articles) / len(docs)) for f, docs in holders.items()}
    shared: dict[tuple[int, int], list[Figure]] = defaultdict(list)
    for f, docs in holders.items():
        if len(docs) > r.max_holders:
            continue  # a figure every article states tells nothing of who relays whom
        for i, a in enumerate(docs):
            for b in docs[i + 1:]:
                shared[a, b].append(f)
    pairs = {}
    rarity = [sum(idf[f] for f in figures) for figures in sets]
    for (a, b), common in shared.items():
        if len(common) < r.min_shared_figures:
            continue
        weight = sum(idf[f] for f in common)
        smaller = min(rarity[a], rarity[b])
        both = set(common)
        order = SequenceMatcher(None, [f for f in sets[a] if f in both], [f for f in sets[b] if f in both]).ratio()
        pairs[a, b] = (weight / smaller * (0.5 + 0.5 * order), common)
    return pairs


# ------------------------------------------------------------------ origins
@dataclass
class Provenance:
    documents: list[dict]
    origins: list[dict]

    def origin_of(self) -> dict[str, str]:
        return {d["doc_id"]: d["origin"] for d in self.documents}

    def as_json(self) -> dict:
        return {"documents": self.documents, "origins": self.origins}


def provenance(articles: list[Article]) -> Provenance:
    """Each article's origin, how it was decided, and the relay tree of every origin."""
    r = reconcile_rules().provenance
    linker = Linker(Entity(name=n, canonical=n) for a in articles for n in a.cited)
    cited = [Counter({linker.cluster(n) or n: k for n, k in a.cited.items()}) for a in articles]
    edges: dict[int, list[tuple[int, float, dict]]] = defaultdict(list)
    for (a, b), sim in passage_pairs(articles).items():
        evidence = {"kind": "passages", "similarity": round(sim, 3)}
        edges[a].append((b, sim, {**evidence, "doc_id": articles[b].doc_id}))
        edges[b].append((a, sim, {**evidence, "doc_id": articles[a].doc_id}))
    for (a, b), (sim, common) in figure_pairs(articles).items():
        if sim < r.min_figure_similarity:
            continue
        evidence = {"kind": "figures", "similarity": round(sim, 3), "shared": common}
        edges[a].append((b, sim, {**evidence, "doc_id": articles[b].doc_id}))
        edges[b].append((a, sim, {**evidence, "doc_id": articles[a].doc_id}))
    labels: list[str | None] = [c.most_common(1)[0][0] if c else None for c in cited]
    for _ in range(r.rounds):
        changed = False
        for n in range(len(articles)):
            votes: Counter[str] = Counter({k: v * r.citation_weight for k, v in cited[n].items()})
            for other, sim, _ in edges[n]:
                if labels[other]:
                    votes[labels[other]] += sim
            best = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0] if votes else None
            if best != labels[n]:
                labels[n], changed = best, True
        if not changed:
            break
    labels = _relays_of_origins(articles, labels, cited, edges)
    documents = []
    for n, art in enumerate(articles):
        origin = labels[n] or art.doc_id
        if cited[n].get(origin):
            how = "cites"
        elif labels[n]:
            how = "neighbours"
        else:
            how = "own"
        evidence = [{"kind": "cites", "source": s, "count": k} for s, k in cited[n].most_common()]
        evidence += [_written(e) for e in sorted((e for _, _, e in edges[n]), key=lambda e: -e["similarity"])[:r.evidence_items]]
        if art.published:
            evidence.append({"kind": "published", "date": art.published})
        documents.append({"doc_id": art.doc_id, "origin": origin, "decided_by": how, "published": art.published,
                          "evidence": evidence})
    return Provenance(documents, _trees(articles, documents, edges))


def _written(evidence: dict) -> dict:
    """An evidence item as shown: shared figures written out."""
    if evidence["kind"] != "figures":
        return evidence
    return {**evidence, "shared": [money(v, c) for c, v in evidence["shared"]]}


def _relays_of_origins(articles: list[Article], labels: list[str | None], cited: list[Counter[str]],
                       edges: dict[int, list[tuple[int, float, dict]]]) -> list[str | None]:
    """An origin cited by a single article, whose article is tied to another origin's
    articles more than to anything else, is that origin relayed (a report of a report)."""
    members: dict[str, list[int]] = defaultdict(list)
    for n, label in enumerate(labels):
        if label:
            members[label].append(n)
    threshold = reconcile_rules().provenance.relay_similarity
    for label, docs in list(members.items()):
        if len(docs) != 1:
            continue
        n = docs[0]
        ties: Counter[str] = Counter()
        for other, sim, _ in edges[n]:
            if labels[other] and labels[other] != label:
                ties[labels[other]] += sim
        if ties:
            best, weight = ties.most_common(1)[0]
            if weight >= threshold and len(members[best]) > 1:
                labels[n] = best
    return labels


def _trees(articles: list[Article], documents: list[dict], edges: dict[int, list[tuple[int, float, dict]]]) -> list[dict]:
    """For each origin: its articles, the root (earliest published, else the one most tied to
    the others) and each relay's parent (the article of the origin it is most tied to)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for n, d in enumerate(documents):
        groups[d["origin"]].append(n)
    trees = []
    for origin, members in groups.items():
        inside = set(members)
        tie = {n: sum(s for o, s, _ in edges[n] if o in inside) for n in members}
        root = min(members, key=lambda n: (articles[n].published or "9999", -tie[n], n))
        relays = []
        for n in members:
            if n == root:
                continue
            near = max(((o, s) for o, s, _ in edges[n] if o in inside), key=lambda x: x[1], default=(root, 0.0))
            relays.append({"doc_id": articles[n].doc_id, "from": articles[near[0]].doc_id, "changes": []})
        trees.append({"origin": origin, "documents": [articles[n].doc_id for n in members],
                      "root": articles[root].doc_id, "relays": relays})
    return sorted(trees, key=lambda t: -len(t["documents"]))


def with_changes(prov: Provenance, result: Reconciliation) -> Provenance:
    """Each relay's changes: the figures it writes where the other articles of the story say
    otherwise (magnitude slips and value conflicts of the reconciliation)."""
    changes: dict[str, list[dict]] = defaultdict(list)
    for f in result.findings:
        if f.check not in ("magnitude_slip", "value_conflict") or len(f.values) < 2:
            continue
        pairs = [(f.values[0], f.values[1])] if f.check == "magnitude_slip" else \
            [(f.values[0], f.values[1]), (f.values[1], f.values[0])]
        for mine, other in pairs:
            change = {"check": f.check, "fact": " · ".join(x or "?" for x in (f.subject, f.metric, f.period)),
                      "writes": mine.mention, "where": f"{other.mention} ({other.doc_id})"}
            if change not in changes[mine.doc_id]:
                changes[mine.doc_id].append(change)
    for tree in prov.origins:
        for relay in tree["relays"]:
            relay["changes"] = changes.get(relay["doc_id"], [])
        tree["root_changes"] = changes.get(tree["root"], [])
    return prov
