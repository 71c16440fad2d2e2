"""ASGI middleware: request ids with JSON access logs, and a request body size limit.

Both are plain ASGI (not ``BaseHTTPMiddleware``) so they add no task hop and see every
response, including the 413 and 429 answers produced further in.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "X-Request-ID"
ACCESS_LOGGER = "nutriprofile.access"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
"""The current request's id, for log records written anywhere below the middleware."""


class RequestContextMiddleware:
    """Give every request an id (echo a sane incoming one) and log one JSON line per request."""

    def __init__(self, app: ASGIApp, logger_name: str = ACCESS_LOGGER) -> None:
        self.app = app
        self.logger = logging.getLogger(logger_name)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Tag the response with the id, then log method, path, status, user and latency."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get(REQUEST_ID_HEADER)
        request_id = incoming if incoming and _VALID_ID.match(incoming) else uuid.uuid4().hex
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        status_code = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id_var.reset(token)
            self._log(scope, state, request_id, status_code, time.perf_counter() - started)

    def _log(
        self, scope: Scope, state: dict[str, object], request_id: str, status: int, seconds: float
    ) -> None:
        client = scope.get("client")
        record = {
            "event": "http_request",
            "request_id": request_id,
            "method": scope.get("method"),
            "path": scope.get("path"),
            "status": status,
            "latency_ms": round(seconds * 1000, 2),
            "user_id": state.get("user_id"),
            "client": client[0] if client else None,
        }
        level = logging.ERROR if status >= 500 else logging.INFO
        self.logger.log(level, json.dumps(record, separators=(",", ":")))


class BodyTooLargeError(HTTPException):
    """Raised while reading a body that outgrows the limit; FastAPI answers it as 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=f"request body exceeds {limit:,} bytes")


class BodySizeLimitMiddleware:
    """Answer 413 for bodies over ``max_bytes``: by Content-Length up front, else while read."""

    def __init__(self, app: ASGIApp, max_bytes: int, exempt_paths: tuple[str, ...] = ()) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.exempt_paths = exempt_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Reject declared oversize at once; count streamed (chunked) bodies as they arrive."""
        if scope["type"] != "http" or scope["path"] in self.exempt_paths:
            await self.app(scope, receive, send)  # exempt routes enforce their own limit
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _too_large(self.max_bytes)(scope, receive, send)
            return
        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLargeError(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLargeError:
            if response_started:
                raise
            await _too_large(self.max_bytes)(scope, receive, send)


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"detail": f"request body exceeds {limit:,} bytes"}, status_code=413)
