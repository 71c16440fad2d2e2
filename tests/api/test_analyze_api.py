import pytest

pytestmark = pytest.mark.db


async def test_analyze_returns_items_with_provenance_totals_and_ranges(client) -> None:
    response = await client.post(
        "/v1/meals/analyze", json={"text": "a cup of cooked white rice and two large eggs"}
    )
    assert response.status_code == 200
    body = response.json()
    assert len(body["items"]) == 2
    rice = body["items"][0]
    assert rice["food"]["id"] == f"{rice['food']['source']}:{rice['food']['source_id']}"
    assert rice["portion_source"] == "food_measure" and rice["portion_detail"]
    assert 0 < rice["food"]["coverage"] <= 1
    assert set(body["totals"]) >= {"energy_kcal", "carbohydrate_g", "protein_g", "fat_g"}
    low, high = body["ranges"]["energy_kcal"]
    assert low <= body["totals"]["energy_kcal"] <= high


async def test_analyze_says_how_it_read_a_restated_item(client) -> None:
    text = "28g of cheese-flavored corn snacks, Cheetos, and a medium apple"
    body = (await client.post("/v1/meals/analyze", json={"text": text})).json()
    assert [i["food_phrase"] for i in body["items"]] == ["cheese-flavored corn snacks", "apple"]
    assert body["notes"] == ["'Cheetos' read as another name for 'cheese-flavored corn snacks'"]


@pytest.mark.parametrize(("text", "status"), [("", 422), ("   ", 422), ("x" * 5001, 422)])
async def test_bad_text_is_a_clear_4xx(client, text: str, status: int) -> None:
    response = await client.post("/v1/meals/analyze", json={"text": text})
    assert response.status_code == status
    assert response.json()["detail"]


async def test_analyze_is_documented_in_openapi(client) -> None:
    schema = (await client.get("/openapi.json")).json()
    post = schema["paths"]["/v1/meals/analyze"]["post"]
    ref = post["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("MealAnalysisOut")
    item = schema["components"]["schemas"]["ItemOut"]["properties"]
    assert {"food", "grams", "portion_source", "ranges", "flags"} <= set(item)
