"""Which items are a cooking fat of their own (no database needed)."""

from __future__ import annotations

import pytest

from agents.nutrition.cooking_fat import is_cooking_fat
from agents.nutrition.parsing.parser import parse_meal


@pytest.mark.parametrize(
    ("text", "fat"),
    [
        ("2 g olive oil", True),
        ("a pat of butter", True),
        ("a tablespoon of margarine", True),
        ("a tablespoon of peanut butter", False),
        ("a capsule of fish oil", False),
        ("a cup of buttermilk", False),
        ("a cup of rice", False),
    ],
)
def test_a_cooking_fat_is_told_from_foods_named_after_one(text: str, fat: bool) -> None:
    (item,) = parse_meal(text)
    assert is_cooking_fat(item) is fat
