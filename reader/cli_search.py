"""The `index / search` commands of the command line (filled in by the index / search work)."""

from __future__ import annotations

from .cli import Command


def commands() -> dict[str, Command]:
    return {}
