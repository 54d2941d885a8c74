"""Paths as a person or a program reads them: any name the OS gives (bytes that are not
UTF-8, newlines, escape characters) shown without reaching a terminal raw."""

from __future__ import annotations

import base64
import os

from ..textsafe import display_path


def shown_path(path: str) -> str:
    """``path`` readable and safe to print, as everywhere else (:func:`textsafe.display_path`):
    bytes that are not UTF-8 as ``\\xff``, control characters escaped. A name without either is
    unchanged."""
    return display_path(path)


def path_bytes(path: str) -> str | None:
    """The path's OS bytes in base64 when :func:`shown_path` does not give it back as it is
    (for JSON readers that must open the file); None when it does."""
    if shown_path(path) == path:
        return None
    return base64.b64encode(os.fsencode(path)).decode("ascii")
