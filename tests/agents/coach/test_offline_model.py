import json
import re

from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from agents.coach.llm.offline import OfflineCoachModel
from tools.registry import load_tools

MEAL_ID = "5f0c2a4e-9d7b-4a51-8f0e-3c2b1a0d9e8f"
LOGGED = {
    "status": "logged", "meal_id": MEAL_ID, "date": "2025-03-14", "slot": "breakfast",
    "text": "two eggs and toast",
    "items": [
        {"phrase": "eggs", "food": "Egg, whole, raw", "grams": 100.0,
         "nutrients": {"energy_kcal": 143.0, "protein_g": 12.6}},
        {"phrase": "toast", "food": "Bread, toasted", "grams": 28.0,
         "nutrients": {"energy_kcal": 73.4, "protein_g": 2.5}},
    ],
    "totals": {"energy_kcal": 216.4, "protein_g": 15.1, "carbohydrate_g": 14.6, "fat_g": 10.9},
    "unmatched": [], "questions": [],
}  # fmt: skip
SUMMARY = {
    "date": "2025-03-14", "meal_count": 1, "profile_set": True,
    "totals": {"energy_kcal": 216.4, "protein_g": 15.1, "carbohydrate_g": 14.6, "fat_g": 10.9},
    "targets": {"energy_kcal": 2259, "protein_g": 128.0, "carbohydrate_g": 267.3, "fat_g": 75.3},
    "remaining": {"energy_kcal": 2042.6, "protein_g": 112.9, "carbohydrate_g": 252.7,
                  "fat_g": -1.2},
}  # fmt: skip


def bound():
    return OfflineCoachModel().bind_tools(load_tools())


def numbers(text: str) -> set[float]:
    return {float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)}


def numbers_in(data) -> set[float]:
    return numbers(json.dumps(data))


def turn(user: str, name: str, result) -> list:
    call = {"name": name, "args": {}, "id": "call_1", "type": "tool_call"}
    return [HumanMessage(user), AIMessage(content="", tool_calls=[call]),
            ToolMessage(json.dumps(result), tool_call_id="call_1", name=name)]  # fmt: skip


def test_meal_statement_becomes_a_log_meal_call_with_the_slot() -> None:
    reply = bound().invoke([HumanMessage("I had two eggs and toast for breakfast")])
    assert reply.content == ""
    [call] = reply.tool_calls
    assert call["name"] == "log_meal"
    assert call["args"] == {"text": "I had two eggs and toast for breakfast", "day": "today",
                            "slot": "breakfast"}  # fmt: skip


def test_lookup_with_an_amount_analyzes_and_without_one_searches() -> None:
    model = bound()
    [analyze] = model.invoke([HumanMessage("what's in 100 g of brown rice?")]).tool_calls
    assert analyze["name"] == "analyze_meal" and analyze["args"] == {"text": "100 g of brown rice"}
    [search] = model.invoke([HumanMessage("what is in a big mac")]).tool_calls
    assert search["name"] == "search_foods" and search["args"]["query"] == "big mac"


def test_reply_after_logging_uses_only_the_tool_numbers() -> None:
    reply = bound().invoke(turn("log two eggs and toast", "log_meal", LOGGED))
    assert not reply.tool_calls
    assert reply.content.startswith("Logged breakfast for 2025-03-14")
    assert "216.4 kcal" in reply.content and "15.1 g protein" in reply.content
    assert numbers(reply.content) <= numbers_in(LOGGED)


def test_summary_reply_copies_totals_targets_and_remaining() -> None:
    reply = bound().invoke(turn("how am I doing?", "daily_summary", SUMMARY)).content
    assert "energy 216.4 of 2259 kcal (2042.6 kcal left)" in reply
    assert "fat 10.9 of 75.3 g (1.2 g over)" in reply
    assert numbers(reply) <= numbers_in(SUMMARY) | {1.2}  # "over" shows |remaining|


def test_cancelled_and_failed_writes_are_reported_as_not_done() -> None:
    model = bound()
    cancelled = model.invoke(turn("I had an apple", "log_meal", {"status": "cancelled"})).content
    assert cancelled == "OK, nothing was logged."
    not_logged = {"status": "not_logged", "reason": "no food recognised", "questions": []}
    assert model.invoke(turn("log zqxw", "log_meal", not_logged)).content.startswith(
        "Nothing was logged"
    )
    error = {"status": "error", "error": "database unavailable"}
    failed = model.invoke(turn("log an apple", "log_meal", error)).content
    assert "did not work" in failed and "Logged" not in failed


def test_undo_deletes_the_meal_logged_in_this_conversation() -> None:
    history = turn("log two eggs and toast", "log_meal", LOGGED)
    history += [AIMessage("Logged."), HumanMessage("undo that")]
    [call] = bound().invoke(history).tool_calls
    assert call["name"] == "delete_meal" and call["args"] == {"meal_id": MEAL_ID}


def test_undo_without_a_meal_in_the_thread_lists_the_day_then_deletes_the_last() -> None:
    model = bound()
    [listing] = model.invoke([HumanMessage("undo that")]).tool_calls
    assert listing["name"] == "list_meals"
    older = dict(LOGGED, meal_id="00000000-0000-0000-0000-000000000001")
    day = {"date": "2025-03-14", "meal_count": 2, "meals": [older, LOGGED], "totals": {}}
    [delete] = model.invoke(turn("undo that", "list_meals", day)).tool_calls
    assert delete["name"] == "delete_meal" and delete["args"] == {"meal_id": MEAL_ID}
    empty = {"date": "2025-03-14", "meal_count": 0, "meals": [], "totals": {}}
    assert "nothing was changed" in model.invoke(turn("undo that", "list_meals", empty)).content


def test_unbound_tool_is_not_called() -> None:
    reply = OfflineCoachModel().invoke([HumanMessage("log an apple")])
    assert not reply.tool_calls and "not available" in reply.content


def test_confirmation_without_a_question_is_answered_in_words() -> None:
    reply = bound().invoke([HumanMessage("yes")])
    assert not reply.tool_calls and "nothing waiting" in reply.content


async def test_streaming_yields_tokens_that_join_to_the_reply() -> None:
    model = bound()
    history = turn("how am I doing?", "daily_summary", SUMMARY)
    chunks = [c async for c in model.astream(history)]
    assert len(chunks) > 10
    assert "".join(c.content for c in chunks) == model.invoke(history).content
    tool_chunks = [c async for c in model.astream([HumanMessage("what did I eat today?")])]
    merged = tool_chunks[0]
    for chunk in tool_chunks[1:]:
        merged += chunk
    assert [c["name"] for c in merged.tool_calls] == ["list_meals"]


def test_same_input_same_output() -> None:
    history = [HumanMessage("I'm 30, male, 180 cm, 80 kg, moderately active")]
    assert bound().invoke(history).tool_calls == bound().invoke(history).tool_calls
