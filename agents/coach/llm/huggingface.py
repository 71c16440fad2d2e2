"""Hugging Face Inference (Providers router or an explicit endpoint) as the coach's model.

``ChatHuggingFace`` over ``HuggingFaceEndpoint`` speaks the OpenAI-compatible chat
completions API through ``huggingface_hub``'s ``InferenceClient``; this module adds what a
chat service needs on top: retries with backoff on 429/503 and a fallback model when the
primary stays unavailable.
"""

from __future__ import annotations

import logging
import math
from collections.abc import AsyncIterator, Callable, Sequence
from functools import partial
from typing import Any

import httpx
from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from langchain_huggingface import ChatHuggingFace, HuggingFaceEndpoint
from pydantic import ConfigDict, Field

from agents.coach.llm.retry import RetryPolicy, aretry, aretry_stream, http_status, retry
from nutriprofile.settings import LLMSettings

logger = logging.getLogger(__name__)

TEMPERATURE = 0.2
"""Low: the coach parses and phrases, it must not improvise numbers."""
MAX_TOKENS = 1024
_AUTH_STATUSES = frozenset({401, 403})


def falls_back(exc: BaseException) -> bool:
    """Whether another model might succeed where this one failed.

    Any HTTP error but a refused token (the fallback shares it), plus timeouts and
    connection failures; programming errors propagate.
    """
    status = http_status(exc)
    if status is not None:
        return status not in _AUTH_STATUSES
    return isinstance(exc, TimeoutError | httpx.TransportError)


def _tool_choice(choice: str | bool | dict[str, Any]) -> str | dict[str, Any]:
    """Translate LangChain's tool_choice spellings into the OpenAI wire format."""
    if isinstance(choice, dict):
        return choice
    if choice is True or choice == "any":
        return "required"
    if choice is False:
        return "none"
    if choice in ("auto", "none", "required"):
        return choice
    return {"type": "function", "function": {"name": choice}}


class ResilientChatModel(BaseChatModel):
    """Chat models tried in order, each retried on rate limits before the next takes over."""

    models: list[BaseChatModel] = Field(min_length=1)
    policy: RetryPolicy = Field(default_factory=RetryPolicy)

    model_config = ConfigDict(arbitrary_types_allowed=True)

    @property
    def _llm_type(self) -> str:
        return "nutri-resilient-chat"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"models": [_name(model) for model in self.models]}

    def bind_tools(
        self,
        tools: Sequence[dict[str, Any] | type | Callable[..., Any] | BaseTool],
        *,
        tool_choice: str | bool | dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """Send the tools, in OpenAI function format, with every request."""
        if tool_choice is not None:
            kwargs["tool_choice"] = _tool_choice(tool_choice)
        return self.bind(tools=[convert_to_openai_tool(tool) for tool in tools], **kwargs)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        failure: Exception | None = None
        for model in self.models:
            try:
                return retry(partial(model._generate, messages, stop, **kwargs), self.policy)
            except Exception as exc:
                failure = self._note_failure(model, exc)
        raise _last(failure)

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        failure: Exception | None = None
        for model in self.models:
            try:
                call = partial(model._agenerate, messages, stop, **kwargs)
                return await aretry(call, self.policy)
            except Exception as exc:
                failure = self._note_failure(model, exc)
        raise _last(failure)

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        # The inner models get no run manager: this model reports the tokens, once.
        failure: Exception | None = None
        for model in self.models:
            stream = aretry_stream(partial(model._astream, messages, stop, **kwargs), self.policy)
            try:
                first = await anext(stream)
            except StopAsyncIteration:
                return
            except Exception as exc:
                failure = self._note_failure(model, exc)
                continue
            yield first
            async for chunk in stream:
                yield chunk
            return
        raise _last(failure)

    def _note_failure(self, model: BaseChatModel, exc: Exception) -> Exception:
        """Log a model's failure, or re-raise it when no fallback could do better."""
        if not falls_back(exc) or model is self.models[-1]:
            raise exc
        logger.warning("chat model %s failed (%s); trying the fallback", _name(model), exc)
        return exc


def _last(failure: Exception | None) -> Exception:
    return failure if failure is not None else RuntimeError("no chat model configured")


def _name(model: BaseChatModel) -> str:
    return str(getattr(model, "model_id", None) or type(model).__name__)


def endpoint_chat(model_id: str, settings: LLMSettings) -> ChatHuggingFace:
    """One ``ChatHuggingFace`` for ``model_id``, via the router or ``settings.endpoint_url``.

    Without ``endpoint_url`` requests go to the Inference Providers router
    (``router.huggingface.co/v1/chat/completions``, provider chosen server-side). With it,
    requests go to ``{endpoint_url}/chat/completions`` and the body still names
    ``model_id``, so one OpenAI-compatible server (TGI, vLLM, a dedicated Inference
    Endpoint, the router itself) can serve both primary and fallback.
    """
    token = settings.hf_token.get_secret_value() if settings.hf_token else None
    common: dict[str, Any] = {
        "timeout": math.ceil(settings.timeout_s),
        "huggingfacehub_api_token": token,
        "max_new_tokens": MAX_TOKENS,
        "temperature": TEMPERATURE,
    }
    if settings.endpoint_url is None:
        llm = HuggingFaceEndpoint(repo_id=model_id, **common)
        return ChatHuggingFace(llm=llm)
    # langchain-huggingface drops the token for hosts outside huggingface.co (even
    # *.endpoints.huggingface.cloud), and huggingface_hub then sends the machine's own
    # token instead. Send the configured one, or none (a None header is dropped).
    headers = {"authorization": f"Bearer {token}" if token else None}
    llm = HuggingFaceEndpoint(
        endpoint_url=settings.endpoint_url, server_kwargs={"headers": headers}, **common
    )
    chat = ChatHuggingFace(llm=llm)
    chat.model_id = model_id
    return chat


def build_huggingface_model(
    settings: LLMSettings, *, policy: RetryPolicy | None = None
) -> ResilientChatModel:
    """The primary model with retries, then ``settings.fallback_model`` if configured.

    Raises:
        ValueError: The router needs a token (``NUTRI_LLM__HF_TOKEN``).
    """
    if settings.endpoint_url is None and settings.hf_token is None:
        raise ValueError("the Hugging Face router needs a token: set NUTRI_LLM__HF_TOKEN")
    model_ids = [settings.model]
    if settings.fallback_model and settings.fallback_model != settings.model:
        model_ids.append(settings.fallback_model)
    return ResilientChatModel(
        models=[endpoint_chat(model_id, settings) for model_id in model_ids],
        policy=policy or RetryPolicy(max_retries=settings.max_retries),
    )
