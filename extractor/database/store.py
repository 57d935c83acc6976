"""ClaimStore: the database sink of extraction and loads. Each write is one transaction:
a document with all its claims, or a batch of whole documents."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable, Literal

from sqlalchemy import Connection, Engine, Table, bindparam, delete, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from ..models import Claim, DocumentInfo
from .engine import StoreError, require_existing, open_engine, reading, revision_of, upgrade
from .rows import RecordError, claim_values, document_row, hop_values
from .schema import attribution_hops, claims, documents

HashOf = Literal["text", "claims"]
Rows = list[dict[str, Any]]

# other current versions of a document become superseded; this version's claims are replaced
OTHER_CURRENT = ((documents.c.doc_id == bindparam("d")) & (documents.c.content_hash != bindparam("h"))
                 & documents.c.superseded_at.is_(None))
SUPERSEDE_DOCUMENTS = update(documents).where(OTHER_CURRENT).values(superseded_at=bindparam("t"),
                                                                      superseded_by=bindparam("h"))
SUPERSEDE_CLAIMS = (update(claims).where((claims.c.doc_id == bindparam("d")) & (claims.c.content_hash != bindparam("h"))
                                         & claims.c.superseded_at.is_(None)).values(superseded_at=bindparam("t")))
DELETE_CLAIMS = delete(claims).where((claims.c.doc_id == bindparam("d")) & (claims.c.content_hash == bindparam("h")))
# writers of one doc_id take turns (PostgreSQL), locking in one order so that they never deadlock
LOCK_DOCUMENTS = text("SELECT pg_advisory_xact_lock(k) FROM "
                      "(SELECT DISTINCT hashtext(d) AS k FROM unnest(CAST(:ids AS text[])) AS d ORDER BY k) AS keys")


@dataclass
class Prepared:
    """Rows of whole documents ready to write: documents as dicts, claims and attribution
    hops as value tuples in column order, in the form the driver takes."""

    documents: Rows = field(default_factory=list)
    claims: list[tuple[Any, ...]] = field(default_factory=list)
    hops: list[tuple[Any, ...]] = field(default_factory=list)

    def add(self, other: Prepared) -> None:
        self.documents += other.documents
        self.claims += other.claims
        self.hops += other.hops


def now() -> datetime:
    return datetime.now(timezone.utc)


def insert_all(connection: Connection, table: Table, rows: list[tuple[Any, ...]]) -> None:
    """Insert rows (every column of ``table``, in order) as the driver takes them fastest:
    COPY on PostgreSQL, else one INSERT run over all rows."""
    quote = connection.dialect.identifier_preparer.quote
    target = f"{quote(table.name)} ({', '.join(quote(c.name) for c in table.columns)})"
    if connection.dialect.name == "postgresql":
        with connection.connection.driver_connection.cursor() as cursor, \
                cursor.copy(f"COPY {target} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(f"INSERT INTO {target} VALUES ({', '.join(mark for _ in table.columns)})", rows)


def upsert(connection: Connection, table: Table, rows: Rows, keys: list[str]) -> None:
    """INSERT ... ON CONFLICT (keys) DO UPDATE, in the database's own dialect."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    updates = {c: statement.excluded[c] for c in rows[0] if c not in keys}
    connection.execute(statement.on_conflict_do_update(index_elements=keys, set_=updates), rows)


def prepare(batch: Iterable[tuple[DocumentInfo, list[Claim]]], hash_of: HashOf = "text") -> Prepared:
    """The rows of several documents, checked (RecordError) but not yet written."""
    prepared = Prepared()
    for info, found in batch:
        key = info.content_hash
        for claim in found:
            if claim.doc_id != info.doc_id:
                raise RecordError("doc_id", f"claim {claim.id} belongs to {claim.doc_id!r}, not {info.doc_id!r}")
            try:
                prepared.claims.append(claim_values(claim, key))
            except RecordError as exc:
                raise RecordError(exc.field, f"claim {claim.id}: {exc.message}") from exc
            prepared.hops.extend(hop_values(claim, key))
        prepared.documents.append(document_row(info, hash_of, len(found)))
    return prepared


class ClaimStore:
    """Documents and their claims in a database (a bare path is an SQLite file, else any
    SQLAlchemy URL); the schema is upgraded to the head revision when the store opens.

    A document version is (doc_id, content_hash). Writing a version again replaces its
    claims; writing a new version of a doc_id marks the previous one superseded, with its
    claims, in the same transaction.
    """

    def __init__(self, url: str, autocheckpoint: bool = True, create: bool = True) -> None:
        """Open (and, with ``create``, make) the database at ``url``. Without ``create``, as
        reading commands open it, a database that does not exist or holds no claims schema
        is a StoreError, and nothing is made."""
        if not create:
            require_existing(url)
        self.engine: Engine = open_engine(url, autocheckpoint)
        try:
            if not create and revision_of(self.engine) is None:
                raise StoreError(f"{self.engine.url.render_as_string()} is not a claims database "
                                 "(claims load or claims extract --db makes one)")
            upgrade(self.engine)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open database {self.engine.url.render_as_string()}: {exc}") from exc
        except StoreError:
            self.engine.dispose()
            raise

    def write(self, info: DocumentInfo, claims_: list[Claim], hash_of: HashOf = "text") -> None:
        """Store one document and its claims in one transaction. ``hash_of`` says whether
        the content hash is of the text or derived from the claim records. A claim the
        schema would refuse raises RecordError naming the claim and field, and so does a
        document the database itself refuses; nothing of it is written."""
        dbapi = self.engine.dialect.dbapi
        refused = (DataError, IntegrityError) + ((dbapi.DataError, dbapi.IntegrityError) if dbapi else ())
        try:
            self.write_many([(info, claims_)], hash_of)
        except refused as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise RecordError("record", f"refused by the database: {reason}") from exc

    def write_many(self, batch: Iterable[tuple[DocumentInfo, list[Claim]]], hash_of: HashOf = "text") -> None:
        """Store several documents (distinct doc_ids) in one transaction: all or none."""
        self.commit(prepare(batch, hash_of))

    def commit(self, prepared: Prepared) -> None:
        """Write prepared documents in one transaction: each replaces its earlier claims and
        supersedes other versions of its doc_id."""
        if not prepared.documents:
            return
        docs, stamp = prepared.documents, now()
        with self.engine.begin() as connection:
            ids = [d["doc_id"] for d in docs]
            if connection.dialect.name == "postgresql":
                connection.execute(LOCK_DOCUMENTS, {"ids": ids})
            # only documents the store holds already have versions to supersede or claims to replace
            stored = set(connection.scalars(select(documents.c.doc_id).where(documents.c.doc_id.in_(ids))))
            versions = [{"d": d["doc_id"], "h": d["content_hash"], "t": stamp} for d in docs if d["doc_id"] in stored]
            if versions:
                for statement in (SUPERSEDE_DOCUMENTS, SUPERSEDE_CLAIMS, DELETE_CLAIMS):
                    connection.execute(statement, versions)
            upsert(connection, documents, [{**d, "loaded_at": stamp} for d in docs], ["doc_id", "content_hash"])
            for table, rows in ((claims, prepared.claims), (attribution_hops, prepared.hops)):
                if rows:
                    insert_all(connection, table, rows)

    def checkpoint(self) -> None:
        """Copy what the SQLite write-ahead log holds into the database file, without waiting
        for readers or writers (PASSIVE); other databases need nothing."""
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as connection:
                connection.connection.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)")

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
