"""Undoable edits of notes, as QUndoCommand objects on the notes service's stack.

Each command does its work in `redo` (the stack calls it when pushed) and takes it back in
`undo`, through the service so every view and the panel hear of it. A deleted note stays in the
store marked deleted, so undoing a delete brings back the very same note (id, dates, anchor).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ...core.model import Transcript
from ...core.notes.models import Anchor, Note
from .service import NotesService


class AddNote(QUndoCommand):
    def __init__(
        self, service: NotesService, transcript: Transcript, anchor: Anchor, color: str, text: str
    ) -> None:
        super().__init__(
            QCoreApplication.translate("NotesCommands", "Add Note")
            if text
            else QCoreApplication.translate("NotesCommands", "Highlight")
        )
        self.service, self.transcript = service, transcript
        self.anchor, self.color, self.note_text = anchor, color, text
        self.note_id: int | None = None

    def redo(self) -> None:
        if self.note_id is None:
            note = self.service.add(self.transcript, self.anchor, self.color, self.note_text)
            if note is None:
                self.setObsolete(True)  # nothing was added: nothing to undo
                return
            self.note_id = note.id
        else:
            self.service.restore(self.note_id)

    def undo(self) -> None:
        if self.note_id is not None:
            self.service.delete(self.note_id)


class EditNote(QUndoCommand):
    def __init__(self, service: NotesService, note: Note, text: str, color: str) -> None:
        super().__init__(
            QCoreApplication.translate("NotesCommands", "Edit Note")
            if color == note.color
            else QCoreApplication.translate("NotesCommands", "Change Colour")
        )
        self.service, self.note_id = service, note.id
        self.before = (note.text, note.color)
        self.after = (text, color)

    def redo(self) -> None:
        self.service.edit(self.note_id, text=self.after[0], color=self.after[1])

    def undo(self) -> None:
        self.service.edit(self.note_id, text=self.before[0], color=self.before[1])


class DeleteNote(QUndoCommand):
    def __init__(self, service: NotesService, note: Note) -> None:
        super().__init__(QCoreApplication.translate("NotesCommands", "Delete Note"))
        self.service, self.note_id = service, note.id

    def redo(self) -> None:
        self.service.delete(self.note_id)

    def undo(self) -> None:
        self.service.restore(self.note_id)


class ReattachNote(QUndoCommand):
    """Put a note (an orphan, usually) on a new passage. Undo puts back where it was before,
    status included, through the store's `put_back`."""

    def __init__(self, service: NotesService, note: Note, transcript: Transcript, anchor: Anchor) -> None:
        super().__init__(QCoreApplication.translate("NotesCommands", "Re-attach Note"))
        self.service, self.before = service, note
        self.transcript, self.anchor = transcript, anchor

    def redo(self) -> None:
        self.service.reattach(self.before.id, self.transcript, self.anchor)

    def undo(self) -> None:
        self.service.put_back(self.before)
