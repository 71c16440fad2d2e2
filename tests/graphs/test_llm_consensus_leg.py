"""The model leg of meal consensus: the model's parse, grounded in USDA data, compared by content.

Chat models are the only fakes: a scripted LangChain fake model, or the real Hugging Face
backend talking to a scripted OpenAI-compatible server (httpx.MockTransport). Food search,
portions and the database are real.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from agents.coach.llm import build_chat_model
from agents.nutrition.llm_parse import SYSTEM_PROMPT, ModelItem, read_meal, read_reply
from agents.nutrition.models import Estimate, ItemAnalysis, MealAnalysis
from graphs.meal_analysis import COMPARED_NOTE, MealContext, build_graph
from nutriprofile.context import AppContext
from tests.agents.coach.test_llm_backends import (
    ENDPOINT,
    PRIMARY,
    FakeProvider,
    _serve,
    text_reply,
)
from tests.agents.coach.test_llm_backends import settings as hf_settings

RICE_AND_EGGS = "a cup of cooked white rice and two large eggs"
AGREEING = {
    "items": [
        {"food": "cooked white rice", "quantity": 1, "unit": "cup", "meal": None},
        # Models volunteer calories; they must never reach a figure.
        {"food": "eggs", "quantity": 2, "unit": None, "size": "large", "calories": 9999},
    ]
}


def scripted(reply: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter([AIMessage(reply)]))


async def analyze(ctx: AppContext, text: str, llm: BaseChatModel | None = None) -> MealAnalysis:
    graph = build_graph().compile()
    out = await graph.ainvoke({"text": text}, context=MealContext(search=ctx.search, llm=llm))
    analysis: MealAnalysis = out["analysis"]
    return analysis


def model_estimate(item: ItemAnalysis) -> Estimate:
    (estimate,) = [e for e in item.estimates if e.method == "model_parse"]
    return estimate


# --- the model's answer, read without a database ---------------------------------------


def test_reply_in_code_fences_amid_prose_is_read() -> None:
    reply = 'Sure! Here is the parse:\n```json\n{"items": [{"food": "banana", "size": "Medium",'
    reply += ' "quantity": "1 1/2", "kcal": 105}]}\n```\nLet me know if you need more.'

    reading = read_reply(reply)

    assert reading.note is None
    assert reading.items == (ModelItem(food="banana", quantity=1.5, size="medium"),)
    assert "kcal" not in reading.items[0].model_dump()


def test_bare_list_and_braces_before_the_json_are_read() -> None:
    reading = read_reply('{not json} then [{"food": "oatmeal", "grams": 234}]')

    assert reading.items == (ModelItem(food="oatmeal", grams=234.0),)


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("You had rice and two eggs, about 350 kcal.", "no JSON object"),
        ('{"items": [{"food": "rice", "quantity": 1', "no JSON object"),
        ('{"items": [{"name": "rice"}]}', "validation error"),
        ('{"items": [{"food": "rice", "quantity": -2}]}', "validation error"),
        ('{"meal": "rice"}', "validation error"),
    ],
)
def test_malformed_replies_become_a_note(reply: str, reason: str) -> None:
    reading = read_reply(reply)

    assert reading.items == ()
    assert reading.note is not None and reason in reading.note


async def test_a_failing_model_becomes_a_note_not_an_exception() -> None:
    class Down(GenericFakeChatModel):
        async def _agenerate(self, *args: Any, **kwargs: Any) -> Any:
            raise httpx.ConnectError("connection refused")

    reading = await read_meal(Down(messages=iter([])), RICE_AND_EGGS)

    assert reading.items == ()
    assert reading.note == "the model was not reachable (ConnectError); rule-based only"


# --- the model leg in the meal graph ----------------------------------------------------


@pytest.mark.db
async def test_agreement_raises_confidence_and_changes_no_figure(ctx: AppContext) -> None:
    offline = await analyze(ctx, RICE_AND_EGGS)
    with_model = await analyze(ctx, RICE_AND_EGGS, scripted(json.dumps(AGREEING)))

    assert with_model.totals == offline.totals and with_model.ranges == offline.ranges
    assert with_model.flags == offline.flags == [] and with_model.questions == []
    for before, after in zip(offline.items, with_model.items, strict=True):
        assert after.confidence == pytest.approx(min(before.confidence + 0.1, 0.95))
        assert after.nutrients == before.nutrients and after.ranges == before.ranges
        theirs = model_estimate(after)
        assert before.food is not None and before.grams is not None
        assert theirs.food.id == before.food.id  # same USDA record, found by our search
        assert theirs.grams == pytest.approx(before.grams, rel=0.3)
    assert with_model.notes == [f"{COMPARED_NOTE} (2 items)"]
    assert offline.notes == []


@pytest.mark.db
async def test_portion_disagreement_and_an_extra_food_ask_instead_of_counting(
    ctx: AppContext,
) -> None:
    reply = {
        "items": [
            {"food": "cooked white rice", "quantity": 3, "unit": "cups"},
            {"food": "eggs", "quantity": 2, "size": "large"},
            {"food": "butter", "quantity": 1, "unit": "tbsp"},
        ]
    }
    offline = await analyze(ctx, RICE_AND_EGGS)
    with_model = await analyze(ctx, RICE_AND_EGGS, scripted(f"```json\n{json.dumps(reply)}\n```"))

    rice_before, _ = offline.items
    rice, eggs = with_model.items  # the butter is not added as an item
    theirs = model_estimate(rice)
    assert rice_before.grams is not None
    assert theirs.grams == pytest.approx(3 * rice_before.grams, rel=0.1)  # grounded: 3 cups
    assert rice.flags == ["model_portion_disagreement"]
    assert f"How much white rice: about {rice.grams:.0f} g or about {theirs.grams:.0f} g?" in (
        rice.questions
    )
    assert rice.confidence < rice_before.confidence
    low, high = rice.ranges["energy_kcal"]
    assert high == pytest.approx(theirs.nutrients["energy_kcal"], abs=0.1)
    assert (
        high > rice_before.ranges["energy_kcal"][1] and low == rice_before.ranges["energy_kcal"][0]
    )
    assert rice.nutrients == rice_before.nutrients  # the point stays the rule-based reading
    assert "model_portion_disagreement" not in eggs.flags
    assert with_model.totals == offline.totals
    assert with_model.ranges["energy_kcal"][1] > offline.ranges["energy_kcal"][1]
    assert "model_extra_item" in with_model.flags
    assert any(q.startswith("The model also saw butter (") for q in with_model.questions)


@pytest.mark.db
async def test_food_disagreement_names_both_foods(ctx: AppContext) -> None:
    reply = {"items": [{"food": "chocolate milk", "quantity": 1, "unit": "glass"}]}
    offline = await analyze(ctx, "a glass of milk")
    with_model = await analyze(ctx, "a glass of milk", scripted(json.dumps(reply)))

    (before,), (milk,) = offline.items, with_model.items
    theirs = model_estimate(milk)
    assert "chocolate" in theirs.food.name.lower() and milk.food is not None
    assert "model_food_disagreement" in milk.flags
    assert f"Which milk: {milk.food.name} or {theirs.food.name}?" in milk.questions
    assert milk.confidence < before.confidence
    for key, (low, high) in milk.ranges.items():
        assert low <= round(theirs.nutrients[key], 1) <= high
    assert with_model.totals == offline.totals


@pytest.mark.db
@pytest.mark.parametrize(
    "reply",
    [
        "Sure! You had rice and eggs, roughly 350 kcal.",
        '{"items": [{"food": "rice", "quantity": 1, "unit": "cup"',
        '{"items": [{"name": "rice", "kcal": 205}]}',
    ],
)
async def test_malformed_output_skips_the_leg_with_a_note(ctx: AppContext, reply: str) -> None:
    offline = await analyze(ctx, RICE_AND_EGGS)
    with_model = await analyze(ctx, RICE_AND_EGGS, scripted(reply))

    (note,) = with_model.notes
    assert note.startswith("the model's parse was unusable") and note.endswith("rule-based only")
    assert replace(with_model, notes=[]) == offline


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    fake = FakeProvider()
    with _serve(httpx.MockTransport(fake.handle)):
        yield fake


@pytest.mark.db
async def test_huggingface_backend_feeds_the_leg_over_http(
    ctx: AppContext, provider: FakeProvider
) -> None:
    provider.script = [text_reply(PRIMARY, f"```json\n{json.dumps(AGREEING)}\n```")]
    llm = build_chat_model(hf_settings(endpoint_url=ENDPOINT))
    offline = await analyze(ctx, RICE_AND_EGGS)

    with_model = await analyze(ctx, RICE_AND_EGGS, llm)

    assert [str(r.url) for r in provider.requests] == [f"{ENDPOINT}/chat/completions"]
    (body,) = provider.bodies()
    assert body["model"] == PRIMARY
    assert body["messages"] == [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": RICE_AND_EGGS},
    ]
    assert with_model.notes == [f"{COMPARED_NOTE} (2 items)"]
    assert with_model.totals == offline.totals
    assert all(
        after.confidence > before.confidence
        for before, after in zip(offline.items, with_model.items, strict=True)
    )
