"""The paragraph the reader points at in a view: its counterpart marked while it is hovered, and
the one clicked (or jumped to) marked in every pane for a moment, which the status bar follows
until the mark fades."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTextEdit

from ...core.rows import RowKind
from ..theme import colours
from . import marks
from .host import ViewHost
from .pane import Pane

FADE_MS = 1500


class CurrentRow(QObject):
    def __init__(self, view: ViewHost, parent: QObject) -> None:
        super().__init__(parent)
        self.view = view
        self.row = -1  # the row marked as current, -1 when none
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.setInterval(FADE_MS)
        self._fade.timeout.connect(self.fade)

    def hover(self, pane: Pane, row: int) -> None:
        left, right, inter = self.view.panes()
        targets = [inter] if pane is inter else [left, right]
        for target in targets:
            show = row >= 0 and (target is not pane or pane is inter)
            target.set_layer("hover", self._selections(target, row) if show else [])

    def click(self, row: int) -> None:
        v = self.view
        if 0 <= row < len(v.rows) and v.rows[row].kind is RowKind.PARAGRAPH:
            self.set(row)
            v.report_position()

    def set(self, row: int) -> None:
        self.row = row
        for pane in self.view.panes():
            pane.set_layer("current", self._selections(pane, row) if row >= 0 else [])
        if row >= 0:
            self._fade.start()
        else:
            self._fade.stop()

    def fade(self) -> None:
        self.row = -1
        for pane in self.view.panes():
            pane.set_layer("current", [])
        self.view.report_position_soon()  # the status bar follows the top again, not the click

    def _selections(self, pane: Pane, row: int) -> list[QTextEdit.ExtraSelection]:
        return marks.row_marks(pane.blocks_of_row(row), colours(self.view.palette()).counterpart)
