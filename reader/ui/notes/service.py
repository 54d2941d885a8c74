"""The window's one handle on the notes store, shared by every tab and the notes panel.

`NotesService` opens the Qt-free `NotesStore` once, turns each change into a `changed` signal
(views repaint their highlights, the panel refills), and runs every edit through one QUndoStack as
command objects (`notes_commands.py`), so Edit > Undo takes back an added, edited or deleted note.
A store that cannot be opened never stops the reading: the service reports why and stays off.
The store is opened once a file's text is on screen (`open_soon`): importing it and SQLite's
integrity check (which reads the whole file) run on a worker, which also sets a damaged store
aside; the GUI thread then opens its own connection without the check.
Anything that needs the store before that opens it at once, on the GUI thread (`ensure_open`).

Notes added by another process (the command line, a second window) while the window is open
are noticed: the service asks SQLite whether another connection committed every
POLL_INTERVAL ms and when the app becomes active again, and says `changed` if one did.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack

from ...core.model import Transcript
from ...core.notes.models import COLORS, Anchor, Note, NoteFilter, NotesError
from ..workers import Job, yield_to_gui

if TYPE_CHECKING:
    from ...core.notes.carry import OpenResult
    from ...core.notes.db import Recovery
    from ...core.notes.store import NotesStore

POLL_INTERVAL = 2000  # ms between two checks for notes written by another process
# What the store imports, in steps of a few ms each, for the worker that opens it first.
STORE_IMPORTS = ("sqlite3", "uuid", "difflib", "...core.notes.db", "...core.notes.anchors")


class NotesService(QObject):
    changed = Signal(str)  # the fingerprint whose notes changed ("" for several)
    failed = Signal(str)  # a one-line reason an operation on the store failed
    opened = Signal()  # the store was opened, or found unusable (`problem` says why)

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo = QUndoStack(self)
        self.last_color = COLORS[0]  # what a new highlight takes unless the user picks another
        self._path = path
        self._store: NotesStore | None = None
        self._problem: str | None = None
        self._opened = False
        self._checking: Job | None = None  # open_soon's worker
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_INTERVAL)
        self._poll.timeout.connect(self.check_elsewhere)

    @property
    def is_open(self) -> bool:
        """Whether the store was opened (or found unusable) already."""
        return self._opened

    def open_soon(self) -> None:
        """Open the store without holding up the GUI thread: its check runs on a worker, then
        `opened` follows (nothing happens if the store is open already)."""
        if not self._opened and self._checking is None:
            self._checking = Job(_check_store, self._path, parent=self, background=True)
            self._checking.done.connect(self._checked)
            # (a failure other than the store's own: the open on the GUI thread says what it is)
            self._checking.failed.connect(lambda _reason: self.ensure_open())
            self._checking.start()

    def _checked(self, checked: Recovery | NotesError | None) -> None:
        if isinstance(checked, NotesError):  # a store that cannot be used: the open says why
            self.ensure_open()
        elif not self._opened:  # checked (and a damaged one set aside) by the worker just now
            self._open(verify=False, recovery=checked)

    def ensure_open(self) -> None:
        """Open the store now, on the GUI thread, if it is not yet: `opened` follows."""
        if not self._opened:
            self._open(verify=True)

    def _open(self, verify: bool, recovery: Recovery | None = None) -> None:
        self._opened = True
        if self._checking is not None:  # done, or its result no longer needed
            self._checking.cancel()
            self._checking = None
        try:
            self._store = _store_class()(self._path, verify)
        except NotesError as err:
            self._problem = str(err)
        else:
            recovery = self._store.recovery or recovery
            if recovery is not None:
                self._problem = recovery.message
            self._poll.start()
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.connect(self._state_changed)
        self.opened.emit()

    @property
    def store(self) -> NotesStore | None:
        """The store (opened on first use), None when it cannot be used."""
        self.ensure_open()
        return self._store

    @property
    def problem(self) -> str | None:
        """Why the store is off, or what happened opening it (a damaged one set aside)."""
        self.ensure_open()
        return self._problem

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_elsewhere()

    def check_elsewhere(self) -> bool:
        """Say `changed` when another process wrote to the store since the last check (the
        command line added or imported notes): views repaint, the panel refills."""
        if self.store is None:
            return False
        try:
            if not self.store.changed_elsewhere():
                return False
        except NotesError:
            return False  # the next write reports what is wrong, in its own words
        self.changed.emit("")
        return True

    @property
    def available(self) -> bool:
        return self.store is not None

    def close(self) -> None:
        self._poll.stop()
        self._opened = True  # closed: not to be opened again
        if self._store is not None:
            self._store.close()
            self._store = None

    # --- reading ------------------------------------------------------------------------------

    def open_document(
        self, transcript: Transcript, path: Path, done: Callable[[OpenResult], None]
    ) -> Job | None:
        """Register a file just opened and carry notes over from its earlier versions, on a
        worker with a connection of its own: for a file of many calls that is tens of thousands
        of paragraph keys to compare and store, too long for the GUI thread. `done` gets the
        result on the GUI thread (after `changed`, when notes were carried over). Pass a method of
        a QObject: Qt drops the connection when that object goes, the job may outlive it."""
        if self.store is None:
            return None
        job = Job(_open_document, self.store.path, transcript, path, owner=self)
        job.done.connect(self._carried)  # first: the views' notes are read again, then `done`
        job.done.connect(done)
        job.failed.connect(self.failed.emit)
        return job.start()

    def _carried(self, result: OpenResult) -> None:
        if result.carried:
            self.changed.emit("")

    def notes(self, fingerprint: str | None, where: NoteFilter | None = None) -> list[Note]:
        if self.store is None:
            return []
        try:
            return self.store.notes(fingerprint, where)
        except NotesError as err:
            self.failed.emit(str(err))
            return []

    # --- writing (through the undo commands) --------------------------------------------------

    def add(self, transcript: Transcript, anchor: Anchor, color: str, text: str) -> Note | None:
        return self._write(lambda s: s.add(transcript, anchor, color, text), transcript.fingerprint)

    def edit(self, note_id: int, text: str | None = None, color: str | None = None) -> Note | None:
        return self._write(lambda s: s.edit(note_id, text=text, color=color))

    def delete(self, note_id: int) -> Note | None:
        return self._write(lambda s: s.delete(note_id))

    def restore(self, note_id: int) -> Note | None:
        return self._write(lambda s: s.restore(note_id))

    def reattach(self, note_id: int, transcript: Transcript, anchor: Anchor) -> Note | None:
        return self._write(lambda s: s.reattach(note_id, transcript, anchor), transcript.fingerprint)

    def put_back(self, note: Note) -> Note | None:
        """Undo a re-attach: the note where and as it was before (status included)."""
        return self._write(lambda s: s.put_back(note), note.document)

    def _write(self, op, fingerprint: str = "") -> Note | None:  # type: ignore[no-untyped-def]
        if self.store is None:
            self.failed.emit(self.problem or "the notes store is not available")
            return None
        try:
            note: Note = op(self.store)
        except NotesError as err:
            self.failed.emit(str(err))
            return None
        self.changed.emit(fingerprint or note.document)
        return note


def _open_document(store_path: Path, transcript: Transcript, path: Path) -> OpenResult:
    """Worker side of `NotesService.open_document`: SQLite connections belong to one thread, so
    the worker opens the store itself (WAL: the window's connection keeps reading meanwhile)."""
    # Carrying notes over (difflib, the anchoring): imported by this worker, never at start.
    from ...core.notes.carry import open_document

    with _store_class()(store_path) as store:
        return open_document(store, transcript, path)


def _check_store(path: Path | None) -> Recovery | NotesError | None:
    """On a worker: open the store with its integrity check (setting a damaged one aside, and
    upgrading an old schema), then close it. What it found: the damaged store set aside, or why
    the store cannot be used, or None. Its modules are imported a few at a time, the GUI thread
    let run alone between them while it is busy (a background job)."""
    for name in STORE_IMPORTS:
        yield_to_gui()
        import_module(name, __package__)
    yield_to_gui()
    try:
        with _store_class()(path) as store:
            return store.recovery
    except NotesError as err:
        return err


def _store_class() -> type[NotesStore]:
    """The notes store (SQLite and its schema): imported by the first worker that opens it, or
    when the window must open it itself, never at start."""
    from ...core.notes.store import NotesStore

    return NotesStore
