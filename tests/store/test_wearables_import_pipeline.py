"""The import pipeline: straight COPY vs staged merge, and all-or-nothing on late failures."""

import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from agents.wearables import WearableFormatError
from agents.wearables.bench import make_scaled_export
from agents.wearables.parsers.apple_types import activity_name
from store import wearables_rows
from store.wearables_queries import get_import
from store.wearables_store import create_import, run_import

pytestmark = pytest.mark.db

TABLES = ("wearable_samples", "wearable_sleep", "wearable_workouts", "wearable_daily")
SAMPLE_COLUMNS = "dedupe_key, provider, device, app, kind, start_at, end_at, value"


@pytest.fixture
def small_chunks(monkeypatch):
    """Many chunks per file, so both write paths and the switch between them run."""
    monkeypatch.setattr(wearables_rows, "CHUNK", 400)


@pytest.fixture
async def users(ctx):
    made = []

    def make():
        made.append(f"test-{uuid.uuid4()}")
        return made[-1]

    yield make
    async with ctx.db.engine.begin() as conn:
        for table in (*TABLES, "wearable_imports"):
            await conn.execute(text(f"DELETE FROM {table} WHERE user_id = ANY(:u)"), {"u": made})


async def do_import(ctx, path, user):
    import_id = await create_import(ctx.db, user, path.name, "America/New_York")
    return import_id, await run_import(ctx.db, import_id, path, user, ZoneInfo("America/New_York"))


async def stored(ctx, user):
    async with ctx.db.engine.connect() as conn:
        total = 0
        for table in TABLES:
            query = text(f"SELECT count(*) FROM {table} WHERE user_id = :u")
            total += (await conn.execute(query, {"u": user})).scalar_one()
        query = text(f"SELECT {SAMPLE_COLUMNS} FROM wearable_samples WHERE user_id = :u")
        samples = {tuple(row) for row in await conn.execute(query, {"u": user})}
    return total, samples


def apple_records(shared_dir):
    """The sample export split into (head, top-level Record elements, tail)."""
    data = (shared_dir / "wearables/apple/export.xml").read_text(encoding="utf-8")
    start, end = data.index(" <Record "), data.rindex("</HealthData>")
    body = data[start:end]
    records = [" <Record " + part for part in body.split(" <Record ")[1:]]
    return data[:start], records, data[end:]


async def test_overlapping_import_stores_exactly_the_new_rows(
    ctx, shared_dir, tmp_path, small_chunks, users
):
    full = shared_dir / "wearables/apple/export.xml"
    head, records, tail = apple_records(shared_dir)
    part = tmp_path / "part.xml"
    part.write_text(head + "".join(records[1000:1700]) + tail, encoding="utf-8")
    clean, overlapped = users(), users()

    _, alone = await do_import(ctx, full, clean)
    _, first = await do_import(ctx, part, overlapped)
    _, second = await do_import(ctx, full, overlapped)

    assert 0 < first.inserted and 0 < second.inserted < alone.inserted
    clean_total, clean_samples = await stored(ctx, clean)
    total, samples = await stored(ctx, overlapped)
    assert clean_total == alone.inserted and total == first.inserted + second.inserted
    assert samples == clean_samples  # same rows, whichever path stored them
    _, again = await do_import(ctx, full, overlapped)
    assert again.inserted == 0 and (await stored(ctx, overlapped))[0] == total


async def test_parse_error_after_stored_chunks_leaves_nothing(
    ctx, shared_dir, tmp_path, small_chunks, users
):
    path = tmp_path / "export.xml"
    make_scaled_export(shared_dir / "wearables/apple/export.xml", path, 3)
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"</HealthData>")] + b' <Record type="HKQuantity')
    user = users()
    import_id = await create_import(ctx.db, user, path.name, "UTC")
    with pytest.raises(WearableFormatError, match="malformed XML"):
        await run_import(ctx.db, import_id, path, user, ZoneInfo("UTC"))
    assert (await stored(ctx, user))[0] == 0
    row = await get_import(ctx.db, import_id, user)
    assert row.status == "failed" and row.errors[0].startswith("malformed XML")


def with_long_workout(path, export: bytes) -> str:
    """Write ``export`` to ``path`` with one more workout whose type name is 149 characters."""
    name = "Very" * 30
    workout = (
        b' <Workout workoutActivityType="HKWorkoutActivityType' + name.encode() + b'" '
        b'sourceName="Watch" startDate="2020-01-01 10:00:00 +0000" '
        b'endDate="2020-01-01 11:00:00 +0000"/>\n'
    )
    end = export.rindex(b"</HealthData>")
    path.write_bytes(export[:end] + workout + export[end:])
    return name


async def test_row_refused_by_the_database_late_leaves_nothing(
    ctx, shared_dir, tmp_path, small_chunks, users, monkeypatch
):
    monkeypatch.setattr(wearables_rows, "ACTIVITY_LENGTH", 1_000)  # let the column refuse it
    path = tmp_path / "export.xml"
    make_scaled_export(shared_dir / "wearables/apple/export.xml", path, 3)
    with_long_workout(path, path.read_bytes())
    user = users()
    import_id = await create_import(ctx.db, user, path.name, "UTC")
    with pytest.raises(Exception, match="too long"):
        await run_import(ctx.db, import_id, path, user, ZoneInfo("UTC"))
    assert (await stored(ctx, user))[0] == 0
    row = await get_import(ctx.db, import_id, user)
    assert row.status == "failed"
    assert row.errors == ["internal error: StringDataRightTruncationError"]


async def test_an_overlong_workout_name_is_cut_to_the_column_not_refused(
    ctx, shared_dir, tmp_path, users
):
    path = tmp_path / "export.xml"
    name = with_long_workout(path, (shared_dir / "wearables/apple/export.xml").read_bytes())
    user = users()
    import_id = await create_import(ctx.db, user, path.name, "UTC")
    await run_import(ctx.db, import_id, path, user, ZoneInfo("UTC"))
    async with ctx.db.engine.connect() as conn:
        stored = await conn.scalar(
            text("SELECT activity FROM wearable_workouts WHERE user_id = :u AND start_at = :t"),
            {"u": user, "t": datetime(2020, 1, 1, 10, tzinfo=UTC)},
        )
    expected = activity_name("HKWorkoutActivityType" + name)  # very_very_…, 149 characters
    assert len(expected) > 64 and stored == expected[: wearables_rows.ACTIVITY_LENGTH]


async def test_failed_import_leaves_the_earlier_import_intact(
    ctx, shared_dir, tmp_path, small_chunks, users
):
    user = users()
    _, first = await do_import(ctx, shared_dir / "wearables/apple/export.xml", user)
    before = await stored(ctx, user)
    path = tmp_path / "export.xml"  # the same records and new ones, then a corrupt tail
    make_scaled_export(shared_dir / "wearables/apple/export.xml", path, 3)
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"</HealthData>")] + b"<Record <")
    with pytest.raises(WearableFormatError, match="malformed XML"):
        await do_import(ctx, path, user)
    assert first.inserted == before[0] and await stored(ctx, user) == before


async def test_parser_process_that_dies_fails_the_import(ctx, shared_dir, users, monkeypatch):
    user = users()
    import_id = await create_import(ctx.db, user, "export.xml", "UTC")
    monkeypatch.setattr("sys.executable", "/bin/false")  # the parser process exits at once
    with pytest.raises(RuntimeError, match="parser process exited"):
        await run_import(
            ctx.db, import_id, shared_dir / "wearables/apple/export.xml", user, ZoneInfo("UTC")
        )
    monkeypatch.undo()
    row = await get_import(ctx.db, import_id, user)
    assert row.status == "failed" and row.errors == ["internal error: RuntimeError"]
    assert (await stored(ctx, user))[0] == 0
