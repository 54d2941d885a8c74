"""The panes of one view and how a mode arranges them: English and Chinese side by side in a
splitter (kept in step by `PairAligner`), the interleaved pane, and the page shown while a file
opens; which pane leads (the one the reader reads, whose top is the reader's place)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QSplitter, QStackedWidget

from ...core.modes import Mode
from .aligner import PairAligner
from .loading_page import LoadingPage
from .pane import Pane
from .slices import Slicer


class PaneSet(QStackedWidget):
    def __init__(self, synced: bool, slices_owner: QObject) -> None:
        super().__init__()
        self.left, self.right, self.inter = Pane("en"), Pane("zh"), Pane("interleaved")
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.left)
        self.split.addWidget(self.right)
        # The aligner's and the highlighters' work, in shared slices.
        self.slicer = Slicer(slices_owner)
        self.aligner = PairAligner(self.left, self.right, self.slicer, slices_owner)
        self.aligner.synced = synced
        self.loading = LoadingPage()
        for page in (self.loading, self.split, self.inter):
            self.addWidget(page)
        self.mode = Mode.SIDE
        self.leader: Pane = self.left

    def all(self) -> tuple[Pane, Pane, Pane]:
        """Every pane, shown or not: English, Chinese, interleaved."""
        return self.left, self.right, self.inter

    def pane_for(self, document: str) -> Pane:
        """The pane that shows the document "en", "zh" or "interleaved"."""
        return {"en": self.left, "zh": self.right}.get(document, self.inter)

    def show_loading(self) -> None:
        self.setCurrentWidget(self.loading)

    def arrange(self, mode: Mode) -> None:
        """Show the panes of `mode`; the leader becomes that mode's reading pane."""
        self.mode = mode
        self.setCurrentWidget(self.split if mode is not Mode.INTERLEAVED else self.inter)
        self.left.setVisible(mode in (Mode.EN, Mode.SIDE))
        self.right.setVisible(mode in (Mode.ZH, Mode.SIDE))
        # The splitter gives the panes shown their widths now, not on its next layout request:
        # text laid out before that would be laid out for the old widths, then again.
        self.split.refresh()
        self.aligner.enabled = mode is Mode.SIDE
        if mode is Mode.SIDE:
            self.aligner.schedule()
            self.aligner.align_top()  # the rows the next paint shows level in it, the rest after
        else:
            self.aligner.clear()
        self.leader = {Mode.ZH: self.right, Mode.INTERLEAVED: self.inter}.get(mode, self.left)

    def set_synced(self, synced: bool) -> None:
        self.aligner.set_synced(synced, self.leader if self.leader is not self.inter else None)

    def locked(self) -> bool:
        """Side by side with the panes in step."""
        return self.mode is Mode.SIDE and self.aligner.synced

    def scrolled(self, pane: Pane) -> None:
        """A pane scrolled: the one the reader scrolls by hand leads from now on."""
        if pane.isVisible() and pane.by_hand():
            self.leader = pane if self.mode is not Mode.INTERLEAVED else self.inter

    def align_now(self) -> None:
        if self.aligner.pending():
            self.aligner.align()


class Attaching:
    """The documents of a mode being attached to their panes, one per slice: `pending` while
    some are still to come; what waits for them (`when_done`) runs once the last is. With `hold`,
    the panes are not painted meanwhile, so that their first paint shows every one of them."""

    def __init__(self, panes: PaneSet) -> None:
        self.panes = panes
        self.pending = False
        self._after: list[Callable[[], None]] = []

    def start(self, hold: bool) -> None:
        self.pending = True
        if self.replacing():  # the documents coming first (the slices may be for those going)
            self.panes.slicer.defer()
        if hold:  # before the first document is attached: attaching it asks for a paint
            self.hold()

    def hold(self) -> None:
        """Paint no pane until `done`."""
        self.panes.setUpdatesEnabled(False)

    def held(self) -> bool:
        return not self.panes.updatesEnabled()

    def replacing(self) -> bool:
        """Whether the documents attached replace some the panes showed (another call, a reload):
        a view's first documents have no slices to wait for, and no paint of theirs to follow."""
        return self.panes.leader.painted_once

    def when_done(self, fn: Callable[[], None]) -> None:
        """Run `fn` once every document is attached (now, if none is pending)."""
        self._after.append(fn) if self.pending else fn()

    def finish(self) -> None:
        """The last document is attached and the tops aligned: `done` now, or, for held documents
        replacing others (a call switched to), in the next turn, once their paint is asked for
        and before the slices' next round."""
        if not (self.held() and self.replacing()):
            return self.done()
        self.panes.slicer.defer()
        QTimer.singleShot(1, self.panes, self.done)

    def done(self) -> None:
        self.pending = False
        if self.held() and self.replacing():  # their paint comes first, then the slices' next round
            self.panes.slicer.defer(self.panes.slicer.PAINT_FIRST_MS)
        self.panes.setUpdatesEnabled(True)
        waiting, self._after = self._after, []
        for fn in waiting:
            fn()
