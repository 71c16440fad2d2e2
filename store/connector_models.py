"""SQLAlchemy models of the live connectors: OAuth grants, pending authorizations, webhooks.

``wearable_connections`` keeps one provider grant per user (Fitbit refresh tokens are
single-use, so the row is rewritten on every refresh); its tokens are encrypted
(:mod:`store.token_crypto`). ``oauth_states`` holds an authorization between the redirect
to the provider and the callback: the state's SHA-256 and the encrypted PKCE verifier,
deleted when used. ``webhook_events`` remembers each
processed delivery by its primary key ``(provider, event_id)``, so a retried or replayed
delivery is answered without being applied twice, across restarts and workers.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from store.models import Base
from store.wearables_models import USER_ID_LENGTH

EVENT_ID_LENGTH = 64  # a sha256 hex digest, or a provider's delivery id


class WearableConnection(Base):
    """A user's OAuth grant with one provider; tokens sealed by :mod:`store.token_crypto`."""

    __tablename__ = "wearable_connections"

    user_id: Mapped[str] = mapped_column(String(USER_ID_LENGTH), primary_key=True)
    provider: Mapped[str] = mapped_column(String(32), primary_key=True)
    external_user_id: Mapped[str | None] = mapped_column(String(64))
    access_token: Mapped[str] = mapped_column(Text)
    refresh_token: Mapped[str] = mapped_column(Text)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    scopes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class OAuthState(Base):
    """A started authorization: single use, valid until ``expires_at``."""

    __tablename__ = "oauth_states"

    state_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    provider: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(USER_ID_LENGTH))
    code_verifier: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_oauth_states_expires", "expires_at"),)


class WebhookEvent(Base):
    """One processed webhook delivery; its key makes a second delivery a no-op."""

    __tablename__ = "webhook_events"

    provider: Mapped[str] = mapped_column(String(32), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(EVENT_ID_LENGTH), primary_key=True)
    event_type: Mapped[str | None] = mapped_column(String(32))
    user_id: Mapped[str | None] = mapped_column(String(USER_ID_LENGTH))
    received_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )

    __table_args__ = (Index("ix_webhook_events_received", "received_at"),)
