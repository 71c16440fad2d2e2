"""LangChain tools over the user's body profile and the daily targets derived from it.

The user id, database and today's date are ``InjectedToolArg``s. ``set_profile`` merges
the given fields into the stored profile and stores nothing when a field is out of
range or, for a first profile, when a field is missing; the targets come from
:func:`agents.coach.meals.profile_targets` (Mifflin–St Jeor), never from the model.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any

from langchain_core.tools import InjectedToolArg, tool

from agents.coach.meals import profile_targets
from agents.coach.profile import ActivityLevel, Goal, Sex, age_on
from store.database import Database
from store.user_models import Profile

FIELDS = ("sex", "age_years", "height_cm", "weight_kg", "activity_level", "goal")
LIMITS = {"age_years": (18, 120), "height_cm": (100, 250), "weight_kg": (30, 350)}
DEFAULTS = {"goal": "maintain"}
"""A first profile without a goal keeps the weight ("set my goal to …" changes it later)."""


def birth_date_for_age(age_years: int, today: date) -> date:
    """A birth date that makes the person ``age_years`` old today."""
    try:
        return today.replace(year=today.year - age_years)
    except ValueError:  # 29 February in a non-leap year
        return today.replace(year=today.year - age_years, day=28)


def profile_view(profile: Profile, today: date) -> dict[str, Any]:
    """The stored profile and today's targets as the model sees them."""
    targets = profile_targets(profile, today)
    return {
        "profile": {"sex": profile.sex, "age_years": age_on(profile.birth_date, today),
                    "height_cm": profile.height_cm, "weight_kg": profile.weight_kg,
                    "activity_level": profile.activity_level, "goal": profile.goal},
        "targets": {"bmr_kcal": targets.bmr_kcal, "tdee_kcal": targets.tdee_kcal,
                    **targets.as_nutrients()},
    }  # fmt: skip


def _errors(given: dict[str, Any]) -> list[str]:
    out = []
    for name, (low, high) in LIMITS.items():
        value = given.get(name)
        if value is not None and not low <= value <= high:
            out.append(f"{name} must be between {low} and {high} (got {value})")
    return out


@tool(parse_docstring=True)
async def get_profile(
    user_id: Annotated[str, InjectedToolArg],
    db: Annotated[Database, InjectedToolArg],
    today: Annotated[date, InjectedToolArg],
) -> dict[str, Any]:
    """The user's body profile, goal and the daily energy and macro targets it implies.

    Args:
        user_id: Injected by the server.
        db: Injected by the server.
        today: Injected by the server.
    """
    async with db.sessions() as session:
        profile = await session.get(Profile, uuid.UUID(user_id))
        if profile is None:
            return {"status": "no_profile", "missing": list(FIELDS)}
        return {"status": "ok", **profile_view(profile, today)}


@tool(parse_docstring=True)
async def set_profile(
    user_id: Annotated[str, InjectedToolArg],
    db: Annotated[Database, InjectedToolArg],
    today: Annotated[date, InjectedToolArg],
    sex: Sex | None = None,
    age_years: int | None = None,
    height_cm: float | None = None,
    weight_kg: float | None = None,
    activity_level: ActivityLevel | None = None,
    goal: Goal | None = None,
) -> dict[str, Any]:
    """Create or change the user's profile; only the given fields change.

    A first profile needs every field but the goal, which defaults to "maintain"
    (status "incomplete" lists the missing ones).

    Args:
        user_id: Injected by the server.
        db: Injected by the server.
        today: Injected by the server.
        sex: male or female.
        age_years: Age in years (adults, 18-120).
        height_cm: Height in centimetres.
        weight_kg: Body weight in kilograms.
        activity_level: sedentary, light, moderate, active or very_active.
        goal: lose, maintain or gain (weight).
    """
    stated: dict[str, Any] = dict(
        sex=sex,
        age_years=age_years,
        height_cm=height_cm,
        weight_kg=weight_kg,
        activity_level=activity_level,
        goal=goal,
    )
    given = {k: v for k, v in stated.items() if v is not None}
    if errors := _errors(given):
        return {"status": "invalid", "errors": errors}
    async with db.sessions() as session:
        profile = await session.get(Profile, uuid.UUID(user_id))
        defaulted = []
        if profile is None:
            missing = [name for name in FIELDS if name not in given and name not in DEFAULTS]
            if missing:
                return {"status": "incomplete", "missing": missing, "given": given}
            defaulted = sorted(set(DEFAULTS) - set(given))
            given = {**DEFAULTS, **given}
            profile = Profile(user_id=uuid.UUID(user_id))
            session.add(profile)
        for name, value in given.items():
            if name == "age_years":
                if profile.birth_date is None or age_on(profile.birth_date, today) != value:
                    profile.birth_date = birth_date_for_age(value, today)
            else:
                setattr(profile, name, value)
        await session.commit()
        return {
            "status": "saved",
            "changed": sorted(given),
            "defaulted": defaulted,
            **profile_view(profile, today),
        }


set_profile.metadata = {"write": True, "verbs": ("set", "update", "change"),
                        "confirm": "Update your profile: {changes}"}  # fmt: skip

PROFILE_TOOLS = [get_profile, set_profile]
