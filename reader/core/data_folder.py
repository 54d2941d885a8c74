"""Whether the app's data folder can hold its stores (notes, library, log), checked without
creating anything: the window says at start why notes and search are off when it cannot."""

from __future__ import annotations

import os
from pathlib import Path

from .paths import data_dir
from .textsafe import display_path


def problem(folder: Path | None = None) -> str | None:
    """Why `folder` (the data folder by default) cannot be used, in a few words, or None. A
    folder not made yet is fine when the nearest part of its path that exists is a writable
    folder (it is made under it when first needed)."""
    folder = folder if folder is not None else data_dir()
    probe = folder
    while not os.path.lexists(probe) and probe.parent != probe:
        probe = probe.parent
    shown = display_path(str(probe))
    if not probe.is_dir():
        return f"{shown} is not a folder"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"{shown} cannot be written to"
    return None
