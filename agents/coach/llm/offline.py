"""``OfflineCoachModel``: a deterministic chat model with tool calling and no weights.

It routes each user message with rules over the project's own parsers
(:mod:`agents.coach.llm.intents`) and, once tool results are back, writes the reply
from those results only (:mod:`agents.coach.llm.replies`), so it can never report an
action or a number that no tool produced. Same input, same output: it is the default
backend and the reference the LLM backends are tested against.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool

from agents.coach.llm.planner import next_message

_TOKEN = re.compile(r"\S+\s*|\s+")


def _tool_names(tools: Sequence[dict[str, Any]] | None) -> set[str]:
    return {t["function"]["name"] for t in tools or () if "function" in t}


class OfflineCoachModel(BaseChatModel):
    """Rule-based coach; bind tools with :meth:`bind_tools` so it may call them."""

    @property
    def _llm_type(self) -> str:
        return "nutriprofile-offline-coach"

    def bind_tools(
        self,
        tools: Sequence[dict[str, Any] | type | Callable[..., Any] | BaseTool],
        *,
        tool_choice: str | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """Offer ``tools``; the engine only calls tools it was given."""
        formatted = [convert_to_openai_tool(t) for t in tools]
        return self.bind(tools=formatted, **kwargs)

    def _decide(self, messages: list[BaseMessage], **kwargs: Any) -> AIMessage:
        return next_message(messages, _tool_names(kwargs.get("tools")))

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=self._decide(messages, **kwargs))])

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return self._generate(messages, stop, **kwargs)

    def _chunks(self, message: AIMessage) -> Iterator[ChatGenerationChunk]:
        """Tool calls in one chunk; text word by word, as a token stream would arrive."""
        if message.tool_calls:
            yield ChatGenerationChunk(
                message=AIMessageChunk(content="", tool_calls=message.tool_calls)
            )
            return
        for token in _TOKEN.findall(message.text):
            yield ChatGenerationChunk(message=AIMessageChunk(content=token))

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for chunk in self._chunks(self._decide(messages, **kwargs)):
            if run_manager is not None:
                run_manager.on_llm_new_token(chunk.text, chunk=chunk)
            yield chunk

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        for chunk in self._chunks(self._decide(messages, **kwargs)):
            if run_manager is not None:
                await run_manager.on_llm_new_token(chunk.text, chunk=chunk)
            yield chunk
