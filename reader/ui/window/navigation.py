"""Moving through the current transcript: speaker turns, questions, the Q&A, figure mismatches,
and the "only this speaker" filter.

`WindowNavigation` belongs to the `MainWindow`, which it reaches through `host.WindowHost`. It
wires the Go menu's actions and the side panel's speaker requests to the current view; the places
themselves come from the Qt-free `core.outline`, so the rules (what a question is, where a turn
starts) are tested without Qt.
Its messages keep the "MainWindow" translation context they had when they lived there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from ...core.model import Transcript
from ...core.outline import next_question, next_turn_start, qa_start
from .actions import MainAction
from .host import WindowHost
from .sidepanel import SidePanel

Where = Callable[[Transcript, int], int | None]
"""Where to go from a paragraph of a transcript: a paragraph index, or None for nowhere."""


class WindowNavigation(QObject):
    def __init__(self, window: WindowHost, panel: SidePanel) -> None:
        super().__init__(window.widget())
        self.window, self.panel = window, panel
        a = window.action
        a(MainAction.NEXT_TURN).triggered.connect(lambda: self.turn(backwards=False))
        a(MainAction.PREVIOUS_TURN).triggered.connect(lambda: self.turn(backwards=True))
        a(MainAction.NEXT_QUESTION).triggered.connect(lambda: self.question(backwards=False))
        a(MainAction.PREVIOUS_QUESTION).triggered.connect(lambda: self.question(backwards=True))
        a(MainAction.QA).triggered.connect(self.qa)
        a(MainAction.NEXT_MISMATCH).triggered.connect(lambda: self.next_mismatch(False))
        a(MainAction.PREVIOUS_MISMATCH).triggered.connect(lambda: self.next_mismatch(True))
        a(MainAction.ONLY_SPEAKER).triggered.connect(self.toggle_speaker_filter)
        panel.speakerActivated.connect(self.next_turn_of)
        panel.speakerFilterRequested.connect(self.set_speaker_filter)

    def _message(self, text: str, timeout: int = 0) -> None:
        self.window.show_message(text, timeout)

    def go(self, where: Where) -> None:
        """Move the current view to the paragraph `where(transcript, paragraph)` names, if any."""
        v = self.window.view()
        if v is None or v.transcript is None:
            return
        t = v.transcript
        target = where(t, v.top_paragraph())
        if target is None:
            self._message(QCoreApplication.translate("MainWindow", "Nothing further in that direction"), 3000)
            return
        if v.speaker_filter and t.turns[t.paragraphs[target].turn].speaker != v.speaker_filter:
            self.set_speaker_filter(None)  # the place asked for is folded away: show everyone again
        v.go_to_paragraph(target)

    def turn(self, backwards: bool) -> None:
        """Go to the next (previous) speaker turn, the filtered speaker's only if there is one."""
        self.go(lambda t, p: next_turn_start(t, p, self.only(), backwards=backwards))

    def question(self, backwards: bool) -> None:
        self.go(lambda t, p: next_question(t, p, backwards=backwards))

    def qa(self) -> None:
        self.go(qa_start)

    def only(self) -> str | None:
        """The speaker the current view is filtered to: turn navigation stays with them."""
        v = self.window.view()
        return v.speaker_filter if v is not None else None

    def next_turn_of(self, name: str) -> None:
        """Go to the speaker's next turn, wrapping round to their first."""

        def where(t: Transcript, p: int) -> int | None:
            found = next_turn_start(t, p, name=name)
            return found if found is not None else next_turn_start(t, -1, name=name)

        self.go(where)

    def next_mismatch(self, backwards: bool) -> None:
        """Go to the next (previous) paragraph whose figures disagree; calls of a many-call file
        whose figures were not checked yet are checked first, on a worker."""
        v = self.window.view()
        if v is None or v.transcript is None:
            return

        def found(target: int | None) -> None:
            if v is self.window.view():
                self.go(lambda _t, _p: target)

        v.figs.find_mismatch(v.top_paragraph(), backwards, found)

    def set_speaker_filter(self, name: str | None) -> None:
        window, v = self.window, self.window.view()
        if v is None or v.transcript is None:
            return
        v.set_speaker_filter(name)
        self.panel.set_filter(name)
        window.action(MainAction.ONLY_SPEAKER).setChecked(name is not None)
        if name:
            text = QCoreApplication.translate(
                "MainWindow", "Showing only {name} (Ctrl+Shift+O shows everyone)"
            )
            self._message(text.format(name=name))
        else:
            window.clear_message()

    def toggle_speaker_filter(self) -> None:
        v = self.window.view()
        if v is None or v.transcript is None:
            return
        if v.speaker_filter is not None:
            self.set_speaker_filter(None)
            return
        p = v.top_paragraph()
        name = v.transcript.turns[v.transcript.paragraphs[p].turn].speaker if p >= 0 else ""
        if name:
            self.set_speaker_filter(name)
        else:
            self.window.action(MainAction.ONLY_SPEAKER).setChecked(False)
