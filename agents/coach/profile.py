"""Energy and macro targets from body data: Mifflin–St Jeor BMR, activity, goal.

Pure arithmetic with no I/O, so the API, the coach graph and the tests share one formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

Sex = Literal["male", "female"]
ActivityLevel = Literal["sedentary", "light", "moderate", "active", "very_active"]
Goal = Literal["lose", "maintain", "gain"]

SEXES: tuple[Sex, ...] = get_args(Sex)
ACTIVITY_LEVELS: tuple[ActivityLevel, ...] = get_args(ActivityLevel)
GOALS: tuple[Goal, ...] = get_args(Goal)

ACTIVITY_FACTORS: dict[ActivityLevel, float] = {
    "sedentary": 1.2,
    "light": 1.375,
    "moderate": 1.55,
    "active": 1.725,
    "very_active": 1.9,
}
GOAL_ADJUSTMENT_KCAL: dict[Goal, float] = {"lose": -500.0, "maintain": 0.0, "gain": 300.0}
ENERGY_FLOOR_KCAL: dict[Sex, float] = {"female": 1200.0, "male": 1500.0}
PROTEIN_G_PER_KG: dict[Goal, float] = {"lose": 1.6, "maintain": 1.2, "gain": 1.2}
FAT_ENERGY_SHARE = 0.30
KCAL_PER_G = {"protein": 4.0, "fat": 9.0, "carbohydrate": 4.0}


@dataclass(frozen=True, slots=True)
class BodyProfile:
    """What the formulas need about a person on a given day."""

    sex: Sex
    age_years: int
    height_cm: float
    weight_kg: float
    activity_level: ActivityLevel
    goal: Goal


@dataclass(frozen=True, slots=True)
class Targets:
    """Daily targets and the intermediate figures they come from (kcal, grams)."""

    bmr_kcal: float
    tdee_kcal: float
    energy_kcal: float
    protein_g: float
    fat_g: float
    carbohydrate_g: float

    def as_nutrients(self) -> dict[str, float]:
        """The targets keyed like meal totals, for side-by-side comparison."""
        return {
            "energy_kcal": self.energy_kcal,
            "protein_g": self.protein_g,
            "fat_g": self.fat_g,
            "carbohydrate_g": self.carbohydrate_g,
        }


def age_on(birth_date: date, day: date) -> int:
    """Completed years of age on ``day``."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def bmr_mifflin_st_jeor(sex: Sex, weight_kg: float, height_cm: float, age_years: int) -> float:
    """Resting energy: 10·kg + 6.25·cm − 5·years, +5 for men and −161 for women."""
    base = 10.0 * weight_kg + 6.25 * height_cm - 5.0 * age_years
    return base + (5.0 if sex == "male" else -161.0)


def tdee(bmr_kcal: float, activity_level: ActivityLevel) -> float:
    """Total daily energy expenditure: BMR times the activity factor."""
    return bmr_kcal * ACTIVITY_FACTORS[activity_level]


def energy_target(tdee_kcal: float, goal: Goal, sex: Sex) -> float:
    """TDEE shifted for the goal, never below the sex-specific safety floor."""
    return max(tdee_kcal + GOAL_ADJUSTMENT_KCAL[goal], ENERGY_FLOOR_KCAL[sex])


def macro_targets(energy_kcal: float, weight_kg: float, goal: Goal) -> tuple[float, float, float]:
    """Protein by body weight, fat as 30 % of energy, carbohydrate the remaining energy."""
    protein = PROTEIN_G_PER_KG[goal] * weight_kg
    fat = FAT_ENERGY_SHARE * energy_kcal / KCAL_PER_G["fat"]
    left = energy_kcal - protein * KCAL_PER_G["protein"] - fat * KCAL_PER_G["fat"]
    return protein, fat, max(left, 0.0) / KCAL_PER_G["carbohydrate"]


def compute_targets(profile: BodyProfile) -> Targets:
    """All daily targets; energy rounded to whole kcal, grams to 0.1 g."""
    bmr = bmr_mifflin_st_jeor(profile.sex, profile.weight_kg, profile.height_cm, profile.age_years)
    total = tdee(bmr, profile.activity_level)
    energy = round(energy_target(total, profile.goal, profile.sex))
    protein, fat, carbohydrate = macro_targets(energy, profile.weight_kg, profile.goal)
    return Targets(
        bmr_kcal=round(bmr),
        tdee_kcal=round(total),
        energy_kcal=energy,
        protein_g=round(protein, 1),
        fat_g=round(fat, 1),
        carbohydrate_g=round(carbohydrate, 1),
    )
