"""Word lists about the sentence frame around foods: meals, verbs, separators, trailers.

Everything here is *not* food: the words that introduce an item ("I enjoyed"), join
items ("paired with"), or trail after one ("perfect for satisfying my cravings").
"""

from __future__ import annotations

MEAL_WORDS: dict[str, str] = {
    "breakfast": "breakfast",
    "brunch": "breakfast",
    "lunch": "lunch",
    "lunchtime": "lunch",
    "dinner": "dinner",
    "dinnertime": "dinner",
    "supper": "dinner",
    "suppertime": "dinner",
    "snack": "snack",
    "snacks": "snack",
    "snacktime": "snack",
    "snack-time": "snack",
    "snacked": "snack",
    "snacking": "snack",
}
MEAL_PAIRS: dict[tuple[str, str], str] = {
    ("midday", "meal"): "lunch",
    ("morning", "meal"): "breakfast",
    ("evening", "meal"): "dinner",
    ("night", "meal"): "dinner",
}
# A meal word is a mention (not "breakfast sausage", "snack mix") when followed by these.
MEAL_FOLLOW: frozenset[str] = frozenset(
    """time today tonight yesterday this break was is were consisted consists consisting
    included includes including featured features featuring comprised ritual i we my and
    of at on with that in which while before after to today's break spread options
    routine menu meal i'd i've tray plate""".split()
)
# Words eaten together with a meal mention ("for a quick snack", "lunch was").
MEAL_FRAME_BEFORE: frozenset[str] = frozenset(
    """for at during as my our a an the this that today's todays quick light late late-night
    afternoon morning evening midday mid-afternoon mid-morning midnight casual small big
    early simple sweet savory healthy hearty satisfying nice delicious delightful little
    post-workout pre-workout work office packed nutritious tasty perfect balanced
    relaxing leisurely lazy sunday weekend weekday typical usual mid-day tonight's
    yesterday's morning's evening's afternoon's night's""".split()
)
MEAL_FRAME_AFTER: frozenset[str] = frozenset(
    """time today tonight yesterday this morning afternoon evening break ritual was is were
    consisted consists consisting included includes including featured features featuring
    comprised of : - today's routine menu tray plate""".split()
)
# Words that only introduce an item; stripped from the left of a segment.
INTRO_WORDS: frozenset[str] = frozenset(
    """i we me myself ourselves you he she they it had have has was were is am be been did
    do does also then just finally first later again really even still always usually
    quickly happily gladly eagerly simply decided opted chose choose picked grabbed ate
    eat eaten drank sip sipped enjoy enjoyed savored savoured relished indulged treated
    munched feasted devoured consumed tried made prepared started kicked began begin love
    like loved wanted went got get took take bought ordered fixed whipped threw put poured
    peeled opened reached added followed washed down off up out all with on in to for of
    at day morning mornings today tonight this afternoon evening yesterday earlier after
    before that which there here so and or but too next as well both around noon then
    delighted couldn't could resist finishing finish finished having went go going felt
    feel chowed dug into onto some time my our favorite favourite during indulge treat
    savor savour grab munch meal meals menu quite rather pretty found came saw
    thought brought kept sat gave left ran reaching toddler son daughter child kid kids
    husband wife family kid's son's daughter's child's husband's wife's friend's mom's dad's
    partner's roommate's sure include about roughly approximately approx nearly almost
    maybe perhaps probably""".split()
)
PRONOUNS: frozenset[str] = frozenset({"i", "we", "he", "she", "they", "i'd", "i've"})
# Items are never introduced by these, so a segment starting with one trails the previous.
TRAILER_STARTS: frozenset[str] = frozenset(
    """perfect ideal which that who fully all right straight just making providing giving
    bringing keeping offering so because since as making ensuring leaving
    adding complete making sure to for really it this what while weighing weighed
    totaling totalling specifically namely particularly especially known the ready""".split()
)
# A food phrase ends where one of these starts (after at least one food word).
OUTRO_WORDS: frozenset[str] = frozenset(
    """for to which that who while making providing giving bringing keeping offering
    featuring as all right straight just so because since today tonight yesterday this
    after before was were is it at during when until complete perfect ideal
    weighing weighed totaling totalling ensuring leaving really i we over known into
    last""".split()
)
# Phrases that always separate two items; "*ed"/"*ing" match any verb form.
SEPARATORS: tuple[tuple[str, ...], ...] = (
    ("along", "with"),
    ("alongside", "of"),
    ("alongside",),
    ("paired", "with"),
    ("accompanied", "by"),
    ("accompanied", "with"),
    ("complemented", "by"),
    ("complemented", "with"),
    ("together", "with"),
    ("enjoyed", "with"),
    ("savored", "with"),
    ("followed", "by"),
    ("as", "well", "as"),
    ("plus",),
    ("and", "then"),
    ("then",),
    ("besides",),
    ("in", "addition", "to"),
    ("served", "alongside"),
    ("*ed", "alongside"),
    ("complemented", "perfectly", "by"),
    ("paired", "perfectly", "with"),
    ("with", "a", "side", "of"),
    ("with", "sides", "of"),
    ("*ed", "it", "all", "down", "with"),
    ("*ed", "it", "down", "with"),
    ("*ed", "it", "off", "with"),
    ("*ed", "it", "up", "with"),
    ("*ed", "it", "with"),
    ("*ing", "it", "down", "with"),
    ("*ing", "it", "with"),
    ("*ing", "it", "all", "down", "with"),
    ("*ed", "off", "with"),
    ("*ed", "down", "with"),
    ("chased", "with"),
    ("*ed", "my", "meal", "with"),
    ("*ed", "the", "meal", "with"),
    ("while", "also", "*ing", "on"),
    ("while", "also", "*ing", "in"),
    ("while", "also", "*ing"),
    ("while", "*ing", "*ed", "with"),
    ("while", "*ing", "on"),
    ("while", "*ing", "in"),
    ("while", "*ing", "with"),
    ("while", "*ing"),
    ("next", "to"),
    ("which", "included"),
    ("that", "included"),
    ("which", "includes"),
    ("which", "consisted", "of"),
    ("that", "consisted", "of"),
    ("which", "featured"),
    ("that", "featured"),
)
# "X <connector> Y": Y describes X, unless Y has its own amount (then two items).
WITH_CONNECTORS: tuple[tuple[str, ...], ...] = (
    ("topped", "off", "with"),
    ("topped", "with"),
    ("drizzled", "with"),
    ("spread", "with"),
    ("served", "with"),
    ("filled", "with"),
    ("loaded", "with"),
    ("stuffed", "with"),
    ("garnished", "with"),
    ("sweetened", "with"),
    ("flavored", "with"),
    ("flavoured", "with"),
    ("enhanced", "with"),
    ("mixed", "with"),
    ("mixed", "into"),
    ("blended", "into"),
    ("swirled", "into"),
    ("stirred", "into"),
    ("added", "to"),
    ("sprinkled", "with"),
    ("dipped", "in"),
    ("dunked", "in"),
    ("coated", "with"),
    ("coated", "in"),
    ("covered", "in"),
    ("covered", "with"),
    ("smothered", "in"),
    ("smothered", "with"),
    ("dressed", "with"),
    ("enhanced", "by"),
    ("nestled", "in"),
    ("nestled", "into"),
    ("nestled", "inside"),
    ("wrapped", "inside"),
    ("tucked", "inside"),
    ("wrapped", "in"),
    ("tucked", "into"),
    ("tucked", "in"),
    ("served", "on"),
    ("served", "in"),
    ("slathered", "in"),
    ("slathered", "with"),
    ("smeared", "with"),
    ("bursting", "with"),
    ("adding",),
    ("using",),
    ("with",),
    ("on",),
    ("in",),
)
# Connectors that list ingredients of the dish: never split, even before "and a ...".
INGREDIENT_CONNECTORS: tuple[tuple[str, ...], ...] = (
    ("made", "with"),
    ("made", "from"),
    ("made", "using"),
    ("prepared", "with"),
    ("prepared", "from"),
    ("prepared", "using"),
    ("crafted", "with"),
    ("crafted", "from"),
    ("cooked", "with"),
    ("cooked", "in"),
    ("sauteed", "in"),
    ("fried", "in"),
    ("combined", "with"),
    ("combining",),
    ("consisting", "of"),
    ("containing",),
)
# Exclusions ("without the skin", "with no added fat") go to ``ParsedItem.excluded``.
EXCLUSION_WORDS: frozenset[str] = frozenset(
    {"without", "excluding", "exclude", "omitting", "omit", "except", "minus", "sans", "no"}
)
# After an item, these start a description of it (", featuring egg and cheese").
DESCRIBING_WORDS: frozenset[str] = frozenset({"featuring", "including", "showcasing", "boasting"})
# A clause-opening phrase starting with these and holding no amount is only a frame
# ("To brighten my day,", "For a quick pick-me-up,").
PURPOSE_WORDS: frozenset[str] = frozenset(
    """to for this perfect which so because since as at during after before in while""".split()
)
