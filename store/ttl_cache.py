"""A small LRU cache whose entries expire, for read-mostly lookups of food data.

Food records change only when a source is re-imported; a short time-to-live
bounds how long another process's import can go unseen, while repeated
lookups within a burst (a meal, an eval run, a chat turn) skip the database.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class TTLCache(Generic[K, V]):
    """Bounded mapping with per-entry expiry; not thread-safe (one event loop)."""

    def __init__(
        self, max_size: int, ttl_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._items: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._max_size = max_size
        self._ttl_s = ttl_s
        self._clock = clock

    def get(self, key: K) -> V | None:
        """The value if present and fresh, else None."""
        entry = self._items.get(key)
        if entry is None:
            return None
        stored_at, value = entry
        if self._clock() - stored_at > self._ttl_s:
            del self._items[key]
            return None
        self._items.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        """Remember a value, evicting the least recently used beyond the bound."""
        if self._max_size <= 0:
            return
        self._items[key] = (self._clock(), value)
        self._items.move_to_end(key)
        while len(self._items) > self._max_size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        """Forget everything (after an import in this process)."""
        self._items.clear()
