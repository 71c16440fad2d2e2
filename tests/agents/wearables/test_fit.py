from datetime import UTC, date, datetime, timedelta

import fitdecode
import pytest

from agents.wearables import WearableFormatError, collect, detect_format
from agents.wearables.parsers import fit


def _messages(path, name):
    with fitdecode.FitReader(str(path)) as reader:
        return [f for f in reader if f.frame_type == fitdecode.FIT_FRAME_DATA and f.name == name]


@pytest.fixture(scope="module")
def fit_dir(wear):
    return wear / "fit"


@pytest.fixture(scope="module")
def edge(fit_dir):
    return collect(fit_dir / "garmin-edge-500-activity.fit")


def test_fenix_session_totals_match_fitdecode(fit_dir):
    path = fit_dir / "garmin-fenix-5-run.fit"
    assert detect_format(path) == "garmin_fit"
    (session,) = _messages(path, "session")
    got = collect(path)
    (run,) = got.workouts
    assert run.activity == session.get_value("sport") == "running"
    assert run.start == session.get_value("start_time")
    assert run.distance_m == session.get_value("total_distance") == 157.56
    assert run.energy_kcal == session.get_value("total_calories") == 5
    assert run.avg_hr == session.get_value("avg_heart_rate") == 90
    assert run.end - run.start == timedelta(seconds=session.get_value("total_elapsed_time"))
    assert run.source.device == "garmin fenix5"
    records = [m for m in _messages(path, "record") if m.get_value("heart_rate", fallback=None)]
    assert [s.value for s in got.samples] == [float(m.get_value("heart_rate")) for m in records]


def test_edge500_activity(edge, fit_dir):
    session, heart = None, []
    with fitdecode.FitReader(str(fit_dir / "garmin-edge-500-activity.fit")) as reader:
        for f in reader:
            if f.frame_type != fitdecode.FIT_FRAME_DATA:
                continue
            if f.name == "session":
                session = f
            elif f.name == "record" and f.get_value("heart_rate", fallback=None):
                heart.append(f.get_value("heart_rate"))
    (ride,) = edge.workouts
    assert (ride.activity, ride.distance_m, ride.energy_kcal, ride.avg_hr) == (
        session.get_value("sport"),
        session.get_value("total_distance"),
        session.get_value("total_calories"),
        session.get_value("avg_heart_rate"),
    )
    assert (ride.distance_m, ride.energy_kcal) == (92622.34, 1954.0)  # as in SOURCES.md
    assert ride.start == datetime(2011, 9, 25, 13, 0, 21, tzinfo=UTC)
    assert ride.end == ride.start + timedelta(seconds=session.get_value("total_elapsed_time"))
    hr = [s for s in edge.samples if s.kind == "heart_rate_bpm"]
    assert [s.value for s in hr] == heart
    assert len(hr) == 10686
    assert hr[0].start == hr[0].end and hr[0].start.tzinfo is not None


def test_monitoring_cumulative_counters_become_deltas(fit_dir):
    path = fit_dir / "MonitoringFile.fit"
    raw = _messages(path, "monitoring")
    totals = {}
    for m in raw:
        cycles = m.get_raw_value(3, fallback=None)
        if cycles is not None and not m.has_field("duration_min"):
            kind = m.get_value("activity_type")
            totals[kind] = max(totals.get(kind, 0), cycles)
    summary = {
        m.get_value("activity_type"): m.get_raw_value(3) for m in raw if m.has_field("duration_min")
    }
    assert summary == {"walking": 3142, "running": 31}
    got = collect(path)
    steps = [s for s in got.samples if s.kind == "steps"]
    assert sum(s.value for s in steps) == sum(totals.values()) == 3173
    assert all(s.value > 0 and s.end > s.start for s in steps)
    assert steps[0].start == datetime(2014, 12, 27, 6, 0, tzinfo=UTC)  # local midnight, UTC-6
    daily = {(d.day, d.kind): d.value for d in got.daily}
    assert daily == {
        (date(2014, 12, 27), "steps"): 3173.0,
        (date(2014, 12, 27), "active_energy_kcal"): 69.0,
    }
    assert max(s.end for s in steps) == datetime(2014, 12, 28, 5, 59, tzinfo=UTC)


def _corrupt(tmp_path, fit_dir, how):
    data = bytearray((fit_dir / "garmin-fenix-5-run.fit").read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2]
    elif how == "bad_crc":
        data[len(data) // 2] ^= 0xFF
    elif how == "bad_header":
        data[8:12] = b"XFIT"
    elif how == "empty":
        data = bytearray()
    path = tmp_path / f"{how}.fit"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("how", ["truncated", "bad_crc", "bad_header", "empty"])
def test_corrupt_fit_rejected_whole(tmp_path, fit_dir, how):
    path = _corrupt(tmp_path, fit_dir, how)
    with pytest.raises(WearableFormatError, match="corrupt FIT file") as info:
        collect(path)
    assert "\n" not in str(info.value)
    records = fit.parse(path)
    with pytest.raises(WearableFormatError):
        next(records)  # nothing is yielded before the whole file decoded


def test_good_file_then_corrupt_file_in_folder_fails(tmp_path, fit_dir):
    (tmp_path / "a.fit").write_bytes((fit_dir / "garmin-fenix-5-run.fit").read_bytes())
    _corrupt(tmp_path, fit_dir, "bad_crc")
    with pytest.raises(WearableFormatError, match="bad_crc.fit"):
        collect(tmp_path)
