"""Schema version 1: documents and claims (a changed article replaced the old version).

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
QUALIFIERS = "'exact', 'approximately', 'more_than', 'at_least', 'less_than', 'at_most', 'range', 'vague'"
SOURCE_TYPES = "'publisher', 'media', 'company', 'official', 'analyst', 'anonymous', 'other'"


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("hash_of", sa.String(6), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("url", sa.Text),
        sa.Column("extractor_version", sa.Text, nullable=False),
        sa.Column("claim_count", sa.Integer, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "content_hash", name="documents_pk"),
        sa.CheckConstraint("hash_of IN ('text', 'claims')", name="documents_hash_of"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("mention", sa.Text, nullable=False),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("value", sa.Double),
        sa.Column("low", sa.Double),
        sa.Column("high", sa.Double),
        sa.Column("currency", sa.String(3)),
        sa.Column("currency_text", sa.Text, nullable=False),
        sa.Column("currency_note", sa.Text),
        sa.Column("qualifier", sa.String(13), nullable=False),
        sa.Column("scale_text", sa.Text),
        sa.Column("per", sa.Text),
        sa.Column("equivalent_of", sa.Text),
        sa.Column("subject", sa.Text),
        sa.Column("subject_name", sa.Text),
        sa.Column("subject_label", sa.Text),
        sa.Column("counterparty", sa.Text),
        sa.Column("counterparty_name", sa.Text),
        sa.Column("metric", sa.Text),
        sa.Column("period", sa.Text),
        sa.Column("period_start", sa.Date),
        sa.Column("period_end", sa.Date),
        sa.Column("source", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("source_type", sa.String(9)),
        sa.Column("hedges", JSON, nullable=False),
        sa.Column("confidence", sa.Double, nullable=False),
        sa.Column("change_direction", sa.String(4)),
        sa.Column("change_percent", sa.Double),
        sa.Column("change_amount", sa.Double),
        sa.Column("change_from", sa.Double),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("record", JSON, nullable=False),
        sa.PrimaryKeyConstraint("content_hash", "id", name="claims_pk"),
        sa.ForeignKeyConstraint(["doc_id", "content_hash"], ["documents.doc_id", "documents.content_hash"],
                                ondelete="CASCADE", name="claims_document_fk"),
        sa.CheckConstraint("kind IN ('money', 'quantity', 'percent')", name="claims_kind"),
        sa.CheckConstraint(f"qualifier IN ({QUALIFIERS})", name="claims_qualifier"),
        sa.CheckConstraint(f"source_type IS NULL OR source_type IN ({SOURCE_TYPES})", name="claims_source_type"),
        sa.CheckConstraint("change_direction IS NULL OR change_direction IN ('up', 'down')",
                           name="claims_change_direction"),
        sa.CheckConstraint("currency IS NULL OR (length(currency) = 3 AND upper(currency) = currency)",
                           name="claims_currency"),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="claims_confidence"),
    )
    op.create_index("claims_document", "claims", ["doc_id", "content_hash"])
    op.create_index("claims_subject", "claims", ["subject"])


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("documents")
