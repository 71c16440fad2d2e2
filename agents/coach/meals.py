"""The meal diary: log a meal from free text, list, correct, delete, and sum a day.

Numbers come only from the nutrition analyzer; this module stores them item by item
with their provenance (food id, source, portion method) so every total can be traced.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from agents.coach.profile import (
    ActivityLevel,
    BodyProfile,
    Goal,
    Sex,
    Targets,
    age_on,
    compute_targets,
)
from agents.nutrition.models import ItemAnalysis, MealAnalysis
from store.user_models import Meal, MealItem, Profile

NO_FOOD = "I could not recognise any food in this text, so nothing was logged."


class Analyzer(Protocol):
    """What the diary needs from the nutrition agent."""

    async def analyze(self, text: str) -> MealAnalysis:
        """Traceable nutrients of one meal description."""
        ...


class NoFoodError(ValueError):
    """The text names no food the knowledge base knows; carries the analyzer's questions."""

    def __init__(self, explanation: str, questions: list[str]) -> None:
        super().__init__(explanation)
        self.explanation = explanation
        self.questions = questions


@dataclass(frozen=True, slots=True)
class DailySummary:
    """One day's intake against the user's targets (``None`` without a profile)."""

    day: date
    meal_count: int
    totals: dict[str, float]
    targets: Targets | None
    remaining: dict[str, float] | None
    age_years: int | None


def sum_nutrients(parts: Iterable[dict[str, float]]) -> dict[str, float]:
    """Key-wise sum, rounded to 0.01 so stored totals equal the sum of stored items."""
    out: dict[str, float] = {}
    for part in parts:
        for key, value in part.items():
            out[key] = out.get(key, 0.0) + value
    return {k: round(v, 2) for k, v in sorted(out.items())}


def _item_row(position: int, item: ItemAnalysis) -> MealItem:
    assert item.food is not None and item.grams is not None
    return MealItem(
        position=position, text=item.text, food_phrase=item.food_phrase, slot=item.meal,
        food_id=item.food.id, food_name=item.food.name, source=item.food.source,
        source_id=item.food.source_id, match_score=item.food.match_score, grams=item.grams,
        portion_source=item.portion_source or "unknown", portion_detail=item.portion_detail or "",
        nutrients=dict(item.nutrients), confidence=item.confidence, flags=list(item.flags),
        extra={"ranges": {k: list(v) for k, v in item.ranges.items()},
               "methods": [e.method for e in item.estimates]},
    )  # fmt: skip


def _apply_analysis(meal: Meal, analysis: MealAnalysis) -> None:
    matched = [i for i in analysis.items if i.status == "matched" and i.food is not None]
    if not matched:
        raise NoFoodError(analysis.explanation or NO_FOOD, list(analysis.questions))
    meal.items = [_item_row(n, item) for n, item in enumerate(matched)]
    meal.totals = sum_nutrients(i.nutrients for i in meal.items)
    meal.unmatched = [i.text for i in analysis.items if i.status != "matched"]
    meal.flags = list(analysis.flags)
    meal.questions = list(analysis.questions)
    meal.text = analysis.text


async def log_meal(
    session: AsyncSession, analyzer: Analyzer, user_id: uuid.UUID, text: str, day: date,
    slot: str | None = None,
) -> Meal:  # fmt: skip
    """Analyze ``text`` and store the meal; :class:`NoFoodError` stores nothing."""
    analysis = await analyzer.analyze(text)
    meal = Meal(id=uuid.uuid4(), user_id=user_id, day=day, slot=slot, items=[])
    _apply_analysis(meal, analysis)
    slots = {item.slot for item in meal.items}
    if slot is None and len(slots) == 1:
        meal.slot = slots.pop()  # "for breakfast I had …" names the slot
    session.add(meal)
    await session.commit()
    return meal


async def get_meal(session: AsyncSession, user_id: uuid.UUID, meal_id: uuid.UUID) -> Meal | None:
    """The meal if it exists and belongs to ``user_id`` (others' meals look absent)."""
    return await session.scalar(select(Meal).where(Meal.id == meal_id, Meal.user_id == user_id))


async def list_meals(session: AsyncSession, user_id: uuid.UUID, day: date) -> Sequence[Meal]:
    """The user's meals of one day in the order they were logged."""
    rows = await session.scalars(
        select(Meal).where(Meal.user_id == user_id, Meal.day == day).order_by(Meal.created_at)
    )
    return rows.all()


async def update_meal(
    session: AsyncSession, analyzer: Analyzer, meal: Meal, *, text: str | None = None,
    day: date | None = None, slot: str | None = None, grams: dict[int, float] | None = None,
) -> Meal:  # fmt: skip
    """Re-analyze a new text, move the meal, or correct item grams (nutrients rescale).

    Raises:
        NoFoodError: the new text names no known food; the meal is left unchanged.
        KeyError: ``grams`` names an item id that is not part of this meal.
    """
    if text is not None:
        _apply_analysis(meal, await analyzer.analyze(text))
        await session.flush()
    if grams:
        by_id = {item.id: item for item in meal.items}
        for item_id, new_grams in grams.items():
            item = by_id[item_id]
            factor = new_grams / max(item.grams, 1e-9)
            item.nutrients = {k: round(v * factor, 2) for k, v in item.nutrients.items()}
            item.grams = round(new_grams, 1)
            item.portion_source = "user_correction"
        meal.totals = sum_nutrients(i.nutrients for i in meal.items)
    if day is not None:
        meal.day = day
    if slot is not None:
        meal.slot = slot
    await session.commit()
    return meal


async def delete_meal(session: AsyncSession, meal: Meal) -> None:
    """Remove a meal and its items."""
    await session.delete(meal)
    await session.commit()


def profile_targets(profile: Profile, day: date) -> Targets:
    """Targets for the person the profile describes, at their age on ``day``."""
    body = BodyProfile(
        sex=cast(Sex, profile.sex), age_years=age_on(profile.birth_date, day),
        height_cm=profile.height_cm, weight_kg=profile.weight_kg,
        activity_level=cast(ActivityLevel, profile.activity_level), goal=cast(Goal, profile.goal),
    )  # fmt: skip
    return compute_targets(body)


async def daily_summary(session: AsyncSession, user_id: uuid.UUID, day: date) -> DailySummary:
    """Sum the day's meals and compare them with the profile's targets."""
    meals = await list_meals(session, user_id, day)
    totals = sum_nutrients(m.totals for m in meals)
    profile = await session.get(Profile, user_id)
    if profile is None:
        return DailySummary(day, len(meals), totals, None, None, None)
    targets = profile_targets(profile, day)
    remaining = {
        k: round(target - totals.get(k, 0.0), 1) for k, target in targets.as_nutrients().items()
    }
    return DailySummary(
        day, len(meals), totals, targets, remaining, age_on(profile.birth_date, day)
    )
