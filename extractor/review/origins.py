"""Where each story's figures come from, decided as the reconcile layer decides it
(``extractor.provenance`` over each story's claims: citations, shared figures, dates), with
what each relay changed; and how many articles carry each origin of a fact."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..models import Claim, Fact, Reconciliation
from .model import Provenance, Story


def provenance_of(stories: Iterable[Story], claims: Iterable[Claim], result: Reconciliation) -> Provenance:
    """Each article's origin and every origin's relay tree, story by story (an origin of
    one story is not merged with a namesake of another)."""
    from ..provenance import Provenance as Found, articles_of, provenance, with_changes

    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc_id].append(claim)
    documents: list[dict] = []
    trees: list[dict] = []
    for story in stories:
        found = provenance(articles_of(c for d in story.doc_ids for c in by_doc.get(d, [])))
        documents += found.documents
        trees += found.origins
    return Provenance.model_validate(with_changes(Found(documents, trees), result).as_json())


@dataclass(frozen=True)
class Carried:
    """One origin of a fact: the articles whose figures of the fact come from it (the first
    is the one the others relay), and whether it counts as an independent origin (it states
    a figure that agrees)."""

    origin: str
    documents: tuple[str, ...]
    independent: bool

    @property
    def relays(self) -> int:
        return len(self.documents) - 1


def carried(fact: Fact, roots: dict[str, str]) -> list[Carried]:
    """The fact's origins (its mentions' origins, as reconcile counts them), most articles
    first; ``roots``: each origin's root article, placed first when it states the fact."""
    docs: dict[str, list[str]] = defaultdict(list)
    for mention in fact.mentions:
        if mention.doc_id not in docs[mention.origin]:
            docs[mention.origin].append(mention.doc_id)
    independent = set(fact.origins)
    out = []
    for origin, held in docs.items():
        root = roots.get(origin)
        if root in held:
            held = [root, *(d for d in held if d != root)]
        out.append(Carried(origin, tuple(held), origin in independent))
    return sorted(out, key=lambda c: (not c.independent, -len(c.documents), c.origin))
