import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr, ValidationError
from sqlalchemy import select

from api import auth
from api.auth_settings import AuthSettings, get_auth_settings
from store.user_models import RefreshToken, User

pytestmark = pytest.mark.db

PASSWORD = "correct horse battery"


def new_email() -> str:
    return f"auth-{uuid.uuid4().hex[:12]}@example.com"


async def register(client, email: str | None = None, password: str = PASSWORD):
    response = await client.post(
        "/v1/auth/register", json={"email": email or new_email(), "password": password}
    )
    assert response.status_code == 201, response.text
    return response.json()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_register_returns_a_working_token_pair(client) -> None:
    email = new_email()
    tokens = await register(client, email)
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 20 * 60
    assert tokens["access_token"] != tokens["refresh_token"]
    me = await client.get("/v1/auth/me", headers=bearer(tokens["access_token"]))
    assert me.status_code == 200
    assert me.json()["email"] == email


async def test_password_and_refresh_token_are_stored_hashed(client, ctx) -> None:
    email = new_email()
    tokens = await register(client, email)
    async with ctx.db.sessions() as session:
        user = await session.scalar(select(User).where(User.email == email))
        assert user is not None
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
        rows = await session.scalars(select(RefreshToken).where(RefreshToken.user_id == user.id))
        stored = [r.token_hash for r in rows]
    assert stored == [auth.hash_refresh_token(tokens["refresh_token"])]
    assert tokens["refresh_token"] not in stored


async def test_duplicate_email_is_409_whatever_the_case(client) -> None:
    email = new_email()
    await register(client, email)
    again = await client.post(
        "/v1/auth/register", json={"email": email.upper(), "password": "another password"}
    )
    assert again.status_code == 409
    assert "already exists" in again.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [
        {"email": "not-an-email", "password": PASSWORD},
        {"email": "short@example.com", "password": "1234567"},
        {"email": "missing-password@example.com"},
    ],
)
async def test_register_validates_email_and_password_length(client, body) -> None:
    response = await client.post("/v1/auth/register", json=body)
    assert response.status_code == 422


async def test_login_and_no_user_enumeration(client) -> None:
    email = new_email()
    await register(client, email)
    ok = await client.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert ok.status_code == 200
    me = await client.get("/v1/auth/me", headers=bearer(ok.json()["access_token"]))
    assert me.json()["email"] == email
    wrong = await client.post("/v1/auth/login", json={"email": email, "password": "wrong pass"})
    unknown = await client.post("/v1/auth/login", json={"email": new_email(), "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {"detail": "invalid email or password"}
    assert wrong.headers["www-authenticate"] == "Bearer"


async def test_refresh_rotates_and_a_replayed_token_revokes_the_family(client) -> None:
    first = await register(client)
    second = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    pair = second.json()
    assert pair["refresh_token"] != first["refresh_token"]
    assert (
        await client.get("/v1/auth/me", headers=bearer(pair["access_token"]))
    ).status_code == 200

    replay = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    # the replay is treated as theft: the successor is revoked too
    successor = await client.post("/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert successor.status_code == 401


async def test_each_login_is_its_own_family(client) -> None:
    email = new_email()
    tokens = await register(client, email)
    other = await client.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
    await client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    await client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    still = await client.post(
        "/v1/auth/refresh", json={"refresh_token": other.json()["refresh_token"]}
    )
    assert still.status_code == 200


async def test_logout_revokes_the_refresh_token(client) -> None:
    tokens = await register(client)
    out = await client.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert out.status_code == 204
    again = await client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert again.status_code == 401


async def test_unknown_refresh_token_is_401(client) -> None:
    response = await client.post("/v1/auth/refresh", json={"refresh_token": "made-up-token"})
    assert response.status_code == 401


async def test_expired_refresh_token_is_rejected(client, ctx) -> None:
    tokens = await register(client)
    later = datetime.now(UTC) + timedelta(days=30, minutes=1)
    async with ctx.db.sessions() as session:
        with pytest.raises(auth.AuthError):
            await auth.rotate(session, tokens["refresh_token"], get_auth_settings(), now=later)
    # still unused, so it works today
    ok = await client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert ok.status_code == 200


async def test_expired_forged_and_wrong_kind_tokens_are_401(client) -> None:
    tokens = await register(client)
    me = (await client.get("/v1/auth/me", headers=bearer(tokens["access_token"]))).json()
    user_id = uuid.UUID(me["id"])
    settings = get_auth_settings()
    expired = auth.create_access_token(user_id, settings, datetime.now(UTC) - timedelta(minutes=21))
    forged = auth.create_access_token(
        user_id, settings.model_copy(update={"secret": SecretStr("x" * 40)}), datetime.now(UTC)
    )
    ghost = auth.create_access_token(uuid.uuid4(), settings, datetime.now(UTC))
    for token in (expired, forged, ghost, tokens["refresh_token"], "garbage"):
        response = await client.get("/v1/auth/me", headers=bearer(token))
        assert response.status_code == 401, token
        assert response.headers["www-authenticate"] == "Bearer"
    assert (await client.get("/v1/auth/me")).status_code == 401


def test_access_token_lasts_twenty_minutes() -> None:
    settings = get_auth_settings()
    user_id = uuid.uuid4()
    issued = datetime.now(UTC) - timedelta(minutes=19)
    assert auth.decode_access_token(auth.create_access_token(user_id, settings, issued), settings)
    issued = datetime.now(UTC) - timedelta(minutes=20, seconds=1)
    with pytest.raises(auth.AuthError):
        auth.decode_access_token(auth.create_access_token(user_id, settings, issued), settings)


def test_default_secret_is_refused_in_production(monkeypatch) -> None:
    monkeypatch.delenv("NUTRI_AUTH__SECRET", raising=False)
    monkeypatch.setenv("NUTRI_ENVIRONMENT", "production")
    with pytest.raises(ValidationError, match="NUTRI_AUTH__SECRET"):
        AuthSettings(_env_file=None)
    monkeypatch.setenv("NUTRI_AUTH__SECRET", "too-short")
    with pytest.raises(ValidationError):
        AuthSettings(_env_file=None)
    monkeypatch.setenv("NUTRI_AUTH__SECRET", "k" * 48)
    assert AuthSettings(_env_file=None).secret.get_secret_value() == "k" * 48
    monkeypatch.setenv("NUTRI_ENVIRONMENT", "development")
    monkeypatch.delenv("NUTRI_AUTH__SECRET")
    assert AuthSettings(_env_file=None).environment == "development"
