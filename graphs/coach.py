"""Coach chat graph: agent → (confirm →) tools → agent, until the agent answers in words.

The agent node is any chat model with the coach tools bound (offline engine or LLM).
Write tools that the user did not explicitly command (rule in
:mod:`agents.coach.confirm`) stop at the ``confirm`` node, which ``interrupt()``s with a
yes/no question; a "no" turns every pending call into a "cancelled" tool result, so the
agent's reply is built from results that say nothing happened. Compile with a
checkpointer at the call site so threads survive restarts and interrupts can resume.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from langchain_core.language_models import LanguageModelInput
from langchain_core.messages import (
    AIMessage,
    AnyMessage,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolCall,
    ToolMessage,
)
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from langgraph.graph import START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.runtime import Runtime
from langgraph.types import interrupt
from typing_extensions import TypedDict

from agents.coach.confirm import is_write, needs_confirmation, parse_confirmation, question
from agents.coach.prompts import system_prompt
from tools.registry import call_tool

log = logging.getLogger(__name__)
CANCELLED = {"status": "cancelled", "reason": "the user did not confirm; nothing was changed"}


@dataclass(frozen=True, slots=True)
class CoachContext:
    """Run-scoped services: who is chatting, the bound model, the tools and their services."""

    user_id: str
    today: date
    model: Runnable[LanguageModelInput, BaseMessage]
    tools: Mapping[str, BaseTool]
    services: Mapping[str, Any] = field(default_factory=dict)

    def injected(self) -> dict[str, Any]:
        """Values for the tools' hidden arguments; the user and the day always win."""
        return {**self.services, "user_id": self.user_id, "today": self.today}


class CoachState(TypedDict):
    """The conversation; tool calls and results are messages too."""

    messages: Annotated[list[AnyMessage], add_messages]


def _last_user_text(messages: list[AnyMessage]) -> str:
    return next((m.text for m in reversed(messages) if isinstance(m, HumanMessage)), "")


def _pending_calls(state: CoachState) -> list[ToolCall]:
    last = state["messages"][-1] if state["messages"] else None
    return list(last.tool_calls) if isinstance(last, AIMessage) else []


async def agent(state: CoachState, runtime: Runtime[CoachContext]) -> dict[str, Any]:
    """Ask the model for the next step: tool calls or the reply."""
    prompt = SystemMessage(system_prompt(runtime.context.today))
    reply = await runtime.context.model.ainvoke([prompt, *state["messages"]])
    return {"messages": [reply]}


async def route_after_agent(
    state: CoachState, runtime: Runtime[CoachContext]
) -> Literal["tools", "confirm", "__end__"]:
    """Answer → end; unconfirmed writes → confirm; everything else → tools.

    Routers are async on purpose: LangGraph runs a sync one in a worker thread.
    """
    calls = _pending_calls(state)
    if not calls:
        return "__end__"
    text = _last_user_text(state["messages"])
    return "confirm" if needs_confirmation(calls, runtime.context.tools, text) else "tools"


async def confirm(state: CoachState, runtime: Runtime[CoachContext]) -> dict[str, Any]:
    """Pause for a yes/no; anything but yes cancels every call of the turn."""
    calls = _pending_calls(state)
    tools = runtime.context.tools
    writes = [c for c in calls if is_write(tools.get(c["name"]))]
    actions = [{"tool": c["name"], "args": c["args"]} for c in writes]
    answer = str(interrupt({"question": question(calls, tools), "actions": actions}))
    decision = parse_confirmation(answer)
    if decision:
        return {}
    results: list[AnyMessage] = [
        ToolMessage(json.dumps(CANCELLED), tool_call_id=c["id"] or "", name=c["name"])
        for c in calls
    ]
    if decision is None:  # not an answer but a new request: handle it next
        results.append(HumanMessage(answer))
    return {"messages": results}


async def route_after_confirm(state: CoachState) -> Literal["tools", "agent"]:
    """Confirmed calls go on to the tools; cancelled ones back to the agent."""
    return "tools" if _pending_calls(state) else "agent"


async def _run(call: ToolCall, context: CoachContext) -> ToolMessage:
    tool = context.tools.get(call["name"])
    status: Literal["success", "error"] = "success"
    try:
        if tool is None:
            raise LookupError(f"there is no tool named {call['name']!r}")
        result = await call_tool(tool, call["args"], context.injected())
    except Exception as exc:  # the model must see the failure, not the user a 500
        log.warning("coach tool %s failed: %s", call["name"], exc)
        result, status = {"status": "error", "error": str(exc)}, "error"
    content = json.dumps(result, default=str, ensure_ascii=False)
    return ToolMessage(content, tool_call_id=call["id"] or "", name=call["name"], status=status)


async def tools(state: CoachState, runtime: Runtime[CoachContext]) -> dict[str, Any]:
    """Run the turn's tool calls concurrently with the server-side arguments filled in."""
    calls = _pending_calls(state)
    results = await asyncio.gather(*(_run(c, runtime.context) for c in calls))
    return {"messages": list(results)}


def build_graph() -> StateGraph[CoachState, CoachContext, CoachState, CoachState]:
    """The coach graph builder; compile it with a checkpointer."""
    builder = StateGraph(CoachState, context_schema=CoachContext)
    builder.add_node("agent", agent)
    builder.add_node("confirm", confirm)
    builder.add_node("tools", tools)
    builder.add_edge(START, "agent")
    builder.add_conditional_edges("agent", route_after_agent)
    builder.add_conditional_edges("confirm", route_after_confirm)
    builder.add_edge("tools", "agent")
    return builder
