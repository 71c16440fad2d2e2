"""LangChain tools over the meal diary: log, correct, delete, list and sum a day.

The user id, database, analyzer and today's date are ``InjectedToolArg``s supplied by
the coach graph, so the model can only ever touch the signed-in user's diary. Figures
are rounded to 0.1, which is what a reply shows; the stored rows keep 0.01. Write tools
carry ``metadata`` read by :mod:`agents.coach.confirm` (command verbs, question).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Annotated, Any, Literal

from langchain_core.tools import InjectedToolArg, tool

from agents.coach import meals as diary
from agents.nutrition.analyzer import MealAnalyzer
from store.database import Database
from store.user_models import Meal

Slot = Literal["breakfast", "lunch", "dinner", "snack"]


def resolve_day(day: str | None, today: date) -> date:
    """A day word (today, yesterday) or YYYY-MM-DD as a date; ValueError otherwise."""
    word = (day or "today").strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    return date.fromisoformat(word)


def figures(values: dict[str, float]) -> dict[str, float]:
    """Nutrient figures as replies show them (0.1 precision)."""
    return {key: round(value, 1) for key, value in values.items()}


def meal_view(meal: Meal) -> dict[str, Any]:
    """A stored meal as the model sees it: items with provenance and totals."""
    items = [
        {"phrase": i.food_phrase, "food": i.food_name, "food_id": i.food_id,
         "grams": round(i.grams, 1), "portion": i.portion_detail, "nutrients": figures(i.nutrients)}
        for i in meal.items
    ]  # fmt: skip
    return {"meal_id": str(meal.id), "date": meal.day.isoformat(), "slot": meal.slot,
            "text": meal.text, "items": items, "totals": figures(meal.totals),
            "unmatched": list(meal.unmatched), "questions": list(meal.questions)}  # fmt: skip


def _meal_uuid(meal_id: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(meal_id)
    except ValueError:
        return None


@tool(parse_docstring=True)
async def log_meal(
    text: str,
    user_id: Annotated[str, InjectedToolArg],
    db: Annotated[Database, InjectedToolArg],
    analyzer: Annotated[MealAnalyzer, InjectedToolArg],
    today: Annotated[date, InjectedToolArg],
    slot: Slot | None = None,
    day: str = "today",
) -> dict[str, Any]:
    """Record a meal in the user's food diary; nutrients come from USDA data.

    Call it only when the user wants the meal stored. Status "logged" carries the
    stored items and totals; "not_logged" means no food was recognised.

    Args:
        text: What was eaten, in the user's words (e.g. "two eggs and toast").
        user_id: Injected by the server.
        db: Injected by the server.
        analyzer: Injected by the server.
        today: Injected by the server.
        slot: breakfast, lunch, dinner or snack; default: named in the text.
        day: "today", "yesterday" or YYYY-MM-DD.
    """
    when = resolve_day(day, today)
    async with db.sessions() as session:
        try:
            meal = await diary.log_meal(session, analyzer, uuid.UUID(user_id), text, when, slot)
        except diary.NoFoodError as exc:
            return {"status": "not_logged", "reason": exc.explanation, "questions": exc.questions}
        return {"status": "logged", **meal_view(meal)}


@tool(parse_docstring=True)
async def update_meal(
    meal_id: str,
    user_id: Annotated[str, InjectedToolArg],
    db: Annotated[Database, InjectedToolArg],
    analyzer: Annotated[MealAnalyzer, InjectedToolArg],
    today: Annotated[date, InjectedToolArg],
    text: str | None = None,
    slot: Slot | None = None,
    day: str | None = None,
) -> dict[str, Any]:
    """Correct a logged meal: a new text is analyzed again and replaces its items.

    Args:
        meal_id: The meal id from log_meal or list_meals.
        user_id: Injected by the server.
        db: Injected by the server.
        analyzer: Injected by the server.
        today: Injected by the server.
        text: The corrected description of the whole meal.
        slot: A new meal slot.
        day: Move the meal to "today", "yesterday" or YYYY-MM-DD.
    """
    key = _meal_uuid(meal_id)
    async with db.sessions() as session:
        meal = await diary.get_meal(session, uuid.UUID(user_id), key) if key else None
        if meal is None:
            return {"status": "not_found", "meal_id": meal_id}
        before = figures(meal.totals)
        when = resolve_day(day, today) if day else None
        try:
            meal = await diary.update_meal(session, analyzer, meal, text=text, day=when, slot=slot)
        except diary.NoFoodError as exc:
            return {"status": "not_changed", "reason": exc.explanation, "questions": exc.questions}
        return {"status": "updated", "previous_totals": before, **meal_view(meal)}


@tool(parse_docstring=True)
async def delete_meal(
    meal_id: str,
    user_id: Annotated[str, InjectedToolArg],
    db: Annotated[Database, InjectedToolArg],
) -> dict[str, Any]:
    """Delete a logged meal and its items from the user's diary.

    Args:
        meal_id: The meal id from log_meal or list_meals.
        user_id: Injected by the server.
        db: Injected by the server.
    """
    key = _meal_uuid(meal_id)
    async with db.sessions() as session:
        meal = await diary.get_meal(session, uuid.UUID(user_id), key) if key else None
        if meal is None:
            return {"status": "not_found", "meal_id": meal_id}
        view = meal_view(meal)
        await diary.delete_meal(session, meal)
        return {"status": "deleted", **view}


@tool(parse_docstring=True)
async def list_meals(
    user_id: Annotated[str, InjectedToolArg],
    db: Annotated[Database, InjectedToolArg],
    today: Annotated[date, InjectedToolArg],
    day: str = "today",
) -> dict[str, Any]:
    """The meals the user logged on one day, in logging order, with the day's totals.

    Args:
        user_id: Injected by the server.
        db: Injected by the server.
        today: Injected by the server.
        day: "today", "yesterday" or YYYY-MM-DD.
    """
    when = resolve_day(day, today)
    async with db.sessions() as session:
        meals = await diary.list_meals(session, uuid.UUID(user_id), when)
        return {"date": when.isoformat(), "meal_count": len(meals),
                "meals": [meal_view(m) for m in meals],
                "totals": figures(diary.sum_nutrients(m.totals for m in meals))}  # fmt: skip


@tool(parse_docstring=True)
async def daily_summary(
    user_id: Annotated[str, InjectedToolArg],
    db: Annotated[Database, InjectedToolArg],
    today: Annotated[date, InjectedToolArg],
    day: str = "today",
) -> dict[str, Any]:
    """One day's intake against the user's daily targets, and what is left.

    Args:
        user_id: Injected by the server.
        db: Injected by the server.
        today: Injected by the server.
        day: "today", "yesterday" or YYYY-MM-DD.
    """
    when = resolve_day(day, today)
    async with db.sessions() as session:
        summary = await diary.daily_summary(session, uuid.UUID(user_id), when)
    targets = summary.targets.as_nutrients() if summary.targets else None
    return {"date": when.isoformat(), "meal_count": summary.meal_count,
            "totals": figures(summary.totals), "profile_set": targets is not None,
            "targets": targets, "remaining": summary.remaining}  # fmt: skip


log_meal.metadata = {"write": True, "verbs": ("log", "add", "record", "track", "save", "enter"),
                     "confirm": "Log this meal: {text} ({slot})"}  # fmt: skip
update_meal.metadata = {"write": True, "verbs": ("change", "update", "correct", "edit", "fix"),
                        "confirm": "Change that meal: {changes}"}  # fmt: skip
delete_meal.metadata = {"write": True, "verbs": ("undo", "delete", "remove", "scratch"),
                        "confirm": "Delete meal {meal_id}"}  # fmt: skip

DIARY_TOOLS = [log_meal, update_meal, delete_meal, list_meals, daily_summary]
