from datetime import date

import pytest

from agents.wearables.budget import BodyProfile, day_budget, mifflin_st_jeor, period_budget
from agents.wearables.daily import DayActivity

DAY = date(2025, 6, 2)
MAN = BodyProfile(sex="male", age=30, height_cm=175, weight_kg=70, activity="light")
BMR = 10 * 70 + 6.25 * 175 - 5 * 30 + 5  # 1648.75


def day(**figures):
    row = DayActivity(DAY, **figures)
    row.basis.update({k: "test" for k, v in figures.items() if v})
    return row


def test_mifflin_st_jeor_both_sexes():
    assert mifflin_st_jeor(MAN)[0] == pytest.approx(1648.75)
    woman = BodyProfile(sex="female", age=40, height_cm=165, weight_kg=60)
    bmr, line = mifflin_st_jeor(woman)
    assert bmr == pytest.approx(10 * 60 + 6.25 * 165 - 5 * 40 - 161)
    assert "− 161" in line and f"{bmr:,.0f} kcal" in line


def test_no_data_falls_back_to_profile_tdee():
    budget = day_budget(None, MAN)
    assert budget.method == "profile_tdee"
    assert budget.expenditure_kcal == pytest.approx(BMR * 1.375)
    assert budget.lines[-1] == f"TDEE = 1,649 × 1.375 (light) = {BMR * 1.375:,.0f} kcal"


def test_measured_total_is_used_and_workouts_not_added():
    budget = day_budget(day(total_energy_kcal=2450.0, workout_energy_kcal=500.0, workouts=1), MAN)
    assert budget.method == "measured_total"
    assert budget.expenditure_kcal == 2450
    assert any("not added again" in line for line in budget.lines)


def test_basal_plus_active_measured():
    budget = day_budget(
        day(
            basal_energy_kcal=1600.0,
            active_energy_kcal=450.0,
            workout_energy_kcal=300.0,
            steps=9000.0,
        ),
        MAN,
    )
    assert budget.method == "basal_plus_active"
    assert budget.expenditure_kcal == pytest.approx(2050)
    assert budget.lines[-1] == "Expenditure = basal 1,600 + active 450 = 2,050 kcal"
    assert any("part of active energy" in line for line in budget.lines)


def test_only_active_energy_uses_bmr_plus_active():
    budget = day_budget(day(active_energy_kcal=400.0), MAN)
    assert budget.expenditure_kcal == pytest.approx(BMR + 400)
    assert budget.lines[0].startswith("BMR (Mifflin–St Jeor, male)")


def test_only_steps_estimates_walking_energy():
    budget = day_budget(day(steps=10_000.0), MAN)
    km = 10_000 * 0.415 * 1.75 / 1000
    active = km * 0.5 * 70
    assert budget.expenditure_kcal == pytest.approx(BMR + active)
    assert "10,000 steps × 0.73 m = 7.26 km" in budget.lines[1]


def test_measured_distance_preferred_over_stride_estimate():
    budget = day_budget(day(steps=10_000.0, distance_m=8_000.0), MAN)
    assert budget.expenditure_kcal == pytest.approx(BMR + 8 * 0.5 * 70)


def test_steps_and_workouts_take_the_larger_not_the_sum():
    small_run = day_budget(day(steps=10_000.0, workout_energy_kcal=100.0, workouts=1), MAN)
    assert small_run.expenditure_kcal == pytest.approx(BMR + 10_000 * 0.72625 / 1000 * 35)
    big_ride = day_budget(day(steps=2_000.0, workout_energy_kcal=700.0, workouts=1), MAN)
    assert big_ride.expenditure_kcal == pytest.approx(BMR + 700)


def test_basal_without_activity_uses_activity_factor():
    budget = day_budget(day(basal_energy_kcal=1500.0, sleep_minutes=420.0), MAN)
    assert budget.method == "basal_times_factor"
    assert budget.expenditure_kcal == pytest.approx(1500 * 1.375)


def test_period_budget_mixes_measured_and_estimated_days():
    measured = day(total_energy_kcal=2500.0)
    empty = DayActivity(date(2025, 6, 3))
    total, lines = period_budget([measured, empty], MAN)
    assert total == pytest.approx(2500 + BMR * 1.375)
    assert lines[0] == "2025-06-02: 2,500 kcal (measured total)"
    assert lines[1].endswith("(profile tdee)")
    assert lines[-1].startswith("Total ")
