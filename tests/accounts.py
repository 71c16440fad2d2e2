"""Registered users for API tests: one fresh account per call."""

from __future__ import annotations

import uuid

import httpx

PASSWORD = "long enough pw"


async def register(client: httpx.AsyncClient, prefix: str) -> tuple[dict[str, str], str]:
    """Register a new account; its bearer headers and its user id."""
    email = f"{prefix}-{uuid.uuid4().hex[:12]}@example.com"
    response = await client.post("/v1/auth/register", json={"email": email, "password": PASSWORD})
    assert response.status_code == 201, response.text
    headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
    me = await client.get("/v1/auth/me", headers=headers)
    assert me.status_code == 200, me.text
    return headers, str(me.json()["id"])


async def signed_in(client: httpx.AsyncClient, prefix: str) -> dict[str, str]:
    """Bearer headers of a new account."""
    return (await register(client, prefix))[0]
