"""The normalised schema (SQLAlchemy Core): documents, claims, attribution hops, facts, fact
members, findings. Keys are the records' stable ids, so every load is an upsert.

A document version is (doc_id, content_hash); loading a changed article marks the old
version and its claims superseded (``superseded_at``), never deletes them.
"""
from __future__ import annotations

from typing import Iterable, get_args

from sqlalchemy import (JSON, CheckConstraint, Column, Date, DateTime, Double, ForeignKeyConstraint, Index,
                        Integer, MetaData, PrimaryKeyConstraint, String, Table, Text, text)
from sqlalchemy.dialects.postgresql import JSONB

from ..models import Check, Qualifier, SourceType, Verdict

SCHEMA_REVISION = "0004"  # alembic head; migrations/versions holds every revision

QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
SOURCE_TYPES: tuple[str, ...] = get_args(SourceType)
KINDS = ("money", "quantity", "percent")
HASH_OF = ("text", "claims")

Json = JSON().with_variant(JSONB(), "postgresql")
Stamp = DateTime(timezone=True)
metadata = MetaData(naming_convention={"ck": "%(table_name)s_%(constraint_name)s"})


def one_of(column: str, values: Iterable[str], nullable: bool = True) -> CheckConstraint:
    """CHECK that a text column holds one of ``values`` (or null). Spelled as equalities,
    not ``IN (...)``: SQLite builds a table for an IN list each time it checks a row."""
    allowed = "(" + " OR ".join(f"{column} = '{v}'" for v in values) + ")"
    return CheckConstraint(f"{column} IS NULL OR {allowed}" if nullable else allowed, name=column)


def current_only(name: str, column: Column) -> Index:
    """A unique index over the current (not superseded) rows: one current version per key."""
    where = text("superseded_at IS NULL")
    return Index(name, column, unique=True, sqlite_where=where, postgresql_where=where)


documents = Table(
    "documents", metadata,
    Column("doc_id", Text, nullable=False),  # path relative to the folder read
    Column("content_hash", String(64), nullable=False),  # sha256 of the text, or of the records (hash_of)
    Column("hash_of", String(6), nullable=False),  # text: hash of the article; claims: derived from a claims JSONL
    Column("path", Text, nullable=False),
    Column("title", Text),
    Column("publisher", Text),
    Column("published", Date),
    Column("url", Text),
    Column("extractor_version", Text, nullable=False),
    Column("claim_count", Integer, nullable=False),
    Column("loaded_at", Stamp, nullable=False),
    Column("superseded_at", Stamp),  # null: the current version of the document
    Column("superseded_by", String(64)),  # content_hash of the version that replaced it
    PrimaryKeyConstraint("doc_id", "content_hash", name="documents_pk"),
    one_of("hash_of", HASH_OF, nullable=False),
)
current_only("documents_current", documents.c.doc_id)

claims = Table(
    "claims", metadata,
    Column("id", Text, nullable=False),  # the claim record's stable id
    Column("content_hash", String(64), nullable=False),
    Column("doc_id", Text, nullable=False),
    Column("mention", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("value", Double),
    Column("low", Double),
    Column("high", Double),
    Column("currency", String(3)),  # ISO 4217, null when the text cannot decide
    Column("currency_text", Text, nullable=False),
    Column("currency_note", Text),
    Column("qualifier", String(13), nullable=False),
    Column("scale_text", Text),
    Column("per", Text),
    Column("equivalent_of", Text),  # id of the claim this one restates in another currency
    Column("subject", Text),  # canonical name
    Column("subject_name", Text),
    Column("subject_label", Text),
    Column("counterparty", Text),  # canonical name
    Column("counterparty_name", Text),
    Column("metric", Text),
    Column("period", Text),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("source", Text),
    Column("cue", Text),
    Column("source_type", String(9)),
    Column("hedges", Json, nullable=False),
    Column("confidence", Double, nullable=False),
    Column("change_direction", String(4)),
    Column("change_percent", Double),
    Column("change_amount", Double),
    Column("change_from", Double),
    Column("rule", Text, nullable=False),
    Column("record", Json, nullable=False),  # the full claim record
    Column("superseded_at", Stamp),  # null: a claim of the document's current version
    PrimaryKeyConstraint("content_hash", "id", name="claims_pk"),
    ForeignKeyConstraint(["doc_id", "content_hash"], ["documents.doc_id", "documents.content_hash"],
                         ondelete="CASCADE", name="claims_document_fk"),
    one_of("kind", KINDS, nullable=False),
    one_of("qualifier", QUALIFIERS, nullable=False),
    one_of("source_type", SOURCE_TYPES),
    one_of("change_direction", ("up", "down")),
    CheckConstraint("currency IS NULL OR (length(currency) = 3 AND upper(currency) = currency)", name="currency"),
    CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
)
Index("claims_document", claims.c.doc_id, claims.c.content_hash)
Index("claims_subject", claims.c.subject)

attribution_hops = Table(
    "attribution_hops", metadata,
    Column("content_hash", String(64), nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("position", Integer, nullable=False),  # 0: the outermost source (often the publisher)
    Column("source", Text, nullable=False),
    Column("cue", Text),
    Column("source_type", String(9), nullable=False),
    PrimaryKeyConstraint("content_hash", "claim_id", "position", name="attribution_hops_pk"),
    ForeignKeyConstraint(["content_hash", "claim_id"], ["claims.content_hash", "claims.id"], ondelete="CASCADE",
                         name="attribution_hops_claim_fk"),
    one_of("source_type", SOURCE_TYPES, nullable=False),
)

facts = Table(
    "facts", metadata,
    Column("id", Text, primary_key=True),
    Column("subject", Text),
    Column("metric", Text),
    Column("period", Text),
    Column("claim_id", Text, nullable=False),  # the representative (most precise) claim
    Column("value", Double),
    Column("low", Double),
    Column("high", Double),
    Column("currency", String(3)),
    Column("qualifier", String(13), nullable=False),
    Column("usd_low", Double),
    Column("usd_high", Double),
    Column("confidence", Double, nullable=False),
    Column("origins", Json, nullable=False),  # independent origins stating an agreeing figure
    Column("record", Json, nullable=False),  # the full fact record
    Column("reconciled_at", Stamp, nullable=False),
    one_of("qualifier", QUALIFIERS, nullable=False),
)

fact_members = Table(
    "fact_members", metadata,
    Column("fact_id", Text, nullable=False),
    Column("claim_id", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("doc_id", Text, nullable=False),
    Column("mention", Text, nullable=False),
    Column("origin", Text, nullable=False),
    PrimaryKeyConstraint("fact_id", "claim_id", name="fact_members_pk"),
    ForeignKeyConstraint(["fact_id"], ["facts.id"], ondelete="CASCADE", name="fact_members_fact_fk"),
)
Index("fact_members_claim", fact_members.c.claim_id)

findings = Table(
    "findings", metadata,
    Column("id", String(16), primary_key=True),  # hash of check, verdict, claims and facts
    Column("check_name", String(19), nullable=False),
    Column("verdict", String(8), nullable=False),
    Column("severity", String(5)),
    Column("subject", Text),
    Column("metric", Text),
    Column("period", Text),
    Column("why", Text, nullable=False),
    Column("relative_difference", Double),
    Column("record", Json, nullable=False),  # the full finding record
    Column("reconciled_at", Stamp, nullable=False),
    one_of("check_name", get_args(Check), nullable=False),
    one_of("verdict", get_args(Verdict), nullable=False),
    one_of("severity", ("small", "large")),
)

finding_claims = Table(
    "finding_claims", metadata,
    Column("finding_id", String(16), nullable=False),
    Column("claim_id", Text, nullable=False),
    PrimaryKeyConstraint("finding_id", "claim_id", name="finding_claims_pk"),
    ForeignKeyConstraint(["finding_id"], ["findings.id"], ondelete="CASCADE", name="finding_claims_finding_fk"),
)
