import json
import uuid
from datetime import date

import pytest
from langchain_core.messages import AIMessage, ToolMessage
from sqlalchemy import select

from agents.coach.chat import CoachChat
from agents.coach.threads import ThreadStore
from store.user_models import Meal, User
from tests.fakes import ScriptedChatModel, tool_call

pytestmark = pytest.mark.db

DAY = date(2025, 3, 14)


@pytest.fixture(scope="module")
async def store(ctx):
    opened = await ThreadStore.open(ctx.db.url, max_size=4)
    yield opened
    await opened.close()


async def new_user(ctx) -> str:
    async with ctx.db.sessions() as session:
        user = User(email=f"graph-{uuid.uuid4().hex[:12]}@example.com", password_hash="x")
        session.add(user)
        await session.commit()
        return str(user.id)


async def meals_of(ctx, user_id: str) -> list[Meal]:
    async with ctx.db.sessions() as session:
        rows = await session.scalars(select(Meal).where(Meal.user_id == uuid.UUID(user_id)))
        return list(rows.all())


def coach(ctx, store, *responses) -> tuple[CoachChat, ScriptedChatModel]:
    model = ScriptedChatModel(responses=list(responses))
    return CoachChat(ctx, store, model, clock=lambda: DAY), model


async def turn(chat: CoachChat, user_id: str, thread_id: str, message: str) -> list[dict]:
    return [event async for event in chat.turn(user_id, thread_id, message)]


async def test_statement_waits_for_yes_and_no_changes_nothing(ctx, store) -> None:
    chat, model = coach(ctx, store, tool_call("log_meal", text="an apple"), AIMessage("ok"))
    user, thread = await new_user(ctx), uuid.uuid4().hex
    events = await turn(chat, user, thread, "I had an apple")
    assert [e["type"] for e in events] == ["tool_call", "interrupt", "done"]
    assert events[-1]["pending_confirmation"]["question"] == "Log this meal: an apple? (yes/no)"
    assert await meals_of(ctx, user) == []
    events = await turn(chat, user, thread, "no")
    assert [e["type"] for e in events] == ["tool_result", "token", "done"]
    assert events[0]["content"]["status"] == "cancelled"
    assert events[-1] == {"type": "done", "thread_id": thread, "reply": "ok",
                          "pending_confirmation": None}  # fmt: skip
    last_prompt = model.seen[-1]
    assert isinstance(last_prompt[-1], ToolMessage) and "cancelled" in last_prompt[-1].text
    assert await meals_of(ctx, user) == []


async def test_yes_runs_the_write_for_the_signed_in_user_only(ctx, store) -> None:
    forged = tool_call("log_meal", text="an apple", user_id=str(uuid.uuid4()))
    chat, _ = coach(ctx, store, forged, AIMessage("logged"))
    user, thread = await new_user(ctx), uuid.uuid4().hex
    await turn(chat, user, thread, "I had an apple")
    events = await turn(chat, user, thread, "yes")
    result = events[0]["content"]
    assert result["status"] == "logged" and result["date"] == DAY.isoformat()
    [meal] = await meals_of(ctx, user)
    assert str(meal.id) == result["meal_id"] and meal.day == DAY


async def test_explicit_command_runs_without_a_question(ctx, store) -> None:
    chat, _ = coach(ctx, store, tool_call("log_meal", text="an apple"), AIMessage("logged"))
    user, thread = await new_user(ctx), uuid.uuid4().hex
    events = await turn(chat, user, thread, "log an apple")
    assert [e["type"] for e in events] == ["tool_call", "tool_result", "token", "done"]
    assert len(await meals_of(ctx, user)) == 1


async def test_another_request_instead_of_an_answer_cancels_and_is_handled(ctx, store) -> None:
    chat, model = coach(
        ctx, store, tool_call("log_meal", text="an apple"), tool_call("list_meals", "c2"),
        AIMessage("listed"),
    )  # fmt: skip
    user, thread = await new_user(ctx), uuid.uuid4().hex
    await turn(chat, user, thread, "I had an apple")
    events = await turn(chat, user, thread, "what did I eat today?")
    results = [e["content"] for e in events if e["type"] == "tool_result"]
    assert results[0]["status"] == "cancelled" and results[1]["meal_count"] == 0
    assert model.seen[1][-1].text == "what did I eat today?"
    assert await meals_of(ctx, user) == []


async def test_failing_and_unknown_tools_become_error_results(ctx, store) -> None:
    chat, model = coach(
        ctx, store, tool_call("list_meals", day="someday"), tool_call("drop_tables", "c2"),
        AIMessage("sorry"),
    )  # fmt: skip
    user, thread = await new_user(ctx), uuid.uuid4().hex
    events = await turn(chat, user, thread, "what did I eat?")
    errors = [e["content"] for e in events if e["type"] == "tool_result"]
    assert [e["status"] for e in errors] == ["error", "error"]
    assert "someday" in errors[0]["error"] and "drop_tables" in errors[1]["error"]
    assert events[-1]["reply"] == "sorry"
    assert json.loads(model.seen[1][-1].text)["status"] == "error"


async def test_pending_confirmation_survives_a_restart(ctx, store) -> None:
    chat, _ = coach(ctx, store, tool_call("log_meal", text="an apple"), AIMessage("logged"))
    user, thread = await new_user(ctx), uuid.uuid4().hex
    await turn(chat, user, thread, "I had an apple")
    reopened = await ThreadStore.open(ctx.db.url, max_size=2)  # a new process, same database
    try:
        model = ScriptedChatModel(responses=[AIMessage("logged after restart")])
        again = CoachChat(ctx, reopened, model, clock=lambda: DAY)
        history = await again.history(user, thread)
        assert history["pending_confirmation"]["question"] == "Log this meal: an apple? (yes/no)"
        events = await turn(again, user, thread, "yes")
    finally:
        await reopened.close()
    assert events[0]["content"]["status"] == "logged"
    assert events[-1]["reply"] == "logged after restart"
    assert len(await meals_of(ctx, user)) == 1


class BrokenModel(ScriptedChatModel):
    def _generate(self, messages, *args, **kwargs):
        raise RuntimeError("provider down: secret-host:5432")


async def test_model_failure_is_an_error_event_without_internals(ctx, store) -> None:
    chat = CoachChat(ctx, store, BrokenModel(responses=[AIMessage("unused")]), clock=lambda: DAY)
    events = await turn(chat, await new_user(ctx), uuid.uuid4().hex, "hello")
    assert [e["type"] for e in events] == ["error", "done"]
    assert "RuntimeError" in events[0]["detail"] and "secret-host" not in events[0]["detail"]
    assert events[-1]["reply"] == ""
