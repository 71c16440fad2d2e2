import zipfile

import pytest

from agents.wearables import WearableFormatError, detect_format, iter_records, parse_path
from agents.wearables.records import Workout

SAMPLES = [
    ("apple/export.xml", "apple_health"),
    ("google-takeout-fit", "google_fit"),
    (
        "google-takeout-fit/Takeout/Fit/All Data/"
        "derived_com.google.step_count.delta_com.google.json",
        "google_fit",
    ),
    ("fitbit/user-site-export", "fitbit"),
    ("samsung-health", "samsung_health"),
    ("fit/MonitoringFile.fit", "garmin_fit"),
    ("fit", "garmin_fit"),
    ("tcx/test.tcx", "tcx"),
    ("gpx/cerknicko-jezero.gpx", "gpx"),
]


@pytest.mark.parametrize("relative, expected", SAMPLES)
def test_detect_every_sample(wear, relative, expected):
    assert detect_format(wear / relative) == expected


def test_detect_sniffs_renamed_files(wear, tmp_path):
    for relative, expected in [
        ("fit/garmin-fenix-5-run.fit", "garmin_fit"),
        ("tcx/test.tcx", "tcx"),
        ("gpx/cerknicko-jezero.gpx", "gpx"),
    ]:
        target = tmp_path / expected / "upload.bin"
        target.parent.mkdir()
        target.write_bytes((wear / relative).read_bytes())
        assert detect_format(target) == expected


def test_iter_records_is_lazy_and_errors_fill_while_consuming(wear):
    fmt, records = iter_records(wear / "tcx" / "test.tcx")
    assert fmt == "tcx"
    assert isinstance(next(records), Workout)
    result = parse_path(wear / "gpx" / "cerknicko-jezero.gpx")
    assert result.format == "gpx" and result.errors == []
    assert sum(1 for _ in result.records) == 7
    assert result.errors == ["gpx: track 'ACTIVE LOG' has no timed points; skipped"]


def test_fit_inside_zip_and_corrupt_member(wear, tmp_path):
    good = tmp_path / "good.zip"
    with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(wear / "fit" / "garmin-fenix-5-run.fit", "activities/run.fit")
    fmt, records = iter_records(good)
    workouts = [r for r in records if isinstance(r, Workout)]
    assert fmt == "garmin_fit" and workouts[0].distance_m == 157.56
    bad = tmp_path / "bad.zip"
    data = (wear / "fit" / "garmin-fenix-5-run.fit").read_bytes()
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("run.fit", data[:-100])
    with pytest.raises(WearableFormatError, match="corrupt FIT file run.fit"):
        list(iter_records(bad)[1])


def test_missing_path(tmp_path):
    with pytest.raises(WearableFormatError, match="neither a file nor a folder"):
        detect_format(tmp_path / "nope")
