"""Terra webhook authenticity: HMAC-SHA256 signature, replay window, delivery identity.

Terra signs each POST with ``terra-signature: t=<unix seconds>,v1=<hex>`` where the hex
is ``HMAC-SHA256(signing_secret, f"{t}.{raw body}")``. A signature is accepted only if
one ``v1`` matches in constant time *and* ``t`` is within ``tolerance_s`` of now, so a
captured request cannot be replayed later. Deliveries are identified by the SHA-256 of
the raw body (a retry has a new ``t`` but the same body), stored to answer duplicates.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "terra-signature"
DEFAULT_TOLERANCE_S = 300


class SignatureError(Exception):
    """The request is not provably from Terra (or too old); the message says why."""


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The ``terra-signature`` value Terra would send for ``body`` at ``timestamp``."""
    return f"t={timestamp},v1={_digest(secret, body, timestamp)}"


def _digest(secret: str, body: bytes, timestamp: int) -> str:
    signed = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def parse_signature(header: str) -> tuple[int, list[str]]:
    """``t=…,v1=…[,v1=…]`` → (timestamp, signatures); several v1 allow key rotation.

    Raises:
        SignatureError: the header is malformed.
    """
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            raise SignatureError("malformed terra-signature header")
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                raise SignatureError("malformed terra-signature timestamp") from None
        elif key == "v1":
            signatures.append(value.strip().lower())
    if timestamp is None or not signatures:
        raise SignatureError("terra-signature header needs t= and v1=")
    return timestamp, signatures


def verify_signature(
    header: str | None,
    body: bytes,
    secret: str,
    *,
    now: float,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
) -> int:
    """Check ``header`` against the raw ``body``; returns the signed timestamp.

    Raises:
        SignatureError: missing/malformed header, stale or future timestamp, or mismatch.
    """
    if not header:
        raise SignatureError("missing terra-signature header")
    timestamp, signatures = parse_signature(header)
    if abs(now - timestamp) > tolerance_s:
        raise SignatureError(
            f"terra-signature timestamp is {now - timestamp:.0f} s from now "
            f"(tolerance {tolerance_s} s): replayed or clock skew"
        )
    expected = _digest(secret, body, timestamp)
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise SignatureError("terra-signature does not match the body")
    return timestamp


def delivery_id(body: bytes) -> str:
    """The delivery's identity: SHA-256 hex of the raw body."""
    return hashlib.sha256(body).hexdigest()
