"""Micro-batching of query embeddings across concurrent requests.

One short phrase costs a whole forward pass; thirty phrases in one pass cost
little more.  Under load, requests that arrive while a batch is being encoded
wait for the next one, so batches form by themselves; an idle service encodes
a lone phrase at once, with no added wait.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field

from store.embeddings import Embedder, Vector

MAX_BATCH_PHRASES = 256


@dataclass(slots=True)
class _Pending:
    phrases: Sequence[str]
    future: asyncio.Future[list[Vector]]


@dataclass(slots=True)
class _LoopQueue:
    """The waiting requests of one event loop and whether a drain task is running."""

    pending: list[_Pending] = field(default_factory=list)
    draining: bool = False


class EmbedBatcher:
    """Embeds phrases for many concurrent callers in shared batches, off the event loop."""

    def __init__(self, embedder: Embedder, max_batch: int = MAX_BATCH_PHRASES) -> None:
        self._embedder = embedder
        self._max_batch = max_batch
        self._queues: dict[asyncio.AbstractEventLoop, _LoopQueue] = {}

    async def embed(self, phrases: Sequence[str]) -> list[Vector]:
        """Vectors for ``phrases``, in order, encoded together with other waiting requests."""
        if not phrases:
            return []
        loop = asyncio.get_running_loop()
        queue = self._queues.get(loop)
        if queue is None:
            self._queues = {lp: q for lp, q in self._queues.items() if not lp.is_closed()}
            queue = self._queues[loop] = _LoopQueue()
        future: asyncio.Future[list[Vector]] = loop.create_future()
        queue.pending.append(_Pending(phrases, future))
        if not queue.draining:
            queue.draining = True
            loop.create_task(self._drain(queue))
        return await future

    def _take(self, queue: _LoopQueue) -> list[_Pending]:
        """Waiting requests up to the batch size (always at least one)."""
        taken: list[_Pending] = []
        count = 0
        while queue.pending:
            if taken and count + len(queue.pending[0].phrases) > self._max_batch:
                break
            item = queue.pending.pop(0)
            taken.append(item)
            count += len(item.phrases)
        return taken

    async def _drain(self, queue: _LoopQueue) -> None:
        try:
            while queue.pending:
                batch = self._take(queue)
                texts = [p for item in batch for p in item.phrases]
                try:
                    vectors = await asyncio.to_thread(self._embedder.encode_queries, texts)
                except Exception as exc:  # noqa: BLE001 - every waiting caller gets the error
                    for item in batch:
                        if not item.future.done():
                            item.future.set_exception(exc)
                    continue
                start = 0
                for item in batch:
                    end = start + len(item.phrases)
                    if not item.future.done():  # a caller may have been cancelled
                        item.future.set_result(vectors[start:end])
                    start = end
        finally:
            queue.draining = False
