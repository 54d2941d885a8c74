"""Where the app keeps its data and cache, without Qt: the same folders QStandardPaths gives the
app (AppDataLocation and CacheLocation for organisation "transcript-reader", application
"Transcript Reader"), so the CLI and the window share one notes store and one index.
``tests/test_paths.py`` checks the two agree.

``TRANSCRIPT_READER_DATA`` moves everything (tests, a portable install): data in that folder,
the cache in its ``cache`` subfolder, the config in its ``config`` subfolder.
``TRANSCRIPT_READER_CACHE`` moves the cache alone.
Nothing is ever written next to a user's transcript.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from pathlib import Path

ORGANIZATION = "transcript-reader"
APPLICATION = "Transcript Reader"
SAMPLE = "sample-transcript.txt"


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


def config_dir() -> Path:
    """The app's config folder (QStandardPaths' AppConfigLocation): small files the app keeps
    apart from its data, such as the library's folder list; not created here."""
    data = os.environ.get("TRANSCRIPT_READER_DATA")
    if data:
        return Path(data) / "config"
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Preferences"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / ORGANIZATION / APPLICATION


def resources_dir() -> Path:
    """The app's package data (the sample transcript, icons, translations): the package
    ``reader.resources``, which is ``resources/`` in the source tree and ``reader/resources``
    installed or frozen. Found from that package's ``__file__``: wherever the app runs, its files
    are plain files on disk (never a zip import)."""
    file = import_module("reader.resources").__file__
    if file is None:  # only a namespace package has none; resources/ ships its __init__.py
        raise RuntimeError("the package reader.resources has no folder on disk")
    return Path(file).parent


def sample_path() -> Path:
    """The fictional sample transcript shipped in resources/, opened when no file is given."""
    return resources_dir() / SAMPLE


def is_sample(path: Path) -> bool:
    """Whether `path` is the shipped sample (kept out of the recent files and the library)."""
    return path.resolve() == sample_path().resolve()


PASTED = "pasted"


def pasted_dir() -> Path:
    """Where transcripts pasted from the clipboard are kept until the user saves them elsewhere."""
    return data_dir() / PASTED


def is_pasted(path: Path) -> bool:
    """Whether `path` is a pasted transcript the app keeps (not a user's own file)."""
    return path.resolve().parent == pasted_dir().resolve()
