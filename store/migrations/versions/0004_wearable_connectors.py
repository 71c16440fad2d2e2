"""live wearable connectors: OAuth grants and processed webhook deliveries.

Revision ID: 0004
Revises: 0003

Self-contained like 0003: every column is spelled out here, so later edits of
``store.connector_models`` cannot change what this revision creates.
``webhook_events`` is keyed by ``(provider, event_id)`` so that a delivery is applied
once; ``received_at`` is indexed so old rows can be pruned.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _now(name: str) -> sa.Column:  # type: ignore[type-arg]
    """A non-null timestamp column defaulting to the insert time."""
    return sa.Column(
        name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def upgrade() -> None:
    """Create ``wearable_connections`` and ``webhook_events``."""
    op.create_table(
        "wearable_connections",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("external_user_id", sa.String(length=64), nullable=True),
        sa.Column("access_token", sa.Text(), nullable=False),
        sa.Column("refresh_token", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("scopes", sa.Text(), nullable=False),
        _now("created_at"),
        _now("updated_at"),
        sa.PrimaryKeyConstraint("user_id", "provider"),
    )
    op.create_table(
        "webhook_events",
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=True),
        sa.Column("user_id", sa.String(length=64), nullable=True),
        _now("received_at"),
        sa.PrimaryKeyConstraint("provider", "event_id"),
    )
    op.create_index("ix_webhook_events_received", "webhook_events", ["received_at"])


def downgrade() -> None:
    """Drop both tables."""
    op.drop_index("ix_webhook_events_received", table_name="webhook_events")
    op.drop_table("webhook_events")
    op.drop_table("wearable_connections")
