"""Guards against hostile uploads: XML entity tricks, zip bombs and path traversal.

Exports come from users, so every XML parser is built here with entity declarations,
external entities and external DTDs refused before anything is expanded or fetched, and
every zip is vetted (names, member count, declared sizes, compression ratios) before a
single member is read.
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO
from xml.parsers import expat

CHUNK_BYTES = 1 << 16  # small reads keep few parsed records alive per garbage collection


class WearableFormatError(ValueError):
    """The input is not a supported export, is corrupt, or looks hostile; import nothing."""


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """Caps for archives: total unpacked bytes, per-member ratio and member count."""

    max_total_bytes: int = 8 << 30
    max_ratio: float = 200.0
    ratio_floor_bytes: int = 1 << 20
    max_members: int = 200_000


def _refuse_entity(name: str, *_: object) -> None:
    raise WearableFormatError(f"XML entity declaration {name!r} refused (entity expansion)")


def _refuse_external(*_: object) -> int:
    raise WearableFormatError("XML external entity reference refused")


def _check_doctype(name: str, system_id: str | None, public_id: str | None, _: int) -> None:
    if system_id or public_id:
        raise WearableFormatError(f"XML external DTD for {name!r} refused")


def make_xml_parser(namespaces: bool = False) -> expat.XMLParserType:
    """Return an expat parser that accepts inline DTDs but no entity declarations."""
    parser = expat.ParserCreate(namespace_separator=" " if namespaces else None)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.StartDoctypeDeclHandler = _check_doctype
    parser.buffer_text = True
    return parser


def feed_xml(parser: expat.XMLParserType, stream: BinaryIO) -> Iterator[None]:
    """Feed ``stream`` chunk by chunk, pausing after each so handlers' output can drain."""
    try:
        while chunk := stream.read(CHUNK_BYTES):
            parser.Parse(chunk, False)
            yield
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise WearableFormatError(f"malformed XML: {exc}") from None
    yield


def check_member_name(name: str) -> None:
    """Refuse absolute, drive-qualified or parent-escaping member names."""
    path = PurePosixPath(name.replace("\\", "/"))
    if (
        name.startswith(("/", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or ".." in path.parts
        or "\x00" in name
    ):
        raise WearableFormatError(f"zip member name {name!r} escapes the archive")


def vet_zip(archive: zipfile.ZipFile, limits: ZipLimits) -> list[str]:
    """Check every member before reading any; return the regular files' names."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise WearableFormatError(f"zip has {len(infos)} members (limit {limits.max_members})")
    total = 0
    names: list[str] = []
    for info in infos:
        check_member_name(info.filename)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise WearableFormatError(f"zip member {info.filename!r} is a symbolic link")
        if info.is_dir():
            continue
        total += info.file_size
        if total > limits.max_total_bytes:
            raise WearableFormatError(
                f"zip unpacks to more than {limits.max_total_bytes} bytes (zip bomb?)"
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio:
            raise WearableFormatError(
                f"zip member {info.filename!r} compresses {ratio:.0f}:1 "
                f"(limit {limits.max_ratio:.0f}:1, zip bomb?)"
            )
        names.append(info.filename)
    return names


def note(errors: list[str], message: str, limit: int = 200) -> None:
    """Record a non-fatal problem once, keeping the list short on huge inputs."""
    if len(errors) < limit and message not in errors:
        errors.append(message)
