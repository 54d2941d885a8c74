"""The scripted window: `transcript-reader FILE --do ID[,ID...] --state`, for end-to-end tests and
documentation screenshots.

A step is an id of the action registry (`transcript-reader --list-actions`), `size:WxH` (resize
the window) or `theme:light|dark|system`. Each runs once the window is ready and the step before
has settled: nothing under way in the view (`TranscriptView.settling`) and nothing on screen
moving, for a few polls in a row. `state` says where the reader is, as one JSON-ready dict."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence

from ..core.model import Section
from ..core.modes import Mode
from ..core.rows import paragraph_from
from . import config, theme
from .view import blocks
from .view.pane import Pane
from .view.transcript_view import TranscriptView
from .window import actions as registry
from .window.actions import MainAction
from .window.main_window import MainWindow

POLL_MS = 20
QUIET_POLLS = 3  # polls in a row with nothing under way and nothing moved: the step has settled
SETTLE_LIMIT_MS = 120_000  # a step that has not settled by then ends the script (`stuck`)
LEVEL_PX = 2  # side by side, the place starts this close to the same height in both panes
SIZE = re.compile(r"size:(\d{2,5})x(\d{2,5})$")
THEMES = ("light", "dark", "system")
# These open a dialog (or end the app): a script has no one to answer it.
REFUSED = {
    MainAction.OPEN,
    MainAction.ADD_TO_LIBRARY,
    MainAction.EXPORT_NOTES,
    MainAction.SAVE_AS,
    MainAction.PRINT,
    MainAction.EXPORT_PDF,
    MainAction.PREFERENCES,
    MainAction.FONT,
    MainAction.ABOUT,
    MainAction.ADD_NOTE,
    MainAction.QUIT,
}


class ScriptError(ValueError):
    """A step that is no action id, size or theme (its message is the one-line reason)."""


def parse_steps(groups: list[str]) -> list[str]:
    """The steps of every --do (each a comma-separated list), checked before the window opens."""
    steps = [step.strip() for group in groups for step in group.split(",") if step.strip()]
    ids = {a.value for a in MainAction}
    for step in steps:
        if step in ids and MainAction(step) in REFUSED:
            raise ScriptError(f"{step} opens a dialog, which a script cannot answer")
        if step not in ids and not SIZE.match(step) and step not in {f"theme:{t}" for t in THEMES}:
            raise ScriptError(f"unknown action id: {step} (transcript-reader --list-actions lists them)")
    return steps


def action_lines(parent: QObject) -> list[str]:
    """One line per action of the registry: its id, its shortcut as portable text (or nothing)
    and its menu text without mnemonics, separated by tabs."""
    actions = registry.create(parent)
    lines = []
    for spec in registry.SPECS:
        action = actions[spec.id]
        key = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        lines.append(f"{spec.id}\t{key}\t{registry.plain(action.text())}")
    return lines


class Script(QObject):
    """Runs steps on a window, each once the one before has settled; `finished` after the last."""

    finished = Signal()
    stuck = Signal(str)  # the step (or "open") after which the window never settled

    def __init__(self, window: MainWindow, steps: list[str]) -> None:
        super().__init__(window)
        self.window = window
        self._steps = list(steps)
        self._quiet = 0
        self._waited = 0  # polls since the last step ran
        self._last = "open"
        self._seen: object = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        """Begin (call once the window is ready)."""
        self._timer.start()

    def _poll(self) -> None:
        seen = snapshot(self.window)
        self._waited += 1
        if busy(self.window) or seen != self._seen:
            self._seen, self._quiet = seen, 0
            if self._waited * POLL_MS > SETTLE_LIMIT_MS:
                self._timer.stop()
                self.stuck.emit(self._last)
            return
        self._quiet += 1
        if self._quiet < QUIET_POLLS:
            return
        self._quiet = 0
        if not self._steps:
            self._timer.stop()
            self.finished.emit()
            return
        self._last = self._steps.pop(0)
        run_step(self.window, self._last)
        self._seen, self._waited = None, 0


def run_step(window: MainWindow, step: str) -> None:
    if size := SIZE.match(step):
        window.resize(int(size[1]), int(size[2]))
    elif step.startswith("theme:"):
        window.settings.set(config.THEME, step.removeprefix("theme:"))
        theme.apply_scheme(step.removeprefix("theme:"))  # as Preferences applies it
    else:
        window.action(MainAction(step)).trigger()


def busy(window: MainWindow) -> bool:
    return any(v.settling() or v.partial for v in window.views())


def snapshot(window: MainWindow) -> object:
    """What shows: the window's size and every pane's scroll position and document size."""
    panes = [
        (p.verticalScrollBar().value(), p.document().size().toTuple(), p.isVisible())
        for v in window.views()
        for p in v.panes()
    ]
    return window.size().toTuple(), panes, window.position.text()


def state(window: MainWindow) -> dict[str, object]:
    """Where the reader is in the current tab, and how the window shows it (README, "Command
    line"): paragraph indexes are 0-based, `shown` is the number the status bar shows."""
    s = window.settings
    v = window.view()
    out: dict[str, object] = {
        "file": None,
        "mode": str(s.get(config.VIEW_MODE)),
        "paragraph": None,
        "shown": window.shown_number,
        "speaker": None,
        "section": None,
        "call": None,
        "top": {},
        "level": False,
        "figures_coloured": False,
        "theme": s.get(config.THEME),
        "language": s.get(config.LANGUAGE),
        "zoom": s.get(config.ZOOM),
    }
    t = v.transcript if v is not None else None
    if v is None or t is None:
        return out
    p = v.top_paragraph()
    paragraph = t.paragraphs[p]
    out.update(
        file=str(v.path.resolve()) if v.path else None,
        mode=str(v.mode),
        paragraph=p,
        speaker=t.turns[paragraph.turn].speaker or None,
        section="qa" if paragraph.section is Section.QA else "prepared",
        call=paragraph.call,
        top=tops(v),
        level=level(v),
        figures_coloured=coloured(v),
    )
    return out


def shown_panes(v: TranscriptView) -> list[Pane]:
    return [v.stack.pane_for(name) for name in v.mode.documents]


def tops(v: TranscriptView) -> dict[str, int]:
    """The first paragraph on screen in each pane shown (both languages of the interleaved one)."""
    out = {}
    for name, pane in zip(v.mode.documents, shown_panes(v), strict=True):
        p = paragraph_from(v.rows, pane.top_row(), last=True)
        for lang in ("en", "zh") if name == "interleaved" else (name,):
            out[lang] = p
    return out


def level(v: TranscriptView) -> bool:
    """Side by side and in step, the place's row starts at the same height in both panes."""
    if v.mode is not Mode.SIDE or not v.stack.locked():
        return False
    row = v.top_row()
    left, right = (pane.block_rect(pane.block_of_row(row)) for pane in (v.left, v.right))
    return left.isValid() and right.isValid() and abs(left.top() - right.top()) <= LEVEL_PX


def coloured(v: TranscriptView) -> bool:
    """Whether every figure on screen has its colour (False while figures are not highlighted)."""
    if not v.figures_on:
        return False
    for pane in shown_panes(v):
        first, last = pane.visible_blocks()
        doc = pane.document()
        for number in range(first, last + 1):
            block = doc.findBlockByNumber(number)
            if not block.isVisible() or blocks.kind_of(block) != "paragraph" or blocks.is_gap(block):
                continue
            figures = v.figs.figures(blocks.paragraph_of(block), blocks.lang_of(block))
            if figures is None or (figures and not block.layout().formats()):
                return False
    return True
