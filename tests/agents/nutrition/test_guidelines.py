"""USDA guideline amounts for toppings: which base each one is counted by."""

from __future__ import annotations

import pytest

from agents.nutrition.guidelines import base_units, cup_grams, guideline_portions, weigh_topping
from agents.nutrition.models import Estimate, FoodRef
from agents.nutrition.parsing import parse_meal
from store.records import PortionRecord

# FNDDS 2021-2023 portions of 91101010 "Sugar, white, granulated or lump"
SUGAR = [
    PortionRecord(d, 1.0, d, g, seq)
    for seq, d, g in (
        (1, "1 cup", 200.0),
        (2, "1 teaspoon", 4.2),
        (3, "1 individual packet", 3.5),
        (4, "Guideline amount per fl oz of beverage", 1.4),
        (5, "1 cube", 2.3),
        (7, "Quantity not specified", 8.0),
    )
]


def _typical(grams: float) -> Estimate:
    ref = FoodRef("fndds:91101010", "Sugar, white, granulated or lump", "fndds", "91101010",
                  None, 3.0, 1.0)  # fmt: skip
    return Estimate("fused", ref, grams, "food_measure",
                    f"USDA measure 'Quantity not specified' = {grams:g} g × 1", {})  # fmt: skip


def test_sugar_in_coffee_is_counted_per_fluid_ounce_of_the_coffee() -> None:
    coffee, _ = parse_meal("a cup of coffee with sugar")
    guidelines = guideline_portions(SUGAR)
    assert guidelines == (("Guideline amount per fl oz of beverage", 1.4),)
    weighed = weigh_topping(_typical(8.0), guidelines, coffee, 240.0)
    assert weighed is not None
    assert weighed.grams == pytest.approx(1.4 * 240.0 / 29.57, abs=0.1)
    assert weighed.portion_alternatives[0] == ("its typical amount alone", 8.0)


@pytest.mark.parametrize(
    ("per", "base_text", "grams", "units"),
    [
        ("per slice of bread/roll", "three slices of toast", 75.0, 3.0),
        ("per slice of bread/roll", "a bagel", 105.0, 1.0),
        ("per slice of bread/roll", "2 english muffins", 116.0, 2.0),
        ("per cup of hot cereal", "a bowl of oatmeal", 360.0, 1.5),
        ("in salad", "a garden salad", 150.0, 1.0),
        ("on regular sandwich", "two turkey sandwiches", 230.0, 2.0),
        ("on regular sandwich", "a large sub", 270.0, None),
        ("on large sandwich", "a footlong sub", 390.0, 1.0),
        ("on large sandwich", "a ham sandwich", 115.0, None),
        ("per sandwich", "a burger", 145.0, 1.0),
        ("per slice of bread/roll", "a bowl of oatmeal", 360.0, None),
        ("per fl oz of beverage", "grilled chicken", 140.0, None),
    ],
)
def test_a_guideline_counts_only_its_own_kind_of_base(
    per: str, base_text: str, grams: float, units: float | None
) -> None:
    (base,) = parse_meal(base_text)
    found = base_units(per, base, grams)
    assert found == (pytest.approx(units) if units is not None else None)


def test_a_vegetable_sauce_is_counted_per_cup_of_the_vegetable() -> None:
    """ "Guideline amount per cup of vegetable" (cheese sauce 60 g) needs the vegetable's own
    cup: 2 cups of cauliflower are 2 × 60 g, whatever a cup of cauliflower weighs."""
    broccoli, _ = parse_meal("2 cups of broccoli with cheese sauce")
    per = "per cup of vegetable"
    assert base_units(per, broccoli, 312.0, cup_g=156.0) == pytest.approx(2.0)
    assert base_units(per, broccoli, 312.0) is None  # no cup measure: its typical amount
    (toast,) = parse_meal("a slice of toast")
    assert base_units(per, toast, 25.0, cup_g=40.0) is None
    cups = [
        PortionRecord("1 cup, chopped", 1.0, "1 cup, chopped", 91.0, 1),
        PortionRecord("1 cup", 1.0, "1 cup", 156.0, 2),
        PortionRecord("1 spear", 1.0, "1 spear", 37.0, 3),
    ]
    assert cup_grams(cups) == 156.0  # the plain cup first
    assert cup_grams(cups[:1]) == 91.0
    assert cup_grams(cups[2:]) is None
