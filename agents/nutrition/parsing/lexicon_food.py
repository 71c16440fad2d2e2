"""Word lists about foods: compounds, preparations, sizes, fillers, bases and toppings.

These lists are the parser's domain knowledge. They are deliberately small and
explicit: a word missing here degrades gracefully (it stays in the food phrase, where
the later lookup stage can still match it).
"""

from __future__ import annotations

# Multi-word foods that contain a separator word ("and", "&", "with"): never split.
COMPOUND_FOODS: frozenset[str] = frozenset(
    {
        "peanut butter and jelly",
        "peanut butter & jelly",
        "pound cake",  # a cake, not a pound of cake
        "ben and jerry's",  # an ice cream, not Ben and Jerry
        "ben & jerry's",
        "ben and jerrys",
        "quarter pounder",  # McDonald's burger, not a quarter of a "pounder"
        "quarter pounders",
        "rice krispie treat",  # a food, though "a treat" alone is not
        "rice krispie treats",
        "rice krispies treat",
        "rice krispies treats",
        "rice crispy treat",
        "rice crispy treats",
        "krispie treat",
        "krispie treats",
        "pound cakes",
        "medium crust",
        "thin crust",
        "thick crust",
        "regular crust",
        "peanut butter and jam",
        "pb and j",
        "pb & j",
        "pb&j",
        "macaroni and cheese",
        "mac and cheese",
        "mac n cheese",
        "mac 'n cheese",
        "mac & cheese",
        "macaroni & cheese",
        "bread and butter pickles",
        "bread and butter pickle",
        "sweet and sour",
        "hot and sour",
        "sweet and salty",
        "sweet and spicy",
        "fish and chips",
        "chips and salsa",
        "chips and guacamole",
        "chips and guac",
        "chips and queso",
        "energy drink",  # both words alone are no food ("an energy boost", "a drink")
        "salt and vinegar",
        "salt and pepper",
        "half and half",
        "half & half",
        "sour cream and onion",
        "cheese and onion",
        "cookies and cream",
        "cookies 'n cream",
        "cookies n cream",
        "biscuits and gravy",
        "biscuit and gravy",
        "rice and beans",
        "beans and rice",
        "pork and beans",
        "franks and beans",
        "beans and franks",
        "spaghetti and meatballs",
        "chicken and dumplings",
        "chicken and waffles",
        "ham and cheese",
        "bacon egg and cheese",
        "bacon, egg and cheese",
        "bacon, egg, and cheese",
        "sausage egg and cheese",
        "sausage, egg and cheese",
        "sausage, egg, and cheese",
        "egg and cheese",
        "sausage and cheese",
        "bacon and cheese",
        "turkey and cheese",
        "ham and swiss",
        "turkey and swiss",
        "turkey and cheddar",
        "ham and cheddar",
        "roast beef and cheddar",
        "roast beef and swiss",
        "fruit and nut",
        "fruit and nuts",
        "nuts and seeds",
        "oil and vinegar",
        "lettuce and tomato",
        "bacon lettuce and tomato",
        "bacon, lettuce and tomato",
        "bacon, lettuce, and tomato",
        "strawberries and cream",
        "peaches and cream",
        "surf and turf",
        "corned beef and cabbage",
        "liver and onions",
        "bangers and mash",
        "beef and broccoli",
        "chicken and broccoli",
        "shrimp and grits",
        "peppers and onions",
        "black and white",
        "honey and oat",
        "oats and honey",
        "apples and cinnamon",
        "apple and cinnamon",
        "maple and brown sugar",
        "cinnamon and sugar",
        "spinach and artichoke",
        "spinach and cheese",
        "beef and pork",
        "pork and beef",
        "chicken and turkey",
        "turkey and chicken",
        "chicken and vegetable",
        "chicken and vegetables",
        "beef and vegetable",
        "vegetable and beef",
        "chicken and rice",
        "chicken with rice",
        "chicken with rice soup",
        "chicken and noodles",
        "chicken and dumpling",
        "beef and bean",
        "bean and cheese",
        "beans and cheese",
        "meat and cheese",
        "chicken and cheese",
        "steak and cheese",
        "steak and eggs",
        "ham and egg",
        "bacon and egg",
        "peanut butter and banana",
        "fruit leather and fruit snacks",
        "whiskey and water",
        "whiskey and soda",
        "whiskey and ginger ale",
        "whiskey and cola",
        "rum and coke",
        "rum and cola",
        "gin and tonic",
        "vodka and tonic",
        "vodka and soda",
        "scotch and soda",
        "bourbon and coke",
        "jack and coke",
        "m&m's",
        "m&ms",
        "m&m",
        "a&w",
        "big mac",
        "little debbie",
        "big hunk",
        "big red",
    }
)

# Cooking methods reported in ``ParsedItem.preparation`` (value = canonical spelling).
PREPARATIONS: dict[str, str] = {
    "scrambled": "scrambled",
    "fried": "fried",
    "deep-fried": "deep-fried",
    "pan-fried": "pan-fried",
    "stir-fried": "stir-fried",
    "air-fried": "air-fried",
    "baked": "baked",
    "grilled": "grilled",
    "boiled": "boiled",
    "hard-boiled": "hard-boiled",
    "soft-boiled": "soft-boiled",
    "hardboiled": "hard-boiled",
    "poached": "poached",
    "raw": "raw",
    "uncooked": "raw",
    "cooked": "cooked",
    "steamed": "steamed",
    "roasted": "roasted",
    "oven-roasted": "roasted",
    "mashed": "mashed",
    "toasted": "toasted",
    "broiled": "broiled",
    "sauteed": "sauteed",
    "sautéed": "sauteed",
    "braised": "braised",
    "barbecued": "barbecued",
    "breaded": "breaded",
    "battered": "battered",
    "microwaved": "microwaved",
    "reconstituted": "reconstituted",
    "blanched": "blanched",
    "seared": "seared",
    "pan-seared": "seared",
    "stewed": "stewed",
    "charred": "charred",
    "fresh": "fresh",
    "sliced": "sliced",
    "diced": "diced",
    "chopped": "chopped",
    "shredded": "shredded",
    "grated": "grated",
    "melted": "melted",
    "drained": "drained",
    "marinated": "marinated",
    "over-easy": "fried",  # how eggs are ordered is how they are cooked
    "over-medium": "fried",
    "over-hard": "fried",
    "sunny-side-up": "fried",
    "microwave-cooked": "microwaved",
}
# "hard boiled" written as two words.
PREP_PREFIXES: dict[tuple[str, str], str] = {
    ("hard", "boiled"): "hard-boiled",
    ("soft", "boiled"): "soft-boiled",
    ("deep", "fried"): "deep-fried",
    ("pan", "fried"): "pan-fried",
    ("stir", "fried"): "stir-fried",
    ("air", "fried"): "air-fried",
}
# Dishes named for what they are served in: "a chicken burrito bowl" is a bowl of that dish.
SERVING_DISHES: frozenset[str] = frozenset(
    {
        "burrito bowl", "ramen bowl", "rice bowl", "poke bowl", "acai bowl", "grain bowl",
        "smoothie bowl", "buddha bowl", "power bowl", "noodle bowl", "bread bowl", "taco bowl",
    }
)  # fmt: skip
# Dishes whose name contains a preparation word: the word also stays in the food phrase.
FIXED_DISHES: frozenset[str] = frozenset(
    {
        "grilled cheese",
        "fried rice",
        "mashed potato",
        "mashed potatoes",
        "baked beans",
        "fried dough",
        "fried pie",
        "fried pies",
        "scrambled tofu",
        "toasted oats",
        "roasted peanuts",
        "fried plantains",
        "boiled peanuts",
        "melted cheese",
    }
)

# Size words reported in ``ParsedItem.size`` (value = canonical spelling).
SIZES: dict[str, str] = {
    "small": "small",
    "medium": "medium",
    "large": "large",
    "extra-large": "extra large",
    "xl": "extra large",
    "jumbo": "jumbo",
    "mini": "mini",
    "miniature": "mini",
    "tiny": "small",
    "little": "small",
    "regular": "regular",
    "generous": "generous",
    "big": "large",
    "huge": "large",
    "giant": "jumbo",
    "king-size": "king-size",
    "king-sized": "king-size",
    "fun-size": "fun-size",
    "fun-sized": "fun-size",
    "snack-size": "snack-size",
    "snack-sized": "snack-size",
    "bite-size": "bite-size",
    "bite-sized": "bite-size",
    "breakfast-size": "breakfast-size",
    "breakfast-sized": "breakfast-size",
    "bun-size": "bun-size",
    "bun-sized": "bun-size",
    "individual": "individual",
    "single-serving": "single-serving",
    "grande": "medium",  # a coffee shop's 16 fl oz, FNDDS's medium cup of coffee
    "venti": "large",  # its 20 fl oz (24 iced), FNDDS's large
    "single-serve": "single-serving",
    "personal": "personal",
    "personal-size": "personal",
    "personal-sized": "personal",
    "family-size": "family-size",
    "footlong": "footlong",
    "foot-long": "footlong",
    "medium-sized": "medium",
    "small-sized": "small",
    "large-sized": "large",
    "regular-sized": "regular",
    "regular-size": "regular",
    "full-size": "regular",
    "full-sized": "regular",
    "heaping": "heaping",
    "heaped": "heaping",
    "level": "level",
    "double": "double",
    "triple": "triple",
    "kid-size": "kid-size",
    "child-size": "kid-size",
    "larger": "large",
    "smaller": "small",
    "bigger": "large",
}
SIZE_PAIRS: dict[tuple[str, str], str] = {
    ("extra", "large"): "extra large",
    ("single", "serving"): "single-serving",
    ("king", "size"): "king-size",
    ("fun", "size"): "fun-size",
    ("snack", "size"): "snack-size",
    ("personal", "size"): "personal",
    ("family", "size"): "family-size",
    ("bite", "size"): "bite-size",
    ("extra", "small"): "extra small",
}
# "double"/"triple" are part of the food in "double cheeseburger", "triple-decker".
SIZE_KEEP_IN_FOOD: frozenset[str] = frozenset({"double", "triple"})
# Sizes that name a portion: "filled with a bun-size sausage" states the sausage's amount.
PORTION_SIZES: frozenset[str] = frozenset(
    {
        "bun-size",
        "breakfast-size",
        "fun-size",
        "snack-size",
        "bite-size",
        "king-size",
        "individual",
        "single-serving",
        "family-size",
        "kid-size",
    }
)

# Adjectives and adverbs that do not change the food (dropped from the food phrase).
FILLERS: frozenset[str] = frozenset(
    """leftover leftovers delicious tasty satisfying refreshing comforting delightful
    delectable hearty warm
    chilled cool ice-cold icy nice juicy zesty crispy crisp fluffy flaky ripe rich decadent
    bubbly fizzy soothing robust savory savoury luscious classic favorite favourite yummy
    scrumptious mouthwatering mouth-watering wholesome nutritious healthy simple perfect
    lovely great good fine tangy succulent fragrant aromatic flavorful flavourful vibrant
    colorful colourful steaming piping toasty golden invigorating energizing hydrating
    indulgent sumptuous tempting velvety silky freshly perfectly nicely
    beautifully expertly simply really very super single entire full tall quick casual
    fancy interesting enjoyable gourmet premium artisanal organic traditional authentic
    famous local substantial hefty modest bright cozy divine heavenly exquisite
    irresistible well-deserved sweet cold convenient nourishing thick creamy crunchy smooth
    chunky trusty
    beloved go-to usual customary typical standard fantastic wonderful amazing
    awesome excellent superb generously small-batch pure bountiful
    plump fresh-baked freshly-baked """.split()
)
# Fillers that do change the food right before these words ("creamy peanut butter").
FILLER_KEEP_BEFORE: dict[str, frozenset[str]] = {
    "creamy": frozenset({"peanut butter", "peanut", "soup", "dressing"}),
    "crunchy": frozenset({"peanut butter", "peanut"}),
    "smooth": frozenset({"peanut butter", "peanut"}),
    "chunky": frozenset({"peanut butter", "peanut", "soup", "salsa"}),
    "thick": frozenset({"crust", "crust pizza"}),
    "crispy": frozenset({"chicken", "bacon", "taco", "rice", "tacos", "duck"}),
    "pure": frozenset({"maple"}),
    "cold": frozenset({"brew", "cuts", "cut", "cereal", "cereals"}),
    "cool": frozenset({"ranch", "whip"}),
    "sweet": frozenset(
        {
            "potato",
            "potatoes",
            "tea",
            "corn",
            "roll",
            "rolls",
            "pickle",
            "pickles",
            "cherries",
            "cherry",
            "pepper",
            "peppers",
            "onion",
            "onions",
            "relish",
            "bread",
            "plantain",
            "plantains",
            "and sour",
            "sweet and sour",
            "and salty",
            "sweet and salty",
            "and spicy",
            "sweet and spicy",
            "potato fries",
            "rice",
        }
    ),
}

FILED_AS: dict[str, str] = {
    "hot dog": "hot dog sandwich",
    "hot dogs": "hot dog sandwiches",
    "chili dog": "chili dog sandwich",
    "chili dogs": "chili dog sandwiches",
}
"""A food said alone (or with what tops it) as USDA files what is meant: a hot dog is eaten
in its bun (FNDDS's "Hot dog, NFS", filed under the bare phrase, is the frankfurter alone;
"Chili hot dog, no bun" answered "a hot dog with chili")."""

COUNTED_IN: dict[str, str] = {
    "string cheese": "stick", "string cheeses": "stick",
    "sugar": "packet", "sugars": "packet", "sweetener": "packet", "sweeteners": "packet",
}  # fmt: skip
"""The unit a food is counted in when only a count is said: a string cheese is FNDDS's
"1 stick" (28 g), not the "1 string" pulled off one (4.7 g) its name seems to ask for;
"coffee with 2 sugars" is two packets (3.5 g each), not twice its typical 8 g."""

FISH: frozenset[str] = frozenset(
    """salmon tuna ahi cod halibut tilapia swordfish trout mahi mahi-mahi snapper bass
    haddock pollock catfish flounder sole grouper mackerel branzino barramundi hake perch
    pike walleye char sablefish monkfish""".split()
)


def is_fish(food: str) -> bool:
    """Whether a food phrase names a fish ("grilled salmon", "fish")."""
    last = food.rsplit(" ", 1)[-1]
    return last in FISH or last == "fish"


FISH_CUTS: dict[str, str] = {
    "fillet": "fillet", "fillets": "fillet", "filet": "fillet", "filets": "fillet",
    "steak": "steak", "steaks": "steak",
}  # fmt: skip
"""A fish's cut is its unit: "a cod fillet" is one fillet of cod (FNDDS '1 fillet, any size',
140 g), not the whole fish (420 g); "a tuna steak" is tuna, not FNDDS's beef "Steak"."""

# Dishes USDA files as two foods, each counted on its own.
EATEN_AS_TWO: dict[str, tuple[str, str]] = {
    "fish and chips": ("fried fish", "french fries"),
    "steak and eggs": ("steak", "eggs"),  # fused for "a steak and eggs burrito"
    "chicken and waffles": ("fried chicken", "waffles"),
    # the chips of a dip are tortilla chips (alone, "chips" are potato chips)
    "chips and salsa": ("tortilla chips", "salsa"),
    "chips and guacamole": ("tortilla chips", "guacamole"),
    "chips and guac": ("tortilla chips", "guacamole"),
    "chips and queso": ("tortilla chips", "cheese dip"),
}

# "X with Y" splits into two items when X is a plain base and Y a topping (see segment.py).
BASES: frozenset[str] = frozenset(
    """toast bread bagel bagels muffin muffins pancake pancakes waffle waffles cracker
    crackers biscuit biscuits croissant croissants scone scones roll rolls oatmeal cereal
    porridge grits coffee tea espresso potato potatoes fries hot-dog frankfurter apple
    apples celery banana bananas yogurt yoghurt salad pretzel pretzels chips carrots
    vegetables veggies corn popcorn cheerios flakes chili granola muesli""".split()
) | frozenset(
    {
        "english muffin",
        "rice cake",
        "rice cakes",
        "ice cream",
        "hot dog",
        "hot dogs",
        "french toast",
        "sweet potato",
        "baked potato",
        "tortilla chips",
    }
)
TOPPINGS: frozenset[str] = frozenset(
    """butter margarine jam jelly preserves marmalade honey syrup nutella milk sugar
    sweetener creamer cream ketchup mustard mayonnaise mayo relish salsa hummus dressing
    ranch avocado lemon sprinkles granola guacamole cheese""".split()
) | frozenset(
    {
        "peanut butter",
        "almond butter",
        "cream cheese",
        "sour cream",
        "half and half",
        "half & half",
        "whipped cream",
        "hot sauce",
        "soy sauce",
        "bbq sauce",
        "chocolate syrup",
        "chocolate sauce",
        "maple syrup",
        "olive oil",
    }
)
# "apple pie with ice cream": a dessert and the scoop beside it ("funnel cake with sugar" is
# one FNDDS dish: sugar is no dessert topping here)
DESSERT_BASES: frozenset[str] = frozenset(
    """pie cake brownie brownies cobbler crumble crisp shortcake waffle waffles""".split()
)
DESSERT_TOPPINGS: frozenset[str] = frozenset(
    {"ice cream", "whipped cream", "frozen yogurt", "gelato"}  # "vanilla ice cream" ends so
)
# "a turkey sandwich with mayo": FNDDS's sandwiches are bread and filling; the spread is its
# own food, with a guideline amount per sandwich ("a sandwich with cheese" stays one dish)
SANDWICHES: frozenset[str] = frozenset(
    """sandwich sandwiches sub subs hoagie hoagies burger burgers hamburger hamburgers
    cheeseburger cheeseburgers wrap wraps panini""".split()
)
SANDWICH_FILLINGS: frozenset[str] = frozenset(
    """lettuce tomato tomatoes onion onions cucumber cucumbers avocado mushroom mushrooms
    pepper peppers spinach bacon""".split()
)
# FNDDS keeps these "for use on a sandwich" ("Tomatoes, for use on a sandwich": 20 g on a
# regular sandwich, 40 g on a large one), not as the 90-g tomato eaten on its own
SANDWICH_SPREADS: frozenset[str] = frozenset(
    """mayo mayonnaise mustard ketchup relish""".split()
) | frozenset({"bbq sauce", "barbecue sauce", "tartar sauce", "horseradish sauce"})
# "broccoli with cheese sauce": FNDDS keeps sauces for vegetables as their own records
# ("Cheese sauce, for use with vegetables", 60 g per cup of vegetable); "broccoli with
# cheese" means that sauce too, not broccoli cheese soup
SAUCED_VEGETABLES: frozenset[str] = frozenset(
    """broccoli cauliflower asparagus carrots peas spinach zucchini vegetables veggies""".split()
) | frozenset({"green beans", "brussels sprouts", "mixed vegetables"})
VEGETABLE_SAUCES: dict[str, str] = {
    "cheese": "cheese sauce for use with vegetables",
    "cheese sauce": "cheese sauce for use with vegetables",
    "cream sauce": "cream sauce for use with vegetables",
    "white sauce": "cream sauce for use with vegetables",
}
# "oatmeal with blueberries": fruit on a breakfast base is its own item; "yogurt with fruit"
# and "a muffin with blueberries" stay one food (fruit yogurt, a blueberry muffin).
FRUIT_BASES: frozenset[str] = frozenset(
    """oatmeal porridge cereal pancake pancakes waffle waffles grits toast""".split()
) | frozenset({"french toast", "ice cream"})
FRUIT_TOPPINGS: frozenset[str] = frozenset(
    """blueberries strawberries raspberries blackberries berries banana bananas raisins
    peaches cherries""".split()
) | frozenset({"sliced banana", "sliced bananas", "sliced strawberries"})
# "grilled chicken with steamed broccoli": a side after "with" is its own item ...
SIDES: frozenset[str] = frozenset(
    """broccoli fries salad potatoes potato vegetables veggies corn coleslaw asparagus
    carrots peas spinach rice quinoa couscous bulgur farro polenta zucchini cauliflower
    kale""".split()
) | frozenset(
    {
        "green beans",
        "brussels sprouts",
        "sweet potato",
        "sweet potatoes",
        "french fries",
        "mashed potatoes",
        "side salad",
        "baked potato",
        "potato chips",
        "tortilla chips",
    }
)
# ... unless the dish before it already contains it ("vegetable curry with rice").
CONTAINING_DISHES: frozenset[str] = frozenset(
    """curry stew soup casserole burrito burritos taco tacos enchilada enchiladas quesadilla
    wrap bowl omelet omelette pasta noodles stir-fry pizza nachos pie quiche frittata
    lasagna risotto skillet hash chili gumbo jambalaya paella""".split()
)
# Breads served beside a dish, which no dish contains ("chicken curry with naan").
BREAD_SIDES: frozenset[str] = frozenset(
    """naan nan pita roti chapati chapatti cornbread breadsticks breadstick crackers
    tortillas""".split()
) | frozenset({"garlic bread", "dinner roll", "dinner rolls", "pita bread"})
BREAKFAST_SIDES: frozenset[str] = frozenset(
    {"toast", "hash browns", "hash brown", "home fries", "tater tots"}
)
"""Sides no dish holds either: "an omelette with toast", "eggs with hash browns"."""
# Bases a food is put on and eaten with, never one dish with it ("avocado on toast").
SERVED_ON: frozenset[str] = frozenset(
    {"toast", "bagel", "bagels", "cracker", "crackers", "rice cake", "rice cakes"}
)
# Hot drinks and what lightens them: a splash, not a glass ("coffee with milk").
HOT_DRINKS: frozenset[str] = frozenset({"coffee", "tea", "espresso", "americano", "chai"})
STIRRED_IN: frozenset[str] = frozenset({"milk", "cream", "creamer", "half-and-half"})
# Heads of composed dishes: "chicken, bacon, and tomato club sandwich" is one item.
DISH_HEADS: frozenset[str] = frozenset(
    """sandwich sandwiches sub hoagie burger hamburger cheeseburger wrap burrito taco tacos
    quesadilla pizza omelet omelette salad soup stew casserole pie quiche panini melt
    club pita frittata stir-fry curry bowl platter skewer kabob kebab bar smoothie shake
    milkshake muffin cookie cookies cake pudding dip mix nachos fajitas enchilada
    enchiladas lasagna noodles bagel biscuit croissant roll tart parfait food meal dinner
    entree platter""".split()
)
# Nouns ending in "-ing" that are foods, not verbs ("pudding", "chicken wings").
ING_FOODS: frozenset[str] = frozenset(
    """pudding puddings stuffing dressing frosting icing filling fillings topping toppings
    dumpling dumplings seasoning shortening herring whiting breading wing wings ring rings
    string strings darjeeling riesling yuengling ling pierogi chewing whipping baking
    dipping cooking sparkling drinking rising spring king teething""".split()
)
# Attributes that may trail an item after a comma ("fried chicken breast, skinless").
TRAILING_ATTRIBUTES: frozenset[str] = frozenset(
    """skinless boneless skin-on bone-in unsalted salted sugar-free unsweetened sweetened
    decaf decaffeinated low-fat nonfat non-fat fat-free skim lean plain sauce-free
    caffeine-free gluten-free crust-free crustless""".split()
)
# Food phrases made only of these words are not foods ("I went for a run").
NON_FOOD: frozenset[str] = frozenset(
    """meal meals food treat treats combo combination day morning afternoon evening night
    it them everything all something nothing run walk jog workout exercise gym ride hike
    swim nap sleep meeting class work school office break time cravings craving tooth
    energy boost hydration pick-me-up spot flavor flavors taste touch bit lot variety
    selection assortment portion serving amount size one ones thing things stuff extras
    kick start addition finish choice option way side run running walking stroll
    dessert mood feeling memories sweetness richness crunch creaminess goodness zing
    twist tang warmth comfort indulgence satisfaction refreshment fuel pick-up drink
    beverage bite refreshments nibble sip keep it hydrated energized part myself
    ourselves experience feeding infant hint favorites favourites other staples while
    thirst tv television netflix""".split()
)
# A food phrase whose head noun is one of these is not a food ("a fast food experience").
NON_FOOD_HEADS: frozenset[str] = frozenset(
    """experience treat treats combo combination addition start choice option
    way boost pick-me-up twist touch moment feeling finish kick delight favorites
    favourites staples goodies""".split()
)

# Drinks: "oz" means fluid ounces for them, and "X with <drink>" is two items.
BEVERAGES: frozenset[str] = frozenset(
    """water soda cola coke pepsi juice milk coffee tea beer wine drink drinks smoothie shake
    milkshake lemonade ale cider pop latte cappuccino espresso kombucha punch cocoa liquor
    whiskey whisky vodka rum gin tequila champagne margarita lager stout seltzer tonic
    soymilk broth nog eggnog frappuccino mocha americano macchiato sprite ginger-ale
    gatorade powerade kefir lassi""".split()
) | {"energy drink"}  # one fused word (COMPOUND_FOODS)
