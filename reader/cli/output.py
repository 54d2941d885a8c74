"""Printing results: text that never fails on a terminal's encoding, and JSON."""

from __future__ import annotations

import json
import sys


def utf8_stdout() -> bool:
    return (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") == "utf8"


def emit(text: str) -> None:
    """Print text, replacing what the terminal's encoding cannot show."""
    if not utf8_stdout():
        text = text.encode(sys.stdout.encoding or "ascii", errors="replace").decode(
            sys.stdout.encoding or "ascii"
        )
    print(text)


def emit_json(value: object) -> None:
    """Print one JSON document (non-ASCII escaped unless the terminal takes UTF-8)."""
    emit(json.dumps(value, ensure_ascii=not utf8_stdout(), indent=2))
