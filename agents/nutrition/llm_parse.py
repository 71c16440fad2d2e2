"""A language model's own reading of a meal: foods and amounts, never nutrient values.

The model answers in JSON (prompted, then validated with pydantic) so any chat backend
works, including local checkpoints without tool calling. Whatever it says about calories
is dropped: its items are grounded through our food search and portion resolver, and
only serve consensus as one more independent reading. A model that fails, or answers
something unreadable, yields no items and a note saying why; it never raises.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from agents.nutrition.parsing import ParsedItem, parse_meal

logger = logging.getLogger(__name__)

MAX_REPLY_CHARS = 20_000
COUNT_UNITS = {"each", "whole", "item", "items", "unit", "units", "piece", "pieces", "x"}
"""Units that only count: "2 each eggs" reads worse to our parser than "2 eggs"."""

SYSTEM_PROMPT = """\
You read a meal description and list every food and drink that was eaten.
Answer with one JSON object and nothing else, in exactly this shape:
{"items": [{"food": "scrambled eggs", "quantity": 2, "unit": null, "size": "large", \
"grams": null, "meal": "breakfast"}]}
Fields of each item:
- food: a short search phrase for the food, with its preparation ("whole wheat toast").
- quantity: the number the user stated (2, 0.5, 150), or null when none was stated.
- unit: the unit of that number as the user wrote it (g, oz, cup, tbsp, tsp, slice, can, \
bowl, ...), or null for a plain count.
- size: small, medium, large ... when stated, else null.
- grams: the total weight if the user stated one; otherwise your estimate of the portion.
- meal: breakfast, lunch, dinner or snack when stated, else null.
List each food once. Do not give calories or nutrients."""


class ModelItem(BaseModel):
    """One food as the model read it; unknown keys (calories...) are dropped."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    food: str = Field(min_length=1, max_length=200)
    quantity: float | None = Field(default=None, gt=0, le=100_000)
    unit: str | None = Field(default=None, max_length=40)
    size: str | None = Field(default=None, max_length=40)
    grams: float | None = Field(default=None, gt=0, le=100_000)
    meal: str | None = Field(default=None, max_length=40)

    @field_validator("quantity", "grams", mode="before")
    @classmethod
    def _fraction(cls, value: Any) -> Any:
        """Accept "1/2" and "1 1/2", which models write as often as 0.5."""
        if isinstance(value, str) and (
            match := re.fullmatch(r"\s*(?:(\d+)\s+)?(\d+)/(\d+)\s*", value)
        ):
            whole, num, den = match.groups()
            return int(whole or 0) + int(num) / int(den) if int(den) else value
        return value

    @field_validator("unit", "size", "meal", mode="after")
    @classmethod
    def _blank(cls, value: str | None) -> str | None:
        return (value.lower() or None) if value is not None else None


class ModelParse(BaseModel):
    """The model's whole answer."""

    model_config = ConfigDict(extra="ignore")

    items: list[ModelItem] = Field(max_length=50)


@dataclass(frozen=True, slots=True)
class ModelReading:
    """The model's items, or no items and the reason the reading was skipped."""

    items: tuple[ModelItem, ...]
    note: str | None = None


_FENCE = re.compile(r"```[a-zA-Z]*\s*(.*?)```", re.DOTALL)


def extract_json(text: str) -> Any:
    """The first JSON object or array in a reply, inside code fences or amid prose.

    Raises:
        ValueError: The reply holds no decodable JSON.
    """
    decoder = json.JSONDecoder()
    for chunk in [*(m.group(1) for m in _FENCE.finditer(text)), text]:
        for start in (i for i, ch in enumerate(chunk) if ch in "{["):
            try:
                value, _ = decoder.raw_decode(chunk, start)
            except json.JSONDecodeError:
                continue
            return value
    raise ValueError("no JSON object in the answer")


def read_reply(text: str) -> ModelReading:
    """Validate a reply against the schema; anything unusable becomes a note."""
    try:
        value = extract_json(text[:MAX_REPLY_CHARS])
        parsed = ModelParse.model_validate({"items": value} if isinstance(value, list) else value)
    except (ValueError, ValidationError) as exc:
        reason = str(exc).splitlines()[0]
        return ModelReading((), f"the model's parse was unusable ({reason}); rule-based only")
    return ModelReading(tuple(parsed.items))


async def read_meal(model: BaseChatModel, text: str) -> ModelReading:
    """Ask ``model`` for its parse of ``text``; failures give a note, never an exception."""
    try:
        reply = await model.ainvoke([SystemMessage(SYSTEM_PROMPT), HumanMessage(text)])
    except Exception as exc:  # noqa: BLE001 - the model leg is optional; the rules still answer
        logger.warning("model parse failed: %s: %s", type(exc).__name__, exc)
        return ModelReading(
            (), f"the model was not reachable ({type(exc).__name__}); rule-based only"
        )
    return read_reply(reply.text)


def _number(value: float) -> str:
    return f"{value:g}"


def amount_phrase(item: ModelItem) -> tuple[str, bool]:
    """The item as meal text for our own parser, and whether grams are the model's guess.

    A stated quantity and unit go to our parser and portion resolver (grams from USDA
    measures); only without them does the model's gram figure stand in.
    """
    size = f"{item.size} " if item.size else ""
    if item.quantity is not None:
        unit = "" if item.unit is None or item.unit in COUNT_UNITS else f"{item.unit} of "
        return f"{_number(item.quantity)} {size}{unit}{item.food}", False
    if item.grams is not None:
        return f"{_number(item.grams)} g of {size}{item.food}", True
    return f"{size}{item.food}", False


def to_parsed_item(item: ModelItem) -> tuple[ParsedItem, bool]:
    """Ground one model item through the rule parser (units, sizes, masses as for user text).

    Returns:
        The parsed item and whether its grams are the model's own estimate.
    """
    phrase, guessed = amount_phrase(item)
    found = parse_meal(phrase)
    if len(found) == 1:
        parsed = found[0]
    elif found:  # our parser split the phrase: keep its amount, the model's food
        parsed = replace(found[0], text=phrase, food=item.food.lower())
    else:
        parsed = ParsedItem(phrase, item.food.lower(), None, None, None, None, None, None, None)
    return replace(parsed, meal=parsed.meal or item.meal), guessed
