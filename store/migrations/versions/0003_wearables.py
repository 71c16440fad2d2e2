"""wearable records and import runs

Revision ID: 0003
Revises: 0002

Self-contained on purpose: it spells out every column instead of reading
``store.wearables_models``, so later model edits cannot change what it creates.
``user_id`` has no foreign key yet (the users table arrives in 0002 as UUIDs; the CLI
writes ``"local"``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sourced() -> list[sa.Column]:  # type: ignore[type-arg]
    """Owner, identity and origin columns shared by the four record tables."""
    return [
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("dedupe_key", sa.String(length=40), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("device", sa.Text(), nullable=True),
        sa.Column("app", sa.Text(), nullable=True),
        sa.Column("import_id", sa.Uuid(), nullable=True),
    ]


def _interval() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "wearable_samples",
        sa.Column("kind", sa.String(length=32), nullable=False),
        *_interval(),
        sa.Column("value", sa.Float(), nullable=False),
        *_sourced(),
        sa.PrimaryKeyConstraint("user_id", "dedupe_key"),
    )
    op.create_index("ix_wearable_samples_user_start", "wearable_samples", ["user_id", "start_at"])
    op.create_table(
        "wearable_sleep",
        *_interval(),
        sa.Column("stages", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        *_sourced(),
        sa.PrimaryKeyConstraint("user_id", "dedupe_key"),
    )
    op.create_index("ix_wearable_sleep_user_end", "wearable_sleep", ["user_id", "end_at"])
    op.create_table(
        "wearable_workouts",
        sa.Column("activity", sa.String(length=64), nullable=False),
        *_interval(),
        sa.Column("energy_kcal", sa.Float(), nullable=True),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("avg_hr", sa.Float(), nullable=True),
        *_sourced(),
        sa.PrimaryKeyConstraint("user_id", "dedupe_key"),
    )
    op.create_index("ix_wearable_workouts_user_start", "wearable_workouts", ["user_id", "start_at"])
    op.create_table(
        "wearable_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        *_sourced(),
        sa.PrimaryKeyConstraint("user_id", "dedupe_key"),
    )
    op.create_index("ix_wearable_daily_user_day", "wearable_daily", ["user_id", "day"])
    op.create_table(
        "wearable_imports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=True),
        sa.Column("progress", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("summary", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("errors", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_wearable_imports_user_created", "wearable_imports", ["user_id", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_wearable_imports_user_created", table_name="wearable_imports")
    op.drop_table("wearable_imports")
    op.drop_index("ix_wearable_daily_user_day", table_name="wearable_daily")
    op.drop_table("wearable_daily")
    op.drop_index("ix_wearable_workouts_user_start", table_name="wearable_workouts")
    op.drop_table("wearable_workouts")
    op.drop_index("ix_wearable_sleep_user_end", table_name="wearable_sleep")
    op.drop_table("wearable_sleep")
    op.drop_index("ix_wearable_samples_user_start", table_name="wearable_samples")
    op.drop_table("wearable_samples")
