"""Runtime settings, read from the environment (prefix ``NUTRI_``, nested with ``__``).

``DATABASE_URL`` is honoured without the prefix because that is what every
hosting platform and CI service sets.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import AliasChoices, BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("nutriprofile", appauthor=False))


class DatabaseSettings(BaseModel):
    """Where the data lives: an external server or the embedded one."""

    url: str | None = Field(
        default=None,
        description="SQLAlchemy/asyncpg URL of an external PostgreSQL with pgvector; "
        "unset = start the embedded server.",
    )
    name: str = Field(default="nutriprofile", description="Database name on the embedded server.")
    pool_size: int = 10
    echo: bool = False


class SearchSettings(BaseModel):
    """Food search tuning knobs."""

    ef_search: int = Field(
        default=200,
        ge=10,
        le=1000,
        description="pgvector HNSW search width; never below `candidates` (HNSW returns at most "
        "this many rows). The graph differs with each import: at 40 the index found 97.2 % of "
        "an exact scan's 40 nearest foods over 1,410 eval phrases and one fresh import lost "
        "tofu's regular record; at 200 it finds 99.4 %, for 1.7 ms more per phrase.",
    )
    candidates: int = Field(default=40, ge=5, le=500)
    max_query_chars: int = Field(default=200, ge=10, le=2000)
    embedding_batch_size: int = Field(default=128, ge=1, le=4096)
    query_cache_size: int = Field(default=20_000, ge=0)
    query_encoder: Literal["onnx", "int8", "torch"] = Field(
        default="onnx",
        description="How search phrases are embedded: ONNX Runtime (same vectors as PyTorch), "
        "its int8 graph (faster, cosine >= 0.99 to the float vectors), or PyTorch.",
    )

    @property
    def hnsw_width(self) -> int:
        """The ``hnsw.ef_search`` sessions use: wide enough for ``candidates`` rows."""
        return max(self.ef_search, self.candidates)


class LLMSettings(BaseModel):
    """Which language-model backend parses and phrases (never computes numbers)."""

    backend: Literal["offline", "huggingface", "local"] = "offline"
    model: str = "meta-llama/Llama-3.1-8B-Instruct"
    fallback_model: str | None = "Qwen/Qwen2.5-7B-Instruct"
    hf_token: SecretStr | None = None
    endpoint_url: str | None = None
    local_model_dir: Path | None = None
    timeout_s: float = 30.0
    max_retries: int = 3


class APISettings(BaseModel):
    """HTTP service limits."""

    host: str = "127.0.0.1"
    port: int = 8000
    max_body_bytes: int = 1_000_000
    max_meal_chars: int = 5_000


class ConnectorSettings(BaseModel):
    """Live wearable connectors: Fitbit OAuth client, token encryption, Terra webhook secret."""

    fitbit_client_id: str | None = Field(
        default=None, description="Fitbit app OAuth 2.0 client id."
    )
    fitbit_client_secret: SecretStr | None = Field(
        default=None, description="Set for 'Server' apps (Basic auth); unset for PKCE-only apps."
    )
    fitbit_redirect_uri: str | None = Field(
        default=None, description="Redirect URI registered with the Fitbit app."
    )
    terra_signing_secret: SecretStr | None = Field(
        default=None, description="Terra webhook signing secret; unset = webhook answers 503."
    )
    webhook_tolerance_s: int = Field(
        default=300, ge=1, le=3600, description="Oldest accepted webhook signature timestamp."
    )
    token_key: SecretStr | None = Field(
        default=None,
        description="Fernet key encrypting stored OAuth tokens; unset = one generated once "
        "in <data_dir>/connector-token.key (0600).",
    )
    token_old_keys: SecretStr | None = Field(
        default=None, description="Comma-separated earlier keys, still read after a rotation."
    )
    oauth_state_ttl_s: int = Field(
        default=600, ge=60, le=3600, description="How long a started OAuth authorization lasts."
    )


class Settings(BaseSettings):
    """All settings; build through :func:`get_settings`."""

    model_config = SettingsConfigDict(
        env_prefix="NUTRI_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="ignore",
    )

    environment: Literal["development", "test", "production"] = "development"
    data_dir: Path = Field(default_factory=_default_data_dir)
    usda_dir: Path | None = Field(
        default=None, description="Folder holding official USDA releases (sr28/, fndds-*/, fdc-*/)."
    )
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "NUTRI_DATABASE_URL")
    )
    db: DatabaseSettings = DatabaseSettings()
    search: SearchSettings = SearchSettings()
    llm: LLMSettings = LLMSettings()
    api: APISettings = APISettings()
    connectors: ConnectorSettings = ConnectorSettings()

    def resolved_database_url(self) -> str | None:
        """The external server URL, if one is configured (``DATABASE_URL`` wins)."""
        return self.database_url or self.db.url


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once per process."""
    return Settings()
