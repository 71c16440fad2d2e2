"""Split one clause into item segments (the "X with Y" decision lives here).

* Separators ("alongside", "paired with", "washed it down with", "while sipping on")
  always start a new item.
* "," / "and" start a new item when the next phrase opens with an amount or article
  ("and a slice of toast"); bare phrases ("eggs, toast and coffee") split too, except in
  a description (below), an adjective list ("a crisp, small apple") or a composed dish
  ("a chicken, bacon, and tomato club sandwich": the list ends in a dish head).
* "X with Y" ("topped with", "filled with", ...) keeps Y in X's description ("pasta with
  sauce", "chicken breast with the skin removed"). Y is its own item when it states an
  amount ("toast topped with 20 g of honey"), when X is a plain base and Y a topping
  ("toast with butter", "cereal with milk"), when Y is a side ("grilled chicken with
  steamed broccoli", "a burger with fries") unless X holds it ("vegetable curry with
  rice", "a burrito with beans"), and when one is a drink and the other a dish.
* Fixed dishes with "and"/"with" ("macaroni and cheese", "chicken with rice soup") are
  fused by the tokenizer; "made with" / "cooked in" list ingredients and never split.
* "without", "no", "excluding" ... open an exclusion list kept apart from the food.
* Phrases that only comment on the previous item ("perfect for satisfying my cravings",
  ", drained and ready to eat") become trailers attached to that item.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from agents.nutrition.parsing.lexicon_food import CONTAINING_DISHES, NON_FOOD
from agents.nutrition.parsing.lexicon_frame import (
    DESCRIBING_WORDS,
    EXCLUSION_WORDS,
    INGREDIENT_CONNECTORS,
    OUTRO_WORDS,
    PRONOUNS,
    PURPOSE_WORDS,
    SEPARATORS,
    TRAILER_STARTS,
    WITH_CONNECTORS,
)
from agents.nutrition.parsing.numbers import ARTICLES, read_quantity
from agents.nutrition.parsing.patterns import LIST_WORDS, match, phrase_end
from agents.nutrition.parsing.phrases import (
    ADVERBS,
    dish_chain_end,
    drink_and_food,
    has_serving,
    is_base_topping,
    is_dressing,
    is_mixed_drink,
    is_served_on,
    is_sized_item,
    is_stirred_in,
    is_trailer,
    only_adjectives,
    removal_width,
)
from agents.nutrition.parsing.tokens import Token
from agents.nutrition.parsing.wordclass import (
    food_words,
    has_amount,
    has_measure,
    is_ing_verb,
    is_intro,
    starts_item,
)

_PARTS_CONNECTORS = frozenset({"with", "using"})  # "a sandwich using a slice of bread and ..."
_TOPPING_CONNECTORS = frozenset({"with", "topped", "spread", "drizzled", "served", "dipped"})
_FOOD_MODES = frozenset({"item", "descriptor", "ingredient"})
Mode = Literal["item", "descriptor", "ingredient", "exclusion", "outro"]


@dataclass(slots=True)
class Segment:
    """Tokens of one item (or of a trailer describing the previous item)."""

    start: int
    tokens: list[Token] = field(default_factory=list)
    excluded: list[list[Token]] = field(default_factory=list)
    trailer: bool = False
    outro: int | None = None
    parts_of: bool = False
    """Split off by "with" from the item before it ("a sandwich with two slices of bread")."""
    connector: list[Token] = field(default_factory=list)
    """The connector words that split it off, when they only list a dish's parts ("using")."""
    stirred_in: bool = False
    """Split off a hot drink as what is stirred into it ("coffee with milk"): a splash."""
    topping: bool = False
    """Split off a plain base as its topping or spread ("toast with butter")."""


_WRAPPING = frozenset({"wrapped", "nestled", "tucked", "rolled"})
"""Connectors whose sized object is a food of its own: "nestled in a medium flour tortilla"."""
_SANDWICH_BREADS = frozenset({"roll", "rolls", "bun", "buns", "bread"})
"""A frankfurter nestled in a roll is one hot dog sandwich (see the vocabulary)."""


def _own_wrap(phrase: list[Token]) -> bool:
    """A sized wrap eaten as a food of its own: "a medium flour tortilla", not a hot dog's bun."""
    return is_sized_item(phrase) and not any(t.low in _SANDWICH_BREADS for t in phrase)


_COVERINGS = frozenset({"topping", "coating", "icing", "frosting", "glaze", "drizzle"})


def _covering(phrase: list[Token]) -> bool:
    """A phrase naming what covers the food before it: "a delicious topping of caramel"."""
    words = [t.low for t in phrase[:4]]
    return (
        bool(words) and words[0] in ARTICLES
        and any(w in _COVERINGS and words[j + 1 : j + 2] == ["of"] for j, w in enumerate(words))
    )  # fmt: skip


def _covers(phrase: list[Token]) -> bool:
    """A phrase that ends on a covering: "a rich chocolate coating" covers the food before."""
    return bool(phrase) and phrase[-1].low in _COVERINGS


_HOLDER_SIZES = frozenset({"individual", "personal"})


def _holder(connector: str, phrase: list[Token]) -> bool:
    """A size word with no amount after "in": "(cake) in an individual dessert shell"."""
    return (
        connector in {"in", "on"} and len(phrase) > 2
        and phrase[0].low in ARTICLES and phrase[1].low in _HOLDER_SIZES
    )  # fmt: skip


_WHOLE_PIECES = frozenset({
    "thigh", "thighs", "breast", "breasts", "drumstick", "drumsticks", "wing", "wings", "chop",
    "chops", "fillet", "fillets", "cutlet", "cutlets", "steak", "steaks",
})  # fmt: skip
"""A whole piece of meat or fish: "noodles with a roasted chicken thigh" is two foods."""
_WHOLE_SIDES = frozenset({
    "egg", "banana", "apple", "orange", "pear", "peach", "nectarine", "plum", "tangerine",
    "clementine", "kiwi", "pickle",
})  # fmt: skip
"""A whole egg or fruit beside a food ("oatmeal with a banana"), unless a dish holds it."""
_SIDE_HOLDERS = CONTAINING_DISHES | {"ramen", "pho", "salad"}
"""Dishes an egg or a fruit goes into: "a bowl of ramen with a soft boiled egg"."""
_HOLDERS = frozenset({
    "sandwich", "sub", "hoagie", "burger", "wrap", "taco", "tacos", "burrito", "quesadilla",
    "roll", "bun", "pita", "tortilla",
})  # fmt: skip
"""Foods a piece goes into rather than beside: "a bun with a chicken breast"."""


def _whole_piece(current: list[Token], phrase: list[Token]) -> bool:
    """Whether "with a <whole piece of meat, egg or fruit>" sits beside a food not holding it.

    Not "a mix of egg, meat, and cheese": a piece is counted whole, never "of" something.
    """
    words, base = food_words(phrase), food_words(current)
    return (
        bool(phrase) and phrase[0].low in {"a", "an"} and bool(words) and bool(base)
        and base[-1] not in _HOLDERS and not any(t.low == "of" for t in phrase)
        and (words[-1] in _WHOLE_PIECES
             or (words[-1] in _WHOLE_SIDES and base[-1] not in _SIDE_HOLDERS))
    )  # fmt: skip


def _parts_only(phrase: list[Token]) -> bool:
    """A count of the food's own parts, described: "two perfectly grilled patties".

    Without its describing words the phrase is a bare count ("two patties"), which says
    how the food before is built, not a second food.
    """
    plain = [t for t in phrase if not (t.low in ADVERBS or t.low.endswith(("ly", "ed")))]
    return len(plain) < len(phrase) and not has_amount(plain)


class _Splitter:
    """Left-to-right pass over a clause; ``mode`` says what the current words belong to."""

    def __init__(self, tokens: list[Token], positions: list[int]) -> None:
        self.toks = tokens
        self.pos = positions
        self.segs: list[Segment] = [Segment(positions[0] if positions else 0)]
        self.mode: Mode = "item"
        self.stay_until = -1
        self.relative = False

    @property
    def cur(self) -> Segment:
        return self.segs[-1]

    def new(self, i: int, *, trailer: bool = False) -> None:
        self.segs.append(Segment(self.pos[i] if i < len(self.pos) else 0, trailer=trailer))
        self.mode = "outro" if trailer else "item"
        self.relative = False

    def has_food(self) -> bool:
        return any(w not in NON_FOOD and not is_intro(w) for w in food_words(self.cur.tokens))

    def push(self, tok: Token) -> None:
        if self.mode == "exclusion":
            self.cur.excluded[-1].append(tok)
        else:
            self.cur.tokens.append(tok)

    def on_list(self, i: int) -> int:
        """Handle ","/"and" at ``i``; return where to continue."""
        q = i
        while q < len(self.toks) and self.toks[q].low in LIST_WORDS:
            q += 1
        if q >= len(self.toks):
            return q
        if match(WITH_CONNECTORS, self.toks, q):
            if self.mode == "ingredient" and any(t.low == "," for t in self.toks[i:q]):
                self.mode = "descriptor"  # "oatmeal cooked with water, topped with honey"
            return q
        if match(SEPARATORS, self.toks, q) and not (
            self.toks[q].low in {"which", "that"} and self.has_food()
        ):
            return q
        if match(INGREDIENT_CONNECTORS, self.toks, q):
            return q
        if (wrap := self._wrap_after_all(q)) is not None:
            self.new(wrap)  # ", all wrapped in a medium taco": the taco is eaten too
            return wrap
        end = phrase_end(self.toks, q)
        phrase = self.toks[q:end]
        decision = self._decide(i, q, phrase)
        if decision == "new":
            self.new(q)
        elif decision == "trailer":
            self.new(q, trailer=True)
        elif decision == "exclude":
            self.cur.excluded.append([])
        elif decision == "removal":
            self.cur.excluded.append(phrase[: -removal_width(phrase)])
            return end  # ", skin not eaten"
        else:
            self.cur.tokens.extend(self.toks[i:q])
        return q

    def _wrap_after_all(self, q: int) -> int | None:
        """Where the sized wrap of ", all wrapped in a medium taco" starts, else None."""
        if self.toks[q].low != "all" or q + 1 >= len(self.toks) or not self.has_food():
            return None
        if self.toks[q + 1].low not in _WRAPPING:
            return None
        start = match(WITH_CONNECTORS, self.toks, q + 1)
        if start is None:
            return None
        return start if _own_wrap(self.toks[start : phrase_end(self.toks, start)]) else None

    def _decide(self, i: int, q: int, phrase: list[Token]) -> str:
        """New item, trailer, exclusion, removal, or stay in the current segment."""
        first = phrase[0].low
        number = read_quantity(self.toks, i - 1) if i else None
        if number is not None and number.end > q:
            return "stay"  # "one and a half cups"
        only_and = all(t.low != "," for t in self.toks[i:q])
        if first in TRAILER_STARTS or (first in DESCRIBING_WORDS and self.has_food()):
            return "trailer"
        if self.mode == "ingredient" and only_and and not has_amount(phrase):
            return "stay"  # "made with cheese and a thin crust"
        bare = [t for t in phrase if t.low not in ADVERBS]
        if bare and match(INGREDIENT_CONNECTORS, bare, 0):
            return "trailer"  # ", freshly made from a home recipe"
        if self.relative and only_and and self.mode == "outro" and first not in PRONOUNS:
            return "stay"  # "a pizza that featured cheese and a variety of vegetables"
        if self.cur.trailer and self._describing() and not has_amount(phrase):
            return "stay"  # ", featuring vanilla, caramel, and a rich chocolate coating"
        if first in PRONOUNS or starts_item(phrase):
            if self.mode == "descriptor" and is_dressing(phrase) and not has_amount(phrase):
                return "trailer"  # "a sub with lettuce, tomato, and a flavorful spread"
            if self.mode == "descriptor" and _covers(phrase) and not has_amount(phrase):
                return "stay"  # "a cookie with caramel, coconut, and a chocolate coating"
            return "new"
        if removal_width(phrase):
            return "removal"
        if is_ing_verb(first):
            return "trailer"  # ", enjoying the cool and invigorating flavor"
        if self.mode == "item" and not only_and and only_adjectives(self.cur.tokens):
            return "stay"  # "a crisp, small raw apple", "744 g of iced, brewed tea"
        if self.mode == "exclusion":
            return "exclude"
        if self.mode != "item" or self.cur.trailer or i < self.stay_until:
            return "stay"
        if is_trailer(phrase):
            return "trailer"
        if not self.has_food():
            return "new"  # the segment so far was only a frame: "This morning, ..."
        if only_and and is_mixed_drink(self.cur.tokens):
            return "stay"  # "vodka and diet cola"
        chain = dish_chain_end(self.toks, i, self.cur.tokens)
        if chain < 0:
            return "new"
        self.stay_until = chain
        return "stay"

    def _describing(self) -> bool:
        """Whether the current trailer is a list of what the previous item holds.

        "featuring vanilla, caramel, coconut" continues with ", and a chocolate coating";
        "featuring lettuce" followed by ", and a cola" names a new item.
        """
        words = [t.low for t in self.cur.tokens if t.low not in ADVERBS]
        listed = any(t.low == "," for t in self.cur.tokens)
        return bool(words) and words[0] in DESCRIBING_WORDS and listed

    def on_connector(self, i: int, end: int) -> None:
        phrase = self.toks[end : phrase_end(self.toks, end)]
        if not self.has_food() and self.cur.tokens:
            verb_object = end - i == 1 and starts_item(phrase)  # "indulged in a Big Mac"
            if (has_amount(phrase) or verb_object) and not has_serving(self.cur.tokens):
                self.new(end)  # ", enjoyed with 512 g of iced tea"; not ", all smothered in"
            return  # "a bottle filled with 24 fl oz of water": the connector means "of"
        if self.toks[i].low == "in" and is_stirred_in(phrase, self.cur.tokens):
            self.cur.stirred_in = not has_amount(self.cur.tokens)  # "milk in my coffee"
            self.new(end)
            return
        topping = self.toks[i].low in _TOPPING_CONNECTORS
        explicit = has_amount(phrase) and not _parts_only(phrase)
        explicit = explicit or (has_measure(phrase) and has_measure(self.cur.tokens))
        wraps = self.toks[i].low in _WRAPPING and _own_wrap(phrase)  # "nestled in a tortilla"
        explicit = explicit or wraps or (is_sized_item(phrase) and has_amount(self.cur.tokens))
        explicit = explicit and not _holder(self.toks[i].low, phrase)
        on_base = is_base_topping(self.cur.tokens, phrase)
        pair = on_base or (
            self.toks[i].low == "with"
            and (drink_and_food(self.cur.tokens, phrase) or _whole_piece(self.cur.tokens, phrase))
        )
        served_on = self.toks[i].low == "on" and is_served_on(self.cur.tokens, phrase)
        if explicit or (topping and pair) or served_on:
            stirred = not explicit and topping and is_stirred_in(self.cur.tokens, phrase)
            self.new(end)
            self.cur.stirred_in = stirred
            self.cur.topping = not explicit and topping and on_base and not stirred
            self.cur.parts_of = explicit and self.toks[i].low in _PARTS_CONNECTORS
            if self.cur.parts_of and self.toks[i].low != "with":
                self.cur.connector = self.toks[i:end]
        elif self.mode != "outro":
            self.mode = "descriptor"
            self.cur.tokens.extend(self.toks[i:end])
        else:
            self.cur.tokens.extend(self.toks[i:end])

    def run(self) -> list[Segment]:
        i, toks = 0, self.toks
        while i < len(toks):
            low = toks[i].low
            if low in LIST_WORDS:
                i = self.on_list(i)
                continue
            end = match(SEPARATORS, toks, i)
            if end is not None and self.has_food() and _covering(toks[end:]):
                self.mode = "descriptor"  # "complemented by a topping of caramel and ..."
                self.cur.tokens.append(replace(toks[i], text="with", low="with"))
                i = end
                continue
            if end is not None and not (low in {"which", "that"} and self.has_food()):
                self.new(end)
                i = end
                continue
            end = match(INGREDIENT_CONNECTORS, toks, i)
            if end is not None and self.has_food() and self.mode != "exclusion":
                self.mode = "ingredient"
                self.cur.tokens.extend(toks[i:end])
                i = end
                continue
            end = match(WITH_CONNECTORS, toks, i)
            if (
                end is not None
                and self.mode not in ("exclusion", "ingredient")
                and (self.cur.tokens or i == 0)
            ):
                self.on_connector(i, end)
                i = end
                continue
            if low in EXCLUSION_WORDS and (self.has_food() or self.cur.trailer):
                if self.cur.tokens and self.cur.tokens[-1].low == "with":
                    self.cur.tokens.pop()
                self.mode = "exclusion"
                self.cur.excluded.append([])
                i += 1
                continue
            if low in PRONOUNS and self.has_food():
                self.new(i)
            elif low in OUTRO_WORDS and self.mode in _FOOD_MODES and self.has_food():
                if not (low == "to" and i and toks[i - 1].low == "ready"):
                    self.mode = "outro"
                    self.cur.outro = len(self.cur.tokens)
                    self.relative = low in {"that", "which", "who"}
            self.push(toks[i])
            i += 1
        for seg in self.segs:
            if seg.tokens and seg.tokens[0].low in PURPOSE_WORDS and not has_amount(seg.tokens):
                seg.trailer = True  # "To brighten my day," / "For a quick pick-me-up,"
        return [s for s in self.segs if s.tokens or s.excluded]


def split_clause(tokens: list[Token], positions: list[int]) -> list[Segment]:
    """Split a clause's content tokens (``positions`` = their clause indices) into segments."""
    return _Splitter(tokens, positions).run()
