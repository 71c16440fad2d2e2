"""The hot path of the Apple parser: one ``<Record>`` attribute list → one record.

An export holds millions of Records, so the per-record work is kept minimal: the
attribute *layout* (which names at which positions) repeats for every record of a
source and is resolved once; device labels, sources and unit factors are memoised; an
instant reading's end date (equal to its start) is not parsed twice, and unsupported
types return before any date is parsed.
"""

from __future__ import annotations

from agents.wearables.parsers import apple_types as T
from agents.wearables.records import Provider, Record, SampleKind, SourceInfo, new_sample
from agents.wearables.safety import note
from agents.wearables.sleep import SleepAssembler
from agents.wearables.timeutil import parse_apple
from agents.wearables.units import CANONICAL_UNIT, factor

FORMAT: Provider = "apple_health"
Layout = tuple[int, int, int, int, int, int, int]


class RecordReader:
    """Turns ``[name, value, …]`` attribute lists into samples and sleep sessions."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        self.sleep = SleepAssembler()
        self._layouts: dict[tuple[str, ...], Layout] = {}
        self._sources: dict[tuple[str | None, str | None], SourceInfo] = {}
        self._factors: dict[tuple[SampleKind, str], float] = {}

    def source(self, device: str | None, app: str | None) -> SourceInfo:
        """Memoised SourceInfo for a raw ``device`` string and ``sourceName``.

        Keyed without the device's object address (new in every record), so that one
        device's records share one object, which the import notices by identity.
        """
        key = (T.device_tail(device) if device else device, app)
        info = self._sources.get(key)
        if info is None:
            if len(self._sources) > 4096:
                self._sources.clear()
            info = self._sources[key] = SourceInfo(FORMAT, T.device_label(device), app)
        return info

    def _layout(self, names: tuple[str, ...]) -> Layout:
        """Value positions of the attributes we read, for lists with these ``names``.

        -1 marks an absent attribute.
        """
        layout = self._layouts.get(names)
        if layout is None:
            if len(self._layouts) > 1024:  # real exports use a handful; bound hostile ones
                self._layouts.clear()
            at = {name: 2 * i + 1 for i, name in enumerate(names)}.get
            layout = self._layouts[names] = (
                at("type", -1),
                at("unit", -1),
                at("startDate", -1),
                at("endDate", -1),
                at("value", -1),
                at("device", -1),
                at("sourceName", -1),
            )
        return layout

    def read(self, attrs: list[str], out: list[Record]) -> None:
        """Append the record for one ``<Record>`` (if its type is supported) to ``out``.

        Raises:
            KeyError: a mandatory attribute (dates, value) is missing.
            ValueError: a date, number or unit cannot be read.
        """
        names = tuple(attrs[::2])
        t, u, s, e, v, d, n = self._layouts.get(names) or self._layout(names)
        rtype = attrs[t] if t > 0 else ""
        kind = T.QUANTITY_KINDS.get(rtype)
        if kind is None and rtype != T.SLEEP_TYPE:
            return
        if s < 0 or e < 0:
            raise KeyError("startDate/endDate")
        start = parse_apple(attrs[s])
        end = start if attrs[e] == attrs[s] else parse_apple(attrs[e])
        device = attrs[d] if d > 0 else None
        app = attrs[n] if n > 0 else None
        source = self.source(device, app)
        if kind is not None:
            if v < 0:
                raise KeyError("value")
            unit = attrs[u] if u > 0 else ""
            mult = self._factors.get((kind, unit))
            if mult is None:
                mult = self._factors[(kind, unit)] = factor(kind, unit)
            out.append(
                new_sample(kind, start, end, float(attrs[v]) * mult, CANONICAL_UNIT[kind], source)
            )
            return
        value = attrs[v] if v > 0 else ""
        stage = T.SLEEP_STAGES.get(value)
        if stage is None:
            note(self.errors, f"apple: unknown sleep value {value!r}")
            return
        closed = self.sleep.add(stage, start, end, source)
        if closed is not None:
            out.append(closed)
