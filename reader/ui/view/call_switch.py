"""Showing another call of the open file. Its figures are found and its documents built on a worker
(`loading.prepare`); then the tops of those documents are coloured in one slice of the GUI thread,
and the documents are shown, every pane at once, in the next (the view's `_show_call`): in one
slice, with the paint that follows, that held the GUI thread too long on a long call."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QTextDocument

from ..theme import colours
from ..workers import Job
from .highlighter import FigureHighlighter
from .loading import Loaded, prepare

if TYPE_CHECKING:
    from .transcript_view import TranscriptView


class CallSwitch(QObject):
    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self._job: Job | None = None
        self._fresh: dict[str, FigureHighlighter] = {}  # the highlighters of a call not shown yet

    def start(self, call: int, then: Callable[[], None] | None) -> None:
        """Prepare `call` on a worker; the view shows it, then runs `then`."""
        v = self.view
        assert v.transcript is not None
        c = v.transcript.calls[call]
        known = v.figs.known_in(c.first, c.end)
        font, palette = QFont(v.reading_font), colours(v.palette())
        job = Job(prepare, v.transcript, call, known, v.mode, font, palette, owner=v)
        job.done.connect(lambda result: self._prepared(result, then))
        self._job = job.start()
        v.add_job(job)

    def cancel(self) -> None:
        """Drop a request still under way (a newer one replaces it)."""
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def take(self, name: str, doc: QTextDocument) -> FigureHighlighter | None:
        """The highlighter already made for `doc`, the document `name` of the call being shown."""
        hl = self._fresh.pop(name, None)
        if hl is not None and hl.document() is not doc:
            hl.stop()
            return None
        return hl

    def _prepared(self, result: Loaded, then: Callable[[], None] | None) -> None:
        self._job = None
        v = self.view
        v.figs.add(result.figures)
        for hl in self._fresh.values():
            hl.stop()
        self._fresh = {name: v.highlighter(doc) for name, (doc, _rows) in result.documents.items()}
        v.show_prepared(result, then)
