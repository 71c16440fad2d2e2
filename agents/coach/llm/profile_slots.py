"""Read body-profile fields from a sentence: "I'm 30, male, 180 cm, 80 kg, moderately active".

Only unit conversion happens here (ft/in → cm, lb → kg); values are passed on to the
``set_profile`` tool, which validates ranges and computes the targets.
"""

from __future__ import annotations

import re
from typing import Any

LB_KG = 0.45359237
_AGE = (
    re.compile(r"\b(\d{2,3})\s*(?:-\s*)?(?:years?(?:[\s-]*old)?|yrs?|yo|y/o)\b"),
    re.compile(
        r"\b(?:i'm|i am|im|age|aged)\s+(\d{2,3})\b(?!\s*(?:cm|kg|lbs?|pounds|kilos?|ft|m\b|'))"
    ),
)
_CM = re.compile(r"\b(\d{2,3}(?:\.\d+)?)\s*(?:cm|centimet(?:er|re)s?)\b")
_METRES = re.compile(r"\b([12](?:\.\d{1,2}))\s*(?:m|metres?|meters?)\b")
_FEET = re.compile(
    r"\b([4-7])\s*(?:'|ft|feet|foot)\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:\"|''|in|inches)?)?"
)
_KG = re.compile(r"\b(\d{2,3}(?:\.\d+)?)\s*(?:kg|kgs|kilos?|kilograms?)\b")
_LB = re.compile(r"\b(\d{2,3}(?:\.\d+)?)\s*(?:lbs?|pounds?)\b")
_SEX = (
    (re.compile(r"\b(?:female|woman|girl|lady)\b"), "female"),
    (re.compile(r"\b(?:male|man|guy)\b"), "male"),
)
_ACTIVITY = (
    (re.compile(r"\b(?:very|extremely|extra|super)\s+active\b|\bathlete\b"), "very_active"),
    (re.compile(r"\bmoderate(?:ly)?(?:\s+active)?\b"), "moderate"),
    (re.compile(r"\blight(?:ly)?\s+(?:active|activity|exercise)\b"), "light"),
    (re.compile(r"\bsedentary\b|\bnot (?:very )?active\b|\binactive\b|\bdesk job\b"), "sedentary"),
    (re.compile(r"\bactive\b"), "active"),
)
_GOAL = (
    (re.compile(r"\b(?:lose|losing|lost|cut|cutting|drop|shed)\b"), "lose"),
    (re.compile(r"\b(?:gain|gaining|bulk|bulking|build muscle|put on)\b"), "gain"),
    (
        re.compile(r"\b(?:maintain|maintaining|maintenance|keep my weight|stay the same)\b"),
        "maintain",
    ),
)


def _first(patterns: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str | None:
    return next((value for pattern, value in patterns if pattern.search(text)), None)


def _height_cm(text: str) -> float | None:
    if match := _CM.search(text):
        return float(match.group(1))
    if match := _METRES.search(text):
        return round(float(match.group(1)) * 100, 1)
    if match := _FEET.search(text):
        return round(int(match.group(1)) * 30.48 + float(match.group(2) or 0) * 2.54, 1)
    return None


def _weight_kg(text: str) -> float | None:
    if match := _KG.search(text):
        return float(match.group(1))
    if match := _LB.search(text):
        return round(float(match.group(1)) * LB_KG, 1)
    return None


def _age(text: str) -> int | None:
    for pattern in _AGE:
        if match := pattern.search(text):
            return int(match.group(1))
    return None


def extract_profile(text: str) -> dict[str, Any]:
    """The profile fields stated in ``text`` (lower-cased), keyed like ``set_profile``."""
    fields: dict[str, Any] = {
        "sex": _first(_SEX, text),
        "age_years": _age(text),
        "height_cm": _height_cm(text),
        "weight_kg": _weight_kg(text),
        "activity_level": _first(_ACTIVITY, text),
        "goal": _first(_GOAL, text),
    }
    return {key: value for key, value in fields.items() if value is not None}
