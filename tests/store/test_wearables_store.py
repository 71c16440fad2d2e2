import asyncio
import csv
import json
import re
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from agents.wearables import WearableFormatError
from agents.wearables.budget import BodyProfile
from store.wearables_queries import daily_activity, get_import
from store.wearables_store import DEFAULT_USER, create_import, run_import
from tests.wearable_rows import TABLES, wearable_row_counts
from tools.wearables import wearable_activity

pytestmark = pytest.mark.db

EXPORTS = {
    "apple": ("apple_health", "America/New_York"),
    "fitbit": ("fitbit", "Australia/Sydney"),
    "samsung-health": ("samsung_health", "America/Sao_Paulo"),
    "google-takeout-fit": ("google_fit", "Asia/Kolkata"),
    "fit": ("garmin_fit", "UTC"),
    "tcx": ("tcx", "UTC"),
    "gpx": ("gpx", "UTC"),
}


async def delete_user(ctx, user):
    async with ctx.db.engine.begin() as conn:
        for table in (*TABLES, "wearable_imports"):
            await conn.execute(text(f"DELETE FROM {table} WHERE user_id = :u"), {"u": user})


async def do_import(ctx, path, user, tz_name):
    import_id = await create_import(ctx.db, user, path.name, tz_name)
    return import_id, await run_import(ctx.db, import_id, path, user, ZoneInfo(tz_name))


@pytest.fixture(scope="module")
async def imported(ctx, shared_dir):
    """Every shared export, imported once, each for its own fresh user."""
    done = {}
    for name, (_, tz_name) in EXPORTS.items():
        user = f"test-{uuid.uuid4()}"
        import_id, summary = await do_import(ctx, shared_dir / "wearables" / name, user, tz_name)
        done[name] = (user, import_id, summary)
    yield done
    for user, _, _ in done.values():
        await delete_user(ctx, user)


@pytest.fixture
async def user(ctx):
    user_id = f"test-{uuid.uuid4()}"
    yield user_id
    await delete_user(ctx, user_id)


@pytest.mark.parametrize("name", list(EXPORTS))
async def test_every_export_imports_and_reimport_is_a_noop(ctx, shared_dir, imported, name):
    user, import_id, summary = imported[name]
    doc = summary.as_json()
    assert list(doc) == ["format", "sources", "days", "first_day", "last_day", "records", "errors"]
    assert doc["format"] == EXPORTS[name][0]
    assert doc["days"] >= 1 and doc["first_day"] <= doc["last_day"]
    stored = await wearable_row_counts(ctx, user)
    assert sum(stored.values()) == summary.inserted > 0
    assert summary.inserted <= sum(doc["records"].values())
    row = await get_import(ctx.db, import_id, user)
    assert row.status == "succeeded" and row.summary == doc
    assert row.progress["records_inserted"] == summary.inserted

    _, again = await do_import(ctx, shared_dir / "wearables" / name, user, EXPORTS[name][1])
    assert again.inserted == 0
    assert again.records == summary.records
    assert await wearable_row_counts(ctx, user) == stored


async def test_import_summary_figures(imported):
    apple = imported["apple"][2].as_json()
    assert apple["records"] == {
        "samples": 3345,
        "sleep_sessions": 4,
        "workouts": 0,
        "daily_summaries": 0,
    }
    assert (apple["first_day"], apple["last_day"]) == ("2019-05-14", "2030-01-06")
    assert "apple_health: iPhone (iPhone10,4) / Ryan Phone" in apple["sources"]
    fitbit = imported["fitbit"][2].as_json()
    assert fitbit["records"]["daily_summaries"] == 405


async def one_day(ctx, imported, name, day):
    user, _, _ = imported[name]
    (row,) = await daily_activity(ctx.db, user, day, day, ZoneInfo(EXPORTS[name][1]))
    return row


async def test_apple_steps_match_raw_records(ctx, imported, shared_dir):
    day = "2019-05-19"  # the export's clock is -0400 = America/New_York in May
    expected = sum(
        float(el.get("value"))
        for _, el in ET.iterparse(shared_dir / "wearables/apple/export.xml")
        if el.tag == "Record"
        and el.get("type") == "HKQuantityTypeIdentifierStepCount"
        and el.get("startDate").startswith(day)
        and el.get("endDate").startswith(day)
    )
    row = await one_day(ctx, imported, "apple", date.fromisoformat(day))
    assert expected == 23232
    assert row.steps == pytest.approx(expected)


async def test_fitbit_steps_and_sleep_match_raw_json(ctx, imported, shared_dir):
    folder = shared_dir / "wearables/fitbit/user-site-export"
    day = date(2017, 12, 8)  # Fitbit intraday times are UTC; the user is UTC+11
    expected = sum(
        int(item["value"])
        for item in json.loads((folder / "steps/steps-2017-12-02.json").read_text())
        if (datetime.strptime(item["dateTime"], "%m/%d/%y %H:%M:%S") + timedelta(hours=11)).date()
        == day
    )
    asleep = next(
        log["minutesAsleep"]
        for log in json.loads((folder / "sleep/sleep-2017-12-02.json").read_text())
        if log["dateOfSleep"] == day.isoformat()
    )
    row = await one_day(ctx, imported, "fitbit", day)
    assert row.steps == pytest.approx(expected) and expected == 10131
    assert row.sleep_minutes == pytest.approx(asleep, abs=1)
    assert row.resting_hr_bpm == pytest.approx(72.486, abs=0.01)


def samsung_rows(shared_dir, kind):
    path = shared_dir / f"wearables/samsung-health/com.samsung.shealth.{kind}.20251215221761.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        fh.readline()
        return [
            {k.rsplit(".", 1)[-1]: v for k, v in row.items() if k} for row in csv.DictReader(fh)
        ]


async def test_samsung_daily_figures_match_csv(ctx, imported, shared_dir):
    day = date(2025, 12, 13)
    midnight_ms = str(int(datetime(2025, 12, 13, tzinfo=UTC).timestamp() * 1000))
    (combined,) = [
        int(r["count"])
        for r in samsung_rows(shared_dir, "step_daily_trend")
        if r["source_type"] == "-2" and r["day_time"] == midnight_ms
    ]
    (rest,) = [
        float(r["rest_calorie"])
        for r in samsung_rows(shared_dir, "calories_burned.details")
        if r["day_time"] == midnight_ms
    ]
    row = await one_day(ctx, imported, "samsung-health", day)
    assert row.steps == combined == 7583
    assert row.basal_energy_kcal == pytest.approx(rest)
    assert row.active_energy_kcal == pytest.approx(240.56, abs=0.01)


async def test_google_fit_daily_figures_match_csv(ctx, imported, shared_dir):
    path = shared_dir / "wearables/google-takeout-fit/Takeout/Fit/Daily activity metrics"
    with (path / "Daily activity metrics.csv").open(encoding="utf-8-sig", newline="") as fh:
        (raw,) = [r for r in csv.DictReader(fh) if r["Date"] == "2025-02-13"]
    row = await one_day(ctx, imported, "google-takeout-fit", date(2025, 2, 13))
    assert row.steps == float(raw["Step count"])
    assert row.total_energy_kcal == pytest.approx(float(raw["Calories (kcal)"]))
    assert row.workouts == 2  # the two walks in the Activities TCX of that day


async def test_corrupt_fit_imports_nothing(ctx, shared_dir, tmp_path, user):
    data = bytearray((shared_dir / "wearables/fit/garmin-fenix-5-run.fit").read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad = tmp_path / "bad-run.fit"
    bad.write_bytes(bytes(data))
    import_id = await create_import(ctx.db, user, bad.name, "UTC")
    with pytest.raises(WearableFormatError):
        await run_import(ctx.db, import_id, bad, user, ZoneInfo("UTC"))
    assert sum((await wearable_row_counts(ctx, user)).values()) == 0
    row = await get_import(ctx.db, import_id, user)
    assert row.status == "failed" and len(row.errors) == 1 and "\n" not in row.errors[0]


async def test_tool_answers_from_the_store(ctx, imported):
    user, _, _ = imported["fitbit"]
    args = {
        "start": "2017-12-07",
        "end": "2017-12-09",
        "user_id": user,
        "db": ctx.db,
        "timezone": "Australia/Sydney",
    }
    answer = await wearable_activity.ainvoke(args)
    assert [d["steps"] for d in answer["days"]] == [4053, 10131, 7293]
    assert answer["totals"]["steps"] == 4053 + 10131 + 7293
    profile = BodyProfile(sex="female", age=35, height_cm=168, weight_kg=62)
    answer = await wearable_activity.ainvoke({**args, "profile": profile})
    assert answer["days"][1]["expenditure_method"] == "basal_plus_active"
    assert any("10,131 steps" in line for line in answer["days"][1]["expenditure_lines"])
    with pytest.raises(ValueError):
        await wearable_activity.ainvoke({**args, "end": "2017-12-01"})


@pytest.fixture
def cli_env(monkeypatch, test_settings):
    from nutriprofile.settings import get_settings

    monkeypatch.setenv("NUTRI_DATA_DIR", str(test_settings.data_dir))
    monkeypatch.setenv("NUTRI_DB__NAME", test_settings.db.name)
    monkeypatch.setenv("NUTRI_ENVIRONMENT", "test")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


async def test_cli_import_summary_and_corrupt_file(ctx, shared_dir, tmp_path, cli_env):
    from nutriprofile.cli.main import app

    runner = CliRunner()

    def cli(*args):
        return asyncio.to_thread(runner.invoke, app, ["wearables", *args])

    before = await wearable_row_counts(ctx, DEFAULT_USER)
    data = bytearray((shared_dir / "wearables/fit/garmin-fenix-5-run.fit").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / "bad-run.fit").write_bytes(bytes(data))
    bad = await cli("import", str(tmp_path / "bad-run.fit"))
    assert bad.exit_code == 1
    assert re.fullmatch(r"error: import failed, nothing stored: corrupt FIT file .+\n", bad.stderr)
    assert "Traceback" not in bad.output
    assert await wearable_row_counts(ctx, DEFAULT_USER) == before

    good = await cli("import", str(shared_dir / "wearables/tcx"), "--json", "--timezone", "UTC")
    assert good.exit_code == 0, good.output
    assert json.loads(good.stdout) == {
        "format": "tcx",
        "sources": ["tcx: Forerunner 410 Software Version 2.20"],
        "days": 1,
        "first_day": "2012-12-26",
        "last_day": "2012-12-26",
        "records": {"samples": 383, "sleep_sessions": 0, "workouts": 1, "daily_summaries": 0},
        "errors": [],
    }
    summary = await cli(
        "summary", "--from", "2012-12-26", "--to", "2012-12-26", "--json", "--timezone", "UTC"
    )
    assert summary.exit_code == 0, summary.output
    (day,) = json.loads(summary.stdout)
    assert day["day"] == "2012-12-26" and day["workouts"] == 1
    bad_tz = await cli("import", str(shared_dir / "wearables/tcx"), "--timezone", "Nowhere/X")
    assert bad_tz.exit_code == 2 and "unknown time zone" in bad_tz.stderr
