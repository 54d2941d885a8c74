"""The small dialog for writing or editing a note: the passage it is on, a colour, the text.
Ctrl+Return (or Ctrl+Enter) saves it from anywhere in the dialog, the text field included
(where Return alone starts a new line)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.notes.models import COLORS
from ..accessible import describe, describe_buttons
from ..theme import colours
from ..window.actions import QT_TRANSLATE_NOOP

_COLOR_TEXTS = {  # marked for Qt Linguist; translated when shown
    "yellow": QT_TRANSLATE_NOOP("NoteDialog", "Yellow"),
    "green": QT_TRANSLATE_NOOP("NoteDialog", "Green"),
    "blue": QT_TRANSLATE_NOOP("NoteDialog", "Blue"),
    "pink": QT_TRANSLATE_NOOP("NoteDialog", "Pink"),
    "purple": QT_TRANSLATE_NOOP("NoteDialog", "Purple"),
}


def color_name(color: str) -> str:
    """A colour's name in the interface language (the store keeps the English key)."""
    return QCoreApplication.translate("NoteDialog", _COLOR_TEXTS.get(color, color))


def swatch(color: str, size: int = 14) -> QIcon:
    """A square of a highlight colour, for menus, buttons and the notes panel."""
    pixmap = QPixmap(size, size)
    pixmap.fill(colours().highlight_marker.get(color, QColor("gray")))
    return QIcon(pixmap)


class NoteDialog(QDialog):
    def __init__(self, quote: str, color: str, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note") if not text else self.tr("Edit Note"))
        layout = QVBoxLayout(self)
        shown = quote if len(quote) <= 300 else quote[:300] + "\u2026"
        passage = QLabel(f"\u201c{shown}\u201d")
        passage.setTextFormat(Qt.TextFormat.PlainText)
        passage.setWordWrap(True)
        passage.setStyleSheet("font-style: italic")
        layout.addWidget(passage)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Colour:")))
        self.colors = QButtonGroup(self)
        for name in COLORS:
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(swatch(name, 18))
            button.setIconSize(QSize(18, 18))
            button.setToolTip(color_name(name))
            button.setAccessibleName(color_name(name))
            button.setProperty("color", name)
            button.setChecked(name == color)
            self.colors.addButton(button)
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText(self.tr("Your note (optional)"))
        self.text.setTabChangesFocus(True)
        self.text.installEventFilter(self)
        layout.addWidget(self.text)
        std = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(std.Ok | std.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAccessibleDescription(self.tr("A highlight's colour and its note, on the passage quoted"))
        describe(self.text, self.tr("Note"), self.tr("Your note on the passage; it may stay empty"))
        describe_buttons(
            buttons, {std.Ok: self.tr("Save the note"), std.Cancel: self.tr("Close, saving nothing")}
        )
        self.text.setFocus()
        self.resize(460, 260)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The text field takes Return for a new line: Ctrl+Return saves before it sees the key.
        if watched is self.text and isinstance(event, QKeyEvent) and _saves(event):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.accept()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _saves(event):  # focus on a colour or a button: QDialog takes Return without Ctrl only
            self.accept()
            return
        super().keyPressEvent(event)

    def color(self) -> str:
        checked = self.colors.checkedButton()
        return str(checked.property("color")) if checked is not None else COLORS[0]

    def note(self) -> str:
        return self.text.toPlainText().strip()


def _saves(event: QKeyEvent) -> bool:
    """Ctrl+Return or Ctrl+Enter (the keypad's), with no other modifier."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    return enter and mods == Qt.KeyboardModifier.ControlModifier
