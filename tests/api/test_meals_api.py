import uuid

import pytest

from tests.accounts import signed_in

pytestmark = pytest.mark.db

MEAL = "two large eggs and a cup of cooked brown rice"
DAY = "2025-03-14"


async def log(client, headers, text: str = MEAL, day: str = DAY):
    response = await client.post("/v1/meals", json={"text": text, "date": day}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def assert_items_sum_to_totals(meal) -> None:
    keys = {k for item in meal["items"] for k in item["nutrients"]}
    assert keys == set(meal["totals"])
    for key in keys:
        summed = sum(item["nutrients"].get(key, 0.0) for item in meal["items"])
        assert meal["totals"][key] == pytest.approx(summed, abs=0.011), key


async def test_logged_meal_items_are_traceable_and_sum_to_totals(client) -> None:
    headers = await signed_in(client, "meals")
    meal = await log(client, headers)
    assert meal["date"] == DAY and meal["text"] == MEAL and meal["unmatched"] == []
    eggs, rice = meal["items"]
    assert "egg" in eggs["food"]["name"].lower() and eggs["grams"] == 100.0  # 2 × 50 g
    assert "rice, brown" in rice["food"]["name"].lower() and rice["grams"] > 150
    for item in meal["items"]:
        food = item["food"]
        assert food["id"] == f"{food['source']}:{food['source_id']}"
        assert item["portion_source"] and item["portion_detail"]
        record = (await client.get(f"/v1/foods/{food['id']}")).json()
        per_100g = record["nutrients"]["energy_kcal"]
        assert item["nutrients"]["energy_kcal"] == pytest.approx(
            per_100g * item["grams"] / 100, 0.01
        )
    assert_items_sum_to_totals(meal)
    assert 350 < meal["totals"]["energy_kcal"] < 480
    stored = await client.get(f"/v1/meals/{meal['id']}", headers=headers)
    assert stored.status_code == 200 and stored.json() == meal


async def test_text_without_food_is_422_and_stores_nothing(client) -> None:
    headers = await signed_in(client, "meals")
    response = await client.post(
        "/v1/meals", json={"text": "zqxw blorf", "date": DAY}, headers=headers
    )
    assert response.status_code == 422
    body = response.json()
    assert "nothing was logged" in body["detail"]
    assert any("zqxw blorf" in q for q in body["questions"])
    listed = await client.get("/v1/meals", params={"date": DAY}, headers=headers)
    assert listed.json() == []


async def test_empty_text_is_422(client) -> None:
    headers = await signed_in(client, "meals")
    response = await client.post("/v1/meals", json={"text": "   "}, headers=headers)
    assert response.status_code == 422
    assert "empty" in response.json()["detail"]


async def test_unknown_part_is_reported_and_the_rest_logged(client) -> None:
    headers = await signed_in(client, "meals")
    meal = await log(client, headers, "100 g of zqxw blorf and an apple")
    assert meal["unmatched"] == ["100 g of zqxw blorf"]
    assert [i["food_phrase"] for i in meal["items"]] == ["apple"]
    assert meal["totals"] == meal["items"][0]["nutrients"]


async def test_list_is_per_day_and_slot_comes_from_the_text(client) -> None:
    headers = await signed_in(client, "meals")
    first = await log(client, headers, "two eggs for breakfast", "2025-03-15")
    second = await log(client, headers, "an apple", "2025-03-15")
    await log(client, headers, "an apple", "2025-03-16")
    listed = await client.get("/v1/meals", params={"date": "2025-03-15"}, headers=headers)
    assert [m["id"] for m in listed.json()] == [first["id"], second["id"]]
    assert first["slot"] == "breakfast" and second["slot"] is None


async def test_patch_grams_rescales_nutrients_and_totals(client) -> None:
    headers = await signed_in(client, "meals")
    meal = await log(client, headers)
    eggs = meal["items"][0]
    response = await client.patch(
        f"/v1/meals/{meal['id']}",
        json={"items": [{"id": eggs["id"], "grams": eggs["grams"] * 1.5}], "slot": "lunch"},
        headers=headers,
    )
    assert response.status_code == 200
    patched = response.json()
    new_eggs = patched["items"][0]
    assert new_eggs["grams"] == 150.0 and new_eggs["portion_source"] == "user_correction"
    assert new_eggs["nutrients"]["energy_kcal"] == pytest.approx(
        eggs["nutrients"]["energy_kcal"] * 1.5, abs=0.01
    )
    assert patched["items"][1] == meal["items"][1]
    assert patched["slot"] == "lunch"
    assert_items_sum_to_totals(patched)
    assert patched["totals"]["energy_kcal"] == pytest.approx(
        meal["totals"]["energy_kcal"] + eggs["nutrients"]["energy_kcal"] * 0.5, abs=0.02
    )
    bad = await client.patch(
        f"/v1/meals/{meal['id']}", json={"items": [{"id": -1, "grams": 10}]}, headers=headers
    )
    assert bad.status_code == 422


async def test_patch_text_reanalyzes_and_moves_the_day(client) -> None:
    headers = await signed_in(client, "meals")
    meal = await log(client, headers)
    response = await client.patch(
        f"/v1/meals/{meal['id']}",
        json={"text": "one large apple", "date": "2025-03-13"},
        headers=headers,
    )
    assert response.status_code == 200
    patched = response.json()
    assert patched["text"] == "one large apple" and patched["date"] == "2025-03-13"
    assert [i["food_phrase"] for i in patched["items"]] == ["apple"]
    assert_items_sum_to_totals(patched)
    refused = await client.patch(
        f"/v1/meals/{meal['id']}", json={"text": "zqxw blorf"}, headers=headers
    )
    assert refused.status_code == 422
    unchanged = (await client.get(f"/v1/meals/{meal['id']}", headers=headers)).json()
    assert unchanged["items"] == patched["items"]


async def test_delete_then_404(client) -> None:
    headers = await signed_in(client, "meals")
    meal = await log(client, headers)
    assert (await client.delete(f"/v1/meals/{meal['id']}", headers=headers)).status_code == 204
    assert (await client.get(f"/v1/meals/{meal['id']}", headers=headers)).status_code == 404
    assert (await client.delete(f"/v1/meals/{meal['id']}", headers=headers)).status_code == 404


async def test_users_cannot_see_change_or_delete_each_others_meals(client) -> None:
    alice, bob = await signed_in(client, "meals"), await signed_in(client, "meals")
    meal = await log(client, alice)
    url = f"/v1/meals/{meal['id']}"
    assert (await client.get(url, headers=bob)).status_code == 404
    patched = await client.patch(url, json={"slot": "snack"}, headers=bob)
    assert patched.status_code == 404
    assert (await client.delete(url, headers=bob)).status_code == 404
    assert (await client.get("/v1/meals", params={"date": DAY}, headers=bob)).json() == []
    missing = await client.get(f"/v1/meals/{uuid.uuid4()}", headers=bob)
    assert missing.json() == (await client.get(url, headers=bob)).json()
    assert (await client.get(url, headers=alice)).json() == meal


async def test_meals_need_a_token(client) -> None:
    assert (await client.get("/v1/meals")).status_code == 401
    assert (await client.post("/v1/meals", json={"text": MEAL})).status_code == 401
