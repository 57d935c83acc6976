"""Schema version 4: findings may be magnitude slips, unit-price checks and revisions (the
checks of reconciling stories across articles).

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"

BEFORE = ("value_conflict", "part_exceeds_whole", "arithmetic", "currency_equivalent", "repetition",
          "corroboration", "different_period")
AFTER = ("value_conflict", "magnitude_slip", "unit_price", "part_exceeds_whole", "arithmetic", "currency_equivalent",
         "revision", "repetition", "corroboration", "different_period")


def _allow(checks: tuple[str, ...]) -> None:
    with op.batch_alter_table("findings", recreate="auto") as batch:
        batch.drop_constraint("findings_check_name", type_="check")
        batch.create_check_constraint("findings_check_name", "(" + " OR ".join(f"check_name = '{c}'" for c in checks) + ")")


def upgrade() -> None:
    _allow(AFTER)


def downgrade() -> None:
    op.execute("DELETE FROM findings WHERE check_name IN ('magnitude_slip', 'unit_price', 'revision')")
    _allow(BEFORE)
