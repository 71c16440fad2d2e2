"""Dependency aliases for routes (``Annotated`` style)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from nutriprofile.context import AppContext
from store.search import FoodSearch


def get_context(request: Request) -> AppContext:
    """The context opened in the lifespan."""
    ctx: AppContext = request.app.state.ctx
    return ctx


def get_search(request: Request) -> FoodSearch:
    """The food search service."""
    return get_context(request).search


ContextDep = Annotated[AppContext, Depends(get_context)]
SearchDep = Annotated[FoodSearch, Depends(get_search)]
