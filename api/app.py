"""FastAPI application: lifespan opens the shared context once per process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.auth_settings import RateLimitSettings, get_auth_settings
from api.errors import install_error_handlers
from api.middleware import BodySizeLimitMiddleware, RequestContextMiddleware
from api.ratelimit import RateLimitMiddleware
from api.routes import analyze, auth, chat, foods, health, meals, profile, summary, wearables, web
from api.routes.fitbit import router as fitbit_router
from api.routes.wearable_webhooks import router as wearable_webhooks_router
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
        reading = asyncio.create_task(app.state.ctx.search.warm_up())  # in the background
        try:
            yield
        finally:
            reading.cancel()
            if own:
                await app.state.ctx.close()

    app = FastAPI(
        title="NutriProfile Agents",
        version="0.1.0",
        description="Nutrition agents grounded in USDA data: food search, meal analysis, coach.",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(foods.router)
    app.include_router(analyze.router)
    app.include_router(auth.router)
    app.include_router(meals.router)
    app.include_router(profile.router)
    app.include_router(summary.router)
    app.include_router(wearables.router)
    app.include_router(wearable_webhooks_router)
    app.include_router(fitbit_router)
    app.include_router(chat.router)
    app.include_router(web.router)
    app.add_middleware(  # innermost of ours; settings read now so a weak secret fails fast
        RateLimitMiddleware, settings=RateLimitSettings(), auth=get_auth_settings()
    )
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=chosen.api.max_body_bytes,
        exempt_paths=("/v1/wearables/import",),  # streamed to disk under its own 2 GB limit
    )
    app.add_middleware(RequestContextMiddleware)  # outermost: ids and logs every answer
    return app
