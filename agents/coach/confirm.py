"""When a write needs the user's "yes" first, and how yes/no answers are read.

The rule, applied to every backend's tool calls alike:

* read tools (search, analyze, list, summary, profile read) never ask;
* a write tool declares ``metadata={"write": True, "verbs": (...), "confirm": "..."}``;
* a single write call runs at once when the user's message *starts with* one of that
  tool's command verbs ("log two eggs", "undo that", "set my goal to lose weight"),
  optionally after "please", "can you" or "could you";
* anything else asks: statements ("I had two eggs"), several writes in one turn, or a
  verb that belongs to another tool.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from langchain_core.messages import ToolCall
from langchain_core.tools import BaseTool

_POLITE = re.compile(r"^(?:(?:please|pls|ok|okay|now|then|and|also|can you|could you|would you"
                     r"|will you)[\s,]+)+")  # fmt: skip
_WORD = re.compile(r"[a-z']+")
_YES = frozenset({"yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "confirm", "confirmed",
                  "correct", "right", "go ahead", "do it", "please do", "yes please",
                  "sounds good", "log it", "that's right"})  # fmt: skip
_NO = frozenset({"no", "n", "nope", "nah", "cancel", "don't", "do not", "stop", "never mind",
                 "nevermind", "no thanks", "no thank you", "forget it", "don't log it",
                 "wrong"})  # fmt: skip


def normalize(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces."""
    return " ".join(text.lower().replace("\u2019", "'").split())


def leading_verb(text: str) -> str:
    """The first word after polite openers: "please log two eggs" → "log"."""
    rest = _POLITE.sub("", normalize(text))
    match = _WORD.match(rest)
    return match.group(0) if match else ""


def parse_confirmation(text: str) -> bool | None:
    """True for a plain yes, False for a plain no, None for anything else."""
    answer = normalize(text).strip(" .!,")
    answer = re.sub(r"[\s,]*(please|thanks|thank you)$", "", answer).strip(" .!,")
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    return None


def is_write(tool: BaseTool | None) -> bool:
    """Whether the tool changes stored data (declared in its metadata)."""
    return bool(tool is not None and (tool.metadata or {}).get("write"))


def needs_confirmation(
    calls: Sequence[ToolCall], tools: Mapping[str, BaseTool], user_text: str
) -> bool:
    """Apply the module's rule to one turn's tool calls."""
    writes = [c for c in calls if is_write(tools.get(c["name"]))]
    if not writes:
        return False
    if len(writes) > 1:
        return True
    verbs = (tools[writes[0]["name"]].metadata or {}).get("verbs", ())
    return leading_verb(user_text) not in verbs


_UNITS = {"_cm": "cm", "_kg": "kg", "_years": "years", "_g": "g", "_kcal": "kcal"}


def _shown(key: str, value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    for suffix, unit in _UNITS.items():
        if key.endswith(suffix):
            return f"{key.removesuffix(suffix).replace('_', ' ')} {value} {unit}"
    return f"{key.replace('_', ' ')} {value}"


def _changes(args: Mapping[str, Any]) -> str:
    shown = [_shown(k, v) for k, v in args.items() if v not in (None, "", [])]
    return ", ".join(shown) or "no changes"


def question(calls: Sequence[ToolCall], tools: Mapping[str, BaseTool]) -> str:
    """The yes/no question for the pending writes, from each tool's template."""
    parts = []
    for call in calls:
        tool = tools.get(call["name"])
        if not is_write(tool):
            continue
        assert tool is not None
        template = str((tool.metadata or {}).get("confirm", "Run {tool} with {changes}"))
        fields: dict[str, Any] = {k: "" for k in tool.args}
        fields.update({k: v for k, v in call["args"].items() if v is not None})
        fields.update(tool=call["name"], changes=_changes(call["args"]))
        parts.append(template.format_map(fields).replace(" ()", "").strip())
    return "; ".join(parts) + "? (yes/no)"
