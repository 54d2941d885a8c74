"""The window's notes: the store's service, the notes panel in its dock, and the commands
(Highlight, Add Note, Undo/Redo, Export Notes) wired to the open view.

Kept out of the main window so the window stays a frame: it creates one `WindowNotes`, tells it
when a view loaded or the tab changed, and gives it `open_at` to show a note of another file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox

from ...core import data_folder
from ...core.notes.models import Note, NotesError
from ...core.textsafe import display_path
from ..view.note_marks import NoteMarks
from ..widgets.banner import BannerArea
from ..window.actions import MainAction
from ..window.host import WindowHost
from .commands import DeleteNote
from .recovery_banner import RecoveryBanners
from .service import NotesService

if TYPE_CHECKING:
    from ..view.transcript_view import TranscriptView
    from .panel import NotesPanel


class WindowNotes(QObject):
    def __init__(self, window: WindowHost, service: NotesService | None = None) -> None:
        super().__init__(window.widget())
        self.window = window
        self.service = service or NotesService(parent=self)
        self.panel: NotesPanel | None = None  # made when the dock is first shown
        self.fingerprint: str | None = None  # of the file on screen
        self.dock = QDockWidget(window.widget())
        self.dock.setObjectName("notes")
        self.retranslate()
        window.add_dock(self.dock, Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.hide()  # shown on request (F10), or by the window's restored layout

        a = window.action
        a(MainAction.UNDO).triggered.connect(self.service.undo.undo)
        a(MainAction.REDO).triggered.connect(self.service.undo.redo)
        # Slots of this object, not lambdas: Qt drops them when the window goes, before the
        # stack (a child) says its last "can undo" to actions already deleted.
        self.service.undo.indexChanged.connect(self._undo_changed)
        self.service.undo.cleanChanged.connect(self._undo_changed)
        self._undo_changed()
        a(MainAction.HIGHLIGHT).triggered.connect(lambda: self._with_notes(self._highlight))
        a(MainAction.ADD_NOTE).triggered.connect(lambda: self._with_notes(lambda n: n.ask()))
        a(MainAction.NOTES_PANEL).toggled.connect(self.show_panel)
        self.dock.visibilityChanged.connect(self._dock_shown)
        a(MainAction.EXPORT_NOTES).triggered.connect(
            lambda: self.export(self.panel is not None and self.panel.all_files())
        )
        a(MainAction.EXPORT_NOTES).setEnabled(False)  # until the store is open

        self._waiting: list[TranscriptView] = []  # views loaded before the store was open
        # Notes recovered from a damaged store: told above the tabs until dismissed.
        self.recovery = RecoveryBanners(self.service, window.widget().findChild(BannerArea), self)
        self.service.failed.connect(self._failed)
        self.service.opened.connect(self._store_opened)
        if self.service.is_open:
            self._store_opened()

    def retranslate(self) -> None:
        """The dock's title and description, in the interface language installed now."""
        self.dock.setWindowTitle(QCoreApplication.translate("WindowNotes", "Notes"))
        self.dock.setAccessibleDescription(
            QCoreApplication.translate("WindowNotes", "The highlights and notes, of this file or of all")
        )

    def window_settled(self) -> None:
        """The window's first file is shown (or none is opening): open the store if no file's
        first paint asked for it already (MainWindow.open_path)."""
        if not self.service.is_open:
            self.service.open_soon()

    def _store_opened(self) -> None:
        self.window.action(MainAction.EXPORT_NOTES).setEnabled(self.service.available)
        waiting, self._waiting = self._waiting, []
        for v in waiting:
            if v in self.window.views() and v.transcript is not None:  # not closed meanwhile
                v.note_marks.opened()
        self.tab_changed(self.window.view())
        self.recovery.refresh()
        if self.service.problem:  # a damaged store set aside, or no store: say so once shown
            QTimer.singleShot(0, self, self._announce)

    def _announce(self) -> None:
        problem = self.service.problem or ""
        self.window.show_message(
            QCoreApplication.translate("WindowNotes", "Notes: {reason}").format(reason=problem), 15000
        )
        # (else the status bar says it, or the recovery banner does)
        if not self.window.quiet and data_folder.problem() is None and not self.recovery.shown:
            QMessageBox.warning(
                self.window.widget(), QCoreApplication.translate("WindowNotes", "Notes"), problem
            )

    def show_panel(self, shown: bool = True) -> NotesPanel | None:
        """Show or hide the notes dock; its panel is made the first time it shows (a window
        that never shows it does not pay for it at start)."""
        if shown and self.panel is None:
            # The panel and what it shows notes with: made when first shown, not at start.
            from .panel import NotesPanel

            panel = NotesPanel(self.service)
            panel.set_document(self.fingerprint)
            panel.noteActivated.connect(self.show_note)
            panel.editRequested.connect(lambda note: self._with_notes(lambda n: n.ask_edit(note)))
            panel.deleteRequested.connect(self._delete)
            panel.reattachRequested.connect(self._reattach)
            panel.exportRequested.connect(self.export)
            self.dock.setWidget(panel)
            self.panel = panel
        self.dock.setVisible(shown)
        return self.panel

    # --- the window tells ---------------------------------------------------------------------

    def view_loaded(self, v: TranscriptView) -> None:
        if not self.service.is_open:  # its notes are shown once the store is open
            v.note_marks.awaiting_store = True
            if v not in self._waiting:
                self._waiting.append(v)
            self.service.open_soon()
            return
        v.note_marks.opened()
        if v is self.window.view():
            self.tab_changed(v)

    def tab_changed(self, v: TranscriptView | None) -> None:
        t = v.transcript if v is not None else None
        self.fingerprint = t.fingerprint if t is not None else None
        if self.panel is not None:
            self.panel.set_document(self.fingerprint)
        # (`is_open` first: switching tabs does not open the store; `_store_opened` comes back here)
        for key in (MainAction.HIGHLIGHT, MainAction.ADD_NOTE):
            self.window.action(key).setEnabled(
                t is not None and self.service.is_open and self.service.available
            )

    # --- commands -------------------------------------------------------------------------------

    def _with_notes(self, fn: Callable[[NoteMarks], object]) -> None:
        v = self.window.view()
        if v is not None and v.transcript is not None:
            fn(v.note_marks)

    def _highlight(self, notes: NoteMarks) -> None:
        passage = notes.passage()
        if passage is None:
            hint = QCoreApplication.translate(
                "WindowNotes", "Select a passage (or click a paragraph) to highlight"
            )
            self.window.show_message(hint, 4000)
            return
        notes.add(passage, self.service.last_color)

    def _delete(self, note: Note) -> None:
        v = self.window.view()
        if v is not None:
            v.note_marks.delete(note)
        else:  # the All-notes list without a file open: the command needs no view
            self.service.undo.push(DeleteNote(self.service, note))

    def _reattach(self, note: Note) -> None:
        v = self.window.view()
        t = v.transcript if v is not None else None
        if v is None or t is None or t.fingerprint != note.document:
            self.window.show_message(
                QCoreApplication.translate("WindowNotes", "Open the note's file to re-attach it"), 5000
            )
            return
        passage = v.note_marks.passage()
        if passage is None or not v.note_marks.reattach(note, passage):
            self.window.show_message(
                QCoreApplication.translate("WindowNotes", "Select the passage to put the note on first"), 5000
            )

    def show_note(self, note: Note) -> None:
        """Show a note's passage: in the open view, else open its file at the paragraph."""
        if note.paragraph is None:
            return
        for v in self.window.views():
            if v.transcript is not None and v.transcript.fingerprint == note.document:
                self.window.show_view(v)
                v.go_to_paragraph(note.paragraph)
                return
        store = self.service.store
        document = store.find_document(note.document) if store is not None else None
        if document is None or not Path(document.path).is_file():
            where = display_path(document.path) if document is not None else note.document[:12]

            QMessageBox.information(
                self.window.widget(),
                QCoreApplication.translate("WindowNotes", "File not found"),
                QCoreApplication.translate(
                    "WindowNotes",
                    "The file of this note is no longer at {path}. Open it from where it is now: "
                    "its notes follow it.",
                ).format(path=where),  # fmt: skip
            )
            return
        self.window.open_at(Path(document.path), note.paragraph)

    def export(self, every: bool) -> None:
        store = self.service.store
        v = self.window.view()
        fingerprint = None if every or v is None or v.transcript is None else v.transcript.fingerprint
        if store is None:
            return
        name = "notes" if fingerprint is None else (v.path.stem + "-notes" if v and v.path else "notes")
        start = str(Path.home() / f"{name}.md")

        path, chosen = QFileDialog.getSaveFileName(
            self.window.widget(),
            QCoreApplication.translate("WindowNotes", "Export Notes"),
            start,
            QCoreApplication.translate(
                "WindowNotes",
                "Markdown (*.md);;JSON, for backup and import (*.json);;CSV, for spreadsheets (*.csv)",
            ),
        )
        if not path:
            return
        kind = "json" if "*.json" in chosen else "csv" if "*.csv" in chosen else "md"
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix("." + kind)
        from ...core.notes import backup, export  # only when exporting: not needed to start

        try:
            groups = export.gather(store, fingerprint)
            if kind == "json":
                text = backup.to_json(store, fingerprint)
            elif kind == "csv":
                text = export.to_csv(groups)
            else:
                text = export.to_markdown(groups)
            target.write_text(text, encoding="utf-8", newline="" if kind == "csv" else None)
        except (OSError, NotesError) as err:
            QMessageBox.warning(
                self.window.widget(),
                QCoreApplication.translate("WindowNotes", "Cannot export the notes"),
                str(err),
            )
            return
        count = sum(len(notes) for _, notes in groups)
        self.window.show_message(
            QCoreApplication.translate("WindowNotes", "Exported {n} note(s) to {path}").format(
                n=count, path=str(target)
            ),
            6000,
        )

    # --- small things ---------------------------------------------------------------------------

    def _undo_changed(self, *_args: object) -> None:
        stack, a = self.service.undo, self.window.action
        for key, base, can, what in (
            (
                MainAction.UNDO,
                QCoreApplication.translate("WindowNotes", "&Undo"),
                stack.canUndo(),
                stack.undoText(),
            ),
            (
                MainAction.REDO,
                QCoreApplication.translate("WindowNotes", "&Redo"),
                stack.canRedo(),
                stack.redoText(),
            ),
        ):
            a(key).setEnabled(can)
            a(key).setText(f"{base} {what}" if can and what else base)

    def _dock_shown(self, shown: bool) -> None:
        if self.window.on_screen():
            self.window.action(MainAction.NOTES_PANEL).setChecked(shown)

    def _failed(self, reason: str) -> None:
        self.window.show_message(
            QCoreApplication.translate("WindowNotes", "Notes: {reason}").format(reason=reason), 8000
        )
        if not self.window.quiet:
            QMessageBox.warning(
                self.window.widget(), QCoreApplication.translate("WindowNotes", "Notes"), reason
            )
