"""A cooking fat the meal lists as its own item is counted once.

"44 g brown rice, 76 g brussels sprouts and 2 g olive oil" weighs the oil: the other foods
are then the USDA records cooked without added fat, not the usual "NS as to fat" ones
whose values already hold some.
"""

from __future__ import annotations

import re

from agents.nutrition.parsing import ParsedItem

COOKING_FATS = frozenset({"oil", "butter", "margarine", "lard", "ghee", "shortening"})
NOT_A_FAT = frozenset({
    "peanut", "almond", "cashew", "nut", "apple", "sunflower", "seed", "cocoa", "soy", "pumpkin",
    "cookie", "fish", "cod", "liver", "bean",
})  # fmt: skip
"""Words before "butter" or "oil" that make another food ("peanut butter", "fish oil")."""
NO_ADDED_FAT = re.compile(r"\bno added fat\b|\bwithout (?:added )?fat\b")
FAT_MAYBE_ADDED = re.compile(
    r"\bfat added\b|\bns as to fat\b|\b(?:made|fried|cooked) with (?:butter|oil|margarine)"
)
SEPARATE_FAT_BONUS = 0.2


def is_cooking_fat(item: ParsedItem) -> bool:
    """Whether the item is a cooking fat of its own: "2 g olive oil", "a pat of butter"."""
    words = item.food.lower().replace("-", " ").split()
    return bool(words) and words[-1] in COOKING_FATS and not NOT_A_FAT & set(words[:-1])


def separate_fat_bonus(name: str) -> float:
    """The score change for a record when the meal lists its fat as an item.

    "Collards, fresh, cooked, no added fat" over "Collards, NS as to form, cooked" for a
    dish that also lists 2 g of olive oil: the oil is already counted once.
    """
    lower = name.lower()
    if NO_ADDED_FAT.search(lower):
        return SEPARATE_FAT_BONUS
    if FAT_MAYBE_ADDED.search(lower):
        return -SEPARATE_FAT_BONUS
    return 0.0
