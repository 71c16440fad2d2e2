from store.ttl_cache import TTLCache


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_entries_expire_after_ttl() -> None:
    clock = Clock()
    cache: TTLCache[str, int] = TTLCache(10, ttl_s=5, clock=clock)
    cache.put("a", 1)
    clock.now = 4.9
    assert cache.get("a") == 1
    clock.now = 5.1
    assert cache.get("a") is None


def test_least_recently_used_is_evicted() -> None:
    cache: TTLCache[str, int] = TTLCache(2, ttl_s=60, clock=Clock())
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a is now the most recent
    cache.put("c", 3)
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == (1, 3)


def test_zero_size_stores_nothing_and_clear_forgets() -> None:
    none: TTLCache[str, int] = TTLCache(0, ttl_s=60)
    none.put("a", 1)
    assert none.get("a") is None
    cache: TTLCache[str, int] = TTLCache(5, ttl_s=60)
    cache.put("a", 1)
    cache.clear()
    assert cache.get("a") is None
