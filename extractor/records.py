"""Turn a processed spaCy Doc into claim records (the output contract in models.py). The
component modules (and spaCy with them) are imported when a Doc is converted: the batch
runner names these functions without loading the pipeline."""
from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from .models import Amount, AttributionRecord, Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc

CLAIM_FIELDS = ("subject", "counterparty", "metric", "period", "attribution", "hedges", "confidence", "factors", "change",
                "decided_by")
AMOUNT_FIELDS = ("value", "low", "high", "currency", "currency_text", "currency_note", "currency_by", "qualifier",
                 "scale_text", "per")


def claim_id(doc_id: str, start: int, end: int, amount: Amount) -> str:
    """Stable id: the same document, span and normalised amount give the same id."""
    key = "|".join(map(str, (doc_id, start, end, amount.currency, amount.value, amount.low, amount.high, amount.qualifier)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def claims_of(doc: Doc, doc_id: str) -> list[Claim]:
    """One claim record per money record of a processed Doc."""
    from .components.extensions import MONEY_KEYS
    from .components.view import layout_of

    claims: list[Claim] = []
    view, published = layout_of(doc), doc._.published
    sentences: dict[tuple[int, int], str] = {}  # each sentence's text, cut once and shared by its claims
    for rec in doc._.money or []:
        unknown = rec.keys() - MONEY_KEYS
        if unknown:
            raise KeyError(f"money record keys not declared in components/extensions.py: {sorted(unknown)}")
        s_start, s_end = bounds = view.sentence(rec["start"])
        if bounds not in sentences:
            sentences[bounds] = view.text[s_start:s_end].strip()
        amount = Amount(**{k: rec[k] for k in AMOUNT_FIELDS})
        claims.append(Claim(
            id=claim_id(doc_id, rec["start"], rec["end"], amount),
            doc_id=doc_id, mention=rec["mention"], start=rec["start"], end=rec["end"],
            sentence=sentences[bounds], amount=amount, rule=rec["rule"], published=published,
            **{k: rec[k] for k in CLAIM_FIELDS if rec.get(k) is not None},
        ))
    for claim, rec in zip(claims, doc._.money or []):
        if rec["equivalent_of"] is not None:
            claim.equivalent_of = claims[rec["equivalent_of"]].id
    return claims


def attributions_of(doc: Doc, doc_id: str) -> list[AttributionRecord]:
    """Every attribution of the document, money or not."""
    fields = AttributionRecord.model_fields
    return [AttributionRecord(doc_id=doc_id, **{k: v for k, v in a.items() if k in fields})
            for a in doc._.attributions or []]
