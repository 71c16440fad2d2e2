"""Rule-based meal-text parser: free text in, one ``ParsedItem`` per food out.

No model and no network: a tokenizer, word lists and a handful of rules (see
``segment.py`` for how items are split, ``amounts.py`` for how amounts are read).

Conventions worth knowing:

* Vague counts read as: "a couple" = 2, "a few" / "several" / "a stack" = 3, "a dozen" = 12.
* ``mass_g`` / ``volume_ml`` are the item's total explicit amount; "oz" is fluid ounces
  for drinks ("a 12 oz can of cola") and ounces by weight otherwise.
* A meal word applies to every item of its clause and carries on to later clauses until
  the next meal word. "this morning" is not a meal slot; "brunch" counts as breakfast.
* Text without any food ("I went running") gives no items; unknown words that look like a
  food phrase are returned as items and left for the lookup stage to flag.
"""

from agents.nutrition.parsing.model import ParsedItem
from agents.nutrition.parsing.parser import parse_meal

__all__ = ["ParsedItem", "parse_meal"]
