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
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from store import vocabulary as voc
from store.retrieval import Candidate
from store.vocabulary import tokens

RRF_K = 10.0
_WORD = re.compile(r"[a-z0-9%]+")
_BRAND = re.compile(r"\b(?!(?:NFS|USDA|NS)\b)[A-Z][A-Z'&]{2,}\b")
_NFS = re.compile(r"\bnfs\b|\bns as to\b")
MIXED_MARKERS = (" with ", "sandwich", "salad", "soup", "casserole", "stew", " pie", "pizza")
MIXED_WORDS = frozenset(m.strip() for m in MIXED_MARKERS)
FAT_ADDED = re.compile(r"\bfat added\b|\b(?:made|fried|cooked) with (?:butter|oil|margarine)")


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its final score and the parts that made it."""

    candidate: Candidate
    score: float
    fused: float
    coverage: float


@dataclass(frozen=True, slots=True)
class _NameInfo:
    ordered: tuple[str, ...]
    tokens: frozenset[str]
    joined: dict[str, tuple[str, str]]
    bigrams: frozenset[tuple[str, str]]
    primary: frozenset[str]
    prefix: frozenset[str]
    synonyms: frozenset[str]
    words: frozenset[str]
    branded: bool
    mixed: bool
    nfs: bool
    skin_eaten: bool
    fat_added: bool


@dataclass(frozen=True, slots=True)
class _Query:
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    words: frozenset[str]
    cooked: bool
    plain: bool
    bigrams: frozenset[tuple[str, str]]


@lru_cache(maxsize=50_000)
def _name_info(name: str, search_text: str) -> _NameInfo:
    lower = name.lower()
    segments = [tokens(s) for s in lower.split(",")]
    ordered = tuple(dict.fromkeys(t for seg in segments for t in seg))
    primary = list(segments[0])
    prefix: list[str] = []
    if primary and all(w in voc.CATEGORY_HEADS for w in primary) and len(segments) > 1:
        prefix = list(primary)
        primary += segments[1]
    bigrams = frozenset(pair for seg in segments for pair in zip(seg, seg[1:], strict=False))
    joined = {a + b: (a, b) for a, b in bigrams}
    own = frozenset(ordered)
    return _NameInfo(
        ordered=ordered,
        tokens=own | frozenset(joined),
        joined=joined,
        bigrams=bigrams,
        primary=frozenset(primary),
        prefix=frozenset(prefix),
        synonyms=frozenset(tokens(search_text[len(name) :])) - own,
        words=frozenset(_WORD.findall(lower)),
        branded=bool(_BRAND.search(name)),
        mixed=any(m in f" {lower} " for m in MIXED_MARKERS),
        nfs=bool(_NFS.search(lower)),
        skin_eaten="skin eaten" in lower,
        fat_added=bool(FAT_ADDED.search(lower)),
    )


@lru_cache(maxsize=4_096)
def _query(query: str) -> _Query:
    own = tokens(query)
    q_tokens = tuple(dict.fromkeys([*own, *voc.broader(own)]))
    extra = len(q_tokens) - len(dict.fromkeys(own))
    lower = query.lower()
    words = frozenset(_WORD.findall(lower))
    return _Query(
        tokens=q_tokens,
        weights=tuple(
            0.3 if t in voc.OPTIONAL or i >= len(q_tokens) - extra else 1.0
            for i, t in enumerate(q_tokens)
        ),
        words=words,
        cooked=bool(voc.COOKED_BY_DEFAULT.search(" ".join(q_tokens) + " " + lower)),
        plain=len(q_tokens) - extra <= 3 and "with" not in words,
        bigrams=frozenset(zip(own, own[1:], strict=False)),
    )


def _equivalents(q: _Query, infos: list[_NameInfo]) -> dict[str, frozenset[str]]:
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


def _prep_score(q: _Query, info: _NameInfo, raw_default: bool) -> float:
    stated = {voc.PREP_OF[w] for w in q.words if w in voc.PREP_OF}
    found = {voc.PREP_OF[w] for w in info.words if w in voc.PREP_OF}
    rich = len((info.words & voc.RICH_PREP) - q.words)
    if stated:
        if stated & found:
            return 0.3 - 0.1 * rich
        return (-0.3 if found else -0.1) - 0.1 * rich
    if q.cooked:
        score = -0.15 * min(rich, 2)
        if info.words & voc.UNCOOKED_WORDS:
            return score - 0.35
        if info.words & voc.PLAIN_COOKED or info.nfs:
            return score + 0.2
        return score
    if raw_default:
        if "raw" in info.words:
            return 0.15
        return -0.15 - 0.1 * min(rich, 2) if found or rich else 0.0
    return -0.1 * min(rich, 2)


def _lead_hit(info: _NameInfo, explained: set[str]) -> bool:
    """Whether the name's first word past any category ("Fish, ...") is one the phrase says."""
    for w in info.ordered:
        if w in explained:
            return True
        if w not in voc.CATEGORY_HEADS:
            return False
    return False


def _qualifier_cost(q: _Query, info: _NameInfo, explained: set[str]) -> tuple[float, int]:
    cost = 0.0
    changing = 0
    for w in info.ordered:
        if w in explained or w in q.words:
            continue
        if w in voc.DEFAULT_QUALIFIERS or w in info.prefix:
            cost += 0.015
            continue
        changing += 1
        cost += 0.25 if w in voc.CHANGING else 0.07
        if w in info.primary and w not in info.prefix:
            cost += 0.12
    return min(cost, 1.2), changing


def score_candidate(q: _Query, equiv: dict[str, frozenset[str]], c: Candidate) -> Scored:
    """Coverage, lead word and qualifiers, adjusted by nutrition preferences."""
    info = _name_info(c.name, c.search_text)
    explained: set[str] = set()
    matched = 0.0
    pairs = {a + b for a, b in zip(q.tokens, q.tokens[1:], strict=False)} & info.tokens
    for t, weight in zip(q.tokens, q.weights, strict=True):
        hit = equiv[t] & info.tokens or {p for p in pairs if t in p}
        if hit:
            matched += weight
            explained |= hit
        elif equiv[t] & info.synonyms:
            matched += 0.7 * weight
    for j in explained & info.joined.keys():
        explained |= set(info.joined[j])
    coverage = matched / (sum(q.weights) or 1.0)
    head = info.primary - voc.CATEGORY_HEADS or info.primary
    head_precision = len(head & explained) / len(head) if head else 0.0
    cost, changing = _qualifier_cost(q, info, explained)
    fused = _rrf(c)
    score = 1.2 * coverage + 0.4 * head_precision + 0.4 * (c.semantic_similarity or 0.0)
    score += 0.3 * _lead_hit(info, explained) + 0.8 * fused - cost
    raw_default = not q.cooked and bool(voc.RAW_BY_DEFAULT.search((c.category or "").lower()))
    score += _prep_score(q, info, raw_default)
    if c.is_branded or info.branded:
        score -= 0.15 if info.words & q.words - voc.DEFAULT_QUALIFIERS else 0.5
    if q.plain and info.mixed and not q.words & MIXED_WORDS:
        score -= 0.25
    score -= 0.3 * min(len((info.words & voc.NICHE_WORDS) - q.words), 2)
    if q.plain and info.nfs and changing == 0:
        score += 0.2
    if info.fat_added and not q.words & {"butter", "oil", "fat", "fried"}:
        score -= 0.1
    if "breast" in q.words and "skin" not in q.words and info.skin_eaten:
        score -= 0.15
    score += 0.15 * min(len(q.bigrams & info.bigrams), 2)
    score -= _ingredient_of_other_dish(c.name, q.words)
    score += voc.SOURCE_PRIOR.get(c.source, 0.0)
    return Scored(c, score, fused, coverage)


def _ingredient_of_other_dish(name: str, words: frozenset[str] | set[str]) -> float:
    """Penalty for "X as ingredient in Y" when the phrase names only the dish Y.

    FNDDS lists ingredients of dishes as their own records ("Tomatoes as ingredient
    in omelet"); the food there is X, so a phrase about the omelet is not a match.
    """
    lower = name.lower()
    if " as ingredient in " not in lower:
        return 0.0
    food = set(voc.tokens(lower.split(" as ingredient in ", 1)[0]))
    return 0.0 if food & set(voc.tokens(" ".join(words))) else 0.6


def rerank(query: str, candidates: Iterable[Candidate]) -> list[Scored]:
    """Candidates best first; equal names from several sources keep the best-ranked one."""
    q = _query(query)
    found = list(candidates)
    equiv = _equivalents(q, [_name_info(c.name, c.search_text) for c in found])
    if not q.cooked and any(len(e) > 1 for e in equiv.values()):
        respelled = " ".join(w for e in equiv.values() for w in e)
        q = replace(q, cooked=bool(voc.COOKED_BY_DEFAULT.search(respelled)))
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
