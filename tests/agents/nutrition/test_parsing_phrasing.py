"""Natural phrasing the meal parser must read: crust types, framing verbs, filling lists."""

from __future__ import annotations

import pytest

from agents.nutrition.parsing import parse_meal


@pytest.mark.parametrize(
    ("text", "food", "size"),
    [
        ("a piece of medium crust cheese pizza", "medium crust cheese pizza", None),
        ("a delicious slice of thick crust pepperoni pizza", "thick crust pepperoni pizza", None),
        ("a medium piece of thin crust cheese pizza", "thin crust cheese pizza", "medium"),
    ],
)
def test_crust_types_are_part_of_the_pizza_not_its_size(
    text: str, food: str, size: str | None
) -> None:
    (item,) = parse_meal(text)
    assert (item.food, item.size) == (food, size)


def test_made_sure_to_include_only_frames_the_items() -> None:
    items = parse_meal(
        "For my lunch, I made sure to include 135g of skinless baked chicken breast "
        "with a side of 100g raw green beans."
    )
    assert [(i.food, i.mass_g) for i in items] == [
        ("skinless chicken breast", 135.0),
        ("green beans", 100.0),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "I enjoyed a delicious turkey submarine sandwich with cheese, fresh lettuce, tomato, "
        "and a flavorful spread, along with a refreshing cup of tap water.",
        "For dinner, I had a 260g cold cut submarine sandwich with cheese, lettuce, tomato, "
        "and a tasty spread, along with a 372g cola soft drink.",
    ],
)
def test_a_dressing_closing_a_filling_list_stays_with_the_sandwich(text: str) -> None:
    first, second = parse_meal(text)
    assert "sandwich" in first.food and "spread" not in first.food  # kept out of the search
    assert "spread" not in second.food


def test_a_dressing_with_its_own_amount_is_still_an_item() -> None:
    items = parse_meal("a burger with lettuce, tomato, and 15 g of mayonnaise")
    assert [i.food for i in items][-1] == "mayonnaise"


def test_a_heading_before_a_colon_is_the_sum_of_its_parts() -> None:
    items = parse_meal(
        "A chickpea salad: a cup of chickpeas, a medium tomato, a tablespoon of olive oil "
        "and an ounce of feta."
    )
    assert [i.food for i in items] == ["chickpeas", "tomato", "olive oil", "feta"]


def test_a_meal_heading_before_a_colon_keeps_its_items() -> None:
    items = parse_meal("For lunch: a sandwich and an apple")
    assert [(i.food, i.meal) for i in items] == [("sandwich", "lunch"), ("apple", "lunch")]


def test_a_dish_spelled_out_with_its_bread_is_not_counted_twice() -> None:
    items = parse_meal(
        "A turkey sandwich with two slices of whole wheat bread, four slices of deli turkey "
        "breast, a slice of Swiss cheese and a tablespoon of mayonnaise."
    )
    assert [i.food for i in items] == [
        "whole wheat bread",
        "deli turkey breast",
        "swiss cheese",
        "mayonnaise",
    ]


def test_a_dish_made_using_its_parts_is_their_sum() -> None:
    """ "Using" lists a dish's parts as "with" does; without them it stays one item."""
    items = parse_meal(
        "I made a sandwich using a slice of whole wheat bread and a tablespoon of creamy "
        "peanut butter."
    )
    assert [(i.food, i.unit) for i in items] == [
        ("whole wheat bread", "slice"),
        ("creamy peanut butter", "tbsp"),
    ]
    smoothie = parse_meal("a smoothie using a cup of milk")
    assert [(i.food, i.unit) for i in smoothie] == [("smoothie using milk", "cup")]


def test_a_food_on_toast_or_a_bagel_counts_both() -> None:
    """Toast, bagels and crackers are eaten with what is on them; a bun holds its hot dog."""
    items = parse_meal("half an avocado on toast and a fried egg on two slices of toast")
    assert [(i.food, i.quantity, i.unit) for i in items] == [
        ("avocado", 0.5, "each"),
        ("toast", None, None),
        ("egg", 1.0, "each"),
        ("toast", 2.0, "slice"),
    ]
    assert [i.food for i in parse_meal("cream cheese on a bagel")] == ["cream cheese", "bagel"]
    assert [i.food for i in parse_meal("a hot dog on a bun")] == ["hot dog on bun"]
    assert [i.food for i in parse_meal("an egg sandwich on a bagel")] == ["egg sandwich on bagel"]


def test_a_dish_named_for_its_bowl_keeps_the_bowl_in_its_name() -> None:
    """ "A chicken burrito bowl" is the dish FNDDS calls a burrito bowl, one bowl of it."""
    items = parse_meal("a chicken burrito bowl and a bowl of rice")
    assert [(i.food, i.unit) for i in items] == [
        ("chicken burrito bowl", "bowl"),
        ("rice", "bowl"),
    ]
    two = parse_meal("2 burrito bowls")  # the plural too: it was 2 bowls of a burrito
    assert [(i.food, i.quantity, i.unit) for i in two] == [("burrito bowls", 2.0, "bowl")]


def test_milk_stirred_into_a_hot_drink_is_a_splash() -> None:
    """ "Coffee with milk" is not a glass of milk beside the coffee; a stated amount wins."""
    items = parse_meal("a cup of coffee with milk and sugar, and tea with 2 tbsp of cream")
    assert [(i.food, i.quantity, i.unit) for i in items] == [
        ("coffee", 1.0, "cup"),
        ("milk", 1.0, "splash"),
        ("sugar", None, None),
        ("tea", None, None),
        ("cream", 2.0, "tbsp"),
    ]
    cereal = parse_meal("a bowl of cereal with milk")
    assert [(i.food, i.unit) for i in cereal] == [("cereal", "bowl"), ("milk", None)]


def test_a_bread_served_beside_a_dish_is_its_own_item() -> None:
    """No curry or chili contains its naan or cornbread; a curry still contains its rice."""
    assert [i.food for i in parse_meal("chicken curry with naan")] == ["chicken curry", "naan"]
    assert [i.food for i in parse_meal("chili with cornbread")] == ["chili", "cornbread"]
    (curry,) = parse_meal("vegetable curry with rice")
    assert curry.food == "vegetable curry with rice"


def test_toast_and_breakfast_potatoes_beside_a_dish_are_their_own_items() -> None:
    """An omelette holds its cheese, not its toast or home fries ("omelette with toast" was
    onion bread, 28 g, and "eggs with hash browns" an unknown food)."""
    assert [i.food for i in parse_meal("an omelette with toast")] == ["omelette", "toast"]
    assert [i.food for i in parse_meal("eggs with hash browns")] == ["eggs", "hash browns"]
    omelette = parse_meal("a ham and cheese omelette with home fries")
    assert [i.food for i in omelette] == ["ham and cheese omelette", "home fries"]
    assert [i.food for i in parse_meal("french toast with bacon")] == ["french toast with bacon"]


def test_an_energy_drink_is_a_food() -> None:
    """The words "energy" and "drink" alone name no food ("an energy boost"); together they do."""
    assert [i.food for i in parse_meal("an energy drink")] == ["energy drink"]
    assert [i.food for i in parse_meal("a banana for energy")] == ["banana"]
    (sized,) = parse_meal("a 16 oz energy drink")  # a drink: fluid ounces, not 454 g
    assert sized.volume_ml == pytest.approx(473.2, abs=0.1) and sized.mass_g is None


def test_fruit_on_a_breakfast_base_is_its_own_item() -> None:
    """Oatmeal keeps no blueberries or honey of its own; a muffin with blueberries is a
    blueberry muffin and yogurt with fruit a fruit yogurt."""
    items = parse_meal("oatmeal with blueberries and honey")
    assert [i.food for i in items] == ["oatmeal", "blueberries", "honey"]
    items = parse_meal("pancakes with sliced strawberries")
    assert [i.food for i in items] == ["pancakes", "strawberries"]
    assert [i.food for i in parse_meal("a muffin with blueberries")] == ["muffin with blueberries"]
    assert [i.food for i in parse_meal("yogurt with fruit")] == ["yogurt with fruit"]


def test_a_dish_with_extras_but_no_bread_keeps_the_dish() -> None:
    items = parse_meal("a turkey sandwich with 2 slices of cheese and a bag of chips")
    assert [i.food for i in items] == ["turkey sandwich", "cheese", "chips"]


def test_a_topping_with_an_amount_after_an_ingredient_list_is_its_own_item() -> None:
    items = parse_meal(
        "A cup of oatmeal cooked with water, topped with a tablespoon of honey and half a cup "
        "of blueberries."
    )
    assert [(i.food, i.unit) for i in items] == [
        ("oatmeal with water", "cup"),
        ("honey", "tbsp"),
        ("blueberries", "cup"),
    ]


def test_a_sized_whole_item_after_a_measured_food_is_its_own_item() -> None:
    items = parse_meal("A quarter cup of hummus with a medium carrot and a large celery stalk.")
    assert [(i.food, i.size) for i in items][:2] == [("hummus", None), ("carrot", "medium")]


def test_a_described_list_keeps_its_last_element() -> None:
    items = parse_meal(
        "My afternoon snack consisted of a 28g cookie, featuring a tasty blend of vanilla, "
        "caramel, coconut, and a rich chocolate coating."
    )
    assert [i.food for i in items] == ["cookie with vanilla caramel coconut and chocolate coating"]


def test_a_short_description_does_not_swallow_the_next_item() -> None:
    items = parse_meal("I had a burger, featuring lettuce, and a cola.")
    assert [i.food for i in items] == ["burger", "cola"]


@pytest.mark.parametrize(
    ("text", "food"),
    [
        (
            "I popped open a can of pasta that came with a delicious tomato-based sauce and "
            "meat, ready to heat up.",
            "pasta with tomato-based sauce and meat",
        ),
        ("a bowl of ramen which comes with a soft boiled egg", "ramen with egg"),
        ("a jar of junior baby food that featured macaroni", "junior baby food with macaroni"),
        ("a cup of soup that had noodles", "soup with noodles"),
        ("a fruit juice drink that boasts high vitamin C", "fruit juice drink with high vitamin c"),
        ("a 57g pastry that was perfectly filled with custard", "pastry filled with custard"),
        ("512g of iced black tea that was pre-sweetened", "iced black tea with pre-sweetened"),
        ("a cup of rice that was cooked with oil", "rice with oil"),
    ],
)
def test_a_relative_clause_describes_the_food(text: str, food: str) -> None:
    """ "Pasta that came with sauce", "tea that was pre-sweetened": the clause is the food's."""
    (item,) = parse_meal(text)
    assert item.food == food


def test_that_still_ends_a_food_phrase_when_no_with_follows() -> None:
    (item,) = parse_meal("a bagel that I toasted")
    assert item.food == "bagel"
    (item,) = parse_meal("the pizza that I had yesterday")
    assert item.food == "pizza"
    (item,) = parse_meal("a 405g milkshake that wasn't chocolate-flavored")
    assert item.food == "milkshake"


def test_a_which_clause_after_a_comma_still_only_counts() -> None:
    items = parse_meal("a package of cookie bars, which included two bars, and a piece of gum")
    assert [i.food for i in items] == ["cookie bars", "gum"]


def test_fruity_says_what_is_in_the_food() -> None:
    """ "Fruity low-fat yogurt" is the fruit yogurt: the word is kept, not dropped as praise."""
    (yogurt,) = parse_meal("170g of fruity low-fat yogurt")
    assert yogurt.food == "fruity low-fat yogurt"


def test_a_relative_clause_adjective_goes_before_its_food() -> None:
    """ "A roll that was sweet and frosted" is USDA's "Roll, sweet, frosted"."""
    (roll,) = parse_meal("a 90g roll that was sweet and frosted")
    assert roll.food == "sweet roll with frosted" and roll.mass_g == 90
    (cookie,) = parse_meal("a medium cookie that was perfect")
    assert cookie.food == "cookie"


def test_a_clause_that_denies_a_food_leaves_it_out() -> None:
    """ "A milkshake that wasn't chocolate-flavored" is one without chocolate, not a bare one."""
    (shake,) = parse_meal("a 405g milkshake that wasn't chocolate-flavored")
    assert shake.food == "milkshake" and shake.excluded == ("chocolate-flavored",)
    muffin, coffee = parse_meal("a muffin which was not frosted and a coffee")
    assert muffin.excluded == ("frosted",) and coffee.food == "coffee"


def test_a_described_count_of_a_foods_parts_stays_with_it() -> None:
    """ "Two perfectly grilled patties" build the burger; two fried eggs are a food."""
    (burger,) = parse_meal("a 270g double cheeseburger that had two perfectly grilled patties")
    assert burger.food == "double cheeseburger with two patties" and burger.mass_g == 270
    rice, eggs = parse_meal("rice with two fried eggs")
    assert (rice.food, eggs.food, eggs.quantity) == ("rice", "eggs", 2.0)


def test_who_a_food_is_for_keeps_its_baby_food() -> None:
    """Baby food is its own USDA class: an outro naming it still names the food."""
    (dinner,) = parse_meal(
        "170g of macaroni with tomatoes and beef, specially designed as junior baby food"
    )
    assert dinner.food == "macaroni with tomatoes and beef junior baby food"
    (juice,) = parse_meal("124g of apple juice designed for babies")
    assert juice.food == "apple juice baby food"
    (cookie,) = parse_meal("a cookie, perfect for my afternoon")
    assert cookie.food == "cookie"


def test_a_school_source_stays_with_the_food() -> None:
    """FNDDS has school-lunch pizzas; "from a local spot" still says nothing of the food."""
    (pizza,) = parse_meal("a piece of thin crust pepperoni pizza from school")
    assert pizza.food == "thin crust pepperoni pizza from school"
    (burrito,) = parse_meal("a burrito from a local spot")
    assert burrito.food == "burrito"


def test_a_whole_piece_of_meat_beside_a_food_is_its_own_item() -> None:
    """Noodles "with a roasted chicken thigh" are two foods; a bun holds its chicken breast."""
    noodles, thigh = parse_meal("a cup of egg noodles with a roasted skinless chicken thigh")
    assert (noodles.food, noodles.unit) == ("egg noodles", "cup")
    assert thigh.food == "skinless chicken thigh" and thigh.quantity == 1
    (sandwich,) = parse_meal("a bun with a chicken breast")
    assert sandwich.food == "bun with chicken breast"


def test_a_whole_fruit_or_egg_beside_a_food_is_its_own_item() -> None:
    """ "Oatmeal with a banana" is oatmeal and a banana, not banana baby oatmeal."""
    oatmeal, banana = parse_meal("a bowl of oatmeal with a sliced banana")
    assert (oatmeal.food, oatmeal.unit) == ("oatmeal", "bowl")
    assert (banana.food, banana.quantity) == ("banana", 1.0)
    assert [i.food for i in parse_meal("a burger with a fried egg")] == ["burger with egg"]
    assert [i.food for i in parse_meal("a salad with a hard-boiled egg")] == ["salad with egg"]
    (turnover,) = parse_meal("a turnover packed with a mix of egg, meat, and cheese")
    assert turnover.food.startswith("turnover")


def test_what_holds_a_food_is_no_item_of_its_own() -> None:
    """ "In an individual dessert shell" says how the cake came, not a second food."""
    cake, bread = parse_meal(
        "a sponge cake in an individual dessert shell, a slice of potato bread"
    )
    assert cake.food == "sponge cake in dessert shell" and bread.food == "potato bread"
    eggs, toast = parse_meal("two eggs on a slice of toast")
    assert (eggs.quantity, toast.unit) == (2, "slice")


def test_a_topping_after_a_separator_still_covers_the_food() -> None:
    """ "Complemented by a topping of caramel, coconut, and chocolate" is no three more foods."""
    items = parse_meal(
        "a small cookie complemented by a delicious topping of caramel, coconut, and chocolate"
    )
    assert len(items) == 1 and items[0].food.startswith("cookie")
    waffle, milk = parse_meal("a waffle paired with a topping of strawberries and a glass of milk")
    assert "strawberries" in waffle.food and milk.unit == "glass"


def test_a_brand_on_the_container_stays_with_the_food() -> None:
    (jammers,) = parse_meal("a fruit juice drink from a Kool-Aid Jammers pouch")
    assert (jammers.food, jammers.unit) == ("fruit juice drink from kool-aid jammers", "pouch")
    (cream,) = parse_meal("half and half from an individual container")
    assert (cream.food, cream.unit) == ("half and half", "container")
    (pineapple,) = parse_meal("113g of pineapple from a juice pack")
    assert pineapple.food == "pineapple"  # a packing medium, no brand


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a package of soup that was mostly noodles", "soup with noodles"),
        ("a soup that was really good", "soup"),
        ("113g of baby food, which was a delightful mix of cereal and bananas",
         "baby food with cereal and bananas"),
        ("a smoothie which was a great start", "smoothie"),
    ],
)  # fmt: skip
def test_a_clause_naming_what_a_food_is_made_of_keeps_it(text: str, food: str) -> None:
    """ "Mostly noodles", "a mix of cereal and bananas" say what is in it; praise does not."""
    (item,) = parse_meal(text)
    assert item.food == food


def test_a_sized_wrap_around_a_food_is_a_food_of_its_own() -> None:
    """A tortilla a sausage is nestled in weighs its own; a frankfurter's roll stays a hot dog."""
    sausage, tortilla = parse_meal("a pork sausage link nestled inside a medium flour tortilla")
    assert sausage.food == "pork sausage link" and (tortilla.food, tortilla.size) == (
        "flour tortilla",
        "medium",
    )
    (hot_dog,) = parse_meal("a chicken frankfurter nestled in a large white roll")
    assert "roll" in hot_dog.food


def test_a_meal_featuring_foods_is_those_foods() -> None:
    """ "A frozen meal featuring chicken and noodles": "meal" names no food, the rest does."""
    (meal,) = parse_meal("a 241g diet frozen meal featuring chicken, vegetables, and noodles")
    assert meal.food == "diet frozen chicken vegetables and noodles" and meal.mass_g == 241


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a slice of thin crust pizza featuring a blend of meat and fruit",
         "thin crust pizza with meat and fruit"),
        ("a piece of thin crust pizza, featuring a hearty combination of meat and vegetables",
         "thin crust pizza with meat and vegetables"),
    ],
)  # fmt: skip
def test_featuring_a_blend_of_foods_says_what_the_food_holds(text: str, food: str) -> None:
    """ "Pizza featuring a blend of meat and fruit" is the pizza with meat and fruit."""
    (item,) = parse_meal(text)
    assert item.food == food


def test_a_covering_after_with_is_no_new_item_but_a_drink_is() -> None:
    cookie, milk = parse_meal("a cookie with caramel, and a glass of milk")
    assert cookie.food == "cookie with caramel" and milk.unit == "glass"
    (sundae,) = parse_meal("a sundae with nuts, and a chocolate drizzle")
    assert sundae.food == "sundae with nuts and chocolate drizzle"


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a pizza with cheese, straight from the school cafeteria",
         "pizza with cheese from school cafeteria"),
        ("one crispy waffle, topped with fruit, right out of the freezer",
         "waffle topped with fruit out freezer"),
        ("a medium slice of garlic bread straight from the freezer", "garlic bread from freezer"),
    ],
)  # fmt: skip
def test_where_a_food_came_from_stays_with_it(text: str, food: str) -> None:
    """ "Straight from the school cafeteria" names the school pizza; the adverb cut it off."""
    (item,) = parse_meal(text)
    assert item.food == food


def test_specifically_names_the_food_before_it() -> None:
    """ "A cheeseburger, specifically a Quarter Pounder with cheese" is the Quarter Pounder."""
    burger, fries = parse_meal(
        "a cheeseburger, specifically a Quarter Pounder with cheese, and a medium order of fries"
    )
    assert burger.food == "quarter pounder with cheese" and fries.size == "medium"
    (cola,) = parse_meal("a large soda, namely a cola")
    assert (cola.food, cola.size) == ("cola", "large")
    (cookies,) = parse_meal("two cookies, specifically chocolate chip ones")
    assert (cookies.food, cookies.quantity) == ("cookies", 2)  # "ones" names no food itself


def test_the_same_head_noun_after_the_names_the_food_before_it() -> None:
    """ "A cereal bar, the KIND Fruit and Nut Bar," is the KIND bar; praise after "the" is not."""
    (bar,) = parse_meal("a wholesome cereal bar, the KIND Fruit and Nut Bar, as part of breakfast")
    assert (bar.food, bar.unit) == ("kind fruit and nut bar", "bar")
    (sandwich,) = parse_meal("a sandwich, the best in town")
    assert sandwich.food == "sandwich"


def test_all_wrapped_in_a_sized_wrap_counts_the_wrap() -> None:
    """ ", all wrapped in a medium taco" names a taco eaten with the foods before it."""
    lettuce, chicken, taco = parse_meal(
        "a cup of raw lettuce and a cup of diced chicken breast, all wrapped in a medium taco"
    )
    assert (taco.food, taco.size) == ("taco", "medium") and chicken.unit == "cup"
    (chicken,) = parse_meal("chicken, all smothered in gravy")  # no wrap: still one item
    assert chicken.food.startswith("chicken")


def test_whipped_cream_keeps_its_whipped() -> None:
    """ "Whipped" introduces an item ("I whipped up pancakes") but also names a food."""
    items = parse_meal("pancakes with whipped cream")
    assert [i.food for i in items] == ["pancakes", "whipped cream"]
    assert [i.food for i in parse_meal("I whipped up some pancakes")] == ["pancakes"]


def test_avocado_toast_is_toast_and_its_topping() -> None:
    """USDA has no avocado toast: it reads as "toast with avocado"; french toast is a dish."""
    items = parse_meal("2 slices of peanut butter toast")
    assert [(i.food, i.quantity, i.unit) for i in items] == [
        ("toast", 2.0, "slice"),
        ("peanut butter", None, None),
    ]
    assert [i.food for i in parse_meal("avocado toast")] == ["toast", "avocado"]
    assert [i.food for i in parse_meal("french toast")] == ["french toast"]
    assert [i.food for i in parse_meal("100 g avocado toast")] == ["avocado toast"]


def test_fish_and_chips_are_the_fish_and_the_fries() -> None:
    """USDA has no fish and chips (the search found rice chips): fried fish and french
    fries, a stated mass shared between them."""
    items = parse_meal("fish and chips")
    assert [i.food for i in items] == ["fried fish", "french fries"]
    items = parse_meal("200 g fish and chips")
    assert [(i.food, i.mass_g, i.quantity) for i in items] == [
        ("fried fish", 100.0, 100.0),
        ("french fries", 100.0, 100.0),
    ]


def test_cheese_on_chili_or_toast_is_its_own_item() -> None:
    """No USDA chili or toast has the cheese put on it: both are counted."""
    assert [i.food for i in parse_meal("a bowl of chili with cheese")] == ["chili", "cheese"]
    items = parse_meal("toast with shredded cheddar cheese")
    assert [(i.food, i.preparation) for i in items] == [
        ("toast", None),
        ("cheddar cheese", "shredded"),
    ]


def test_a_mass_after_the_food_may_be_in_words() -> None:
    """ "A pork chop of about three ounces" is 85 g of pork chop (it was one 131 g chop)."""
    for text in ("a broiled pork chop of about three ounces", "a pork chop of about 3 ounces"):
        (chop,) = parse_meal(text)
        assert (chop.food, chop.mass_g) == ("pork chop", pytest.approx(85.05))
    (chop,) = parse_meal("a pork chop weighing three ounces")
    assert chop.mass_g == pytest.approx(85.05)


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a cup of one percent milk", "1% milk"),
        ("a cup of 2 percent milk", "2% milk"),
        ("100 percent orange juice", "100% orange juice"),
    ],
)
def test_a_percent_in_words_is_the_percent_a_usda_name_says(text: str, food: str) -> None:
    """ "One percent milk" lost its number and read as any milk."""
    assert [i.food for i in parse_meal(text)] == [food]


@pytest.mark.parametrize(
    ("text", "foods"),
    [
        ("hummus and pita", ["hummus", "pita"]),
        ("soup and salad", ["soup", "salad"]),
        ("chips and dip", ["chips", "dip"]),
        ("a ham and cheese sandwich", ["ham and cheese sandwich"]),
        ("a chicken, bacon, and tomato club sandwich", ["chicken bacon and tomato club sandwich"]),
        ("a strawberry and banana smoothie", ["strawberry and banana smoothie"]),
        ("carrots and pita chips", ["carrots", "pita chips"]),  # a dish word, not its head
    ],
)
def test_a_list_ends_in_one_dish_only_when_its_last_food_names_the_dish(
    text: str, foods: list[str]
) -> None:
    """ "Ham and cheese sandwich" is one sandwich of both; "hummus and pita" is two foods, a
    pita alone (was one item, hummus, the pita lost)."""
    assert [i.food for i in parse_meal(text)] == foods


@pytest.mark.parametrize(
    ("text", "quantity", "unit"),
    [
        ("a cup and a half of milk", 1.5, "cup"),
        ("two cups and a half of rice", 2.5, "cup"),
        ("an ounce and a half of cheese", 1.5, "oz"),
        ("a slice and a half of pizza", 1.5, "slice"),
    ],
)
def test_a_fraction_after_the_unit_adds_to_it(text: str, quantity: float, unit: str) -> None:
    """ "A cup and a half of milk" was half a milk: the "and" started a new item."""
    (item,) = parse_meal(text)
    assert (item.quantity, item.unit) == (quantity, unit)
    assert item.text == text


def test_a_second_amount_after_and_is_still_its_own_item() -> None:
    rice, beans = parse_meal("a cup of rice and a half cup of beans")
    assert (rice.food, rice.quantity, beans.food, beans.quantity) == ("rice", 1.0, "beans", 0.5)


@pytest.mark.parametrize(
    ("text", "food", "quantity", "inches"),
    [
        ("two 4-inch pancakes", "pancakes", 2, 4),
        ('a 4" pancake', "pancake", 1, 4),
        ("a 10 inch flour tortilla", "flour tortilla", 1, 10),
        ("a 12-in. pizza", "pizza", 1, 12),
        ("a six-inch turkey sub", "turkey sub", 1, 6),
        ("a slice of a 14 inch pizza", "pizza", 1, 14),
        ("a funnel cake, 6 inches across", "funnel cake", 1, 6),
        ("a classic funnel cake, perfectly sized at 6 inches", "funnel cake", 1, 6),
    ],
)
def test_a_size_in_inches_is_no_count_and_no_food_word(
    text: str, food: str, quantity: float, inches: float
) -> None:
    """ "Two 4-inch pancakes" was two of a food called "inch pancakes"."""
    (item,) = parse_meal(text)
    assert (item.food, item.quantity, item.inches) == (food, quantity, inches)


@pytest.mark.parametrize(
    ("text", "cubic_inches"),
    [
        ("a 2 inch cube of cheddar", 8),
        ("three 1-inch cubes of cheese", 3),
        ("a cubic inch of cheddar cheese", 1),
    ],
)
def test_a_cube_said_by_its_edge_is_a_volume(text: str, cubic_inches: float) -> None:
    (item,) = parse_meal(text)
    assert item.unit == "cubic_inch" and item.inches is None
    assert item.volume_ml == pytest.approx(cubic_inches * 16.387064, abs=0.01)


def test_in_is_an_inch_only_with_its_dot() -> None:
    """ "2 in the morning" is no size; "a 12 in. pizza" is."""
    (item,) = parse_meal("two eggs at 7 in the morning")
    assert (item.food, item.quantity, item.inches) == ("eggs", 2, None)


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a little rice", "rice"),
        ("a little bit of rice", "rice"),
        ("a small amount of butter", "butter"),
        ("a large amount of pasta", "pasta"),
        ("a lot of pasta", "pasta"),
        ("lots of rice", "rice"),
        ("plenty of water", "water"),
    ],
)
def test_a_vague_amount_is_no_count_and_no_size(text: str, food: str) -> None:
    """ "A small amount of cheese" had been a small package of cream cheese (85 g), "a little
    rice" a cup (more than "some rice"), "lots of rice" a food called "lots rice"."""
    (item,) = parse_meal(text)
    assert (item.food, item.quantity, item.unit, item.size) == (food, None, None, None)


def test_little_before_a_unit_or_in_a_name_is_still_a_size() -> None:
    bag, debbie, cakes = (
        parse_meal(t)[0] for t in ("a little bag of chips", "a Little Debbie brownie",
                                   "two little cakes")
    )  # fmt: skip
    assert (bag.unit, bag.size) == ("bag", "small")
    assert debbie.food == "little debbie brownie"
    assert (cakes.quantity, cakes.size) == (2, "small")


@pytest.mark.parametrize(
    ("text", "added", "drink"),
    [
        ("a little milk in my coffee", "milk", "coffee"),
        ("cream in my tea", "cream", "tea"),
        ("a splash of milk in my coffee", "milk", "coffee"),
    ],
)
def test_milk_in_a_hot_drink_is_a_splash_and_the_drink(text: str, added: str, drink: str) -> None:
    """ "Milk in my coffee" was one food, "milk in coffee", read as a café con leche (372 g)."""
    milk, cup = parse_meal(text)
    assert (milk.food, milk.quantity, milk.unit) == (added, 1, "splash")
    assert cup.food == drink


def test_a_pound_cake_is_a_cake_not_a_pound_of_cake() -> None:
    """ "A pound cake" was 454 g of cake; "a pound of cake" still is."""
    (cake,) = parse_meal("a pound cake")
    assert (cake.food, cake.quantity, cake.unit, cake.mass_g) == ("pound cake", 1, "each", None)
    (weighed,) = parse_meal("a pound of cake")
    assert weighed.mass_g == pytest.approx(453.59, abs=0.01)


@pytest.mark.parametrize(
    ("text", "food", "size"),
    [("a grande latte", "latte", "medium"), ("a venti iced coffee", "iced coffee", "large")],
)
def test_coffee_shop_cup_names_are_sizes(text: str, food: str, size: str) -> None:
    """ "A grande latte" was searched as a food called "grande latte" and got no size."""
    (item,) = parse_meal(text)
    assert (item.food, item.size) == (food, size)


@pytest.mark.parametrize(
    ("text", "dessert", "topping"),
    [
        ("a slice of apple pie with ice cream", "apple pie", "ice cream"),
        ("a brownie with a scoop of vanilla ice cream", "brownie", "vanilla ice cream"),
        ("strawberry shortcake with whipped cream", "strawberry shortcake", "whipped cream"),
    ],
)
def test_ice_cream_with_a_dessert_is_eaten_too(text: str, dessert: str, topping: str) -> None:
    """ "Apple pie with ice cream" was a pie alone: the ice cream only described it."""
    first, second = parse_meal(text)
    assert (first.food, second.food) == (dessert, topping)
    (dish,) = parse_meal("a funnel cake with sugar")  # one FNDDS dish
    assert dish.food == "funnel cake with sugar"


def test_steak_and_eggs_is_both_foods() -> None:
    """ "Steak and eggs" was one phrase, read as one egg (50 g); in a burrito it stays one."""
    steak, eggs = parse_meal("steak and eggs for breakfast")
    assert (steak.food, eggs.food) == ("steak", "eggs")
    assert steak.meal == eggs.meal == "breakfast"
    (burrito,) = parse_meal("a steak and eggs burrito")
    assert burrito.food == "steak and eggs burrito"


def test_a_hot_dog_said_alone_is_the_one_in_its_bun() -> None:
    """FNDDS files "hot dog, NFS" under the frankfurter alone (57 g, 2 g carbohydrate)."""
    (one,) = parse_meal("a hot dog")
    two, mustard = parse_meal("two hot dogs with mustard")
    assert (one.food, two.food, two.quantity, mustard.food) == (
        "hot dog sandwich",
        "hot dog sandwiches",
        2,
        "mustard",
    )
    (bare,) = parse_meal("a hot dog without the bun")
    assert bare.food == "hot dog" and bare.excluded
    (turkey,) = parse_meal("a turkey hot dog")
    assert turkey.food == "turkey hot dog"


def test_a_topping_said_without_an_amount_knows_what_it_goes_with() -> None:
    """ "Toast with butter": the butter's amount is read off what it is spread on."""
    toast, butter = parse_meal("toast with butter")
    assert (toast.served_with, butter.served_with) == (None, "toast")
    _, measured = parse_meal("toast with 2 tbsp of butter")
    assert measured.served_with is None
    _, broccoli = parse_meal("grilled chicken and a side of steamed broccoli")
    assert broccoli.served_with is None


def test_a_string_cheese_is_counted_in_sticks() -> None:
    """ "A string cheese" was FNDDS's "1 string" (4.7 g) by the word in its name."""
    (one,) = parse_meal("a string cheese")
    (two,) = parse_meal("two string cheeses")
    assert (one.quantity, one.unit, two.quantity, two.unit) == (1, "stick", 2, "stick")
    (weighed,) = parse_meal("30 g of string cheese")
    assert weighed.unit == "g"


def test_granola_is_a_base_its_milk_goes_on() -> None:
    """ "A bowl of granola with almond milk" was one food, 488 g of almond milk."""
    granola, milk = parse_meal("a bowl of granola with almond milk")
    assert (granola.food, granola.unit, milk.food, milk.served_with) == (
        "granola",
        "bowl",
        "almond milk",
        "granola",
    )


def test_a_stack_of_pancakes_is_three() -> None:
    """ "A stack of pancakes" was one food called "stack pancakes", one pancake (50 g)."""
    pancakes, syrup = parse_meal("a stack of pancakes with syrup")
    assert (pancakes.food, pancakes.quantity, pancakes.unit) == ("pancakes", 3, "each")
    assert syrup.food == "syrup"


def test_each_drink_counted_gets_its_own_splash() -> None:
    """ "Two mugs of tea with milk" was one splash for both; the milk knows its drink."""
    tea, milk = parse_meal("two mugs of tea with milk")
    assert (tea.quantity, tea.unit) == (2, "mug")
    assert (milk.quantity, milk.unit, milk.served_with) == (2, "splash", "tea")
    milk_first, coffee = parse_meal("milk in my coffee")
    assert (milk_first.quantity, milk_first.served_with, coffee.food) == (1, None, "coffee")


def test_a_spread_on_a_sandwich_is_its_own_food() -> None:
    """FNDDS's sandwiches are bread and filling; "with mayo" was only a word of the search
    ("a large sub with mayo" read as 12 g of mayonnaise). Cheese is a sandwich record's own."""
    sandwich, mayo = parse_meal("a turkey sandwich with mayo")
    assert (sandwich.food, mayo.food, mayo.served_with) == (
        "turkey sandwich",
        "mayo",
        sandwich.food,
    )
    (cheese,) = parse_meal("a turkey sandwich with cheese")
    assert cheese.food == "turkey sandwich with cheese"


def test_every_topping_in_a_list_knows_its_base() -> None:
    """ "Toast with butter and jam": the jam goes on the toast too (it had no base before)."""
    _, butter, jam = parse_meal("two slices of toast with butter and jam")
    assert butter.served_with == jam.served_with == "toast"
    _, _, apple = parse_meal("toast with butter and an apple")
    assert apple.served_with is None


def test_a_sauce_on_a_vegetable_is_the_sauce_fndds_keeps_for_vegetables() -> None:
    """ "Broccoli with cheese" was broccoli cheese soup (255 g); "with cheese sauce" lost its
    sauce. FNDDS files it as "Cheese sauce, for use with vegetables"."""
    broccoli, sauce = parse_meal("broccoli with cheese")
    assert (broccoli.food, sauce.food) == ("broccoli", "cheese sauce for use with vegetables")
    assert sauce.served_with == "broccoli"
    _, cream = parse_meal("steamed green beans with white sauce")
    assert cream.food == "cream sauce for use with vegetables"
    (pizza,) = parse_meal("a pizza with broccoli and cheese")
    assert pizza.food == "pizza with broccoli and cheese"


def test_a_hot_dog_with_its_topping_is_still_in_its_bun() -> None:
    """ "A hot dog with chili" was FNDDS's "Chili hot dog, no bun"; the mustard on two hot dogs
    lost its base when they were renamed, and weighed one sandwich's worth."""
    (chili,) = parse_meal("a hot dog with chili")
    (dog,) = parse_meal("a chili dog")
    assert (chili.food, dog.food) == ("hot dog sandwich with chili", "chili dog sandwich")
    two, mustard = parse_meal("two hot dogs with mustard")
    assert mustard.served_with == two.food == "hot dog sandwiches"


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("a turkey and swiss on rye", "turkey and swiss sandwich on rye"),
        ("ham and cheese on a roll", "ham and cheese sandwich on roll"),
        ("tuna salad on whole wheat", "tuna salad sandwich on whole wheat"),
        ("butter on rye", "butter on rye"),  # a spread on bread is no sandwich of it
        ("a hot dog on a roll", "hot dog sandwich on roll"),  # a dish already
    ],
)
def test_a_deli_order_on_a_bread_is_a_sandwich(text: str, food: str) -> None:
    """ "Turkey on rye" was 85 g of turkey and "a turkey and swiss on rye" turkey + swiss."""
    assert [item.food for item in parse_meal(text)] == [food]


@pytest.mark.parametrize(
    ("text", "food", "shots"),
    [
        ("a double shot of espresso", "espresso", 2.0),
        ("two triple shots of vodka", "vodka", 6.0),
        ("a shot of tequila", "tequila", 1.0),
    ],
)
def test_a_double_shot_is_two_shots(text: str, food: str, shots: float) -> None:
    """It was one shot of a food called "double espresso"."""
    (item,) = parse_meal(text)
    assert (item.food, item.quantity, item.unit) == (food, shots, "shot")


@pytest.mark.parametrize(
    ("text", "foods"),
    [
        ("chips and salsa", ["tortilla chips", "salsa"]),
        ("chips and guac", ["tortilla chips", "guacamole"]),
        ("a bag of chips", ["chips"]),  # alone, chips are potato chips
    ],
)
def test_the_chips_of_a_dip_are_tortilla_chips(text: str, foods: list[str]) -> None:
    assert [item.food for item in parse_meal(text)] == foods


def test_relish_on_a_hot_dog_is_a_food_not_a_verb() -> None:
    """ "Relish" was a framing verb ("I relish ..."), so the condiment was dropped; the list
    "ketchup, mustard and relish" also crashed the dish-chain check once relish was a food."""
    foods = [i.food for i in parse_meal("a hot dog with ketchup, mustard and relish")]
    assert foods == ["hot dog sandwich", "ketchup", "mustard", "relish"]
    assert [i.food for i in parse_meal("I relished a sandwich")] == ["sandwich"]


@pytest.mark.parametrize(
    ("text", "food", "quantity", "unit"),
    [
        ("a bite of cake", "cake", 1.0, "bite"),  # was the typical 175-g piece
        ("a couple bites of mac and cheese", "mac and cheese", 2.0, "bite"),
        ("leftover pizza, 2 slices", "pizza", 2.0, "slice"),  # not a frozen pizza
        ("my wife's pasta", "pasta", None, None),
    ],
)
def test_a_bite_is_an_amount_and_leftovers_are_the_food(
    text: str, food: str, quantity: float | None, unit: str | None
) -> None:
    (item,) = parse_meal(text)
    assert (item.food, item.quantity, item.unit) == (food, quantity, unit)


def test_i_grabbed_a_quick_bite_names_no_food() -> None:
    assert parse_meal("I grabbed a quick bite") == []
