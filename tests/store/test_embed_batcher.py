"""Query embeddings batched across concurrent callers: same vectors, fewer forward passes."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import numpy as np
import pytest

from store.embed_batcher import EmbedBatcher
from store.embeddings import Embedder, Vector, get_embedder


class CountingEmbedder(Embedder):
    """The real model, counting how many batches it is asked to encode."""

    def __init__(self) -> None:
        super().__init__(cache_size=0)
        self._model = get_embedder()._ensure_model()
        self.batches: list[int] = []

    def encode_queries(self, texts: Sequence[str]) -> list[Vector]:
        self.batches.append(len(texts))
        return super().encode_queries(texts)


class BrokenEmbedder(Embedder):
    def encode_queries(self, texts: Sequence[str]) -> list[Vector]:
        raise RuntimeError("model unavailable")


FOODS = ("rice", "toast", "apple", "oatmeal", "coffee", "banana", "salmon", "yogurt")
PHRASES = [[food, f"{food} with butter"] for food in FOODS]


async def test_concurrent_callers_share_batches_and_get_their_own_vectors() -> None:
    embedder = CountingEmbedder()
    batcher = EmbedBatcher(embedder)
    results = await asyncio.gather(*(batcher.embed(p) for p in PHRASES))
    assert sum(embedder.batches) == 2 * len(PHRASES)
    assert len(embedder.batches) < len(PHRASES)  # callers waited for a shared pass
    for phrases, vectors in zip(PHRASES, results, strict=True):
        alone = embedder.encode(phrases)
        assert len(vectors) == len(phrases)
        assert np.allclose(np.stack(vectors), alone, atol=1e-5)


async def test_batches_respect_the_size_limit() -> None:
    embedder = CountingEmbedder()
    batcher = EmbedBatcher(embedder, max_batch=4)
    await asyncio.gather(*(batcher.embed(p) for p in PHRASES))
    assert max(embedder.batches) <= 4


async def test_a_lone_caller_is_encoded_at_once_and_empty_asks_cost_nothing() -> None:
    embedder = CountingEmbedder()
    batcher = EmbedBatcher(embedder)
    assert await batcher.embed([]) == []
    vectors = await batcher.embed(["brown rice"])
    assert embedder.batches == [1] and vectors[0].shape == (384,)


async def test_every_waiting_caller_hears_the_failure_and_the_next_call_still_runs() -> None:
    batcher = EmbedBatcher(BrokenEmbedder())
    outcomes = await asyncio.gather(*(batcher.embed(p) for p in PHRASES), return_exceptions=True)
    assert all(isinstance(o, RuntimeError) for o in outcomes)
    with pytest.raises(RuntimeError, match="model unavailable"):
        await batcher.embed(["rice"])
