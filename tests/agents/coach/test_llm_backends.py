"""Coach chat-model backends, faked only at the HTTP boundary (httpx.MockTransport).

huggingface_hub builds every httpx client through a factory (``set_client_factory`` /
``set_async_client_factory``); the fixtures below swap in clients whose transport is a
scripted OpenAI-compatible server, so no request leaves the process.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import operator
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import huggingface_hub.constants
import pytest
from huggingface_hub.errors import HfHubHTTPError
from huggingface_hub.utils._http import (
    default_async_client_factory,
    default_client_factory,
    set_async_client_factory,
    set_client_factory,
)
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.tools import tool
from pydantic import SecretStr

from agents.coach.llm import build_chat_model
from agents.coach.llm.huggingface import build_huggingface_model
from agents.coach.llm.local import LocalChatHuggingFace, build_local_model
from agents.coach.llm.retry import RetryPolicy, backoff_s, server_wait_s
from nutriprofile.settings import LLMSettings

PRIMARY = "meta-llama/Llama-3.1-8B-Instruct"
FALLBACK = "Qwen/Qwen2.5-7B-Instruct"
TOKEN = "hf_nutriTestToken0123456789"
ENDPOINT = "https://llm.test/v1"
ROUTER_URL = "https://router.huggingface.co/v1/chat/completions"
NOW = 1_767_225_600.0  # 2026-01-01T00:00:00Z


@tool
def log_meal(description: str) -> str:
    """Log a meal the user ate, described in their own words."""
    return description


class FakeProvider:
    """A scripted OpenAI-compatible chat server; records every request it receives."""

    def __init__(self) -> None:
        self.script: list[httpx.Response | Exception] = []
        self.requests: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if not self.script:
            raise AssertionError(f"unexpected request to {request.url}")
        item = self.script.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(request.content) for request in self.requests]

    def models(self) -> list[str]:
        return [body["model"] for body in self.bodies()]


@contextmanager
def _serve(transport: httpx.MockTransport) -> Iterator[None]:
    """Every huggingface_hub client, sync or async, talks to ``transport``."""
    set_client_factory(lambda: httpx.Client(transport=transport, trust_env=False))
    set_async_client_factory(lambda: httpx.AsyncClient(transport=transport, trust_env=False))
    try:
        yield
    finally:
        set_client_factory(default_client_factory)
        set_async_client_factory(default_async_client_factory)


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    fake = FakeProvider()
    with _serve(httpx.MockTransport(fake.handle)):
        yield fake


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Offline mode, and any HTTP attempt through huggingface_hub fails the test."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"network access attempted: {request.url}")

    with _serve(httpx.MockTransport(refuse)):
        yield


class Sleeps:
    """Injected sleep: records the waits instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)

    def sleep_sync(self, seconds: float) -> None:
        self.waits.append(seconds)

    def policy(self, **overrides: Any) -> RetryPolicy:
        options: dict[str, Any] = {"max_retries": 3, "clock": lambda: NOW, **overrides}
        return RetryPolicy(sleep=self.sleep, sleep_sync=self.sleep_sync, **options)


def settings(**overrides: Any) -> LLMSettings:
    values: dict[str, Any] = {
        "backend": "huggingface",
        "model": PRIMARY,
        "fallback_model": FALLBACK,
        "hf_token": SecretStr(TOKEN),
        **overrides,
    }
    return LLMSettings(**values)


def completion(model: str, message: dict[str, Any], finish_reason: str = "stop") -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "id": "chatcmpl-9f2c41d7",
            "object": "chat.completion",
            "created": 1767225600,
            "model": model,
            "system_fingerprint": "3.3.6-sha-5a1b2c3",
            "choices": [
                {"index": 0, "message": message, "logprobs": None, "finish_reason": finish_reason}
            ],
            "usage": {"prompt_tokens": 212, "completion_tokens": 24, "total_tokens": 236},
        },
    )


def text_reply(model: str, text: str) -> httpx.Response:
    return completion(model, {"role": "assistant", "content": text})


def sse(model: str, deltas: list[tuple[dict[str, Any], str | None]]) -> httpx.Response:
    events = []
    for delta, finish_reason in deltas:
        chunk = {
            "id": "chatcmpl-7d1e0b2a",
            "object": "chat.completion.chunk",
            "created": 1767225600,
            "model": model,
            "system_fingerprint": "3.3.6-sha-5a1b2c3",
            "choices": [
                {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
            ],
        }
        events.append(f"data: {json.dumps(chunk)}\n\n")
    events.append("data: [DONE]\n\n")
    return httpx.Response(
        200, headers={"content-type": "text/event-stream"}, content="".join(events).encode()
    )


def failure(status: int, headers: dict[str, str] | None = None) -> httpx.Response:
    messages = {
        429: "Rate limit reached. Please retry later.",
        503: f"Model {PRIMARY} is currently loading",
        401: "Invalid credentials in Authorization header",
    }
    return httpx.Response(status, headers=headers, json={"error": messages[status]})


EGGS = [HumanMessage("I had two boiled eggs for breakfast")]


async def test_router_call_sends_token_model_and_tools_and_parses_tool_calls(
    provider: FakeProvider,
) -> None:
    provider.script = [
        completion(
            PRIMARY,
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "call_8f3a",
                        "type": "function",
                        "function": {
                            "name": "log_meal",
                            "arguments": '{"description": "two boiled eggs"}',
                        },
                    }
                ],
            },
            finish_reason="tool_calls",
        )
    ]
    model = build_chat_model(settings()).bind_tools([log_meal])

    reply = await model.ainvoke([SystemMessage("You are a nutrition coach."), *EGGS])

    assert isinstance(reply, AIMessage)
    assert reply.tool_calls == [
        {
            "name": "log_meal",
            "args": {"description": "two boiled eggs"},
            "id": "call_8f3a",
            "type": "tool_call",
        }
    ]
    assert reply.usage_metadata is not None
    assert reply.usage_metadata["total_tokens"] == 236
    (request,) = provider.requests
    assert str(request.url) == ROUTER_URL
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    body = provider.bodies()[0]
    assert body["model"] == PRIMARY
    assert body["messages"] == [
        {"role": "system", "content": "You are a nutrition coach."},
        {"role": "user", "content": "I had two boiled eggs for breakfast"},
    ]
    (tool_spec,) = body["tools"]
    assert tool_spec["type"] == "function"
    assert tool_spec["function"]["name"] == "log_meal"
    assert tool_spec["function"]["parameters"]["required"] == ["description"]
    assert body["temperature"] == 0.2
    assert body["max_tokens"] == 1024


async def test_endpoint_url_receives_tool_results_and_the_token(provider: FakeProvider) -> None:
    provider.script = [text_reply(PRIMARY, "Logged: two boiled eggs, 12.6 g protein.")]
    model = build_chat_model(settings(endpoint_url=ENDPOINT))
    history = [
        *EGGS,
        AIMessage(
            "",
            tool_calls=[
                {"name": "log_meal", "args": {"description": "two boiled eggs"}, "id": "call_8f3a"}
            ],
        ),
        ToolMessage('{"protein_g": 12.6}', tool_call_id="call_8f3a"),
    ]

    reply = await model.ainvoke(history)

    assert reply.content == "Logged: two boiled eggs, 12.6 g protein."
    (request,) = provider.requests
    assert str(request.url) == "https://llm.test/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    body = provider.bodies()[0]
    assert body["model"] == PRIMARY
    assistant, tool_result = body["messages"][1:]
    assert assistant["tool_calls"][0]["function"] == {
        "name": "log_meal",
        "arguments": '{"description": "two boiled eggs"}',
    }
    assert tool_result == {
        "role": "tool",
        "content": '{"protein_g": 12.6}',
        "tool_call_id": "call_8f3a",
    }


async def test_endpoint_without_a_configured_token_sends_none(
    provider: FakeProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_machineTokenMustNotLeak")
    provider.script = [text_reply(PRIMARY, "Logged.")]
    model = build_chat_model(settings(endpoint_url=ENDPOINT, hf_token=None))

    assert (await model.ainvoke(EGGS)).content == "Logged."
    assert "authorization" not in provider.requests[0].headers


async def test_streamed_text_arrives_in_chunks(provider: FakeProvider) -> None:
    provider.script = [
        sse(
            PRIMARY,
            [
                ({"role": "assistant", "content": ""}, None),
                ({"content": "Two eggs give "}, None),
                ({"content": "about 12.6 g of protein."}, None),
                ({}, "stop"),
            ],
        )
    ]
    model = build_chat_model(settings(endpoint_url=ENDPOINT))

    chunks = [chunk async for chunk in model.astream(EGGS)]

    texts = [chunk.content for chunk in chunks if chunk.content]
    assert texts == ["Two eggs give ", "about 12.6 g of protein."]
    body = provider.bodies()[0]
    assert body["stream"] is True
    assert body["model"] == PRIMARY
    assert provider.requests[0].url.host == "llm.test"


async def test_streamed_tool_call_is_assembled_from_deltas(provider: FakeProvider) -> None:
    first = {"index": 0, "id": "call_5b", "type": "function"}
    provider.script = [
        sse(
            PRIMARY,
            [
                (
                    {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {**first, "function": {"name": "log_meal", "arguments": ""}}
                        ],
                    },
                    None,
                ),
                (
                    {"tool_calls": [{"index": 0, "function": {"arguments": '{"description": '}}]},
                    None,
                ),
                ({"tool_calls": [{"index": 0, "function": {"arguments": '"oatmeal"}'}}]}, None),
                ({}, "tool_calls"),
            ],
        )
    ]
    model = build_chat_model(settings(endpoint_url=ENDPOINT))
    bound = model.bind_tools([log_meal], tool_choice="log_meal")

    chunks = [chunk async for chunk in bound.astream([HumanMessage("I ate oatmeal")])]

    message = functools.reduce(operator.add, chunks)
    assert message.tool_calls == [
        {
            "name": "log_meal",
            "args": {"description": "oatmeal"},
            "id": "call_5b",
            "type": "tool_call",
        }
    ]
    assert provider.bodies()[0]["tool_choice"] == {
        "type": "function",
        "function": {"name": "log_meal"},
    }


async def test_429_waits_as_long_as_retry_after_says(provider: FakeProvider) -> None:
    sleeps = Sleeps()
    provider.script = [failure(429, {"Retry-After": "7"}), text_reply(PRIMARY, "Logged.")]
    model = build_huggingface_model(settings(), policy=sleeps.policy())

    reply = await model.ainvoke(EGGS)

    assert reply.content == "Logged."
    assert sleeps.waits == [7.0]
    assert provider.models() == [PRIMARY, PRIMARY]


async def test_backoff_doubles_without_retry_after(provider: FakeProvider) -> None:
    sleeps = Sleeps()
    provider.script = [failure(503), failure(503), failure(429), text_reply(PRIMARY, "Logged.")]
    model = build_huggingface_model(settings(), policy=sleeps.policy(base_delay_s=0.5))

    reply = await model.ainvoke(EGGS)

    assert reply.content == "Logged."
    assert sleeps.waits == [0.5, 1.0, 2.0]
    assert provider.models() == [PRIMARY] * 4


async def test_503_past_the_retries_falls_back_to_the_second_model(provider: FakeProvider) -> None:
    sleeps = Sleeps()
    provider.script = [failure(503), failure(503), failure(503), text_reply(FALLBACK, "Logged.")]
    model = build_huggingface_model(settings(), policy=sleeps.policy(max_retries=2))

    reply = await model.ainvoke(EGGS)

    assert reply.content == "Logged."
    assert sleeps.waits == [1.0, 2.0]
    assert provider.models() == [PRIMARY, PRIMARY, PRIMARY, FALLBACK]
    assert all(str(request.url) == ROUTER_URL for request in provider.requests)


async def test_retry_after_beyond_the_budget_goes_straight_to_the_fallback(
    provider: FakeProvider,
) -> None:
    sleeps = Sleeps()
    provider.script = [failure(429, {"Retry-After": "120"}), text_reply(FALLBACK, "Logged.")]
    model = build_huggingface_model(settings(), policy=sleeps.policy(max_delay_s=30.0))

    assert (await model.ainvoke(EGGS)).content == "Logged."
    assert sleeps.waits == []
    assert provider.models() == [PRIMARY, FALLBACK]


async def test_stream_retries_then_falls_back_before_any_token(provider: FakeProvider) -> None:
    sleeps = Sleeps()
    provider.script = [
        failure(429, {"Retry-After": "2"}),
        failure(503),
        sse(FALLBACK, [({"role": "assistant", "content": "Logged."}, None), ({}, "stop")]),
    ]
    model = build_huggingface_model(
        settings(endpoint_url=ENDPOINT), policy=sleeps.policy(max_retries=1)
    )

    text = "".join([str(chunk.content) async for chunk in model.astream(EGGS)])

    assert text == "Logged."
    assert sleeps.waits == [2.0]
    assert provider.models() == [PRIMARY, PRIMARY, FALLBACK]


async def test_timeout_falls_back_without_retrying(provider: FakeProvider) -> None:
    sleeps = Sleeps()
    provider.script = [httpx.ReadTimeout("timed out"), text_reply(FALLBACK, "Logged.")]
    model = build_huggingface_model(settings(), policy=sleeps.policy())

    assert (await model.ainvoke(EGGS)).content == "Logged."
    assert sleeps.waits == []
    assert provider.models() == [PRIMARY, FALLBACK]


async def test_rejected_token_neither_retries_nor_falls_back(provider: FakeProvider) -> None:
    sleeps = Sleeps()
    provider.script = [failure(401)]
    model = build_huggingface_model(settings(), policy=sleeps.policy())

    with pytest.raises(HfHubHTTPError) as raised:
        await model.ainvoke(EGGS)

    assert raised.value.response.status_code == 401
    assert len(provider.requests) == 1
    assert sleeps.waits == []


def test_sync_invoke_retries_with_the_injected_sleep(provider: FakeProvider) -> None:
    sleeps = Sleeps()
    provider.script = [failure(429, {"Retry-After": "3"}), text_reply(PRIMARY, "Logged.")]
    model = build_huggingface_model(settings(), policy=sleeps.policy())

    assert model.invoke(EGGS).content == "Logged."
    assert sleeps.waits == [3.0]
    assert provider.models() == [PRIMARY, PRIMARY]


def test_settings_drive_retries_timeout_and_models() -> None:
    model = build_huggingface_model(settings(max_retries=5, timeout_s=12.5))

    assert model.policy.max_retries == 5
    primary, fallback = model.models
    assert [primary.model_id, fallback.model_id] == [PRIMARY, FALLBACK]  # type: ignore[attr-defined]
    assert primary.llm.timeout == 13  # type: ignore[attr-defined]
    assert len(build_huggingface_model(settings(fallback_model=None)).models) == 1


def test_router_without_a_token_is_refused() -> None:
    with pytest.raises(ValueError, match="NUTRI_LLM__HF_TOKEN"):
        build_chat_model(settings(hf_token=None))


def test_server_wait_reads_retry_after_dates_and_ratelimit_headers() -> None:
    assert server_wait_s({"Retry-After": "12"}, NOW) == 12.0
    assert server_wait_s({"retry-after": "Thu, 01 Jan 2026 00:00:09 GMT"}, NOW) == 9.0
    assert server_wait_s({"Retry-After": "Wed, 31 Dec 2025 23:59:00 GMT"}, NOW) == 0.0
    assert server_wait_s({"RateLimit": '"api";r=0;t=42'}, NOW) == 42.0
    assert server_wait_s({"RateLimit": '"api";r=5;t=42'}, NOW) is None
    assert server_wait_s({"Retry-After": "soon"}, NOW) is None


def test_only_rate_limits_and_overload_are_retried() -> None:
    policy = RetryPolicy(max_retries=2, clock=lambda: NOW)
    request = httpx.Request("POST", ROUTER_URL)

    def error(status: int) -> httpx.HTTPStatusError:
        response = httpx.Response(status, request=request)
        return httpx.HTTPStatusError("failed", request=request, response=response)

    assert backoff_s(policy, 0, error(429)) == 1.0
    assert backoff_s(policy, 1, error(503)) == 2.0
    assert backoff_s(policy, 2, error(503)) is None
    assert backoff_s(policy, 0, error(500)) is None
    assert backoff_s(policy, 0, ValueError("bad tool schema")) is None


def test_offline_backend_is_the_builtin_engine() -> None:
    if importlib.util.find_spec("agents.coach.llm.offline") is None:
        pytest.skip("agents/coach/llm/offline.py (OfflineCoachModel) is not written yet")
    from agents.coach.llm.offline import OfflineCoachModel

    assert isinstance(build_chat_model(LLMSettings()), OfflineCoachModel)


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised one-layer GPT-2 and a word-level tokenizer, saved to disk."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    corpus = [
        "two boiled eggs give about twelve grams of protein",
        "oatmeal with milk is a good breakfast",
        "drink water and eat vegetables every day",
        "user assistant system tool : how much protein is in an egg",
    ]
    words = Tokenizer(models.WordLevel(unk_token="[UNK]"))
    words.pre_tokenizer = pre_tokenizers.Whitespace()
    words.train_from_iterator(
        corpus, trainers.WordLevelTrainer(special_tokens=["[UNK]", "[PAD]", "[EOS]"])
    )
    tokenizer = PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_object=words, unk_token="[UNK]", pad_token="[PAD]", eos_token="[EOS]"
    )
    torch.manual_seed(0)
    config = GPT2Config(
        vocab_size=tokenizer.vocab_size,
        n_positions=1024,
        n_layer=1,
        n_head=2,
        n_embd=32,
        bos_token_id=tokenizer.eos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    folder = tmp_path_factory.mktemp("tiny-gpt2")
    GPT2LMHeadModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.mark.slow
async def test_local_backend_generates_text_offline(tiny_model_dir: Path, no_network: None) -> None:
    settings = LLMSettings(backend="local", local_model_dir=tiny_model_dir)
    model = build_local_model(settings, max_new_tokens=12)
    messages = [SystemMessage("You are a nutrition coach."), HumanMessage("protein in an egg")]

    reply = await model.bind_tools([log_meal]).ainvoke(messages)
    streamed = [chunk async for chunk in model.astream(messages)]

    assert isinstance(reply, AIMessage)
    assert isinstance(reply.content, str)
    words = reply.content.split()
    assert 0 < len(words) <= 12
    assert set(words) <= set(model.tokenizer.get_vocab())
    assert "".join(str(chunk.content) for chunk in streamed).split() == words


@pytest.mark.slow
def test_factory_loads_the_local_checkpoint_with_a_chat_prompt(
    tiny_model_dir: Path, no_network: None
) -> None:
    model = build_chat_model(LLMSettings(backend="local", local_model_dir=tiny_model_dir))
    history = [
        SystemMessage("You are a nutrition coach."),
        *EGGS,
        AIMessage("", tool_calls=[{"name": "log_meal", "args": {}, "id": "call_1"}]),
        ToolMessage("12.6 g protein", tool_call_id="call_1"),
        HumanMessage("and fat?"),
    ]

    assert isinstance(model, LocalChatHuggingFace)
    assert model._to_chat_prompt(history) == (
        "system: You are a nutrition coach.\n"
        "user: I had two boiled eggs for breakfast\n"
        "assistant: \n"
        "tool: 12.6 g protein\n"
        "user: and fat?\n"
        "assistant:"
    )


def test_local_backend_needs_a_model_dir(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="LOCAL_MODEL_DIR"):
        build_chat_model(LLMSettings(backend="local", local_model_dir=tmp_path / "missing"))
