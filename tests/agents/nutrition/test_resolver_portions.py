"""Portion selection in the resolver and the analyzer, on the real food store."""

from __future__ import annotations

import pytest

from agents.nutrition.parsing.parser import parse_meal
from agents.nutrition.portions import AmountSpec
from agents.nutrition.resolver import pick_measurable, search_phrase

pytestmark = pytest.mark.db

BIG_KAT, WAFER_BAR = "sr28:19250", "sr28:19109"
"""Kit Kat records: the Big Kat has no miniature measure, the wafer bar has "bar, miniature"."""


async def test_a_stated_size_prefers_the_near_equal_match_that_has_it(ctx) -> None:
    ranked = await ctx.search.candidates("kit kat")
    by_id = {scored.candidate.id: scored for scored in ranked}
    assert {BIG_KAT, WAFER_BAR} <= set(by_id)
    close = [by_id[BIG_KAT], by_id[WAFER_BAR]]
    details = await ctx.search.get_foods([BIG_KAT, WAFER_BAR])
    mini = AmountSpec(1, "bar", "mini", named="kit kat bar")
    assert pick_measurable(close, details, mini) is by_id[WAFER_BAR]
    plain = AmountSpec(1, "bar", None, named="kit kat bar")
    assert pick_measurable(close, details, plain) is by_id[BIG_KAT]


BREWED_TEA, BOTTLED_TEA = "fndds:92308020", "fndds:92309000"
"""Iced black tea: the brewed record has no bottle measure, the bottled one does."""


async def test_a_unit_prefers_the_near_equal_match_that_measures_it(ctx) -> None:
    """ "A bottle of iced black tea": a record with no bottle measure only stands in for one."""
    ranked = await ctx.search.candidates("iced black tea")
    by_id = {scored.candidate.id: scored for scored in ranked}
    close = [by_id[BREWED_TEA], by_id[BOTTLED_TEA]]
    details = await ctx.search.get_foods([BREWED_TEA, BOTTLED_TEA])
    bottle = AmountSpec(1, "bottle", None, named="iced black tea")
    assert pick_measurable(close, details, bottle) is by_id[BOTTLED_TEA]
    cup = AmountSpec(1, "cup", None, named="iced black tea")
    assert pick_measurable(close, details, cup) is by_id[BREWED_TEA]  # both measure a cup
    weighed = AmountSpec(1, "bottle", None, mass_g=744, named="iced black tea")
    assert pick_measurable(close, details, weighed) is by_id[BOTTLED_TEA]  # "a 744 g bottle"
    grams = AmountSpec(744, "g", None, mass_g=744, named="iced black tea")
    assert pick_measurable(close, details, grams) is None


BREWED_COFFEE, ESPRESSO = "fndds:92101000", "fndds:92101610"
"""The brewed coffee has small to large measures, the espresso one unsized cup."""


async def test_a_size_no_record_has_keeps_the_best_match_at_its_nearest(ctx) -> None:
    """ "An extra large coffee" was a 60-g espresso cup: no record has an extra large one,
    and the espresso's one unsized measure counted as a fit."""
    details = await ctx.search.get_foods([BREWED_COFFEE, ESPRESSO])
    ranked = await ctx.search.candidates("coffee")
    by_id = {scored.candidate.id: scored for scored in ranked}
    close = [by_id[BREWED_COFFEE], by_id[ESPRESSO]]
    extra = AmountSpec(1, "each", "extra large", named="coffee")
    assert pick_measurable(close, details, extra) is None  # the brewed one, at its large
    (coffee,) = (await ctx.analyzer.analyze("an extra large coffee")).items
    assert coffee.food is not None and coffee.food.name == "Coffee, brewed"
    assert coffee.grams == pytest.approx(600)


async def test_sized_sweets_and_drinks_weigh_what_usda_says(ctx) -> None:
    analysis = await ctx.analyzer.analyze(
        "a fun-size package of gumdrops, a king-size Butterfinger and a large cola soft drink"
    )
    gumdrops, butterfinger, cola = analysis.items
    assert gumdrops.grams is not None and gumdrops.grams <= 20  # FNDDS fun/snack size 15 g
    assert butterfinger.grams is not None and 90 <= butterfinger.grams <= 120  # king size
    assert cola.grams is not None and cola.grams >= 700  # FNDDS "1 large drink" = 744 g


def test_a_part_unit_names_the_cut_in_the_search_phrase() -> None:
    """ "A drumstick of fried chicken" searches for a drumstick, not any fried chicken."""
    (drumstick,) = parse_meal("a drumstick of fried chicken")
    assert drumstick.unit == "drumstick"
    assert search_phrase(drumstick) == "fried chicken drumstick"
    (wings,) = parse_meal("two chicken wings")
    assert search_phrase(wings).count("wing") == 1


def test_what_the_text_leaves_out_reaches_the_search_phrase() -> None:
    """ "Without frosting" picks the unfrosted roll; a cooking method makes "cooked" redundant."""
    (roll,) = parse_meal("a 90g sweet roll without frosting")
    assert search_phrase(roll) == "sweet roll without frosting"
    (egg,) = parse_meal("a scrambled egg, cooked without any added fat")
    assert search_phrase(egg) == "scrambled egg without added fat"
    (turkey,) = parse_meal("a cup of cooked light turkey, diced")
    assert "cooked" in search_phrase(turkey)  # "diced" is no cooking method
    (leg,) = parse_meal("a chicken leg, skin removed")
    assert search_phrase(leg).endswith("skin not eaten") and "without" not in search_phrase(leg)
