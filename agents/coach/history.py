"""A stored thread as the client sees it: roles, texts, tool calls and results."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langgraph.types import StateSnapshot


def parse_content(text: str) -> Any:
    """A tool result's JSON content, or the raw text when it is not JSON."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def render(messages: Sequence[BaseMessage]) -> list[dict[str, Any]]:
    """User, assistant and tool messages in order (system prompts are never stored)."""
    out: list[dict[str, Any]] = []
    for message in messages:
        if isinstance(message, HumanMessage):
            out.append({"role": "user", "content": message.text})
        elif isinstance(message, AIMessage):
            calls = [{"id": c["id"], "name": c["name"], "args": c["args"]}
                     for c in message.tool_calls]  # fmt: skip
            out.append({"role": "assistant", "content": message.text, "tool_calls": calls})
        elif isinstance(message, ToolMessage):
            out.append({"role": "tool", "name": message.name, "tool_call_id": message.tool_call_id,
                        "content": parse_content(message.text)})  # fmt: skip
    return out


def pending_of(snapshot: StateSnapshot) -> dict[str, Any] | None:
    """The question the thread is waiting on, if it stopped at a confirmation."""
    for pending in snapshot.interrupts:
        if isinstance(pending.value, dict):
            return dict(pending.value)
    return None
