"""Portion resolution: an amount in household words to grams of a specific food.

``resolve_portion`` prefers the food's own USDA measures (SR28 WEIGHT, FNDDS
portions) and falls back to densities, category sizes and a default-serving
table; ``category_default_portion`` gives an estimate that ignores the food's
measures, so consensus can compare two independent readings.
"""

from .models import AmountSpec, PortionEstimate, PortionSource
from .resolve import category_default_portion, resolve_portion

__all__ = [
    "AmountSpec",
    "PortionEstimate",
    "PortionSource",
    "category_default_portion",
    "resolve_portion",
]
