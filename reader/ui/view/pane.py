"""One reading pane: a read-only QTextEdit over a document built by `document.py`.

The pane knows rows, not the transcript: it reports which row is hovered or clicked, scrolls to a
row, paints flags and note markers in the left gutter, and shows marks (hover counterpart, find
matches, highlights) as layers of extra selections. Tooltips and the context menu's own entries
are asked of callbacks so the view decides what they say.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRectF, QSizeF, Qt, QTimer, QTimerEvent, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from ..accessible import describe
from ..window.actions import QT_TRANSLATE_NOOP
from . import blocks

LAYERS = ("notes", "current", "hover", "find")  # marks in painting order: later ones on top
TooltipSource = Callable[[QTextBlock, int], str | None]
MenuSource = Callable[["Pane", QMenu, QPoint], None]  # adds the view's entries to a context menu
# What a screen reader calls each pane, and says of it (its text is read through QTextEdit's own
# accessible text interface).
ACCESSIBLE = {
    "en": (QT_TRANSLATE_NOOP("Pane", "English text"), QT_TRANSLATE_NOOP("Pane", "The call in English")),
    "zh": (QT_TRANSLATE_NOOP("Pane", "Chinese text"), QT_TRANSLATE_NOOP("Pane", "The call in Chinese")),
    "interleaved": (
        QT_TRANSLATE_NOOP("Pane", "English and Chinese text"),
        QT_TRANSLATE_NOOP("Pane", "The call, each Chinese paragraph under its English one"),
    ),
}

HAND_EVENTS = {
    QEvent.Type.Wheel,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
}
TOP_SLACK = 8  # a row with no more than this many pixels left on screen is no longer the top one
TAIL_LINES = 3  # lines of text still on screen when scrolled to the very end


class Pane(QTextEdit):
    rowHovered = Signal(int)  # -1 when the mouse leaves the text
    rowClicked = Signal(int)
    resized = Signal()  # the text may wrap differently now
    textPainted = Signal()  # the document set was painted for the first time
    layoutMoved = Signal()  # the document's laid-out size changed: text may have moved

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        if name in ACCESSIBLE:
            label, what = ACCESSIBLE[name]
            describe(
                self, QCoreApplication.translate("Pane", label), QCoreApplication.translate("Pane", what)
            )
        # Hover needs no setting: QTextEdit's viewport tracks the mouse already.
        self._row_blocks: list[int] = []
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._flags: dict[int, QColor] = {}  # row -> colour of its gutter flag
        self._markers: dict[int, tuple[QColor, bool]] = {}  # block number -> (colour, filled)
        self._hovered = -1
        self.painted = False  # the document shown has been painted at least once
        self.painted_once = False  # some document has been
        self.tooltip_source: TooltipSource | None = None
        self.menu_source: MenuSource | None = None
        self._hand = 0  # inside an input event of the reader's (wheel, keys, a drag)
        self._hand_action = False  # the scroll bar was moved by the reader, this turn of the loop
        self.verticalScrollBar().actionTriggered.connect(self._bar_moved)
        self.verticalScrollBar().rangeChanged.connect(self._past_the_end)

    # --- document and rows ---------------------------------------------------------------------

    def set_document(self, doc: QTextDocument, row_blocks: list[int] | None = None) -> None:
        """Show a document; `row_blocks` (row -> first block number) saves a pass over it."""
        self._layers.clear()
        self._markers = {}
        self.setExtraSelections([])
        self.painted = False
        self.setDocument(doc)
        # A slot of the pane's own, not a lambda holding it: Qt drops it with the pane, and the
        # document may outlive the pane (a call switched away from, a document kept for later).
        doc.documentLayout().documentSizeChanged.connect(
            self._size_changed, Qt.ConnectionType.UniqueConnection
        )
        if row_blocks is not None:
            self._row_blocks = row_blocks
            return
        self._row_blocks = []
        block = doc.begin()
        while block.isValid():
            row = blocks.row_of(block)
            if row >= len(self._row_blocks):
                self._row_blocks.extend([block.blockNumber()] * (row + 1 - len(self._row_blocks)))
            block = block.next()

    def block_of_row(self, row: int) -> QTextBlock:
        if not 0 <= row < len(self._row_blocks):
            return QTextBlock()
        return self.document().findBlockByNumber(self._row_blocks[row])

    def blocks_of_row(self, row: int) -> list[QTextBlock]:
        out = []
        block = self.block_of_row(row)
        while block.isValid() and blocks.row_of(block) == row:
            out.append(block)
            block = block.next()
        return out

    def row_at(self, pos: QPoint) -> int:
        """The row under a viewport position, or -1 past the end of the text."""
        cursor = self.cursorForPosition(pos)
        block = cursor.block()
        rect = self.block_rect(block)
        if not rect.isValid() or pos.y() > rect.bottom() + 1:
            return -1
        return blocks.row_of(block)

    def block_rect(self, block: QTextBlock) -> QRectF:
        """A block's rectangle in viewport coordinates."""
        if not block.isValid():
            return QRectF()
        rect = self.document().documentLayout().blockBoundingRect(block)
        return rect.translated(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())

    def row_top(self, row: int) -> float:
        """Where a row starts in document coordinates."""
        block = self.block_of_row(row)
        if not block.isValid():
            return 0.0
        return self.document().documentLayout().blockBoundingRect(block).top()

    def top_row(self) -> int:
        """The first row whose text shows at the top of the viewport."""
        y = self.verticalScrollBar().value()
        block = self.cursorForPosition(QPoint(int(blocks_left(self)), 2)).block()
        # cursorForPosition lands on the block under the point; a block mostly scrolled away counts
        # as the next one once less than a line of it shows.
        layout = self.document().documentLayout()
        if not block.isValid() or layout.blockBoundingRect(block).top() > y + self.viewport().height():
            block = self.document().begin()  # the hit test of a layout still under way can miss
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.bottom() - y > TOP_SLACK and block.isVisible():
                break
            block = block.next()
        row = blocks.row_of(block) if block.isValid() else -1
        return row if row >= 0 else max(0, len(self._row_blocks) - 1)  # past the last row: the last

    def row_height(self, row: int) -> float:
        """From a row's top to the bottom of its last block, in document coordinates."""
        found = self.blocks_of_row(row)
        if not found:
            return 0.0
        layout = self.document().documentLayout()
        return layout.blockBoundingRect(found[-1]).bottom() - layout.blockBoundingRect(found[0]).top()

    def by_hand(self) -> bool:
        """Whether the scrolling now is the reader's own (wheel, keys, scroll bar, a drag)."""
        return self._hand > 0 or self._hand_action

    def visible_blocks(self) -> tuple[int, int]:
        """The numbers of the first and last blocks in the viewport."""
        # Below the document's top margin: while Qt still lays the document out, a point in that
        # margin hits the end of what is laid out so far, not the first block.
        top = max(0, int(self.document().documentMargin()) - self.verticalScrollBar().value())
        first = self.cursorForPosition(QPoint(0, top)).blockNumber()
        return first, self.cursorForPosition(QPoint(0, self.viewport().height())).blockNumber()

    def scroll_to_row(self, row: int, offset: float = 0.0) -> None:
        """Put a row's top at the top of the viewport (or as close as the scroll range allows)."""
        top = self.row_top(row)
        self.verticalScrollBar().setValue(0 if row <= 0 else round(top - offset))

    def row_count(self) -> int:
        return len(self._row_blocks)

    # --- marks ---------------------------------------------------------------------------------

    def set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace one layer of marks (a name of `LAYERS`, which paint in that order)."""
        if not selections and name not in self._layers:
            return
        self._layers[name] = selections
        merged: list[QTextEdit.ExtraSelection] = []
        for layer in LAYERS:
            merged.extend(self._layers.get(layer, ()))
        self.setExtraSelections(merged)

    def layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        """The marks of one layer."""
        return list(self._layers.get(name, ()))

    def set_flags(self, flags: dict[int, QColor]) -> None:
        self._flags = flags
        if self.painted:  # else the document set is about to be painted, flags and all
            self.viewport().update()

    def set_markers(self, markers: dict[int, tuple[QColor, bool]]) -> None:
        """Note markers in the gutter: block number -> the note's colour, and filled (a note on
        this block) or outlined (a note on its counterpart in the other language)."""
        if markers != self._markers:
            self._markers = markers
            self.viewport().update()

    # --- events --------------------------------------------------------------------------------

    def _size_changed(self, _size: QSizeF) -> None:
        # The layout of a document shown before may still change: only the one shown counts.
        if self.sender() is self.document().documentLayout():
            self.layoutMoved.emit()

    def _past_the_end(self, _low: int, high: int) -> None:
        # The last paragraphs scroll up to the top as any other: the reader's place is the
        # paragraph at the top, and near the end of a call (or of a call filtered to one speaker)
        # the text would otherwise stop short of it.
        tail = TAIL_LINES * self.fontMetrics().lineSpacing()
        end = max(round(self.document().documentLayout().documentSize().height() - tail), high)
        if end != high:
            self.verticalScrollBar().setMaximum(end)

    def _bar_moved(self, _action: int) -> None:
        # Emitted just before the scroll bar takes its new value; cleared once this turn is over.
        self._hand_action = True
        QTimer.singleShot(0, self, self._bar_settled)

    def _bar_settled(self) -> None:
        self._hand_action = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        super().wheelEvent(event)
        self._hover(event.position().toPoint())  # the text moved under the mouse

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._hand += 1
        try:
            if event.matches(QKeySequence.StandardKey.MoveToEndOfDocument):
                self._to_the_end()
            else:
                super().keyPressEvent(event)
        finally:
            self._hand -= 1

    def _to_the_end(self) -> None:
        # The end of the text at the bottom of the pane. Qt's own Ctrl+End makes the end of the
        # document visible, which in a call filtered to one speaker is a folded block: it
        # scrolled to the start instead.
        height = self.document().documentLayout().documentSize().height()
        self.verticalScrollBar().setValue(max(round(height) - self.viewport().height(), 0))

    def timerEvent(self, event: QTimerEvent) -> None:
        self._hand += 1  # the text control's timer scrolls while the reader drags a selection
        try:
            super().timerEvent(event)
        finally:
            self._hand -= 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self._hover(event.position().toPoint())

    def _hover(self, pos: QPoint) -> None:
        row = self.row_at(pos)
        if row != self._hovered:
            self._hovered = row
            self.rowHovered.emit(row)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            row = self.row_at(event.position().toPoint())
            if row >= 0:
                self.rowClicked.emit(row)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self._hovered != -1:
            self._hovered = -1
            self.rowHovered.emit(-1)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.menu_source is not None:
            self.menu_source(self, menu, event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() in HAND_EVENTS:  # what the text control scrolls for is the reader's doing
            self._hand += 1
            try:
                return super().viewportEvent(event)
            finally:
                self._hand -= 1
        return super().viewportEvent(event)

    def _tooltip(self, pos: QPoint) -> str | None:
        if self.tooltip_source is None:
            return None
        cursor = self.cursorForPosition(pos)
        block = cursor.block()
        rect = self.block_rect(block)
        if not rect.isValid() or not rect.top() - 2 <= pos.y() <= rect.bottom() + 2:
            return None
        in_gutter = pos.x() < blocks_left(self) - 2
        return self.tooltip_source(block, -1 if in_gutter else cursor.positionInBlock())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._flags or self._markers:
            self._paint_gutter()
        if not self.painted:
            self.painted = self.painted_once = True
            self.textPainted.emit()

    def _paint_gutter(self) -> None:
        """The mismatch flags and note markers left of the text, for the blocks on screen only:
        asking for the rectangle of a block further down would make the layout reach it."""
        first, last = self.visible_blocks()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = self.viewport().height()
        left = blocks_left(self)
        doc = self.document()
        for row, colour in self._flags.items():
            block = self.block_of_row(row)  # a row's flag marks its first block
            if not first <= block.blockNumber() <= last:  # (an invalid block's number is -1)
                continue
            rect = self.block_rect(block)
            if rect.bottom() < 0 or rect.top() > height or not block.isVisible():
                continue
            painter.fillRect(QRectF(left - 12, rect.top() + 2, 4, max(6.0, rect.height() - 12)), colour)
        for number, (colour, filled) in self._markers.items():
            if not first <= number <= last:
                continue
            block = doc.findBlockByNumber(number)
            rect = self.block_rect(block)
            if not rect.isValid() or rect.bottom() < 0 or rect.top() > height or not block.isVisible():
                continue
            # A small rounded square in the note's colour; outlined on the counterpart.
            painter.setPen(QPen(colour, 1.5) if not filled else Qt.PenStyle.NoPen)
            painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(left - 25, rect.top() + 4, 9, 10), 2, 2)
        painter.end()


def warm_up(font: QFont) -> None:
    """Lay out and paint a few lines of English and Chinese in a throwaway pane, once per process.
    The first document a process shows costs more than later ones (font fallbacks, glyph and
    shaping caches, the text control's own set-up, PySide typing the first viewport and style it
    hands to Python); done while a big file is still being parsed, that is not paid in the slice
    that shows its first call."""
    global _warmed
    if _warmed:
        return
    _warmed = True
    pane = Pane("warm-up")
    # The pane owns the document: a document owned by this function's Python reference was
    # deleted at its return while the pane, deleted later, still pointed at it.
    doc = QTextDocument(pane)
    doc.setDefaultFont(font)
    cursor = QTextCursor(doc)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.insertText("Jane Doe — Chief Financial Officer", bold)
    cursor.insertBlock()
    cursor.insertText("Revenue grew 31% to RMB1.3 billion in the second quarter of 2024.", QTextCharFormat())
    cursor.insertBlock()
    cursor.insertText("2024 年第二季營收增長 31% 至 13 億元人民幣。", QTextCharFormat())
    pane.setFont(font)
    pane.resize(480, 240)
    pane.setDocument(doc)
    pane.grab()
    pane.viewport()
    pane.style()
    pane.deleteLater()


_warmed = False


def blocks_left(pane: QTextEdit) -> float:
    """Where text starts in the viewport (after the gutter the root frame's left margin leaves)."""
    doc = pane.document()
    return doc.rootFrame().frameFormat().leftMargin() - pane.horizontalScrollBar().value()
