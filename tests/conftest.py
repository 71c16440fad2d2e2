"""Shared fixtures: where the read-only USDA releases and datasets live."""

from __future__ import annotations

import os
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
