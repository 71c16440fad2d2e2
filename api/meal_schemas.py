"""Request and response models of meal analysis (documented in the OpenAPI schema)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class AnalyzeRequest(BaseModel):
    """A meal described in the user's own words."""

    text: str = Field(
        min_length=1,
        max_length=5000,
        description="One meal or a whole day, in plain English",
        examples=["a cup of cooked white rice and two large eggs"],
    )


class FoodRefOut(BaseModel):
    """The USDA record behind an item's numbers."""

    id: str = Field(description="Food id source:source_id", examples=["fndds:56205000"])
    name: str = Field(examples=["Rice, white, cooked, no added fat"])
    source: str = Field(examples=["fndds"])
    source_id: str
    category: str | None
    match_score: float = Field(description="Re-ranked search score of the match")
    coverage: float = Field(description="Share of the phrase's words found in the record")


class ItemOut(BaseModel):
    """One analysed food with provenance, a range per nutrient and any flags."""

    text: str = Field(description="The span of the input this item came from")
    food_phrase: str
    meal: str | None = Field(description="breakfast | lunch | dinner | snack when stated")
    status: str = Field(description="matched | unknown (unknown items carry no numbers)")
    food: FoodRefOut | None
    grams: float | None
    portion_source: str | None = Field(
        description="explicit_mass | food_measure | unit_conversion | food_density | "
        "category_default | default_serving"
    )
    portion_detail: str | None = Field(description="How the grams were obtained")
    nutrients: dict[str, float] = Field(description="Nutrients in the eaten amount")
    ranges: dict[str, tuple[float, float]] = Field(description="Low–high per macro nutrient")
    confidence: float = Field(ge=0, le=1)
    flags: list[str]
    questions: list[str]
    suggestions: list[FoodRefOut] = Field(description="Other candidate foods")


class MealAnalysisOut(BaseModel):
    """The analysed meal: items, totals with ranges, per-slot totals, flags, questions."""

    text: str
    items: list[ItemOut]
    totals: dict[str, float] = Field(examples=[{"energy_kcal": 349.0, "carbohydrate_g": 45.5}])
    ranges: dict[str, tuple[float, float]]
    by_meal: dict[str, dict[str, float]]
    flags: list[str] = Field(examples=[["portion_disagreement"]])
    questions: list[str] = Field(examples=[["How much rice: 1 cup (158 g) or a bowl (316 g)?"]])
    explanation: str | None = Field(description="Why nothing was found, when no item was")
    notes: list[str] = Field(
        default_factory=list,
        description="How the text was read where that changed the items",
        examples=[["'Cheetos' read as another name for 'cheese-flavored corn snacks'"]],
    )
