"""Scripted fake chat models for graph and API tests (LLM providers are the only fakes)."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage, BaseMessage, ToolCall
from langchain_core.outputs import ChatResult


def tool_call(name: str, call_id: str = "call_1", **args: Any) -> AIMessage:
    """An assistant message asking for one tool call."""
    return AIMessage(content="", tool_calls=[ToolCall(name=name, args=args, id=call_id)])


class ScriptedChatModel(FakeMessagesListChatModel):
    """Replays ``responses`` in order and records every prompt it was given.

    ``bind_tools`` returns the model itself, so a script stands in for any backend.
    """

    seen: list[list[BaseMessage]] = []

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedChatModel:  # type: ignore[override]
        return self

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        self.seen.append(list(messages))
        return super()._generate(messages, *args, **kwargs)
