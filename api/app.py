"""FastAPI application: lifespan opens the shared context once per process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.routes import foods, health
from nutriprofile.context import AppContext, open_context
from nutriprofile.settings import Settings, get_settings


def create_app(settings: Settings | None = None, ctx: AppContext | None = None) -> FastAPI:
    """Build the app; pass ``ctx`` to share an already open context (tests, benchmarks)."""
    chosen = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = ctx is None
        app.state.ctx = ctx or await open_context(chosen)
        app.state.ctx.embedder.warm_up()
        try:
            yield
        finally:
            if own:
                await app.state.ctx.close()

    app = FastAPI(
        title="NutriProfile Agents",
        version="0.1.0",
        description="Nutrition agents grounded in USDA data: food search, meal analysis, coach.",
        lifespan=lifespan,
    )
    app.include_router(health.router)
    app.include_router(foods.router)
    return app
