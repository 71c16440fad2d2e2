"""SQLAlchemy models of accounts and food logs: users, refresh tokens, profiles, meals.

Logged items keep a snapshot of the food they came from (id, name, source) instead of a
foreign key: a re-import replaces a source's rows, and a diary must survive that while
still pointing at the stable public food id.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from store.models import Base


class User(Base):
    """An account; the email is stored lower-cased so lookups are exact."""

    __tablename__ = "users"
    __mapper_args__ = {"eager_defaults": True}

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class RefreshToken(Base):
    """One issued refresh token, stored as a SHA-256 hash; a family is one login's chain.

    Using a token revokes it and issues its successor in the same family; presenting a
    revoked token again means it leaked, so the whole family is revoked.
    """

    __tablename__ = "refresh_tokens"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    family_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    replaced_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class Profile(Base):
    """Body data and goal from which the energy and macro targets are derived."""

    __tablename__ = "profiles"
    __mapper_args__ = {"eager_defaults": True}

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    sex: Mapped[str] = mapped_column(String(8))
    birth_date: Mapped[date] = mapped_column(Date)
    height_cm: Mapped[float] = mapped_column(Float)
    weight_kg: Mapped[float] = mapped_column(Float)
    activity_level: Mapped[str] = mapped_column(String(16))
    goal: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class Meal(Base):
    """A logged meal: the user's words, the day it counts toward and its summed nutrients."""

    __tablename__ = "meals"
    __mapper_args__ = {"eager_defaults": True}

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    slot: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    totals: Mapped[dict[str, float]] = mapped_column(JSONB, default=dict)
    unmatched: Mapped[list[str]] = mapped_column(JSONB, default=list)
    flags: Mapped[list[str]] = mapped_column(JSONB, default=list)
    questions: Mapped[list[str]] = mapped_column(JSONB, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    items: Mapped[list[MealItem]] = relationship(
        back_populates="meal",
        cascade="all, delete-orphan",
        order_by="MealItem.position",
        lazy="selectin",
    )

    __table_args__ = (Index("ix_meals_user_day", "user_id", "day"),)


class MealItem(Base):
    """One matched food of a meal with its grams, nutrients and provenance."""

    __tablename__ = "meal_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meal_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meals.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    food_phrase: Mapped[str] = mapped_column(Text)
    slot: Mapped[str | None] = mapped_column(String(16))
    food_id: Mapped[str] = mapped_column(String(64))
    food_name: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(32))
    source_id: Mapped[str] = mapped_column(String(32))
    match_score: Mapped[float] = mapped_column(Float)
    grams: Mapped[float] = mapped_column(Float)
    portion_source: Mapped[str] = mapped_column(String(32))
    portion_detail: Mapped[str] = mapped_column(Text)
    nutrients: Mapped[dict[str, float]] = mapped_column(JSONB, default=dict)
    confidence: Mapped[float] = mapped_column(Float)
    flags: Mapped[list[str]] = mapped_column(JSONB, default=list)
    extra: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)

    meal: Mapped[Meal] = relationship(back_populates="items")
