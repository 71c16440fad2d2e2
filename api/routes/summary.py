"""Daily intake summary: what was eaten against the profile's targets."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from agents.coach.meals import daily_summary
from api.deps_auth import CurrentUser, SessionDep
from api.routes.profile import TargetsOut, today
from api.schemas import UNAUTHORIZED

router = APIRouter(prefix="/v1/summary", tags=["summary"], responses=UNAUTHORIZED)


class DailySummaryOut(BaseModel):
    """One day's totals, targets and what is left."""

    date: dt.date = Field(description="The diary day summed", examples=["2026-03-14"])
    meal_count: int = Field(description="Meals logged that day", examples=[3])
    totals: dict[str, float] = Field(
        description="Summed nutrients of the day's meals (kcal, g, mg, µg by key suffix)",
        examples=[{"energy_kcal": 1650.4, "protein_g": 81.2}],
    )
    targets: TargetsOut | None = Field(
        description="Null until a profile is set",
        examples=[{"age_years": 30, "bmr_kcal": 1780, "tdee_kcal": 2759, "energy_kcal": 2759,
                   "protein_g": 96.0, "fat_g": 92.0, "carbohydrate_g": 386.8}],
    )  # fmt: skip
    remaining: dict[str, float] | None = Field(
        description="Target minus total per nutrient; negative means over target",
        examples=[{"energy_kcal": 1108.6, "protein_g": 14.8}],
    )


@router.get("/daily", response_model=DailySummaryOut, summary="A day's intake against my targets")
async def get_daily_summary(
    user: CurrentUser,
    session: SessionDep,
    day: Annotated[
        dt.date | None, Query(alias="date", description="YYYY-MM-DD; default today (UTC)")
    ] = None,
) -> DailySummaryOut:
    """Totals of the day's meals; targets and remaining when a profile exists."""
    chosen = day or today()
    summary = await daily_summary(session, user.id, chosen)
    targets = None
    if summary.targets is not None and summary.age_years is not None:
        targets = TargetsOut.of(summary.targets, summary.age_years)
    return DailySummaryOut(
        date=chosen, meal_count=summary.meal_count, totals=summary.totals,
        targets=targets, remaining=summary.remaining,
    )  # fmt: skip
