"""Dataset loaders: each returns labelled items plus every rejected row, never silently."""

from evals.loaders._rows import DatasetError, RowError
from evals.loaders.builtin import builtin_path, load_builtin
from evals.loaders.food_search import load_food_search
from evals.loaders.nutribench import load_nutribench
from evals.loaders.nutrition5k import load_nutrition5k
from evals.loaders.spec import DatasetLoader, parse_dataset_spec

__all__ = [
    "DatasetError",
    "DatasetLoader",
    "RowError",
    "builtin_path",
    "load_builtin",
    "load_food_search",
    "load_nutribench",
    "load_nutrition5k",
    "parse_dataset_spec",
]
