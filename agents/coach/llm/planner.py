"""The offline coach's next step: a tool call for a new request, or a reply from results.

After tool results arrive the planner either chains one more call ("undo that" with no
meal of this conversation known: list today's meals, then delete the last one) or
composes the reply from the results alone (:mod:`agents.coach.llm.replies`).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolCall, ToolMessage

from agents.coach.llm.intents import Intent, classify
from agents.coach.llm.replies import compose
from agents.nutrition.parsing import parse_meal

HELP = ("I can log meals (\"log two eggs and toast for breakfast\" or \"I had …\"), show what "
        "you ate (\"what did I eat today?\"), compare the day with your targets (\"how am I "
        "doing?\"), look foods up (\"what's in 100 g of brown rice?\"), set your profile "
        "(\"I'm 30, male, 180 cm, 80 kg, moderately active\", \"set my goal to lose weight\") "
        "and undo the last meal (\"undo that\").")  # fmt: skip
NOTHING_PENDING = "There is nothing waiting for your confirmation."


def tool_result(message: ToolMessage) -> dict[str, Any]:
    """A tool message's JSON content as a mapping (lists become ``{"hits": [...]}``)."""
    try:
        data = json.loads(message.text)
    except (TypeError, ValueError):
        return {"status": "error", "error": message.text}
    return data if isinstance(data, dict) else {"hits": data}


def last_human(messages: Sequence[BaseMessage]) -> str:
    """The text of the latest user message."""
    return next((m.text for m in reversed(messages) if isinstance(m, HumanMessage)), "")


def trailing_results(messages: Sequence[BaseMessage]) -> list[ToolMessage]:
    """The tool messages after the latest assistant message."""
    out: list[ToolMessage] = []
    for message in reversed(messages):
        if not isinstance(message, ToolMessage):
            break
        out.append(message)
    return out[::-1]


def last_meal_id(messages: Sequence[BaseMessage]) -> str | None:
    """The latest meal logged in this conversation and not deleted since."""
    ids: list[str] = []
    for message in messages:
        if isinstance(message, ToolMessage) and message.name in ("log_meal", "delete_meal"):
            result = tool_result(message)
            if result.get("status") == "logged":
                ids.append(str(result["meal_id"]))
            elif result.get("status") == "deleted" and result.get("meal_id") in ids:
                ids.remove(str(result["meal_id"]))
    return ids[-1] if ids else None


def _call(name: str, args: dict[str, Any], step: int) -> ToolCall:
    return ToolCall(name=name, args=args, id=f"call_{step}_{name}", type="tool_call")


def _lookup(text: str, step: int) -> ToolCall:
    items = parse_meal(text)
    amount = len(items) > 1 or any(
        i.mass_g or i.volume_ml or i.quantity not in (None, 1.0) or i.unit not in (None, "each")
        for i in items
    )
    if amount:
        return _call("analyze_meal", {"text": text}, step)
    query = " ".join(i.food for i in items) or text
    return _call("search_foods", {"query": query, "limit": 3}, step)


def _for_intent(intent: Intent, messages: Sequence[BaseMessage], step: int) -> ToolCall | str:
    kind = intent.kind
    if kind in ("confirm", "decline"):
        return NOTHING_PENDING
    if kind in ("help", "unknown"):
        return HELP if kind == "help" else "I am not sure what you mean. " + HELP
    if kind == "log_meal":
        if not intent.text:
            return 'What did you eat? For example: "log two eggs and toast for breakfast".'
        slots = {i.meal for i in parse_meal(intent.text)}
        args: dict[str, Any] = {"text": intent.text, "day": intent.day}
        if len(slots) == 1 and None not in slots:
            args["slot"] = slots.pop()
        return _call("log_meal", args, step)
    if kind in ("undo", "update_meal"):
        meal_id = last_meal_id(messages)
        if meal_id is None:
            return _call("list_meals", {"day": "today"}, step)
        if kind == "undo":
            return _call("delete_meal", {"meal_id": meal_id}, step)
        return _call("update_meal", {"meal_id": meal_id, "text": intent.text}, step)
    if kind in ("list_meals", "daily_summary"):
        return _call(kind, {"day": intent.day}, step)
    if kind == "get_profile":
        return _call("get_profile", {}, step)
    if kind == "set_profile":
        return _call("set_profile", dict(intent.profile), step)
    return _lookup(intent.text, step)


def _follow_up(intent: Intent, results: list[ToolMessage], step: int) -> ToolCall | str | None:
    """A chained call after listing meals for "undo that" / "change it to …"."""
    if intent.kind not in ("undo", "update_meal") or [r.name for r in results] != ["list_meals"]:
        return None
    listing = tool_result(results[0])
    meals = listing.get("meals") or []
    if not meals:
        return f"No meals are logged for {listing.get('date', 'today')}, so nothing was changed."
    meal_id = str(meals[-1]["meal_id"])
    if intent.kind == "undo":
        return _call("delete_meal", {"meal_id": meal_id}, step)
    return _call("update_meal", {"meal_id": meal_id, "text": intent.text}, step)


def _message(step: ToolCall | str, tools: Collection[str]) -> AIMessage:
    if isinstance(step, str):
        return AIMessage(content=step)
    if step["name"] not in tools:
        missing = step["name"]
        return AIMessage(content=f"I cannot do that here: the {missing} tool is not available.")
    return AIMessage(content="", tool_calls=[step])


def next_message(messages: Sequence[BaseMessage], tools: Collection[str]) -> AIMessage:
    """The assistant's next message given the conversation and the bound tool names."""
    step = len(messages)
    intent = classify(last_human(messages))
    results = trailing_results(messages)
    if not results:
        return _message(_for_intent(intent, messages, step), tools)
    follow = _follow_up(intent, results, step)
    if follow is not None:
        return _message(follow, tools)
    return AIMessage(content="\n".join(compose(r.name or "", tool_result(r)) for r in results))
