"""food name parts precomputed for the head retriever

Revision ID: 0005
Revises: 0004

The head retriever (store/retrieval.py) ranks official foods by where a query
word sits in the USDA name ("Head, qualifier, ...") and by how many qualifiers
change the food.  Computing those with regular expressions per candidate row
cost more than every other part of a search; stored generated columns compute
them once, when a food is written.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept verbatim here (not imported) so later edits to the model cannot change this revision.
_DEFAULTISH = (
    r"\m(raw|cooked|boiled|nfs|ns as to [a-z ]+|year round average|ripe|regular|plain|"
    r"fresh|from fresh|drained|without salt|no added fat|commercial|prepared|includes skin)\M"
)


def upgrade() -> None:
    op.add_column(
        "foods",
        sa.Column(
            "name_head",
            sa.Text(),
            sa.Computed(r"substring(lower(name) from '^[^,]*(?:, [^,]*)?')", persisted=True),
            nullable=True,
        ),
    )
    op.add_column(
        "foods",
        sa.Column(
            "name_first",
            sa.Text(),
            sa.Computed("split_part(lower(name), ',', 1)", persisted=True),
            nullable=True,
        ),
    )
    op.add_column(
        "foods",
        sa.Column(
            "name_core_length",
            sa.Integer(),
            sa.Computed(
                f"length(regexp_replace(lower(name), '{_DEFAULTISH}', '', 'g'))", persisted=True
            ),
            nullable=True,
        ),
    )


def downgrade() -> None:
    op.drop_column("foods", "name_core_length")
    op.drop_column("foods", "name_first")
    op.drop_column("foods", "name_head")
