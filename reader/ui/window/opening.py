"""What the status bar says while a file opens: "Opening NAME…" from the moment it is asked for
until the view reports its place (the window's `_position` clears the message then), or "Cannot
open NAME" when it never shows (its tab says why); what its tab is called once it shows; and the
File ▸ Open Recent menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from ...core.paths import is_pasted
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


def call_title(view: TranscriptView) -> str:
    """The name of the call `view` shows: its company and period, else the file's name."""
    assert view.path is not None and view.transcript is not None
    call = view.transcript.calls[view.call]
    title = " ".join(x for x in (call.company, call.period) if x) or display_path(view.path.name)
    if is_pasted(view.path):
        title = QCoreApplication.translate("MainWindow", "{title} (pasted)").format(title=title)
    return title


def fill_recent(menu: QMenu, paths: list[str], open_path: Callable[[str], object]) -> None:
    """The Open Recent menu: one entry a path, most recent first, that opens it."""
    menu.clear()
    for path in paths:
        action = menu.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: open_path(p))
    menu.setEnabled(not menu.isEmpty())
