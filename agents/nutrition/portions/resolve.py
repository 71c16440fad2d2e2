"""Turn a stated amount of a food into grams, in a fixed order of trust.

1. an explicit mass (grams as said, or converted from oz/lb/kg);
2. the food's own USDA household measures (SR28 WEIGHT, FNDDS portions), matched on
   unit, stated size and the user's own words ("a large drink", "1 Little Debbie"),
   except that a stated size they lack ("a fun-size Kit Kat") comes from step 5;
3. a volume weighed through a curated density table;
4. a category size for vague vessels (a glass, a bowl, a handful of nuts);
5. a default-serving table of USDA figures for common foods;
then USDA's typical amount for a wrapper ("a bottle"), the catch-all vessel sizes
and, last, a flagged 100 g reference amount. Every estimate says which step
produced it and which figure it used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from store.records import PortionRecord

from .alternatives import with_alternatives
from .categories import VesselSize, find_vessel
from .context import Food, Request
from .defaults import DefaultServing, find_serving
from .household import (
    Candidate,
    count_candidates,
    share_candidate,
    unspecified_candidate,
    volume_candidates,
)
from .inches import by_inches
from .measures import Measure
from .models import AmountSpec, PortionEstimate
from .sizes import size_label
from .units import GRAMS_PER_UNIT, ML_PER_UNIT, WHOLE_UNITS
from .weigh import WATER_NOTE, from_candidates, runner_ups, weigh_volume

REFERENCE_GRAMS = 100.0
"""Last resort: the reference amount nutrient tables are expressed in."""
UNSIZED_OR_UNRELATED = (0.5, 3.0)
"""Size gaps at which a default-serving row of the stated size beats the food's measure."""
SIZED_SERVINGS = frozenset({"serving", "side", "helping"})
"""Vague servings whose stated size names one of the food's own sized items."""
NAMED_VESSELS = frozenset({"bowl"})
"""Vessels some foods are named for: "Burrito bowl" and "Ramen bowl" come whole (225 g),
not as 2 cups of the dish."""


def resolve_portion(
    amount: AmountSpec,
    food_name: str,
    food_category: str | None,
    portions: Sequence[PortionRecord],
) -> PortionEstimate:
    """Return grams for ``amount`` of the food, preferring its own USDA measures."""
    food = Food.build(food_name, food_category, portions)
    request = Request.build(amount)
    return with_alternatives(estimate(amount, request, food), request, food)


def category_default_portion(
    food_name: str, food_category: str | None, amount: AmountSpec | None = None
) -> PortionEstimate:
    """Estimate independently of the food's own measures, for consensus to compare.

    Without ``amount`` this is one typical serving of the food; with it, the
    same amount resolved through densities and tables only.
    """
    spec = amount if amount is not None else AmountSpec()
    food = Food.build(food_name, food_category, ())
    request = Request.build(spec)
    return with_alternatives(estimate(spec, request, food), request, food)


def estimate(spec: AmountSpec, request: Request, food: Food) -> PortionEstimate:
    """Run the resolution order for one request (alternatives are added by the caller)."""
    if spec.mass_g is not None:
        return PortionEstimate(spec.mass_g, "explicit_mass", f"stated mass: {spec.mass_g:g} g")
    unit, quantity = request.unit, request.quantity
    if unit in GRAMS_PER_UNIT:
        factor = GRAMS_PER_UNIT[unit]
        if unit == "g":
            return PortionEstimate(quantity, "explicit_mass", f"stated mass: {quantity:g} g")
        detail = f"{quantity:g} {unit} × {factor:g} g/{unit}"
        return PortionEstimate(quantity * factor, "unit_conversion", detail)
    if unit in ML_PER_UNIT and (sized := _sized_vessel(request, food)) is not None:
        return sized
    if spec.volume_ml is not None:
        return weigh_volume(spec.volume_ml, unit, food)
    if unit in ML_PER_UNIT:
        return weigh_volume(quantity * ML_PER_UNIT[unit], unit, food)
    return _count(request, food)


def _count(request: Request, food: Food) -> PortionEstimate:
    """Resolve whole items, pieces and vessels (steps 2, 4 and 5 for counted amounts)."""
    if request.inches is not None:
        sized = by_inches(request, food)
        if isinstance(sized, PortionEstimate):
            return sized
        found = _count(sized, food)
        if not request.counts_items:
            return found  # "a slice of a 14-inch pizza": a slice of the large one
        note = f"; no measure for {request.inches:g} inches"
        return replace(found, detail=found.detail + note)
    if request.unit in NAMED_VESSELS and request.unit in food.tokens:
        request = replace(request, unit=None)  # "a burrito bowl" is one, not a bowl of it
    nothing_said = request.unit is None and not request.stated and request.size is None
    if nothing_said and (typical := unspecified_candidate(food.measures, 1.0)) is not None:
        return from_candidates([typical], "; no amount stated, USDA typical amount used")
    if nothing_said and (piece := share_candidate(food.measures)) is not None:
        return from_candidates([piece], "; no amount stated, one piece of it")
    own = _own_count(request, food)
    if own is not None:
        return own
    return _count_fallback(request, food, nothing_said)


def _own_count(request: Request, food: Food) -> PortionEstimate | None:
    """The food's own count measures, or a default row of the stated size they lack."""
    quantity, unit, size = request.quantity, request.unit, request.size
    implied = None
    if size is None and (row := find_serving(food.tokens, unit, None, food.head)) is not None:
        implied = row.size if row.unit == (unit or "each") else None
    if unit in SIZED_SERVINGS and size is not None:
        counts = count_candidates(
            food.measures, quantity, None, size, None, food.tokens, request.said
        )
        if sized := _exact_size(counts):
            note = f"; a {size_label(size)} {unit} read as the food's own size"
            return from_candidates(sized, note)
    candidates = count_candidates(
        food.measures, quantity, unit, size, implied, food.tokens, request.said
    )
    if unit == "piece" and candidates and "piece" not in candidates[0].measure.units:
        if (row := _own_unit_row(food, unit)) is not None:
            return _from_default(row, quantity, food)
    if size and (not candidates or candidates[0].size_gap in UNSIZED_OR_UNRELATED):
        if (row := _sized_row(food, unit, size)) is not None:
            chosen = _from_default(row, quantity, food)
            own = runner_ups(candidates, chosen.grams)
            return PortionEstimate(chosen.grams, chosen.source, chosen.detail, own)
    if not candidates:
        return None
    best = candidates[0]
    one = size is None and quantity == 1 and request.counts_items
    if one and (piece := _piece_of_whole(best, food)) is not None:
        note = f"; one piece of it (USDA's whole one is {best.grams:.0f} g)"
        alternatives = runner_ups(candidates, piece.grams)
        return PortionEstimate(piece.grams, "food_measure", piece.describe() + note, alternatives)
    if size is None and implied is None and _cup_size(best.measure, food):
        if (typical := unspecified_candidate(food.measures, quantity)) is not None:
            return from_candidates([typical], "; a drink of no stated size, USDA typical amount")
    note = ""
    if size and best.size_gap >= 1:
        note = f"; no {size_label(size)} measure, nearest size used"
    elif size and best.size_gap > 0:
        note = "; the measure does not distinguish sizes"
    elif implied and implied in best.measure.sizes:
        note = f"; size not stated, {size_label(implied)} assumed (default serving table)"
    return from_candidates(candidates, note)


WHOLE_TO_PIECE = 8.0
"""How many typical servings a whole item must weigh to be a whole cake or pie, not one's
own portion: FNDDS's lemon meringue pie is 1600 g beside a 150 g typical amount (10.7), SR28's
chocolate cake 1137 g beside a 95 g piece (12); a whole avocado is 5 typical amounts (150 g
beside 30 g) and a cantaloupe 7: those are eaten whole."""
WHOLE_MIN_GRAMS = 500.0
"""And more than a plated main dish (2 cups, about 480 g): a whole onion (148 g) is ten of
the 15-g slices USDA takes as its typical amount, and still one onion."""


def _piece_of_whole(best: Candidate, food: Food) -> Candidate | None:
    """USDA's typical amount or piece when "a lemon meringue pie" matched the whole pie.

    A food USDA weighs whole and by the piece is eaten by the piece: "a chocolate cake"
    in a meal is a piece of one, not SR28's 1,137-g 2-layer cake.
    """
    piece = unspecified_candidate(food.measures, 1.0) or share_candidate(food.measures)
    if piece is None or piece.measure is best.measure:
        return None
    whole = best.measure.grams / best.measure.amount
    return piece if whole >= max(WHOLE_TO_PIECE * piece.grams, WHOLE_MIN_GRAMS) else None


def _cup_size(measure: Measure, food: Food) -> bool:
    """The measure is a drink's cup size ("1 medium" coffee = 16 fl oz), not one item.

    A coffee or smoothie said without a size is USDA's typical amount (coffee 360 g,
    smoothie 324 g): its bare small/medium/large are the cups a shop sells (480 g, 864 g),
    unlike the medium banana that is one whole fruit.
    """
    bare_size = bool(measure.sizes) and not measure.words and not measure.units
    return bare_size and any(m.volume_unit == "fl_oz" for m in food.measures)


def _count_fallback(request: Request, food: Food, nothing_said: bool) -> PortionEstimate:
    """USDA's typical amount, vessel sizes and default rows, then the reference amount.

    A vague vessel or pinch ("a bowl", "a sprinkle") is sized by the category table
    before USDA's typical amount; a wrapper the food is sold in ("a bottle") is the
    other way round.
    """
    quantity, unit, size = request.quantity, request.unit, request.size
    if unit == "serving" and (typical := unspecified_candidate(food.measures, quantity)):
        return from_candidates([typical], "; USDA typical amount taken as one serving")
    if unit == "serving" and _is_baby_food(food):
        jars = count_candidates(food.measures, quantity, "jar", None, None, food.tokens)
        if jars:
            return from_candidates(jars, "; a serving of baby food taken as one jar")
    bare_count = unit in (None, "each") and size is None
    if bare_count and (typical := unspecified_candidate(food.measures, quantity)) is not None:
        return from_candidates([typical], "; one item taken as the USDA typical amount")
    vessel_unit = "serving" if nothing_said else unit
    if vessel_unit and (vessel := _vessel(vessel_unit, food, wildcard=False)):
        return from_vessel(vessel, quantity, food)
    if (row := find_serving(food.tokens, unit, size, food.head)) is not None:
        return _from_default(row, quantity, food)
    what = f"'{unit}'" if unit else "an item"
    typical = unspecified_candidate(food.measures, quantity)
    if typical is not None and vessel_unit in WHOLE_UNITS:
        return from_candidates([typical], f"; no measure for {what}, USDA typical amount used")
    if vessel_unit and (vessel := _vessel(vessel_unit, food, wildcard=True)):
        guess = from_vessel(vessel, quantity, food)
        if not (nothing_said and guess.detail.endswith(WATER_NOTE)):
            return guess
    if typical is not None:
        return from_candidates([typical], f"; no measure for {what}, USDA typical amount used")
    return PortionEstimate(
        REFERENCE_GRAMS * quantity,
        "category_default",
        f"no USDA measure, default serving or category size for {what} of this food; "
        f"{REFERENCE_GRAMS:g} g reference amount × {quantity:g}",
    )


def _is_baby_food(food: Food) -> bool:
    """Baby food comes a jar at a time: "a serving" of it is a jar, not a cup."""
    return "babyfood" in food.tokens or {"baby", "food"} <= food.category_tokens


def _exact_size(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates whose measure names the stated size itself."""
    return [c for c in candidates if c.size_gap == 0 and c.measure.sizes]


def _sized_vessel(request: Request, food: Food) -> PortionEstimate | None:
    """A sized cup ("a medium cup of coffee") is the food's own sized item, not 8 fl oz.

    USDA sizes drinks and desserts by the cup they are served in ("1 medium ice
    cream cup", coffee "1 small"); a size word before "cup" names that serving.
    """
    if request.size is None or request.unit != "cup" or request.quantity != 1:
        return None
    tokens = food.tokens | {"cup"}
    counts = count_candidates(food.measures, 1.0, None, request.size, None, tokens, request.said)
    sized = [c for c in _exact_size(counts) if not c.measure.units]
    if not sized:
        return None
    return from_candidates(sized, f"; a {size_label(request.size)} cup read as the food's own size")


def _own_unit_row(food: Food, unit: str) -> DefaultServing | None:
    """A default-serving row for exactly ``unit`` of this kind of food, naming its head.

    "A piece of milk chocolate" is one piece of candy, not the food's "1 bar" read
    loosely as a piece.
    """
    row = find_serving(food.tokens, unit, None, food.head)
    if row is not None and row.unit == unit and row.keyword.names_head(food.head, food.tokens):
        return row
    return None


def _sized_row(food: Food, unit: str | None, size: str) -> DefaultServing | None:
    """A default-serving row of exactly the stated size, when the food's own measures lack it.

    The row must name the food's head noun: a medium egg says nothing about a
    medium egg burrito. A wrapped item ("a fun-size bar", "a king-size pack") is
    also read as a whole item.
    """
    units = (unit, None) if unit in WHOLE_UNITS else (unit,)
    for wanted in units:
        row = find_serving(food.tokens, wanted, size, food.head)
        if row is not None and row.size == size and row.keyword.names_head(food.head, food.tokens):
            return row
    return None


def _vessel(unit: str, food: Food, *, wildcard: bool) -> VesselSize | None:
    """The category size of ``unit`` for this food (keyword rows, or the catch-all)."""
    return find_vessel(unit, food.tokens, food.category_tokens, wildcard)


def from_vessel(vessel: VesselSize, quantity: float, food: Food) -> PortionEstimate:
    """Weigh ``quantity`` vessels: a mass directly, a volume through the food."""
    head = f"category default: {vessel.describe()} × {quantity:g}"
    if vessel.grams is not None:
        return PortionEstimate(vessel.grams * quantity, "category_default", head)
    inner = weigh_volume((vessel.ml or 0.0) * quantity, vessel.amount_unit, food)
    return PortionEstimate(inner.grams, "category_default", f"{head}; {inner.detail}")


def _from_default(row: DefaultServing, quantity: float, food: Food) -> PortionEstimate:
    """Use a default-serving row; a volume row is weighed with the food's own measure if any."""
    if row.unit in ML_PER_UNIT:
        ml = ML_PER_UNIT[row.unit] * quantity
        own = volume_candidates(food.measures, ml, row.unit, food.tokens)
        if own:
            detail = f"default serving table: {row.label} × {quantity:g}; {own[0].describe()}"
            return PortionEstimate(own[0].grams, "default_serving", detail)
    return PortionEstimate(row.grams * quantity, "default_serving", row.describe(quantity))
