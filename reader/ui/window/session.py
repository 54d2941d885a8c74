"""The session: the tabs open when the window closed come back at the next start, each at its place
(the paragraph at the top of the reading pane) and in its mode, with the same tab in front.

The tabs are kept in the settings (`config.SESSION`, JSON: paths, 0-based paragraph indexes,
modes and the current tab) when the window closes, and every few seconds while it is open (only
when something changed), so that a crash loses little. Preferences can turn the restoring off
(`config.RESTORE_SESSION`). A file that is gone is skipped and the status bar says so.

Only an interactive start makes a `WindowSession` (app.run): a scripted run (--screenshot, --do,
--state) and the tests' windows neither restore nor keep a session.
"""

from __future__ import annotations

import json
import weakref
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from ...core.modes import Mode
from ...core.textsafe import display_path
from .. import config
from ..config import Settings
from .actions import MainAction
from .host import WindowHost

if TYPE_CHECKING:
    from ..view.transcript_view import TranscriptView

SAVE_EVERY_MS = 5000  # how often the open tabs are written while the window is open (when changed)
SAID_MS = 15000  # how long the status bar names the files that could not be reopened


@dataclass(frozen=True)
class Tab:
    """One tab of a session: its file, the paragraph at its top (0-based) and its mode."""

    path: str
    paragraph: int
    mode: str


def read_session(text: str) -> tuple[list[Tab], int]:
    """The tabs and the index of the current one kept in `text`; none for anything unreadable."""
    try:
        data = json.loads(text) if text else {}
        tabs = [
            Tab(str(t["path"]), max(int(t.get("paragraph", 0)), 0), str(t.get("mode", "")))
            for t in data.get("tabs", [])
        ]
        current = int(data.get("current", 0))
    except (ValueError, TypeError, KeyError, AttributeError):
        return [], 0
    return tabs, current


def write_session(tabs: list[Tab], current: int) -> str:
    return json.dumps({"tabs": [asdict(t) for t in tabs], "current": current})


class WindowSession(QObject):
    def __init__(self, window: WindowHost, settings: Settings) -> None:
        super().__init__(window.widget())
        self.window = window
        self.settings = settings
        # Restored tabs whose file is still loading, and what to say once one is at its place;
        # weak: a tab closed before it was shown goes with its view.
        self._pending: weakref.WeakKeyDictionary[TranscriptView, Tab] = weakref.WeakKeyDictionary()
        self._said_after: weakref.WeakKeyDictionary[TranscriptView, str] = weakref.WeakKeyDictionary()
        self._written = settings.get(config.SESSION)
        self._timer = QTimer(self)
        self._timer.setInterval(SAVE_EVERY_MS)
        self._timer.timeout.connect(self.save)
        self._timer.start()
        window.widget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window.widget() and event.type() == QEvent.Type.Close:
            self.save()  # before the window's own close: its tabs are all there still
        return False

    # --- keeping ---------------------------------------------------------------------------------

    def tabs(self) -> tuple[list[Tab], int]:
        """The tabs open now, in order, and the index of the current one."""
        tabs: list[Tab] = []
        current = 0
        shown = self.window.view()
        for v in self.window.views():
            tab = self._tab(v)
            if tab is None:
                continue
            if v is shown:
                current = len(tabs)
            tabs.append(tab)
        return tabs, current

    def _tab(self, v: TranscriptView) -> Tab | None:
        if v.path is None:
            return None
        if v in self._pending:  # not shown yet: the place it is to get
            return self._pending[v]
        if v.transcript is None:
            if not v.settling():  # could not be opened: not worth reopening
                return None
            return Tab(str(v.path), 0, str(v.mode))
        return Tab(str(v.path), max(v.top_paragraph(), 0), str(v.mode))

    def save(self) -> None:
        """Write the open tabs to the settings, if they changed since the last write."""
        text = write_session(*self.tabs())
        if text != self._written:
            self.settings.set(config.SESSION, text)
            self._written = text

    # --- restoring -------------------------------------------------------------------------------

    def restore(self) -> int:
        """Open the tabs of the last session (unless Preferences turned it off), each going to its
        place and mode once read; return how many tabs the session had (files gone included)."""
        if not self.settings.get(config.RESTORE_SESSION):
            return 0
        tabs, current = read_session(self.settings.get(config.SESSION))
        opened: list[TranscriptView | None] = []
        gone: list[str] = []
        for tab in tabs:
            path = Path(tab.path)
            if not path.is_file():
                gone.append(display_path(path.name))
                opened.append(None)
                continue
            mode = Mode(tab.mode) if tab.mode in {str(m) for m in Mode} else None
            v = self.window.open_path(path, at=tab.paragraph or None, mode=mode)
            if v not in self._pending and v.transcript is None:  # (not a tab opened twice)
                self._pending[v] = tab
                self._when_loaded(v, tab)
            opened.append(v)
        front = opened[current] if 0 <= current < len(opened) else None
        front = front or next((v for v in opened if v is not None), None)
        if front is not None:
            self.window.show_view(front)
        if gone:
            message = self.tr("Not reopened, no longer there: {names}").format(names=", ".join(gone))
            if front is None or front not in self._pending:
                self.window.show_message(message, SAID_MS)
            else:  # once the front tab is shown at its place (which clears what the bar said)
                self._said_after[front] = message
        return len(tabs)

    def _when_loaded(self, v: TranscriptView, tab: Tab) -> None:
        def loaded() -> None:
            if v.partial:  # the head of a big file: the place may be in the rest
                return
            v.loaded.disconnect(loaded)
            self._pending.pop(v, None)
            self._place(v, tab)

        v.loaded.connect(loaded)

    def _place(self, v: TranscriptView, tab: Tab) -> None:
        # The view opened in the tab's mode and at its paragraph (`open_path`): its first paint
        # shows the place. The window's mode action follows the tab in front.
        if v is self.window.view():
            self.window.action(MainAction.for_mode(v.mode)).setChecked(True)
        message = self._said_after.pop(v, None)
        if message is not None:
            v.report_position()  # the place is said now, and the message after it
            self.window.show_message(message, SAID_MS)

    def pending(self) -> int:
        """How many restored tabs are still to be put at their place."""
        return len(self._pending)
