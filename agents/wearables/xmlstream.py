"""Namespace-blind XML event stream for the small GPS formats (TCX, GPX).

TCX and GPX come in several namespace versions (GPX 1.0 and 1.1, TCX v1 and v2); the
parsers only care about local element names, leaf text and attributes, so this turns
the guarded expat parser into an iterator of simple events.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, Literal, TypeAlias

from agents.wearables.safety import feed_xml, make_xml_parser

Event: TypeAlias = tuple[Literal["start", "end"], str, dict[str, str], str]


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def iter_events(stream: BinaryIO) -> Iterator[Event]:
    """Yield ``(event, local_name, attrs, text)``; ``text`` is the leaf text on ``end``."""
    parser = make_xml_parser(namespaces=True)
    pending: list[Event] = []
    text: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        text.clear()
        pending.append(("start", _local(name), {_local(k): v for k, v in attrs.items()}, ""))

    def end(name: str) -> None:
        pending.append(("end", _local(name), {}, "".join(text).strip()))
        text.clear()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text.append
    for _ in feed_xml(parser, stream):
        yield from pending
        pending.clear()
