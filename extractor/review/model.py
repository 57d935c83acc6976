"""What the review page is made of, before any HTML: articles (their text, or only their
claims' sentences), stories, and where each article's figures come from.

Plain records: nothing here imports spaCy or matplotlib.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

from pydantic import BaseModel, ConfigDict, Field

from ..groups import DisjointSets
from ..models import Claim, DocumentInfo, Reconciliation


@dataclass(frozen=True)
class Article:
    """An article as the page shows it; ``text`` is None when only its claims are known
    (claims JSONL, a database whose article files are gone)."""

    doc_id: str
    text: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None

    @classmethod
    def of(cls, info: DocumentInfo, text: str | None) -> Article:
        return cls(info.doc_id, text, info.title, info.url, info.publisher, info.published)


@dataclass(frozen=True)
class Highlight:
    """One claim's place in the text the page shows."""

    start: int
    end: int
    claim: str


@dataclass(frozen=True)
class Layout:
    """The text of an article view and where each claim stands in it; ``complete`` is
    False when the text is only the claims' sentences."""

    text: str
    highlights: list[Highlight]
    complete: bool


def layout(article: Article, claims: list[Claim]) -> Layout:
    """The article's text with its claims, when every claim stands where its offsets say;
    else the claims' sentences, one paragraph each, in document order."""
    text = article.text
    if text is not None and all(text[c.start:c.end] == c.mention for c in claims):
        return Layout(text, [Highlight(c.start, c.end, c.id) for c in claims], True)
    parts: list[str] = []
    highlights: list[Highlight] = []
    offset = 0
    by_sentence: dict[str, list[Claim]] = {}
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        by_sentence.setdefault(claim.sentence or claim.mention, []).append(claim)
    for sentence, members in by_sentence.items():
        cursor = 0
        for claim in members:
            at = sentence.find(claim.mention, cursor)
            if at < 0:  # a sentence that does not hold the mention as written: show the mention after it
                sentence += " " + claim.mention
                at = len(sentence) - len(claim.mention)
            highlights.append(Highlight(offset + at, offset + at + len(claim.mention), claim.id))
            cursor = at + len(claim.mention)
        parts.append(sentence)
        offset += len(sentence) + 2
    return Layout("\n\n".join(parts), highlights, False)


@dataclass(frozen=True)
class Story:
    """Articles about one thing: the page shows their facts, findings and texts together."""

    id: str
    title: str
    doc_ids: tuple[str, ...]


def stories_of(articles: Iterable[Article], result: Reconciliation, claims: Iterable[Claim]) -> list[Story]:
    """The stories of the reconcile layer (``extractor.stories``: articles sharing an entity
    or a figure within a time window), joined further where a fact or a finding of
    ``result`` spans two of them (a reconciliation computed elsewhere); an article without
    claims is a story of its own. Articles in input order."""
    from ..stories import stories_of as grouped

    claims = list(claims)
    titles = {a.doc_id: a.title for a in articles}
    order = list(dict.fromkeys([*titles, *(c.doc_id for c in claims)]))
    sets = DisjointSets(order)

    doc_of = {c.id: c.doc_id for c in claims}
    for group in [list(dict.fromkeys(c.doc_id for c in story)) for story in grouped(claims)] + \
            [fact.documents for fact in result.facts] + [[doc_of[c] for c in f.claims if c in doc_of]
                                                              for f in result.findings]:
        for doc in group[1:]:
            sets.union(group[0], doc)
    members: dict[str, list[str]] = {}
    for doc in order:
        members.setdefault(sets.find(doc), []).append(doc)
    subjects = _subjects(result)
    return [Story(f"s{i}", _title(docs, subjects, titles), tuple(docs)) for i, docs in enumerate(members.values(), 1)]


def _subjects(result: Reconciliation) -> dict[str, Counter[str]]:
    """For each article, how many mentions its facts' subjects have there."""
    counts: dict[str, Counter[str]] = {}
    for fact in result.facts:
        for mention in fact.mentions:
            if fact.subject:
                counts.setdefault(mention.doc_id, Counter())[fact.subject] += 1
    return counts


def _title(docs: list[str], subjects: Mapping[str, Counter[str]], titles: Mapping[str, str | None]) -> str:
    """An article's title (else its id); for several articles, the subject most mentioned
    in their facts and how many they are."""
    first = titles.get(docs[0]) or docs[0]
    if len(docs) == 1:
        return first
    total: Counter[str] = Counter()
    for doc in docs:
        total.update(subjects.get(doc, {}))
    return f"{total.most_common(1)[0][0] if total else first} ({len(docs)} articles)"


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ProvenanceDocument(_Loose):
    doc_id: str
    origin: str | None = None


class RelayChange(_Loose):
    """A figure a relay writes where the other articles say otherwise."""

    check: str
    fact: str
    writes: str
    where: str


class Relay(_Loose):
    doc_id: str
    relays: str = Field(alias="from", description="the article it is most tied to")
    changes: list[RelayChange] = []


class RelayTree(_Loose):
    """One origin: the articles that carry it, the earliest (root) and each relay."""

    origin: str
    documents: list[str]
    root: str
    relays: list[Relay] = []
    root_changes: list[RelayChange] = []


class Provenance(_Loose):
    """The part of ``claims provenance --format json`` the page shows: each article's
    origin (the report its figures come from) and the relay tree of each origin."""

    documents: list[ProvenanceDocument]
    origins_: list[RelayTree] = Field([], alias="origins")

    def origins(self) -> dict[str, str]:
        return {d.doc_id: d.origin for d in self.documents if d.origin}

    @property
    def trees(self) -> list[RelayTree]:
        """The relay trees; for a file without them, one per origin of its documents (the
        first document its root, the others relaying it), most documents first."""
        if self.origins_:
            return self.origins_
        docs: dict[str, list[str]] = {}
        for d in self.documents:
            docs.setdefault(d.origin or d.doc_id, []).append(d.doc_id)
        trees = [RelayTree(origin=origin, documents=held, root=held[0],
                           relays=[Relay.model_validate({"doc_id": d, "from": held[0]}) for d in held[1:]])
                 for origin, held in docs.items()]
        return sorted(trees, key=lambda t: -len(t.documents))
