import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from agents.wearables import DailySummary, Sample, SleepSession, SourceInfo, Workout
from agents.wearables.timeutil import from_epoch_ms, from_epoch_ns, parse_fitbit, parse_utc_offset
from agents.wearables.units import convert

T0 = datetime(2024, 1, 1, 8, tzinfo=UTC)
SRC = SourceInfo("apple_health", "iPhone (iPhone10,4)", "Ryan Phone")


def test_records_are_frozen_and_slotted():
    sample = Sample("steps", T0, T0 + timedelta(minutes=1), 10.0, "count", SRC)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.value = 11.0
    assert not hasattr(sample, "__dict__")


def test_dedupe_keys():
    a = Sample("steps", T0, T0 + timedelta(minutes=1), 10.0, "count", SRC)
    b = Sample("steps", T0, T0 + timedelta(minutes=1), 10.0, "count", SRC)
    c = dataclasses.replace(a, value=11.0)
    d = dataclasses.replace(a, source=SourceInfo("apple_health", "Apple Watch (Watch6,2)", "W"))
    assert a.dedupe_key() == b.dedupe_key()
    assert len({a.dedupe_key(), c.dedupe_key(), d.dedupe_key()}) == 3
    assert len(a.dedupe_key()) == 40
    day = DailySummary(date(2024, 1, 1), "steps", 5000.0, SRC)
    revised = dataclasses.replace(day, value=5100.0)
    assert day.dedupe_key() == revised.dedupe_key()  # a re-export revises, not duplicates
    w = Workout("running", T0, T0 + timedelta(hours=1), None, 5000.0, None, SRC)
    s = SleepSession(T0, T0 + timedelta(hours=8), (), SRC)
    assert len({w.dedupe_key(), s.dedupe_key(), a.dedupe_key(), day.dedupe_key()}) == 4


@pytest.mark.parametrize(
    "kind, value, unit, expected",
    [
        ("active_energy_kcal", 4.184, "kJ", 1.0),
        ("total_energy_kcal", 2.0, "Cal", 2.0),
        ("distance_m", 1.0, "km", 1000.0),
        ("distance_m", 1.0, "mi", 1609.344),
        ("distance_m", 2.0, "Miles", 3218.688),
        ("body_mass_kg", 1.0, "lb", 0.45359237),
        ("heart_rate_bpm", 60.0, "count/min", 60.0),
    ],
)
def test_unit_conversion(kind, value, unit, expected):
    assert convert(kind, value, unit) == pytest.approx(expected)


def test_unit_conversion_refuses_unknown_units():
    with pytest.raises(ValueError, match="furlong"):
        convert("distance_m", 1.0, "furlong")


def test_time_helpers():
    assert parse_fitbit("12/06/17 23:12:00") == datetime(2017, 12, 6, 23, 12, tzinfo=UTC)
    assert from_epoch_ns(1738156698230507294) == datetime(
        2025, 1, 29, 13, 18, 18, 230507, tzinfo=UTC
    )
    assert from_epoch_ms("1764806400000") == datetime(2025, 12, 4, tzinfo=UTC)
    assert parse_utc_offset("UTC-0300") == timedelta(hours=-3)
    assert parse_utc_offset("+05:30") == timedelta(hours=5, minutes=30)
    assert parse_utc_offset("nonsense") is None
