"""Where the reader is: the place a view keeps (`PlaceKeeper`), and telling the window about it
(`PlaceReporter`), once for a burst of scrolls and only when it changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from .pane import TOP_SLACK, Pane
from .pane_set import PaneSet

BURST_MS = 30  # scroll events closer than this make one report
GO_TO_MARGIN = 6  # pixels left above a paragraph gone to


class PlaceReporter(QObject):
    changed = Signal(int)  # the paragraph index of the place, -1 for none

    def __init__(self, where: Callable[[], int], parent: QObject, unsettled: Callable[[], bool]) -> None:
        super().__init__(parent)
        self._where = where
        self._unsettled = unsettled  # the text shown is about to be replaced: no place to say yet
        self._said = -1
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BURST_MS)
        self._timer.timeout.connect(self.now)

    def soon(self) -> None:
        """Report once the current burst of scrolls is over."""
        self._timer.start()

    def now(self) -> None:
        if self._unsettled():
            return  # said once it is settled
        place = self._where()
        if place != self._said:
            self._said = place
            self.changed.emit(place)

    def forget(self) -> None:
        """Say the place again at the next report, even if it did not change (a new layout)."""
        self._said = -1


class PlaceKeeper(QObject):
    """The reader's place: a row of the call and how far the leading pane's top is past that
    row's top (`dy`, in pixels). Only the reader's own scrolling (`take`) and a go-to (`go`) move
    it; whatever else moves the text (a filter, a mode, a resize, a font, a new palette, a pass
    of the aligner, a reload) is followed by `hold`, which puts the place back at the top."""

    def __init__(self, stack: PaneSet, parent: QObject) -> None:
        super().__init__(parent)
        self.stack = stack
        self.row, self.dy = 0, 0.0
        self._moving = False  # our own scrolling: not the reader's
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.hold)
        for pane in stack.all():
            pane.resized.connect(self.hold_soon)
            pane.layoutMoved.connect(self.hold_soon)
        stack.aligner.keeper = self.hold

    def pending(self) -> bool:
        return self._timer.isActive()

    def reset(self) -> None:
        """Another call or file: the place is its start."""
        self.row, self.dy = 0, 0.0

    def go(self, row: int) -> None:
        """A go-to: `row` at the top, a few pixels below the pane's edge."""
        self.row, self.dy = max(row, 0), -GO_TO_MARGIN
        self.hold()

    def take(self, pane: Pane) -> None:
        """The reader scrolled `pane` by hand: its top is the place now."""
        if self._moving or pane.row_count() == 0:
            return
        self.row = pane.top_row()
        self.dy = pane.verticalScrollBar().value() - pane.row_top(self.row)

    def scrolled(self, pane: Pane) -> bool:
        """`pane` scrolled. By the reader's hand (True), it leads and its top is the place; else
        the text moved under the place (or this keeper scrolled it): the place is put back."""
        if pane.by_hand():
            self.stack.scrolled(pane)
            if pane is self.stack.leader:
                self.take(pane)
            return True
        if not self._moving and pane is self.stack.leader:
            self.hold_soon()
        return False

    def hold_soon(self) -> None:
        self._timer.start()

    def hold(self) -> None:
        """Scroll the leading pane so the place is at its top (and its partner with it, in step)."""
        self._timer.stop()
        leader = self.stack.leader
        if leader.row_count() == 0 or not leader.isVisibleTo(self.stack):
            return
        row = min(self.row, leader.row_count() - 1)
        if row == 0 and self.dy <= 0:
            value = 0
        else:
            # Past the row's end the next row would be the top one: stay inside it (zoomed out).
            dy = min(self.dy, max(leader.row_height(row) - 2 * TOP_SLACK, 0.0))
            value = round(leader.row_top(row) + dy)
        self._moving = True
        try:
            leader.verticalScrollBar().setValue(value)
            if self.stack.locked():
                self.stack.aligner.follow(leader)
        finally:
            self._moving = False
