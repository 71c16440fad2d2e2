"""Dependency aliases for routes (``Annotated`` style)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from nutriprofile.context import AppContext
from store.search import FoodSearch


async def get_context(request: Request) -> AppContext:
    """The context opened in the lifespan (async: FastAPI runs sync dependencies in threads)."""
    ctx: AppContext = request.app.state.ctx
    return ctx


async def get_search(request: Request) -> FoodSearch:
    """The food search service."""
    search: FoodSearch = request.app.state.ctx.search
    return search


ContextDep = Annotated[AppContext, Depends(get_context)]
SearchDep = Annotated[FoodSearch, Depends(get_search)]
