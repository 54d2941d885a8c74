"""Paths as a person or a program reads them: any name the OS gives (bytes that are not
UTF-8, newlines, escape characters) shown without reaching a terminal raw."""

from __future__ import annotations

import base64
import os


def shown_path(path: str) -> str:
    """``path`` readable and safe to print: bytes that are not UTF-8 as ``\\xff``, control
    characters (C0, DEL, C1, line and paragraph separators) as ``\\n``, ``\\x1b``, ``\\u2028``...
    A name without either is unchanged."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def path_bytes(path: str) -> str | None:
    """The path's OS bytes in base64 when :func:`shown_path` does not give it back as it is
    (for JSON readers that must open the file); None when it does."""
    if shown_path(path) == path:
        return None
    return base64.b64encode(os.fsencode(path)).decode("ascii")
