"""Keeps two panes in step, pair for pair: row i starts at the same height in both documents.

After both documents are laid out at their current widths, each row gets the space of the taller
of its two versions: the shorter one's block is given extra bottom margin (its PAD property says
how much was added, so the natural height can always be recovered). With equal row tops the two
documents have equal heights, so synced scrolling is just copying the scroll bar's value.

Alignment reruns whenever the layout can change: a resize of either viewport (wrapping), a font or
zoom change, a filter that hides rows. It is idempotent and costs one pass over the blocks plus
one relayout of the blocks whose padding changed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from . import blocks
from .pane import Pane


class PairAligner(QObject):
    def __init__(self, left: Pane, right: Pane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.enabled = True
        self.synced = True
        self._syncing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.align)
        self.passes = 0  # alignments done, for tests and the benchmark
        for pane in (left, right):
            pane.viewport().installEventFilter(self)
        left.verticalScrollBar().valueChanged.connect(lambda v: self._follow(self.right, v))
        right.verticalScrollBar().valueChanged.connect(lambda v: self._follow(self.left, v))

    # --- alignment -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.enabled:
            self.schedule()
        return False

    def schedule(self) -> None:
        if self.enabled:
            self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def align(self) -> None:
        """Pad the shorter block of every row so that both panes have equal row tops."""
        self._timer.stop()
        if not self.enabled:
            return
        top = self.left.top_row() if self.synced else -1
        ldoc, rdoc = self.left.document(), self.right.document()
        if ldoc.blockCount() != rdoc.blockCount():
            return
        lheights, rheights = _natural_heights(ldoc), _natural_heights(rdoc)
        lpads, rpads = [], []
        for lh, rh in zip(lheights, rheights, strict=True):
            tall = max(lh, rh)
            lpads.append(tall - lh)
            rpads.append(tall - rh)
        _apply(ldoc, lpads)
        _apply(rdoc, rpads)
        self.passes += 1
        if top >= 0:
            self.realign_scroll(self.left, top)

    def clear(self) -> None:
        """Remove every pad (one pane shown alone must not keep the other's spacing)."""
        for doc in (self.left.document(), self.right.document()):
            _apply(doc, [0.0] * doc.blockCount())

    # --- scrolling -----------------------------------------------------------------------------

    def set_synced(self, synced: bool, leader: Pane | None = None) -> None:
        """Lock or unlock scrolling; locking re-aligns on the row at the top of the leading pane."""
        self.synced = synced
        if synced:
            leader = leader or self.left
            self.realign_scroll(leader, leader.top_row())

    def realign_scroll(self, leader: Pane, row: int) -> None:
        """Scroll the leader so `row` is at its top and bring the other pane to the same place."""
        leader.scroll_to_row(row)
        other = self.right if leader is self.left else self.left
        self._follow(other, leader.verticalScrollBar().value())

    def _follow(self, pane: Pane, value: int) -> None:
        if not self.synced or self._syncing or not self.enabled:
            return
        self._syncing = True
        try:
            pane.verticalScrollBar().setValue(value)
        finally:
            self._syncing = False


def _natural_heights(doc: QTextDocument) -> list[float]:
    """The space each block takes without the padding an earlier alignment added: from its top to
    the next shown block's top (0 for hidden blocks). Measured top to top because the layout's
    block rectangle leaves the bottom margin out."""
    layout = doc.documentLayout()
    out: list[float] = []
    last = -1  # index in `out` of the last shown block
    last_top = last_pad = 0.0
    block = doc.begin()
    while block.isValid():
        out.append(0.0)
        if block.isVisible():
            rect = layout.blockBoundingRect(block)
            if last >= 0:
                out[last] = rect.top() - last_top - last_pad
            last, last_top, last_pad = len(out) - 1, rect.top(), _pad(block)
            out[last] = rect.height()  # the last shown block: its own height
        block = block.next()
    return out


def _pad(block: QTextBlock) -> float:
    fmt = block.blockFormat()
    return fmt.doubleProperty(blocks.PAD) if fmt.hasProperty(blocks.PAD) else 0.0


def _apply(doc: QTextDocument, pads: list[float]) -> None:
    """Set each block's padding, touching only the blocks whose padding changes, in one edit."""
    cursor: QTextCursor | None = None
    block = doc.begin()
    for pad in pads:
        if not block.isValid():
            break
        old = _pad(block)
        if abs(old - pad) > 0.25:
            if cursor is None:
                cursor = QTextCursor(doc)
                cursor.beginEditBlock()
            fmt = block.blockFormat()
            fmt.setBottomMargin(fmt.bottomMargin() - old + pad)
            fmt.setProperty(blocks.PAD, pad)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
        block = block.next()
    if cursor is not None:
        cursor.endEditBlock()
