"""Turn a dataset spec string into a loader, so CLIs and CI name datasets uniformly.

Accepted specs::

    nutribench:PATH                 NutriBench CSV (mode guessed from the name)
    nutrition5k:PATH[:grams]        Nutrition5k dish metadata, ingredients with grams
    nutrition5k:PATH:names-only     ... ingredient names only (portion estimation)
    builtin[:NAME]                  evals/datasets/NAME.csv (default builtin_meals)
    food-search[:PATH]              labelled food-search phrases
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from evals.loaders._rows import DatasetError
from evals.loaders.builtin import DEFAULT_NAME, builtin_path, load_builtin
from evals.loaders.food_search import DEFAULT_PATH, load_food_search
from evals.loaders.nutribench import load_nutribench
from evals.loaders.nutrition5k import MODES, load_nutrition5k
from evals.types import FoodSearchLoadResult, LoadResult

Kind = Literal["nutribench", "nutrition5k", "builtin", "food-search"]


@dataclass(frozen=True, slots=True)
class DatasetLoader:
    """A parsed spec: what to load, from where, in which mode."""

    spec: str
    kind: Kind
    path: Path
    mode: str | None = None

    @property
    def is_food_search(self) -> bool:
        """Food-search datasets hold phrases, not meals, and need another runner."""
        return self.kind == "food-search"

    def load_meals(self) -> LoadResult:
        """Load a meal dataset (everything but ``food-search``)."""
        if self.kind == "nutribench":
            return load_nutribench(self.path)
        if self.kind == "nutrition5k":
            return load_nutrition5k(
                self.path, "names-only" if self.mode == "names-only" else "grams"
            )
        if self.kind == "builtin":
            return load_builtin(self.path)
        raise DatasetError(f"{self.spec!r} is a food-search dataset; use load_cases()")

    def load_cases(self) -> FoodSearchLoadResult:
        """Load a food-search dataset."""
        if self.kind != "food-search":
            raise DatasetError(f"{self.spec!r} is a meal dataset; use load_meals()")
        return load_food_search(self.path)

    def __call__(self) -> LoadResult | FoodSearchLoadResult:
        """Load whatever the spec names."""
        return self.load_cases() if self.is_food_search else self.load_meals()


def parse_dataset_spec(spec: str) -> DatasetLoader:
    """Parse a dataset spec string (see module docstring).

    Raises:
        DatasetError: For an unknown kind, a missing path or an unknown mode.
    """
    kind, _, rest = spec.strip().partition(":")
    if kind == "builtin":
        return DatasetLoader(spec, "builtin", builtin_path(rest or DEFAULT_NAME), "natural")
    if kind == "food-search":
        return DatasetLoader(spec, "food-search", Path(rest) if rest else DEFAULT_PATH)
    if kind in ("nutribench", "nutrition5k") and not rest:
        raise DatasetError(f"{spec!r}: {kind} needs a path, e.g. {kind}:data/file.csv")
    if kind == "nutribench":
        return DatasetLoader(spec, "nutribench", Path(rest))
    if kind == "nutrition5k":
        path, _, mode = rest.rpartition(":")
        if mode not in MODES:  # no mode suffix: the whole rest is the path
            path, mode = rest, "grams"
        return DatasetLoader(spec, "nutrition5k", Path(path), mode)
    raise DatasetError(
        f"unknown dataset spec {spec!r}; expected nutribench:PATH, nutrition5k:PATH[:MODE], "
        "builtin[:NAME] or food-search[:PATH]"
    )
