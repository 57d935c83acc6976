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
NUL_REFUSED = "holds a NUL character (\\u0000), which PostgreSQL text cannot store (refused on every database)"


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


@lru_cache(maxsize=1024)
def _json_list(items: tuple[str, ...]) -> str:
    """A JSON array of strings; records repeat a few hedge lists, so the answers are kept."""
    return json.dumps(items, ensure_ascii=False)


def as_date(day: str | None) -> date | None:
    """The date of an ISO date string, for columns that SQLAlchemy adapts."""
    return day and date.fromisoformat(day)


def check_claim(claim: Claim) -> tuple[str | None, str | None]:
    """Check what the schema checks beyond the model (RecordError); the period's ISO dates."""
    currency = claim.amount.currency
    if currency is not None and not CURRENCY.fullmatch(currency):
        raise RecordError("amount.currency", f"not an ISO 4217 code (three capital letters): {currency!r}")
    period = claim.period
    return iso_date(period and period.start, "period.start"), iso_date(period and period.end, "period.end")


def nul_field(value: Any, path: str = "") -> str | None:
    """The dotted path of the first text in ``value`` (plain data) holding a NUL character."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    return next((found for key, item in items if (found := nul_field(item, f"{path}.{key}" if path else str(key)))),
                None)


def claim_values(claim: Claim, content_hash: str) -> tuple[Any, ...]:
    """One row of ``claims`` in the table's column order: the record's fields as columns,
    and the record itself as JSON. A record holding a NUL character is refused."""
    a, att, subject, other, change = claim.amount, claim.attribution, claim.subject, claim.counterparty, claim.change
    start, end = check_claim(claim)
    record = claim.model_dump_json()
    if "\\u0000" in record and (found := nul_field(claim.model_dump())):  # JSON writes NUL so (or a text '\\u0000')
        raise RecordError(found, NUL_REFUSED)
    return (
        claim.id, content_hash, claim.doc_id, claim.mention, claim.start, claim.end, claim.sentence, claim.kind,
        a.value, a.low, a.high, a.currency, a.currency_text, a.currency_note, a.qualifier, a.scale_text, a.per,
        claim.equivalent_of,
        subject and subject.canonical, subject and subject.name, subject and subject.label,
        other and other.canonical, other and other.name,
        claim.metric, claim.period and claim.period.text, start, end,
        att.source, att.cue, att.source_type, _json_list(tuple(claim.hedges)),
        claim.confidence,
        change and change.direction, change and change.percent, change and change.amount, change and change.from_value,
        claim.rule, record, None,
    )


def hop_values(claim: Claim, content_hash: str) -> list[tuple[Any, ...]]:
    """Rows of ``attribution_hops`` in the table's column order: the claim's attribution
    chain, outermost first."""
    return [(content_hash, claim.id, n, hop.source, hop.cue, hop.type) for n, hop in enumerate(claim.attribution.chain)]


def document_row(info: DocumentInfo, hash_of: str, claim_count: int) -> dict[str, Any]:
    """One row of ``documents`` (the timestamps are the store's); a NUL character in its
    fields is refused."""
    if found := nul_field(info.model_dump()):
        raise RecordError(f"document.{found}", NUL_REFUSED)
    return {**info.model_dump(exclude={"published"}), "published": as_date(iso_date(info.published, "published")),
            "hash_of": hash_of, "claim_count": claim_count, "superseded_at": None, "superseded_by": None}
