"""Resolve one parsed item: candidate foods, their portions, independent estimates.

Each estimate is a complete, independent reading (food × grams) so consensus can
compare them by content: the fused best match, the best lexical-only match, the
best semantic-only match, and the same food weighed by category defaults
instead of its own USDA measures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from agents.nutrition.cooking_fat import is_cooking_fat, separate_fat_bonus
from agents.nutrition.guidelines import cup_grams, guideline_portions
from agents.nutrition.models import Estimate, FoodRef
from agents.nutrition.parsing import ParsedItem
from agents.nutrition.parsing.lexicon_food import is_fish
from agents.nutrition.portions import AmountSpec, category_default_portion, resolve_portion
from store.embeddings import Vector
from store.ranking import Scored
from store.search import FoodDetail, FoodSearch
from store.vocabulary import HYPERNYMS, PREP_OF, tokens

MIN_COVERAGE = 0.34
MIN_SEMANTIC = 0.55
COMBO_WORDS = frozenset({"meal", "combo"})
CLOSE_CANDIDATES = 8
CLOSE_SCORE = 0.3
NEAREST_SIZE = "nearest size"
PACKAGES = frozenset({
    "bottle", "can", "carton", "jar", "pouch", "tube", "box", "packet", "package", "bag",
})  # fmt: skip
"""What a food is sold in: "a 744 g bottle of iced tea" is the bottled tea, whatever it weighs."""
NO_MEASURE = "no measure for"
"""A record's typical amount standing in for a unit it has no measure of ("a bottle")."""
FULL_COVERAGE = 0.99  # a namesake says every word of the phrase
INEXACT = ("does not distinguish sizes", "Quantity not specified", "assumed")
"""Details of a food measure that does not name the stated size itself."""
MEAL_SOURCE_BONUS = {"fndds": 0.15}
"""FNDDS describes foods as eaten in dietary recalls: the best fit for meal text."""


@dataclass(frozen=True, slots=True)
class ResolvedItem:
    """What the resolver found for one item, in meal order."""

    index: int
    item: ParsedItem
    estimates: tuple[Estimate, ...]
    suggestions: tuple[FoodRef, ...]
    known: bool
    guidelines: tuple[tuple[str, float], ...] = ()
    """The chosen food's USDA guideline amounts ("per slice of bread/roll", 16 g)."""
    cup_g: float | None = None
    """The chosen food's "1 cup" measure, which counts a vegetable for its sauce's guideline."""


PART_UNITS = frozenset({"drumstick", "wing", "fillet"})
"""Units that name the cut as well as the amount: "a drumstick of fried chicken" (a fish's
fillet is no record of its own: "fish fillet" is another name of FNDDS's fish sandwich)."""


COOKED = PREP_OF["cooked"]


def search_phrase(item: ParsedItem) -> str:
    """The phrase sent to food search: preparation + food (+ the cut, + what was left out)."""
    how = [w.strip() for w in (item.preparation or "").split(",") if w.strip()]
    if "cooked" in how and any(PREP_OF.get(w, COOKED) != COOKED for w in how):
        how.remove("cooked")  # "scrambled, cooked": the method says it
    words = [" ".join(how)] if how else []
    words.append(item.food)
    if item.unit in PART_UNITS and item.unit not in item.food and not is_fish(item.food):
        words.append(item.unit)
    if "skin" in item.excluded:
        words.append("skin not eaten")
    words += [f"without {left.removesuffix('-free')}" for left in item.excluded if left != "skin"]
    return " ".join(words)


def prefer_foods_as_eaten(ranked: list[Scored], fat_listed: bool = False) -> list[Scored]:
    """Re-order candidates with the meal context's preferences.

    Survey foods get a bonus; when the meal lists a cooking fat as its own item, records
    cooked without added fat do too (see :mod:`agents.nutrition.cooking_fat`).
    """
    bonus = MEAL_SOURCE_BONUS

    def adjusted(s: Scored) -> Scored:
        extra = separate_fat_bonus(s.candidate.name) if fat_listed else 0.0
        return replace(s, score=s.score + bonus.get(s.candidate.source, 0.0) + extra)

    return sorted(map(adjusted, ranked), key=lambda s: (-s.score, len(s.candidate.name)))


def _measure_fit(
    scored: Scored, details: dict[str, FoodDetail], amount: AmountSpec, nearest: bool = False
) -> str | None:
    """How the record's own USDA measure gives the amount, or None.

    None when it has no measure, or only a nearest size (unless ``nearest``).
    """
    detail = details.get(scored.candidate.id)
    if detail is None:
        return None
    portion = resolve_portion(amount, detail.name, detail.category, detail.portions)
    fits = (nearest or NEAREST_SIZE not in portion.detail) and NO_MEASURE not in portion.detail
    if portion.source == "food_measure" and fits:
        return portion.detail
    return None


def _names_size(how: str) -> bool:
    """Whether a measure detail is of the very size stated, not an unsized stand-in."""
    return not any(note in how for note in INEXACT)


def pick_measurable(
    close: list[Scored], details: dict[str, FoodDetail], amount: AmountSpec
) -> Scored | None:
    """Among near-equal matches, the first whose own USDA measures fit the stated amount.

    When the user gave a household amount ("a fun-size package", "a cup"), a record
    that has that measure gives grams from data instead of a table guess. A stated
    size prefers a record whose measure names that very size ("1 bar, fun size")
    over one that only has an unsized or nearest-size measure.
    """
    if len(close) < 2:
        return None
    if amount.mass_g is not None:
        if amount.unit not in PACKAGES:
            return None
        amount = replace(amount, mass_g=None)  # "a 744 g bottle of tea": the bottle still says
    fitting = [(s, how) for s in close if (how := _measure_fit(s, details, amount)) is not None]
    if amount.sized:
        for scored, how in fitting:
            if _names_size(how):
                return scored
        if _measure_fit(close[0], details, amount, nearest=True) is not None:
            return None  # "an extra large coffee": the brewed coffee's large, not an espresso cup
    return fitting[0][0] if fitting else None


def _fits_size(scored: Scored, details: dict[str, FoodDetail], amount: AmountSpec) -> bool:
    """Whether the record has a USDA measure of the very size the user stated."""
    how = _measure_fit(scored, details, amount)
    return how is not None and _names_size(how)


async def _sized_namesake(
    chosen: Scored,
    ranked: list[Scored],
    details: dict[str, FoodDetail],
    amount: AmountSpec,
    search: FoodSearch,
) -> Scored | None:
    """A record that names the food as fully as the choice and has the stated size.

    "A large frosted cinnamon bun" matches SR28's "Cinnamon buns, frosted" best, but only
    FNDDS's "Roll, sweet, cinnamon bun, frosted" weighs a large one (153 g): the same
    food, so its record answers with USDA's own large bun instead of an unsized guess.
    """
    floor = max(chosen.coverage, FULL_COVERAGE)
    namesakes = [
        s for s in ranked[:CLOSE_CANDIDATES]
        if s.coverage >= floor and s.candidate.id != chosen.candidate.id
    ]  # fmt: skip
    if not namesakes:
        return None
    missing = [s.candidate.id for s in namesakes if s.candidate.id not in details]
    if missing:
        details.update(await search.get_foods(missing))
    return next((s for s in namesakes if _fits_size(s, details, amount)), None)


def amount_of(item: ParsedItem) -> AmountSpec:
    """The parser's amount in the portion resolver's terms."""
    return AmountSpec(
        item.quantity,
        item.unit,
        item.size,
        item.mass_g,
        item.volume_ml,
        named=item.food,
        inches=item.inches,
    )


def food_ref(scored: Scored) -> FoodRef:
    """A compact reference to a candidate food."""
    c = scored.candidate
    return FoodRef(
        c.id, c.name, c.source, c.source_id, c.category, round(scored.score, 4), scored.coverage
    )


def is_known(best: Scored, phrase: str = "") -> bool:
    """Whether the best candidate plausibly is the food the user named.

    A combo ("a happy meal", "a value meal") names no food: a record that shares only its
    "meal" ("Cracker meal") is no answer, though "almond meal" is still almonds.
    """
    said = tokens(phrase)
    if said and said[-1] in COMBO_WORDS and not set(said[:-1]) & set(tokens(best.candidate.name)):
        return False
    similarity = best.candidate.semantic_similarity or 0.0
    broader = tokens(HYPERNYMS.get(said[-1], "")) if said else []
    if broader and set(broader) <= set(tokens(best.candidate.name)):
        return True  # "rigatoni" is pasta: its record is named by the broader word alone
    return best.coverage >= MIN_COVERAGE or similarity >= MIN_SEMANTIC


def _pick_alternatives(ranked: list[Scored]) -> list[tuple[str, Scored]]:
    """The fused best plus the best lexical-only and semantic-only candidates."""
    picks = [("fused", ranked[0])]
    lexical = [s for s in ranked if s.candidate.lexical_rank is not None]
    semantic = [s for s in ranked if s.candidate.semantic_rank is not None]
    if lexical:
        picks.append(("lexical", min(lexical, key=lambda s: s.candidate.lexical_rank or 0)))
    if semantic:
        picks.append(("semantic", min(semantic, key=lambda s: s.candidate.semantic_rank or 0)))
    return picks


def _variants(close: list[Scored], chosen: Scored, details: dict[str, FoodDetail]) -> list[Scored]:
    """The leanest and the richest of the records that name the food as fully as the choice.

    "Hash browns" fits a plain record (217 kcal/100 g) and a pan-fried one (326) equally
    well; which one the user ate is unknown, so both bound the item's range.
    """
    rivals = [
        s for s in close
        if s.coverage >= chosen.coverage and s.candidate.id != chosen.candidate.id
        and s.candidate.id in details and "energy_kcal" in details[s.candidate.id].nutrients
    ]  # fmt: skip
    if not rivals:
        return []

    def energy(s: Scored) -> float:
        return details[s.candidate.id].nutrients["energy_kcal"]

    low, high = min(rivals, key=energy), max(rivals, key=energy)
    return [low] if low is high else [low, high]


def _estimate(method: str, scored: Scored, detail: FoodDetail, amount: AmountSpec) -> Estimate:
    portion = resolve_portion(amount, detail.name, detail.category, detail.portions)
    return Estimate(
        method, food_ref(scored), portion.grams, portion.source, portion.detail,
        detail.nutrients, portion.alternatives,
    )  # fmt: skip


async def resolve_item(
    index: int,
    item: ParsedItem,
    vector: Vector | None,
    search: FoodSearch,
    fat_listed: bool = False,
) -> ResolvedItem:
    """Find candidate foods for one item and weigh each independent reading.

    Without ``vector`` the search embeds the phrase itself, batched with the
    meal's other items and overlapped with the word retrievers. ``fat_listed``
    says the meal lists a cooking fat as an item of its own.
    """
    ranked = prefer_foods_as_eaten(
        await search.candidates(search_phrase(item)[: search.max_query_chars], vector),
        fat_listed and not is_cooking_fat(item),
    )
    suggestions = tuple(food_ref(s) for s in ranked[:3])
    if not ranked or not is_known(ranked[0], search_phrase(item)):
        return ResolvedItem(index, item, (), suggestions, False)
    close = [s for s in ranked[:CLOSE_CANDIDATES] if s.score >= ranked[0].score - CLOSE_SCORE]
    picks = _pick_alternatives(ranked)
    wanted = {s.candidate.id for s in close} | {s.candidate.id for _, s in picks}
    details = await search.get_foods(list(wanted))
    amount = amount_of(item)
    alike = [s for s in close if s.coverage >= ranked[0].coverage]  # no other food for a measure
    chosen = pick_measurable(alike, details, amount) or ranked[0]
    if amount.sized and not _fits_size(chosen, details, amount):
        sized = await _sized_namesake(chosen, ranked, details, amount, search)
        chosen = sized or chosen
    picks[0] = ("fused", chosen)
    estimates = [
        _estimate(method, scored, details[scored.candidate.id], amount)
        for method, scored in picks
        if scored.candidate.id in details
    ]
    estimates += [
        _estimate("variant", scored, details[scored.candidate.id], amount)
        for scored in _variants(close, chosen, details)
    ]
    best = details[chosen.candidate.id]
    default = category_default_portion(best.name, best.category, amount)
    estimates.append(
        Estimate(
            "category_portion",
            food_ref(chosen),
            default.grams,
            default.source,
            default.detail,
            best.nutrients,
            default.alternatives,
        )  # fmt: skip
    )
    guidelines = guideline_portions(best.portions) if item.served_with else ()
    return ResolvedItem(
        index, item, tuple(estimates), suggestions, True, guidelines, cup_grams(best.portions)
    )
