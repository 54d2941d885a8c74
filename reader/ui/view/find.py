"""Find in the open transcript (Ctrl+F): the find bar, its matches and the current one.

The view owns one `DocumentFind`; it tells it when the transcript or the call on screen changes
(`reset`, `remark`) and the find bar and the window's F3 / Shift+F3 talk to it directly. Matching
itself (Traditional/Simplified, case and width folding) is the Qt-free `core.find.Finder`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from ...core.find import Finder, Match, nearest
from ..theme import colours
from . import marks
from .findbar import FindBar
from .host import ViewHost


class DocumentFind(QObject):
    def __init__(self, view: ViewHost, parent: QObject) -> None:
        super().__init__(parent)
        self.view = view
        self.bar = FindBar()
        self.bar.hide()
        self.matches: list[Match] = []
        self.index: int | None = None  # the current match
        self._finder: Finder | None = None
        self.bar.queryChanged.connect(self.find)
        self.bar.nextRequested.connect(lambda: self.next(False))
        self.bar.previousRequested.connect(lambda: self.next(True))
        self.bar.closed.connect(lambda: self.find(""))

    def open(self) -> None:
        cursor = self.view.active_pane().textCursor()
        self.bar.open(cursor.selectedText() if cursor.hasSelection() else "")

    def reset(self) -> None:
        """The transcript changed (a load, a reload): search it again if a search is on."""
        self._finder = None
        if self.matches or self.bar.isVisible():
            self.find(self.bar.query())

    def find(self, query: str) -> None:
        t = self.view.transcript
        if t is None:
            return
        if self._finder is None:
            self._finder = Finder(t)
        self.matches = self._finder.find(query) if query.strip() else []
        self.index = None
        if self.matches:
            self.index = nearest(self.matches, max(self.view.top_paragraph(), 0))
            if self.index is None:
                self.index = 0
            self._show()
        self.remark()
        self._count_changed()

    def next(self, backwards: bool = False) -> None:
        if not self.matches:
            return
        if self.index is None:
            self.index = 0
        else:
            self.index = (self.index + (-1 if backwards else 1)) % len(self.matches)
        self._show()
        self.remark()
        self._count_changed()

    def show_matches(self, matches: list[Match]) -> None:
        """Mark matches found elsewhere (a library search's terms in the paragraph it opened)
        as if found here: marked in every pane, the first current, F3 goes through them."""
        self.matches = sorted(matches, key=lambda m: (m.paragraph, m.lang != "en", m.start))
        self.index = 0 if self.matches else None
        self.remark()

    def _count_changed(self) -> None:
        self.bar.set_count(self.index, len(self.matches))

    def _show(self) -> None:
        assert self.index is not None
        view, m = self.view, self.matches[self.index]
        t = view.transcript
        assert t is not None
        if t.paragraphs[m.paragraph].call != view.call:
            view.set_call(t.paragraphs[m.paragraph].call, self._shown)
            return
        row = view.row_of.get(m.paragraph, -1)
        if row < 0:
            return
        view.align_now()
        pane = view.active_pane()
        top, scrolled = pane.row_top(row), pane.verticalScrollBar().value()
        if not scrolled <= top <= scrolled + pane.viewport().height() - 60:
            view.scroll_to_row(max(row - 1, 0))

    def _shown(self) -> None:
        """The current match's call is on screen now: scroll to the match and mark them all."""
        self._show()
        self.remark()

    def remark(self) -> None:
        """Mark the matches in every pane (after a search, or when a pane got a new document)."""
        view = self.view
        pal = colours(view.palette())
        current = self.matches[self.index] if self.index is not None else None
        for pane in view.panes():
            shown = [
                (m, pane.blocks_of_row(view.row_of[m.paragraph]))
                for m in self.matches
                if m.paragraph in view.row_of
            ]
            pane.set_layer("find", marks.match_marks(shown, current, pal))
