import csv
import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agents.wearables import collect
from agents.wearables.daily import aggregate_days, local_window, resolve_timezone
from agents.wearables.priority import source_tier
from agents.wearables.records import (
    DailySummary,
    Sample,
    SleepSession,
    SleepStage,
    SourceInfo,
    Workout,
)

WATCH = SourceInfo("apple_health", "Apple Watch (Watch6,1)", "Apple Watch")
PHONE = SourceInfo("apple_health", "iPhone (iPhone14,2)", "Health")
APP = SourceInfo("apple_health", None, "Strava")
DAY = date(2024, 3, 5)


def at(hour, minute=0, day=DAY):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def steps(source, start, end, value):
    return Sample("steps", start, end, value, "count", source)


def one_day(records, tz=UTC, day=DAY):
    (row,) = aggregate_days(records, tz, day, day)
    return row


def test_tiers_rank_watch_over_phone_over_app():
    assert source_tier(WATCH) < source_tier(PHONE) < source_tier(APP)
    assert source_tier(SourceInfo("garmin_fit", "garmin vivo_fit")) == 0
    assert source_tier(SourceInfo("fitbit")) == 0
    assert source_tier(SourceInfo("google_fit", "vivo V2312", "com.google.android.fit")) == 1


def test_phone_and_watch_overlap_counts_each_minute_once():
    # The watch covers 10:00-11:00 in 10-minute samples (1000 steps); the phone logged
    # 10:00-12:00 as one 3000-step sample. Only the phone's 11:00-12:00 half is new.
    watch = [
        steps(WATCH, at(10, 10 * i), at(10, 10 * i) + timedelta(minutes=10), 1000 / 6)
        for i in range(6)
    ]
    phone = [steps(PHONE, at(10), at(12), 3000)]
    records = watch + phone
    random.Random(7).shuffle(records)
    row = one_day(records)
    assert row.steps == pytest.approx(1000 + 1500)
    assert row.steps != pytest.approx(4000)  # the naive sum double counts 10:00-11:00
    assert "Apple Watch" in row.basis["steps"] and "iPhone" in row.basis["steps"]


def test_watch_wins_even_when_phone_counted_more():
    row = one_day([steps(PHONE, at(10), at(11), 2000), steps(WATCH, at(10), at(11), 1500)])
    assert row.steps == pytest.approx(1500)


def test_overlap_within_one_source_is_not_summed_twice():
    row = one_day([steps(WATCH, at(10), at(11), 600), steps(WATCH, at(10, 30), at(11, 30), 600)])
    assert row.steps == pytest.approx(600 + 300)


def test_instant_sample_inside_covered_time_is_skipped():
    instant = steps(PHONE, at(10, 30), at(10, 30), 50)
    outside = steps(PHONE, at(13), at(13), 70)
    row = one_day([steps(WATCH, at(10), at(11), 600), instant, outside])
    assert row.steps == pytest.approx(670)


def test_daily_total_beats_samples_and_is_never_added_to_them():
    records = [
        steps(WATCH, at(8), at(9), 5000),
        DailySummary(DAY, "steps", 8000, WATCH),
        steps(WATCH, at(8, day=DAY + timedelta(days=1)), at(9, day=DAY + timedelta(days=1)), 4000),
    ]
    first, second = aggregate_days(records, UTC, DAY, DAY + timedelta(days=1))
    assert first.steps == 8000
    assert first.basis["steps"].startswith("daily total")
    assert second.steps == pytest.approx(4000)


def test_competing_daily_totals_pick_priority_then_largest():
    other_app = SourceInfo("samsung_health", None, "other")
    row = one_day(
        [
            DailySummary(DAY, "active_energy_kcal", 500, APP),
            DailySummary(DAY, "active_energy_kcal", 300, WATCH),
            DailySummary(DAY, "basal_energy_kcal", 1500, APP),
            DailySummary(DAY, "basal_energy_kcal", 1600, other_app),
        ]
    )
    assert row.active_energy_kcal == 300
    assert row.basal_energy_kcal == 1600


def test_sample_across_local_midnight_is_split_pro_rata():
    tz = ZoneInfo("America/New_York")  # 23:00-01:00 EST = 04:00-06:00 UTC
    sample = steps(WATCH, at(4), at(6), 120)
    before, after = aggregate_days([sample], tz, DAY - timedelta(days=1), DAY)
    assert before.steps == pytest.approx(60)
    assert after.steps == pytest.approx(60)


def test_local_window_follows_daylight_saving():
    start, end = local_window(date(2025, 3, 30), date(2025, 3, 30), ZoneInfo("Europe/Paris"))
    assert end - start == timedelta(hours=23)
    assert start == datetime(2025, 3, 29, 23, tzinfo=UTC)


def test_sleep_counts_asleep_time_once_on_the_wake_day():
    tz = ZoneInfo("Europe/Paris")  # UTC+1 in March
    night = DAY - timedelta(days=1)
    watch = SleepSession(
        at(22, day=night),
        at(6),
        (
            SleepStage("light", at(22, day=night), at(2)),
            SleepStage("awake", at(2), at(2, 30)),
            SleepStage("deep", at(2, 30), at(6)),
        ),
        WATCH,
    )
    in_bed = SleepSession(
        at(21, 30, day=night),
        at(6, 30),
        (SleepStage("in_bed", at(21, 30, day=night), at(6, 30)),),
        PHONE,
    )
    manual = SleepSession(at(22, day=night), at(6, 30), (), APP)
    row = one_day([watch, in_bed, manual], tz)
    # watch: 4 h + 3.5 h asleep; the manual entry adds only what the watch did not cover
    # (02:00-02:30 and 06:00-06:30); time merely in bed is not sleep.
    assert row.sleep_minutes == pytest.approx(240 + 210 + 30 + 30)


def test_same_workout_from_two_sources_counts_once():
    run = Workout("running", at(7), at(8), 600, 10_000, 150, WATCH)
    strava = Workout("run", at(7, 2), at(8, 1), 650, 10_100, None, APP)
    ride = Workout("cycling", at(17), at(18), 400, 20_000, None, APP)
    row = one_day([strava, run, ride])
    assert row.workouts == 2
    assert row.workout_energy_kcal == 1000
    assert row.workout_minutes == pytest.approx(120)


def test_resting_hr_daily_value_beats_samples():
    sample = Sample("resting_heart_rate_bpm", at(9), at(9), 58, "count/min", PHONE)
    assert one_day([sample]).resting_hr_bpm == 58
    assert (
        one_day([sample, DailySummary(DAY, "resting_heart_rate_bpm", 61, WATCH)]).resting_hr_bpm
        == 61
    )


def test_empty_days_have_no_data():
    row = one_day([])
    assert not row.has_data and row.steps is None and row.workouts == 0


def test_resolve_timezone(monkeypatch):
    assert resolve_timezone("Asia/Kolkata").key == "Asia/Kolkata"
    monkeypatch.setenv("TZ", "Europe/Paris")
    assert resolve_timezone(None).key == "Europe/Paris"
    monkeypatch.delenv("TZ")
    assert resolve_timezone(None).key == "UTC"
    with pytest.raises(ValueError, match="unknown time zone"):
        resolve_timezone("Mars/Olympus")


def test_samsung_phone_and_watch_steps_not_double_counted(wear):
    folder = wear / "samsung-health"
    day = date(2025, 12, 13)
    with (folder / "com.samsung.shealth.step_daily_trend.20251215221761.csv").open(
        encoding="utf-8-sig", newline=""
    ) as fh:
        fh.readline()
        rows = list(csv.DictReader(fh))
    midnight_ms = int(datetime(2025, 12, 13, tzinfo=UTC).timestamp() * 1000)
    (combined,) = [
        int(r["count"])
        for r in rows
        if r["source_type"] == "-2" and int(r["day_time"]) == midnight_ms
    ]
    export = collect(folder)
    tz = ZoneInfo("America/Sao_Paulo")
    naive = sum(
        s.value
        for s in export.samples
        if s.kind == "steps" and s.start.astimezone(tz).date() == day
    )
    records = export.samples + export.sleep + export.workouts + export.daily
    row = one_day(records, tz, day)
    assert row.steps == combined == 7583
    assert naive > combined  # phone + watch summed would have counted ~12k
