"""What the window's feature helpers (notes, search, navigation) may use of the main window.

A helper takes a `WindowHost` in its constructor and calls these few methods, never the window's
widgets or state, so that the window can change inside without its helpers changing too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

from ...core.modes import Mode
from ...core.prefetch import Prefetch
from .actions import MainAction

if TYPE_CHECKING:
    from ..view.transcript_view import TranscriptView


class WindowHost(Protocol):
    @property
    def quiet(self) -> bool:
        """A scripted run (screenshot, benchmark, tests): no one is there to answer a dialog."""
        ...

    def on_screen(self) -> bool:
        """Shown and not minimised (a dock hidden with its window is not closed by the user)."""
        ...

    def widget(self) -> QWidget:
        """The parent of the helper's dialogs."""
        ...

    def action(self, id: MainAction) -> QAction: ...

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> None: ...

    def add_status_widget(self, widget: QWidget) -> None:
        """A permanent widget in the status bar (a progress bar)."""
        ...

    def show_message(self, text: str, timeout: int = 0) -> None:
        """A message in the status bar; `timeout` in ms, 0 until the next one."""
        ...

    def clear_message(self) -> None: ...

    def view(self) -> TranscriptView | None:
        """The transcript of the current tab."""
        ...

    def views(self) -> list[TranscriptView]: ...

    def show_view(self, view: TranscriptView) -> None:
        """Bring a view's tab forward."""
        ...

    def open_path(
        self, path: Path, at: int | None = None, mode: Mode | None = None, pre: Prefetch | None = None
    ) -> TranscriptView:
        """Open a file in a new tab (in `mode`, its first paint at paragraph `at`), or bring its
        tab forward."""
        ...

    def close_view(self, view: TranscriptView) -> None:
        """Close a view's tab."""
        ...

    def open_at(self, path: Path, paragraph: int, pre: Prefetch | None = None) -> TranscriptView: ...
