"""Shared test set-up: fixtures are fictional files under tests/fixtures (never ../shared)."""

import os
from pathlib import Path

import pytest

# No display is needed to test the window: Qt draws offscreen unless a run asks otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixture_path():
    def get(name: str) -> Path:
        return FIXTURES / name

    return get


@pytest.fixture(autouse=True)
def _private_app_dirs(tmp_path, monkeypatch):
    """Each test gets its own data, config and cache directories: nothing touches the user's."""
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", str(tmp_path / "data"))
