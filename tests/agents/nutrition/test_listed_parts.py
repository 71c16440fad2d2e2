"""A dish and the foods its "with" lists, read one by one (no database here)."""

from __future__ import annotations

import pytest

from agents.nutrition.parsing import parse_meal
from agents.nutrition.parsing.listed import listed_parts


def _parts(text: str) -> list[tuple[str, str | None]]:
    (item,) = parse_meal(text)
    return [(part.food, part.served_with) for part in listed_parts(item)]


def test_each_listed_food_is_served_with_the_dish() -> None:
    text = "For lunch I had a big salad with grilled chicken, tomatoes and ranch dressing"
    (item,) = parse_meal(text)
    salad, chicken, tomatoes, dressing = listed_parts(item)
    assert (salad.food, salad.size, salad.served_with) == ("salad", "large", None)
    assert (chicken.food, chicken.preparation) == ("chicken", "grilled")
    assert [p.served_with for p in (chicken, tomatoes, dressing)] == ["salad"] * 3
    assert {p.meal for p in (salad, chicken, tomatoes, dressing)} == {"lunch"}
    assert dressing.food == "ranch dressing"


def test_a_pair_listed_on_a_dish_is_two_foods_unless_it_is_a_dish() -> None:
    assert _parts("rice with beans and cheese") == [
        ("rice", None), ("beans", "rice"), ("cheese", "rice"),
    ]  # fmt: skip
    assert _parts("a burger with mac and cheese") == [
        ("burger", None), ("mac and cheese", "burger"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "300 g of pasta with chicken and broccoli",  # a stated amount is the whole dish's
        "a burrito filled with beans and cheese",  # what a dish holds is the dish
        "caramel popcorn mixed with nuts",
        "an oatmeal cookie bursting with chocolate chips",
        "a cup of rice",  # nothing listed
    ],
)
def test_nothing_is_listed_apart(text: str) -> None:
    assert _parts(text) == []


def test_a_vegetable_on_a_sandwich_is_fndds_sandwich_vegetable() -> None:
    assert _parts("a burger with lettuce, tomato and mayo") == [
        ("burger", None),
        ("lettuce for use on a sandwich", "burger"),
        ("tomato for use on a sandwich", "burger"),
        ("mayo", "burger"),
    ]
    assert _parts("pasta with tomatoes") == [("pasta", None), ("tomatoes", "pasta")]
