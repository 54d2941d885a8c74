"""One open transcript: its panes, the mode they are shown in, and where the reader is.

A view loads its file on a worker thread, shows one call at a time (a file may hold several) in
one of four modes, keeps the side-by-side panes in step through `PairAligner`, and answers the
window's navigation requests with paragraph indices of the whole file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QTextBlock, QTextDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core.figure_data import ParagraphFigures
from ...core.model import Transcript
from ...core.modes import Mode, fitting
from ...core.prefetch import Prefetch
from ...core.rows import Row, RowKind, call_rows, paragraph_from
from ..notes.service import NotesService
from ..theme import colours
from ..workers import Job
from .announce import PlaceAnnouncer
from .call_switch import CallSwitch
from .current import CurrentRow
from .document import Built, build
from .figures import ViewFigures
from .find import DocumentFind
from .highlighter import FigureHighlighter
from .loading import HEAD, Loaded, load
from .note_marks import NoteMarks
from .pane import Pane, warm_up
from .pane_set import Attaching, PaneSet
from .place import PlaceKeeper, PlaceReporter
from .speaker_filter import show_only

RESUME_AFTER_READY_MS = 40  # a big file's rest is parsed this late after `ready`'s repaint


class TranscriptView(QWidget):
    loaded = Signal()  # a transcript is shown (after a load or a reload)
    textPainted = Signal()  # every pane of the mode painted a transcript's text (before `ready`)
    ready = Signal()  # shown, aligned and its figures known: what a screenshot waits for
    failed = Signal(object)  # the one-line reason a file could not be opened (a str, as Job.failed)
    positionChanged = Signal(int)  # the paragraph at the top of the reading pane
    callChanged = Signal(int)
    analysisProgress = Signal(int, int)  # calls whose figures are known, of all calls

    def __init__(
        self,
        font: QFont,
        notes: NotesService,
        mode: Mode = Mode.SIDE,
        synced: bool = True,
        figures: bool = True,
    ) -> None:
        super().__init__()
        self.path: Path | None = None
        self.transcript: Transcript | None = None
        self.call = 0
        self.rows: list[Row] = []
        self.row_of: dict[int, int] = {}  # paragraph -> row in the current call
        self.mode = Mode(mode)
        self.reading_font = font
        self.figures_on = figures
        self.speaker_filter: str | None = None
        self._jobs: list[Job] = []
        self._prebuilt: tuple[int, dict[str, Built]] = (-1, {})
        self.partial = False  # showing the first call of a big file parsed from its head
        self._load_job: Job | None = None
        self._after_final: list[Callable[[], None]] = []
        self._readying = False  # a file is being opened: `ready` (or `failed`) is still to come

        self.stack = PaneSet(synced, self)
        self.left, self.right, self.inter = self.stack.all()
        self.split, self.aligner, self.slicer = self.stack.split, self.stack.aligner, self.stack.slicer
        self.loading = self.stack.loading
        self.attaching = Attaching(self.stack)
        self._big = False  # the file being opened is parsed from its head first (loading.HEAD)
        self.loading.firstPainted.connect(self._warm_up)
        self.current = CurrentRow(self, self)
        self.finding = DocumentFind(self, self)
        self.figs = ViewFigures(self, self)
        self.figs.progress.connect(self.analysisProgress)
        self.note_marks = NoteMarks(self, notes, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack)
        layout.addWidget(self.finding.bar)

        self.highlighters: dict[str, FigureHighlighter] = {}
        self.calls = CallSwitch(self)
        for pane in self.panes():
            pane.setFont(font)
            pane.rowHovered.connect(lambda row, p=pane: self.current.hover(p, row))
            pane.rowClicked.connect(self.current.click)
            pane.tooltip_source = self._tooltip  # a note on the passage first, then the figures
            pane.menu_source = self.note_marks.fill_menu
            pane.verticalScrollBar().valueChanged.connect(lambda _v, p=pane: self._scrolled(p))
            pane.textPainted.connect(lambda p=pane: self._text_painted(p))
        self.keeper = PlaceKeeper(self.stack, self)
        self.place = PlaceReporter(self._place, self, lambda: self.attaching.pending)
        self.place.changed.connect(self.positionChanged)
        self.announcer = PlaceAnnouncer(self, self)  # the place, for screen readers
        self.place.changed.connect(self.announcer.say)

    # --- loading -------------------------------------------------------------------------------

    def open(
        self, path: Path, keep_position: bool = False, at: int | None = None, pre: Prefetch | None = None
    ) -> None:
        """Load a file on a worker thread (`pre`: its child process has read it), to show it at
        paragraph `at` (its first paint there), or keeping the place: a reload, which shows no
        early head whose top would replace the place. `loaded` or `failed` follows."""
        key = self.top_key() if keep_position else None
        self.path = path
        self._readying = True
        try:
            self._big = path.stat().st_size > HEAD
        except OSError:  # the worker says why
            self._big = False
        if self.transcript is None:
            self.loading.say(self.tr("Opening {name}\u2026").format(name=path.name))
            self.stack.show_loading()
        for job in self._jobs:
            job.cancel()
        mode, call = self.mode, (self.call if keep_position else 0)  # now: the worker reads them later
        font, palette = QFont(self.reading_font), colours(self.palette())
        # The first file of a window waits for the window's first paint (`load`).
        waits = self.stack.currentWidget() is self.loading and self.isVisibleTo(self.window())
        painted = self.loading.painted if waits and not self.loading.painted.is_set() else None
        job = Job(
            lambda: load(path, call, mode, font, palette, job if key is None else None, painted, at, pre),
            owner=self,
        )
        job.early.connect(self._early)
        self._load_job = job
        job.done.connect(lambda result: self._loaded(result, key, at))
        job.failed.connect(self._failed)
        self._jobs = [job.start()]

    def _warm_up(self) -> None:
        # While a big file's head is parsed, pay what the slices that show it would pay first.
        if self._big:
            warm_up(self.reading_font)

    def add_job(self, job: Job) -> None:
        """Work under way for this view, cancelled when another file is opened or the view goes."""
        self._jobs.append(job)

    def shutdown(self) -> None:
        """Drop the work still running for this view: it is about to go."""
        for job in self._jobs:
            job.cancel()
        self._jobs = []
        self.figs.rest_from(None)

    def _failed(self, reason: str) -> None:
        self._readying = False
        if self.transcript is None:  # the tab says why, with the traceback of a bug
            self.loading.fail(reason, self._load_job, self.path)
        self.failed.emit(reason)

    def _early(self, result: Loaded) -> None:
        """The first call of a big file, parsed from its head: shown while the rest is parsed."""
        self.partial = True
        self._prebuilt = (result.call, result.documents)
        self.show_transcript(result.transcript, result.figures)

    def _loaded(self, result: Loaded, key: str | None, at: int | None = None) -> None:
        was_partial, self.partial = self.partial, False
        if was_partial and not result.documents and self.call == 0:
            # The whole file agrees with its head on the first call, which is on screen: keep
            # the documents, take the whole transcript.
            self.transcript = result.transcript
            self.figs.add(result.figures)
            self._shown()
        else:
            if was_partial:
                key = self.top_key()
            self._prebuilt = (result.call, result.documents)
            t = result.transcript
            if at is None or not 0 <= at < len(t.paragraphs):  # else the place to open at
                at = next((p.index for p in t.paragraphs if key and p.key == key), None)
            self.show_transcript(t, result.figures, at)
            self.figs.rest_from(result.more)
        waiting, self._after_final = self._after_final, []
        for fn in waiting:
            fn()

    def show_transcript(
        self, t: Transcript, figures: dict[int, ParagraphFigures] | None = None, target: int | None = None
    ) -> None:
        """Show a transcript at its top, or at paragraph `target` (its first paint there)."""
        self.transcript = t
        self.figs.reset(figures)
        self.speaker_filter = None
        self.mode = fitting(self.mode, t.languages)
        self.call = min(t.paragraphs[target].call if target is not None else self.call, len(t.calls) - 1)
        if target is None:
            self.keeper.reset()
        self._build_call()

        def placed() -> None:
            # At the place before the first paint, which the status bar says; the window's own
            # updates (side panel, title) in a slice of their own, not the last document's.
            if self.transcript is t:
                if target is not None:
                    self.go_to_paragraph(target, mark=False)
                self.place.forget()
                self.place.now()
            QTimer.singleShot(1, self, lambda: self._shown() if self.transcript is t else None)

        self.attaching.when_done(placed)

    def _shown(self) -> None:
        self.finding.reset()
        self.loaded.emit()
        self.slicer.defer()  # the window's own updates ran in this turn: their paint comes first
        QTimer.singleShot(0, self, self._check_ready)

    def _build_call(self) -> None:
        t = self.transcript
        assert t is not None
        self.rows = call_rows(t, self.call)
        self.row_of = {r.paragraph: i for i, r in enumerate(self.rows) if r.kind is RowKind.PARAGRAPH}
        self.current.set(-1)
        self._built: set[str] = set()
        self._build_documents()
        self.callChanged.emit(self.call)
        if not self.figs.known():
            self.figs.analyse_when_painted()

    def _build_documents(self) -> None:
        """Build the documents the current mode shows and that this call does not have yet: a
        view in one mode never pays for the others' documents."""
        assert self.transcript is not None
        missing = [name for name in self.mode.documents if name not in self._built]
        call, prebuilt = self._prebuilt
        # One document per slice, so that the GUI thread is never held for two. A file opened
        # (or its head), or a call switched to, comes with its documents built by the worker: its
        # panes are painted once the last is attached and aligned, in a slice of its own. Else (a
        # mode switch) each pane shows as its document comes, the last once aligned.
        whole = call == self.call and all(name in prebuilt for name in missing)
        if len(missing) > 1:
            self.attaching.start(hold=whole)
        elif self.attaching.pending:
            self.attaching.hold()
        if missing:
            self._attach_document(missing[0])
            if self.speaker_filter is not None:  # a new document shows every block
                self._apply_filter()
            self.figs.update_flags()
            self.finding.remark()
            self.note_marks.remark()
        if len(missing) > 1:
            # 1 ms, not 0: lets the timers and input already due run in between.
            QTimer.singleShot(1, self, self._build_documents)
            if not whole:
                self._apply_mode()
        else:
            QTimer.singleShot(1, self, self._attached) if self.attaching.held() else self._attached()

    def _attached(self) -> None:
        self._prebuilt = (-1, {})
        self._apply_mode()
        self.attaching.finish()

    def _attach_document(self, name: str) -> None:
        """Show the document `name` of the current call in its pane, with its figure highlighter."""
        t = self.transcript
        assert t is not None
        call, prebuilt = self._prebuilt
        pane = self.stack.pane_for(name)
        if not pane.isVisible():
            # Show the pane first: a hidden pane has no real size yet, so the document would be
            # laid out at a wrong width, then all over again when shown (twice the work).
            self._apply_mode()
        if call == self.call and name in prebuilt:
            doc, row_blocks = prebuilt.pop(name)
        else:
            doc, row_blocks = build(name, t, self.rows, self.reading_font, colours(self.palette()))
        if name in self.highlighters:
            self.highlighters[name].stop()
        self.highlighters[name] = self.calls.take(name, doc) or self.highlighter(doc)
        pane.set_document(doc, row_blocks)
        self.slicer.defer()
        self._built.add(name)

    def highlighter(self, doc: QTextDocument) -> FigureHighlighter:
        return FigureHighlighter.started(
            doc, self.figs.figures, self.figs.mismatches, self.slicer, self.figures_on
        )

    def _text_painted(self, _pane: Pane) -> None:
        # Once every pane of the mode shows its text (side by side, Chinese comes a slice later).
        if self.transcript is None or self.attaching.pending:
            return
        if all(self.stack.pane_for(name).painted for name in self.mode.documents):
            self.textPainted.emit()

    def _check_ready(self, waited: int = 0) -> None:
        """Say `ready` once the documents are attached and aligned, the call's figures found and
        coloured, its notes shown if the window is about to, and the reading pane painted (each
        waited for half a second at most); a big file's worker parses the rest only then."""
        if (
            self.transcript is not None
            and (self.figs.known() or waited >= 500)
            and (not self.note_marks.awaiting_store or waited >= 500)
            and not self.aligner.pending()
            and not self.attaching.pending
            and not any(hl.pending() for hl in self.highlighters.values())
            and (self.stack.leader.painted or not self.stack.leader.isVisible() or waited >= 50)
        ):
            if self.partial and self._load_job is not None:
                QTimer.singleShot(RESUME_AFTER_READY_MS, self._load_job.resume.set)
            self.place.forget()  # laid out now: say again where the reader is
            self.place.now()
            self._readying = False
            self.ready.emit()
        else:
            QTimer.singleShot(10, self, lambda: self._check_ready(waited + 1))

    # --- modes, sync, figures, font ------------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        mode = Mode(mode)
        if self.transcript is None and mode == self.mode:
            return
        if self.transcript is not None:
            mode = fitting(mode, self.transcript.languages)
        self.mode = mode
        self._build_documents()
        self.keeper.hold_soon()  # the mode's reading pane leads now: the place at its top

    def _apply_mode(self) -> None:
        if self.transcript is not None:
            self.stack.arrange(self.mode)

    def set_synced(self, synced: bool) -> None:
        self.stack.set_synced(synced)
        self.keeper.hold_soon()

    def set_figures(self, on: bool) -> None:
        self.figures_on = on
        for hl, near, _last in self.highlighters_near():
            hl.set_enabled(on, near)

    def highlighters_near(self) -> Iterator[tuple[FigureHighlighter, int, int]]:
        """Each document's highlighter, with the first and last blocks its pane shows (0, -1
        when hidden): a pass over a long document starts there, where the reader is."""
        for pane in self.panes():
            if (hl := self.highlighters.get(pane.objectName())) is not None:
                first, last = pane.visible_blocks() if pane.isVisible() else (0, -1)
                yield hl, first, last

    def set_font(self, font: QFont) -> None:
        self.reading_font = font
        for pane in self.panes():
            pane.setFont(font)
            pane.document().setDefaultFont(font)
        self.aligner.schedule()
        self.keeper.hold_soon()

    def restyle(self) -> None:
        """Rebuild the documents in the colours of the palette now in use, staying in place."""
        if self.transcript is None:
            return
        self._build_call()
        for hl in self.highlighters.values():
            hl.set_palette(self.palette())
        self.keeper.hold_soon()

    def align_now(self) -> None:
        self.stack.align_now()

    def realign_soon(self) -> None:
        self.aligner.schedule()

    def panes(self) -> tuple[Pane, Pane, Pane]:
        return self.stack.all()

    def active_pane(self) -> Pane:
        return self.stack.leader

    # --- position --------------------------------------------------------------------------------

    def top_row(self) -> int:
        """The row of the reader's place (at the top of the reading pane)."""
        return min(self.keeper.row, len(self.rows) - 1) if self.rows else -1

    def top_paragraph(self) -> int:
        """The paragraph at the top of the reading pane (a header counts as its turn's first)."""
        return paragraph_from(self.rows, max(self.top_row(), 0), last=True)

    def top_key(self) -> str | None:
        p, t = self.top_paragraph(), self.transcript
        return t.paragraphs[p].key if t and p >= 0 else None

    def scroll_to_row(self, row: int) -> None:
        """Go to a row: it becomes the reader's place, at the top of the reading pane."""
        self.keeper.go(row)

    def _scrolled(self, pane: Pane) -> None:
        hl = self.highlighters.get(pane.objectName())
        if hl is not None and hl.pending() and pane.isVisible():
            hl.admit(*pane.visible_blocks())  # colour what the reader jumped to before the rest
        if self.keeper.scrolled(pane) and self.current.row >= 0:  # by hand: the place moved on
            self.current.fade()
        self.report_position_soon()

    def settling(self) -> bool:
        """Whether work under way (a load, a call, documents, alignment, colours) may move the text."""
        busy = self._readying or self.attaching.pending or self.aligner.pending() or self.keeper.pending()
        colouring = any(h.pending() for h in self.highlighters.values())
        return busy or colouring or any(j.running() for j in self._jobs)

    def _tooltip(self, block: QTextBlock, position: int) -> str | None:
        tips = (self.note_marks.tip(block, position), self.figs.tip(block, position))
        return "<hr>".join(x for x in tips if x) or None

    def report_position_soon(self) -> None:
        self.place.soon()

    def report_position(self) -> None:
        self.place.now()

    def _place(self) -> int:
        """The paragraph marked current while its mark lasts, else the one at the top."""
        row = self.current.row
        return self.top_paragraph() if row < 0 else paragraph_from(self.rows, row)

    def go_to_paragraph(self, paragraph: int, mark: bool = True) -> None:
        """Show a paragraph of the file at the top, switching calls when it is in another one."""
        t = self.transcript
        if t is None or not 0 <= paragraph < len(t.paragraphs):
            return
        if t.paragraphs[paragraph].call != self.call:
            self.set_call(t.paragraphs[paragraph].call, lambda: self.go_to_paragraph(paragraph, mark))
            return
        row = self.row_of.get(paragraph, -1)
        if row < 0:
            return
        turn = t.turns[t.paragraphs[paragraph].turn]
        if turn.first == paragraph and row > 0 and self.rows[row - 1].kind is RowKind.HEADER:
            row -= 1  # a turn's first paragraph shows with its speaker's header
        self.figs.find_from(paragraph)
        self.align_now()
        self.scroll_to_row(row)
        if mark:
            self.current.set(self.row_of[paragraph])
        self.place.forget()
        self.place.soon()

    def set_call(self, call: int, then: Callable[[], None] | None = None) -> None:
        """Show another call of the file, its figures found and documents built on a worker;
        `then` runs once it shows. A newer request replaces one still under way."""
        t = self.transcript
        if t is None or not 0 <= call < len(t.calls):
            return
        if self.partial:  # other calls come with the whole file
            self._after_final.append(lambda: self.set_call(call, then))
            return
        self.calls.cancel()
        if call == self.call:
            if then is not None:
                then()
            return
        self.calls.start(call, then)

    def show_prepared(self, result: Loaded, then: Callable[[], None] | None) -> None:
        """Show a call prepared (`CallSwitch`) in the next slice; nothing is attached till then."""
        self.attaching.start(hold=False)
        QTimer.singleShot(1, self, lambda: self._show_call(result, then))

    def _show_call(self, result: Loaded, then: Callable[[], None] | None) -> None:
        self.call = result.call
        self._prebuilt = (result.call, result.documents)
        self.keeper.reset()
        # To the top first: else a new document is laid out and coloured down to the old value.
        for pane in self.panes():
            pane.verticalScrollBar().setValue(0)
        self._build_call()  # (which puts the flags of the call's figures, added above)
        self.attaching.when_done(self.place.now)  # where the call shows (a go-to's `then` may move on)
        if then is not None:
            self.attaching.when_done(then)

    def set_speaker_filter(self, name: str | None) -> None:
        self.speaker_filter = name
        self._apply_filter()
        self.aligner.schedule()

    def _apply_filter(self) -> None:
        if self.transcript is not None:
            show_only(self.speaker_filter, self.transcript, self.rows, self.panes())
