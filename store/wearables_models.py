"""SQLAlchemy models of imported wearable data, one table per record type.

Every row is keyed by ``(user_id, dedupe_key)``: the key is the record's own
``dedupe_key()``, so importing the same export twice inserts nothing the second time.
``user_id`` is plain text without a foreign key until the users table exists (the
CLI's single user is ``"local"``; API users will be UUIDs rendered as text).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Float, Index, String, Text, Uuid, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base

USER_ID_LENGTH = 64
KEY_LENGTH = 40


class _Sourced:
    """Columns every imported record carries: owner, identity, origin, provenance."""

    user_id: Mapped[str] = mapped_column(String(USER_ID_LENGTH), primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(KEY_LENGTH), primary_key=True)
    provider: Mapped[str] = mapped_column(String(32))
    device: Mapped[str | None] = mapped_column(Text)
    app: Mapped[str | None] = mapped_column(Text)
    import_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class WearableSample(_Sourced, Base):
    """One measured quantity over an interval, in its kind's canonical unit."""

    __tablename__ = "wearable_samples"

    kind: Mapped[str] = mapped_column(String(32))
    start_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    end_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    value: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_wearable_samples_user_start", "user_id", "start_at"),)


class WearableSleep(_Sourced, Base):
    """A sleep session; ``stages`` is a list of ``{stage, start, end}`` (ISO UTC)."""

    __tablename__ = "wearable_sleep"

    start_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    end_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    stages: Mapped[list[dict[str, str]]] = mapped_column(JSONB, default=list)

    __table_args__ = (Index("ix_wearable_sleep_user_end", "user_id", "end_at"),)


class WearableWorkout(_Sourced, Base):
    """An exercise session with the totals the export gave."""

    __tablename__ = "wearable_workouts"

    activity: Mapped[str] = mapped_column(String(64))
    start_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    end_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    energy_kcal: Mapped[float | None] = mapped_column(Float)
    distance_m: Mapped[float | None] = mapped_column(Float)
    avg_hr: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (Index("ix_wearable_workouts_user_start", "user_id", "start_at"),)


class WearableDaily(_Sourced, Base):
    """A day-level figure as the export stated it (the user's local calendar day)."""

    __tablename__ = "wearable_daily"

    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_wearable_daily_user_day", "user_id", "day"),)


class WearableImport(Base):
    """One import run: status and progress while running, summary and errors after."""

    __tablename__ = "wearable_imports"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[str] = mapped_column(String(USER_ID_LENGTH))
    filename: Mapped[str] = mapped_column(Text)
    timezone: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    format: Mapped[str | None] = mapped_column(String(32))
    progress: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    errors: Mapped[list[str]] = mapped_column(JSONB, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_wearable_imports_user_created", "user_id", "created_at"),)
