import asyncio
import json

import pytest

from tests.accounts import signed_in

pytestmark = pytest.mark.db

BREAKFAST = "I had two eggs and toast for breakfast"
MACROS = ("energy_kcal", "protein_g", "carbohydrate_g", "fat_g")


async def say(client, headers, message: str, thread_id: str | None = None, status: int = 200):
    body = {"message": message, "thread_id": thread_id}
    response = await client.post("/v1/chat", json=body, headers=headers)
    assert response.status_code == status, response.text
    return response.json()


async def todays_meals(client, headers) -> list[dict]:
    return (await client.get("/v1/meals", headers=headers)).json()


def shown(value: float) -> str:
    rounded = round(value, 1)
    return str(int(rounded)) if rounded.is_integer() else str(rounded)


async def test_log_confirm_then_summary_matches_the_database(client) -> None:
    headers = await signed_in(client, "chat")
    asked = await say(client, headers, BREAKFAST)
    assert asked["pending_confirmation"]["question"].startswith("Log this meal:")
    assert asked["reply"] == asked["pending_confirmation"]["question"]
    assert await todays_meals(client, headers) == []
    done = await say(client, headers, "yes", asked["thread_id"])
    assert done["pending_confirmation"] is None
    [meal] = await todays_meals(client, headers)
    assert meal["slot"] == "breakfast" and len(meal["items"]) == 2
    assert done["reply"].startswith("Logged breakfast")
    summary = await say(client, headers, "how am I doing today?", asked["thread_id"])
    stored = (await client.get("/v1/summary/daily", headers=headers)).json()
    assert stored["meal_count"] == 1
    for key in MACROS:
        assert shown(stored["totals"][key]) in summary["reply"], key
    [call, result] = summary["events"]
    assert call["name"] == result["name"] == "daily_summary"
    assert result["content"]["totals"]["energy_kcal"] == round(stored["totals"]["energy_kcal"], 1)


async def test_no_leaves_the_diary_unchanged_and_claims_nothing(client) -> None:
    headers = await signed_in(client, "chat")
    asked = await say(client, headers, "I had a banana")
    declined = await say(client, headers, "no", asked["thread_id"])
    assert declined["reply"] == "OK, nothing was logged."
    assert "Logged" not in declined["reply"]
    assert declined["events"][0]["content"]["status"] == "cancelled"
    assert await todays_meals(client, headers) == []


async def test_undo_deletes_the_meal_just_logged(client) -> None:
    headers = await signed_in(client, "chat")
    first = await say(client, headers, "log an apple")
    assert first["pending_confirmation"] is None and first["reply"].startswith("Logged")
    [meal] = await todays_meals(client, headers)
    undone = await say(client, headers, "undo that", first["thread_id"])
    assert undone["events"][0]["args"] == {"meal_id": meal["id"]}
    assert undone["reply"].startswith("Deleted")
    assert await todays_meals(client, headers) == []


async def test_profile_from_a_sentence_then_targets(client) -> None:
    headers = await signed_in(client, "chat")
    asked = await say(client, headers, "I'm 30, male, 180 cm, 80 kg, moderately active")
    assert asked["pending_confirmation"] is not None
    assert (await client.get("/v1/profile", headers=headers)).status_code == 404
    await say(client, headers, "yes", asked["thread_id"])
    goal = await say(client, headers, "set my goal to lose weight", asked["thread_id"])
    assert goal["pending_confirmation"] is None  # an explicit command
    profile = (await client.get("/v1/profile", headers=headers)).json()
    assert profile["goal"] == "lose" and profile["targets"]["energy_kcal"] == 2259
    assert "2259 kcal" in goal["reply"]


async def test_threads_belong_to_their_user(client) -> None:
    alice, bob = await signed_in(client, "chat"), await signed_in(client, "chat")
    started = await say(client, alice, "what did I eat today?")
    thread = started["thread_id"]
    assert (await client.get(f"/v1/chat/threads/{thread}", headers=bob)).status_code == 404
    await say(client, bob, "what did I eat today?", thread, status=404)
    assert (await client.delete(f"/v1/chat/threads/{thread}", headers=bob)).status_code == 404
    assert (await client.get("/v1/chat/threads", headers=bob)).json() == []
    listed = (await client.get("/v1/chat/threads", headers=alice)).json()
    assert [t["thread_id"] for t in listed] == [thread]
    assert listed[0]["title"] == "what did I eat today?"
    history = (await client.get(f"/v1/chat/threads/{thread}", headers=alice)).json()
    assert [m["role"] for m in history["messages"]] == ["user", "assistant", "tool", "assistant"]
    assert (await client.delete(f"/v1/chat/threads/{thread}", headers=alice)).status_code == 204
    assert (await client.get(f"/v1/chat/threads/{thread}", headers=alice)).status_code == 404
    assert (await client.get("/v1/chat/threads/not-an-id", headers=alice)).status_code == 404
    assert (await client.post("/v1/chat", json={"message": "hi"})).status_code == 401


def parse_sse(text: str) -> list[tuple[str, dict]]:
    events = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.split("\n"))
        events.append((lines["event"], json.loads(lines["data"])))
    return events


async def test_sse_streams_tokens_and_tool_events(client) -> None:
    headers = {**await signed_in(client, "chat"), "Accept": "text/event-stream"}
    response = await client.post("/v1/chat", json={"message": "log an apple"}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(response.text)
    types = [t for t, _ in events]
    assert types[:2] == ["tool_call", "tool_result"] and types[-1] == "done"
    tokens = [data["text"] for t, data in events if t == "token"]
    assert len(tokens) > 5
    done = events[-1][1]
    assert "".join(tokens) == done["reply"] and done["reply"].startswith("Logged")
    asked = await client.post("/v1/chat", json={"message": "I had a pear"}, headers=headers)
    kinds = [t for t, _ in parse_sse(asked.text)]
    assert kinds == ["tool_call", "interrupt", "done"]


async def test_parallel_chats_do_not_cross_talk(client) -> None:
    users = [await signed_in(client, "chat"), await signed_in(client, "chat")]
    grams = list(range(101, 121))

    async def chat(n: int, g: int) -> tuple[int, dict]:
        return n % 2, await say(client, users[n % 2], f"log {g} g of apple")

    results = await asyncio.gather(*(chat(n, g) for n, g in enumerate(grams)))
    assert len({r["thread_id"] for _, r in results}) == 20
    for (_, result), g in zip(results, grams, strict=True):
        [call, tool_result] = result["events"]
        assert call["args"]["text"] == f"{g} g of apple"
        assert tool_result["content"]["items"][0]["grams"] == g
        assert f"{g} g" in result["reply"]
    for owner, headers in enumerate(users):
        stored = sorted(m["items"][0]["grams"] for m in await todays_meals(client, headers))
        assert stored == [g for n, g in enumerate(grams) if n % 2 == owner]
        threads = (await client.get("/v1/chat/threads", headers=headers)).json()
        assert len(threads) == 10
