"""`nutriprofile eval --backend`: the model leg in evals, with the provider faked at HTTP.

The Hugging Face backend is the real one (factory, retries, ChatHuggingFace) talking to a
scripted OpenAI-compatible server that answers each builtin meal with a realistic JSON
parse; the local backend is a tiny random checkpoint whose gibberish must be skipped.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from nutriprofile.cli.evaluate import build_backend, evaluate
from nutriprofile.cli.main import app
from nutriprofile.context import AppContext
from nutriprofile.settings import LLMSettings, Settings, get_settings
from tests.agents.coach.test_llm_backends import (
    ENDPOINT,
    PRIMARY,
    TOKEN,
    _serve,
    no_network,  # noqa: F401 - fixture
    text_reply,
    tiny_model_dir,  # noqa: F401 - fixture
)

PARSES: dict[str, list[dict[str, Any]]] = {
    "A cup of 2% milk with a medium banana.": [
        {"food": "2% milk", "quantity": 1, "unit": "cup"},
        {"food": "banana", "quantity": 1, "unit": None, "size": "medium", "calories": 105},
    ],
    "Two scrambled eggs and two slices of whole wheat toast with a pat of butter.": [
        {"food": "scrambled eggs", "quantity": 2, "unit": None, "meal": "breakfast"},
        {"food": "whole wheat toast", "quantity": 2, "unit": "slices"},
        {"food": "butter", "quantity": 1, "unit": "pat", "grams": 5},
    ],
    "A cup of oatmeal cooked with water, topped with a tablespoon of honey and half a cup "
    "of blueberries.": [
        {"food": "oatmeal cooked with water", "quantity": 1, "unit": "cup"},
        {"food": "honey", "quantity": 1, "unit": "tbsp"},
        {"food": "blueberries", "quantity": "1/2", "unit": "cup"},
    ],
}


class MealServer:
    """An OpenAI-compatible chat server that parses the three builtin meals it knows."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        assert request.url == f"{ENDPOINT}/chat/completions"
        meal = json.loads(request.content)["messages"][-1]["content"]
        content = f"```json\n{json.dumps({'items': PARSES[meal]}, indent=1)}\n```"
        return text_reply(PRIMARY, content)


@pytest.fixture
def server() -> Iterator[MealServer]:
    fake = MealServer()
    with _serve(httpx.MockTransport(fake.handle)):
        yield fake


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, test_settings: Settings) -> Iterator[None]:
    for name in ("NUTRI_LLM__HF_TOKEN", "NUTRI_LLM__ENDPOINT_URL", "NUTRI_LLM__BACKEND"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NUTRI_DATA_DIR", str(test_settings.data_dir))
    monkeypatch.setenv("NUTRI_DB__NAME", test_settings.db.name)
    monkeypatch.setenv("NUTRI_ENVIRONMENT", "test")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def hf_settings() -> LLMSettings:
    return LLMSettings(
        model=PRIMARY, fallback_model=None, hf_token=SecretStr(TOKEN), endpoint_url=ENDPOINT
    )


def test_backends_come_from_the_factory() -> None:
    assert build_backend("offline", hf_settings()) is None
    assert type(build_backend("huggingface", hf_settings())).__name__ == "ResilientChatModel"
    with pytest.raises(ValueError, match="unknown backend 'gpt'"):
        build_backend("gpt", hf_settings())
    with pytest.raises(ValueError, match="NUTRI_LLM__HF_TOKEN"):
        build_backend("huggingface", LLMSettings(hf_token=None))


@pytest.mark.parametrize(
    ("backend", "message"),
    [("gpt", "unknown backend 'gpt'"), ("huggingface", "NUTRI_LLM__HF_TOKEN")],
)
def test_cli_refuses_a_backend_it_cannot_build(cli_env: None, backend: str, message: str) -> None:
    result = CliRunner().invoke(app, ["eval", "--dataset", "builtin", "--backend", backend])

    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


@pytest.mark.db
async def test_predictor_with_huggingface_compares_every_meal_and_keeps_the_points(
    ctx: AppContext, server: MealServer
) -> None:
    llm = build_backend("huggingface", hf_settings())

    offline, _ = await evaluate(ctx, "builtin", 3, 2, False)
    report, result = await evaluate(ctx, "builtin", 3, 2, False, llm, "huggingface")

    assert len(server.requests) == 3
    assert offline["backend"] == "offline" and "model_leg" not in offline
    assert report["backend"] == "huggingface"
    assert report["model_leg"] == {"compared": 3, "skipped": 0, "skip_reasons": {}}
    assert report["n"] == report["answered"] == 3 and report["failed"] == 0
    for nutrient in ("carb", "protein", "fat", "energy"):  # the model never sets a point
        assert report["metrics"][nutrient]["mae"] == offline["metrics"][nutrient]["mae"]
    estimates = [e for o in result.outcomes for i in o.prediction.trace["items"]
                 for e in i["estimates"]]  # fmt: skip
    compared = sum(e.startswith("model_parse: ") for e in estimates)
    asked = [q for o in result.outcomes for q in o.prediction.trace["questions"]
             if q.startswith("The model also saw")]  # fmt: skip
    # All 8 of the model's foods were grounded: each either matched a rule item or (like the
    # honey the rule parser folds into "oatmeal ... topped with tablespoon honey") is asked about.
    assert compared + len(asked) == 8 and compared >= 6, (estimates, asked)


@pytest.mark.db
async def test_cli_eval_with_huggingface_backend_reports_it(
    ctx: AppContext, server: MealServer, cli_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NUTRI_LLM__HF_TOKEN", TOKEN)
    monkeypatch.setenv("NUTRI_LLM__ENDPOINT_URL", ENDPOINT)
    monkeypatch.setenv("NUTRI_LLM__MODEL", PRIMARY)
    args = ["eval", "--dataset", "builtin", "--limit", "3", "--backend", "huggingface", "--json"]

    result = await asyncio.to_thread(CliRunner().invoke, app, args)

    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["backend"] == "huggingface" and report["n"] == 3
    assert report["model_leg"]["compared"] == 3
    assert len(server.requests) == 3
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in server.requests)


@pytest.mark.db
@pytest.mark.slow
async def test_local_backend_gibberish_is_skipped_and_figures_stay_offline(
    ctx: AppContext,
    tiny_model_dir: Path,  # noqa: F811 - fixture
    no_network: None,  # noqa: F811 - fixture
) -> None:
    llm = build_backend("local", LLMSettings(local_model_dir=tiny_model_dir, timeout_s=5))

    offline, _ = await evaluate(ctx, "builtin", 3, 1, False)
    report, _ = await evaluate(ctx, "builtin", 3, 1, False, llm, "local")

    assert report["backend"] == "local"
    assert report["model_leg"]["compared"] == 0 and report["model_leg"]["skipped"] == 3
    assert all("unusable" in reason for reason in report["model_leg"]["skip_reasons"])
    drop = ("backend", "model_leg", "latency_ms", "wall_s")
    assert {k: v for k, v in report.items() if k not in drop} == {
        k: v for k, v in offline.items() if k not in drop
    }
