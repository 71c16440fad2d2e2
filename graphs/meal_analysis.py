"""Meal analysis graph: parse → resolve items (in parallel) → calculate → consensus → result.

Nodes are small async functions returning partial state; per-item resolution
fans out with ``Send`` so items are searched concurrently; the runtime context
carries the food search service, so the same compiled graph serves every
request.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, replace
from typing import Annotated, Any

from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import Send
from typing_extensions import TypedDict

from agents.nutrition.calculator import scale
from agents.nutrition.models import ItemAnalysis, MealAnalysis
from agents.nutrition.parsing import ParsedItem, parse_meal
from agents.nutrition.resolver import ResolvedItem, resolve_item, search_phrase
from agents.nutrition.totals import summarize
from graphs.consensus import consensus_item
from store.embeddings import Vector
from store.search import FoodSearch


@dataclass(frozen=True, slots=True)
class MealContext:
    """Run-scoped services for the meal graph."""

    search: FoodSearch


class MealInput(TypedDict):
    """What a caller gives: the meal text."""

    text: str


class MealOutput(TypedDict):
    """What a caller gets back."""

    analysis: MealAnalysis


class MealState(TypedDict, total=False):
    """Everything the nodes share while analysing one meal."""

    text: str
    items: list[ParsedItem]
    vectors: list[Vector]
    resolved: Annotated[list[ResolvedItem], operator.add]
    computed: list[ResolvedItem]
    analyzed: list[ItemAnalysis]
    analysis: MealAnalysis


class ItemTask(TypedDict):
    """One item sent to the parallel resolver."""

    index: int
    item: ParsedItem
    vector: Vector


async def parse(state: MealState, runtime: Runtime[MealContext]) -> dict[str, Any]:
    """Split the text into items and embed every food phrase in one batch."""
    items = parse_meal(state["text"])
    search = runtime.context.search
    phrases = [search.clean(search_phrase(i)[: search.max_query_chars]) for i in items]
    vectors = await search.embed(phrases) if items else []
    return {"items": items, "vectors": vectors}


def fan_out(state: MealState) -> list[Send] | str:
    """One resolver task per item, or straight on when there is nothing to resolve."""
    items = state.get("items", [])
    if not items:
        return "calculate"
    return [
        Send("resolve", ItemTask(index=i, item=item, vector=vector))
        for i, (item, vector) in enumerate(zip(items, state["vectors"], strict=True))
    ]


async def resolve(task: ItemTask, runtime: Runtime[MealContext]) -> dict[str, Any]:
    """Candidate foods and independent portion estimates for one item."""
    found = await resolve_item(task["index"], task["item"], task["vector"], runtime.context.search)
    return {"resolved": [found]}


async def calculate(state: MealState) -> dict[str, Any]:
    """Nutrients of every estimate: grams × per-100 g values, in meal order."""
    ordered = sorted(state.get("resolved", []), key=lambda r: r.index)
    computed = [
        replace(r, estimates=tuple(replace(e, nutrients=scale(e.per_100g, e.grams))
                                   for e in r.estimates))
        for r in ordered
    ]  # fmt: skip
    return {"computed": computed}


async def consensus(state: MealState) -> dict[str, Any]:
    """Compare each item's estimates: point, range, confidence, flags, questions."""
    return {"analyzed": [consensus_item(r) for r in state.get("computed", [])]}


async def result(state: MealState) -> dict[str, Any]:
    """Meal totals, ranges and per-slot figures."""
    return {"analysis": summarize(state["text"], state.get("analyzed", []))}


def build_graph() -> StateGraph[MealState, MealContext, MealInput, MealOutput]:
    """The uncompiled meal-analysis graph (compile at the call site)."""
    builder = StateGraph(
        MealState, context_schema=MealContext, input_schema=MealInput, output_schema=MealOutput
    )
    builder.add_node("parse", parse)
    # Send-target node: its input is one ItemTask, not the graph state.
    builder.add_node("resolve", resolve, input_schema=ItemTask)  # type: ignore[call-overload]
    builder.add_node("calculate", calculate)
    builder.add_node("consensus", consensus)
    builder.add_node("result", result)
    builder.add_edge(START, "parse")
    builder.add_conditional_edges("parse", fan_out, ["resolve", "calculate"])
    builder.add_edge("resolve", "calculate")
    builder.add_edge("calculate", "consensus")
    builder.add_edge("consensus", "result")
    builder.add_edge("result", END)
    return builder
