"""Size words ("extra-large", "breakfast size", "regular") in one canonical spelling.

USDA measures and users name sizes many ways; matching needs one token per
size and an order, so a missing "jumbo" can fall back to "extra large".
"""

from __future__ import annotations

import re
from typing import Final

_SPELLINGS: Final[dict[str, str]] = {
    "extra_small": "extra small|extra-small|x-small|tiny",
    "small": "small|little",
    "medium": "medium|average|standard|normal",
    "regular": "regular",
    "large": "large|big",
    "extra_large": "extra large|extra-large|x-large|xl|huge",
    "jumbo": "jumbo",
    "miniature": "mini|miniature|cocktail|bite size|bite-size|bite sized|bite-sized",
    "breakfast_size": "breakfast size|breakfast-size",
    "bun_size": "bun size|bun-size|bun length",
    "snack_size": "snack size|snack-size|fun size|fun-size|fun sized|snack sized",
    "personal": "personal size|personal-size|personal",
    "king_size": "king size|king-size",
    "thin": "thin|very thin",
    "thick": "thick",
    "footlong": "footlong|foot-long|foot long",
}
_ALIASES: Final[dict[str, str]] = {
    alias: size for size, spellings in _SPELLINGS.items() for alias in spellings.split("|")
}

SIZE_RANK: Final[dict[str, int]] = {
    "miniature": 0,
    "snack_size": 1,
    "extra_small": 1,
    "small": 2,
    "thin": 2,
    "medium": 3,
    "regular": 3,
    "large": 4,
    "thick": 4,
    "extra_large": 5,
    "footlong": 5,
    "jumbo": 6,
    "king_size": 6,
}
"""Ordinal sizes, so a missing size can fall back to its nearest neighbour."""

SIZE_PATTERN: Final[re.Pattern[str]] = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(alias) for alias in _ALIASES), key=len, reverse=True))
    + r")\b"
)
"""Finds size words in a measure description, longest spelling first."""


def normalize_size(size: str | None) -> str | None:
    """Return the canonical size token ("extra-large" -> "extra_large"), or ``None``."""
    if size is None:
        return None
    text = size.strip().lower()
    if not text:
        return None
    spaced = text.replace("-", " ")
    return _ALIASES.get(text) or _ALIASES.get(spaced) or spaced.replace(" ", "_")


def size_label(size: str) -> str:
    """Write a canonical size token back as words for human-readable details."""
    return size.replace("_", " ")
