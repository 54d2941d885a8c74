"""One tab per content: a file whose content is open already (the same `Transcript.fingerprint`,
another path: a copy, a download saved twice) shows the tab that has it instead of a second tab
with the same title.

Before opening, the library's catalogue says the fingerprint of a file it has read, while the file
is as it was read (same modification time): a library hit or a file of the library goes straight to
the open tab, at the hit's paragraph. Other files are known only once parsed: when a new tab's file
turns out to be one open already, the new tab closes and the other is shown, and the status bar
says so. A go-to waiting for the closed tab (`open_at`) goes to the kept one (`survivor`).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ...core.textsafe import display_path
from .host import WindowHost

if TYPE_CHECKING:
    from ..search.service import SearchService
    from ..view.transcript_view import TranscriptView

SAID_MS = 8000  # how long the status bar says which tab was shown instead


class SameContent(QObject):
    def __init__(self, window: WindowHost, library: SearchService) -> None:
        super().__init__(window.widget())
        self.window = window
        self.library = library
        # A closed copy -> the tab kept instead; weak: the closed view goes once Qt deletes it.
        self._kept: weakref.WeakKeyDictionary[TranscriptView, TranscriptView] = weakref.WeakKeyDictionary()

    def open_tab(self, path: Path) -> TranscriptView | None:
        """The tab showing `path` already, or a file the library knows to hold the same content."""
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):
            resolved = path
        views = self.window.views()
        for v in views:
            if v.path is not None and v.path.resolve() == resolved:
                return v
        fingerprint = self._catalogued(resolved)
        if fingerprint is None:
            return None
        for v in views:
            if v.transcript is not None and not v.partial and v.transcript.fingerprint == fingerprint:
                self._say(path, v)
                return v
        return None

    def _catalogued(self, path: Path) -> str | None:
        """The library's fingerprint of `path`, if the file is unchanged since the library read it."""
        snapshot = self.library.snapshot
        if snapshot is None:
            return None
        where = str(path)
        entry = next((c for c in snapshot.calls if c.path == where), None)
        if entry is None:
            return None
        try:
            modified = path.stat().st_mtime_ns / 1e9
        except OSError:
            return None
        return entry.fingerprint if abs(modified - entry.modified) < 1e-6 else None

    def watch(self, v: TranscriptView) -> None:
        """A new tab: once its file is read whole, is its content open in another tab?"""

        def loaded() -> None:
            if v.partial:  # the head of a big file: its fingerprint comes with the whole
                return
            v.loaded.disconnect(loaded)  # the first load only: a reload keeps its tab
            self._check(v)

        v.loaded.connect(loaded)

    def _check(self, v: TranscriptView) -> None:
        t = v.transcript
        if t is None or v.path is None:
            return
        kept = next(
            (
                o
                for o in self.window.views()
                if o is not v and o.transcript is not None and not o.partial
                if o.transcript.fingerprint == t.fingerprint
            ),
            None,
        )
        if kept is None:
            return
        self._kept[v] = kept
        self.window.close_view(v)
        self.window.show_view(kept)
        self._say(v.path, kept)

    def survivor(self, v: TranscriptView) -> TranscriptView:
        """`v`, or the tab shown instead when `v` was closed as a copy of it."""
        return self._kept.get(v, v)

    def _say(self, path: Path, kept: TranscriptView) -> None:
        there = kept.path if kept.path is not None else path
        if there.name == path.name:  # the same name in two folders: say which is which
            name, tab = display_path(str(path)), display_path(str(there))
        else:
            name, tab = display_path(path.name), display_path(there.name)
        self.window.show_message(
            self.tr("{name} holds the same transcript as {tab}, open already: shown there").format(
                name=name, tab=tab
            ),
            SAID_MS,
        )
