"""Coach conversations: run one turn of the coach graph and report it as events.

A turn either starts from the user's message or, when the thread is waiting at a
confirmation, resumes the ``interrupt()`` with it. Events (token, tool_call,
tool_result, interrupt, error, done) are plain dicts so the API can send them as JSON or
Server-Sent Events unchanged.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.runnables import RunnableConfig
from langchain_core.tools import BaseTool
from langgraph.types import Command, StateSnapshot

from agents.coach.history import parse_content, pending_of, render
from agents.coach.threads import ThreadStore, new_thread_id, thread_key
from graphs.coach import CoachContext, build_graph
from nutriprofile.context import AppContext
from tools.registry import check_services, load_tools

log = logging.getLogger(__name__)
Event = dict[str, Any]
RECURSION_LIMIT = 24


def utc_today() -> date:
    """The service's calendar day (UTC), as the diary routes use."""
    return datetime.now(UTC).date()


class ThreadNotFoundError(LookupError):
    """The thread id names no thread of this user."""


class CoachChat:
    """The compiled coach graph with its checkpointer, tools and services."""

    def __init__(
        self, app: AppContext, store: ThreadStore, model: BaseChatModel,
        tools: Sequence[BaseTool] | None = None, clock: Callable[[], date] = utc_today,
    ) -> None:  # fmt: skip
        tool_list = list(tools) if tools is not None else load_tools()
        self.services = {"db": app.db, "analyzer": app.analyzer, "search": app.search}
        check_services(tool_list, [*self.services, "user_id", "today"])
        self.tools = {t.name: t for t in tool_list}
        self.model = model.bind_tools(tool_list)
        self.store = store
        self.graph: Any = build_graph().compile(checkpointer=store.saver)
        self.clock = clock
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    def _config(self, key: str) -> RunnableConfig:
        return {"configurable": {"thread_id": key}, "recursion_limit": RECURSION_LIMIT}

    def _key(self, user_id: str, thread_id: str) -> str:
        key = thread_key(user_id, thread_id)
        if key is None:
            raise ThreadNotFoundError(thread_id)
        return key

    async def _snapshot(self, user_id: str, thread_id: str) -> StateSnapshot:
        key = self._key(user_id, thread_id)
        if not await self.store.exists(key):
            raise ThreadNotFoundError(thread_id)
        snapshot: StateSnapshot = await self.graph.aget_state(self._config(key))
        return snapshot

    async def open_thread(self, user_id: str, thread_id: str | None) -> str:
        """The thread to talk in: a new id, or an existing one of this user."""
        if thread_id is None:
            return new_thread_id()
        await self._snapshot(user_id, thread_id)
        return thread_id

    async def turn(self, user_id: str, thread_id: str, message: str) -> AsyncIterator[Event]:
        """Run one turn and yield its events; the last one is ``done``."""
        key = self._key(user_id, thread_id)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            config = self._config(key)
            snapshot = await self.graph.aget_state(config)
            payload: Any = (
                Command(resume=message) if snapshot.interrupts
                else {"messages": [HumanMessage(message)]}
            )  # fmt: skip
            context = CoachContext(user_id, self.clock(), self.model, self.tools, self.services)
            reply, pending = "", None
            try:
                async for mode, chunk in self.graph.astream(
                    payload,
                    config,
                    context=context,
                    stream_mode=["messages", "updates"],
                    durability="exit",
                ):
                    for event in _events(mode, chunk):
                        if event["type"] == "reply":
                            reply = event["text"]
                            continue
                        if event["type"] == "interrupt":
                            pending = {k: v for k, v in event.items() if k != "type"}
                            reply = str(event["question"])
                        yield event
            except Exception as exc:  # report to the client; the thread keeps its last state
                log.exception("coach turn failed")
                detail = f"the coach could not answer ({type(exc).__name__}); please try again"
                yield {"type": "error", "detail": detail}
            yield {"type": "done", "thread_id": thread_id, "reply": reply,
                   "pending_confirmation": pending}  # fmt: skip

    async def history(self, user_id: str, thread_id: str) -> dict[str, Any]:
        """The thread's messages and its pending confirmation, if any."""
        snapshot = await self._snapshot(user_id, thread_id)
        return {"thread_id": thread_id, "messages": render(snapshot.values.get("messages", [])),
                "pending_confirmation": pending_of(snapshot),
                "updated_at": snapshot.created_at}  # fmt: skip

    async def threads(self, user_id: str) -> list[dict[str, Any]]:
        """The user's threads, most recent first, titled by their first message."""
        out = []
        for thread_id in await self.store.list_ids(user_id):
            snapshot = await self._snapshot(user_id, thread_id)
            messages = snapshot.values.get("messages", [])
            first = next((m.text for m in messages if isinstance(m, HumanMessage)), "")
            out.append({"thread_id": thread_id, "title": first[:80],
                        "message_count": len(messages),
                        "updated_at": snapshot.created_at})  # fmt: skip
        return out

    async def delete(self, user_id: str, thread_id: str) -> None:
        """Forget the thread (raises :class:`ThreadNotFoundError` when it is not there)."""
        await self._snapshot(user_id, thread_id)
        await self.store.delete(self._key(user_id, thread_id))


def _events(mode: str, chunk: Any) -> list[Event]:
    """Stream parts → events; "reply" is internal (the final answer of the agent)."""
    if mode == "messages":
        message, meta = chunk
        if meta.get("langgraph_node") == "agent" and isinstance(message, AIMessage):
            return [{"type": "token", "text": message.text}] if message.text else []
        return []
    out: list[Event] = []
    for node, update in (chunk or {}).items():
        if node == "__interrupt__":
            out += [{"type": "interrupt", **dict(i.value)} for i in update]
            continue
        for message in (update or {}).get("messages", []):
            out += _message_events(message)
    return out


def _message_events(message: BaseMessage) -> list[Event]:
    if isinstance(message, ToolMessage):
        return [{"type": "tool_result", "id": message.tool_call_id, "name": message.name,
                 "content": parse_content(message.text)}]  # fmt: skip
    if isinstance(message, AIMessage):
        if message.tool_calls:
            return [{"type": "tool_call", "id": c["id"], "name": c["name"], "args": c["args"]}
                    for c in message.tool_calls]  # fmt: skip
        return [{"type": "reply", "text": message.text}]
    return []
