"""Consensus on portions: when the category table's reading of an amount becomes a question."""

from __future__ import annotations

from agents.nutrition.models import Estimate, FoodRef
from agents.nutrition.parsing import ParsedItem
from agents.nutrition.resolver import ResolvedItem
from graphs.consensus import consensus_item

# An illustrative record: consensus reads only the estimates' grams and sources here.
BROCCOLI = FoodRef("test:broccoli", "Broccoli, cooked", "test", "broccoli", None, 3.1)
PER_100G = {"energy_kcal": 50.0, "carbohydrate_g": 7.0, "protein_g": 2.4, "fat_g": 2.0}


def _estimate(method: str, grams: float, source: str, detail: str) -> Estimate:
    nutrients = {k: v * grams / 100 for k, v in PER_100G.items()}
    return Estimate(method, BROCCOLI, grams, source, detail, PER_100G, (), nutrients)


def _item(text: str, quantity: float | None, unit: str | None) -> ParsedItem:
    return ParsedItem(text, "broccoli", quantity, unit, None, None, None, None, None, None, ())


def _resolved(item: ParsedItem, grams: float, detail: str, typical: float) -> ResolvedItem:
    estimates = (
        _estimate("fused", grams, "food_measure", detail),
        _estimate("category_portion", typical, "category_default", "a typical serving"),
    )
    return ResolvedItem(0, item, estimates, (BROCCOLI,), True)


def test_a_stated_cup_read_off_the_foods_own_measure_is_not_asked_about() -> None:
    """ "A cup of broccoli" read off its own cup measure; a typical serving is no rival."""
    cup = _resolved(_item("a cup of broccoli", 1, "cup"), 156, "USDA measure '1 cup'", 78)
    analysis = consensus_item(cup)
    assert analysis.questions == [] and "portion_disagreement" not in analysis.flags


def test_a_count_far_from_a_typical_serving_is_asked_about() -> None:
    """ "Some broccoli" read as USDA's typical amount still meets the table's reading."""
    detail = "USDA measure 'Quantity not specified' = 78 g × 1; no amount stated"
    some = _resolved(_item("some broccoli", None, None), 78, detail, 312)
    analysis = consensus_item(some)
    assert analysis.flags == ["portion_disagreement"]
    assert analysis.questions == [
        "How much broccoli: USDA's typical amount (78 g) or a typical serving (312 g)?"
    ]
