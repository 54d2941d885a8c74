"""The find bar at the bottom of the reading area: a query field, "3 of 12", previous / next.

The bar only collects the query and reports what the user asks for; the window searches (with
:class:`reader.core.find.Finder`), moves between matches and calls :meth:`FindBar.set_count`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

DEBOUNCE_MS = 150

# Translucent, so it tints whatever the field's background is: pink on light, dark red on dark.
_NO_MATCHES_STYLE = "QLineEdit { background-color: rgba(220, 38, 38, 70); }"
_OWN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)


class FindBar(QWidget):
    queryChanged = Signal(str)  # debounced while typing; at once on Enter
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)

        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("0000 of 0000"))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.previous_button = self._button("go-up", "▲")
        self.next_button = self._button("go-down", "▼")
        self.close_button = self._button("window-close", "✕")
        self._set_texts()
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button.clicked.connect(self.nextRequested)
        self.close_button.clicked.connect(self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_query)
        self.edit.textChanged.connect(self._text_changed)

    def _button(self, icon_name: str, fallback: str) -> QToolButton:
        button = QToolButton(self)
        icon = QIcon.fromTheme(icon_name)
        if icon.isNull():
            button.setText(fallback)
        else:
            button.setIcon(icon)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        return button

    def _set_texts(self) -> None:
        """The field's hint and the buttons' tips, in the interface language installed now."""
        self.edit.setPlaceholderText(self.tr("Find in both languages (Traditional = Simplified)"))
        self.edit.setAccessibleName(self.tr("Find"))
        for button, tip in (
            (self.previous_button, self.tr("Previous match (Shift+Enter)")),
            (self.next_button, self.tr("Next match (Enter)")),
            (self.close_button, self.tr("Close (Escape)")),
        ):
            button.setToolTip(tip)
            button.setAccessibleName(tip)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._set_texts()

    # -- public --------------------------------------------------------------------------------

    def open(self, text: str = "") -> None:
        """Show the bar and focus the field with its text selected, prefilled with ``text`` if
        given (the query is then reported after the usual debounce)."""
        if text:
            self.edit.setText(text)
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def query(self) -> str:
        return self.edit.text()

    def set_count(self, current: int | None, total: int) -> None:
        """Show where the user is among the matches: ``current`` is a 0-based index or None."""
        if not self.query().strip():
            self.count_label.setText("")
            self._tint(False)
            return
        if total == 0:
            self.count_label.setText(self.tr("No matches"))
        elif current is None:
            self.count_label.setText(self.tr("{total} matches").format(total=total))
        else:
            self.count_label.setText(self.tr("{current} of {total}").format(current=current + 1, total=total))
        self._tint(total == 0)

    def close_bar(self) -> None:
        """Hide the bar and emit ``closed`` (Escape and the close button)."""
        self._timer.stop()
        self.hide()
        self.closed.emit()

    # -- internals -----------------------------------------------------------------------------

    def _tint(self, on: bool) -> None:
        self.edit.setStyleSheet(_NO_MATCHES_STYLE if on else "")

    def _text_changed(self, text: str) -> None:
        if not text.strip():
            self.count_label.setText("")
            self._tint(False)
        self._timer.start()

    def _emit_query(self) -> None:
        self._timer.stop()
        self.queryChanged.emit(self.edit.text())

    def _enter(self, backwards: bool) -> None:
        if self._timer.isActive():
            # The query is new: the search it starts lands on the first match from here, which
            # is where this Enter should go; asking for the next one as well would skip it.
            self._emit_query()
        elif backwards:
            self.previousRequested.emit()
        else:
            self.nextRequested.emit()

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return True
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.ShortcutOverride and event.key() in _OWN_KEYS:
                event.accept()  # the field's Enter and Escape win over any window shortcut
                return True
            if event.type() == QEvent.Type.KeyPress and self._handle_key(event):
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)
