"""Schema version 2: superseded versions are kept, attribution hops (filled in from the
stored claim records), facts, fact members, findings.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
STAMP = sa.DateTime(timezone=True)
CURRENT = sa.text("superseded_at IS NULL")
QUALIFIERS = "'exact', 'approximately', 'more_than', 'at_least', 'less_than', 'at_most', 'range', 'vague'"
SOURCE_TYPES = "'publisher', 'media', 'company', 'official', 'analyst', 'anonymous', 'other'"
CHECKS = ("'value_conflict', 'part_exceeds_whole', 'arithmetic', 'currency_equivalent', 'repetition', "
          "'corroboration', 'different_period'")


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("superseded_at", STAMP))
        batch.add_column(sa.Column("superseded_by", sa.String(64)))
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("superseded_at", STAMP))
    op.create_index("documents_current", "documents", ["doc_id"], unique=True,
                    sqlite_where=CURRENT, postgresql_where=CURRENT)
    _create_hops()
    _fill_hops()
    _create_reconciliation()


def _create_hops() -> None:
    op.create_table(
        "attribution_hops",
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("source_type", sa.String(9), nullable=False),
        sa.PrimaryKeyConstraint("content_hash", "claim_id", "position", name="attribution_hops_pk"),
        sa.ForeignKeyConstraint(["content_hash", "claim_id"], ["claims.content_hash", "claims.id"],
                                ondelete="CASCADE", name="attribution_hops_claim_fk"),
        sa.CheckConstraint(f"source_type IN ({SOURCE_TYPES})", name="attribution_hops_source_type"),
    )


def _fill_hops() -> None:
    """Version 1 kept attribution chains only inside the claim record: copy them out."""
    claims = sa.table("claims", sa.column("content_hash"), sa.column("id"), sa.column("record", JSON))
    hops = sa.table("attribution_hops", *(sa.column(c) for c in
                                          ("content_hash", "claim_id", "position", "source", "cue", "source_type")))
    bind = op.get_bind()
    rows = [{"content_hash": h, "claim_id": i, "position": n, "source": hop["source"], "cue": hop.get("cue"),
             "source_type": hop.get("type", "other")}
            for h, i, record in bind.execute(sa.select(claims.c.content_hash, claims.c.id, claims.c.record))
            for n, hop in enumerate((record.get("attribution") or {}).get("chain", []))]
    if rows:
        bind.execute(hops.insert(), rows)


def _create_reconciliation() -> None:
    op.create_table(
        "facts",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("subject", sa.Text),
        sa.Column("metric", sa.Text),
        sa.Column("period", sa.Text),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("value", sa.Double),
        sa.Column("low", sa.Double),
        sa.Column("high", sa.Double),
        sa.Column("currency", sa.String(3)),
        sa.Column("qualifier", sa.String(13), nullable=False),
        sa.Column("usd_low", sa.Double),
        sa.Column("usd_high", sa.Double),
        sa.Column("confidence", sa.Double, nullable=False),
        sa.Column("origins", JSON, nullable=False),
        sa.Column("record", JSON, nullable=False),
        sa.Column("reconciled_at", STAMP, nullable=False),
        sa.CheckConstraint(f"qualifier IN ({QUALIFIERS})", name="facts_qualifier"),
    )
    op.create_table(
        "fact_members",
        sa.Column("fact_id", sa.Text, nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("mention", sa.Text, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("fact_id", "claim_id", name="fact_members_pk"),
        sa.ForeignKeyConstraint(["fact_id"], ["facts.id"], ondelete="CASCADE", name="fact_members_fact_fk"),
    )
    op.create_index("fact_members_claim", "fact_members", ["claim_id"])
    op.create_table(
        "findings",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("check_name", sa.String(19), nullable=False),
        sa.Column("verdict", sa.String(8), nullable=False),
        sa.Column("severity", sa.String(5)),
        sa.Column("subject", sa.Text),
        sa.Column("metric", sa.Text),
        sa.Column("period", sa.Text),
        sa.Column("why", sa.Text, nullable=False),
        sa.Column("relative_difference", sa.Double),
        sa.Column("record", JSON, nullable=False),
        sa.Column("reconciled_at", STAMP, nullable=False),
        sa.CheckConstraint(f"check_name IN ({CHECKS})", name="findings_check_name"),
        sa.CheckConstraint("verdict IN ('conflict', 'agree')", name="findings_verdict"),
        sa.CheckConstraint("severity IS NULL OR severity IN ('small', 'large')", name="findings_severity"),
    )
    op.create_table(
        "finding_claims",
        sa.Column("finding_id", sa.String(16), nullable=False),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("finding_id", "claim_id", name="finding_claims_pk"),
        sa.ForeignKeyConstraint(["finding_id"], ["findings.id"], ondelete="CASCADE", name="finding_claims_finding_fk"),
    )


def downgrade() -> None:
    for table in ("finding_claims", "findings", "fact_members", "facts", "attribution_hops"):
        op.drop_table(table)
    op.drop_index("documents_current", "documents")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("superseded_at")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("superseded_by")
        batch.drop_column("superseded_at")
