"""Binary COPY encoding and chunking of wearable rows: what the server reads back is exact."""

import asyncio
import json
import os
import signal
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from agents.wearables import DailySummary, Sample, SleepSession, SleepStage, SourceInfo, Workout
from agents.wearables.bench import make_scaled_export
from agents.wearables.parsers import apple
from agents.wearables.records import new_sample
from store import wearables_feed
from store.wearables_copy import SAMPLE_COLUMNS, RowEncoder, SampleEncoder, micros, payload
from store.wearables_feed import FeedJob
from store.wearables_rows import COLUMNS, COPY_COLUMNS, ImportSummary, RowChunker, row_of

WATCH = SourceInfo("apple_health", "Apple Watch (Watch6,1)", "Ryan’s Watch ⌚")
BARE = SourceInfo("fitbit", None, None)
T0 = datetime(2024, 3, 31, 0, 59, 59, 123456, tzinfo=UTC)


def records():
    stage = SleepStage("deep", T0, T0 + timedelta(hours=1))
    return [
        Sample("steps", T0, T0 + timedelta(minutes=5), 12.0, "count", WATCH),
        Sample("heart_rate_bpm", T0, T0, 61.5, "count/min", BARE),
        SleepSession(T0, T0 + timedelta(hours=7), (stage,), WATCH),
        Workout("running", T0, T0 + timedelta(hours=1), 300.5, None, 140.0, WATCH),
        Workout("walking", T0, T0 + timedelta(hours=1), None, 1200.0, None, BARE),
        DailySummary(date(2024, 3, 31), "steps", 10432.0, BARE),
    ]


TABLE = {
    Sample: "wearable_samples",
    SleepSession: "wearable_sleep",
    Workout: "wearable_workouts",
    DailySummary: "wearable_daily",
}


def encoded(record, import_id):
    """The record's COPY tuple, as the import encodes it."""
    if isinstance(record, Sample):
        encoder = SampleEncoder("user-ü", import_id)
        head = encoder.prefix(record.source, record.kind)
        times = micros(record.start), micros(record.end)
        return head + encoder.tail(record.dedupe_key(), *times, record.value)
    table = TABLE[type(record)]
    return RowEncoder(COLUMNS[table]).encode(row_of(record, "user-ü", import_id))


def plain(value):
    return json.loads(value) if isinstance(value, str) and value.startswith("[") else value


@pytest.mark.db
async def test_encoded_rows_read_back_exactly(ctx):
    import_id = uuid.uuid4()
    async with ctx.db.engine.connect() as conn:
        pg = (await conn.get_raw_connection()).driver_connection
        for n, record in enumerate(records()):
            table, stage = TABLE[type(record)], f"copy_back_{n}"
            await pg.execute(f"CREATE TEMP TABLE {stage} (LIKE {table})")
            data = payload({"key": encoded(record, import_id)})
            columns = COPY_COLUMNS[table]
            await pg.copy_to_table(stage, source=memoryview(data), columns=columns, format="binary")
            back = await pg.fetchrow(f"SELECT {', '.join(COLUMNS[table])} FROM {stage}")
            await pg.execute(f"DROP TABLE {stage}")
            expected = [*row_of(record, "user-ü", import_id)]
            assert [plain(v) for v in back] == [plain(v) for v in expected], table


@pytest.mark.parametrize("source", [WATCH, BARE])
@pytest.mark.parametrize(
    "start",
    [T0, T0.replace(microsecond=0), T0.astimezone(timezone(timedelta(hours=5)))],
    ids=["micro", "second", "offset"],
)
def test_chunk_rows_match_the_generic_encoding_and_keys(source, start):
    encoder, generic = SampleEncoder("u", None), RowEncoder(SAMPLE_COLUMNS)
    sample = Sample("steps", start, start + timedelta(seconds=1), 1.5, "count", source)
    key, row = sample.dedupe_key(), row_of(sample, "u", None)
    by_column = dict(zip(COLUMNS["wearable_samples"], row, strict=True))
    expected = generic.encode([by_column[c] for c in SAMPLE_COLUMNS])
    times = micros(sample.start), micros(sample.end)
    assert encoder.prefix(source, "steps") + encoder.tail(key, *times, 1.5) == expected
    chunk = RowChunker(ImportSummary("apple_health", UTC), "u", None).next(iter([sample]))
    assert chunk["wearable_samples"] == (1, payload({key: expected}))
    assert encoder.prefix(source, "steps") is encoder.prefix(source, "steps")


def test_chunker_keeps_first_of_repeated_keys_and_sorts_by_key():
    samples = [
        Sample(
            "steps", T0 + timedelta(minutes=i % 50), T0 + timedelta(hours=1), 1.0, "count", WATCH
        )
        for i in range(120)
    ]
    summary = ImportSummary("apple_health", UTC)
    chunker = RowChunker(summary, "u", None, chunk=100)
    records = iter(samples)
    first, second, done = chunker.next(records), chunker.next(records), chunker.next(records)
    assert done == {}
    assert first["wearable_samples"][0] == 50 and second["wearable_samples"][0] == 20
    assert summary.records["samples"] == 120 and summary.read() == 120
    keys = [s.dedupe_key() for s in samples[:50]]
    data = first["wearable_samples"][1]
    found = [data.index(k.encode()) for k in sorted(keys)]
    assert found == sorted(found)  # rows appear in key order


def test_local_days_are_exact_where_local_midnight_falls_inside_an_hour():
    kolkata = ZoneInfo("Asia/Kolkata")  # UTC+05:30: local midnight is at hh:30 UTC
    before = datetime(2024, 1, 1, 18, 15, tzinfo=UTC)  # 23:45 local
    after = datetime(2024, 1, 1, 18, 45, tzinfo=UTC)  # 00:15 local, the next day
    summary = ImportSummary("apple_health", kolkata)
    chunker = RowChunker(summary, "u", None)
    made = [new_sample("steps", t, t, 1.0, "count", WATCH) for t in (before, after)]
    chunker.next(iter(made))
    assert summary.days == {date(2024, 1, 1), date(2024, 1, 2)}
    fixed = ImportSummary("apple_health", timezone(timedelta(hours=-4)))
    RowChunker(fixed, "u", None).next(iter(made))
    assert fixed.days == {date(2024, 1, 1)}
    assert summary.hour_day(before.replace(minute=0)) is None


def test_new_sample_is_an_ordinary_sample():
    made = new_sample("steps", T0, T0, 3.0, "count", WATCH)
    plain = Sample("steps", T0, T0, 3.0, "count", WATCH)
    assert made == plain and hash(made) == hash(plain) and made.dedupe_key() == plain.dedupe_key()
    with pytest.raises(AttributeError):
        made.value = 4.0  # type: ignore[misc]


def children_running(module):
    """Pids of this process's children whose command line runs ``module``."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes().decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == os.getpid() and module in command:
            pids.append(int(entry.name))
    return pids


async def test_frames_arrive_whole_while_the_parser_is_stopped_and_continued(shared_dir, tmp_path):
    path = tmp_path / "export.xml"
    make_scaled_export(shared_dir / "wearables/apple/export.xml", path, 24)
    expected = len({r.dedupe_key() for r in apple.parse(path)})
    job = FeedJob(str(path), "u", str(uuid.uuid4()), UTC, None, 20_000, 64)  # MB frames
    rows, last = 0, None
    async with wearables_feed.spawn(job) as frames:
        (child,) = children_running("store.wearables_feed")
        async for last in frames:
            os.kill(child, signal.SIGSTOP)
            await asyncio.sleep(0.02)  # a slow store, while the pipe fills up
            os.kill(child, signal.SIGCONT)
            rows += last[2] if last[0] == "rows" else 0
    assert last is not None and last[0] == "done"
    assert rows == expected == last[1].read()


async def test_a_reader_that_stops_early_leaves_no_parser_behind(shared_dir, tmp_path):
    path = tmp_path / "export.xml"
    make_scaled_export(shared_dir / "wearables/apple/export.xml", path, 24)
    job = FeedJob(str(path), "u", str(uuid.uuid4()), UTC, None, 2_000, 64)
    async with wearables_feed.spawn(job) as frames:
        assert (await anext(frames))[0] == "format"
        assert len(children_running("store.wearables_feed")) == 1
    assert children_running("store.wearables_feed") == []
