import shutil
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from agents.wearables import collect, detect_format
from agents.wearables.timeutil import parse_apple

M_PER_MI = 1609.344


@pytest.fixture(scope="module")
def apple(wear):
    return collect(wear / "apple" / "export.xml")


@pytest.fixture(scope="module")
def raw_records(wear):
    return [r.attrib for r in ET.parse(wear / "apple" / "export.xml").getroot().iter("Record")]


def _local_day(s):
    return s.start.astimezone(timezone(timedelta(hours=-4))).date()


def test_steps_per_day_match_raw_stepcount(apple, raw_records):
    raw = defaultdict(float)
    for a in raw_records:
        if a["type"] == "HKQuantityTypeIdentifierStepCount" and a["sourceName"] == "Ryan Phone":
            raw[a["startDate"][:10]] += float(a["value"])
    ours = defaultdict(float)
    for s in apple.samples:
        if s.kind == "steps" and s.source.app == "Ryan Phone":
            ours[_local_day(s).isoformat()] += s.value
    assert ours == raw
    assert ours["2019-05-15"] == raw["2019-05-15"] > 1000


def test_distance_converted_from_miles(apple, raw_records):
    raw_mi = sum(
        float(a["value"])
        for a in raw_records
        if a["type"] == "HKQuantityTypeIdentifierDistanceWalkingRunning"
    )
    ours = sum(s.value for s in apple.samples if s.kind == "distance_m")
    assert ours == pytest.approx(raw_mi * M_PER_MI, rel=1e-9)
    assert all(s.unit == "m" for s in apple.samples if s.kind == "distance_m")


def test_counts_dates_and_device_glitch_kept(apple, raw_records):
    kinds = defaultdict(int)
    for s in apple.samples:
        kinds[s.kind] += 1
    assert kinds == {"steps": 1588, "distance_m": 1587, "flights": 170}
    raw_2030 = sum(1 for a in raw_records if a["startDate"].startswith("2030-01-06"))
    assert raw_2030 > 0
    assert sum(1 for s in apple.samples if s.start.year == 2030) == raw_2030
    first = min(s.start for s in apple.samples)
    assert first == datetime(2019, 5, 14, 22, 52, 9, tzinfo=UTC)
    assert all(s.start.tzinfo is UTC for s in apple.samples)
    assert {s.source.device for s in apple.samples} == {"iPhone (iPhone10,4)"}


def test_sleep_sessions(apple):
    assert len(apple.sleep) == 4
    health = [s for s in apple.sleep if s.source.app == "Health"]
    assert len(health) == 1 and health[0].stages[0].stage == "asleep"
    assert health[0].end - health[0].start == timedelta(hours=10)
    assert sorted(s.stages[0].stage for s in apple.sleep).count("in_bed") == 3


def test_date_formats_agree():
    expected = datetime(2019, 5, 14, 22, 52, 9, tzinfo=UTC)
    assert parse_apple("2019-05-14 18:52:09 -0400") == expected
    assert parse_apple("2019-05-14T18:52:09-04:00") == expected
    assert parse_apple("2019-05-14 22:52:09") == expected
    assert parse_apple("2019-05-14T22:52:09Z") == expected


def test_export_zip_is_streamed(wear, tmp_path, apple):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(wear / "apple" / "export.xml", "apple_health_export/export.xml")
        zf.writestr("apple_health_export/export_cda.xml", "<ClinicalDocument/>")
        zf.writestr("apple_health_export/workout-routes/route_1.gpx", "<gpx/>")
    assert detect_format(archive) == "apple_health"
    zipped = collect(archive)
    assert [s.dedupe_key() for s in zipped.samples] == [s.dedupe_key() for s in apple.samples]
    folder = tmp_path / "unzipped" / "apple_health_export"
    folder.mkdir(parents=True)
    shutil.copy(wear / "apple" / "export.xml", folder / "export.xml")
    assert len(collect(tmp_path / "unzipped").samples) == len(apple.samples)


NEWER_EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
]>
<HealthData locale="en_US">
 <ExportDate value="2024-03-02 08:00:00 +0100"/>
 <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch"
    device="{WATCH}"
    unit="count/min" startDate="2024-03-01T07:00:00+01:00" endDate="2024-03-01T07:00:00+01:00"
    value="61">
  <HeartRateVariabilityMetadataList/>
 </Record>
 <Record type="HKQuantityTypeIdentifierRestingHeartRate" sourceName="Watch" unit="count/min"
    startDate="2024-03-01 00:00:00 +0100" endDate="2024-03-01 23:59:00 +0100" value="52"/>
 <Record type="HKQuantityTypeIdentifierHeartRateVariabilitySDNN" sourceName="Watch" unit="ms"
    startDate="2024-03-01 03:00:00 +0100" endDate="2024-03-01 03:01:00 +0100" value="48.5"/>
 <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="Scale" unit="lb"
    startDate="2024-03-01 07:30:00 +0100" endDate="2024-03-01 07:30:00 +0100" value="150"/>
 <Record type="HKQuantityTypeIdentifierActiveEnergyBurned" sourceName="Watch" unit="kJ"
    startDate="2024-03-01 08:00:00 +0100" endDate="2024-03-01 08:01:00 +0100" value="41.84"/>
 <Record type="HKQuantityTypeIdentifierBasalEnergyBurned" sourceName="Watch" unit="Cal"
    startDate="2024-03-01 08:00:00 +0100" endDate="2024-03-01 08:01:00 +0100" value="1.2"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch"
    startDate="2024-03-01 23:00:00 +0100" endDate="2024-03-01 23:40:00 +0100"
    value="HKCategoryValueSleepAnalysisAsleepCore"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch"
    startDate="2024-03-01 23:40:00 +0100" endDate="2024-03-02 00:30:00 +0100"
    value="HKCategoryValueSleepAnalysisAsleepDeep"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch"
    startDate="2024-03-02 00:30:00 +0100" endDate="2024-03-02 00:35:00 +0100"
    value="HKCategoryValueSleepAnalysisAwake"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch"
    startDate="2024-03-02 00:35:00 +0100" endDate="2024-03-02 01:20:00 +0100"
    value="HKCategoryValueSleepAnalysisAsleepREM"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch"
    startDate="2024-03-02 13:00:00 +0100" endDate="2024-03-02 13:20:00 +0100"
    value="HKCategoryValueSleepAnalysisAsleepUnspecified"/>
 <Correlation type="HKCorrelationTypeIdentifierFood" sourceName="App"
    startDate="2024-03-01 12:00:00 +0100" endDate="2024-03-01 12:00:00 +0100">
  <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="App" unit="kg"
     startDate="2024-03-01 12:00:00 +0100" endDate="2024-03-01 12:00:00 +0100" value="99"/>
 </Correlation>
 <Workout workoutActivityType="HKWorkoutActivityTypeTraditionalStrengthTraining" duration="30"
    durationUnit="min" sourceName="Watch" startDate="2024-03-01 18:00:00 +0100"
    endDate="2024-03-01 18:30:00 +0100">
  <WorkoutEvent type="HKWorkoutEventTypePause" date="2024-03-01 18:10:00 +0100"/>
  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned"
     startDate="2024-03-01 18:00:00 +0100" endDate="2024-03-01 18:30:00 +0100" sum="180"
     unit="kcal"/>
  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceWalkingRunning"
     startDate="2024-03-01 18:00:00 +0100" endDate="2024-03-01 18:30:00 +0100" sum="1.5"
     unit="km"/>
  <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate"
     startDate="2024-03-01 18:00:00 +0100" endDate="2024-03-01 18:30:00 +0100" average="121.5"
     minimum="90" maximum="150" unit="count/min"/>
 </Workout>
 <Workout workoutActivityType="HKWorkoutActivityTypeRunning" sourceName="Phone"
    totalDistance="3.1" totalDistanceUnit="mi" totalEnergyBurned="1000"
    totalEnergyBurnedUnit="kJ" startDate="2019-05-14 18:00:00 -0400"
    endDate="2019-05-14 18:30:00 -0400"/>
 <ActivitySummary dateComponents="2024-03-01" activeEnergyBurned="450"
    activeEnergyBurnedGoal="500" activeEnergyBurnedUnit="kcal" appleExerciseTime="32"
    appleStandHours="11"/>
</HealthData>
""".replace(
    "{WATCH}",
    "&lt;&lt;HKDevice: 0x1&gt;, name:Apple Watch, manufacturer:Apple Inc., "
    "model:Watch, hardware:Watch6,2, software:10.1&gt;",
)


def test_newer_export_elements(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(NEWER_EXPORT, encoding="utf-8")
    got = collect(path)
    by_kind = {s.kind: s for s in got.samples}
    assert set(by_kind) == {
        "heart_rate_bpm",
        "resting_heart_rate_bpm",
        "hrv_ms",
        "body_mass_kg",
        "active_energy_kcal",
        "basal_energy_kcal",
    }
    assert by_kind["heart_rate_bpm"].start == datetime(2024, 3, 1, 6, 0, tzinfo=UTC)
    assert by_kind["heart_rate_bpm"].source.device == "Apple Watch (Watch6,2)"
    assert by_kind["body_mass_kg"].value == pytest.approx(150 * 0.45359237)
    assert by_kind["active_energy_kcal"].value == pytest.approx(10.0)
    assert by_kind["basal_energy_kcal"].value == pytest.approx(1.2)
    assert by_kind["hrv_ms"].value == 48.5
    night, nap = sorted(got.sleep, key=lambda s: s.start)
    assert [st.stage for st in night.stages] == ["light", "deep", "awake", "rem"]
    assert night.end - night.start == timedelta(hours=2, minutes=20)
    assert [st.stage for st in nap.stages] == ["asleep"]
    strength, run = sorted(got.workouts, key=lambda w: w.activity, reverse=True)
    assert strength.activity == "traditional_strength_training"
    assert (strength.energy_kcal, strength.distance_m, strength.avg_hr) == (180.0, 1500.0, 121.5)
    assert run.activity == "running"
    assert run.distance_m == pytest.approx(3.1 * M_PER_MI)
    assert run.energy_kcal == pytest.approx(1000 / 4.184)
    assert {(d.kind, d.value) for d in got.daily} == {
        ("active_energy_kcal", 450.0),
        ("exercise_minutes", 32.0),
        ("stand_hours", 11.0),
    }
    assert {d.day for d in got.daily} == {date(2024, 3, 1)}
    assert got.errors == []


def test_unparseable_record_is_reported_not_fatal(tmp_path):
    bad = NEWER_EXPORT.replace('value="61"', 'value="sixty"')
    path = tmp_path / "export.xml"
    path.write_text(bad, encoding="utf-8")
    got = collect(path)
    assert "heart_rate_bpm" not in {s.kind for s in got.samples}
    assert any("sixty" in e for e in got.errors)


def test_dedupe_keys_stable_across_runs(wear, apple, raw_records):
    again = collect(wear / "apple" / "export.xml")
    keys = [s.dedupe_key() for s in apple.samples]
    assert keys == [s.dedupe_key() for s in again.samples]
    kept = {
        "HKQuantityTypeIdentifierStepCount",
        "HKQuantityTypeIdentifierFlightsClimbed",
        "HKQuantityTypeIdentifierDistanceWalkingRunning",
    }
    distinct = {
        (a["type"], a["sourceName"], a["startDate"], a["endDate"], a["value"])
        for a in raw_records
        if a["type"] in kept
    }
    assert len(set(keys)) == len(distinct)


def test_apple_detection_of_bare_file(wear):
    assert detect_format(Path(wear / "apple" / "export.xml")) == "apple_health"


def test_instant_readings_children_and_unsupported_types(tmp_path):
    body = """<?xml version="1.0" encoding="UTF-8"?>
<HealthData locale="en_US">
 <Record type="HKQuantityTypeIdentifierHeartRateVariabilitySDNN" sourceName="Watch" unit="ms"
    startDate="2024-03-01 03:00:00 +0100" endDate="2024-03-01 03:00:00 +0100" value="48">
  <MetadataEntry key="HKMetadataKeySyncVersion" value="2"/>
  <HeartRateVariabilityMetadataList>
   <InstantaneousBeatsPerMinute bpm="60" time="3:00:01.00 AM"/>
   <InstantaneousBeatsPerMinute bpm="61" time="3:00:02.00 AM"/>
  </HeartRateVariabilityMetadataList>
 </Record>
 <Record type="HKQuantityTypeIdentifierWalkingSpeed" sourceName="Phone" unit="km/hr"/>
 <Record type="HKCategoryTypeIdentifierAppleStandHour" sourceName="Watch" value="x"
    startDate="not a date" endDate="2024-03-01 03:00:00 +0100"/>
 <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" unit="count/min"
    startDate="2024-03-01T04:00:00Z" endDate="2024-03-01 05:00:00 +0100" value="70"/>
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Phone" value="5"
    startDate="2024-03-01 03:00:00 +0100"/>
</HealthData>
"""
    path = tmp_path / "export.xml"
    path.write_text(body, encoding="utf-8")
    got = collect(path)
    hrv, hr = got.samples
    assert (hrv.kind, hrv.value) == ("hrv_ms", 48.0)
    assert hrv.start == hrv.end == datetime(2024, 3, 1, 2, 0, tzinfo=UTC)
    assert hr.start == hr.end == datetime(2024, 3, 1, 4, 0, tzinfo=UTC)
    assert len(got.errors) == 1 and "startDate/endDate" in got.errors[0]
