"""Printing results: nothing from a file or a note reaches the terminal raw (control characters
escaped, `core.textsafe`), and nothing fails on a terminal's encoding."""

from __future__ import annotations

import sys

from ..core.textsafe import for_terminal, json_text


def utf8_stdout() -> bool:
    return (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") == "utf8"


def emit(text: str) -> None:
    """Print text, its control characters escaped, replacing what the terminal cannot show."""
    text = for_terminal(text)
    if not utf8_stdout():
        text = text.encode(sys.stdout.encoding or "ascii", errors="replace").decode(
            sys.stdout.encoding or "ascii"
        )
    print(text)


def emit_json(value: object) -> None:
    """Print one JSON document (non-ASCII escaped unless the terminal takes UTF-8)."""
    emit(json_text(value, ascii_only=not utf8_stdout()))
