import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from agents.wearables import collect, detect_format
from agents.wearables.parsers import fitbit
from agents.wearables.parsers.fitbit_local import infer_offset

UTC11 = timedelta(hours=11)


@pytest.fixture(scope="module")
def export(wear):
    return wear / "fitbit" / "user-site-export"


@pytest.fixture(scope="module")
def fb(wear):
    return collect(wear / "fitbit")


def _load(export, kind, tag):
    return json.loads((export / kind / f"{kind}-{tag}.json").read_text())


def test_detected(wear):
    assert detect_format(wear / "fitbit") == "fitbit"


def test_steps_on_2017_12_10(fb, export):
    raw = sum(
        int(e["value"])
        for e in _load(export, "steps", "2017-12-02")
        if e["dateTime"].startswith("12/10/17")
    )
    ours = sum(
        s.value for s in fb.samples if s.kind == "steps" and s.start.date() == date(2017, 12, 10)
    )
    assert ours == raw > 1000
    total = sum(int(e["value"]) for e in _load(export, "steps", "2017-12-02"))
    assert sum(s.value for s in fb.samples if s.kind == "steps") == total
    minute = next(s for s in fb.samples if s.kind == "steps")
    assert minute.end - minute.start == timedelta(minutes=1)


def test_heart_rate_day_file(fb, export):
    raw = _load(export, "heart_rate", "2017-12-14")
    window = (datetime(2017, 12, 13, 13, tzinfo=UTC), datetime(2017, 12, 14, 13, tzinfo=UTC))
    ours = [
        s.value
        for s in fb.samples
        if s.kind == "heart_rate_bpm" and window[0] <= s.start < window[1]
    ]
    assert len(ours) == len(raw) == 11156
    assert sum(ours) == sum(e["value"]["bpm"] for e in raw)


def test_resting_hr_and_activity_minutes(fb, export):
    raw = [e for e in _load(export, "resting_heart_rate", "2017-05-16") if e["value"]["value"]]
    rest = {d.day: d.value for d in fb.daily if d.kind == "resting_heart_rate_bpm"}
    assert len(rest) == len(raw) == 285
    assert rest[date(2017, 5, 16)] == pytest.approx(63.653536796569824)
    sedentary = {d.day: d.value for d in fb.daily if d.kind == "sedentary_minutes"}
    raw_sed = _load(export, "sedentary_minutes", "2017-12-02")
    assert sedentary[date(2017, 12, 2)] == float(raw_sed[0]["value"]) == 1440.0


def test_offset_inferred_from_heart_rate_files(fb):
    assert fb.errors == []
    first = datetime(2017, 12, 12, 22, 1, 36, tzinfo=UTC)
    bounds = [
        (date(2017, 12, 13), first, datetime(2017, 12, 13, 12, 59, 57, tzinfo=UTC)),
        (
            date(2017, 12, 14),
            datetime(2017, 12, 13, 13, 0, 2, tzinfo=UTC),
            datetime(2017, 12, 14, 12, 59, 54, tzinfo=UTC),
        ),
    ]
    assert infer_offset(bounds) == UTC11
    assert infer_offset([]) is None


def test_sleep_stages_match_log_summary(fb, export):
    logs = {log["logId"]: log for log in _load(export, "sleep", "2017-12-02")}
    assert len(fb.sleep) == len(logs) == 8
    by_start = {s.start: s for s in fb.sleep}
    for log in logs.values():
        start = datetime.fromisoformat(log["startTime"]).replace(tzinfo=UTC) - UTC11
        session = by_start[start]
        end = datetime.fromisoformat(log["endTime"]).replace(tzinfo=UTC) - UTC11
        assert session.end == end
        span = (session.end - session.start).total_seconds()
        assert span == pytest.approx(log["duration"] / 1000, abs=60)
        minutes = Counter()
        for st in session.stages:
            minutes[st.stage] += (st.end - st.start).total_seconds() / 60
        assert sum(minutes.values()) == pytest.approx(span / 60)
        summary = log["levels"]["summary"]
        for level, stage in [
            ("deep", "deep"),
            ("light", "light"),
            ("rem", "rem"),
            ("wake", "awake"),
        ]:
            assert minutes[stage] == pytest.approx(summary[level]["minutes"], abs=4)


def test_calories_and_exercise_files(tmp_path):
    root = tmp_path / "user-site-export"
    (root / "calories").mkdir(parents=True)
    (root / "calories" / "calories-2017-12-02.json").write_text(
        json.dumps(
            [
                {"dateTime": "12/02/17 00:00:00", "value": "1.25"},
                {"dateTime": "12/02/17 00:01:00", "value": "1.5"},
            ]
        )
    )
    (root / "exercise").mkdir()
    (root / "exercise" / "exercise-0.json").write_text(
        json.dumps(
            [
                {
                    "logId": 1,
                    "activityName": "Outdoor Bike",
                    "startTime": "12/06/17 08:13:11",
                    "duration": 1800000,
                    "calories": 250,
                    "distance": 10.5,
                    "distanceUnit": "Kilometer",
                    "averageHeartRate": 131,
                }
            ]
        )
    )
    got = collect(root)
    assert sum(s.value for s in got.samples if s.kind == "total_energy_kcal") == 2.75
    (ride,) = got.workouts
    assert ride.activity == "outdoor_bike"
    assert (ride.energy_kcal, ride.distance_m, ride.avg_hr) == (250.0, 10500.0, 131.0)
    assert ride.start == datetime(2017, 12, 6, 8, 13, 11, tzinfo=UTC)
    assert ride.end - ride.start == timedelta(minutes=30)
    assert any("UTC offset" in e for e in got.errors)
    shifted = list(fitbit.parse(root, utc_offset=timedelta(hours=-5)))
    ride_local = next(r for r in shifted if hasattr(r, "activity"))
    assert ride_local.start == datetime(2017, 12, 6, 13, 13, 11, tzinfo=UTC)
