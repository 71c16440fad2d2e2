"""Size words, wrappers and named servings against real USDA household measures.

"A fun-size Kit Kat", "a large cola", "a sleeve of Ritz", "a medium cup of coffee":
every PortionRecord below is copied from SR28 WEIGHT or FNDDS 2021-2023 "Portions and
Weights"; ``test_copied_rows_are_real`` checks them against the release files.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from agents.nutrition.portions import AmountSpec, PortionEstimate, resolve_portion
from agents.nutrition.portions.keywords import head_token
from agents.nutrition.portions.sizes import normalize_size
from store.records import PortionRecord
from tests.agents.nutrition.test_portions import F as COPIED_ELSEWHERE

Sr28Row = tuple[int, float, str, float]
FnddsRow = tuple[int, str, float]

SR28_ROWS: dict[str, list[Sr28Row]] = {
    "09206": [(1, 1, "cup", 248), (2, 1, "fl oz", 31.0), (3, 1, "fruit yields", 86)],  # OJ, raw
    "09152": [(1, 1, "cup", 244), (2, 1, "fl oz", 30.5), (3, 1, "lemon yields", 48)],  # lemon
    "21060": [(1, 2, "pieces", 217)],  # Fast foods, burrito, with beans
    "03163": [  # Babyfood, fruit, bananas with apples and pears, strained
        (1, 1, "tbsp", 15.0),
        (2, 1, "jar NFS", 113),
    ],
    "19069": [  # Candies, NESTLE, BUTTERFINGER Bar
        (1, 1, "serving 2.1 oz bar", 60),
        (2, 1, "serving 1 fun size bar 0.65 oz", 18),
        (3, 1, "serving 0.75 oz bar", 21),
        (4, 1, "bar bite size", 7.0),
        (5, 1, "bar king size", 108),
        (6, 10, "Butterfinger BB's", 26),
    ],
    "19135": [  # Candies, MARS SNACKFOOD US, MILKY WAY Bar
        (1, 1, "serving 2.05 oz bar", 58),
        (2, 1, "bar fun size", 17),
        (3, 1, "piece miniature 5 pieces = serving", 8.2),
        (4, 1, "bar king size", 103),
    ],
    "19250": [(1, 1, "bar 1.94 oz", 55), (2, 1, "bar king size 2.8 oz", 79)],
    "19150": [  # Candies, REESE'S Peanut Butter Cups
        (1, 1, "package 0.6 oz 1 cup", 17),
        (2, 1, "package 1.6 oz 2 cups", 45),
        (3, 1, "miniature", 7.0),
    ],
    "21124": [(1, 6, "inch sub", 196), (2, 12, "inch sub", 391)],  # cold cut sub
    "19120": [(1, 1, "bar, miniature", 7.0), (2, 1, "bar (1.55 oz)", 44), (3, 1, "cup chips", 168)],
    "18101": [  # Cake, chocolate, prepared from recipe without frosting
        (1, 1, 'piece (1/12 of 9" dia)', 95),
        (2, 1, 'cake, 2-layer (8" or 9" dia)', 1137),
    ],
    "18364": [  # Tortillas, ready-to-bake or -fry, flour, refrigerated
        (1, 1, "tortilla", 48),
        (3, 1, 'tortilla medium (approx 6" dia)', 30),
        (5, 1, 'tortilla (approx 10" dia)', 72),
        (6, 1, 'tortilla (approx 12" dia)', 117),
        (7, 1, 'tortilla (approx 7-8" dia)', 49),
    ],
}
FNDDS_ROWS: dict[str, list[FnddsRow]] = {
    "58106200": [  # Pizza, cheese, from frozen, thin crust
        (1, "1 piece, NFS", 97),
        (2, '1 frozen personal size pizza (5-7" diameter)', 209),
        (3, '1 frozen small pizza (8-10" diameter)', 320),
        (4, '1 frozen medium pizza (11-13" diameter)', 581),
        (5, '1 frozen large pizza (14-16" diameter)', 901),
        (6, "1 Weight Watchers pizza", 170),
        (7, "1 surface inch", 5.1),
        (8, "Quantity not specified", 194),
    ],
    "92410310": [  # Soft drink, cola
        (4, "1 can (12 fl oz)", 372),
        (7, "1 child/senior drink", 279),
        (8, "1 small drink", 372),
        (9, "1 medium drink", 512),
        (10, "1 large drink", 744),
        (14, "Quantity not specified", 372),
    ],
    "58104710": [  # Quesadilla, cheese only
        (1, "1 full circle", 120),
        (2, "1 half circle", 60),
        (3, "1 triangular piece", 30),
        (4, "1 cup", 95),
        (5, "Quantity not specified", 60),
    ],
    "63105010": [  # Avocado, raw
        (1, "1 slice", 15),
        (2, "1 fruit", 150),
        (3, "1 cup", 150),
        (5, "Quantity not specified", 30),
    ],
    "54403005": [  # Popcorn, movie theater, with added butter
        (1, "1 kids size order", 84),
        (2, "1 small order", 112),
        (3, "1 medium order", 182),
        (6, "1 order, NS as to size", 182),
        (7, "1 cup", 14),
        (8, "1 kernel", 0.2),
        (9, "Quantity not specified", 35),
    ],
    "54301030": [  # Crackers, butter (Ritz)
        (1, "1 cracker", 3),
        (5, "1 fresh stack", 50),
        (6, "1 sleeve", 115),
        (10, "Quantity not specified", 18),
    ],
    "13110100": [  # Ice cream, vanilla
        (1, "1 cup", 135),
        (2, "1 scoop", 120),
        (3, "1 small ice cream cup", 120),
        (4, "1 medium ice cream cup", 240),
        (8, "Quantity not specified", 135),
    ],
    "13130700": [  # Soft serve, blended with candy or cookies, from fast food
        (1, "1 cup", 215),
        (2, "1 small", 300),
        (3, "1 medium", 400),
        (5, "Quantity not specified", 215),
    ],
    "28140710": [  # Chicken, fried, with potatoes, vegetable, frozen meal
        (1, "1 meal (11 oz)", 312),
        (2, "Quantity not specified", 312),
    ],
    "58102750": [  # Burrito bowl, chicken
        (1, "1 item, any size", 225),
        (2, "1 cup", 120),
        (3, "Quantity not specified", 225),
    ],
    "92101000": [  # Coffee, brewed
        (1, "1 fl oz", 30),
        (2, "1 cup (8 fl oz)", 240),
        (3, "1 small", 360),
        (4, "1 medium", 480),
        (8, "Quantity not specified", 360),
    ],
    "34003100": [(1, "1 item, any size", 180), (2, "Quantity not specified", 180)],
    "53208200": [  # Cookie, marshmallow pie, chocolate covered
        (1, "1 scooter pie", 34),
        (3, "Quantity not specified", 78),
        (4, "1 Little Debbie", 39),
        (6, "1 pie, NFS", 78),
    ],
    "53206000": [  # Cookie, chocolate chip
        (2, "1 small cookie", 20),
        (3, "1 medium cookie", 30),
        (4, "1 large cookie", 45),
        (8, "1 Nabisco Chips Ahoy!", 10.5),
        (16, "Quantity not specified", 60),
    ],
    "21001000": [  # Steak, NS as to type of meat, NS as to fat eaten
        (1, "1 piece/slice, any size", 30),
        (2, "1 thin", 120),
        (3, "1 regular", 160),
        (4, "1 thick", 240),
        (8, "Quantity not specified", 160),
    ],
    "91745010": [  # Candy, gummy
        (1, "1 piece", 2),
        (2, "1 miniature/bite size/fun size", 15),
        (3, "1 snack size/pouch/regular size", 60),
        (4, "1 large/king size", 120),
        (7, "Quantity not specified", 60),
    ],
    "53209015": [  # Cookie, chocolate sandwich
        (1, "1 miniature/bite size", 3),
        (2, "1 Oreo mini sandwich", 3),
        (3, "1 Oreo sandwich", 11),
        (4, "1 Oreo thin", 7),
        (5, "1 sandwich", 14),
        (7, "Quantity not specified", 42),
    ],
    "55201000": [  # Waffle, plain
        (3, "1 medium waffle", 75),
        (4, "1 large waffle", 125),
        (5, "1 thick / Belgian waffle", 135),
        (8, "Quantity not specified", 75),
    ],
    "94100100": [  # Water, bottled, plain
        (3, "1 bottle (8 fl oz)", 240),
        (4, "1 bottle (12 fl oz)", 360),
        (5, "1 bottle (16.9 fl oz or 500 ml)", 507),
        (8, "1 bottle, NFS", 507),
        (9, "Quantity not specified", 360),
    ],
    "92530610": [  # Fruit juice drink, with high vitamin C
        (5, "1 juice box/pouch (6.75 fl oz)", 209),
        (6, "1 Kool-Aid Jammers pouch", 186),
        (13, "Quantity not specified", 248),
    ],
    "75117020": [  # Onions, raw
        (1, "1 slice", 15),
        (3, "1 cup", 160),
        (4, "1 whole", 148),
        (5, "Quantity not specified", 15),
    ],
    "61210000": [  # Orange juice, 100%, NFS
        (1, "1 fl oz (no ice)", 31),
        (6, "1 individual school container", 124),
        (7, "Quantity not specified", 248),
    ],
    "58403040": [(1, "1 cup", 245), (2, "Quantity not specified", 245)],
    "53381000": [  # Pie, lemon meringue
        (1, "1 slice, any size", 150),
        (2, "1 pie, any size", 1600),
        (6, "Quantity not specified", 150),
    ],
    "55100005": [  # Pancakes, NFS
        (3, "1 small pancake", 20),
        (4, "1 medium pancake", 50),
        (5, "1 large pancake", 90),
        (7, "1 surface inch", 1.9),
        (8, "Quantity not specified", 100),
    ],
    "27540050": [  # Turkey sandwich or sub, restaurant
        (1, "1 regular", 130),
        (2, "1 large", 195),
        (3, '1 regular or 6" submarine', 195),
        (5, "Quantity not specified", 130),
    ],
    "52215200": [  # Tortilla, flour
        (13, "1 small", 33),
        (14, "1 medium", 45),
        (15, "1 large", 71),
        (16, "1 extra large", 104),
    ],
    "14104100": [  # Cheese, Cheddar
        (2, "1 slice", 21),
        (4, "1 cup, shredded", 113),
        (5, "1 cup, diced", 132),
        (9, "1 cubic inch", 17),
        (10, "Quantity not specified", 21),
    ],
    "54102010": [  # Graham crackers
        (1, "1 large rectangular piece or 2 squares or 4 small rectangular pieces", 15),
        (2, "1 miniature/bite size", 3),
        (13, "Quantity not specified", 18),
    ],
}
S = {
    key: tuple(PortionRecord(f"{a:g} {d}", a, d, g, seq) for seq, a, d, g in rows)
    for key, rows in SR28_ROWS.items()
}
F = {
    key: tuple(PortionRecord(d, 1.0, d, g, seq) for seq, d, g in rows)
    for key, rows in FNDDS_ROWS.items()
}


def test_copied_rows_are_real(usda_dir: Path) -> None:
    weights: dict[str, set[Sr28Row]] = {}
    with (usda_dir / "sr28" / "WEIGHT.txt").open(encoding="latin-1") as handle:
        for line in handle:
            f = line.rstrip("\r\n").split("^")
            row = (int(f[1]), float(f[2]), f[3].strip("~"), float(f[4]))
            weights.setdefault(f[0].strip("~"), set()).add(row)
    path = usda_dir / "fndds-2021-2023" / "2021-2023 FNDDS At A Glance - Portions and Weights.xlsx"
    portions: dict[str, set[FnddsRow]] = {}
    for code, _, _, _, seq, desc, grams in (
        CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[2:]
    ):
        key = str(int(str(code).split(".")[0]))
        portions.setdefault(key, set()).add((int(str(seq).split(".")[0]), str(desc), float(grams)))
    for ndb, copied in SR28_ROWS.items():
        assert set(copied) <= weights[ndb], ndb
    for code, copied_fndds in FNDDS_ROWS.items():
        assert set(copied_fndds) <= portions[code], code


def resolve(
    food: str,
    portions: Iterable[PortionRecord],
    quantity: float | None = 1,
    unit: str | None = None,
    size: str | None = None,
    *,
    volume_ml: float | None = None,
    named: str | None = None,
    inches: float | None = None,
) -> PortionEstimate:
    spec = AmountSpec(quantity, unit, size, None, volume_ml, named, inches)
    return resolve_portion(spec, food, None, tuple(portions))


@pytest.mark.parametrize(
    ("said", "size"),
    [
        ("fun-size", "snack_size"),
        ("fun size", "snack_size"),
        ("snack-size", "snack_size"),
        ("bite-size", "miniature"),
        ("mini", "miniature"),
        ("king-size", "king_size"),
        ("personal", "personal"),
    ],
)
def test_size_words_share_one_spelling(said: str, size: str) -> None:
    assert normalize_size(said) == size


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("Egg burrito", "burrito"),
        ("Candies, MARS SNACKFOOD US, SNICKERS Bar", "candy"),
        ("Taco or tostada salad with meat", "salad"),
        ("Soft drink, cola", "drink"),
        ("Chicken breast, baked", "breast"),
        ("Fast foods, burrito, with beans", "burrito"),
    ],
)
def test_head_noun_is_the_last_word_of_the_first_name_part(name: str, head: str) -> None:
    assert head_token(name) == head


def test_king_size_bar_is_read_off_the_wrapped_bar_sr28_19069() -> None:
    got = resolve("Candies, NESTLE, BUTTERFINGER Bar", S["19069"], 1, "each", "king-size")
    assert (got.grams, got.source) == (108, "food_measure")
    assert (
        resolve("Candies, NESTLE, BUTTERFINGER Bar", S["19069"], 1, "bar", "fun-size").grams == 18
    )


def test_miniature_bar_takes_the_miniature_piece_sr28_19135() -> None:
    got = resolve("Candies, MARS SNACKFOOD US, MILKY WAY Bar", S["19135"], 1, "bar", "mini")
    assert got.grams == pytest.approx(8.2) and "miniature" in got.detail


def test_fun_size_without_a_fun_size_measure_takes_usda_candy_size_sr28_19250() -> None:
    got = resolve("Candies, HERSHEY, KIT KAT BIG KAT Bar", S["19250"], 1, "each", "fun-size")
    assert (got.grams, got.source) == (15, "default_serving")
    assert "FNDDS 91705010 1 fun/snack size" in got.detail
    assert ("1 bar 1.94 oz", 55.0) in got.alternatives


def test_a_piece_of_chocolate_is_a_candy_piece_not_a_bar_sr28_19120() -> None:
    got = resolve("Candies, milk chocolate", S["19120"], 1, "piece")
    assert (got.grams, got.source) == (8, "default_serving")


def test_large_soft_drink_is_the_large_drink_fndds_92410310() -> None:
    assert resolve("Soft drink, cola", F["92410310"], 1, "each", "large").grams == 744
    assert resolve("Soft drink, cola", F["92410310"], 1, "drink", "medium").grams == 512
    assert resolve("Soft drink, cola", F["92410310"], 1, "each").grams == 372


def test_a_whole_item_beats_the_typical_amount() -> None:
    assert resolve("Quesadilla, cheese only", F["58104710"]).grams == 120
    assert resolve("Quesadilla, cheese only", F["58104710"], None).grams == 60
    assert resolve("Avocado, raw", F["63105010"], 1, "each").grams == 150
    assert resolve("Avocado, raw", F["63105010"], 0.5, "each").grams == 75


def test_unit_words_of_usda_measures_are_matched_by_name() -> None:
    popcorn = "Popcorn, movie theater, with added butter"
    assert resolve(popcorn, F["54403005"], 1, "order", "small").grams == 112
    assert resolve(popcorn, F["54403005"], 1, "order").grams == 182
    assert resolve(popcorn, F["54403005"], 1, "kernel").grams == pytest.approx(0.2)
    assert resolve("Crackers, butter (Ritz)", F["54301030"], 1, "sleeve").grams == 115


def test_sized_cup_is_the_foods_own_sized_serving() -> None:
    cup = 236.5882365
    ice_cream = resolve("Ice cream, vanilla", F["13110100"], 1, "cup", "medium", volume_ml=cup)
    assert ice_cream.grams == 240 and "medium ice cream cup" in ice_cream.detail
    assert resolve("Coffee, brewed", F["92101000"], 1, "cup", "small", volume_ml=cup).grams == 360
    assert resolve("Ice cream, vanilla", F["13110100"], 1, "cup", volume_ml=cup).grams == 135
    soft_serve = "Soft serve, blended with candy or cookies, from fast food"
    assert resolve(soft_serve, F["13130700"], 1, "cup", "small", volume_ml=cup).grams == 300


def test_sized_serving_is_the_foods_own_size() -> None:
    soft_serve = "Soft serve, blended with candy or cookies, from fast food"
    assert resolve(soft_serve, F["13130700"], 1, "serving", "small").grams == 300
    assert resolve(soft_serve, F["13130700"], 1, "serving").grams == 215


def test_default_rows_must_name_the_foods_head_fndds_34003100() -> None:
    got = resolve("Egg burrito", F["34003100"], 1, "each", "medium")
    assert got.grams == 180 and got.source == "food_measure"


def test_a_can_of_soup_is_a_usda_soup_can_fndds_58403040() -> None:
    got = resolve("Soup, chicken noodle", F["58403040"], 1, "can")
    assert (got.grams, got.source) == (525, "default_serving")
    assert "FNDDS 28340600 1 can" in got.detail


def test_a_measure_named_by_the_users_words_wins() -> None:
    pie = "Cookie, marshmallow pie, chocolate covered"
    named = "little debbie chocolate-covered marshmallow pie"
    assert resolve(pie, F["53208200"], named=named).grams == 39
    assert resolve(pie, F["53208200"], named="marshmallow pie").grams == 78
    cookie = "Cookie, chocolate chip"
    assert resolve(cookie, F["53206000"], named="nabisco chips ahoy! cookie").grams == 10.5
    assert resolve(cookie, F["53206000"], named="chocolate chip cookie").grams == 30
    waffle = resolve("Waffle, plain", F["55201000"], named="belgian waffle")
    assert waffle.grams == 135 and "Belgian" in waffle.detail
    medium = resolve("Waffle, plain", F["55201000"], size="medium", named="belgian waffle")
    assert medium.grams == 75  # a stated size still decides


def test_one_item_of_a_food_sold_in_sized_packs_is_a_piece() -> None:
    """ "A gummy fish" is one 2 g piece, not the nearest-to-medium king-size bag."""
    assert resolve("Candy, gummy", F["91745010"], 1, "each").grams == 2
    assert resolve("Candy, gummy", F["91745010"], 1, "each", size="king size").grams == 120


def test_a_whole_item_of_the_usual_size_is_no_piece_of_it_fndds_21001000() -> None:
    """ "A steak" is USDA's regular steak (160 g), not a 30-g piece or slice of one."""
    steak = "Steak, NS as to type of meat, NS as to fat eaten"
    assert resolve(steak, F["21001000"], 1, "each").grams == 160
    assert resolve(steak, F["21001000"], 1, "each", size="large").grams == 240
    assert resolve(steak, F["21001000"], 1, "slice").grams == 30


def test_a_far_size_is_no_count_when_the_wrapped_item_is_the_usual_one_sr28_19150() -> None:
    """ "Two Reese's cups" were two miniatures (14 g): the only unwrapped count is a far
    size, so the one-cup package counts too (34 g); "a miniature" still takes it (7 g)."""
    name = "Candies, REESE'S Peanut Butter Cups"
    assert resolve(name, S["19150"], 2, "each").grams == 34
    assert resolve(name, S["19150"], 1, "each", size="miniature").grams == 7


def test_among_named_measures_the_usual_size_wins() -> None:
    """ "An Oreo sandwich cookie" is one Oreo, not the mini one USDA lists first."""
    oreo = "Cookie, chocolate sandwich"
    assert resolve(oreo, F["53209015"], named="oreo sandwich cookie").grams == 11
    assert resolve(oreo, F["53209015"], size="mini", named="mini oreo sandwich cookie").grams == 3


def test_a_named_wrapper_counts_as_the_item_fndds_92530610() -> None:
    drink = "Fruit juice drink, with high vitamin C"
    named = "kool-aid jammers fruit juice drink"
    assert resolve(drink, F["92530610"], 1, "each", named=named).grams == 186
    assert resolve(drink, F["92530610"], 1, "each", named="fruit juice drink").grams == 248


def test_an_unsized_container_takes_usdas_not_further_specified_one_fndds_94100100() -> None:
    assert resolve("Water, bottled, plain", F["94100100"], 1, "bottle").grams == 507
    assert resolve("Water, bottled, plain", F["94100100"], 1, "bottle", "small").grams == 240


def test_a_wrapper_without_a_measure_takes_the_typical_amount_then_a_usual_size() -> None:
    juice = resolve("Orange juice, 100%, NFS", F["61210000"], 1, "bottle")
    assert juice.grams == 248 and "Quantity not specified" in juice.detail
    bare = resolve("Orange juice, raw", (), 1, "bottle")
    assert bare.source == "category_default" and "16.9 fl oz" in bare.detail


def test_a_sprinkle_is_a_pinch_not_the_typical_amount() -> None:
    got = resolve("Onions, raw", F["75117020"], 1, "sprinkle")
    assert got.grams == pytest.approx(160 / 192) and got.source == "category_default"
    assert resolve("Onions, raw", F["75117020"], 1, "each").grams == 148


def test_a_cup_of_cooked_meat_is_usdas_diced_cup_not_water() -> None:
    pork = "Pork, fresh, loin, blade (chops), bone-in, separable lean only, cooked, pan-fried"
    got = resolve(pork, (), 1, "cup", volume_ml=236.5882365)
    assert got.grams == pytest.approx(135) and got.source == "food_density"
    soup = resolve("Soup, beef noodle, cooked", (), 1, "cup", volume_ml=236.5882365)
    assert soup.grams == pytest.approx(248)


def test_sized_whole_items_take_the_tables_size_of_its_only_unit() -> None:
    assert resolve("Italian sausage", (), 1, "each", "bun-size").grams == 75
    patty = resolve("Beef, ground, patties, frozen, cooked, broiled", (), 1, "patty", "medium")
    assert (patty.grams, patty.source) == (85, "default_serving")


@pytest.mark.parametrize(
    ("food", "grams"),
    [
        ("Babyfood, dinner, chicken noodle, strained", 110),
        ("Babyfood, meat, chicken, strained", 70),
        ("Babyfood, vegetables, carrots, junior", 140),
    ],
)
def test_a_jar_of_baby_food_is_a_usda_baby_food_jar(food: str, grams: float) -> None:
    got = resolve(food, (), 1, "jar")
    assert (got.grams, got.source) == (grams, "default_serving")


def test_a_sub_is_one_six_inch_sub_and_a_footlong_the_twelve_inch_sr28_21124() -> None:
    """SR28 measures subs "6 inch sub" and "12 inch sub": one sub each, not 6 or 12 of them."""
    name = "Fast foods, submarine sandwich, cold cut on white bread with lettuce and tomato"
    got = resolve(name, S["21124"], 1, "each")
    assert (got.grams, got.source, got.detail) == (
        196,
        "food_measure",
        "USDA measure '6 inch sub' = 196 g × 1",
    )
    assert resolve(name, S["21124"], 1, "each", "footlong").grams == 391
    assert resolve(name, S["21124"], 2, "each").grams == 392


def test_a_serving_of_baby_food_is_a_jar_sr28_03163() -> None:
    name = "Babyfood, fruit, bananas with apples and pears, strained"
    got = resolve(name, S["03163"], 1, "serving")
    assert (got.grams, got.source) == (113, "food_measure") and "jar" in got.detail
    assert resolve("Fruit salad, bananas, apples and pears", S["03163"], 1, "serving").grams != 113


def test_a_pizza_eaten_alone_is_the_personal_one_fndds_58106200() -> None:
    """Where a food comes in a personal size, "a pizza" is that one, not the family's medium."""
    name = "Pizza, cheese, from frozen, thin crust"
    assert resolve(name, F["58106200"], 1, "each").grams == 209
    assert resolve(name, F["58106200"], 1, "each", "medium").grams == 581
    assert resolve(name, F["58106200"], 2, "slice").grams == 194  # two pieces, NFS
    # a share of a pizza is a share of one bigger than a personal pizza: the medium one
    assert resolve(name, F["58106200"], 0.25, "each").grams == pytest.approx(581 / 4)


def test_a_fast_food_burrito_without_a_burrito_measure_takes_usda_burrito_sr28_21060() -> None:
    """SR28 weighs this burrito only as "2 pieces"; the table gives FNDDS's regular burrito."""
    got = resolve("Fast foods, burrito, with beans", S["21060"], 1, "each", "medium")
    assert (got.grams, got.source) == (220, "default_serving")
    assert "FNDDS 58102300" in got.detail


def test_a_measure_counts_what_its_alternative_counts() -> None:
    """ "1 large rectangular piece or 2 squares" weighs two squares, not one."""
    graham = F["54102010"]
    assert resolve("Graham crackers", graham, 2, "square").grams == pytest.approx(15)
    assert resolve("Graham crackers", graham, 4, "square").grams == pytest.approx(30)
    assert resolve("Graham crackers", graham, 1, "piece", "large").grams == pytest.approx(15)


def test_a_drink_of_no_stated_size_is_usdas_typical_amount() -> None:
    """A coffee's bare "1 medium" is a shop's 16 fl oz cup; "a coffee" is USDA's typical one."""
    coffee = resolve("Coffee, brewed", F["92101000"], 1)
    assert coffee.grams == 360 and "Quantity not specified" in coffee.detail
    assert resolve("Coffee, brewed", F["92101000"], 2).grams == 720
    assert resolve("Coffee, brewed", F["92101000"], 1, size="medium").grams == 480
    soft_serve = "Soft serve, blended with candy or cookies, from fast food"
    assert resolve(soft_serve, F["13130700"], 1).grams == 400  # no drink: its medium cup


def test_the_juice_a_fruit_yields_is_no_glass_of_juice() -> None:
    """SR28's "1 fruit yields" (86 g) counts juice only where the user names the fruit."""
    orange = resolve("Orange juice, raw", S["09206"], 1)
    assert orange.grams != 86 and "yields" not in orange.detail
    assert resolve("Lemon juice, raw", S["09152"], 1, "lemon").grams == 48


def test_a_dish_named_for_its_bowl_comes_whole() -> None:
    """A "burrito bowl" is one item of FNDDS's (225 g), not 2 cups of burrito bowl (240 g)."""
    bowl = resolve("Burrito bowl, chicken", F["58102750"], 1, "bowl")
    assert bowl.grams == 225 and "1 item, any size" in bowl.detail
    assert resolve("Burrito bowl, chicken", F["58102750"], 2, "bowl").grams == 450


def test_a_piece_is_never_a_whole_meal() -> None:
    """ "A piece of fried chicken" was the whole 11-oz frozen fried-chicken dinner (312 g)."""
    meal = "Chicken, fried, with potatoes, vegetable, frozen meal"
    piece = resolve(meal, F["28140710"], 1, "piece")
    assert "1 meal" not in piece.detail and piece.grams != 312
    assert resolve(meal, F["28140710"], 1).grams == 312  # one such dinner is still the meal


TORTILLA = "Tortillas, ready-to-bake or -fry, flour, refrigerated"
PIZZA = "Pizza, cheese, from restaurant or fast food, NS as to type of crust"
PIZZA_ROWS = COPIED_ELSEWHERE["58106210"]  # its sized pizzas and pieces, checked there


@pytest.mark.parametrize(
    ("food", "rows", "inches", "grams"),
    [
        (TORTILLA, S["18364"], 10, 72),  # "1 tortilla (approx 10" dia)"
        (TORTILLA, S["18364"], 8, 49),  # "approx 7-8" dia"
        (TORTILLA, S["18364"], 6, 30),
        (PIZZA, PIZZA_ROWS, 12, 691),  # "1 medium pizza (11-12" diameter)"
        (PIZZA, PIZZA_ROWS, 14, 954),  # "1 large pizza (13-15" diameter)"
        ("Turkey sandwich or sub, restaurant", F["27540050"], 6, 195),  # 'regular or 6" sub'
        ("Fast foods, submarine sandwich, cold cut", S["21124"], 12, 391),  # "12 inch sub"
    ],
)
def test_an_item_said_in_inches_is_the_measure_of_that_size(
    food: str, rows: tuple[PortionRecord, ...], inches: float, grams: float
) -> None:
    """ "A 10-inch tortilla" was a medium one (45 g); USDA weighs that very size."""
    got = resolve(food, rows, 1, "each", inches=inches)
    assert got.grams == grams
    assert f"{inches:g} inches is its size" in got.detail


def test_a_flat_food_without_that_size_is_weighed_by_its_surface_inch() -> None:
    """Two 4-inch pancakes are 2 × 12.6 square inches of FNDDS's 1.9 g, not 2 medium (100 g)."""
    got = resolve("Pancakes, NFS", F["55100005"], 2, "each", inches=4)
    assert got.grams == pytest.approx(2 * 3.14159 * 4 * 1.9, rel=1e-4)
    assert "surface inch" in got.detail


def test_without_that_size_the_nearest_one_is_scaled_by_length_or_area() -> None:
    """A 12-inch turkey sub is twice FNDDS's 6-inch one; a 9-inch tortilla scales by area."""
    sub = resolve("Turkey sandwich or sub, restaurant", F["27540050"], 1, "each", inches=12)
    assert sub.grams == 390 and "nearest size scaled by length" in sub.detail
    tortilla = resolve(TORTILLA, S["18364"], 1, "each", inches=9)
    assert tortilla.grams == pytest.approx(72 * (9 / 10) ** 2)
    assert "nearest size scaled by area" in tortilla.detail


def test_a_share_of_a_sized_pizza_is_a_share_of_that_size() -> None:
    """A slice of a 14-inch pizza is FNDDS's slice of a large pizza (119 g), not of a medium."""
    assert resolve(PIZZA, PIZZA_ROWS, 1, "slice", inches=14).grams == 119
    assert resolve(PIZZA, PIZZA_ROWS, 1, "slice", inches=10).grams == 80  # small (8-10")
    assert resolve(PIZZA, PIZZA_ROWS, 0.5, "each", inches=12).grams == 345.5


def test_a_size_no_measure_names_says_so() -> None:
    """FNDDS's flour tortilla names no sizes in inches: the analysis then looks for a record
    that does (see test_resolver), and the detail says why."""
    got = resolve("Tortilla, flour", F["52215200"], 1, "each", inches=10)
    assert got.grams == 45 and "no measure for 10 inches" in got.detail


def test_a_cubic_inch_is_a_block_and_a_spoonful_is_shredded() -> None:
    """FNDDS weighs Cheddar 17 g a cubic inch: a cubic inch was 7.8 g of shredded cheese."""
    block = resolve("Cheese, Cheddar", F["14104100"], 1, "cubic_inch", volume_ml=16.387064)
    assert block.grams == pytest.approx(17.0)
    spoon = resolve("Cheese, Cheddar", F["14104100"], 1, "tbsp", volume_ml=14.7868)
    assert spoon.grams == pytest.approx(113 / 16, rel=1e-3)  # a cup shredded ÷ 16


CAKE = "Cake, chocolate, prepared from recipe without frosting"


def test_a_cake_or_pie_said_as_one_is_a_piece_of_it() -> None:
    """ "A lemon meringue pie" was FNDDS's whole pie (1600 g) and "a chocolate cake" SR28's
    2-layer cake (1137 g): foods USDA weighs whole and by the piece are eaten by the piece."""
    pie = resolve("Pie, lemon meringue", F["53381000"], 1, "each")
    assert pie.grams == 150 and "USDA's whole one is 1600 g" in pie.detail
    assert any(grams == 1600 for _, grams in pie.alternatives)
    cake = resolve(CAKE, S["18101"], 1, "each")
    assert cake.grams == 95 and "1/12 of 9" in cake.detail
    assert resolve(CAKE, S["18101"], None).grams == 95  # no amount at all: one piece too
    assert resolve("Pie, lemon meringue", F["53381000"], 0.5, "each").grams == 800  # as said


def test_a_food_eaten_whole_stays_whole() -> None:
    """A whole avocado is 5 typical amounts (150 g beside 30 g): people eat one. An onion is
    ten of USDA's typical 15-g slices, but at 148 g still one onion."""
    assert resolve("Avocado, raw", F["63105010"], 1, "each").grams == 150
    assert resolve("Onions, raw", F["75117020"], 1, "each").grams == 148
