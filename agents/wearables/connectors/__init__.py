"""Live wearable connectors: the Fitbit Web API (OAuth 2.0 + PKCE) and Terra webhooks.

Both produce the same normalized records as the export parsers, stored through
:func:`store.wearables_ingest.store_records` so re-syncs and re-deliveries are no-ops.
"""

from agents.wearables.connectors.fitbit_client import (
    FitbitAPIError,
    FitbitClient,
    FitbitRateLimited,
    RateLimit,
)
from agents.wearables.connectors.fitbit_oauth import (
    AuthRequest,
    FitbitApp,
    FitbitAuthError,
    Tokens,
    code_challenge,
    exchange_code,
    new_code_verifier,
    refresh_tokens,
    revoke_token,
    start_authorization,
)
from agents.wearables.connectors.fitbit_sync import SyncSummary, connected_client, sync_fitbit
from agents.wearables.connectors.terra_records import TerraEvent, TerraPayloadError, parse_event
from agents.wearables.connectors.webhooks import SignatureError, delivery_id, verify_signature

__all__ = [
    "AuthRequest",
    "FitbitAPIError",
    "FitbitApp",
    "FitbitAuthError",
    "FitbitClient",
    "FitbitRateLimited",
    "RateLimit",
    "SignatureError",
    "SyncSummary",
    "TerraEvent",
    "TerraPayloadError",
    "Tokens",
    "code_challenge",
    "connected_client",
    "delivery_id",
    "exchange_code",
    "new_code_verifier",
    "parse_event",
    "refresh_tokens",
    "revoke_token",
    "start_authorization",
    "sync_fitbit",
    "verify_signature",
]
