import uuid
from datetime import date

import pytest
from sqlalchemy import select

from agents.coach.meals import daily_summary as diary_summary
from store.user_models import Meal, User
from tools.coach import list_meals, log_meal
from tools.registry import call_tool, load_tools

pytestmark = pytest.mark.db

DAY = date(2025, 3, 14)
TOOLS = {t.name: t for t in load_tools()}


async def new_user(ctx) -> str:
    async with ctx.db.sessions() as session:
        user = User(email=f"tools-{uuid.uuid4().hex[:12]}@example.com", password_hash="x")
        session.add(user)
        await session.commit()
        return str(user.id)


def services(ctx, user_id: str) -> dict:
    return {"user_id": user_id, "today": DAY, "db": ctx.db, "analyzer": ctx.analyzer,
            "search": ctx.search}  # fmt: skip


async def run(ctx, user_id: str, name: str, **args):
    return await call_tool(TOOLS[name], args, services(ctx, user_id))


async def test_log_list_and_summary_agree_with_the_database(ctx) -> None:
    user = await new_user(ctx)
    logged = await run(ctx, user, "log_meal", text="two eggs for breakfast", day="today")
    assert logged["status"] == "logged" and logged["slot"] == "breakfast"
    assert logged["date"] == "2025-03-14" and logged["items"][0]["grams"] == 100.0
    listed = await run(ctx, user, "list_meals")
    assert [m["meal_id"] for m in listed["meals"]] == [logged["meal_id"]]
    summary = await run(ctx, user, "daily_summary", day="2025-03-14")
    async with ctx.db.sessions() as session:
        stored = await diary_summary(session, uuid.UUID(user), DAY)
    for key in ("energy_kcal", "protein_g", "fat_g", "carbohydrate_g"):
        assert summary["totals"][key] == round(stored.totals[key], 1) == listed["totals"][key]
    assert summary["profile_set"] is False and summary["targets"] is None


async def test_unknown_food_logs_nothing(ctx) -> None:
    user = await new_user(ctx)
    result = await run(ctx, user, "log_meal", text="zqxw blorf")
    assert result["status"] == "not_logged" and "nothing was logged" in result["reason"]
    async with ctx.db.sessions() as session:
        rows = await session.scalars(select(Meal).where(Meal.user_id == uuid.UUID(user)))
        assert rows.all() == []


async def test_update_and_delete_touch_only_the_owners_meal(ctx) -> None:
    alice, bob = await new_user(ctx), await new_user(ctx)
    meal = await run(ctx, alice, "log_meal", text="an apple")
    assert (await run(ctx, bob, "delete_meal", meal_id=meal["meal_id"]))["status"] == "not_found"
    refused = await run(ctx, bob, "update_meal", meal_id=meal["meal_id"], text="a pear")
    assert refused["status"] == "not_found"
    updated = await run(ctx, alice, "update_meal", meal_id=meal["meal_id"], text="two apples")
    assert updated["status"] == "updated"
    assert updated["previous_totals"] == meal["totals"]
    assert updated["items"][0]["grams"] == 2 * meal["items"][0]["grams"]
    deleted = await run(ctx, alice, "delete_meal", meal_id=meal["meal_id"])
    assert deleted["status"] == "deleted" and deleted["totals"] == updated["totals"]
    assert (await run(ctx, alice, "list_meals"))["meal_count"] == 0
    assert (await run(ctx, alice, "delete_meal", meal_id="not-a-uuid"))["status"] == "not_found"


async def test_profile_needs_every_field_first_then_merges(ctx) -> None:
    user = await new_user(ctx)
    assert (await run(ctx, user, "get_profile"))["status"] == "no_profile"
    partial = await run(ctx, user, "set_profile", goal="lose")
    assert partial["status"] == "incomplete" and "sex" in partial["missing"]
    invalid = await run(ctx, user, "set_profile", age_years=12, weight_kg=80)
    assert invalid["status"] == "invalid" and "age_years" in invalid["errors"][0]
    saved = await run(ctx, user, "set_profile", sex="male", age_years=30, height_cm=180,
                      weight_kg=80, activity_level="moderate")  # fmt: skip
    assert saved["defaulted"] == ["goal"] and saved["profile"]["goal"] == "maintain"
    # Mifflin-St Jeor: 10*80 + 6.25*180 - 5*30 + 5 = 1780; x1.55 = 2759
    assert saved["targets"]["bmr_kcal"] == 1780 and saved["targets"]["energy_kcal"] == 2759
    changed = await run(ctx, user, "set_profile", goal="lose")
    assert changed["changed"] == ["goal"] and changed["targets"]["energy_kcal"] == 2259
    assert changed["profile"]["age_years"] == 30
    assert (await run(ctx, user, "get_profile"))["targets"] == changed["targets"]


async def test_day_words_and_bad_days(ctx) -> None:
    user = await new_user(ctx)
    logged = await run(ctx, user, "log_meal", text="an apple", day="yesterday")
    assert logged["date"] == "2025-03-13"
    with pytest.raises(ValueError):
        await run(ctx, user, "list_meals", day="someday")


def test_tools_exported_for_direct_use() -> None:
    assert TOOLS["log_meal"] is log_meal and TOOLS["list_meals"] is list_meals
