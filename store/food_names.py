"""What a USDA food name says, read once per name for the re-ranker.

USDA names read "Head, qualifier, ..." (or "Category, head, ..."): the reading keeps the
name's words in order, its leading category segments, its word pairs (and the pairs an
"A or B ..." name stands for), the words it negates ("no cheese"), the product it names
only as an example ("Nutrition bar (Snickers Marathon Protein Bar)": a synonym, not the
food), the words that only restate it ("NS as to ...", processing notes), and the flags
the preferences read (branded, mixed dish, NFS, poultry skin, fat added, salted,
combination of two foods).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from store import vocabulary as voc
from store.vocabulary import tokens

WORD = re.compile(r"[a-z0-9%]+")
_BRAND = re.compile(r"\b(?!(?:NFS|USDA|NS)\b)[A-Z][A-Z'&]{2,}\b")
_NFS = re.compile(r"\bnfs\b|\bns as to\b")
_EXAMPLE = re.compile(r"\(([A-Z][^)]*)\)")
"""A product given as an example: "Nutrition bar (Snickers Marathon Protein Bar)"."""
_SUBSTITUTE = re.compile(r"\b[a-z]+ (?=substitutes?\b)", re.IGNORECASE)
"""The food a synonym says is replaced: "meat" of "Nachos, with beans ; meat substitute"."""
_EITHER_WAY = re.compile(r"\bwith or without\b[^;]*", re.IGNORECASE)
"""A synonym that says the record covers both ("Cookie, oatmeal ; with or without icing"):
its food is no word the record names."""
_CAPITALS = re.compile(r"\b[A-Z]{3,}\b")
"""An all-capital word: the brand of an example product ("KIND Fruit and Nut Bar")."""
MIXED_MARKERS = (" with ", "sandwich", "salad", "soup", "casserole", "stew", " pie", "pizza")
MIXED_WORDS = frozenset(m.strip() for m in MIXED_MARKERS)


@dataclass(frozen=True, slots=True)
class NameInfo:
    """One food name, read."""

    ordered: tuple[str, ...]
    tokens: frozenset[str]
    joined: dict[str, tuple[str, str]]
    bigrams: frozenset[tuple[str, str]]
    primary: frozenset[str]
    prefix: frozenset[str]
    synonyms: frozenset[str]
    words: frozenset[str]
    branded: bool
    brand: frozenset[str]  # the all-capital brand's words: "mounds" of "Candies, MOUNDS Candy Bar"
    mixed: bool
    nfs: bool
    skin: str | None
    fat_added: bool
    salted: bool
    negated: frozenset[str]
    restating: frozenset[str]
    alternatives: frozenset[str]
    sides: tuple[frozenset[str], frozenset[str]] | None
    lead_head: str | None = None  # the last word of the first food segment ("juice")
    only: bool = False  # "Nachos, cheese only": no other filling
    attached: frozenset[str] = frozenset()  # words after "on"/"with"/"in": what goes with it
    dish_head: str | None = None  # the lead segment's last word before "on"/"with"/"in"
    dish_qualifier: str | None = None  # the word before it: "enchilada" of "enchilada sauce"
    lone: frozenset[str] = frozenset()  # words that are a comma part alone: "chocolate"
    product: frozenset[str] = frozenset()  # the example product's words: "kind fruit nut"
    product_brand: frozenset[str] = frozenset()  # its all-capital brand words: "kind"
    designates: frozenset[str] = frozenset()  # phrases FNDDS files here: "tea" ("tea, NS as to")
    unsaid_default: frozenset[str] = frozenset()  # "; NS as to icing": the record when unsaid
    aliases: frozenset[str] = frozenset()  # other names FNDDS lists: "pork bun" of "Bao bun"


def _is_category(segment: list[str], following: list[str]) -> bool:
    """Whether a leading segment only names the category: "Fish" of "Fish, salmon".

    Not "Cheese" of "Cheese, cream": that is cream cheese, and cream alone is another food.
    """
    if following and following[0] in voc.KINDS_BEFORE.get(" ".join(segment), ()):
        return False
    return bool(segment) and all(w in voc.CATEGORY_HEADS for w in segment)


def _sides(head: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The two foods of a combination name ("Vodka and lemonade"), or None."""
    if " and " not in head or "and/or" in head:
        return None
    left, right = head.split(" and ", 1)
    return frozenset(tokens(left)), frozenset(tokens(right))


def _lead_sides(segment: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The two foods of a lead segment past a category: "Babyfood, carrots and beef".

    Not what a food is made with: "Italian dressing, made with vinegar and oil".
    """
    return None if _ATTACHED.search(segment) else _sides(segment)


def _restating(lower: str, unstated: list[list[str]]) -> frozenset[str]:
    """Words found only in "NS as to ..." segments and processing notes: they add no food."""
    aside = {t for seg in unstated for t in seg} | set(tokens(" ".join(voc.NOTES.findall(lower))))
    rest = [seg for seg in voc.NOTES.sub(",", lower).split(",") if "ns as to" not in seg]
    return frozenset(aside - set(tokens(",".join(rest))))


def _unsaid_default(synonyms: str) -> frozenset[str]:
    """What FNDDS files here when a phrase leaves it unsaid: "icing" of "; NS as to icing".

    "Cake or cupcake, chocolate, no icing ; NS as to icing" is the chocolate cake of a
    phrase that says nothing about icing, as "Cream, heavy ; NS as to heavy or light" is
    plain cream.
    """
    found: set[str] = set()
    for part in synonyms.lower().split(";"):
        before, marker, what = part.strip().partition("ns as to ")
        if marker and not before:
            found.update(tokens(what))
    return frozenset(found)


_ATTACHED = re.compile(r"\b(?:" + "|".join(sorted(voc.ATTACHING)) + r")\b")


def _attached(lower: str) -> frozenset[str]:
    """Words a segment puts after "on", "with" or "in": what the food comes with, not the food.

    "Hot dog sandwich, beef, on white bun" is a sandwich; its bun is attached. Words the
    name also says elsewhere stay its own.
    """
    after: set[str] = set()
    before: list[str] = []
    for segment in lower.split(","):
        parts = _ATTACHED.split(segment, maxsplit=1)
        before.append(parts[0])
        if len(parts) > 1:
            after.update(tokens(parts[1]))
    return frozenset(after - set(tokens(" ".join(before))))


def _dish_words(segment: str) -> list[str]:
    """The food a name segment is: "hot dog sandwich" of "hot dog sandwich on white bun"."""
    return tokens(_ATTACHED.split(segment, maxsplit=1)[0])


def _dish_qualifier(dish: list[str], after: list[list[str]]) -> str | None:
    """The word that names the dish's kind: "enchilada" of "Enchilada sauce, red".

    SR28 puts the kind after the comma: "Sauce, enchilada, red".
    """
    if len(dish) > 1:
        return dish[-2]
    return after[0][0] if dish and after and after[0] else None


def _synonyms(text: str) -> frozenset[str]:
    """The source's synonyms, without the foods they say are substituted."""
    return frozenset(tokens(_SUBSTITUTE.sub("", _EITHER_WAY.sub("", text))))


def _skin(lower: str) -> str | None:
    """Whether a poultry record is eaten with its skin: "on", "off", or None when unsaid."""
    if "ns as to skin" in lower:
        return None
    if voc.SKIN_OFF.search(lower):
        return "off"
    return "on" if voc.SKIN_ON.search(lower) else None


NAME_CACHE_SIZE = 50_000


def read_names(names: Iterable[tuple[str, str]]) -> int:
    """Read food names ahead of searches (each reading is cached); returns how many."""
    count = 0
    for name, search_text in names:
        name_info(name, search_text)
        count += 1
    return count


@lru_cache(maxsize=NAME_CACHE_SIZE)
def unbranded_tokens(name: str) -> frozenset[str]:
    """The name's words outside its brand: "TACO BELL, Nachos Supreme" says no taco."""
    return frozenset(tokens(_BRAND.sub(" ", name)))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def name_info(name: str, search_text: str) -> NameInfo:
    """Read ``name`` (``search_text`` adds the source's synonyms after it)."""
    lower = name.lower()
    segments = [tokens(s) for s in lower.split(",")]
    examples = frozenset(tokens(" ".join(_EXAMPLE.findall(name))))
    examples -= frozenset(tokens(_EXAMPLE.sub(" ", name)))
    ordered = tuple(dict.fromkeys(t for seg in segments for t in seg))
    lead = 0  # leading segments that only name a category: "Squash, summer, zucchini"
    while lead + 1 < len(segments) and _is_category(segments[lead], segments[lead + 1]):
        lead += 1
    prefix = [w for seg in segments[:lead] for w in seg]
    bigrams = {pair for seg in segments for pair in zip(seg, seg[1:], strict=False)}
    either = voc.ALTERNATIVE.match(lower)  # "Chicken or turkey salad" reads "chicken salad" too
    if either and either.group(3):
        bigrams |= {(a, b) for a in tokens(either.group(1)) for b in tokens(either.group(3))}
    joined = {a + b: (a, b) for a, b in bigrams}
    unstated = [seg for seg in segments if seg[:3] == ["ns", "as", "to"]]
    stated = {t for seg in segments if seg not in unstated for t in seg}
    negated = voc.absent_words(lower)
    dish = _dish_words(lower.split(",")[lead])
    brand = _BRAND.findall(name)
    return NameInfo(
        ordered=ordered,
        tokens=frozenset(stated - negated - examples) | frozenset(joined),
        joined=joined,
        bigrams=frozenset(bigrams),
        primary=frozenset(prefix + segments[lead]),
        prefix=frozenset(prefix),
        synonyms=_synonyms(search_text[len(name) :]) - frozenset(ordered) | examples,
        words=frozenset(WORD.findall(voc.normalize_phrase(lower))),
        branded=bool(brand),
        brand=frozenset(WORD.findall(voc.normalize_phrase(" ".join(brand).lower()))),
        mixed=any(m in f" {voc.NOT_A_DISH.sub(' ', lower)} " for m in MIXED_MARKERS),
        nfs=bool(_NFS.search(lower)),
        skin=_skin(lower),
        fat_added=bool(voc.FAT_ADDED.search(lower)),
        salted=bool(voc.SALTED.search(lower)),
        negated=negated,
        restating=_restating(lower, unstated),
        alternatives=frozenset(tokens(either.group(2))) if either else frozenset(),
        sides=_sides(lower.split(",")[0]) or _lead_sides(lower.split(",")[lead]),
        lead_head=segments[lead][-1] if segments[lead] else None,
        only=" cheese only" in lower,
        attached=_attached(lower),
        dish_head=dish[-1] if dish else None,
        dish_qualifier=_dish_qualifier(dish, segments[lead + 1 :]),
        lone=frozenset(seg[0] for seg in segments if len(seg) == 1),
        product=examples,
        product_brand=examples & frozenset(tokens(" ".join(_CAPITALS.findall(name)))),
        designates=voc.designations(name, search_text),
        unsaid_default=_unsaid_default(search_text[len(name) :]),
        aliases=voc.aliases(name, search_text),
    )
