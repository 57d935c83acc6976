"""Schema version 3: the "one of these values" CHECK constraints are spelled as equalities
joined by OR instead of ``IN (...)`` lists. Same rule; SQLite built a table for every IN
list each time it checked a row, which made bulk loads half as fast.

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"

QUALIFIERS = ("exact", "approximately", "more_than", "at_least", "less_than", "at_most", "range", "vague")
SOURCE_TYPES = ("publisher", "media", "company", "official", "analyst", "anonymous", "other")
CHECKS = ("value_conflict", "part_exceeds_whole", "arithmetic", "currency_equivalent", "repetition",
          "corroboration", "different_period")
# table: (column, allowed values, null allowed)
ONE_OF = {
    "documents": [("hash_of", ("text", "claims"), False)],
    "claims": [("kind", ("money", "quantity", "percent"), False), ("qualifier", QUALIFIERS, False),
               ("source_type", SOURCE_TYPES, True), ("change_direction", ("up", "down"), True)],
    "attribution_hops": [("source_type", SOURCE_TYPES, False)],
    "facts": [("qualifier", QUALIFIERS, False)],
    "findings": [("check_name", CHECKS, False), ("verdict", ("conflict", "agree"), False),
                 ("severity", ("small", "large"), True)],
}


def condition(column: str, values: tuple[str, ...], nullable: bool, as_equalities: bool) -> str:
    if as_equalities:
        allowed = "(" + " OR ".join(f"{column} = '{v}'" for v in values) + ")"
    else:
        allowed = f"{column} IN ({', '.join(repr(v) for v in values)})"
    return f"{column} IS NULL OR {allowed}" if nullable else allowed


def respell(as_equalities: bool) -> None:
    for table, checks in ONE_OF.items():
        with op.batch_alter_table(table, recreate="auto") as batch:
            for column, values, nullable in checks:
                batch.drop_constraint(f"{table}_{column}", type_="check")
                batch.create_check_constraint(f"{table}_{column}", condition(column, values, nullable, as_equalities))


def upgrade() -> None:
    respell(as_equalities=True)


def downgrade() -> None:
    respell(as_equalities=False)
