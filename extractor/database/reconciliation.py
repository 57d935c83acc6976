"""Store a Reconciliation: facts, their member claims, findings and the claims they cite;
read back the claims a reconciliation runs over (``stored_claims``).

Facts and findings are keyed by stable ids (a fact's own id; a finding's is a hash of its
check, verdict, claims and facts), so storing the same reconciliation twice changes
nothing; ``reconciled_at`` tells runs apart.
"""
from __future__ import annotations

import hashlib
from datetime import date
from typing import Any, Iterator

from sqlalchemy import Connection, delete, insert, select

from ..models import Claim, Fact, Finding, Reconciliation
from .engine import reading
from .schema import claims, documents, fact_members, facts, finding_claims, findings
from .store import ClaimStore, now, upsert

BATCH = 10_000


def stored_claims(store: ClaimStore) -> Iterator[Claim]:
    """The claims of every document's current version, in document and text order, each
    with its document's published date when the record has none."""
    query = (select(claims.c.record, documents.c.published)
             .join(documents, (documents.c.doc_id == claims.c.doc_id) & (documents.c.content_hash == claims.c.content_hash))
             .where(claims.c.superseded_at.is_(None))
             .order_by(claims.c.doc_id, claims.c.start_offset, claims.c.id))
    with reading(store.engine) as connection:
        for record, published in connection.execution_options(yield_per=BATCH).execute(query):
            claim = Claim.model_validate(record)
            if claim.published is None and published is not None:
                claim.published = published.isoformat() if isinstance(published, date) else str(published)
            yield claim


def finding_id(finding: Finding) -> str:
    key = "|".join([finding.check, finding.verdict, *sorted(finding.claims), "/", *sorted(finding.facts)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def fact_row(fact: Fact, stamp: Any) -> dict[str, Any]:
    fig = fact.figure
    return {"id": fact.id, "subject": fact.subject, "metric": fact.metric, "period": fact.period,
            "claim_id": fig.claim, "value": fig.value, "low": fig.low, "high": fig.high, "currency": fig.currency,
            "qualifier": fig.qualifier, "usd_low": fig.usd and fig.usd.low, "usd_high": fig.usd and fig.usd.high,
            "confidence": fact.confidence, "origins": fact.origins, "record": fact.model_dump(mode="json"),
            "reconciled_at": stamp}


def member_rows(fact: Fact) -> list[dict[str, Any]]:
    """One row per claim of the fact (a claim mentioned twice counts once)."""
    unique = {m.claim: m for m in reversed(fact.mentions)}
    return [{"fact_id": fact.id, "claim_id": m.claim, "position": n, "doc_id": m.doc_id, "mention": m.mention,
             "origin": m.origin} for n, m in enumerate(reversed(unique.values()))]


def finding_row(finding: Finding, stamp: Any) -> dict[str, Any]:
    return {"id": finding_id(finding), "check_name": finding.check, "verdict": finding.verdict,
            "severity": finding.severity, "subject": finding.subject, "metric": finding.metric,
            "period": finding.period, "why": finding.why, "relative_difference": finding.relative_difference,
            "record": finding.model_dump(mode="json"), "reconciled_at": stamp}


def store_reconciliation(store: ClaimStore, result: Reconciliation) -> None:
    """Upsert every fact and finding of ``result`` with their members, in one transaction."""
    stamp = now()
    rows = {row["id"]: (row, finding.claims) for finding in result.findings
            for row in [finding_row(finding, stamp)]}
    with store.engine.begin() as connection:
        _replace(connection, facts, fact_members, "fact_id", [fact_row(f, stamp) for f in result.facts],
                 [m for f in result.facts for m in member_rows(f)])
        _replace(connection, findings, finding_claims, "finding_id", [row for row, _ in rows.values()],
                 [{"finding_id": fid, "claim_id": c} for fid, (_, cited) in rows.items() for c in dict.fromkeys(cited)])


def _replace(connection: Connection, parents: Any, children: Any, link: str, parent_rows: list[dict[str, Any]],
             child_rows: list[dict[str, Any]]) -> None:
    """Upsert the parent rows and replace their children."""
    if not parent_rows:
        return
    upsert(connection, parents, parent_rows, ["id"])
    connection.execute(delete(children).where(children.c[link].in_([r["id"] for r in parent_rows])))
    if child_rows:
        connection.execute(insert(children), child_rows)
