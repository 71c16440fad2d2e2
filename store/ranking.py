"""Re-rank fused search candidates with the preferences that matter for nutrition.

USDA names read "Head, qualifier, ..." (or "Category, head, ..."), so the strong signals
are how much of the phrase the name covers, whether the name's lead word is one the phrase
says, and what the name adds unasked: restating qualifiers ("raw", "NFS") cost little,
food-changing ones (flavours, fillings, diet versions) a lot. On top: generic over branded,
the stated preparation (plain cooked for grains, meat, fish and vegetables usually eaten
cooked; raw for other produce), plain over mixed dishes, and "NFS" for plain phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from store import vocabulary as voc
from store.food_names import MIXED_WORDS, WORD, NameInfo, name_info, unbranded_tokens
from store.retrieval import Candidate
from store.vocabulary import tokens

RRF_K = 10.0
W_COVERAGE, W_HEAD, W_SEMANTIC, W_LEAD, W_FUSED = 1.2, 0.4, 0.4, 0.3, 0.8
COST_DEFAULT, COST_CHANGING, COST_OTHER, COST_PRIMARY = 0.015, 0.25, 0.07, 0.12
COOKED_WHEN_EATEN = frozenset({"egg"})
"""Foods a phrase means cooked when they are what it is about: "2 eggs" are no raw eggs, while
"a taco with egg" keeps its own reading (FNDDS's breakfast taco)."""
MADE_INTO_COST = 0.5  # the phrase's food made into another dish by the next name word
PLAIN_BONUS, NFS_BONUS, RICH_COST, MIXED_COST, COMBO_COST = 0.3, 0.2, 0.2, 0.25, 0.25
FAT_ADDED_COST, SALTED_COST, NO_ENERGY_COST = 0.2, 0.25, 0.6
CONTRADICTION_COST = 0.5
FLAVOR_COST = 0.3  # on top of a changing word: a flavour the phrase did not say
NFS_CLASS = True
RESPELLED_KINDS = True
HEAD_MISS_COST = 0.4  # the name lacks the phrase's head noun ("Sour cream" for a burrito)
OTHER_DISH_COST = 1.5  # "Taco salad" for a taco: its words match, its food is another dish
BARE_RICH_COST = 0.25  # more for "Tofu, fried" when the phrase is only "tofu"
ATTACHED_HEAD = True
CLASS_MATCH = True
CORE_MISS = True
CORE_MISS_COST = 0.15  # per food word before the head the name lacks ("steak" in "steak sandwich")
MEAT_MISS_COST = 0.3  # more when that word is the meat: a chicken caesar salad has chicken
ONLY_FILLING = True
RESTATING_WEIGHT = 0.5  # "cooked lean ham": a name may leave the usual words unsaid
USUAL_WORDS = frozenset({
    "cooked", "lean", "regular", "plain", "fresh", "prepared",
    "diced", "sliced", "chopped", "cubed",
})  # fmt: skip
USUAL_BESIDE = {"strained": frozenset({"baby", "babyfood"}), "unsweetened": frozenset({"water"})}
"""Usual only beside these: "strained" restates baby food but makes peaches baby food; water
is never sweet, though tea may be."""
CLASS_RESTATES = True
ABSENT_BONUS = 0.15  # the name says it leaves out what the phrase does ("no frosting")
FILLINGS = frozenset({
    "meat", "beef", "pork", "chicken", "turkey", "bean", "steak", "fish", "shrimp", "egg",
    "ham", "sausage",
})  # fmt: skip
"""Fillings a "cheese only" record says are absent ("Nachos, cheese only")."""
MEATLESS = frozenset({"meatless", "vegetarian", "vegan"})
MEATS = frozenset({
    "meat", "beef", "pork", "chicken", "turkey", "steak", "ham", "sausage", "bacon", "lamb",
    "veal", "fish", "shrimp", "chorizo",
})  # fmt: skip
"""What a meatless or vegetarian phrase says the food has none of."""
ANY_MEAT = frozenset({"meat", "meats"})
"""Words by which a phrase allows any meat ("a meat-filled taco" may have steak)."""
ANIMAL_FOODS = MEATS | frozenset({
    *voc.KINDS_OF["meat"], *voc.KINDS_OF["poultry"], "crab", "lobster", "clam", "clams",
    "oyster", "oysters", "tuna", "salmon", "seafood", "duck", "carnita", "carnitas",
    "pepperoni", "salami", "bologna", "meatball", "meatballs", "frankfurter", "prosciutto",
})  # fmt: skip
"""Words by which a name says it has meat, poultry or seafood in it."""
BOUGHT = frozenset({"commercial", "commercially", "store", "jarred", "packaged"})
HOMEMADE = frozenset({"homemade"})  # not "home": "home fries" is a dish
DESIGNATED_BONUS = 1.0  # FNDDS files the phrase itself here: "Tea, ..., black ; tea, NS as to type"
ALIAS_BONUS = 1.0  # FNDDS lists the phrase as another name of one record: "Bao bun ; pork bun"
BY_PARTS = frozenset({"skin", "back", "tail", "neck", "feet", "giblets", "gizzard", "gizzards"})
"""By-parts a name can be of: "Chicken skin", "Turkey, back", "Chicken, feet, boiled"."""
BY_PART_COST = 0.5
FROZEN_MEAL_COST = 0.6
"""A frozen meal or entree is no answer for the dish alone: "salisbury steak" was FNDDS's
Salisbury steak dinner (with its potatoes and dessert), not the steak with gravy."""
FROZEN_MEAL_SAID = frozenset({"frozen", "meal", "meals", "dinner", "entree", "tv", "microwave"})
BABY_FOOD = frozenset({"babyfood", "baby", "toddler", "infant"})
FOR_BABIES = BABY_FOOD | {"junior", "strained", "gerber", "teething", "stage", "jar"}
BABY_COST = 0.4  # on top of the niche cost: baby food is never what an unqualified food is
SKIN_COST, SKIN_GUESS_COST = 0.3, 0.1  # against the usual way; a guess where there is none


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its final score and the parts that made it."""

    candidate: Candidate
    score: float
    fused: float
    coverage: float


@dataclass(frozen=True, slots=True)
class _Query:
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    words: frozenset[str]
    cooked: bool
    plain: bool
    bigrams: frozenset[tuple[str, str]]
    head: str | None = None  # the phrase's head noun
    head_words: frozenset[str] = frozenset()  # its equivalents, when some candidate names one
    modifiers: frozenset[str] = frozenset()  # words after "with", "filled with", ...
    bare: bool = False  # one word ("juice", "chips")
    absent: frozenset[str] = frozenset()  # what the phrase leaves out ("without frosting")
    key: str = ""  # the whole phrase as FNDDS designations are keyed ("tea")
    usual: frozenset[str] = frozenset()  # its words that only restate the food ("cooked")
    branded_head: bool = False  # its head is said twice, once in a brand ("taco bell ... taco")
    one_alias: bool = False  # one record alone has the phrase as another name
    # (one shared by many, "butter crackers" of two filled crackers, describes, not names)


def _usual(words: Sequence[str]) -> frozenset[str]:
    """The words that only restate the food the other words name ("cooked", "lean")."""
    said = set(words)
    return frozenset(w for w in said if w in USUAL_WORDS or USUAL_BESIDE.get(w, frozenset()) & said)


def _usual_skin(q: _Query) -> str | None:
    """Breasts are usually eaten skinless; thighs, drumsticks and wings with the skin."""
    if "breast" in q.tokens:
        return "off"
    return "on" if set(q.tokens) & voc.SKIN_ON_PARTS else None


@lru_cache(maxsize=4_096)
def _query(query: str) -> _Query:
    lower = query.lower()
    kept, absent = voc.left_out(lower) if ABSENT_BONUS else (query, frozenset())
    kept = kept if absent else query  # the words left out are no food of the phrase
    own = tokens(kept)
    head, modifiers = voc.head_word(kept)
    q_tokens = tuple(dict.fromkeys([*own, *voc.broader(own)]))
    extra = len(q_tokens) - len(dict.fromkeys(own))
    usual = _usual(own)
    said = WORD.findall(voc.normalize_phrase(lower))
    words = frozenset(said) | {a + b for a, b in zip(said, said[1:], strict=False)}
    return _Query(
        tokens=q_tokens,
        weights=tuple(
            0.3
            if t in voc.OPTIONAL or i >= len(q_tokens) - extra
            else RESTATING_WEIGHT
            if t in usual and t != head
            else 1.0
            for i, t in enumerate(q_tokens)
        ),  # fmt: skip
        words=words,
        cooked=bool(voc.COOKED_BY_DEFAULT.search(" ".join(q_tokens) + " " + lower))
        or (head or (own[-1] if own else None)) in COOKED_WHEN_EATEN,
        plain=len(q_tokens) - extra <= 3 and "with" not in words,
        bigrams=frozenset(zip(own, own[1:], strict=False)),
        head=head if len(set(own)) > 1 else None,
        branded_head=head is not None and own.count(head) > 1,
        modifiers=modifiers,
        bare=len(set(own)) == 1,
        absent=absent,
        usual=usual,
        key=voc.designation_key(kept),
    )


def _equivalents(q: _Query, infos: list[NameInfo]) -> dict[str, frozenset[str]]:
    """Each query token with the candidate words it stands for (itself, or its misspelling)."""
    vocab: set[str] = set()
    for info in infos:
        vocab |= info.tokens | info.synonyms
    return {t: frozenset({t, *voc.misspelled(t, vocab)}) for t in q.tokens}


def _rrf(c: Candidate) -> float:
    total = 0.0
    for rank in (c.lexical_rank, c.trigram_rank, c.semantic_rank, c.head_rank):
        if rank is not None:
            total += 1.0 / (RRF_K + rank)
    return total / (4.0 / (RRF_K + 1))


COOKED_GROUP = voc.PREP_OF["cooked"]
COOKING_METHODS = frozenset(voc.PREP_OF[w] for w in ("fried", "baked", "grilled", "stewed"))
"""Ways of cooking a food that a plain "cooked" record stands in for when no record says it."""
NOT_COOKED = frozenset({"raw", "uncooked", "pickled"})


def _prep_score(q: _Query, info: NameInfo, raw_default: bool) -> float:
    stated = {voc.PREP_OF[w] for w in q.words if w in voc.PREP_OF}
    found = {voc.PREP_OF[w] for w in info.words if w in voc.PREP_OF}
    rich = len((info.words & voc.RICH_PREP) - q.words)
    if stated:
        if stated & found:
            return 0.3 - 0.1 * rich
        if stated <= COOKING_METHODS and COOKED_GROUP in found:
            return -0.15 - 0.1 * rich  # "grilled zucchini": a cooked one, not a pickled one
        if stated <= COOKING_METHODS | {COOKED_GROUP} and info.words & NOT_COOKED:
            return -0.6 - 0.1 * rich  # "sauteed spinach" is no raw spinach
        return (-0.3 if found else -0.1) - 0.1 * rich
    if q.cooked:
        score = -RICH_COST * min(rich, 2)
        if info.words & voc.UNCOOKED_WORDS:
            return score - 0.35
        if info.words & voc.PLAIN_COOKED or info.nfs:
            return score + 0.2
        return score
    if raw_default:
        if "raw" in info.words:
            return 0.15
        return -0.15 - RICH_COST * min(rich, 2) if found or rich else 0.0
    return -(RICH_COST + BARE_RICH_COST * q.bare) * min(rich, 2)


def _lead_hit(info: NameInfo, explained: set[str]) -> bool:
    """Whether the name's first word past any category ("Fish, ...") is one the phrase says.

    "Turkey or chicken sausage" leads with either alternative; a cooking method leads with
    the food it cooks ("Fast foods, grilled chicken, ...").
    """
    if info.alternatives & explained:
        return True
    classes = _classes_said(explained)
    for w in info.ordered:
        if w in explained:
            return True
        passed_over = w in info.prefix or w in classes or w in voc.PREP_OF or w in voc.ASSORTED
        if not passed_over:
            return False  # "Mexican pizza" leads with Mexican; "grilled chicken", "mixed nuts"
    return False


def _classes_said(explained: set[str]) -> frozenset[str]:
    """The classes of the foods a name says: "fruit" restates "Babyfood, fruit, peaches"."""
    if not CLASS_RESTATES:
        return frozenset()
    return frozenset(voc.CLASS_OF[w] for w in explained if w in voc.CLASS_OF)


def _qualifier_cost(q: _Query, info: NameInfo, explained: set[str]) -> tuple[float, int]:
    cost = 0.0
    changing = 0
    # "Fruit juice, NFS" is what a bare "juice" means: the class words of a not-further-
    # specified record whose lead food is the phrase's word restate it.
    nfs_class = NFS_CLASS and q.bare and "nfs" in info.words and info.lead_head in explained
    classes = _classes_said(explained)
    said = set(q.tokens) if info.product else set()  # most names give no example product
    product = len(info.product & said) >= 2 or bool(info.product_brand & said)
    # "Chicken or turkey and rice" offers turkey for the chicken said; "Taco or tostada
    # salad" is a salad, whatever its taco is
    alternative_of_said = bool(explained & info.primary) and not _made_into_other_dish(q, info)
    unsaid_default = not info.unsaid_default & q.words  # FNDDS's record for "NS as to icing"
    for w in info.ordered:
        if w in explained or w in q.words:
            continue
        partner = voc.DEFAULT_ONLY_BESIDE.get(w)
        restates = w in voc.DEFAULT_QUALIFIERS and (partner is None or partner in info.words)
        restates = restates and voc.PART_OF.get(w) not in info.words  # "egg white" is a part
        restates = restates and not voc.CHANGES_FOR.get(w, frozenset()) & q.words
        restates = restates or (q.cooked and w in voc.PLAIN_COOKED) or w in classes
        restates = restates or voc.PLAIN_FOR.get(w, "") in info.words and w not in info.negated
        restates = restates or bool(voc.SAID_BY.get(w, frozenset()) & q.words)
        restates = restates or (q.bare and w in voc.ASSORTED)  # "seeds": "Mixed seeds"
        restates = restates or (product and w in info.product)  # the named product's words
        restates = restates or (w in info.alternatives and alternative_of_said)
        restates = restates or (w in info.negated and w in voc.CONDIMENTS)  # "no sauce": plain
        restates = restates or (unsaid_default and w in info.unsaid_default - info.primary)
        if restates or w in info.prefix or w in info.restating or (nfs_class and w in info.primary):
            cost += COST_DEFAULT
            continue
        changing += 1
        if w in voc.MADE_INTO and _said_before(info, w) & explained:
            cost += MADE_INTO_COST  # "Chicken salad sandwich wrap" for "a chicken wrap"
            continue
        added_meat = w in MEATS and not q.words & ANY_MEAT and _filling(info, w)
        cost += COST_CHANGING if w in voc.CHANGING or partner or added_meat else COST_OTHER
        if w in info.primary and w not in info.prefix:
            cost += COST_PRIMARY
        cost += FLAVOR_COST * (w in voc.FLAVORS and w in info.lone)  # "Soy milk, chocolate"
    return min(cost, 1.2), changing


def _filling(info: NameInfo, word: str) -> bool:
    """Whether the word is a meat filling a food that is not itself meat.

    The beef of "Burrito, beef and bean" is; the steak of "Beef, steak, ribeye" and the
    chicken of "Turkey or chicken burger" (a choice) are not.
    """
    lead = next((w for w in info.ordered if w not in info.prefix), None)
    return word != lead and lead not in ANIMAL_FOODS and word not in info.alternatives


def _said_before(info: NameInfo, word: str) -> frozenset[str]:
    """The name's word just before ``word``: "chicken" of "Chicken salad sandwich wrap"."""
    at = info.ordered.index(word)
    return frozenset(info.ordered[at - 1 : at]) if at else frozenset()


def _match(
    q: _Query, equiv: dict[str, frozenset[str]], info: NameInfo
) -> tuple[float, set[str], list[str], bool]:
    """How the name answers the phrase.

    The share of the phrase it covers, the name words that did it, the phrase words it
    misses, and whether it says one of them is absent ("no meat" for "... and meat", or
    "cheese only" for "nachos with meat and cheese").
    """
    explained: set[str] = set()
    matched = 0.0
    missing: list[str] = []
    contradicted = ONLY_FILLING and info.only and bool(q.modifiers & FILLINGS - info.tokens)
    contradicted |= bool(q.words & MEATLESS and info.tokens & MEATS)  # "meatless burrito"
    contradicted |= _made_elsewhere(q.words, info.words)  # "commercially prepared" salsa
    contradicted |= bool(q.absent & info.tokens)  # "without frosting" against "frosted"
    own = info.tokens | info.negated if q.words & voc.NEGATORS else info.tokens
    pairs = {a + b for a, b in zip(q.tokens, q.tokens[1:], strict=False)} & own
    for t, weight in zip(q.tokens, q.weights, strict=True):
        hit = equiv[t] & own or {p for p in pairs if t in p}
        if hit:
            matched += weight
            explained |= hit
        elif equiv[t] & info.synonyms:
            matched += 0.7 * weight
            explained |= {voc.CLASS_OF.get(t, "")} & own  # "Sunkist Orange" is fruit flavored
        elif kinds := voc.KINDS_OF.get(t, frozenset()) & own:
            matched += 0.7 * weight  # "Nachos, beef or pork" for "nachos with meat"
            explained |= kinds
        elif CLASS_MATCH and (kind := voc.CLASS_OF.get(t)) in own:
            matched += 0.5 * weight  # "Turnover, fruit" for "guava turnover"
            explained.add(kind)
        elif equiv[t] & info.negated:
            missing.append(t)  # the phrase has it, the name says it is absent
            contradicted = True
        elif weight >= 1.0:
            missing.append(t)
    for j in explained & info.joined.keys():
        explained |= set(info.joined[j])
    return matched / (sum(q.weights) or 1.0), explained, missing, contradicted


def _preferences(q: _Query, info: NameInfo, c: Candidate, explained: set[str]) -> float:
    """Nutrition preferences: generic, plain, unsalted, no added fat, usual skin, has energy."""
    score = 0.0
    if c.is_branded or info.branded:  # the brand named, or for unmarked brands any word
        named = info.brand if info.brand else info.words - voc.DEFAULT_QUALIFIERS
        score -= 0.15 if named & q.words else 0.5
    if q.plain and info.mixed and not q.words & MIXED_WORDS:
        score -= MIXED_COST
    if info.sides and not all(side & explained for side in info.sides):
        score -= COMBO_COST  # "Vodka and lemonade" is no answer for "lemonade"
    score -= 0.3 * min(len((info.words & voc.NICHE_WORDS) - q.words - info.restating), 2)
    if info.words & BABY_FOOD and not q.words & FOR_BABIES:
        score -= BABY_COST  # "oatmeal with banana" is no baby cereal
    if info.fat_added and not (q.words - q.absent) & {"butter", "oil", "fat", "fried"}:
        score -= FAT_ADDED_COST
    if info.salted and not q.words & {"salt", "salted"}:
        score -= SALTED_COST
    if info.skin and "skin" not in q.words and info.skin != _usual_skin(q):
        score -= SKIN_COST if _usual_skin(q) else SKIN_GUESS_COST
    if info.words >= {"frozen", "meal"} or info.words >= {"frozen", "entree"}:
        score -= FROZEN_MEAL_COST * (not q.words & FROZEN_MEAL_SAID)  # a dinner with sides
    if "energy_kcal" not in c.nutrients:
        score -= NO_ENERGY_COST  # a record without energy cannot ground calories
    if (part := _by_part(c.name)) and part not in q.words:
        score -= BY_PART_COST  # "Chicken skin", "Turkey, back": no answer for "chicken"
    return score - _ingredient_of_other_dish(c.name, q.words, q.head)


def _by_part(name: str) -> str | None:
    """The by-part a name is of, if any.

    Its first part's head ("Chicken skin") or a part of its own ("Turkey, back", "Lobster,
    tail only"); not "includes skin" nor "skin eaten", which say how the food was eaten.
    """
    first, *rest = (segment.split() for segment in name.lower().split(","))
    heads = [first[-1:], *(segment[:1] for segment in rest if "eaten" not in segment)]
    return next((word[0] for word in heads if word and word[0] in BY_PARTS), None)


def score_candidate(q: _Query, equiv: dict[str, frozenset[str]], c: Candidate) -> Scored:
    """Coverage, lead word and qualifiers, adjusted by nutrition preferences."""
    info = name_info(c.name, c.search_text)
    coverage, explained, missing, contradicted = _match(q, equiv, info)
    comes_with = _what_comes_with(q, info)
    if comes_with and info.dish_head in voc.CONDIMENTS:
        coverage = _head_share(q)  # the words it covers are its sauce's, not the food's
    head = info.primary - voc.CATEGORY_HEADS or info.primary
    head_precision = len(head & explained) / len(head) if head else 0.0
    cost, changing = _qualifier_cost(q, info, explained)
    aliased = q.one_alias and q.key in info.aliases and not q.bare
    aliased = aliased and not set(q.key.split()) <= set(info.ordered)  # "string beans"
    if aliased:  # the name's other words are what the phrase is made of
        cost, changing = 0.0, 0
    # FNDDS files the phrase here under another name: "mountain dew, NFS" of "Soft drink,
    # fruit flavored, caffeine containing" says what the phrase means in the name's words
    renamed = q.key in info.designates and q.key.split()[-1] not in info.ordered
    if renamed:
        coverage, head_precision, cost, changing, missing = 1.0, 1.0, 0.0, 0, []
    fused = _rrf(c)
    score = W_COVERAGE * coverage + W_HEAD * head_precision
    score += W_SEMANTIC * (c.semantic_similarity or 0.0)
    score += W_LEAD * (renamed or _lead_hit(info, explained)) + W_FUSED * fused - cost
    raw_default = not q.cooked and bool(voc.RAW_BY_DEFAULT.search((c.category or "").lower()))
    score += _prep_score(q, info, raw_default) + _preferences(q, info, c, explained)
    if q.plain and changing == 0 and not missing:  # every added word restates the food
        score += PLAIN_BONUS + NFS_BONUS * info.nfs
    score += 0.15 * min(len(q.bigrams & info.bigrams), 2)
    score += voc.SOURCE_PRIOR.get(c.source, 0.0) - CONTRADICTION_COST * contradicted
    score += ABSENT_BONUS * bool(q.absent & info.negated)
    score += DESIGNATED_BONUS * (q.key in info.designates)
    score += ALIAS_BONUS * aliased
    if CORE_MISS:
        core = _core_words(q, missing)
        score -= CORE_MISS_COST * min(len(core), 2)
        score -= MEAT_MISS_COST * bool(MEATS.intersection(core))
        score -= MEAT_MISS_COST * _meat_filling_missed(q, info)
    attached = _head_only_attached(q, info) or comes_with
    if q.bare and _bare_only_attached(q, equiv, info):
        score -= 2 * HEAD_MISS_COST  # "McFlurry with OREO cookies" for "oreo"
    if q.head_words and (not _names_head(q, info, c.name) or attached) and not renamed:
        score -= HEAD_MISS_COST  # twice when the name is only what goes with the food
        score -= HEAD_MISS_COST * bool(explained and explained <= q.modifiers or attached)
    score -= OTHER_DISH_COST * _made_into_other_dish(q, info)
    score -= 2 * HEAD_MISS_COST * _condiment_for(q, info)
    return Scored(c, score, fused, coverage)


def _head_only_attached(q: _Query, info: NameInfo) -> bool:
    """The name is another dish that comes on or with the phrase's food.

    "Hot dog sandwich, beef, on white bun" says "bun" only as what the sandwich is on:
    it answers "white hot dog bun" no better than a name without "bun".
    """
    dish = info.dish_head
    if not ATTACHED_HEAD or dish is None or dish in voc.DEFAULT_QUALIFIERS:
        return False
    if dish in q.tokens and (dish == q.head or q.words & voc.ATTACHING):
        return False  # "sausage on an English muffin": the phrase attaches its own way
    return _only_attached(q.head_words, info)  # most names: nothing attached, or not the head


def _only_attached(words: frozenset[str], info: NameInfo) -> bool:
    """The name says ``words`` only after "on"/"with"/"in", as what its own food comes with."""
    return bool(words & info.attached) and not words & (
        (info.tokens - info.attached) | info.synonyms
    )


def _bare_only_attached(q: _Query, equiv: dict[str, frozenset[str]], info: NameInfo) -> bool:
    """A food named alone is only what the name's food comes with ("with OREO cookies")."""
    return _only_attached(equiv.get(q.tokens[0], frozenset(q.tokens[:1])), info)


def _head_share(q: _Query) -> float:
    """The share of the phrase its head noun carries."""
    named = q.head_words | {q.head}
    head = sum(w for t, w in zip(q.tokens, q.weights, strict=True) if t in named)
    return head / (sum(q.weights) or 1.0)


def _what_comes_with(q: _Query, info: NameInfo) -> bool:
    """The name's food is what the phrase serves its food with, the food only naming it.

    "Enchilada sauce" for "an enchilada drizzled in red-chile sauce" is the sauce,
    not the enchilada; so is "Pancake syrup" for "pancakes with syrup".
    """
    dish, named = info.dish_head, q.head_words | {q.head}
    if info.branded or dish not in q.modifiers or dish in named:
        return False
    return info.dish_qualifier in named


def _made_into_other_dish(q: _Query, info: NameInfo) -> bool:
    """The name is another kind of dish that the phrase's food only describes.

    "Taco or tostada salad with meat" is a salad: it names the taco of "a taco with meat
    and sour cream" only as the kind of salad, as "Chicken soup" does the chicken. A food
    named alone is no sandwich either ("Nutella sandwich" for "nutella"), though it may be a
    sauce ("Pesto sauce"); a phrase with more words may name a sandwich by its filling
    ("Hot dog sandwich").
    """
    dish, food = info.dish_head, q.head_words or (frozenset(q.tokens[:1]) if q.bare else None)
    others = voc.OTHER_DISHES_OF_ONE_WORD if q.bare else voc.OTHER_DISHES
    if dish not in others or dish in q.tokens or not food:
        return False
    return bool(food & (info.primary - info.attached))


def _condiment_for(q: _Query, info: NameInfo) -> bool:
    """The name is a condiment filed under the phrase's food as its category.

    "Salad dressing, caesar dressing" names the salad of "caesar salad" only as what the
    dressing is for, as "Salad dressing, NFS, for salads" does the salad of "a house salad".
    A brand that does not say "dressing" ("Miracle Whip") keeps its record.
    """
    head, filed_under = info.lead_head, info.prefix
    if head == "nfs" and (at := info.ordered.index("nfs")):
        head = info.ordered[at - 1]  # "Salad dressing, NFS": its categories are the food
        filed_under = info.prefix - {head}
    condiment = head in voc.CONDIMENTS and head not in q.tokens
    return condiment and bool(q.head_words & filed_under)


def _core_words(q: _Query, missing: list[str]) -> list[str]:
    """The missed words that name the food itself: before the head, not restating or cooking.

    "Steak and cheese sandwich with lettuce" is a steak sandwich first: "Cheese sandwich"
    misses its "steak", which weighs more than the lettuce a record leaves out.
    """
    return [
        t for t in missing
        if t not in q.modifiers and t != q.head
        and t not in voc.DEFAULT_QUALIFIERS and t not in voc.PREP_OF and t not in q.usual
    ]  # fmt: skip


def _meat_filling_missed(q: _Query, info: NameInfo) -> bool:
    """The phrase fills its food with meat and the name has none.

    "Nachos, with beans" is no answer for nachos topped with meat and cheese, though
    "meat" alone weighs little in a phrase ("crab meat", "lunch meat").
    """
    return bool(q.modifiers & MEATS) and not (info.tokens | info.synonyms) & ANIMAL_FOODS


def _made_elsewhere(said: frozenset[str], named: frozenset[str]) -> bool:
    """A store-bought phrase against a homemade record, or the other way round."""
    return bool(said & BOUGHT and named & HOMEMADE or said & HOMEMADE and named & BOUGHT)


def _names_head(q: _Query, info: NameInfo, name: str) -> bool:
    """Whether the name says the phrase's head, not only in a brand the phrase also says.

    "TACO BELL, Nachos Supreme" is no "Taco Bell soft taco supreme".
    """
    if not q.branded_head:
        return _names(info, q.head_words)
    return bool(q.head_words & (unbranded_tokens(name) | info.synonyms))


def _names(info: NameInfo, words: frozenset[str]) -> bool:
    """Whether the name (or its synonyms) says one of ``words``."""
    return bool(words & (info.tokens | info.synonyms))


_MADE_FOR = re.compile(r" as ingredient in |, for use (?:on|with|in) (?:an? )?")
"""How FNDDS names a food kept for another dish: "Tomatoes as ingredient in omelet",
"Lettuce, for use on a sandwich", "Cheese sauce, for use with vegetables"."""


def _ingredient_of_other_dish(
    name: str, words: frozenset[str] | set[str], head: str | None = None
) -> float:
    """Penalty for "X as ingredient in Y" when the phrase is about the dish Y, not X.

    FNDDS lists ingredients of dishes as their own records; the food there is X, so a
    phrase that does not name X ("an omelet"), or whose head food is Y ("a sandwich with
    lettuce and tomato" against "Lettuce, for use on a sandwich"), is not a match.
    """
    parts = _MADE_FOR.split(name.lower(), maxsplit=1)
    if len(parts) < 2:
        return 0.0
    food, dish = set(voc.tokens(parts[0])), set(voc.tokens(parts[1]))
    said = set(voc.tokens(" ".join(words)))
    return 0.6 if not food & said or head in dish else 0.0


def rerank(query: str, candidates: Iterable[Candidate]) -> list[Scored]:
    """Candidates best first; equal names from several sources keep the best-ranked one."""
    q = _query(query)
    found = list(candidates)
    infos = [name_info(c.name, c.search_text) for c in found]
    equiv = _equivalents(q, infos)
    if q.head:
        words = equiv.get(q.head, frozenset({q.head}))
        if any(_names(i, words) for i in infos):  # else no food names it: nothing to prefer
            q = replace(q, head_words=words)
    if len({c.name.lower() for c, i in zip(found, infos, strict=True) if q.key in i.aliases}) == 1:
        q = replace(q, one_alias=True)  # "szechuan chicken", not "pan pizza" (31 pizzas)
    if any(len(e) > 1 for e in equiv.values()):
        respelled = " ".join(w for e in equiv.values() for w in e)
        if not q.cooked:
            q = replace(q, cooked=bool(voc.COOKED_BY_DEFAULT.search(respelled)))
        if RESPELLED_KINDS and (heads := [h for h in voc.broader(respelled.split())
                                          if h not in q.tokens]):  # fmt: skip
            q = replace(q, tokens=(*q.tokens, *heads), weights=(*q.weights, *(0.3,) * len(heads)))
            equiv.update({h: frozenset({h}) for h in heads})  # "spagetti" is pasta too
    scored = sorted(
        (score_candidate(q, equiv, c) for c in found),
        key=lambda s: (-s.score, len(s.candidate.name), s.candidate.id),
    )
    groups: dict[str, list[Scored]] = {}
    for item in scored:
        groups.setdefault(item.candidate.name.lower(), []).append(item)
    unique = []
    for group in groups.values():
        prior = voc.SOURCE_PRIOR
        keep = max(group, key=lambda s: prior.get(s.candidate.source, 0.0))
        best = group[0].score + prior.get(keep.candidate.source, 0.0)
        best -= prior.get(group[0].candidate.source, 0.0)
        unique.append(Scored(keep.candidate, best, keep.fused, keep.coverage))
    unique.sort(key=lambda s: (-s.score, len(s.candidate.name), s.candidate.id))
    return unique


def names_food_of(candidate: Candidate, phrase: str) -> bool:
    """Whether the record's name says the food ``phrase`` names (its head noun, or a kind of it).

    "Chicken or turkey salad, made with creamy dressing" says the "ranch dressing" of a
    listed salad, not its "tomatoes": a dish's record that leaves a listed food unsaid
    does not hold it.
    """
    head = voc.head_word(phrase)[0] or next(reversed(tokens(phrase)), None)
    if head is None:
        return True  # nothing to look for: no food word
    info = name_info(candidate.name, candidate.search_text)
    if head in MEATS and info.tokens & ANY_MEAT:
        return True  # "Soup, pho, with meat" holds the beef of "pho with beef"
    q = _query(head)
    return _match(q, {t: frozenset({t}) for t in q.tokens}, info)[0] > 0
