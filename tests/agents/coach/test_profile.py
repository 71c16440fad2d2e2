from datetime import date

import pytest

from agents.coach.profile import (
    ACTIVITY_FACTORS,
    BodyProfile,
    age_on,
    bmr_mifflin_st_jeor,
    compute_targets,
    energy_target,
    macro_targets,
    tdee,
)


def test_bmr_mifflin_st_jeor_for_men_and_women() -> None:
    assert bmr_mifflin_st_jeor("male", 80, 180, 30) == 1780.0
    assert bmr_mifflin_st_jeor("female", 60, 165, 30) == pytest.approx(1320.25)


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("sedentary", 2136.0),
        ("light", 2447.5),
        ("moderate", 2759.0),
        ("active", 3070.5),
        ("very_active", 3382.0),
    ],
)
def test_tdee_uses_the_activity_factor(level, expected) -> None:
    assert tdee(1780.0, level) == pytest.approx(expected)
    assert ACTIVITY_FACTORS[level] == pytest.approx(expected / 1780.0)


def test_goal_shifts_energy_and_the_floor_depends_on_sex() -> None:
    assert energy_target(2759.0, "lose", "male") == 2259.0
    assert energy_target(2759.0, "maintain", "male") == 2759.0
    assert energy_target(2759.0, "gain", "male") == 3059.0
    assert energy_target(1600.0, "lose", "male") == 1500.0
    assert energy_target(1600.0, "lose", "female") == 1200.0
    assert energy_target(1600.0, "maintain", "female") == 1600.0


def test_macros_protein_by_goal_fat_30_percent_carbs_the_rest() -> None:
    protein, fat, carbs = macro_targets(2259.0, 80.0, "lose")
    assert protein == pytest.approx(128.0)
    assert fat == pytest.approx(2259.0 * 0.3 / 9)
    assert 4 * protein + 9 * fat + 4 * carbs == pytest.approx(2259.0)
    protein, _, _ = macro_targets(2259.0, 80.0, "gain")
    assert protein == pytest.approx(96.0)


def test_carbohydrate_never_negative() -> None:
    _, _, carbs = macro_targets(1200.0, 200.0, "lose")  # 320 g protein alone exceeds the energy
    assert carbs == 0.0


def test_compute_targets_reference_man() -> None:
    targets = compute_targets(BodyProfile("male", 30, 180, 80, "moderate", "maintain"))
    assert (targets.bmr_kcal, targets.tdee_kcal, targets.energy_kcal) == (1780, 2759, 2759)
    assert (targets.protein_g, targets.fat_g, targets.carbohydrate_g) == (96.0, 92.0, 386.8)
    assert targets.as_nutrients()["energy_kcal"] == 2759


def test_compute_targets_small_older_woman_hits_the_floor() -> None:
    targets = compute_targets(BodyProfile("female", 70, 150, 45, "sedentary", "lose"))
    assert targets.bmr_kcal == 876  # 450 + 937.5 − 350 − 161 = 876.5, rounded half-even
    assert targets.tdee_kcal == 1052
    assert targets.energy_kcal == 1200
    assert targets.protein_g == 72.0


def test_age_counts_completed_years() -> None:
    assert age_on(date(1995, 6, 15), date(2025, 6, 14)) == 29
    assert age_on(date(1995, 6, 15), date(2025, 6, 15)) == 30
    assert age_on(date(2000, 2, 29), date(2025, 2, 28)) == 24
    assert age_on(date(2000, 2, 29), date(2025, 3, 1)) == 25
