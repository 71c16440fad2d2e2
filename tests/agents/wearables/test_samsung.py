import csv
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest

from agents.wearables import collect, detect_format
from agents.wearables.parsers.samsung_csv import bare, data_type, read_rows

STAMP = "20251215221761"


@pytest.fixture(scope="module")
def sam_dir(wear):
    return wear / "samsung-health"


@pytest.fixture(scope="module")
def sam(sam_dir):
    return collect(sam_dir)


def _rows(sam_dir, dtype):
    with (sam_dir / f"{dtype}.{STAMP}.csv").open(encoding="utf-8-sig", newline="") as fh:
        fh.readline()  # metadata line
        reader = csv.reader(fh)
        header = next(reader)
        return [dict(zip(header, row, strict=False)) for row in reader]


def _utc(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=UTC)


def test_detected(sam_dir):
    assert detect_format(sam_dir) == "samsung_health"


def test_daily_steps_from_combined_trend_rows(sam, sam_dir):
    raw = {}
    for row in _rows(sam_dir, "com.samsung.shealth.step_daily_trend"):
        if row["source_type"] == "-2":
            day = datetime.fromtimestamp(int(row["day_time"]) / 1000, UTC).date()
            raw[day] = float(row["count"])
    ours = {d.day: d.value for d in sam.daily if d.kind == "steps"}
    assert ours == raw
    assert ours[date(2025, 12, 6)] == 15488.0
    assert len({d.dedupe_key() for d in sam.daily if d.kind == "steps"}) == len(ours)


def test_pedometer_samples(sam, sam_dir):
    rows = _rows(sam_dir, "com.samsung.shealth.tracker.pedometer_step_count")
    prefix = "com.samsung.health.step_count."
    per_day = defaultdict(float)
    for row in rows:
        per_day[_utc(row[prefix + "start_time"]).date()] += float(row[prefix + "count"])
    ours = defaultdict(float)
    for s in sam.samples:
        if s.kind == "steps":
            ours[s.start.date()] += s.value
    assert ours == {d: v for d, v in per_day.items() if v}
    distance = sum(float(r[prefix + "distance"] or 0) for r in rows)
    assert sum(s.value for s in sam.samples if s.kind == "distance_m") == pytest.approx(distance)
    first = min((s for s in sam.samples if s.kind == "steps"), key=lambda s: s.start)
    assert first.start == datetime(2025, 12, 4, 19, 54, tzinfo=UTC)
    assert first.end == datetime(2025, 12, 4, 19, 55, tzinfo=UTC)
    assert first.source.device in {r[prefix + "deviceuuid"] for r in rows}


def test_exercise_workouts(sam, sam_dir):
    rows = _rows(sam_dir, "com.samsung.shealth.exercise")
    prefix = "com.samsung.health.exercise."
    assert len(sam.workouts) == len(rows) == 194
    kinds = Counter(w.activity for w in sam.workouts)
    raw_types = Counter(r[prefix + "exercise_type"] for r in rows)
    assert kinds["walking"] == raw_types["1001"]
    assert kinds["running"] == raw_types["1002"]
    walk = next(w for w in sam.workouts if w.start == _utc("2025-12-10 17:29:02.074"))
    assert (walk.activity, walk.energy_kcal, walk.avg_hr) == ("walking", 0.559, 82.0)
    assert walk.end == _utc("2025-12-10 17:59:35.493")
    assert sum(w.energy_kcal or 0 for w in sam.workouts) == pytest.approx(
        sum(float(r[prefix + "calorie"] or 0) for r in rows)
    )


def test_sleep_sessions_are_utc(sam, sam_dir):
    rows = _rows(sam_dir, "com.samsung.shealth.sleep")
    prefix = "com.samsung.health.sleep."
    assert len(sam.sleep) == len(rows) == 172
    by_start = {s.start: s for s in sam.sleep}
    for row in rows:
        session = by_start[_utc(row[prefix + "start_time"])]
        assert session.end == _utc(row[prefix + "end_time"])
        if row["sleep_duration"]:  # minutes asleep never exceed the session's span
            asleep = timedelta(minutes=int(row["sleep_duration"]))
            assert session.end - session.start >= asleep - timedelta(minutes=1)


def test_calories_burned_daily(sam, sam_dir):
    rows = _rows(sam_dir, "com.samsung.shealth.calories_burned.details")
    prefix = "com.samsung.shealth.calories_burned."
    rest = sorted(float(r[prefix + "rest_calorie"]) for r in rows if r[prefix + "rest_calorie"])
    assert sorted(d.value for d in sam.daily if d.kind == "basal_energy_kcal") == rest


def test_csv_dialect_helpers(tmp_path):
    assert data_type(f"com.samsung.shealth.exercise.{STAMP}.csv") == "com.samsung.shealth.exercise"
    assert bare("com.samsung.health.step_count.start_time") == "start_time"
    assert bare("day_time") == "day_time"
    path = tmp_path / "x.csv"
    path.write_bytes(
        "\ufeffcom.samsung.health.weight,6307003,3\n"
        "weight,com.samsung.health.weight.weight,start_time\n"
        "1,70.5,2025-01-01 08:00:00.000,\n".encode()
    )
    with path.open("rb") as fh:
        assert list(read_rows(fh)) == [{"weight": "70.5", "start_time": "2025-01-01 08:00:00.000"}]


def test_sleep_stage_join_and_weight(tmp_path):
    (tmp_path / f"com.samsung.health.sleep.{STAMP}.csv").write_text(
        "com.samsung.health.sleep,6307003,11\n"
        "com.samsung.health.sleep.start_time,com.samsung.health.sleep.end_time,"
        "com.samsung.health.sleep.datauuid\n"
        "2025-12-05 03:00:00.000,2025-12-05 04:00:00.000,abc,\n",
        encoding="utf-8-sig",
    )
    (tmp_path / f"com.samsung.health.sleep_stage.{STAMP}.csv").write_text(
        "com.samsung.health.sleep_stage,6307003,3\n"
        "sleep_id,stage,start_time,end_time\n"
        "abc,40003,2025-12-05 03:30:00.000,2025-12-05 04:00:00.000,\n"
        "abc,40002,2025-12-05 03:00:00.000,2025-12-05 03:30:00.000,\n"
        "zzz,40004,2025-12-06 03:00:00.000,2025-12-06 03:30:00.000,\n",
        encoding="utf-8-sig",
    )
    (tmp_path / f"com.samsung.health.weight.{STAMP}.csv").write_text(
        "com.samsung.health.weight,6307003,3\n"
        "weight,start_time,deviceuuid\n"
        "71.2,2025-12-05 07:00:00.000,dev1,\n",
        encoding="utf-8-sig",
    )
    got = collect(tmp_path)
    (night,) = got.sleep
    assert [st.stage for st in night.stages] == ["light", "deep"]
    (weight,) = got.samples
    assert (weight.kind, weight.value, weight.source.device) == ("body_mass_kg", 71.2, "dev1")
