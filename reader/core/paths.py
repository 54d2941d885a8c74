"""Where the app keeps its data and cache, without Qt: the same folders QStandardPaths gives the
app (AppDataLocation and CacheLocation for organisation "transcript-reader", application
"Transcript Reader"), so the CLI and the window share one notes store and one index.
``tests/test_paths.py`` checks the two agree.

``TRANSCRIPT_READER_DATA`` moves everything (tests, a portable install): data in that folder,
the cache in its ``cache`` subfolder. ``TRANSCRIPT_READER_CACHE`` moves the cache alone.
Nothing is ever written next to a user's transcript.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ORGANIZATION = "transcript-reader"
APPLICATION = "Transcript Reader"


def data_dir() -> Path:
    """The folder for the app's own data (the notes store, the library list); not created here."""
    override = os.environ.get("TRANSCRIPT_READER_DATA")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION / APPLICATION


def cache_dir() -> Path:
    """The folder for what can be rebuilt (the search index); not created here."""
    override = os.environ.get("TRANSCRIPT_READER_CACHE")
    if override:
        return Path(override)
    data = os.environ.get("TRANSCRIPT_READER_DATA")
    if data:
        return Path(data) / "cache"
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / ORGANIZATION / APPLICATION / "cache"
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / ORGANIZATION / APPLICATION
