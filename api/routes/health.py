"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import ContextDep
from api.schemas import HealthOut

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut, summary="The process is alive")
async def health() -> HealthOut:
    """Always ok while the process serves requests."""
    return HealthOut(status="ok")


@router.get(
    "/ready",
    response_model=HealthOut,
    responses={503: {"model": HealthOut}},
    summary="The database answers",
)
async def ready(ctx: ContextDep) -> JSONResponse:
    """503 while the database is unreachable, 200 once it answers again."""
    ok = await ctx.db.ping()
    body = HealthOut(status="ok" if ok else "unavailable", database="ok" if ok else "down")
    return JSONResponse(body.model_dump(), status_code=200 if ok else 503)
