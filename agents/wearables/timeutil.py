"""Date/time parsing for the export formats, all ending in tz-aware UTC datetimes.

The hot paths (Apple's ``2019-05-14 18:52:09 -0400``, Fitbit's ``12/06/17 23:12:00``)
avoid ``strptime``, which is an order of magnitude slower, because exports hold millions
of timestamps.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

_OFFSETS: dict[str, timedelta] = {}
_SPACED_OFFSET = re.compile(r"\s+([+-]\d{2}:?\d{2})$")
_UTC_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})$")


def _offset(text: str) -> timedelta:
    """Return the timedelta of a ``-0400``-style offset, memoised (exports use few)."""
    off = _OFFSETS.get(text)
    if off is None:
        sign = -1 if text[0] == "-" else 1
        off = timedelta(hours=sign * int(text[1:3]), minutes=sign * int(text[-2:]))
        _OFFSETS[text] = off
    return off


def to_utc(moment: datetime, assume: timezone = UTC) -> datetime:
    """Make ``moment`` UTC, reading a naive value as being in ``assume``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=assume)
    return moment.astimezone(UTC)


def parse_apple(text: str) -> datetime:
    """Parse any Apple export date: ``Y-m-d H:M:S -0400``, ISO with offset, or naive (UTC)."""
    if len(text) == 25 and text[19] == " " and text[10] == " ":
        off = _OFFSETS.get(text[20:])
        if off is None:
            off = _offset(text[20:])
        return datetime.fromisoformat(text[:19] + "+00:00") - off
    return parse_iso(text)


def parse_iso(text: str, assume: timezone = UTC) -> datetime:
    """Parse ISO-8601 (``Z``, ``±hh:mm``, ``±hhmm``, space separators); naive → ``assume``."""
    cleaned = _SPACED_OFFSET.sub(r"\1", text.strip())
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        return to_utc(datetime.fromisoformat(cleaned), assume)
    except ValueError:
        raise ValueError(f"unrecognised date {text!r}") from None


def parse_fitbit(text: str, offset: timedelta = timedelta(0)) -> datetime:
    """Parse Fitbit's ``MM/DD/YY HH:MM:SS``; ``offset`` is the clock's UTC offset."""
    naive = datetime(
        2000 + int(text[6:8]),
        int(text[0:2]),
        int(text[3:5]),
        int(text[9:11]),
        int(text[12:14]),
        int(text[15:17]),
    )
    return (naive - offset).replace(tzinfo=UTC)


def from_epoch_ns(nanos: int) -> datetime:
    """Convert integer epoch nanoseconds to UTC without float rounding."""
    seconds, rest = divmod(int(nanos), 1_000_000_000)
    return datetime.fromtimestamp(seconds, UTC).replace(microsecond=rest // 1000)


def from_epoch_ms(millis: int | str) -> datetime:
    """Convert epoch milliseconds (int or numeric text) to UTC."""
    seconds, rest = divmod(int(float(millis)), 1000)
    return datetime.fromtimestamp(seconds, UTC).replace(microsecond=rest * 1000)


def parse_utc_offset(text: str) -> timedelta | None:
    """Read ``UTC-0300``, ``+05:30`` or ``-0400`` as a timedelta; ``None`` if unreadable."""
    match = _UTC_OFFSET.match(text.strip())
    if not match:
        return None
    sign = -1 if match.group(1) == "-" else 1
    return sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
