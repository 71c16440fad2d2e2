"""Property-based fuzzing of the meal parser: any text of meal-like words parses, never raises.

The parser is rules over word lists; a list ending where a rule did not expect it once
raised IndexError ("... mustard and relish"), a 500 for the API. Texts here are drawn from
the words the rules look at (foods, connectors, amounts, units, meal words, punctuation),
derandomized so the run is the same every time.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agents.nutrition.parsing import parse_meal

WORDS = """a an the and or with without on in of for at during to topped served filled made
loaded mixed drizzled smothered dipped half 1/2 ½ 2 one two three dozen few couple some cup
cups tbsp tsp oz g ml fl slice slices piece bowl plate glass can bottle bag handful shot double
large small medium big i had ate enjoyed relish relished breakfast lunch dinner snack brunch
eggs toast butter jam coffee milk cream sugar tea honey lemon salad chicken tomatoes cucumbers
ranch dressing pasta broccoli parmesan rice beans cheese burger lettuce tomato onion mustard
ketchup mayo hot dog sandwich sub turkey rye wheat roll bun pizza taco burrito soup smoothie
banana apple oatmeal yogurt granola chips salsa fries steak potato baked grilled fried
scrambled pita hummus carrots espresso vodka mac peanut jelly club bacon salt pepper
cinnamon""".split()
PUNCT = [",", ".", ";", ":", "!", "\n", "-", "&", "(", ")"]


@settings(
    max_examples=1500,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.sampled_from(WORDS + PUNCT), min_size=1, max_size=18))
def test_meal_like_text_always_parses_into_spans_of_itself(words: list[str]) -> None:
    text = " ".join(words)
    for item in parse_meal(text):
        assert item.food.strip(), item
        assert item.text in text, (item.text, text)
        assert item.quantity is None or item.quantity > 0, item
