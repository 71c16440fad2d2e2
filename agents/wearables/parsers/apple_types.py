"""HealthKit vocabulary: which record types we keep, sleep values and device strings.

Kept apart from the streaming loop in ``apple.py`` so the tables can grow (new
HealthKit identifiers appear every iOS release) without touching the hot path.
"""

from __future__ import annotations

import re

from agents.wearables.records import SampleKind, StageName

QUANTITY_KINDS: dict[str, SampleKind] = {
    "HKQuantityTypeIdentifierStepCount": "steps",
    "HKQuantityTypeIdentifierDistanceWalkingRunning": "distance_m",
    "HKQuantityTypeIdentifierDistanceCycling": "distance_m",
    "HKQuantityTypeIdentifierDistanceSwimming": "distance_m",
    "HKQuantityTypeIdentifierDistanceWheelchair": "distance_m",
    "HKQuantityTypeIdentifierFlightsClimbed": "flights",
    "HKQuantityTypeIdentifierActiveEnergyBurned": "active_energy_kcal",
    "HKQuantityTypeIdentifierBasalEnergyBurned": "basal_energy_kcal",
    "HKQuantityTypeIdentifierHeartRate": "heart_rate_bpm",
    "HKQuantityTypeIdentifierRestingHeartRate": "resting_heart_rate_bpm",
    "HKQuantityTypeIdentifierHeartRateVariabilitySDNN": "hrv_ms",
    "HKQuantityTypeIdentifierBodyMass": "body_mass_kg",
}

SLEEP_TYPE = "HKCategoryTypeIdentifierSleepAnalysis"
SLEEP_STAGES: dict[str, StageName] = {
    "HKCategoryValueSleepAnalysisInBed": "in_bed",
    "HKCategoryValueSleepAnalysisAsleep": "asleep",
    "HKCategoryValueSleepAnalysisAsleepUnspecified": "asleep",
    "HKCategoryValueSleepAnalysisAsleepCore": "light",
    "HKCategoryValueSleepAnalysisAsleepDeep": "deep",
    "HKCategoryValueSleepAnalysisAsleepREM": "rem",
    "HKCategoryValueSleepAnalysisAwake": "awake",
}

ENERGY_STAT = "HKQuantityTypeIdentifierActiveEnergyBurned"
HEART_RATE_STAT = "HKQuantityTypeIdentifierHeartRate"
DISTANCE_STAT_PREFIX = "HKQuantityTypeIdentifierDistance"

_DEVICE_FIELD = re.compile(r"(\w+):(.*?)(?=, \w+:|>?$)")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_DEVICE_CACHE: dict[str, str | None] = {}


def device_label(raw: str | None) -> str | None:
    """Reduce ``<<HKDevice: 0x…>, name:iPhone, …, hardware:iPhone10,4, …>`` to a label.

    The object address and software version change between records and iOS updates, so
    they are dropped: the label (``iPhone (iPhone10,4)``) identifies the hardware only.
    """
    if not raw:
        return None
    tail = device_tail(raw)
    if tail in _DEVICE_CACHE:
        return _DEVICE_CACHE[tail]
    fields = {k: v.strip() for k, v in _DEVICE_FIELD.findall(tail)}
    name = fields.get("name") or fields.get("model") or fields.get("manufacturer")
    hardware = fields.get("hardware")
    if name and hardware:
        label: str | None = f"{name} ({hardware})"
    else:
        label = name or hardware or (tail.strip("<> ") or None)
    if len(_DEVICE_CACHE) > 4096:
        _DEVICE_CACHE.clear()
    _DEVICE_CACHE[tail] = label
    return label


def device_tail(raw: str) -> str:
    """``raw`` without its ``<<HKDevice: 0x…>, `` head: an object address, new every record."""
    return raw.split(">, ", 1)[1] if raw.startswith("<<HKDevice") and ">, " in raw else raw


def activity_name(workout_type: str) -> str:
    """``HKWorkoutActivityTypeTraditionalStrengthTraining`` → ``traditional_strength_training``."""
    bare = workout_type.removeprefix("HKWorkoutActivityType") or "other"
    return _CAMEL.sub("_", bare).lower()
