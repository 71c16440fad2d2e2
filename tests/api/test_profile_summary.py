from datetime import UTC, date, datetime

import pytest

from tests.accounts import signed_in

pytestmark = pytest.mark.db

DAY = date(2025, 6, 1)
REFERENCE_MAN = {
    "sex": "male",
    "birth_date": "1995-01-01",  # 30 on DAY
    "height_cm": 180,
    "weight_kg": 80,
    "activity_level": "moderate",
    "goal": "maintain",
}


async def test_profile_is_404_until_set_then_returns_targets(client) -> None:
    headers = await signed_in(client, "profile")
    assert (await client.get("/v1/profile", headers=headers)).status_code == 404
    put = await client.put("/v1/profile", json=REFERENCE_MAN, headers=headers)
    assert put.status_code == 200
    body = put.json()
    assert {k: body[k] for k in REFERENCE_MAN} == {**REFERENCE_MAN, "height_cm": 180.0,
                                                   "weight_kg": 80.0}  # fmt: skip
    today = datetime.now(UTC).date()
    age = today.year - 1995  # birthday on 1 January has always passed
    assert body["targets"]["age_years"] == age
    assert body["targets"]["bmr_kcal"] == round(1780 - 5 * (age - 30))
    assert (await client.get("/v1/profile", headers=headers)).json() == body


async def test_changing_the_goal_changes_the_targets(client) -> None:
    headers = await signed_in(client, "profile")
    maintain = (await client.put("/v1/profile", json=REFERENCE_MAN, headers=headers)).json()
    lose = (
        await client.put("/v1/profile", json={**REFERENCE_MAN, "goal": "lose"}, headers=headers)
    ).json()
    assert lose["goal"] == "lose"
    assert lose["targets"]["energy_kcal"] == maintain["targets"]["energy_kcal"] - 500
    assert lose["targets"]["protein_g"] == 128.0  # 1.6 g/kg
    assert maintain["targets"]["protein_g"] == 96.0  # 1.2 g/kg


@pytest.mark.parametrize(
    "change",
    [
        {"birth_date": "2015-01-01"},
        {"activity_level": "couch"},
        {"goal": "bulk"},
        {"height_cm": 20},
        {"sex": "other"},
    ],
)
async def test_profile_validation(client, change) -> None:
    headers = await signed_in(client, "profile")
    response = await client.put("/v1/profile", json={**REFERENCE_MAN, **change}, headers=headers)
    assert response.status_code == 422


async def test_profiles_are_private(client) -> None:
    alice, bob = await signed_in(client, "profile"), await signed_in(client, "profile")
    await client.put("/v1/profile", json=REFERENCE_MAN, headers=alice)
    assert (await client.get("/v1/profile", headers=bob)).status_code == 404
    await client.put("/v1/profile", json={**REFERENCE_MAN, "weight_kg": 60}, headers=bob)
    assert (await client.get("/v1/profile", headers=alice)).json()["weight_kg"] == 80.0
    assert (await client.get("/v1/profile", headers=bob)).json()["weight_kg"] == 60.0


async def test_daily_summary_against_targets(client) -> None:
    headers = await signed_in(client, "profile")
    await client.put("/v1/profile", json=REFERENCE_MAN, headers=headers)
    meals = []
    for text in ("two large eggs and a cup of cooked brown rice", "one large apple"):
        response = await client.post(
            "/v1/meals", json={"text": text, "date": DAY.isoformat()}, headers=headers
        )
        meals.append(response.json())
    other_day = {"text": "one large apple", "date": "2025-06-02"}
    await client.post("/v1/meals", json=other_day, headers=headers)

    response = await client.get("/v1/summary/daily", params={"date": "2025-06-01"}, headers=headers)
    assert response.status_code == 200
    summary = response.json()
    assert summary["date"] == "2025-06-01" and summary["meal_count"] == 2
    targets = summary["targets"]
    assert (targets["age_years"], targets["bmr_kcal"], targets["tdee_kcal"]) == (30, 1780, 2759)
    assert (targets["energy_kcal"], targets["protein_g"], targets["fat_g"]) == (2759, 96.0, 92.0)
    assert targets["carbohydrate_g"] == 386.8
    eaten = sum(m["totals"]["energy_kcal"] for m in meals)
    assert summary["totals"]["energy_kcal"] == pytest.approx(eaten, abs=0.01)
    assert 450 < eaten < 650
    assert summary["remaining"]["energy_kcal"] == pytest.approx(2759 - eaten, abs=0.06)
    protein = sum(m["totals"]["protein_g"] for m in meals)
    assert summary["remaining"]["protein_g"] == pytest.approx(96.0 - protein, abs=0.06)


async def test_summary_without_profile_or_meals(client) -> None:
    headers = await signed_in(client, "profile")
    response = await client.get("/v1/summary/daily", params={"date": "2025-06-01"}, headers=headers)
    assert response.json() == {
        "date": "2025-06-01", "meal_count": 0, "totals": {}, "targets": None, "remaining": None,
    }  # fmt: skip


async def test_summary_is_per_user(client) -> None:
    alice, bob = await signed_in(client, "profile"), await signed_in(client, "profile")
    await client.post("/v1/meals", json={"text": "one large apple", "date": "2025-06-01"},
                      headers=alice)  # fmt: skip
    response = await client.get("/v1/summary/daily", params={"date": "2025-06-01"}, headers=bob)
    assert response.json()["meal_count"] == 0
