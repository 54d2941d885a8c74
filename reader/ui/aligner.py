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
        """Pad the shorter version of every row so that both panes have equal row tops."""
        self._timer.stop()
        if not self.enabled:
            return
        top = self.left.top_row() if self.synced else -1
        ldoc, rdoc = self.left.document(), self.right.document()
        if ldoc.blockCount() != rdoc.blockCount():
            return
        left, right = _measure(ldoc), _measure(rdoc)
        lpads, rpads = [0.0] * ldoc.blockCount(), [0.0] * rdoc.blockCount()
        lend = rend = 0.0
        for (spacer, lh), (_, rh) in zip(left, right, strict=True):
            tall = max(lh, rh)
            if spacer is None:  # the last shown row: Qt ignores the last block's bottom margin
                lend, rend = tall - lh, tall - rh
            else:
                lpads[spacer], rpads[spacer] = tall - lh, tall - rh
        _apply(ldoc, lpads, lend)
        _apply(rdoc, rpads, rend)
        self.passes += 1
        if top >= 0:
            self.realign_scroll(self.left, top)

    def clear(self) -> None:
        """Remove every pad (one pane shown alone must not keep the other's spacing)."""
        for doc in (self.left.document(), self.right.document()):
            _apply(doc, [0.0] * doc.blockCount(), 0.0)

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


def _measure(doc: QTextDocument) -> list[tuple[int | None, float]]:
    """For each shown block, in order: the block whose bottom margin spaces it from the next shown
    block (its "spacer": itself, or the last of the hidden blocks that follow it, since Qt spaces
    a block by the margin of the block just before it, shown or not; None for the last shown
    block), and the block's height without any padding, measured top to top because the
    layout's block rectangle leaves the bottom margin out."""
    layout = doc.documentLayout()
    all_blocks: list[QTextBlock] = []
    block = doc.begin()
    while block.isValid():
        all_blocks.append(block)
        block = block.next()
    shown = [i for i, b in enumerate(all_blocks) if b.isVisible()]
    for i in shown:
        b = all_blocks[i]
        if b.length() > 1 and b.layout().lineCount() == 0:
            # Rehighlighting a block that was never laid out leaves it with no lines while the
            # layout thinks it done: its height would read 0. Have it laid out again.
            doc.markContentsDirty(b.position(), b.length())
    tops = [layout.blockBoundingRect(all_blocks[i]).top() for i in shown]
    out: list[tuple[int | None, float]] = []
    for n, i in enumerate(shown):
        if n + 1 < len(shown):
            spacer = shown[n + 1] - 1
            out.append((spacer, tops[n + 1] - tops[n] - _pad(all_blocks[spacer])))
        else:
            out.append((None, layout.blockBoundingRect(all_blocks[i]).height()))
    return out


def _pad(block: QTextBlock) -> float:
    fmt = block.blockFormat()
    return fmt.doubleProperty(blocks.PAD) if fmt.hasProperty(blocks.PAD) else 0.0


def _apply(doc: QTextDocument, pads: list[float], end: float) -> None:
    """Set each block's padding and the padding after the last shown block (as the root frame's
    bottom margin), touching only what changes, in one edit."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    block = doc.begin()
    for pad in pads:
        if not block.isValid():
            break
        old = _pad(block)
        if abs(old - pad) > 0.25:
            fmt = block.blockFormat()
            fmt.setBottomMargin(fmt.bottomMargin() - old + pad)
            fmt.setProperty(blocks.PAD, pad)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
        block = block.next()
    root = doc.rootFrame()
    frame = root.frameFormat()
    if abs(frame.bottomMargin() - (doc.documentMargin() + end)) > 0.25:
        frame.setBottomMargin(doc.documentMargin() + end)
        root.setFrameFormat(frame)
    cursor.endEditBlock()
