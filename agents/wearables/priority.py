"""Source priority and the interval merge that keeps overlapping sources from double counting.

Like Apple Health's source list, sources rank watch/wearable > other device (a phone) >
no device (an app or a manual entry). :func:`merge` lets the best source count in full
and a lower one only for time no better source (or earlier item of its own) covers,
pro rata to the uncovered share of each interval.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from datetime import datetime

from agents.wearables.records import SourceInfo

WEARABLE_PROVIDERS = {"garmin_fit", "fitbit", "tcx"}
_WATCH = re.compile(
    r"watch|band|fitbit|garmin|forerunner|fenix|vivo_?fit|vivoactive|polar|"
    r"suunto|wahoo|coros|oura|whoop|\bgear\b",
    re.IGNORECASE,
)
Item = tuple[SourceInfo, datetime, datetime, float, Hashable]
Piece = tuple[datetime, datetime, float, Hashable, SourceInfo]


def source_tier(source: SourceInfo) -> int:
    """0 = watch or other wearable, 1 = other device (a phone), 2 = no device (app/manual)."""
    if source.provider in WEARABLE_PROVIDERS or _WATCH.search(
        f"{source.device or ''} {source.app or ''}"
    ):
        return 0
    return 1 if source.device else 2


def source_label(source: SourceInfo) -> str:
    """Human label: ``apple_health: iPhone (iPhone10,4) / Ryan Phone``."""
    parts = [p for p in (source.device, source.app) if p]
    return f"{source.provider}: {' / '.join(parts)}" if parts else source.provider


def merge(items: list[Item]) -> list[Piece]:
    """Each item's share of time not covered by a better source or an earlier item."""
    by_source: dict[SourceInfo, list[Item]] = defaultdict(list)
    for item in items:
        by_source[item[0]].append(item)
    order = sorted(
        by_source, key=lambda s: (source_tier(s), -sum(i[3] for i in by_source[s]), source_label(s))
    )
    blocked: list[tuple[datetime, datetime]] = []
    pieces: list[Piece] = []
    for source in order:
        own: list[tuple[datetime, datetime]] = []
        reach: datetime | None = None
        at = 0
        for _, start, end, value, tag in sorted(by_source[source], key=lambda i: (i[1], i[2])):
            lo = start if reach is None else max(start, reach)
            while at < len(blocked) and blocked[at][1] <= lo:
                at += 1
            if end <= start:
                if lo == start and not (at < len(blocked) and blocked[at][0] <= start):
                    pieces.append((start, start, value, tag, source))
                continue
            span = (end - start).total_seconds()
            for a, b in _free(lo, end, blocked, at):
                pieces.append((a, b, value * (b - a).total_seconds() / span, tag, source))
            own.append((start, end))
            reach = end if reach is None else max(reach, end)
        blocked = _union(heapq.merge(blocked, own))
    return pieces


def _free(
    lo: datetime, hi: datetime, blocked: list[tuple[datetime, datetime]], at: int
) -> list[tuple[datetime, datetime]]:
    """Parts of ``[lo, hi)`` outside the sorted, disjoint ``blocked`` intervals."""
    free: list[tuple[datetime, datetime]] = []
    cursor = lo
    while at < len(blocked) and blocked[at][0] < hi and cursor < hi:
        a, b = blocked[at]
        if a > cursor:
            free.append((cursor, a))
        cursor = max(cursor, b)
        at += 1
    if cursor < hi:
        free.append((cursor, hi))
    return free


def _union(spans: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    out: list[tuple[datetime, datetime]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
