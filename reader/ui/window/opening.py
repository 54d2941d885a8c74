"""What the status bar says while a file opens: "Opening NAME…" from the moment it is asked for
until the view reports its place (the window's `_position` clears the message then), or "Cannot
open NAME" when it never shows (its tab says why)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...core.textsafe import display_path
from ..view.transcript_view import TranscriptView
from .host import WindowHost


def say_opening(window: WindowHost, view: TranscriptView, path: Path) -> None:
    """Say that `path` is being opened in `view`, and say it failed if it does before it shows."""
    name = display_path(path.name)
    window.show_message(QCoreApplication.translate("Opening", "Opening {name}\u2026").format(name=name))

    def failed(_reason: str) -> None:
        if view.transcript is None and window.view() is view:  # a failed reload keeps its text
            window.show_message(QCoreApplication.translate("Opening", "Cannot open {name}").format(name=name))

    view.failed.connect(failed)
