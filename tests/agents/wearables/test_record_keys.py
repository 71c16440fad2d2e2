"""Stored dedupe keys must never change: the fast key code is checked against the rule."""

import hashlib
import math
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from agents.wearables import (
    DailySummary,
    Sample,
    SleepSession,
    SleepStage,
    SourceInfo,
    Workout,
    parse_path,
)
from agents.wearables.records import canon_float, canon_time

T0 = datetime(2024, 1, 1, 8, tzinfo=UTC)
SRC = SourceInfo("apple_health", "iPhone (iPhone10,4)", "Ryan Phone")


def rule_text(part):
    """The key rule as first released (and stored): do not "fix" it."""
    if part is None:
        return ""
    if isinstance(part, float):
        return format(round(part, 6), ".10g")
    if isinstance(part, datetime):
        return part.isoformat()
    return str(part)


def rule_key(record):
    s = record.source
    if isinstance(record, Sample):
        parts = ["sample", s.provider, record.kind, record.start, record.end, record.value]
    elif isinstance(record, SleepSession):
        parts = ["sleep", s.provider, record.start, record.end]
    elif isinstance(record, Workout):
        parts = ["workout", s.provider, record.activity, record.start, record.end]
    else:
        parts = ["daily", s.provider, record.day.isoformat(), record.kind]
    text = "|".join(rule_text(p) for p in [*parts, s.device, s.app])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def test_keys_stored_by_earlier_releases_are_unchanged():
    minute = T0 + timedelta(minutes=1)
    assert (
        Sample("steps", T0, minute, 10.0, "count", SRC).dedupe_key()
        == "2b1eb1f17067b88f0a07f9ff8af6402e83682639"
    )
    assert (
        SleepSession(T0, T0 + timedelta(hours=8), (), SRC).dedupe_key()
        == "8867c23b30c3ecdba8903ae17824ec2a9883efa4"
    )
    workout = Workout("running", T0, T0 + timedelta(hours=1), None, 5000.0, None, SourceInfo("tcx"))
    assert workout.dedupe_key() == "a4722d5d458dc1f1062266fd828f93624d610d5f"
    assert (
        DailySummary(date(2024, 1, 1), "steps", 5000.0, SRC).dedupe_key()
        == "41b1194cfe9e8bcd022f297fc323c873890a5095"
    )


class Seconds(float):
    pass


TIMES = [
    T0,
    T0.replace(microsecond=250_000),
    datetime(1, 1, 1, tzinfo=UTC),
    datetime(9999, 12, 31, 12, 0, 59, tzinfo=UTC),
    datetime(2024, 3, 10, 7, 30, tzinfo=ZoneInfo("America/New_York")),
    datetime(2024, 1, 1, 8, tzinfo=ZoneInfo("UTC")),
    datetime(2024, 1, 1, 8, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    datetime(2024, 1, 1, 8),
]
VALUES = [
    10.0,
    0.0,
    -0.0,
    -1e-7,
    123.4567891,
    1e20,
    math.nan,
    math.inf,
    -math.inf,
    5,
    12_345_678_901,
    True,
    Seconds(2.5),
]


@pytest.mark.parametrize("start", TIMES)
@pytest.mark.parametrize("value", VALUES)
def test_sample_keys_follow_the_rule(start, value):
    later = start + timedelta(seconds=61)
    for source in (SRC, SourceInfo("fitbit"), SourceInfo("garmin_fit", "", None)):
        for end in (start, later, start + timedelta(0)):  # same object, later, equal copy
            sample = Sample("steps", start, end, value, "count", source)
            assert sample.dedupe_key() == rule_key(sample)


@pytest.mark.parametrize("start", TIMES)
def test_other_record_keys_follow_the_rule(start):
    end = start + timedelta(hours=7, microseconds=1)
    stages = (SleepStage("deep", start, end),)
    for source in (SRC, SourceInfo("tcx", None, "app")):
        records = [
            SleepSession(start, end, stages, source),
            Workout("running", start, end, 1.5, None, 140.0, source),
            DailySummary(start.date(), "move_minutes", 30.0, source),
        ]
        for record in records:
            assert record.dedupe_key() == rule_key(record)


def test_memos_stay_exact_past_their_bound():
    moments = [T0 + timedelta(minutes=37 * i, seconds=i % 60) for i in range(70_000)]
    assert all(canon_time(m) == m.isoformat() for m in moments)
    values = [i / 7 for i in range(70_000)]
    assert all(canon_float(v) == format(round(v, 6), ".10g") for v in values * 2)


@pytest.mark.parametrize(
    "name", ["apple", "fit", "fitbit", "google-takeout-fit", "gpx", "samsung-health", "tcx"]
)
def test_every_shared_export_keys_follow_the_rule(wear, name):
    records = list(parse_path(wear / name).records)
    assert records
    assert [r.dedupe_key() for r in records] == [rule_key(r) for r in records]
