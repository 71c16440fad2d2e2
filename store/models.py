"""SQLAlchemy models of the food knowledge base.

A food's public id is ``"{source}:{source_id}"`` (e.g. ``sr28:20037``): stable
across re-imports, so logged meals and eval labels keep pointing at it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pgvector.sqlalchemy import Vector
from sqlalchemy import (
    Boolean,
    Computed,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

EMBEDDING_DIM = 384
# Name words that do not change the food ("raw", "NFS", "year round average", ...):
# the head retriever prefers names with the fewest other qualifiers.
DEFAULTISH = (
    r"\m(raw|cooked|boiled|nfs|ns as to [a-z ]+|year round average|ripe|regular|plain|"
    r"fresh|from fresh|drained|without salt|no added fat|commercial|prepared|includes skin)\M"
)


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Food(Base):
    """One food record with per-100 g nutrients and its search indexes."""

    __tablename__ = "foods"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(String(32), index=True)
    source_id: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(Text)
    data_type: Mapped[str | None] = mapped_column(String(64))
    is_branded: Mapped[bool] = mapped_column(Boolean, default=False)
    is_mixed_dish: Mapped[bool] = mapped_column(Boolean, default=False)
    energy_kcal: Mapped[float | None] = mapped_column(Float)
    protein_g: Mapped[float | None] = mapped_column(Float)
    fat_g: Mapped[float | None] = mapped_column(Float)
    carbohydrate_g: Mapped[float | None] = mapped_column(Float)
    fiber_g: Mapped[float | None] = mapped_column(Float)
    sugars_g: Mapped[float | None] = mapped_column(Float)
    saturated_fat_g: Mapped[float | None] = mapped_column(Float)
    sodium_mg: Mapped[float | None] = mapped_column(Float)
    other_nutrients: Mapped[dict[str, float]] = mapped_column(JSONB, default=dict)
    search_text: Mapped[str] = mapped_column(Text)
    extra: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    embedding: Mapped[Any] = mapped_column(Vector(EMBEDDING_DIM), nullable=True)
    tsv: Mapped[Any] = mapped_column(
        TSVECTOR, Computed("to_tsvector('english', search_text)", persisted=True)
    )
    # Name parts the head retriever ranks by, computed once per row (migration 0005).
    name_head: Mapped[str | None] = mapped_column(
        Text, Computed(r"substring(lower(name) from '^[^,]*(?:, [^,]*)?')", persisted=True)
    )
    name_first: Mapped[str | None] = mapped_column(
        Text, Computed("split_part(lower(name), ',', 1)", persisted=True)
    )
    name_core_length: Mapped[int | None] = mapped_column(
        Integer,
        Computed(f"length(regexp_replace(lower(name), '{DEFAULTISH}', '', 'g'))", persisted=True),
    )
    # The same parts as prefix-searchable word vectors (migration 0007).
    name_head_tsv: Mapped[Any] = mapped_column(
        TSVECTOR,
        Computed(
            r"to_tsvector('simple', substring(lower(name) from '^[^,]*(?:, [^,]*)?'))",
            persisted=True,
        ),
    )
    name_first_tsv: Mapped[Any] = mapped_column(
        TSVECTOR, Computed("to_tsvector('simple', split_part(lower(name), ',', 1))", persisted=True)
    )

    portions: Mapped[list[Portion]] = relationship(
        back_populates="food", cascade="all, delete-orphan", order_by="Portion.seq"
    )

    __table_args__ = (
        Index("ix_foods_source_source_id", "source", "source_id", unique=True),
        Index("ix_foods_tsv", "tsv", postgresql_using="gin"),
        Index(
            "ix_foods_name_trgm",
            "name",
            postgresql_using="gin",
            postgresql_ops={"name": "gin_trgm_ops"},
        ),
        Index(
            "ix_foods_embedding_hnsw",
            "embedding",
            postgresql_using="hnsw",
            postgresql_with={"m": 16, "ef_construction": 64},
            postgresql_ops={"embedding": "vector_cosine_ops"},
        ),
    )


class Portion(Base):
    """A household measure of a food ("1 cup" = 158 g) with its source."""

    __tablename__ = "portions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    food_id: Mapped[str] = mapped_column(ForeignKey("foods.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text)
    amount: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(Text)
    gram_weight: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(32))

    food: Mapped[Food] = relationship(back_populates="portions")


class ImportRun(Base):
    """One completed import of a source; the latest per source is the live one."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(32), index=True)
    location: Mapped[str] = mapped_column(Text)
    foods: Mapped[int] = mapped_column(Integer)
    portions: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[float] = mapped_column(Float)
    finished_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class EmbeddingCache(Base):
    """Embeddings of texts already seen, so re-imports skip the model."""

    __tablename__ = "embedding_cache"

    text_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    model: Mapped[str] = mapped_column(String(128), primary_key=True)
    embedding: Mapped[Any] = mapped_column(Vector(EMBEDDING_DIM))
