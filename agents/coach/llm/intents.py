"""Intent routing for the offline coach: which request a message is, and its slots.

Rules are checked in a fixed order (confirmations, help, undo, corrections, summary,
diary listing, profile, food lookup, explicit logging, statements of eating); the meal
text itself is left to the project's meal parser downstream.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from agents.coach.confirm import leading_verb, normalize, parse_confirmation
from agents.coach.llm.profile_slots import extract_profile

Kind = Literal[
    "confirm", "decline", "help", "undo", "update_meal", "daily_summary", "list_meals",
    "get_profile", "set_profile", "lookup", "log_meal", "unknown",
]  # fmt: skip

_POLITE = re.compile(r"^(?:(?:please|pls|ok|okay|now|hey|so|can you|could you|would you)[\s,]+)+")
_HELP = re.compile(r"^(?:hi|hello|hey|help|what can you do|who are you|good (?:morning|evening))\b")
_UNDO = re.compile(
    r"^(?:undo|delete|remove|scratch|take back|revert)(?: (?:that|it|this|the last(?: one| meal|"
    r" entry)?|my last(?: meal| entry)?|last meal|the meal|that meal))?(?: please)?$"
)
_UPDATE = (
    re.compile(r"^(?:actually|sorry|correction)[,:]? (?:it was|that was|make (?:it|that)|i had"
               r"|i ate|it's|it should be) (.+)$"),
    re.compile(r"^(?:change|correct|update|edit|fix) (?:it|that|the last meal|my last meal)"
               r"(?: to|:) (.+)$"),
    re.compile(r"^make (?:it|that) (.+)$"),
)  # fmt: skip
_SUMMARY = re.compile(
    r"\bhow (?:am|'m) i (?:doing|tracking|going)\b|\bhow(?:'m| am) i doing\b|\bremaining\b"
    r"|\b(?:calories|kcal|protein|carbs?|fat) (?:do i have )?left\b|\bsummary\b|\btotals?\b"
    r"|\b(?:vs\.?|versus|against|compared (?:to|with)) (?:my )?(?:targets?|goals?)\b"
    r"|\bmy progress\b|\bhow (?:much|many calories) (?:have i|did i) (?:had|eaten|eat)\b"
)
_LIST = re.compile(
    r"\bwhat (?:did|have) i (?:eat|eaten|had|have)\b|\bwhat(?:'s| is) in my (?:diary|log)\b"
    r"|\b(?:show|list|see)(?: me)?(?: my)? (?:meals|diary|food log|log)\b|\bmy meals\b"
)
_GET_PROFILE = re.compile(
    r"\b(?:what(?:'s| is| are)|show(?: me)?|see|tell me) my (?:profile|targets?|goals?|bmr|tdee)"
    r"\b|^my (?:profile|targets?)\??$"
)
_SET_PROFILE = re.compile(
    r"\b(?:set|update|change) my (?:goal|profile|weight|height|age|activity|sex)\b|\bmy goal is\b"
    r"|\bi (?:want|would like|'d like|need) to (?:lose|gain|maintain|keep)\b|\bi weigh\b"
    r"|\btall\b|\byears? old\b|\bmy (?:weight|height|age) is\b"
)
_LOOKUP = (
    re.compile(r"^(?:what(?:'s| is| are)|whats) (?:in|inside) (.+)$"),
    re.compile(r"^how (?:many|much) (?:calories|kcal|cals|protein|fat|carbs?|carbohydrates?"
               r"|sugar|fib(?:er|re))(?: are| is)? (?:in|does) (.+?)(?: have| contain)?$"),
    re.compile(r"^(?:nutrition(?:al)?(?: facts| info(?:rmation)?| value)?|nutrients|calories"
               r"|kcal) (?:for|of|in) (.+)$"),
    re.compile(r"^(?:look up|lookup|search(?: for)?|find|tell me about) (.+)$"),
)  # fmt: skip
_LOG_VERBS = ("log", "add", "record", "track", "save", "enter")
_LOG_HEAD = re.compile(
    r"^\W*(?:(?:please|pls|ok|okay|now|hey|so|can you|could you|would you)[\s,]+)*"
    r"(?:log|add|record|track|save|enter)\s+",
    re.IGNORECASE,
)
_LOG_TAIL = re.compile(
    r"(?:\s+(?:to|in|into) (?:my )?(?:diary|log|food log|journal|meals))?"
    r"(?:,?\s+(?:for me|please))*$",
    re.IGNORECASE,
)
_ATE = re.compile(
    r"\b(?:i|we)(?:'ve| have)? (?:just |already )?(?:had|ate|eaten|drank|drunk|snacked on)\b"
    r"|^(?:just )?(?:had|ate|drank) |^(?:i'm|i am) (?:having|eating|drinking)\b"
    r"|^(?:for )?(?:breakfast|lunch|dinner|supper|brunch)(?: was|:| i)"
)
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


@dataclass(frozen=True, slots=True)
class Intent:
    """A classified message: what is asked and the slots the tools need."""

    kind: Kind
    text: str = ""
    day: str = "today"
    profile: dict[str, Any] = field(default_factory=dict)


def day_of(text: str) -> str:
    """The day a message is about: yesterday, an ISO date in it, or today."""
    if re.search(r"\byesterday\b", text):
        return "yesterday"
    match = _DATE.search(text)
    return match.group(1) if match else "today"


def _clean(phrase: str) -> str:
    return phrase.strip(" ?.!")


def classify(message: str) -> Intent:
    """Route one user message to an intent."""
    low = normalize(message)
    body = _POLITE.sub("", low).strip(" ?.!")
    confirmation = parse_confirmation(low)
    if confirmation is not None:
        return Intent("confirm" if confirmation else "decline")
    if _HELP.match(body) and len(body.split()) <= 5:
        return Intent("help")
    if _UNDO.match(body):
        return Intent("undo")
    for pattern in _UPDATE:
        if match := pattern.match(body):
            return Intent("update_meal", text=_clean(match.group(1)))
    if _SUMMARY.search(body):
        return Intent("daily_summary", day=day_of(body))
    if _LIST.search(body):
        return Intent("list_meals", day=day_of(body))
    if _GET_PROFILE.search(body):
        return Intent("get_profile")
    profile = extract_profile(body)
    if (profile and _SET_PROFILE.search(body)) or len(profile) >= 2 and not _ATE.search(body):
        return Intent("set_profile", profile=profile)
    for pattern in _LOOKUP:
        if match := pattern.match(body):
            return Intent("lookup", text=_clean(match.group(1)))
    if leading_verb(body) in _LOG_VERBS:
        head = _LOG_HEAD.match(message.strip())
        rest = _LOG_TAIL.sub("", _clean(message.strip()[head.end() :])) if head else ""
        return Intent("log_meal", text=_clean(rest), day=day_of(body))
    if _ATE.search(body):
        return Intent("log_meal", text=_clean(message), day=day_of(body))
    return Intent("unknown")
