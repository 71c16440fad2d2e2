import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import gpxpy
import pytest

from agents.wearables import collect, detect_format

NS = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}


def test_tcx_lap_sums(wear):
    path = wear / "tcx" / "test.tcx"
    assert detect_format(path) == "tcx"
    laps = ET.parse(path).getroot().findall(".//t:Lap", NS)
    calories = sum(float(lap.find("t:Calories", NS).text) for lap in laps)
    distance = sum(float(lap.find("t:DistanceMeters", NS).text) for lap in laps)
    bpm = [
        float(v.text)
        for v in ET.parse(path).getroot().iterfind(".//t:Trackpoint/t:HeartRateBpm/t:Value", NS)
    ]
    seconds = [float(lap.find("t:TotalTimeSeconds", NS).text) for lap in laps]
    lap_hr = [float(lap.find("t:AverageHeartRateBpm/t:Value", NS).text) for lap in laps]
    got = collect(path)
    (run,) = got.workouts
    assert run.activity == "running"
    assert run.energy_kcal == calories == 379
    assert run.distance_m == pytest.approx(distance)
    assert run.avg_hr == pytest.approx(
        sum(h * s for h, s in zip(lap_hr, seconds, strict=True)) / sum(seconds)
    )
    assert run.start == datetime(2012, 12, 26, 21, 29, 53, tzinfo=UTC)
    assert run.source.device == "Forerunner 410 Software Version 2.20"
    assert [s.value for s in got.samples] == bpm


def test_gpx10_distance_matches_gpxpy(wear):
    path = wear / "gpx" / "cerknicko-jezero.gpx"
    with path.open() as fh:
        tracks = gpxpy.parse(fh).tracks
    expected = [
        (t.get_time_bounds().start_time, t.length_2d())
        for t in tracks
        if t.get_time_bounds().start_time is not None
    ]
    got = collect(path)
    assert len(got.workouts) == len(expected) == 7
    for workout, (start, length) in zip(got.workouts, expected, strict=True):
        assert workout.start == start
        assert workout.distance_m == pytest.approx(length, rel=1e-12)
    assert any("no timed points" in e for e in got.errors)
    assert got.workouts[0].source.app == "GPSBabel - http://www.gpsbabel.org"


GPX11 = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="StravaGPX" xmlns="http://www.topografix.com/GPX/1/1"
 xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
 <metadata><time>2024-05-01T06:00:00Z</time></metadata>
 <trk><name>Morning Run</name><type>running</type><trkseg>
  <trkpt lat="46.05" lon="14.50"><ele>300</ele><time>2024-05-01T06:00:00Z</time>
   <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
  <trkpt lat="46.06" lon="14.50"><ele>301</ele><time>2024-05-01T06:05:00Z</time>
   <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>140</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
 </trkseg></trk>
</gpx>
"""


def test_gpx11_with_heart_rate(tmp_path):
    path = tmp_path / "run.gpx"
    path.write_text(GPX11)
    (track,) = gpxpy.parse(GPX11).tracks
    got = collect(path)
    (run,) = got.workouts
    assert run.activity == "running"
    assert run.distance_m == pytest.approx(track.length_2d())
    assert 1100 < run.distance_m < 1125  # 0.01 degree of latitude
    assert run.avg_hr == 130
    assert (run.start, run.end) == (
        datetime(2024, 5, 1, 6, tzinfo=UTC),
        datetime(2024, 5, 1, 6, 5, tzinfo=UTC),
    )
    assert [s.value for s in got.samples] == [120.0, 140.0]
