"""Settings of access control: token signing (``NUTRI_AUTH__*``) and rate limits.

They live apart from :mod:`nutriprofile.settings` because only the HTTP service needs
them, and the signing secret must never fall back to the development value in production.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET = "dev-only-insecure-secret-change-me-0123456789"
MIN_SECRET_CHARS = 32


class AuthSettings(BaseSettings):
    """Token signing and lifetimes."""

    model_config = SettingsConfigDict(env_prefix="NUTRI_AUTH__", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = Field(
        default="development",
        validation_alias=AliasChoices("NUTRI_ENVIRONMENT"),
        description="Read from NUTRI_ENVIRONMENT, shared with the main settings.",
    )
    secret: SecretStr = Field(
        default=SecretStr(DEV_SECRET), description="HMAC key signing access tokens."
    )
    algorithm: Literal["HS256", "HS384", "HS512"] = "HS256"
    access_minutes: int = Field(default=20, ge=1, le=24 * 60)
    refresh_days: int = Field(default=30, ge=1, le=365)
    issuer: str = "nutriprofile"

    @model_validator(mode="after")
    def _refuse_weak_secret_in_production(self) -> AuthSettings:
        value = self.secret.get_secret_value()
        if self.environment == "production" and (
            value == DEV_SECRET or len(value) < MIN_SECRET_CHARS
        ):
            raise ValueError(
                "NUTRI_AUTH__SECRET must be set to a random value of at least "
                f"{MIN_SECRET_CHARS} characters when NUTRI_ENVIRONMENT=production"
            )
        return self


class RateLimitSettings(BaseSettings):
    """Per-caller token buckets (``NUTRI_RATE__*``); Redis when ``REDIS_URL`` is set."""

    model_config = SettingsConfigDict(env_prefix="NUTRI_RATE__", env_file=".env", extra="ignore")

    enabled: bool = True
    user_capacity: int = Field(default=120, ge=1, description="Burst size per signed-in user.")
    user_per_minute: float = Field(default=120.0, gt=0, description="Refill rate per user.")
    anonymous_capacity: int = Field(default=300, ge=1, description="Burst size per client IP.")
    anonymous_per_minute: float = Field(default=300.0, gt=0, description="Refill per client IP.")
    redis_url: str | None = Field(
        default=None, validation_alias=AliasChoices("REDIS_URL", "NUTRI_RATE__REDIS_URL")
    )
    redis_prefix: str = "nutri:rl:"


@lru_cache(maxsize=1)
def get_auth_settings() -> AuthSettings:
    """Auth settings read once per process."""
    return AuthSettings()
