"""Request and response models of the Fitbit connector routes (never a token in them)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from agents.wearables.connectors.fitbit_sync import MAX_SYNC_DAYS
from store.connector_grants import Grant


class ConnectOut(BaseModel):
    """Where to send the user, and the ``state`` the callback must bring back."""

    authorize_url: str = Field(
        description="Fitbit consent page (S256 PKCE challenge, scopes, state)",
        examples=["https://www.fitbit.com/oauth2/authorize?client_id=23ABCD&response_type=code"],
    )
    state: str = Field(description="Single-use; pass it on to the callback")
    expires_at: datetime = Field(description="The callback must come before this")


class ConnectionOut(BaseModel):
    """The caller's Fitbit grant, without its tokens."""

    provider: Literal["fitbit"] = "fitbit"
    connected: bool = Field(default=True, examples=[True])
    external_user_id: str | None = Field(description="Fitbit's user id", examples=["GGNJL9"])
    scopes: list[str] = Field(examples=[["activity", "heartrate", "sleep", "profile"]])
    expires_at: datetime = Field(description="When the access token expires (it is refreshed)")
    connected_at: datetime
    updated_at: datetime = Field(description="Last token refresh or reconnection")

    @classmethod
    def of(cls, grant: Grant) -> ConnectionOut:
        """The public view of a stored grant."""
        return cls(
            external_user_id=grant.external_user_id,
            scopes=grant.scopes.split(),
            expires_at=grant.expires_at,
            connected_at=grant.created_at,
            updated_at=grant.updated_at,
        )


class DisconnectOut(BaseModel):
    """The grant is forgotten here; ``revoked`` says whether Fitbit confirmed revoking it."""

    provider: Literal["fitbit"] = "fitbit"
    connected: bool = Field(default=False, examples=[False])
    revoked: bool = Field(description="False when Fitbit could not be told; revoke it there")


def latest_allowed_day() -> date:
    """Tomorrow in UTC: the latest local day anywhere on Earth (UTC+14) is no later."""
    return datetime.now(UTC).date() + timedelta(days=1)


class SyncIn(BaseModel):
    """An inclusive range of the user's local days."""

    start: date = Field(examples=["2025-12-01"])
    end: date = Field(examples=["2025-12-07"])

    @model_validator(mode="after")
    def _bounded(self) -> SyncIn:
        if self.end < self.start:
            raise ValueError("end must be on or after start")
        if (self.end - self.start).days >= MAX_SYNC_DAYS:
            raise ValueError(f"a sync covers at most {MAX_SYNC_DAYS} days")
        if self.end > latest_allowed_day():
            raise ValueError("end is in the future")
        return self


class SyncOut(BaseModel):
    """What a sync read from Fitbit and changed in the store."""

    format: str = Field(examples=["fitbit_web_api"])
    sources: list[str] = Field(examples=[["fitbit"]])
    days: int = Field(description="Distinct days with records")
    first_day: date | None
    last_day: date | None
    records: dict[str, int] = Field(description="Records found per kind")
    errors: list[str]
    start: date
    end: date
    inserted: int
    updated: int = Field(description="Revised daily values or sleep stages")
    requests: int = Field(description="Fitbit API requests made (150 an hour per user)")
    rate_limit_remaining: int | None = Field(description="Fitbit's quota left this hour")
    notes: list[str]
