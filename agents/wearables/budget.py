"""Daily energy expenditure from wearable data, filled in from the profile when partial.

Order of trust, first match wins (every step is written out in ``lines``):

1. a measured **total** (it already contains exercise, so workouts are never added);
2. **basal + active**, each measured or, when missing, estimated: basal by
   Mifflin–St Jeor, active from steps/distance (ACSM walking cost, 0.5 kcal/kg/km) or
   workout energy, whichever is larger (steps already include walks and runs);
3. with no activity data at all, the profile's activity factor on the basal figure
   (no data for the day means the profile TDEE).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from agents.coach.profile import ACTIVITY_FACTORS, ActivityLevel, Sex, bmr_mifflin_st_jeor
from agents.wearables.daily import DayActivity

STEP_LENGTH_PER_HEIGHT: dict[Sex, float] = {"male": 0.415, "female": 0.413}
WALK_KCAL_PER_KG_KM = 0.5


@dataclass(frozen=True, slots=True)
class BodyProfile:
    """What the estimate needs from the user's profile."""

    sex: Sex
    age: int
    height_cm: float
    weight_kg: float
    activity: ActivityLevel = "sedentary"


@dataclass(frozen=True, slots=True)
class EnergyBudget:
    """A day's expenditure, how it was obtained, and the arithmetic as sentences."""

    expenditure_kcal: float
    method: Literal["measured_total", "basal_plus_active", "basal_times_factor", "profile_tdee"]
    lines: tuple[str, ...]


def mifflin_st_jeor(profile: BodyProfile) -> tuple[float, str]:
    """Resting energy (kcal/day) and the formula with the numbers filled in."""
    constant = 5 if profile.sex == "male" else -161
    bmr = bmr_mifflin_st_jeor(profile.sex, profile.weight_kg, profile.height_cm, profile.age)
    sign = "+" if constant > 0 else "−"
    return bmr, (
        f"BMR (Mifflin–St Jeor, {profile.sex}) = 10 × {profile.weight_kg:g} kg + "
        f"6.25 × {profile.height_cm:g} cm − 5 × {profile.age} y {sign} "
        f"{abs(constant)} = {bmr:,.0f} kcal"
    )


def profile_tdee(profile: BodyProfile) -> EnergyBudget:
    """The profile-only estimate: BMR × activity factor."""
    bmr, line = mifflin_st_jeor(profile)
    factor = ACTIVITY_FACTORS[profile.activity]
    tdee = bmr * factor
    return EnergyBudget(
        tdee,
        "profile_tdee",
        (line, f"TDEE = {bmr:,.0f} × {factor:g} ({profile.activity}) = {tdee:,.0f} kcal"),
    )


def steps_energy(steps: float, distance_m: float | None, profile: BodyProfile) -> tuple[float, str]:
    """Net walking energy of a day's steps (measured distance preferred)."""
    if distance_m:
        km, how = distance_m / 1000, f"{distance_m / 1000:,.2f} km walked"
    else:
        stride = profile.height_cm * STEP_LENGTH_PER_HEIGHT[profile.sex] / 100
        km = steps * stride / 1000
        how = f"{steps:,.0f} steps × {stride:.2f} m = {km:,.2f} km"
    kcal = km * WALK_KCAL_PER_KG_KM * profile.weight_kg
    return kcal, (
        f"Active from steps: {how} × {WALK_KCAL_PER_KG_KM} kcal/kg/km × "
        f"{profile.weight_kg:g} kg = {kcal:,.0f} kcal"
    )


def day_budget(day: DayActivity | None, profile: BodyProfile) -> EnergyBudget:
    """The day's expenditure: measured where possible, profile where not."""
    if day is None or not day.has_data:
        return profile_tdee(profile)
    lines: list[str] = []
    workouts = day.workout_energy_kcal
    if day.total_energy_kcal is not None:
        lines.append(f"Measured total expenditure: {day.total_energy_kcal:,.0f} kcal")
        if workouts:
            lines.append(
                f"Workouts ({workouts:,.0f} kcal) are already inside that total; not added again."
            )
        return EnergyBudget(day.total_energy_kcal, "measured_total", tuple(lines))
    if day.basal_energy_kcal is not None:
        basal = day.basal_energy_kcal
        lines.append(f"Measured basal energy: {basal:,.0f} kcal")
    else:
        basal, line = mifflin_st_jeor(profile)
        lines.append(line + " (no basal energy recorded)")
    active = _active(day, profile, lines)
    if active is None:
        factor = ACTIVITY_FACTORS[profile.activity]
        total = basal * factor
        lines.append(
            f"No activity recorded: {basal:,.0f} × {factor:g} ({profile.activity}) "
            f"= {total:,.0f} kcal"
        )
        return EnergyBudget(total, "basal_times_factor", tuple(lines))
    total = basal + active
    lines.append(f"Expenditure = basal {basal:,.0f} + active {active:,.0f} = {total:,.0f} kcal")
    return EnergyBudget(total, "basal_plus_active", tuple(lines))


def _active(day: DayActivity, profile: BodyProfile, lines: list[str]) -> float | None:
    """Active energy: measured, else the larger of steps-based and workout energy."""
    workouts = day.workout_energy_kcal
    if day.active_energy_kcal is not None:
        lines.append(f"Measured active energy: {day.active_energy_kcal:,.0f} kcal")
        if workouts:
            lines.append(
                f"Workouts ({workouts:,.0f} kcal) are part of active energy; not added again."
            )
        return day.active_energy_kcal
    from_steps: float | None = None
    if day.steps or day.distance_m:
        from_steps, line = steps_energy(day.steps or 0.0, day.distance_m, profile)
        lines.append(line)
    if workouts and (from_steps is None or workouts > from_steps):
        if from_steps is not None:
            lines.append(
                f"Workouts ({workouts:,.0f} kcal) exceed the step estimate; "
                "using workouts instead (steps and workouts overlap)."
            )
        else:
            lines.append(f"Active from workouts: {workouts:,.0f} kcal")
        return workouts
    if from_steps is not None and workouts:
        lines.append(
            f"Workouts ({workouts:,.0f} kcal) are covered by the step estimate; not added again."
        )
    return from_steps


def period_budget(days: list[DayActivity], profile: BodyProfile) -> tuple[float, list[str]]:
    """Total expenditure over ``days`` (no-data days use the profile TDEE), with lines."""
    total = 0.0
    lines: list[str] = []
    for day in days:
        budget = day_budget(day, profile)
        total += budget.expenditure_kcal
        lines.append(
            f"{day.day.isoformat()}: {budget.expenditure_kcal:,.0f} kcal "
            f"({budget.method.replace('_', ' ')})"
        )
    if days:
        lines.append(
            f"Total {total:,.0f} kcal over {len(days)} days = {total / len(days):,.0f} kcal/day"
        )
    return total, lines
