"""ClaimStore: the database sink of extraction and loads, one transaction per document."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Literal

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from ..models import Claim, DocumentInfo
from .engine import StoreError, open_engine, reading, upgrade
from .rows import RecordError, claim_row, document_row, hop_rows
from .schema import attribution_hops, claims, documents

HashOf = Literal["text", "claims"]


def now() -> datetime:
    return datetime.now(timezone.utc)


def upsert(connection: Connection, table: Any, rows: list[dict[str, Any]], keys: list[str]) -> None:
    """INSERT ... ON CONFLICT (keys) DO UPDATE, in the database's own dialect."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    updates = {c: statement.excluded[c] for c in rows[0] if c not in keys}
    connection.execute(statement.on_conflict_do_update(index_elements=keys, set_=updates), rows)


class ClaimStore:
    """Documents and their claims in a database (a bare path is an SQLite file, else any
    SQLAlchemy URL); the schema is upgraded to the head revision when the store opens.

    A document version is (doc_id, content_hash). Writing a version again replaces its
    claims; writing a new version of a doc_id marks the previous one superseded, with its
    claims, in the same transaction.
    """

    def __init__(self, url: str) -> None:
        self.engine: Engine = open_engine(url)
        try:
            upgrade(self.engine)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open database {self.engine.url.render_as_string()}: {exc}") from exc

    def write(self, info: DocumentInfo, claims_: list[Claim], hash_of: HashOf = "text") -> None:
        """Store one document and its claims in one transaction. ``hash_of`` says whether
        the content hash is of the text or derived from the claim records. A claim the
        schema would refuse raises RecordError naming the claim and field; nothing is written."""
        key = info.content_hash
        claim_rows, hops = [], []
        for claim in claims_:
            if claim.doc_id != info.doc_id:
                raise RecordError("doc_id", f"claim {claim.id} belongs to {claim.doc_id!r}, not {info.doc_id!r}")
            try:
                claim_rows.append(claim_row(claim, key))
            except RecordError as exc:
                raise RecordError(exc.field, f"claim {claim.id}: {exc.message}") from exc
            hops.extend(hop_rows(claim, key))
        document = document_row(info, hash_of, len(claim_rows))
        with self.engine.begin() as connection:
            self._replace(connection, document, claim_rows, hops)

    def _replace(self, connection: Connection, document: dict[str, Any], claim_rows: list[dict[str, Any]],
                 hops: list[dict[str, Any]]) -> None:
        doc_id, key, stamp = document["doc_id"], document["content_hash"], now()
        if connection.dialect.name == "postgresql":  # writers of one doc_id take turns: no deadlock
            connection.execute(select(func.pg_advisory_xact_lock(func.hashtext(doc_id))))
        older = (documents.c.doc_id == doc_id) & (documents.c.content_hash != key) & documents.c.superseded_at.is_(None)
        connection.execute(update(documents).where(older).values(superseded_at=stamp, superseded_by=key))
        connection.execute(update(claims).where((claims.c.doc_id == doc_id) & (claims.c.content_hash != key)
                                                & claims.c.superseded_at.is_(None)).values(superseded_at=stamp))
        connection.execute(delete(claims).where((claims.c.doc_id == doc_id) & (claims.c.content_hash == key)))
        upsert(connection, documents, [{**document, "loaded_at": stamp}], ["doc_id", "content_hash"])
        if claim_rows:
            connection.execute(insert(claims), claim_rows)
        if hops:
            connection.execute(insert(attribution_hops), hops)

    def done(self) -> set[str]:
        """Content hashes of the current documents (for --resume)."""
        with reading(self.engine) as connection:
            return set(connection.scalars(select(documents.c.content_hash).where(documents.c.superseded_at.is_(None))))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
