"""Keeps two panes in step, pair for pair: row i starts at the same height in both documents.

Each row gets the space of the taller of its two versions: the shorter one is given extra bottom
margin (its PAD property says how much was added, so the natural height can always be recovered).
With equal row tops the documents have equal heights, so synced scrolling is copying the scroll
bar's value.

Two details of Qt's layout shape this: a block is spaced from the next shown block by the bottom
margin of the block just before that one, shown or hidden (so the pad goes on that "spacer"); and
the last block's bottom margin is ignored. A side-by-side document ends with an empty block of the
same height in both (`document.py`'s END), so the last row's pad is a margin like any other; in a
document without one, it goes into the root frame's bottom margin, which has Qt lay the whole
document out again.

Alignment reruns whenever the layout can change: a resize of either viewport (wrapping), a font or
zoom change, a filter that hides rows. A scheduled pass runs top to bottom in slices of a few
milliseconds (a `Slicer`'s, shared with the view's other work), so a long call never holds the GUI
thread; `align()` runs a whole pass at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from . import blocks
from .pane import Pane
from .slices import Slicer

CHUNK = 12  # shown rows measured and padded at a time


class PairAligner(QObject):
    def __init__(self, left: Pane, right: Pane, slicer: Slicer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self.enabled = True
        self.synced = True
        self._syncing = False
        self._slicer = slicer
        self._pass: _Pass | None = None
        self.passes = 0  # whole passes done, for tests and the benchmark
        # Puts the reader's place back after a pass (the view's PlaceKeeper); without one, the
        # row at the left pane's top when the pass started is put back.
        self.keeper: Callable[[], None] | None = None
        for pane in (left, right):
            pane.resized.connect(self.schedule)
        left.verticalScrollBar().valueChanged.connect(lambda v: self._follow(self.right, v))
        right.verticalScrollBar().valueChanged.connect(lambda v: self._follow(self.left, v))

    # --- alignment -----------------------------------------------------------------------------

    def schedule(self) -> None:
        """Start a pass (or start the current one again) in slices on the event loop."""
        if self.enabled:
            self._pass = None
            self._slicer.add(self._slice)

    def pending(self) -> bool:
        return self._slicer.holds(self._slice) or self._pass is not None

    def align_top(self) -> None:
        """Align the first CHUNK rows of the pass under way now (more than a screenful: what a
        file's first paint shows), leaving the rest of it to the slices."""
        if not self.enabled or not self._slicer.holds(self._slice):
            return
        p = self._current()
        if p is not None and p.n == 0 and not p.done():
            p.step()

    def align(self) -> None:
        """Finish alignment now: the rest of a pass under way, or a whole new one."""
        self._slicer.remove(self._slice)
        self._continue(None)

    def _slice(self, deadline: float) -> bool:
        self._continue(deadline)
        return self._pass is not None

    def _continue(self, deadline: float | None) -> None:
        if not self.enabled:
            self._pass = None
            return
        if self._current() is not None:
            self._run(deadline)

    def _current(self) -> _Pass | None:
        """The pass under way; a new one if there is none, or if a pane shows another document
        now than when it began (Qt deletes a pane's own first document once another replaces it)."""
        p = self._pass
        if p is None or p.docs[0] is not self.left.document() or p.docs[1] is not self.right.document():
            p = self._pass = self._start()
        return p

    def _start(self) -> _Pass | None:
        ldoc, rdoc = self.left.document(), self.right.document()
        if ldoc.blockCount() != rdoc.blockCount():
            return None
        top = self.left.top_row() if self.synced else -1
        return _Pass(ldoc, rdoc, top, self.left.verticalScrollBar().value())

    def _run(self, deadline: float | None) -> None:
        p = self._pass
        assert p is not None
        while not p.done():
            start = time.perf_counter()
            p.step()
            end = time.perf_counter()
            # No step begun that would end past the deadline, if it takes as long as this one.
            if deadline is not None and end + (end - start) > deadline and not p.done():
                return  # the slicer calls again
        self._pass = None
        self.passes += 1
        bar = self.left.verticalScrollBar()
        if self.keeper is not None:
            self.keeper()
        elif p.top >= 0 and bar.value() == p.value:  # the reader did not scroll meanwhile
            self.realign_scroll(self.left, p.top)
        elif self.synced:
            self._follow(self.right, bar.value())

    def clear(self) -> None:
        """Remove every pad (one pane shown alone must not keep the other's spacing)."""
        self._slicer.remove(self._slice)
        self._pass = None
        for doc in (self.left.document(), self.right.document()):
            all_blocks = _blocks(doc)
            _apply(doc, all_blocks, 0, len(all_blocks), {}, 0.0)

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

    def follow(self, leader: Pane) -> None:
        """Bring the other pane to the leader's scroll position (in step only)."""
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


class _Pass:
    """One alignment pass over both documents, done CHUNK shown rows at a time, top to bottom, then
    the space after the last row, each document's in a step of its own: a change of the root frame
    lays out the whole document again."""

    def __init__(self, ldoc: QTextDocument, rdoc: QTextDocument, top: int, value: int) -> None:
        self.docs = (ldoc, rdoc)
        self.blocks = (_blocks(ldoc), _blocks(rdoc))
        self.shown = [i for i, b in enumerate(self.blocks[0]) if b.isVisible()]
        self.top, self.value = top, value
        self.n = 0  # shown rows done
        self.end: list[tuple[int, float]] = []  # (side, the space after its last row) still to give

    def done(self) -> bool:
        return self.n >= len(self.shown) and not self.end

    def step(self) -> None:
        if self.end:
            side, space = self.end.pop(0)
            _apply(self.docs[side], self.blocks[side], 0, 0, {}, space)
            return
        n, m = self.n, min(self.n + CHUNK, len(self.shown))
        last = m == len(self.shown)
        heights = [
            _measure(doc, blist, self.shown, n, m) for doc, blist in zip(self.docs, self.blocks, strict=True)
        ]
        pads: tuple[dict[int, float], dict[int, float]] = ({}, {})
        end = [0.0, 0.0]
        for k in range(m - n):
            (spacer, lh), (_, rh) = heights[0][k], heights[1][k]
            tall = max(lh, rh)
            if spacer is None:
                end = [tall - lh, tall - rh]
            else:
                pads[0][spacer], pads[1][spacer] = tall - lh, tall - rh
        first = self.shown[n] if n else 0
        stop = self.shown[m] if not last else len(self.blocks[0])
        for side in (0, 1):
            _apply(self.docs[side], self.blocks[side], first, stop, pads[side], None)
        self.n = m
        self.end = [(0, end[0]), (1, end[1])] if last else []


def _blocks(doc: QTextDocument) -> list[QTextBlock]:
    out = []
    block = doc.begin()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def _measure(
    doc: QTextDocument, all_blocks: list[QTextBlock], shown: list[int], n: int, m: int
) -> list[tuple[int | None, float]]:
    """For shown rows n..m-1: the block whose bottom margin spaces each from the next shown block
    (None for the last shown block), and the row's height without padding, measured top to top
    because the layout's block rectangle leaves the bottom margin out."""
    layout = doc.documentLayout()
    for i in shown[n : m + 1]:
        b = all_blocks[i]
        if b.length() > 1 and b.layout().lineCount() == 0:
            # Rehighlighting a block that was never laid out leaves it with no lines while the
            # layout thinks it done: its height would read 0. Have it laid out again.
            doc.markContentsDirty(b.position(), b.length())
    out: list[tuple[int | None, float]] = []
    top = layout.blockBoundingRect(all_blocks[shown[n]]).top()
    for k in range(n, m):
        if k + 1 < len(shown):
            spacer = shown[k + 1] - 1
            nxt = layout.blockBoundingRect(all_blocks[shown[k + 1]]).top()
            out.append((spacer, nxt - top - _pad(all_blocks[spacer])))
            top = nxt
        else:
            out.append((None, layout.blockBoundingRect(all_blocks[shown[k]]).height()))
    return out


def _pad(block: QTextBlock) -> float:
    fmt = block.blockFormat()
    return fmt.doubleProperty(blocks.PAD) if fmt.hasProperty(blocks.PAD) else 0.0


def _apply(
    doc: QTextDocument,
    all_blocks: list[QTextBlock],
    first: int,
    stop: int,
    pads: dict[int, float],
    end: float | None,
) -> None:
    """Give blocks first..stop-1 their pads (0 for any block not in `pads`) and, when `end` is
    given, the padding after the last shown block; only what changes is touched, in one edit."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for i in range(first, stop):
        block = all_blocks[i]
        old, pad = _pad(block), pads.get(i, 0.0)
        if abs(old - pad) > 0.25:
            fmt = block.blockFormat()
            fmt.setBottomMargin(fmt.bottomMargin() - old + pad)
            fmt.setProperty(blocks.PAD, pad)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
    if end is not None:
        root = doc.rootFrame()
        frame = root.frameFormat()
        if abs(frame.bottomMargin() - (doc.documentMargin() + end)) > 0.25:
            frame.setBottomMargin(doc.documentMargin() + end)
            root.setFrameFormat(frame)
    cursor.endEditBlock()
