"""Stream a multipart upload's ``file`` part to disk as it arrives, with a byte limit.

Starlette's form parsing spools the whole body before a route can check its size; here
the body is parsed chunk by chunk (python-multipart), the file part is written straight
to a folder, and the request is refused with 413 as soon as it grows past the limit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from fastapi import HTTPException, Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks


class _FilePart:
    """python-multipart callbacks writing the ``file`` part to disk, counting bytes."""

    def __init__(self, folder: Path, limit: int) -> None:
        self.folder, self.limit, self.size = folder, limit, 0
        self.path: Path | None = None
        self._out: IO[bytes] | None = None
        self._field = self._value = self._disposition = b""

    def callbacks(self) -> MultipartCallbacks:
        """The parser callbacks: headers to find the part, data to write it."""
        return {
            "on_header_field": self._on_field,
            "on_header_value": self._on_value,
            "on_header_end": self._on_header_end,
            "on_headers_finished": self._on_headers,
            "on_part_data": self._on_data,
            "on_part_end": self.close,
        }

    def _on_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def _on_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _on_header_end(self) -> None:
        if self._field.lower() == b"content-disposition":
            self._disposition = self._value
        self._field = self._value = b""

    def _on_headers(self) -> None:
        _, options = parse_options_header(self._disposition)
        self._disposition = b""
        raw = options.get(b"filename")
        if options.get(b"name") == b"file" and raw and self.path is None:
            name = re.sub(r"[^\w.+-]", "_", Path(raw.decode("utf-8", "replace")).name)
            self.path = self.folder / (name.lstrip(".")[:200] or "upload")
            self._out = self.path.open("wb")

    def _on_data(self, data: bytes, start: int, end: int) -> None:
        if self._out is not None:
            self.size += end - start
            if self.size > self.limit:
                raise HTTPException(413, f"upload exceeds {self.limit:,} bytes")
            self._out.write(data[start:end])

    def close(self) -> None:
        """Close the file at the end of its part (or when the request is abandoned)."""
        if self._out is not None:
            self._out.close()
            self._out = None


async def receive_file(request: Request, folder: Path, limit: int) -> Path:
    """Stream the multipart body; return the saved ``file`` part's path."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + (1 << 20):  # allow multipart framing
        raise HTTPException(413, f"upload exceeds {limit:,} bytes")
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    if ctype != b"multipart/form-data" or not params.get(b"boundary"):
        raise HTTPException(415, "send multipart/form-data with a 'file' part")
    upload = _FilePart(folder, limit)
    parser = MultipartParser(params[b"boundary"], upload.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        raise HTTPException(422, f"malformed multipart body: {exc}") from None
    finally:
        upload.close()
    if upload.path is None:
        raise HTTPException(422, "no 'file' part with a filename in the upload")
    return upload.path


def file_part_openapi(description: str) -> dict[str, Any]:
    """OpenAPI ``requestBody`` of a route that reads its ``file`` part with :func:`receive_file`."""
    part = {"type": "string", "format": "binary", "description": description}
    schema = {"type": "object", "required": ["file"], "properties": {"file": part}}
    content = {"multipart/form-data": {"schema": schema}}
    return {"requestBody": {"required": True, "content": content}}
