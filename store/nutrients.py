"""Canonical nutrient catalogue shared by every importer and calculator.

USDA releases name nutrients differently (SR28 ``Nutr_No``, FoodData Central
``nutrient_nbr``, FNDDS column headers).  Everything is normalised to one key
per nutrient so the rest of the code never sees source-specific identifiers.
All values are per 100 g of edible portion.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Nutrient:
    """One nutrient: canonical key, USDA number, unit and a display label."""

    key: str
    usda_number: str
    unit: str
    label: str


NUTRIENTS: tuple[Nutrient, ...] = (
    Nutrient("energy_kcal", "208", "kcal", "Energy"),
    Nutrient("protein_g", "203", "g", "Protein"),
    Nutrient("fat_g", "204", "g", "Total fat"),
    Nutrient("carbohydrate_g", "205", "g", "Carbohydrate"),
    Nutrient("fiber_g", "291", "g", "Fiber"),
    Nutrient("sugars_g", "269", "g", "Total sugars"),
    Nutrient("saturated_fat_g", "606", "g", "Saturated fat"),
    Nutrient("sodium_mg", "307", "mg", "Sodium"),
    Nutrient("alcohol_g", "221", "g", "Alcohol"),
    Nutrient("water_g", "255", "g", "Water"),
    Nutrient("cholesterol_mg", "601", "mg", "Cholesterol"),
    Nutrient("monounsaturated_fat_g", "645", "g", "Monounsaturated fat"),
    Nutrient("polyunsaturated_fat_g", "646", "g", "Polyunsaturated fat"),
    Nutrient("trans_fat_g", "605", "g", "Trans fat"),
    Nutrient("calcium_mg", "301", "mg", "Calcium"),
    Nutrient("iron_mg", "303", "mg", "Iron"),
    Nutrient("magnesium_mg", "304", "mg", "Magnesium"),
    Nutrient("phosphorus_mg", "305", "mg", "Phosphorus"),
    Nutrient("potassium_mg", "306", "mg", "Potassium"),
    Nutrient("zinc_mg", "309", "mg", "Zinc"),
    Nutrient("vitamin_a_rae_ug", "320", "µg", "Vitamin A (RAE)"),
    Nutrient("vitamin_c_mg", "401", "mg", "Vitamin C"),
    Nutrient("vitamin_d_ug", "328", "µg", "Vitamin D"),
    Nutrient("vitamin_e_mg", "323", "mg", "Vitamin E"),
    Nutrient("vitamin_k_ug", "430", "µg", "Vitamin K"),
    Nutrient("vitamin_b12_ug", "418", "µg", "Vitamin B12"),
    Nutrient("folate_dfe_ug", "435", "µg", "Folate (DFE)"),
    Nutrient("caffeine_mg", "262", "mg", "Caffeine"),
)

BY_KEY: dict[str, Nutrient] = {n.key: n for n in NUTRIENTS}
BY_USDA_NUMBER: dict[str, Nutrient] = {n.usda_number: n for n in NUTRIENTS}

CORE_KEYS: tuple[str, ...] = (
    "energy_kcal",
    "protein_g",
    "fat_g",
    "carbohydrate_g",
    "fiber_g",
    "sugars_g",
    "saturated_fat_g",
    "sodium_mg",
)
"""Nutrients stored as typed columns; the rest live in a JSON column."""

MACRO_KEYS: tuple[str, ...] = ("energy_kcal", "carbohydrate_g", "protein_g", "fat_g")
