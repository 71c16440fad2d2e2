"""Meal analysis graph: parse → resolve items (in parallel) → calculate → consensus → result.

Nodes are small async functions returning partial state; per-item resolution
fans out with ``Send`` so items are searched concurrently; the runtime context
carries the food search service, so the same compiled graph serves every
request.

Beside the rule-based leg runs the model leg (``model_parse`` → ``model_ground``): with a
chat model in the context, the model's own parse is grounded through the same food
search and portion resolver and consensus compares it item by item. Without one (the
offline backend) both nodes return nothing and the analysis is the rule-based one.
"""

from __future__ import annotations

import asyncio
import operator
from dataclasses import dataclass, replace
from typing import Annotated, Any

from langchain_core.language_models import BaseChatModel
from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import Send
from typing_extensions import TypedDict

from agents.nutrition.calculator import scale
from agents.nutrition.cooking_fat import is_cooking_fat
from agents.nutrition.guidelines import weigh_toppings
from agents.nutrition.listed_dishes import read_listed
from agents.nutrition.llm_parse import ModelItem, read_meal, to_parsed_item
from agents.nutrition.models import ItemAnalysis, MealAnalysis
from agents.nutrition.parsing import ParsedItem, parse_meal
from agents.nutrition.resolver import ResolvedItem, resolve_item, search_phrase
from agents.nutrition.restated import drop_restated
from agents.nutrition.totals import summarize
from graphs.consensus import compare_model_reading, consensus_item
from store.search import FoodSearch

COMPARED_NOTE = "compared with the model's parse"
"""How an analysis says the model leg took part (evals count it)."""


@dataclass(frozen=True, slots=True)
class MealContext:
    """Run-scoped services for the meal graph; ``llm`` None means rule-based only."""

    search: FoodSearch
    llm: BaseChatModel | None = None


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
    resolved: Annotated[list[ResolvedItem], operator.add]
    computed: list[ResolvedItem]
    analyzed: list[ItemAnalysis]
    model_items: list[ModelItem]
    model_resolved: list[ResolvedItem]
    model_flags: list[str]
    model_questions: list[str]
    notes: Annotated[list[str], operator.add]
    analysis: MealAnalysis


class ItemTask(TypedDict):
    """One item sent to the parallel resolver."""

    index: int
    item: ParsedItem
    fat_listed: bool


async def parse(state: MealState, runtime: Runtime[MealContext]) -> dict[str, Any]:
    """Split the text into items (their phrases are embedded together, by the search).

    A dish with a "with" list is one item when a USDA record names all it lists, else one
    item per food (:mod:`agents.nutrition.listed_dishes`).
    """
    search = runtime.context.search
    items = parse_meal(state["text"])
    for item in items:  # an unsearchable phrase fails the meal here, with a clear message
        search.clean(search_phrase(item)[: search.max_query_chars])
    return {"items": await read_listed(items, search)}


async def fan_out(state: MealState) -> list[Send] | str:
    """One resolver task per item, or straight on when there is nothing to resolve.

    Async on purpose: LangGraph runs a sync router in a worker thread.
    """
    items = state.get("items", [])
    if not items:
        return "calculate"
    fat = any(map(is_cooking_fat, items))  # "... 2 g olive oil": count the fat once
    return [
        Send("resolve", ItemTask(index=i, item=item, fat_listed=fat))
        for i, item in enumerate(items)
    ]


async def resolve(task: ItemTask, runtime: Runtime[MealContext]) -> dict[str, Any]:
    """Candidate foods and independent portion estimates for one item."""
    search = runtime.context.search
    found = await resolve_item(task["index"], task["item"], None, search, task["fat_listed"])
    return {"resolved": [found]}


def with_nutrients(resolved: ResolvedItem) -> ResolvedItem:
    """Every estimate's nutrients: grams × per-100 g values."""
    return replace(resolved, estimates=tuple(replace(e, nutrients=scale(e.per_100g, e.grams))
                                             for e in resolved.estimates))  # fmt: skip


async def calculate(state: MealState) -> dict[str, Any]:
    """Nutrients of every estimate, in meal order.

    An item that only renames the one before it ("corn snacks, Cheetos,") is not counted twice.
    """
    ordered = sorted(state.get("resolved", []), key=lambda r: r.index)
    kept, notes = drop_restated(state.get("text", ""), ordered)
    return {"computed": [with_nutrients(r) for r in weigh_toppings(kept)], "notes": notes}


async def model_parse(state: MealState, runtime: Runtime[MealContext]) -> dict[str, Any]:
    """The configured model's own items (foods and amounts only), or a note why not."""
    llm = runtime.context.llm
    if llm is None:
        return {}
    reading = await read_meal(llm, state["text"])
    if reading.note is not None:
        return {"notes": [reading.note]}
    return {"model_items": list(reading.items)}


def _model_estimate(resolved: ResolvedItem, guessed: bool) -> ResolvedItem:
    """Keep the model leg's best reading only, labelled as such (and its gram guess as one)."""
    if not resolved.estimates:
        return resolved
    best = replace(resolved.estimates[0], method="model_parse")
    if guessed:
        best = replace(best, portion_source="model_estimate",
                       portion_detail=f"the model's estimate: {best.grams:g} g")  # fmt: skip
    return replace(resolved, estimates=(best,))


async def model_ground(state: MealState, runtime: Runtime[MealContext]) -> dict[str, Any]:
    """Ground the model's foods in our food search and its amounts in our portion data."""
    items = state.get("model_items")
    if items is None:
        return {}
    search = runtime.context.search
    grounded = [to_parsed_item(item) for item in items]
    for parsed, _ in grounded:
        search.clean(search_phrase(parsed)[: search.max_query_chars])
    fat = any(is_cooking_fat(parsed) for parsed, _ in grounded)
    found = await asyncio.gather(
        *(resolve_item(i, parsed, None, search, fat) for i, (parsed, _) in enumerate(grounded))
    )
    resolved = [with_nutrients(_model_estimate(r, guessed))
                for r, (_, guessed) in zip(found, grounded, strict=True)]  # fmt: skip
    notes = [f"the model's '{r.item.food}' matched no USDA food" for r in resolved if not r.known]
    return {"model_resolved": resolved, "notes": notes}


async def consensus(state: MealState) -> dict[str, Any]:
    """Compare each item's estimates: point, range, confidence, flags, questions."""
    analyzed = [consensus_item(r) for r in state.get("computed", [])]
    model = state.get("model_resolved")
    if model is None:
        return {"analyzed": analyzed}
    compared = compare_model_reading(analyzed, model)
    return {
        "analyzed": compared.items,
        "model_flags": compared.flags,
        "model_questions": compared.questions,
        "notes": [f"{COMPARED_NOTE} ({len(model)} items)"],
    }


async def result(state: MealState) -> dict[str, Any]:
    """Meal totals, ranges and per-slot figures."""
    analysis = summarize(state["text"], state.get("analyzed", []))
    flags, questions = state.get("model_flags", []), state.get("model_questions", [])
    if flags or questions:
        analysis.flags = sorted({*analysis.flags, *flags})
        analysis.questions = [*analysis.questions, *questions]
    analysis.notes = list(state.get("notes", []))
    return {"analysis": analysis}


def build_graph() -> StateGraph[MealState, MealContext, MealInput, MealOutput]:
    """The uncompiled meal-analysis graph (compile at the call site)."""
    builder = StateGraph(
        MealState, context_schema=MealContext, input_schema=MealInput, output_schema=MealOutput
    )
    builder.add_node("parse", parse)
    builder.add_node("model_parse", model_parse)
    builder.add_node("model_ground", model_ground)
    # Send-target node: its input is one ItemTask, not the graph state.
    builder.add_node("resolve", resolve, input_schema=ItemTask)  # type: ignore[call-overload]
    builder.add_node("calculate", calculate)
    builder.add_node("consensus", consensus)
    builder.add_node("result", result)
    builder.add_edge(START, "parse")
    builder.add_edge(START, "model_parse")
    builder.add_conditional_edges("parse", fan_out, ["resolve", "calculate"])
    builder.add_edge("resolve", "calculate")
    builder.add_edge("model_parse", "model_ground")
    builder.add_edge(["calculate", "model_ground"], "consensus")
    builder.add_edge("consensus", "result")
    builder.add_edge("result", END)
    return builder
