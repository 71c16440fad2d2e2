"""The signed-in user's body profile and the daily targets derived from it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field, field_validator

from agents.coach.meals import profile_targets
from agents.coach.profile import ActivityLevel, Goal, Sex, Targets, age_on
from api.deps_auth import CurrentUser, SessionDep
from api.schemas import BAD_BODY, UNAUTHORIZED, ErrorOut
from store.user_models import Profile

router = APIRouter(prefix="/v1/profile", tags=["profile"], responses=UNAUTHORIZED)

MIN_AGE, MAX_AGE = 18, 120


def today() -> date:
    """The service's calendar day (UTC)."""
    return datetime.now(UTC).date()


class ProfileFields(BaseModel):
    """Body data and goal; targets are recomputed from it every day."""

    sex: Sex = Field(description="Selects the Mifflin–St Jeor constant", examples=["male"])
    birth_date: date = Field(description="Adults only (18+)", examples=["1995-03-14"])
    height_cm: float = Field(ge=100, le=250, description="Height in cm", examples=[180])
    weight_kg: float = Field(ge=30, le=350, description="Body weight in kg", examples=[80])
    activity_level: ActivityLevel = Field(
        description="sedentary 1.2, light 1.375, moderate 1.55, active 1.725, very_active 1.9",
        examples=["moderate"],
    )
    goal: Goal = Field(description="lose −500 kcal, maintain, gain +300 kcal", examples=["lose"])


class ProfileIn(ProfileFields):
    """A profile as the user sets it: adults only, since the formulas are for adults."""

    @field_validator("birth_date")
    @classmethod
    def _adult(cls, value: date) -> date:
        age = age_on(value, today())
        if not MIN_AGE <= age <= MAX_AGE:
            raise ValueError(f"age must be between {MIN_AGE} and {MAX_AGE} years (got {age})")
        return value


class TargetsOut(BaseModel):
    """Daily targets and the figures they come from."""

    age_years: int = Field(description="Age on the day the targets are for", examples=[30])
    bmr_kcal: float = Field(description="Mifflin–St Jeor resting energy", examples=[1780])
    tdee_kcal: float = Field(description="BMR × activity factor", examples=[2759])
    energy_kcal: float = Field(description="TDEE + goal adjustment, floored", examples=[2259])
    protein_g: float = Field(description="1.6 g/kg when losing, 1.2 g/kg otherwise", examples=[96])
    fat_g: float = Field(description="30 % of energy", examples=[92])
    carbohydrate_g: float = Field(description="The remaining energy", examples=[386.8])

    @classmethod
    def of(cls, targets: Targets, age_years: int) -> TargetsOut:
        """Response model of computed targets."""
        return cls(
            age_years=age_years, bmr_kcal=targets.bmr_kcal, tdee_kcal=targets.tdee_kcal,
            energy_kcal=targets.energy_kcal, protein_g=targets.protein_g, fat_g=targets.fat_g,
            carbohydrate_g=targets.carbohydrate_g,
        )  # fmt: skip


class ProfileOut(ProfileFields):
    """The stored profile with today's targets."""

    updated_at: datetime = Field(
        description="Last change of the profile", examples=["2026-03-14T08:30:00Z"]
    )
    targets: TargetsOut = Field(description="Today's targets from this profile")


def profile_out(profile: Profile, day: date) -> ProfileOut:
    """Stored row → response with targets for ``day``."""
    fields = {name: getattr(profile, name) for name in ProfileFields.model_fields}
    targets = TargetsOut.of(profile_targets(profile, day), age_on(profile.birth_date, day))
    return ProfileOut.model_validate(
        {**fields, "updated_at": profile.updated_at, "targets": targets}
    )


@router.get(
    "", response_model=ProfileOut, responses={404: {"model": ErrorOut}}, summary="My profile"
)
async def get_profile(user: CurrentUser, session: SessionDep) -> ProfileOut:
    """404 until the profile has been set with PUT."""
    profile = await session.get(Profile, user.id)
    if profile is None:
        raise HTTPException(status_code=404, detail="no profile yet; set it with PUT /v1/profile")
    return profile_out(profile, today())


@router.put(
    "", response_model=ProfileOut, responses=BAD_BODY, summary="Create or replace my profile"
)
async def put_profile(body: ProfileIn, user: CurrentUser, session: SessionDep) -> ProfileOut:
    """Store the profile and answer with the targets it implies today."""
    profile = await session.get(Profile, user.id)
    if profile is None:
        profile = Profile(user_id=user.id)
        session.add(profile)
    for key, value in body.model_dump().items():
        setattr(profile, key, value)
    await session.commit()
    return profile_out(profile, today())
