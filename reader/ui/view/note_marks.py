"""The notes of one open transcript, as the reader sees them in its panes.

`NoteMarks` belongs to a `TranscriptView`. It paints each note's passage in its colour (layer
"notes"), puts a marker in the gutter of a paragraph holding a note and an outlined one on its
counterpart in the other language, answers tooltips with the note, and finds the passage a new
note goes on: the selection, else the paragraph under the cursor. Storing and undo are the
window's `NotesService`; this class only reads from it and pushes commands onto its stack.
The anchoring (difflib) is imported when a note is first added, not at start.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Signal
from PySide6.QtGui import QAction, QColor, QTextBlock, QTextCursor
from PySide6.QtWidgets import QDialog, QMenu, QTextEdit, QWidget

from ...core.notes.models import COLORS, Anchor, Note, NotesError, Status
from ...core.rows import RowKind
from ..i18n import plural
from ..notes.commands import AddNote, DeleteNote, EditNote, ReattachNote
from ..notes.dialog import NoteDialog, color_name, swatch
from ..notes.service import NotesService
from ..theme import colours
from ..window.actions import QT_TRANSLATE_NOOP
from ..workers import Job
from . import blocks
from .host import ViewHost
from .pane import Pane

if TYPE_CHECKING:
    from ...core.notes.carry import OpenResult


@dataclass(frozen=True)
class Passage:
    """Characters start:end (Python indices) of a paragraph's text in one language."""

    paragraph: int
    lang: str
    start: int
    end: int


class NoteMarks(QObject):
    registered = Signal(str)  # the file on screen is in the store: a status line, or ""

    def __init__(self, view: ViewHost, service: NotesService, parent: QWidget) -> None:
        super().__init__(parent)
        self.view, self.service = view, service
        self._dialog_parent = parent
        self.pending: Job | None = None  # the registration of the file on screen, while it runs
        # Notes made while it runs: the store takes a note only on a registered document.
        self._held: list[Callable[[], None]] = []
        # The window will show this transcript's notes once its store is open (checked on a
        # worker): the view's `ready`, which a screenshot waits for, waits for them too.
        self.awaiting_store = False
        self.live: list[Note] = []  # the live notes of the view's transcript, orphans included
        service.changed.connect(self._changed)

    # --- reading the store ----------------------------------------------------------------------

    def opened(self) -> None:
        """The view shows a newly loaded transcript: show the notes the store has for it now,
        then register it and carry notes over from earlier versions of the file on a worker;
        `registered` follows, with a line for the status bar when notes were carried over."""
        self.awaiting_store = False
        t, path = self.view.transcript, self.view.path
        if t is None or path is None:
            return
        self.reload()
        # A method, not a lambda: the connection goes with this object (a tab closed meanwhile).
        self.pending = self.service.open_document(t, path, self._registered)
        if self.pending is not None:
            self.pending.failed.connect(self._not_registered)

    def _not_registered(self, _reason: str) -> None:
        # The service said why; a note held meanwhile is tried now and says why it failed too.
        self.pending = None
        self._write_held()

    def _write_held(self) -> None:
        held, self._held = self._held, []
        for write in held:
            write()

    def _when_registered(self, write: Callable[[], None]) -> None:
        """Write now, or once the file on screen is registered (a note made in the first moment
        after opening a large file waits for it, it is not refused)."""
        if self.pending is not None:
            self._held.append(write)
        else:
            write()

    def _registered(self, result: OpenResult) -> None:
        t = self.view.transcript
        if t is None or result.document.fingerprint != t.fingerprint:
            return  # another file (or version) was opened meanwhile: its own registration follows
        self.pending = None
        self._write_held()
        message = ""
        if result.carried:
            message = plural(
                "NoteMarks",
                QT_TRANSLATE_NOOP("NoteMarks", "%n note carried over from an earlier version of this file"),
                QT_TRANSLATE_NOOP("NoteMarks", "%n notes carried over from an earlier version of this file"),
                result.carried,
            )
        if result.orphaned:
            message += plural(
                "NoteMarks",
                QT_TRANSLATE_NOOP("NoteMarks", "; %n could not be placed and is listed as an orphan"),
                QT_TRANSLATE_NOOP("NoteMarks", "; %n could not be placed and are listed as orphans"),
                result.orphaned,
            )
        self.registered.emit(message)

    def reload(self) -> None:
        t = self.view.transcript
        self.live = self.service.notes(t.fingerprint) if t is not None else []
        self.remark()

    def _changed(self, fingerprint: str) -> None:
        t = self.view.transcript
        if t is not None and fingerprint in ("", t.fingerprint):
            self.reload()

    def placed(self) -> list[Note]:
        return [n for n in self.live if n.status is not Status.ORPHAN and n.paragraph is not None]

    # --- painting -------------------------------------------------------------------------------

    def remark(self) -> None:
        """Paint the notes of the call on screen in every pane (after a change, or when a pane
        got a new document)."""
        view, pal = self.view, colours(self.view.palette())
        for pane in view.panes():
            marks: list[QTextEdit.ExtraSelection] = []
            markers: dict[int, tuple[QColor, bool]] = {}
            for note in self.placed():
                row = view.row_of.get(note.paragraph if note.paragraph is not None else -1, -1)
                if row < 0:
                    continue
                for block in pane.blocks_of_row(row):
                    if blocks.is_gap(block) or blocks.kind_of(block) != RowKind.PARAGRAPH.value:
                        continue
                    solid = pal.highlight_marker.get(note.color, pal.highlight_marker["yellow"])
                    if blocks.lang_of(block) == note.anchor.lang:
                        marks.append(self._mark(block, note, pal.highlights.get(note.color, solid)))
                        if note.text:
                            markers[block.blockNumber()] = (solid, True)
                    elif block.blockNumber() not in markers:
                        markers[block.blockNumber()] = (solid, False)
            pane.set_layer("notes", marks)
            pane.set_markers(markers)

    @staticmethod
    def _mark(block: QTextBlock, note: Note, colour: QColor) -> QTextEdit.ExtraSelection:
        text = block.text()
        start, end = min(note.anchor.start, len(text)), min(note.anchor.end, len(text))
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + blocks.qt_offset(text, start))
        cursor.setPosition(block.position() + blocks.qt_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format.setBackground(colour)
        return sel

    # --- what is where --------------------------------------------------------------------------

    def notes_at(self, block: QTextBlock, position: int = -1) -> list[Note]:
        """The notes on a block (of its language), or only those covering a position in it
        (UTF-16 units, as Qt gives it; -1: all)."""
        paragraph, lang = blocks.paragraph_of(block), blocks.lang_of(block)
        if paragraph < 0 or blocks.is_gap(block):
            return []
        here = [n for n in self.placed() if n.paragraph == paragraph and n.anchor.lang == lang]
        if position < 0:
            return here
        at = blocks.py_offset(block.text(), position)
        return [n for n in here if n.anchor.start <= at < n.anchor.end]

    def tip(self, block: QTextBlock, position: int) -> str | None:
        """The tooltip of a highlight with a note (or of the gutter marker: every note there)."""
        notes = [n for n in self.notes_at(block, position) if n.text]
        if not notes:
            return None

        return "<hr>".join(f"<p style='white-space:pre-wrap'>{html.escape(n.text)}</p>" for n in notes)

    def passage(self, pane: Pane | None = None, pos: QPoint | None = None) -> Passage | None:
        """Where a new note goes: the selection in a pane (cut at the end of the paragraph it
        starts in), else the whole paragraph at `pos` or at the text cursor."""
        panes = [pane] if pane is not None else self._panes_by_focus()
        for p in panes:
            cursor = p.textCursor()
            if cursor.hasSelection():
                return self._selected(p, cursor)
        if pane is None:
            pane = panes[0]
        cursor = pane.cursorForPosition(pos) if pos is not None else pane.textCursor()
        return self._whole(cursor.block())

    def _panes_by_focus(self) -> list[Pane]:
        shown = [p for p in self.view.panes() if p.isVisible()] or [self.view.active_pane()]
        return sorted(shown, key=lambda p: not p.hasFocus())

    def _selected(self, pane: Pane, cursor: QTextCursor) -> Passage | None:
        doc = pane.document()
        block = doc.findBlock(cursor.selectionStart())
        while block.isValid() and block.position() < cursor.selectionEnd():
            whole = self._whole(block)
            if whole is not None:
                text = block.text()
                start = blocks.py_offset(text, max(cursor.selectionStart() - block.position(), 0))
                end = blocks.py_offset(text, min(cursor.selectionEnd() - block.position(), len(text) * 2))
                start, end = _trim(text, start, end)
                return Passage(whole.paragraph, whole.lang, start, end) if end > start else whole
            block = block.next()
        return None

    @staticmethod
    def _whole(block: QTextBlock) -> Passage | None:
        if (
            not block.isValid()
            or blocks.is_gap(block)
            or blocks.kind_of(block) != RowKind.PARAGRAPH.value
            or blocks.paragraph_of(block) < 0
            or not block.text()
        ):
            return None
        return Passage(blocks.paragraph_of(block), blocks.lang_of(block), 0, len(block.text()))

    # --- the context menu and the dialog --------------------------------------------------------

    def fill_menu(self, pane: Pane, menu: QMenu, pos: QPoint) -> None:
        """Put the note entries at the top of a pane's context menu: highlight the selection (or
        the paragraph) in a colour, add a note, and edit or delete the notes under the mouse."""
        first = menu.actions()[0] if menu.actions() else None
        passage = self.passage(pane, pos)
        entries: list[QAction | QMenu] = []
        if passage is not None and self.service.available:
            colors = QMenu(QCoreApplication.translate("NoteMarks", "Highlight"), menu)
            for color in COLORS:
                action = colors.addAction(swatch(color), color_name(color))
                action.triggered.connect(lambda _c=False, c=color, p=passage: self.add(p, c))
            entries.append(colors)
            add = QAction(QCoreApplication.translate("NoteMarks", "Add Note\u2026"), menu)
            add.triggered.connect(lambda _c=False, p=passage: self.ask(p))
            entries.append(add)
        cursor = pane.cursorForPosition(pos)
        for note in self.notes_at(cursor.block(), cursor.positionInBlock()):
            edit = QAction(
                swatch(note.color), QCoreApplication.translate("NoteMarks", "Edit Note\u2026"), menu
            )
            edit.triggered.connect(lambda _c=False, n=note: self.ask_edit(n))
            delete = QAction(
                QCoreApplication.translate("NoteMarks", "Delete Note")
                if note.text
                else QCoreApplication.translate("NoteMarks", "Remove Highlight"),
                menu,
            )
            delete.triggered.connect(lambda _c=False, n=note: self.delete(n))
            entries += [edit, delete]
        for entry in entries:
            if isinstance(entry, QMenu):
                menu.insertMenu(first, entry) if first is not None else menu.addMenu(entry)
            else:
                menu.insertAction(first, entry) if first is not None else menu.addAction(entry)
        if entries and first is not None:
            menu.insertSeparator(first)

    def ask(self, passage: Passage | None = None, color: str | None = None) -> bool:
        """Add a note through the note dialog, on `passage` or the one `passage()` finds."""
        passage = passage or self.passage()
        t = self.view.transcript
        if passage is None or t is None:
            return False
        p = t.paragraphs[passage.paragraph]
        text = (p.en if passage.lang == "en" else p.zh) or ""
        quote = text[passage.start : passage.end]

        dialog = NoteDialog(quote, color or self.service.last_color, "", self._dialog_parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.service.last_color = dialog.color()
        return self.add(passage, dialog.color(), dialog.note())

    def ask_edit(self, note: Note) -> None:
        dialog = NoteDialog(note.anchor.quote, note.color, note.text, self._dialog_parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.edit(note, dialog.note(), dialog.color())

    # --- commands -------------------------------------------------------------------------------

    def _anchor(self, passage: Passage) -> Anchor | None:
        """The anchor of a passage of the transcript on screen (None, and a message, if the
        passage cannot be anchored)."""
        # Anchoring a note (difflib): only when one is added, not at start.
        from ...core.notes.anchors import make_anchor

        t = self.view.transcript
        if t is None:
            return None
        try:
            return make_anchor(t, passage.paragraph, passage.lang, passage.start, passage.end)
        except NotesError as err:
            self.service.failed.emit(str(err))
            return None

    def add(self, passage: Passage, color: str, text: str = "") -> bool:
        self.service.last_color = color
        anchor = self._anchor(passage)
        if anchor is None or self.view.transcript is None:
            return False

        command = AddNote(self.service, self.view.transcript, anchor, color, text)
        self._when_registered(lambda: self.service.undo.push(command))
        return True

    def edit(self, note: Note, text: str, color: str) -> None:
        if (text, color) != (note.text, note.color):
            self.service.undo.push(EditNote(self.service, note, text, color))

    def delete(self, note: Note) -> None:
        self.service.undo.push(DeleteNote(self.service, note))

    def reattach(self, note: Note, passage: Passage) -> bool:
        anchor = self._anchor(passage)
        if anchor is None or self.view.transcript is None:
            return False

        command = ReattachNote(self.service, note, self.view.transcript, anchor)
        self._when_registered(lambda: self.service.undo.push(command))
        return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection without the white space at its ends (a double-click takes the space after)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
