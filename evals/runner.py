"""Run a predictor or a search function over a dataset with bounded concurrency.

A fixed pool of ``workers`` coroutines pulls items from one shared iterator,
so at most ``workers`` calls are in flight, no task per item is created, and
results land at their input index: the output order never depends on timing.
A failing or timed-out call becomes an outcome with ``error`` set instead of
aborting the run.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar, cast

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from evals.types import (
    EvalResult,
    FoodSearchCase,
    FoodSearchResult,
    LabeledMeal,
    MealOutcome,
    MealPrediction,
    SearchOutcome,
)

T = TypeVar("T")
R = TypeVar("R")


@contextmanager
def _progress(label: str, total: int, enabled: bool) -> Iterator[Callable[[], None]]:
    """Yield an ``advance()`` callback backed by a rich bar on stderr (or a no-op)."""
    if not enabled:
        yield lambda: None
        return
    columns = (*Progress.get_default_columns()[:1], BarColumn(), MofNCompleteColumn())
    step = max(1, total // 200)  # redraw-worthy steps only: rich's lock is not free
    done = 0

    with Progress(*columns, TimeElapsedColumn(), console=Console(stderr=True)) as bar:
        task = bar.add_task(label, total=total)

        def advance() -> None:
            nonlocal done
            done += 1
            if done % step == 0 or done == total:
                bar.update(task, completed=done)

        yield advance


async def _pool(
    items: Sequence[T], work: Callable[[T], Awaitable[R]], workers: int, advance: Callable[[], None]
) -> list[R]:
    """Apply ``work`` to every item with at most ``workers`` in flight; keep input order."""
    if workers < 1:
        raise ValueError(f"workers must be >= 1, got {workers}")
    results: list[R | None] = [None] * len(items)
    pending = iter(enumerate(items))

    async def worker() -> None:
        for index, item in pending:
            results[index] = await work(item)
            advance()

    await asyncio.gather(*(worker() for _ in range(min(workers, len(items)))))
    return cast(list[R], results)


async def _timed(
    call: Callable[[], Awaitable[R]], timeout_s: float | None
) -> tuple[R | None, float, str | None]:
    """Run ``call()``; return its value (or ``None``), milliseconds taken and any error text."""
    start = time.perf_counter()
    try:
        value = await asyncio.wait_for(call(), timeout_s) if timeout_s else await call()
    except TimeoutError:
        return None, (time.perf_counter() - start) * 1000, f"timeout after {timeout_s:g} s"
    except Exception as exc:  # noqa: BLE001 - one bad case must not end the run
        return None, (time.perf_counter() - start) * 1000, f"{type(exc).__name__}: {exc}"
    return value, (time.perf_counter() - start) * 1000, None


async def run_eval(
    meals: Sequence[LabeledMeal],
    predict: Callable[[LabeledMeal], Awaitable[MealPrediction]],
    workers: int = 4,
    progress: bool = False,
    *,
    dataset: str | None = None,
    timeout_s: float | None = None,
) -> EvalResult:
    """Predict every meal, ``workers`` at a time, and pair predictions with truth.

    Args:
        meals: The labelled meals, in the order results should keep.
        predict: The system under test.
        workers: Maximum concurrent ``predict`` calls.
        progress: Show a progress bar on stderr.
        dataset: Name for the report (default: the first meal's dataset).
        timeout_s: Per-meal limit; a slower call is recorded as an error.

    Returns:
        Outcomes in input order and the run's wall time.
    """

    async def one(meal: LabeledMeal) -> MealOutcome:
        prediction, elapsed_ms, error = await _timed(lambda: predict(meal), timeout_s)
        if prediction is None:
            prediction = MealPrediction(error=error or "predictor returned None")
        if prediction.latency_ms is None:
            prediction = dataclasses.replace(prediction, latency_ms=elapsed_ms)
        return MealOutcome(meal=meal, prediction=prediction)

    name = dataset or (meals[0].dataset if meals else "empty")
    start = time.perf_counter()
    with _progress(name, len(meals), progress) as advance:
        outcomes = await _pool(meals, one, workers, advance)
    return EvalResult(dataset=name, outcomes=outcomes, wall_s=time.perf_counter() - start)


async def run_food_search_eval(
    cases: Sequence[FoodSearchCase],
    search: Callable[[str], Awaitable[list[str]]],
    workers: int = 4,
    progress: bool = False,
    *,
    dataset: str = "food-search",
    timeout_s: float | None = None,
) -> FoodSearchResult:
    """Search every phrase and keep the ranked ``source:source_id`` keys returned.

    Args:
        cases: Labelled phrases.
        search: Returns ranked keys for a phrase, best first.
        workers: Maximum concurrent searches.
        progress: Show a progress bar on stderr.
        dataset: Name for the report.
        timeout_s: Per-phrase limit; a slower call is recorded as an error.
    """

    async def one(case: FoodSearchCase) -> SearchOutcome:
        ranked, elapsed_ms, error = await _timed(lambda: search(case.phrase), timeout_s)
        return SearchOutcome(
            case=case, ranked=list(ranked or []), latency_ms=elapsed_ms, error=error
        )

    start = time.perf_counter()
    with _progress(dataset, len(cases), progress) as advance:
        outcomes = await _pool(cases, one, workers, advance)
    return FoodSearchResult(dataset=dataset, outcomes=outcomes, wall_s=time.perf_counter() - start)
