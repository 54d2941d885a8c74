"""The figures of one open transcript, as the reader sees them in its panes.

`ViewFigures` belongs to a `TranscriptView`. It finds the figures of calls on a worker and owns
what is known of them (`analysis`, paragraph by paragraph), flags the paragraphs whose English
and Chinese figures disagree, feeds the panes' highlighters, answers "next mismatch" (checking
calls not yet checked as it goes) and gives the figure part of a tooltip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock

from ...core.figure_data import ParagraphFigures
from ...core.prefetch import Prefetch
from ...core.rows import first_screen
from ..theme import colours
from ..workers import Job
from . import blocks
from .host import ViewHost
from .loading import analyse_calls, analyser


class ViewFigures(QObject):
    progress = Signal(int, int)  # calls whose figures are known, of those asked for

    def __init__(self, view: ViewHost, parent: QObject) -> None:
        super().__init__(parent)
        self.view = view
        self.analysis: dict[int, ParagraphFigures] = {}
        self._more: Prefetch | None = None  # the child process finding the rest of the first call

    def rest_from(self, more: Prefetch | None) -> None:
        """Take the rest of the call shown from the child process that gave its first screen
        (`loading.load`) rather than find it here; None ends a child still waiting."""
        if self._more is not None and self._more is not more:
            self._more.close()
        self._more = more

    def reset(self, figures: dict[int, ParagraphFigures] | None = None) -> None:
        """Forget what was known (another file, or the same file read again), keeping `figures`."""
        self.analysis = dict(figures or {})

    def add(self, figures: dict[int, ParagraphFigures]) -> None:
        """Figures found elsewhere (by the worker that loaded a file or built a call)."""
        self.analysis.update(figures)

    def known_in(self, first: int, end: int) -> dict[int, ParagraphFigures]:
        """What is known of paragraphs first..end-1."""
        return {p: self.analysis[p] for p in range(first, end) if p in self.analysis}

    def analyse(
        self,
        calls: list[int],
        until: Callable[[dict[int, ParagraphFigures]], bool] | None = None,
        report: bool = True,
    ) -> Job | None:
        """Find the figures of some calls on a worker, in order, stopping early once `until`
        says so; with `report`, say how far it got (`progress`, which the window shows). The
        worker waits while the GUI thread is busy (a background job), and otherwise yields the
        GIL after every paragraph."""
        view, t = self.view, self.view.transcript
        assert t is not None
        todo = [c for c in calls if not self._complete(c)]
        if not todo:
            return None
        # What the first paint came with is not found again (nor recoloured on screen).
        spans = [range(t.calls[c].first, t.calls[c].end) for c in todo]
        known = frozenset(p for span in spans for p in span if p in self.analysis)
        more, self._more = self._more, None
        if more is not None and (todo != [more.call] or until is not None):
            more.close()  # asked for more than the child finds: found here
            more = None

        def work() -> dict[int, ParagraphFigures]:
            rest = more.rest() if more is not None else None
            if rest is None:
                return analyse_calls(t, todo, job, until, known)
            job.report(len(todo), len(todo))
            return {p: f for p, f in rest.items() if p not in known}

        job = Job(work, owner=self, background=True)
        job.done.connect(self._analysed)
        if report:
            # Signal to signal, not a lambda: Qt drops the connection when this object goes, so a
            # report the worker queued before a tab closed is never delivered to a deleted view.
            job.progress.connect(self.progress)
            self.progress.emit(0, len(todo))
        view.add_job(job.start())
        return job

    def known(self) -> bool:
        """Whether the figures of the call shown are found (or it has no paragraph)."""
        return self.view.transcript is None or self._complete(self.view.call)

    def _complete(self, call: int) -> bool:
        """Whether every paragraph of `call` has its figures (a file's first paint comes with
        those of its first screen only)."""
        t = self.view.transcript
        assert t is not None
        c = t.calls[call]
        return all(p in self.analysis for p in range(c.first, c.end))

    def find_from(self, paragraph: int) -> None:
        """Find now, on this thread, the figures of the screenful of rows from `paragraph` that
        are not known yet, and colour them: a go-to deep into a call whose figures the worker is
        still finding (a file's first paint comes with those of its first screen only) then
        shows its text coloured in its first paint. A screenful is a moment's work."""
        view, t = self.view, self.view.transcript
        if t is None or paragraph not in view.row_of:
            return
        todo = [p for p in first_screen(view.rows, paragraph) if p not in self.analysis]
        if todo:
            analyse_paragraph = analyser()
            self._analysed({p: analyse_paragraph(t.paragraphs[p]) for p in todo})

    def analyse_when_painted(self, waited: int = 0) -> None:
        """Find the figures of the call shown once the reading pane has painted its text (0.3 s
        later at most). A file's text is shown before its figures are found (`loading.load`);
        the worker yields the GIL after each paragraph, but the first layout and paint of the
        text would still wait for it."""
        view = self.view
        pane = view.active_pane()
        if pane.painted or not pane.isVisible() or waited >= 30:
            if view.transcript is not None and not self.known():
                # The rest of the call on screen, a moment's work: nothing to show progress of.
                self.analyse([view.call], report=False)
        else:
            QTimer.singleShot(10, self, lambda: self.analyse_when_painted(waited + 1))

    def find_mismatch(self, here: int, backwards: bool, found: Callable[[int | None], None]) -> None:
        """Call `found` with the next (previous) paragraph after (before) `here` whose figures
        disagree, checking the calls not yet checked on a worker when it must; None if none."""
        t = self.view.transcript
        if t is None:
            return

        def pick() -> int | None:
            later = [p for p in self.flagged() if (p < here if backwards else p > here)]
            return (later[-1] if backwards else later[0]) if later else None

        now = pick()
        here_call = t.paragraphs[here].call if 0 <= here < len(t.paragraphs) else 0
        order = range(here_call - 1, -1, -1) if backwards else range(here_call + 1, len(t.calls))
        unchecked = [c for c in order if not self._complete(c)]
        if now is not None and (not unchecked or t.paragraphs[now].call == here_call):
            found(now)
            return
        job = self.analyse(unchecked, until=lambda out: any(pf.flagged for pf in out.values()))
        if job is None:
            found(now)
        else:
            job.done.connect(lambda _figures: found(pick()))

    def _analysed(self, figures: dict[int, ParagraphFigures]) -> None:
        view = self.view
        self.analysis.update(figures)
        self.update_flags()
        shown = [p for p in figures if p in view.row_of]
        if shown:  # only when the call on screen changed: its blocks are repainted and re-measured
            for hl, near, last in view.highlighters_near():
                hl.refresh_paragraphs(shown, near)
                hl.admit(near, last)  # what the pane shows now, the rest in slices
            view.realign_soon()

    def flagged(self) -> list[int]:
        """Paragraphs whose figures disagree, among those analysed so far."""
        return sorted(p for p, pf in self.analysis.items() if pf.flagged)

    def update_flags(self) -> None:
        """Put the mismatch flag in the gutter of the flagged paragraphs of the call shown."""
        view = self.view
        colour = colours(view.palette()).mismatch
        flags = {view.row_of[p]: colour for p in self.flagged() if p in view.row_of}
        for pane in view.panes():
            pane.set_flags(flags)

    # --- callbacks for the highlighters and tooltips ---------------------------------------------

    def figures(self, paragraph: int, lang: str) -> list | None:
        pf = self.analysis.get(paragraph)
        return None if pf is None else (pf.en if lang == "en" else pf.zh)

    def mismatches(self, paragraph: int, lang: str) -> list[tuple[int, int]]:
        pf = self.analysis.get(paragraph)
        return pf.mismatched_spans(lang) if pf is not None else []

    def tip(self, block: QTextBlock, position: int) -> str | None:
        """The figure under `position` of a block (its value, its counterpart), or the flag's
        explanation when `position` is in the gutter (negative); None when there is none."""
        pf = self.analysis.get(blocks.paragraph_of(block))
        if pf is None or blocks.is_gap(block):
            return None
        from .figure_tips import figure_tip, flag_tip  # with the figures: not needed to start

        if position < 0:
            return flag_tip(pf) if pf.flagged else None
        return figure_tip(pf, blocks.lang_of(block), position) if self.view.figures_on else None
