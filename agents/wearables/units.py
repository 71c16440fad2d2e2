"""Unit conversion into each record kind's one canonical unit.

Exports state units as free text (Apple ``kJ``/``Cal``/``mi``/``lb``, Fitbit ``Mile``);
everything is converted here so stored values are comparable across sources.
"""

from __future__ import annotations

from agents.wearables.records import SampleKind

KCAL_PER_KJ = 1 / 4.184
M_PER_MILE = 1609.344
KG_PER_LB = 0.45359237

_ENERGY = {"kcal": 1.0, "cal": 1.0, "kilocalorie": 1.0, "kj": KCAL_PER_KJ}
_DISTANCE = {
    "m": 1.0,
    "meter": 1.0,
    "km": 1000.0,
    "kilometer": 1000.0,
    "cm": 0.01,
    "mm": 0.001,
    "mi": M_PER_MILE,
    "mile": M_PER_MILE,
    "ft": 0.3048,
    "foot": 0.3048,
    "yd": 0.9144,
}
_MASS = {
    "kg": 1.0,
    "g": 0.001,
    "lb": KG_PER_LB,
    "lbs": KG_PER_LB,
    "pound": KG_PER_LB,
    "st": 6.35029318,
    "oz": KG_PER_LB / 16,
}
_COUNT = {"count": 1.0, "": 1.0}
_RATE = {"count/min": 1.0, "bpm": 1.0, "/min": 1.0}
_MS = {"ms": 1.0, "s": 1000.0}

_TABLES: dict[SampleKind, dict[str, float]] = {
    "steps": _COUNT,
    "flights": _COUNT,
    "distance_m": _DISTANCE,
    "active_energy_kcal": _ENERGY,
    "basal_energy_kcal": _ENERGY,
    "total_energy_kcal": _ENERGY,
    "heart_rate_bpm": _RATE,
    "resting_heart_rate_bpm": _RATE,
    "hrv_ms": _MS,
    "body_mass_kg": _MASS,
}

CANONICAL_UNIT: dict[SampleKind, str] = {
    "steps": "count",
    "flights": "count",
    "distance_m": "m",
    "active_energy_kcal": "kcal",
    "basal_energy_kcal": "kcal",
    "total_energy_kcal": "kcal",
    "heart_rate_bpm": "count/min",
    "resting_heart_rate_bpm": "count/min",
    "hrv_ms": "ms",
    "body_mass_kg": "kg",
}


def factor(kind: SampleKind, unit: str) -> float:
    """Multiplier turning a value in ``unit`` into ``kind``'s canonical unit.

    Raises:
        ValueError: ``unit`` is not a unit this kind can be expressed in.
    """
    table = _TABLES[kind]
    key = unit.strip().lower()
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:
        return table[key[:-1]]
    raise ValueError(f"unit {unit!r} cannot be converted for {kind}")


def convert(kind: SampleKind, value: float, unit: str) -> float:
    """Convert ``value`` from ``unit`` to ``kind``'s canonical unit."""
    return value * factor(kind, unit)
