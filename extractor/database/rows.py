"""Records to table rows, checked the way the schema checks them, so that a bad record is
rejected with the field it fails on before it reaches the database. Claim rows are in the
form the drivers take as they are (dates as ISO text, JSON columns as JSON text), so that
bulk inserts skip SQLAlchemy's per-value processing."""
from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from typing import Any

from ..models import Claim, DocumentInfo

CURRENCY = re.compile(r"[A-Z]{3}")


class RecordError(ValueError):
    """A record the database would not take; ``field`` is its dotted path."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


@lru_cache(maxsize=4096)
def _iso_day(value: str) -> str:
    """'YYYY-MM-DD' of an ISO date or timestamp (ValueError if it is not one); records
    repeat a few dates, so the answers are kept."""
    return date.fromisoformat(value[:10]).isoformat()


def iso_date(value: str | None, field: str) -> str | None:
    """The ISO date ('2025-03-01') of an ISO date or timestamp ('2025-03-01T10:00:00Z')."""
    if value is None:
        return None
    try:
        return _iso_day(value)
    except ValueError as exc:
        raise RecordError(field, f"not an ISO date: {value!r}") from exc


def as_date(day: str | None) -> date | None:
    """The date of an ISO date string, for columns that SQLAlchemy adapts."""
    return day and date.fromisoformat(day)


def check_claim(claim: Claim) -> tuple[str | None, str | None]:
    """Check what the schema checks beyond the model (RecordError); the period's ISO dates."""
    currency = claim.amount.currency
    if currency is not None and not (len(currency) == 3 and CURRENCY.fullmatch(currency)):
        raise RecordError("amount.currency", f"not an ISO 4217 code (three capital letters): {currency!r}")
    period = claim.period
    return iso_date(period and period.start, "period.start"), iso_date(period and period.end, "period.end")


def claim_row(claim: Claim, content_hash: str) -> dict[str, Any]:
    """One row of ``claims``: the record's fields as columns, and the record itself as JSON."""
    a, att, subject, other, change = claim.amount, claim.attribution, claim.subject, claim.counterparty, claim.change
    start, end = check_claim(claim)
    return {
        "id": claim.id, "content_hash": content_hash, "doc_id": claim.doc_id, "mention": claim.mention,
        "start_offset": claim.start, "end_offset": claim.end, "sentence": claim.sentence, "kind": claim.kind,
        "value": a.value, "low": a.low, "high": a.high, "currency": a.currency, "currency_text": a.currency_text,
        "currency_note": a.currency_note, "qualifier": a.qualifier, "scale_text": a.scale_text, "per": a.per,
        "equivalent_of": claim.equivalent_of,
        "subject": subject and subject.canonical, "subject_name": subject and subject.name,
        "subject_label": subject and subject.label,
        "counterparty": other and other.canonical, "counterparty_name": other and other.name,
        "metric": claim.metric, "period": claim.period and claim.period.text,
        "period_start": start, "period_end": end, "source": att.source, "cue": att.cue, "source_type": att.source_type,
        "hedges": json.dumps(claim.hedges, ensure_ascii=False) if claim.hedges else "[]",
        "confidence": claim.confidence,
        "change_direction": change and change.direction, "change_percent": change and change.percent,
        "change_amount": change and change.amount, "change_from": change and change.from_value,
        "rule": claim.rule, "record": claim.model_dump_json(), "superseded_at": None,
    }


def hop_rows(claim: Claim, content_hash: str) -> list[dict[str, Any]]:
    """Rows of ``attribution_hops``: the claim's attribution chain, outermost first."""
    return [{"content_hash": content_hash, "claim_id": claim.id, "position": n, "source": hop.source,
             "cue": hop.cue, "source_type": hop.type} for n, hop in enumerate(claim.attribution.chain)]


def document_row(info: DocumentInfo, hash_of: str, claim_count: int) -> dict[str, Any]:
    """One row of ``documents`` (the timestamps are the store's)."""
    return {**info.model_dump(exclude={"published"}), "published": as_date(iso_date(info.published, "published")),
            "hash_of": hash_of, "claim_count": claim_count, "superseded_at": None, "superseded_by": None}
