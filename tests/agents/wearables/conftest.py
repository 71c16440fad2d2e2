"""Fixtures for the wearable parser tests: the shared sample exports."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def wear(shared_dir: Path) -> Path:
    """Folder of real wearable export samples (see its SOURCES.md)."""
    path = shared_dir / "wearables"
    if not path.is_dir():
        pytest.fail(f"wearable samples not found at {path}")
    return path
