import csv
import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import UTC, date, datetime

import pytest

from agents.wearables import collect, detect_format
from agents.wearables.parsers.google_fit import source_info

TCX_NS = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}


@pytest.fixture(scope="module")
def fit_dir(wear):
    return wear / "google-takeout-fit"


@pytest.fixture(scope="module")
def google(fit_dir):
    return collect(fit_dir)


def _points(fit_dir, stem):
    path = next((fit_dir / "Takeout" / "Fit" / "All Data").glob(f"{stem}*.json"))
    return json.loads(path.read_text())["Data Points"]


def test_detected_as_google_fit(fit_dir):
    assert detect_format(fit_dir) == "google_fit"
    assert detect_format(fit_dir / "Takeout") == "google_fit"


def test_steps_per_utc_day_match_json(google, fit_dir):
    raw = defaultdict(int)
    for p in _points(fit_dir, "derived_com.google.step_count.delta"):
        day = datetime.fromtimestamp(int(p["startTimeNanos"]) // 10**9, UTC).date()
        raw[day] += p["fitValue"][0]["value"]["intVal"]
    ours = defaultdict(float)
    for s in google.samples:
        if s.kind == "steps":
            ours[s.start.date()] += s.value
    assert ours == raw
    assert ours[date(2025, 2, 1)] == raw[date(2025, 2, 1)] > 1000
    assert sum(1 for s in google.samples if s.kind == "steps") == 2369


def test_calories_total_and_nanosecond_times(google, fit_dir):
    points = _points(fit_dir, "derived_com.google.calories.expended")
    raw_total = sum(p["fitValue"][0]["value"]["fpVal"] for p in points)
    cal = [s for s in google.samples if s.kind == "total_energy_kcal"]
    assert len(cal) == 231
    assert sum(s.value for s in cal) == pytest.approx(raw_total)
    first = min(points, key=lambda p: int(p["startTimeNanos"]))
    ns = int(first["startTimeNanos"])
    expected = datetime.fromtimestamp(ns // 10**9, UTC).replace(microsecond=ns % 10**9 // 1000)
    assert min(s.start for s in cal) == expected
    assert cal[0].source.device == "vivo V2312"
    assert cal[0].source.app == "com.google.android.fit"


def test_daily_csv_rows_and_blank_cells(google, fit_dir):
    path = fit_dir / "Takeout" / "Fit" / "Daily activity metrics" / "Daily activity metrics.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    daily = {(d.day.isoformat(), d.kind): d.value for d in google.daily}
    for row in rows:
        assert daily[(row["Date"], "steps")] == float(row["Step count"])
        assert daily[(row["Date"], "total_energy_kcal")] == float(row["Calories (kcal)"])
        if row["Average weight (kg)"]:
            assert daily[(row["Date"], "body_mass_kg")] == float(row["Average weight (kg)"])
        else:
            assert (row["Date"], "body_mass_kg") not in daily
        if not row["Heart Points"]:
            assert (row["Date"], "heart_points") not in daily
    assert daily[("2025-02-01", "steps")] == 6852


def test_activities_tcx_two_activities_per_file(google, fit_dir):
    raw = []
    for path in sorted((fit_dir / "Takeout" / "Fit" / "Activities").glob("*.tcx")):
        for act in ET.parse(path).getroot().iterfind(".//t:Activity", TCX_NS):
            cal = sum(float(c.text) for c in act.iterfind("t:Lap/t:Calories", TCX_NS))
            dist = [float(d.text) for d in act.iterfind(".//t:Trackpoint/t:DistanceMeters", TCX_NS)]
            raw.append((act.find("t:Id", TCX_NS).text, cal, max(dist) - min(dist)))
    assert len(raw) == 4
    ours = sorted(google.workouts, key=lambda w: w.start)
    assert [w.activity for w in ours] == ["walking"] * 4
    for w, (ident, cal, dist) in zip(ours, sorted(raw), strict=True):
        assert w.start == datetime.fromisoformat(ident.replace("Z", "+00:00"))
        assert w.energy_kcal == pytest.approx(cal)
        assert w.distance_m == pytest.approx(dist)
        assert w.avg_hr is None
        assert w.source.provider == "google_fit" and w.source.app == "Google Fit"


def test_source_id_parsing():
    raw = source_info("raw:com.google.step_count.cumulative:vivo:V2312:557f:STEP_COUNTER")
    assert (raw.device, raw.app) == ("vivo V2312", None)
    merged = source_info(
        "derived:com.google.step_count.delta:com.google.android.gms:merge_step_deltas"
    )
    assert (merged.device, merged.app) == (None, "com.google.android.gms")


def test_overlapping_streams_and_interval_csv(tmp_path):
    base = tmp_path / "Takeout" / "Fit"
    (base / "All Data").mkdir(parents=True)
    point = {
        "fitValue": [{"value": {"intVal": 100}}],
        "dataTypeName": "com.google.step_count.delta",
        "startTimeNanos": 1738156698230507294,
        "endTimeNanos": 1738156736058456668,
    }
    for name, stream in [
        ("raw_steps.json", "raw:com.google.step_count.delta:vivo:V1:x:STEP"),
        (
            "derived_merge.json",
            "derived:com.google.step_count.delta:com.google.android.gms:merge_step_deltas",
        ),
    ]:
        (base / "All Data" / name).write_text(
            json.dumps({"Data Source": stream, "Data Points": [point]})
        )
    sleep = {
        "Data Source": "derived:com.google.sleep.segment:com.google.android.gms:merged",
        "Data Points": [
            {
                "fitValue": [{"value": {"intVal": v}}],
                "dataTypeName": "com.google.sleep.segment",
                "startTimeNanos": s * 60 * 10**9,
                "endTimeNanos": e * 60 * 10**9,
            }
            for v, s, e in [(4, 0, 60), (5, 60, 90), (6, 90, 120), (1, 120, 125)]
        ],
    }
    (base / "All Data" / "derived_sleep.json").write_text(json.dumps(sleep))
    (base / "Daily activity metrics").mkdir()
    (base / "Daily activity metrics" / "2025-01-29.csv").write_text(
        "Start time,End time,Move Minutes count,Calories (kcal),Distance (m),Step count,"
        "Average heart rate (bpm)\n"
        "08:00:00.000+05:30,08:15:00.000+05:30,3,20.5,150.0,210,88.0\n"
        "23:45:00.000+05:30,00:00:00.000+05:30,,10.0,,,\n"
    )
    got = collect(tmp_path)
    steps = [s for s in got.samples if s.kind == "steps"]
    assert [s.value for s in steps] == [100.0, 210.0]
    assert any("skipped" in e for e in got.errors)
    (night,) = got.sleep
    assert [st.stage for st in night.stages] == ["light", "deep", "rem", "awake"]
    interval = next(s for s in got.samples if s.kind == "heart_rate_bpm")
    assert interval.start == datetime(2025, 1, 29, 2, 30, tzinfo=UTC)
    last = [s for s in got.samples if s.kind == "total_energy_kcal"][-1]
    assert (last.start, last.end) == (
        datetime(2025, 1, 29, 18, 15, tzinfo=UTC),
        datetime(2025, 1, 29, 18, 30, tzinfo=UTC),
    )
