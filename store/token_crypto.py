"""Encryption at rest of connector OAuth secrets (Fernet: AES-128-CBC with HMAC-SHA256).

A stored value is ``fernet:`` followed by a Fernet token. The first key encrypts; every
configured key decrypts (``MultiFernet``), so a key is rotated by making the new one
``NUTRI_CONNECTORS__TOKEN_KEY`` and listing the old one in ``TOKEN_OLD_KEYS``: rows are
rewritten with the new key when they are next read or refreshed.

Values without the prefix are plaintext written before tokens were encrypted (migration
``0006``); they are read as they are and rewritten encrypted on first read (see
:mod:`store.connector_grants`). A prefixed value that no key opens is an error, never
taken for plaintext.

Without ``TOKEN_KEY`` a key is generated once and kept in ``<data_dir>/connector-token.key``
(mode 0600), so a fresh ``make serve`` works; losing that file means users reconnect.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from nutriprofile.settings import Settings, get_settings

log = logging.getLogger(__name__)

PREFIX = "fernet:"
KEY_FILE = "connector-token.key"
KEY_HELP = (
    "NUTRI_CONNECTORS__TOKEN_KEY (and each of TOKEN_OLD_KEYS) must be a Fernet key: 32 "
    "url-safe base64-encoded bytes, e.g. from "
    "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
)


class TokenKeyError(Exception):
    """A configured key is malformed, or a stored value opens with none of the keys."""


class TokenCipher:
    """Seals secrets with the primary key and opens them with any configured key."""

    def __init__(self, keys: Sequence[str | bytes]):
        if not keys:
            raise TokenKeyError("at least one token key is needed")
        try:
            fernets = [Fernet(key) for key in keys]
        except ValueError:  # also binascii.Error: not base64, or not 32 bytes
            raise TokenKeyError(KEY_HELP) from None
        self._primary = fernets[0]
        self._any = MultiFernet(fernets)

    def seal(self, plaintext: str) -> str:
        """The stored form of ``plaintext``: the prefix and a fresh Fernet token."""
        return PREFIX + self._primary.encrypt(plaintext.encode()).decode("ascii")

    def reveal(self, stored: str) -> tuple[str, bool]:
        """``(plaintext, stale)``; stale = legacy plaintext or an old key: rewrite it.

        Raises:
            TokenKeyError: a sealed value that none of the configured keys opens.
        """
        if not stored.startswith(PREFIX):
            return stored, True
        token = stored[len(PREFIX) :].encode("ascii")
        try:
            return self._primary.decrypt(token).decode(), False
        except InvalidToken:
            pass
        try:
            return self._any.decrypt(token).decode(), True
        except InvalidToken:
            raise TokenKeyError(
                "a stored connector token opens with none of the configured keys: was "
                "NUTRI_CONNECTORS__TOKEN_KEY changed without listing the old key in "
                "NUTRI_CONNECTORS__TOKEN_OLD_KEYS?"
            ) from None


def load_or_create_key(path: Path) -> str:
    """The key kept in ``path``, written there first (0600, atomically) if missing."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".token-key-")  # created 0600
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(Fernet.generate_key().decode("ascii") + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            try:
                os.link(tmp, path)  # atomic; another process may have won the race
                log.warning("generated a connector token key in %s: keep it with the data", path)
            except FileExistsError:
                pass
        finally:
            os.unlink(tmp)
    if path.stat().st_mode & 0o077:
        log.warning("%s is readable by other users: chmod 600 it", path)
    return path.read_text().strip()


def cipher_from_settings(settings: Settings) -> TokenCipher:
    """The cipher configured by ``NUTRI_CONNECTORS__TOKEN_*`` (or the key file)."""
    connectors = settings.connectors
    return _cipher(
        connectors.token_key.get_secret_value() if connectors.token_key else None,
        connectors.token_old_keys.get_secret_value() if connectors.token_old_keys else "",
        settings.data_dir,
    )


def default_cipher() -> TokenCipher:
    """The process's cipher, for callers that are not handed one."""
    return cipher_from_settings(get_settings())


@lru_cache(maxsize=8)
def _cipher(primary: str | None, old: str, data_dir: Path) -> TokenCipher:
    first = primary or load_or_create_key(data_dir / KEY_FILE)
    return TokenCipher([first, *(k.strip() for k in old.split(",") if k.strip())])
