"""Connector tokens at rest: sealed with Fernet, rotated keys still read, legacy rows resealed.

The database tests read ``wearable_connections`` with plain SQL, as anyone with database
access would, to show the tokens are not there in clear.
"""

import stat
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import text

from nutriprofile.context import AppContext
from nutriprofile.settings import ConnectorSettings, Settings
from store.connector_grants import delete_connection, load_connection, save_connection
from store.token_crypto import (
    KEY_FILE,
    PREFIX,
    TokenCipher,
    TokenKeyError,
    cipher_from_settings,
    load_or_create_key,
)

OLD_KEY, NEW_KEY = Fernet.generate_key().decode(), Fernet.generate_key().decode()
ACCESS = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJHR05KTDkifQ.access-signature"
REFRESH = "c643a63c072f0f05478e9d18b991db80ef6061e4f8e6c822d83fed53e5fafdd7"
EXPIRES = datetime(2026, 1, 1, 8, tzinfo=UTC)


def test_seal_is_prefixed_randomized_and_opens_with_the_key() -> None:
    cipher = TokenCipher([NEW_KEY])
    one, two = cipher.seal(ACCESS), cipher.seal(ACCESS)
    assert one.startswith(PREFIX) and one != two  # fresh IV and timestamp each time
    assert ACCESS not in one and "eyJ" not in one.removeprefix(PREFIX + "gAAAAA")
    assert cipher.reveal(one) == (ACCESS, False)


def test_rotated_key_still_reads_and_marks_the_value_stale() -> None:
    sealed_old = TokenCipher([OLD_KEY]).seal(REFRESH)
    rotated = TokenCipher([NEW_KEY, OLD_KEY])
    assert rotated.reveal(sealed_old) == (REFRESH, True)
    assert rotated.reveal(rotated.seal(REFRESH)) == (REFRESH, False)
    with pytest.raises(TokenKeyError, match="TOKEN_OLD_KEYS"):
        TokenCipher([NEW_KEY]).reveal(sealed_old)  # never mistaken for plaintext


def test_legacy_plaintext_reads_as_is_and_is_stale() -> None:
    assert TokenCipher([NEW_KEY]).reveal(REFRESH) == (REFRESH, True)


@pytest.mark.parametrize("key", ["not-a-key", "c2hvcnQ=", NEW_KEY[:-4]])
def test_malformed_keys_are_refused_with_help(key: str) -> None:
    with pytest.raises(TokenKeyError, match="NUTRI_CONNECTORS__TOKEN_KEY .* Fernet key"):
        TokenCipher([NEW_KEY, key])
    with pytest.raises(TokenKeyError, match="at least one"):
        TokenCipher([])


def test_key_file_is_created_once_with_owner_only_permissions(tmp_path: Path) -> None:
    path = tmp_path / "data" / KEY_FILE
    first = load_or_create_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_key(path) == first
    TokenCipher([first])  # a valid Fernet key
    assert [p.name for p in path.parent.iterdir()] == [KEY_FILE]  # no temp file left


def test_settings_key_wins_over_the_key_file(tmp_path: Path) -> None:
    from_file = cipher_from_settings(Settings(data_dir=tmp_path))
    assert (tmp_path / KEY_FILE).exists()
    sealed = from_file.seal(ACCESS)
    assert cipher_from_settings(Settings(data_dir=tmp_path)).reveal(sealed) == (ACCESS, False)

    configured = Settings(
        data_dir=tmp_path / "other",
        connectors=ConnectorSettings(
            token_key=SecretStr(NEW_KEY),
            token_old_keys=SecretStr(f" {(tmp_path / KEY_FILE).read_text().strip()} ,"),
        ),
    )
    cipher = cipher_from_settings(configured)
    assert not (tmp_path / "other" / KEY_FILE).exists()
    assert cipher.reveal(sealed) == (ACCESS, True)  # the file's key, now an old key
    assert TokenCipher([NEW_KEY]).reveal(cipher.seal(ACCESS)) == (ACCESS, False)


# --- through the real database -------------------------------------------------------


@pytest.fixture
async def user(ctx: AppContext) -> AsyncIterator[str]:
    user_id = f"test-crypto-{uuid.uuid4()}"
    yield user_id
    await delete_connection(ctx.db, user_id, "fitbit")


async def raw_row(ctx: AppContext, user_id: str) -> dict[str, object]:
    async with ctx.db.engine.connect() as conn:
        result = await conn.execute(
            text("SELECT * FROM wearable_connections WHERE user_id = :u"), {"u": user_id}
        )
        return dict(result.mappings().one())


@pytest.mark.db
async def test_database_holds_no_token_in_clear(ctx: AppContext, user: str) -> None:
    cipher = TokenCipher([NEW_KEY])
    await save_connection(
        ctx.db,
        user,
        "fitbit",
        access_token=ACCESS,
        refresh_token=REFRESH,
        expires_at=EXPIRES,
        scopes=("activity", "sleep"),
        external_user_id="GGNJL9",
        cipher=cipher,
    )
    row = await raw_row(ctx, user)
    stored = " ".join(str(v) for v in row.values())
    assert ACCESS not in stored and REFRESH not in stored
    assert str(row["access_token"]).startswith(PREFIX)
    assert str(row["refresh_token"]).startswith(PREFIX)
    assert row["scopes"] == "activity sleep" and row["external_user_id"] == "GGNJL9"

    grant = await load_connection(ctx.db, user, "fitbit", cipher=cipher)
    assert grant is not None
    assert (grant.access_token, grant.refresh_token) == (ACCESS, REFRESH)
    assert grant.expires_at == EXPIRES
    assert await raw_row(ctx, user) == row  # a current row is not rewritten on read
    with pytest.raises(TokenKeyError):
        await load_connection(ctx.db, user, "fitbit", cipher=TokenCipher([OLD_KEY]))


@pytest.mark.db
async def test_legacy_plaintext_row_is_sealed_on_first_read(ctx: AppContext, user: str) -> None:
    async with ctx.db.engine.begin() as conn:  # a row as written before encryption
        await conn.execute(
            text(
                "INSERT INTO wearable_connections (user_id, provider, access_token, "
                "refresh_token, expires_at, scopes) VALUES (:u, 'fitbit', :a, :r, :e, '')"
            ),
            {"u": user, "a": ACCESS, "r": REFRESH, "e": EXPIRES},
        )
    cipher = TokenCipher([NEW_KEY])
    grant = await load_connection(ctx.db, user, "fitbit", cipher=cipher)
    assert grant is not None and grant.refresh_token == REFRESH
    row = await raw_row(ctx, user)
    assert row["access_token"] != ACCESS and row["refresh_token"] != REFRESH
    assert cipher.reveal(str(row["refresh_token"])) == (REFRESH, False)


@pytest.mark.db
async def test_rotation_reseals_with_the_new_key_on_read(ctx: AppContext, user: str) -> None:
    await save_connection(
        ctx.db,
        user,
        "fitbit",
        access_token=ACCESS,
        refresh_token=REFRESH,
        expires_at=EXPIRES,
        cipher=TokenCipher([OLD_KEY]),
    )
    rotated = TokenCipher([NEW_KEY, OLD_KEY])
    grant = await load_connection(ctx.db, user, "fitbit", cipher=rotated)
    assert grant is not None and grant.access_token == ACCESS
    # the old key can now be dropped from the settings
    grant = await load_connection(ctx.db, user, "fitbit", cipher=TokenCipher([NEW_KEY]))
    assert grant is not None and grant.refresh_token == REFRESH


@pytest.mark.db
async def test_reseal_does_not_undo_a_concurrent_refresh(ctx: AppContext, user: str) -> None:
    """A legacy read racing a refresh: the reseal only applies to the row it read."""
    from store import connector_grants
    from store.connector_models import WearableConnection

    async with ctx.db.engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO wearable_connections (user_id, provider, access_token, "
                "refresh_token, expires_at, scopes) VALUES (:u, 'fitbit', 'a0', 'r0', :e, '')"
            ),
            {"u": user, "e": EXPIRES},
        )
    cipher = TokenCipher([NEW_KEY])
    stale_view = WearableConnection(
        user_id=user, provider="fitbit", access_token="a0", refresh_token="r0"
    )
    await save_connection(  # the refresh lands first
        ctx.db, user, "fitbit", access_token="a1", refresh_token="r1", expires_at=EXPIRES,
        cipher=cipher,
    )  # fmt: skip
    await connector_grants._reseal(ctx.db, stale_view, cipher.seal("a0"), cipher.seal("r0"))
    grant = await load_connection(ctx.db, user, "fitbit", cipher=cipher)
    assert grant is not None and (grant.access_token, grant.refresh_token) == ("a1", "r1")
    assert grant.expires_at - EXPIRES == timedelta(0)
