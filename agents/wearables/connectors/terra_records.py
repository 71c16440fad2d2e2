"""Terra webhook payloads (``daily``, ``sleep``) → normalized records for one of our users.

A payload is ``{"type", "user": {"user_id", "provider", "reference_id"}, "data": [...]}``;
``reference_id`` is the id we gave Terra when the user connected, i.e. our user id.
Daily items state day totals (``distance_data.steps``, ``calories_data.*``, resting HR);
their local day is the date of ``metadata.start_time`` as written (with its offset).
Sleep items carry a hypnogram of single-timestamp samples: each stage runs until the next
sample, the last one until ``metadata.end_time``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from agents.wearables.parsers.google_fit import SLEEP_STAGES
from agents.wearables.records import (
    DailyKind,
    DailySummary,
    Provider,
    Record,
    SleepSession,
    SleepStage,
    SourceInfo,
    StageName,
)
from agents.wearables.timeutil import parse_iso

HANDLED = ("daily", "sleep")
PROVIDERS: dict[str, Provider] = {
    "FITBIT": "fitbit",
    "GARMIN": "garmin_fit",
    "GOOGLE": "google_fit",
    "SAMSUNG": "samsung_health",
    "APPLE": "apple_health",
}
# Terra's SleepLevel enum numbers stages as Google Fit does (OUT_OF_BED counts as awake,
# UNKNOWN (0) is left as a gap).
LEVELS: dict[int, StageName] = SLEEP_STAGES
DAILY_FIELDS: tuple[tuple[str, str, DailyKind], ...] = (
    ("distance_data", "steps", "steps"),
    ("distance_data", "distance_meters", "distance_m"),
    ("distance_data", "floors_climbed", "flights"),
    ("calories_data", "total_burned_calories", "total_energy_kcal"),
    ("calories_data", "BMR_calories", "basal_energy_kcal"),
    ("calories_data", "net_activity_calories", "active_energy_kcal"),
)


class TerraPayloadError(ValueError):
    """An authentic payload we cannot read (the message names the field)."""


@dataclass(frozen=True, slots=True)
class TerraEvent:
    """The parts of a webhook we act on."""

    type: str
    user_id: str | None
    provider: str | None
    records: list[Record]


def source_of(terra_provider: str | None) -> SourceInfo:
    """Our source for data relayed by Terra: the wearable's family, ``app="terra"``.

    The device field names the Terra provider (``oura``, ``whoop``…) so the priority rules
    recognise a wearable; families we have no provider name for are stored as ``terra``.
    """
    name = (terra_provider or "").upper()
    provider = PROVIDERS.get(name, "terra")
    return SourceInfo(provider, name.lower() or None, "terra")


def parse_event(payload: Mapping[str, Any]) -> TerraEvent:
    """Read a webhook body; records only for the handled types (others get none).

    Raises:
        TerraPayloadError: a handled type whose items are missing required fields.
    """
    kind = str(payload.get("type") or "")
    user = payload.get("user") or {}
    if not isinstance(user, Mapping):
        raise TerraPayloadError("Terra payload 'user' must be an object")
    reference = user.get("reference_id")
    provider = user.get("provider")
    records: list[Record] = []
    if kind in HANDLED:
        source = source_of(provider)
        items = payload.get("data") or []
        if not isinstance(items, list):
            raise TerraPayloadError(f"Terra {kind} payload 'data' must be a list")
        try:
            for item in items:
                if kind == "daily":
                    records.extend(daily_records(item, source))
                else:
                    records.append(sleep_session(item, source))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise TerraPayloadError(f"unreadable Terra {kind} item: {exc!r}") from None
    return TerraEvent(kind, str(reference) if reference else None, provider, records)


def daily_records(item: Mapping[str, Any], source: SourceInfo) -> list[Record]:
    """Day totals of one ``daily`` item (fields that are null are skipped)."""
    start = str(item["metadata"]["start_time"]).replace("Z", "+00:00")
    day = datetime.fromisoformat(start).date()  # local date as Terra wrote it
    out: list[Record] = []
    for group, key, kind in DAILY_FIELDS:
        value = (item.get(group) or {}).get(key)
        if value is not None:
            out.append(DailySummary(day, kind, float(value), source))
    resting = ((item.get("heart_rate_data") or {}).get("summary") or {}).get("resting_hr_bpm")
    if resting:
        out.append(DailySummary(day, "resting_heart_rate_bpm", float(resting), source))
    return out


def sleep_session(item: Mapping[str, Any], source: SourceInfo) -> SleepSession:
    """One ``sleep`` item with its hypnogram as stages (consecutive equal levels merged)."""
    start = parse_iso(str(item["metadata"]["start_time"]))
    end = parse_iso(str(item["metadata"]["end_time"]))
    durations = item.get("sleep_durations_data") or {}
    samples = sorted(
        (parse_iso(str(s["timestamp"])), int(s["level"]))
        for s in durations.get("hypnogram_samples") or []
    )
    stages: list[SleepStage] = []
    for i, (at, level) in enumerate(samples):
        until = samples[i + 1][0] if i + 1 < len(samples) else end
        a, b = max(at, start), min(until, end)
        stage = LEVELS.get(level)
        if stage is None or b <= a:
            continue
        if stages and stages[-1].stage == stage and stages[-1].end == a:
            stages[-1] = SleepStage(stage, stages[-1].start, b)
        else:
            stages.append(SleepStage(stage, a, b))
    return SleepSession(start, end, tuple(stages), source)
