"""Coach chat: one turn as JSON or Server-Sent Events, and the user's durable threads.

The router's lifespan opens the thread store (LangGraph Postgres checkpointer) and the
coach on the application's context. Thread ids are only meaningful to their owner:
another user's id answers 404 exactly like an unknown one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request, Response, status
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from agents.coach.chat import CoachChat, Event, ThreadNotFoundError
from agents.coach.llm.factory import build_chat_model
from agents.coach.threads import ThreadStore
from api.deps_auth import CurrentUser, SessionDep
from api.schemas import BAD_BODY, UNAUTHORIZED, ErrorOut
from nutriprofile.context import AppContext

NOT_FOUND = "thread not found"
SHOWN_EVENTS = ("tool_call", "tool_result", "interrupt")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the checkpointer on the app's database; runs after the app's own lifespan."""
    ctx: AppContext = app.state.ctx
    store = await ThreadStore.open(ctx.db.url)
    app.state.coach = CoachChat(ctx, store, build_chat_model(ctx.settings.llm))
    try:
        yield
    finally:
        await store.close()


router = APIRouter(prefix="/v1/chat", tags=["chat"], lifespan=lifespan, responses=UNAUTHORIZED)


async def get_coach(request: Request) -> CoachChat:
    """The coach opened in the lifespan."""
    coach: CoachChat = request.app.state.coach
    return coach


CoachDep = Annotated[CoachChat, Depends(get_coach)]


class ChatIn(BaseModel):
    """A message to the coach; answer a pending confirmation with "yes" or "no"."""

    message: str = Field(min_length=1, max_length=2000, description="What the user says",
                         examples=["I had two eggs and toast for breakfast"])  # fmt: skip
    thread_id: str | None = Field(
        default=None, description="Continue this thread; omit to start one",
        examples=["3f2b9c0d4e5f46a7b8c9d0e1f2a3b4c5"],
    )  # fmt: skip


class PendingOut(BaseModel):
    """A write waiting for the user's yes/no."""

    question: str = Field(description="Ask this", examples=["Log this meal: two eggs? (yes/no)"])
    actions: list[dict[str, Any]] = Field(
        description="The tool calls that run on yes",
        examples=[[{"tool": "log_meal", "args": {"text": "two eggs"}}]],
    )


class ChatOut(BaseModel):
    """One turn: the reply, what the tools did, and a pending confirmation if any."""

    thread_id: str = Field(description="Thread to continue", examples=["3f2b9c0d4e5f46a7b8c9d0e1"])
    reply: str = Field(description="The coach's answer (or its yes/no question)",
                       examples=["Logged breakfast: … Total: 216.4 kcal, …"])  # fmt: skip
    events: list[dict[str, Any]] = Field(
        description="tool_call, tool_result and interrupt events in order",
        examples=[[{"type": "tool_call", "name": "daily_summary", "args": {"day": "today"}}]],
    )
    pending_confirmation: PendingOut | None = Field(description="Set while waiting for yes/no")


class ThreadOut(BaseModel):
    """One of the user's conversations."""

    thread_id: str = Field(description="Thread id", examples=["3f2b9c0d4e5f46a7b8c9d0e1f2a3b4c5"])
    title: str = Field(description="The first message", examples=["I had two eggs"])
    message_count: int = Field(description="Messages incl. tool calls and results", examples=[6])
    updated_at: dt.datetime = Field(description="Last activity", examples=["2026-03-14T08:30:00Z"])


class ThreadHistoryOut(BaseModel):
    """A conversation's messages."""

    thread_id: str = Field(description="Thread id", examples=["3f2b9c0d4e5f46a7b8c9d0e1f2a3b4c5"])
    messages: list[dict[str, Any]] = Field(
        description="role user | assistant | tool, with content, tool_calls and results",
        examples=[[{"role": "user", "content": "how am I doing?"}]],
    )
    pending_confirmation: PendingOut | None = Field(description="Set while waiting for yes/no")
    updated_at: dt.datetime = Field(description="Last activity", examples=["2026-03-14T08:30:00Z"])


async def _sse(events: AsyncIterator[Event]) -> AsyncIterator[str]:
    async for event in events:
        yield f"event: {event['type']}\ndata: {json.dumps(event, default=str)}\n\n"


@router.post(
    "",
    response_model=ChatOut,
    responses={
        200: {"content": {"text/event-stream": {}}},
        **BAD_BODY,
        404: {"model": ErrorOut},
        502: {"model": ErrorOut, "description": "The language model failed"},
    },
    summary="Talk to the coach (JSON, or SSE with Accept: text/event-stream)",
)
async def chat(
    body: ChatIn, user: CurrentUser, session: SessionDep, coach: CoachDep, request: Request
) -> ChatOut | StreamingResponse:
    """Run one turn; with ``Accept: text/event-stream`` stream tokens and tool events."""
    await session.close()  # the sign-in check's connection goes back before a long turn
    try:
        thread_id = await coach.open_thread(str(user.id), body.thread_id)
    except ThreadNotFoundError as exc:
        raise HTTPException(status_code=404, detail=NOT_FOUND) from exc
    events = coach.turn(str(user.id), thread_id, body.message)
    if "text/event-stream" in request.headers.get("accept", ""):
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(_sse(events), media_type="text/event-stream", headers=headers)
    collected = [event async for event in events]
    failure = next((e for e in collected if e["type"] == "error"), None)
    if failure is not None:
        raise HTTPException(status_code=status.HTTP_502_BAD_GATEWAY, detail=failure["detail"])
    done = collected[-1]
    return ChatOut(
        thread_id=thread_id, reply=done["reply"], pending_confirmation=done["pending_confirmation"],
        events=[e for e in collected if e["type"] in SHOWN_EVENTS],
    )  # fmt: skip


@router.get("/threads", response_model=list[ThreadOut], summary="My conversations")
async def list_threads(user: CurrentUser, coach: CoachDep) -> list[ThreadOut]:
    """Most recently active first."""
    return [ThreadOut.model_validate(t) for t in await coach.threads(str(user.id))]


@router.get(
    "/threads/{thread_id}",
    response_model=ThreadHistoryOut,
    responses={404: {"model": ErrorOut}},
    summary="One conversation's messages",
)
async def get_thread(thread_id: str, user: CurrentUser, coach: CoachDep) -> ThreadHistoryOut:
    """404 for unknown ids and for other users' threads alike."""
    try:
        return ThreadHistoryOut.model_validate(await coach.history(str(user.id), thread_id))
    except ThreadNotFoundError as exc:
        raise HTTPException(status_code=404, detail=NOT_FOUND) from exc


@router.delete(
    "/threads/{thread_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={404: {"model": ErrorOut}},
    summary="Delete a conversation",
)
async def delete_thread(thread_id: str, user: CurrentUser, coach: CoachDep) -> Response:
    """Forget the thread's checkpoints; meals it logged stay in the diary."""
    try:
        await coach.delete(str(user.id), thread_id)
    except ThreadNotFoundError as exc:
        raise HTTPException(status_code=404, detail=NOT_FOUND) from exc
    return Response(status_code=status.HTTP_204_NO_CONTENT)
