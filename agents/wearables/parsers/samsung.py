"""Samsung Health "Download personal data" CSVs → samples, sleep, workouts, daily totals.

Times in these files are UTC (``time_offset`` only says how the app displayed them) and
``day_time`` is the epoch-ms UTC midnight that labels a local day. The daily step trend
repeats each day per source; the combined row (``source_type`` -2) is preferred so that
a day is not counted once per device.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from agents.wearables.parsers.samsung_csv import (
    cell_float,
    cell_time,
    data_type,
    is_samsung_csv,
    read_rows,
)
from agents.wearables.records import (
    DailyKind,
    DailySummary,
    Provider,
    Record,
    Sample,
    SampleKind,
    SleepSession,
    SleepStage,
    SourceInfo,
    StageName,
    Workout,
)
from agents.wearables.safety import note
from agents.wearables.sources import InputTree, SourceLike, as_tree
from agents.wearables.units import CANONICAL_UNIT

FORMAT: Provider = "samsung_health"
STEPS = {"com.samsung.shealth.tracker.pedometer_step_count", "com.samsung.health.step_count"}
HEART = {"com.samsung.shealth.tracker.heart_rate", "com.samsung.health.heart_rate"}
EXERCISE = {"com.samsung.shealth.exercise", "com.samsung.health.exercise"}
SLEEP = {"com.samsung.shealth.sleep", "com.samsung.health.sleep"}
STAGES = {"com.samsung.health.sleep_stage", "com.samsung.shealth.sleep_stage"}
SAMPLE_COLUMNS: dict[str, tuple[tuple[str, SampleKind], ...]] = {
    **{
        t: (("count", "steps"), ("distance", "distance_m"), ("calorie", "active_energy_kcal"))
        for t in STEPS
    },
    **{t: (("heart_rate", "heart_rate_bpm"),) for t in HEART},
    "com.samsung.health.weight": (("weight", "body_mass_kg"),),
}
DAILY_COLUMNS: dict[str, tuple[tuple[str, DailyKind], ...]] = {
    "com.samsung.shealth.calories_burned.details": (
        ("active_calorie", "active_energy_kcal"),
        ("rest_calorie", "basal_energy_kcal"),
    ),
}
TREND_COLUMNS: tuple[tuple[str, DailyKind], ...] = (
    ("count", "steps"),
    ("distance", "distance_m"),
    ("calorie", "active_energy_kcal"),
)
STAGE_CODES: dict[str, StageName] = {
    "40001": "awake",
    "40002": "light",
    "40003": "deep",
    "40004": "rem",
}
ACTIVITIES = {
    "0": "other",
    "1001": "walking",
    "1002": "running",
    "11007": "cycling",
    "13001": "hiking",
    "14001": "swimming",
    "9002": "yoga",
}


def source_of(row: dict[str, str]) -> SourceInfo:
    """Device uuid and writing package of a row."""
    return SourceInfo(FORMAT, row.get("deviceuuid") or None, row.get("pkg_name") or None)


def parse(source: SourceLike, errors: list[str] | None = None) -> Iterator[Record]:
    """Yield the records of every supported Samsung Health CSV in ``source``."""
    errs = errors if errors is not None else []
    with as_tree(source) as tree:
        files = [(n, data_type(n)) for n in tree.names if is_samsung_csv(n)]
        stages = _stages(tree, [n for n, t in files if t in STAGES])
        for name, dtype in files:
            with tree.open_member(name) as stream:
                rows = read_rows(stream)
                if dtype in SAMPLE_COLUMNS:
                    yield from _samples(rows, SAMPLE_COLUMNS[dtype], errs)
                elif dtype in DAILY_COLUMNS:
                    yield from _daily(rows, DAILY_COLUMNS[dtype])
                elif dtype == "com.samsung.shealth.step_daily_trend":
                    yield from _step_trend(rows)
                elif dtype in EXERCISE:
                    yield from _workouts(rows, errs)
                elif dtype in SLEEP:
                    yield from _sleep(rows, stages, errs)


def _samples(
    rows: Iterator[dict[str, str]], columns: tuple[tuple[str, SampleKind], ...], errors: list[str]
) -> Iterator[Record]:
    for row in rows:
        start = cell_time(row, "start_time")
        if start is None:
            note(errors, "samsung_health: row without start_time skipped")
            continue
        end = cell_time(row, "end_time") or start
        for column, kind in columns:
            value = cell_float(row, column)
            if value:
                yield Sample(kind, start, end, value, CANONICAL_UNIT[kind], source_of(row))


def _day(row: dict[str, str]) -> date | None:
    moment = cell_time(row, "day_time")
    return moment.date() if moment else None


def _daily(
    rows: Iterator[dict[str, str]], columns: tuple[tuple[str, DailyKind], ...]
) -> Iterator[Record]:
    for row in rows:
        day = _day(row)
        for column, kind in columns:
            value = cell_float(row, column)
            if day is not None and value is not None:
                yield DailySummary(day, kind, value, source_of(row))


def _step_trend(rows: Iterator[dict[str, str]]) -> Iterator[Record]:
    best: dict[date, dict[str, str]] = {}
    for row in rows:
        day = _day(row)
        if day is None:
            continue
        kept = best.get(day)
        if kept is None or (row.get("source_type") == "-2") > (kept.get("source_type") == "-2"):
            best[day] = row
    for day, row in sorted(best.items()):
        for column, kind in TREND_COLUMNS:
            value = cell_float(row, column)
            if value is not None:
                yield DailySummary(day, kind, value, source_of(row))


def _workouts(rows: Iterator[dict[str, str]], errors: list[str]) -> Iterator[Record]:
    for row in rows:
        start, end = cell_time(row, "start_time"), cell_time(row, "end_time")
        if start is None or end is None:
            note(errors, "samsung_health: exercise without start/end skipped")
            continue
        code = row.get("exercise_type", "0") or "0"
        yield Workout(
            ACTIVITIES.get(code, f"samsung_{code}"),
            start,
            end,
            cell_float(row, "calorie"),
            cell_float(row, "distance"),
            cell_float(row, "mean_heart_rate"),
            source_of(row),
        )


def _stages(tree: InputTree, names: list[str]) -> dict[str, list[SleepStage]]:
    """Stage rows grouped by the sleep session's ``datauuid`` (files are small)."""
    grouped: dict[str, list[SleepStage]] = {}
    for name in names:
        with tree.open_member(name) as stream:
            for row in read_rows(stream):
                start, end = cell_time(row, "start_time"), cell_time(row, "end_time")
                stage = STAGE_CODES.get(row.get("stage", ""))
                if start and end and stage:
                    grouped.setdefault(row.get("sleep_id", ""), []).append(
                        SleepStage(stage, start, end)
                    )
    return grouped


def _sleep(
    rows: Iterator[dict[str, str]], stages: dict[str, list[SleepStage]], errors: list[str]
) -> Iterator[Record]:
    for row in rows:
        start, end = cell_time(row, "start_time"), cell_time(row, "end_time")
        if start is None or end is None:
            note(errors, "samsung_health: sleep without start/end skipped")
            continue
        own = sorted(stages.get(row.get("datauuid", ""), []), key=lambda s: s.start)
        yield SleepSession(start, end, tuple(own), source_of(row))
