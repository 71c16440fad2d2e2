"""Answers for failures that are the service's state, not the request's fault.

While PostgreSQL restarts, a request that needs it fails deep in a driver
(a missing socket, a dropped connection).  The client should hear "try again
shortly" -- 503 with Retry-After -- rather than a bare 500; ``/ready`` already
says the same to orchestrators.
"""

from __future__ import annotations

import logging

import psycopg
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError

log = logging.getLogger("nutriprofile.api")

RETRY_AFTER_S = 5
UNAVAILABLE = (OperationalError, InterfaceError, psycopg.OperationalError, ConnectionError, OSError)


async def database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """503 with Retry-After, logged once with the cause."""
    log.warning("database unavailable for %s %s: %r", request.method, request.url.path, exc)
    return JSONResponse(
        {"detail": "the database is unavailable right now; try again in a few seconds"},
        status_code=503,
        headers={"Retry-After": str(RETRY_AFTER_S)},
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    for kind in UNAVAILABLE:
        app.add_exception_handler(kind, database_unavailable)
