"""The web chat page: static HTML, JavaScript and CSS from ``api/static`` (no build step).

Only files that ship in that folder are served, so a path can never leave it; a strict
Content-Security-Policy allows scripts and styles from this origin only.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'"
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Cache-Control": "no-cache"}  # fmt: skip

router = APIRouter(include_in_schema=False)


def _file(name: str) -> FileResponse:
    shipped = {p.name for p in STATIC_DIR.iterdir() if p.is_file()}
    if name not in shipped:
        raise HTTPException(status_code=404, detail="not found")
    return FileResponse(STATIC_DIR / name, headers=HEADERS)


@router.get("/")
async def index() -> FileResponse:
    """The chat page."""
    return _file("index.html")


@router.get("/static/{name}")
async def static_file(name: str) -> FileResponse:
    """A script, stylesheet or icon of the page."""
    return _file(name)
