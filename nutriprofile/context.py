"""The application's long-lived parts, opened once and shared by CLI, API and evals."""

from __future__ import annotations

from dataclasses import dataclass

from agents.nutrition.analyzer import MealAnalyzer
from nutriprofile.settings import Settings
from store.database import Database, open_database
from store.embeddings import Embedder, get_embedder
from store.search import FoodSearch


@dataclass(slots=True)
class AppContext:
    """Settings, database, embedder, food search and the meal analyzer."""

    settings: Settings
    db: Database
    embedder: Embedder
    search: FoodSearch
    analyzer: MealAnalyzer

    async def close(self) -> None:
        """Release database connections."""
        await self.db.close()


async def open_context(settings: Settings) -> AppContext:
    """Start (or join) the database, migrate, and wire the services."""
    db = await open_database(settings)
    embedder = get_embedder(settings.search)
    search = FoodSearch(db, embedder, settings.search)
    llm = None
    if settings.llm.backend != "offline":  # the model's parse joins consensus as a check
        from agents.coach.llm import build_chat_model

        llm = build_chat_model(settings.llm)
    analyzer = MealAnalyzer(search, settings.api.max_meal_chars, llm)
    return AppContext(settings, db, embedder, search, analyzer)
