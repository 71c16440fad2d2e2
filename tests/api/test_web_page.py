import re
from pathlib import Path

import pytest

from api.app import create_app

STATIC = Path(__file__).resolve().parents[2] / "api" / "static"


def test_page_only_calls_routes_that_exist(test_settings) -> None:
    paths = create_app(test_settings).openapi()["paths"]
    patterns = [re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", p) + "$") for p in paths]
    script = (STATIC / "api.js").read_text() + (STATIC / "app.js").read_text()
    called = {re.sub(r"\$\{[^}]+\}", "x", u).split("?")[0]
              for u in re.findall(r"[`\"](/v1/[^`\"]*)[`\"]", script)}  # fmt: skip
    assert {
        "/v1/chat",
        "/v1/chat/threads",
        "/v1/chat/threads/x",
        "/v1/meals",
        "/v1/summary/daily",
        "/v1/auth/register",
        "/v1/auth/login",
    } <= called
    for url in called:
        assert any(p.match(url) for p in patterns), url


@pytest.mark.db
async def test_page_and_assets_are_served_with_a_strict_policy(client) -> None:
    page = await client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert '<script src="/static/app.js"' in page.text
    script = await client.get("/static/app.js")
    assert "javascript" in script.headers["content-type"]
    for bad in ("/static/missing.js", "/static/..%2Fapp.py", "/static/%2e%2e"):
        assert (await client.get(bad)).status_code == 404, bad
