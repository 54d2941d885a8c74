"""The notes panel: the notes of the open file, or all notes across files, with filters.

Each note shows its colour, the quoted passage, its counterpart in the other language, who said
it and where (call, section), and the note. Orphans (passages no longer in the file) are listed
last with their quote, never dropped. The panel only lists and asks: jumping, editing, deleting
and re-attaching are requests the window carries out through the view and the undo stack.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import numbering
from ...core.notes.models import COLORS, Document, Note, NoteFilter, Status
from ...core.textsafe import display_path
from ..accessible import describe
from ..i18n import plural
from ..theme import colours
from ..widgets.fitting import ElidedCombo
from ..widgets.html_delegate import HTML_ROLE, blend, rich_tree, tint_selection
from ..window.actions import QT_TRANSLATE_NOOP
from .dialog import color_name, swatch
from .service import NotesService

NOTE = Qt.ItemDataRole.UserRole  # a note item: its Note
QUOTE_CHARS = 240  # a long passage is cut in the list (the whole one is in the file)

_SECTIONS = {
    "prepared": QT_TRANSLATE_NOOP("NotesPanel", "Prepared remarks"),
    "qa": QT_TRANSLATE_NOOP("NotesPanel", "Q&A"),
}


def _cut(text: str, limit: int = QUOTE_CHARS) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "\u2026"


class NotesPanel(QWidget):
    noteActivated = Signal(object)  # a Note to show in its file
    editRequested = Signal(object)  # a Note
    deleteRequested = Signal(object)  # a Note
    reattachRequested = Signal(object)  # an orphan Note, to put on the current selection
    exportRequested = Signal(bool)  # True: every file's notes, False: this file's

    def __init__(self, service: NotesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.fingerprint: str | None = None  # the file on screen; None when no file is open
        self.documents: dict[str, Document] = {}

        self.scope = QComboBox()
        self.scope.addItems(["", ""])  # this file, all notes: the texts in _set_texts
        self.color = QComboBox()
        self.color.addItem("", "")
        for c in COLORS:
            self.color.addItem(swatch(c), "", c)
        self.speaker = ElidedCombo()  # a long name and title ends in "…", whole in its tooltip
        self.speaker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.speaker.setMinimumContentsLength(10)
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.count = QLabel()
        self.tree = QTreeWidget()
        rich_tree(self.tree)
        tint_selection(self.tree)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.edit_button, self.delete_button = QPushButton(), QPushButton()
        self.reattach_button, self.export_button = QPushButton(), QPushButton()
        self._set_texts()

        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.count, 1, Qt.AlignmentFlag.AlignRight)
        filters = QHBoxLayout()
        filters.addWidget(self.color)
        filters.addWidget(self.speaker, 1)
        buttons = QHBoxLayout()
        for b in (self.edit_button, self.delete_button, self.reattach_button, self.export_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.text)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

        self._refill = QTimer(self)
        self._refill.setSingleShot(True)
        self._refill.setInterval(120)  # typing in the filter: refill once it pauses
        self._refill.timeout.connect(self.refresh)
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.color.currentIndexChanged.connect(lambda _i: self.refresh())
        self.speaker.currentIndexChanged.connect(lambda _i: self.refresh())
        self.text.textChanged.connect(lambda _t: self._refill.start())
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.customContextMenuRequested.connect(self._menu)
        self.edit_button.clicked.connect(lambda: self._request(self.editRequested.emit))
        self.delete_button.clicked.connect(lambda: self._request(self.deleteRequested.emit))
        self.reattach_button.clicked.connect(lambda: self._request(self.reattachRequested.emit))
        self.export_button.clicked.connect(lambda: self.exportRequested.emit(self.all_files()))
        service.changed.connect(self._store_changed)
        self.refresh()

    def _set_texts(self) -> None:
        """The fixed texts, in the interface language installed now."""
        self.scope.setItemText(0, QCoreApplication.translate("NotesPanel", "This file"))
        self.scope.setItemText(1, QCoreApplication.translate("NotesPanel", "All notes"))
        self.scope.setToolTip(
            QCoreApplication.translate("NotesPanel", "Show the notes of the file on screen, or of every file")
        )
        self.color.setItemText(0, QCoreApplication.translate("NotesPanel", "All colours"))
        for i, c in enumerate(COLORS, 1):
            self.color.setItemText(i, color_name(c))
        self.text.setPlaceholderText(QCoreApplication.translate("NotesPanel", "Filter notes"))
        self.edit_button.setText(QCoreApplication.translate("NotesPanel", "Edit\u2026"))
        self.delete_button.setText(QCoreApplication.translate("NotesPanel", "Delete"))
        self.reattach_button.setText(QCoreApplication.translate("NotesPanel", "Re-attach"))
        self.reattach_button.setToolTip(
            QCoreApplication.translate("NotesPanel", "Put this orphan on the passage selected in the text")
        )
        self.export_button.setText(QCoreApplication.translate("NotesPanel", "Export\u2026"))

        describe(
            self.scope,
            QCoreApplication.translate("NotesPanel", "Notes shown"),
            QCoreApplication.translate(
                "NotesPanel", "Show the notes of the file on screen, or of every file"
            ),
        )
        describe(
            self.color,
            QCoreApplication.translate("NotesPanel", "Colour"),
            QCoreApplication.translate("NotesPanel", "Show the notes of one colour only"),
        )
        describe(
            self.speaker,
            QCoreApplication.translate("NotesPanel", "Speaker"),
            QCoreApplication.translate("NotesPanel", "Show the notes on one speaker's words only"),
        )
        describe(
            self.text,
            QCoreApplication.translate("NotesPanel", "Filter notes"),
            QCoreApplication.translate(
                "NotesPanel", "Show the notes whose passage or text holds these words"
            ),
        )
        describe(
            self.tree,
            QCoreApplication.translate("NotesPanel", "Notes"),
            QCoreApplication.translate(
                "NotesPanel", "The notes by file and speaker; Enter shows one in the text"
            ),
        )
        self.edit_button.setToolTip(
            QCoreApplication.translate("NotesPanel", "Edit the chosen note's text and colour")
        )
        self.delete_button.setToolTip(
            QCoreApplication.translate("NotesPanel", "Delete the chosen notes (Undo brings them back)")
        )
        self.export_button.setToolTip(
            QCoreApplication.translate("NotesPanel", "Save the notes as Markdown or CSV")
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._set_texts()
            self.refresh()  # the count, the groups and the notes' labels
        elif event.type() == QEvent.Type.PaletteChange:  # light/dark switched: colours anew
            tint_selection(self.tree)
            self.refresh()

    # --- what is shown ----------------------------------------------------------------------------

    def all_files(self) -> bool:
        return self.scope.currentIndex() == 1 or self.fingerprint is None

    def set_document(self, fingerprint: str | None) -> None:
        """The file on screen changed (a tab switch, a load, the last tab closed)."""
        if fingerprint != self.fingerprint:
            self.fingerprint = fingerprint
            self.refresh()

    def _store_changed(self, _fingerprint: str) -> None:
        self.refresh()

    def filter(self) -> NoteFilter:
        colors = frozenset({self.color.currentData()} - {""})
        speaker = self.speaker.currentData() or None
        return NoteFilter(colors=colors, speaker=speaker, text=self.text.text().strip() or None)

    def current_note(self) -> Note | None:
        item = self.tree.currentItem()
        note = item.data(0, NOTE) if item is not None else None
        return note if isinstance(note, Note) else None

    def refresh(self) -> None:
        every = self.all_files()
        notes = self.service.notes(None if every else self.fingerprint)
        self.documents = {}
        if every and self.service.store is not None:
            self.documents = {d.fingerprint: d for d in self.service.store.documents()}
        self._fill_speakers(notes)
        where = self.filter()
        shown = [n for n in notes if where.matches(n)]
        keep = self.current_note()
        self.tree.clear()
        placed = [n for n in shown if n.status is not Status.ORPHAN]
        orphans = [n for n in shown if n.status is Status.ORPHAN]
        if every:
            for fingerprint in dict.fromkeys(n.document for n in placed):
                group = self._group(self._document_label(fingerprint))
                for n in placed:
                    if n.document == fingerprint:
                        self._item(group, n, every)
        else:
            for n in placed:
                self._item(self.tree.invisibleRootItem(), n, every)
        if orphans:
            group = self._group(
                QCoreApplication.translate(
                    "NotesPanel", "Orphans: passages no longer in the file (%1)"
                ).replace("%1", str(len(orphans)))
            )
            group.setToolTip(
                0, QCoreApplication.translate("NotesPanel", "Re-attach each to a new selection, or delete it")
            )
            for n in orphans:
                self._item(group, n, every)
        self.tree.expandAll()
        if keep is not None:
            self._select(keep.id)
        total = len(notes)
        if len(shown) == total:
            self.count.setText(
                plural(
                    "NotesPanel",
                    QT_TRANSLATE_NOOP("NotesPanel", "%n note"),
                    QT_TRANSLATE_NOOP("NotesPanel", "%n notes"),
                    total,
                )
            )
        else:
            many = plural(
                "NotesPanel",
                QT_TRANSLATE_NOOP("NotesPanel", "%1 of %n note"),
                QT_TRANSLATE_NOOP("NotesPanel", "%1 of %n notes"),
                total,
            )
            self.count.setText(many.replace("%1", str(len(shown))))
        if not shown:
            text = self._empty_text(total, every)
            empty = QTreeWidgetItem(self.tree, [text])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            empty.setData(0, HTML_ROLE, f"<i>{html.escape(text)}</i>")  # wrapped, never cut
        self._update_buttons()

    def _empty_text(self, total: int, every: bool) -> str:
        if not self.service.available:
            return QCoreApplication.translate("NotesPanel", "Notes are off: {reason}").format(
                reason=self.service.problem or ""
            )
        if total:
            return QCoreApplication.translate("NotesPanel", "No note matches the filters.")
        if every or self.fingerprint is None:
            return QCoreApplication.translate("NotesPanel", "No notes yet.")
        return QCoreApplication.translate(
            "NotesPanel", "No notes in this file yet. Select a passage and right-click to highlight it."
        )

    def _fill_speakers(self, notes: list[Note]) -> None:
        current = self.speaker.currentData()
        names = sorted({n.placement.speaker for n in notes if n.placement.speaker})
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItem(QCoreApplication.translate("NotesPanel", "All speakers"), "")
        for name in names:
            self.speaker.addItem(name, name)
        at = self.speaker.findData(current) if current else 0
        self.speaker.setCurrentIndex(max(at, 0))
        self.speaker.blockSignals(False)

    def _document_label(self, fingerprint: str) -> str:
        d = self.documents.get(fingerprint)
        if d is None:
            return fingerprint[:12]
        name = display_path(d.path.replace("\\", "/").rsplit("/", 1)[-1])
        title = " ".join(x for x in (d.company, d.period) if x)
        return f"{title} \u2014 {name}" if title else name

    def _group(self, label: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [label])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return group

    def _item(self, parent: QTreeWidgetItem, note: Note, every: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [note.anchor.quote])
        item.setData(0, NOTE, note)
        item.setIcon(0, swatch(note.color))
        item.setData(0, HTML_ROLE, self._html(note, every))
        item.setToolTip(0, QCoreApplication.translate("NotesPanel", "Click to show it in the text"))
        return item

    def _html(self, note: Note, every: bool) -> str:
        pal = colours(self.palette())
        quiet = pal.quiet.name()
        base = self.palette().color(QPalette.ColorRole.Base)
        mark = blend(pal.highlights.get(note.color, pal.highlights["yellow"]), base).name()
        where = [note.placement.speaker]
        d = self.documents.get(note.document) if every else None
        if d is not None and note.placement.call is not None and len(d.calls) > 1:
            where.append(d.call_label(note.placement.call))
        section = _SECTIONS.get(note.placement.section)
        if section:
            where.append(QCoreApplication.translate("NotesPanel", section))
        if note.paragraph is not None:
            where.append(
                QCoreApplication.translate("NotesPanel", "paragraph %1").replace(
                    "%1", str(numbering.shown(note.paragraph))
                )
            )
        if note.status is Status.REANCHORED:
            where.append(QCoreApplication.translate("NotesPanel", "moved with an edit of the file"))
        parts = [
            f"<span style='background:{mark}'>{html.escape(_cut(note.anchor.quote))}</span>",
        ]
        if note.placement.counterpart:
            counterpart = html.escape(_cut(note.placement.counterpart, QUOTE_CHARS // 2))
            parts.append(f"<span style='color:{quiet}'>{counterpart}</span>")
        line = " \u00b7 ".join(p for p in where if p)
        parts.append(f"<span style='color:{quiet}'>{html.escape(line)}</span>")
        if note.text:
            parts.append(f"<i>{html.escape(note.text).replace(chr(10), '<br>')}</i>")
        return "<br>".join(parts)

    def _select(self, note_id: int) -> None:
        items = [self.tree.invisibleRootItem()]
        while items:
            item = items.pop()
            note = item.data(0, NOTE)
            if isinstance(note, Note) and note.id == note_id:
                self.tree.setCurrentItem(item)
                return
            items.extend(c for c in (item.child(i) for i in range(item.childCount())) if c is not None)

    # --- requests -------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        note = self.current_note()
        for b in (self.edit_button, self.delete_button):
            b.setEnabled(note is not None)
        self.reattach_button.setEnabled(note is not None and note.status is Status.ORPHAN)
        self.export_button.setEnabled(self.service.available)

    def _activated(self, item: QTreeWidgetItem) -> None:
        note = item.data(0, NOTE)
        if isinstance(note, Note) and note.status is not Status.ORPHAN:
            self.noteActivated.emit(note)

    def _request(self, emit: Callable[[Note], object]) -> None:
        note = self.current_note()
        if note is not None:
            emit(note)

    def _menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        note = self.current_note()
        if note is None:
            return
        menu = QMenu(self)
        if note.status is not Status.ORPHAN:
            menu.addAction(
                QCoreApplication.translate("NotesPanel", "Show in Text"),
                lambda: self.noteActivated.emit(note),
            )
        else:
            menu.addAction(
                QCoreApplication.translate("NotesPanel", "Re-attach to the Selection"),
                lambda: self.reattachRequested.emit(note),
            )
        menu.addAction(
            QCoreApplication.translate("NotesPanel", "Edit\u2026"), lambda: self.editRequested.emit(note)
        )
        delete = menu.addAction(
            QCoreApplication.translate("NotesPanel", "Delete"), lambda: self.deleteRequested.emit(note)
        )
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.matches(QKeySequence.StandardKey.Delete) and self.current_note() is not None:
            self._request(self.deleteRequested.emit)
            return
        super().keyPressEvent(event)
