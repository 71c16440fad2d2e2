import httpx
import pytest

from api.app import create_app
from api.loadbench import meal_texts, percentile, run_load, table
from nutriprofile.context import AppContext
from nutriprofile.settings import Settings

pytestmark = pytest.mark.db

KEYS = {"requests", "errors", "requests_per_s", "p50_ms", "p95_ms", "p99_ms", "target",
        "error_samples"}  # fmt: skip


def test_meal_texts_are_200_distinct_and_percentiles_are_nearest_rank() -> None:
    texts = meal_texts()
    assert len(texts) == len(set(texts)) == 200
    assert percentile([3.0, 1.0, 2.0, 4.0], 50) == 2.0
    assert percentile(list(map(float, range(1, 101))), 99) == 99.0
    assert percentile([], 95) == 0.0


async def test_load_loop_reports_every_scenario_without_errors(
    ctx: AppContext, test_settings: Settings
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NUTRI_RATE__ENABLED", "false")
        app = create_app(test_settings, ctx=ctx)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            scenarios = await run_load(client, seconds=0.5, concurrency=2, first_pass=4)
    assert list(scenarios) == ["analyze-first-pass", "analyze", "chat"]
    assert scenarios["analyze-first-pass"]["requests"] == 4
    for name, stats in scenarios.items():
        assert set(stats) == KEYS, name
        assert stats["errors"] == 0, stats["error_samples"]
        assert stats["requests"] >= 1 and stats["requests_per_s"] > 0
        assert 0 < stats["p50_ms"] <= stats["p95_ms"] <= stats["p99_ms"]
    report = {"server": "in-process", "seconds": 0.5, "concurrency": 2, "cpus": 2,
              "scenarios": scenarios}  # fmt: skip
    rendered = table(report)
    assert "≥60 analyses/s" in rendered and "p50 ≤100 ms" in rendered
    assert "shares this machine's 2 CPU cores" in rendered
