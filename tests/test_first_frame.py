"""The first frame is the final one (issue 24, report 3): when a file's text is first painted,
every figure on screen already has its colour, side by side the panes are level, the status bar
says where the reader is, and nothing on screen moves when the rest of the call is coloured. While
the file opens, the status bar says which file is opening."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QTextBlock  # noqa: E402
from test_app_run import run_app  # noqa: E402

from reader.ui import config  # noqa: E402
from reader.ui.config import Settings  # noqa: E402
from reader.ui.scripted import coloured, level, shown_panes  # noqa: E402
from reader.ui.view import blocks  # noqa: E402
from reader.ui.view.transcript_view import TranscriptView  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
LONG = FIXTURES / "place" / "long_call.txt"  # longer than a screen: a pass colours the rest later
MODES = ["side", "interleaved", "en", "zh"]


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings) -> MainWindow:
    w = MainWindow(settings, quiet=True)
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    return w


def figures_on_screen(view: TranscriptView) -> tuple[int, int]:
    """(figures of the paragraphs on screen, how many of them have their colour), every pane shown."""
    found = painted = 0
    for pane in shown_panes(view):
        first, last = pane.visible_blocks()
        for number in range(first, last + 1):
            block = pane.document().findBlockByNumber(number)
            if blocks.kind_of(block) != "paragraph" or blocks.is_gap(block):
                continue
            figures = view.figs.figures(blocks.paragraph_of(block), blocks.lang_of(block)) or []
            starts = {f.start for f in block.layout().formats()}
            found += len(figures)
            painted += sum(1 for f in figures if f.start in starts)
    return found, painted


def screen(view: TranscriptView) -> list[tuple[int, float, float]]:
    """What the reader sees of each pane shown: its scroll position and its first blocks' places."""
    out = []
    for pane in shown_panes(view):
        out.append((pane.verticalScrollBar().value(), -1.0, -1.0))
        first, last = pane.visible_blocks()
        for number in range(first, min(last, first + 12) + 1):
            rect = pane.block_rect(pane.document().findBlockByNumber(number))
            out.append((number, rect.top(), rect.height()))
    return out


@pytest.mark.parametrize("mode", MODES)
def test_the_first_paint_of_the_text_is_coloured_level_and_placed(qtbot, window, settings, mode):
    settings.set(config.VIEW_MODE, mode)
    view = window.open_path(LONG)
    at_paint: dict[str, object] = {}

    def painted() -> None:
        at_paint.update(
            figures=figures_on_screen(view),
            coloured=coloured(view),
            level=level(view),
            shown=window.shown_number,
            status=window.position.text(),
            screen=screen(view),
        )

    view.textPainted.connect(painted)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    found, with_colour = at_paint["figures"]  # type: ignore[misc]
    assert found > 0 and with_colour == found
    assert at_paint["coloured"] is True
    assert at_paint["level"] is (mode == "side")
    assert at_paint["shown"] == 1
    assert "paragraph 1 of " in str(at_paint["status"])
    # The rest of the call was coloured in the background: what the reader saw did not move.
    assert any(h.pending() for h in view.highlighters.values()) is False
    assert screen(view) == at_paint["screen"]


def test_the_status_bar_says_which_file_opens_never_that_none_is_open(qtbot, window):
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    view = window.open_path(FIXTURES / "basic.txt")
    assert window.statusBar().currentMessage() == "Opening basic.txt\u2026"
    assert view.transcript is None  # said before anything of the file is shown
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    assert said[0] == "Opening basic.txt\u2026"
    assert not any("No transcript open" in message for message in said)
    # Once the text shows, its place replaces the message.
    assert window.statusBar().currentMessage() == ""
    assert "paragraph 1 of 17" in window.position.text()


def test_a_file_that_cannot_be_opened_is_said_so_in_the_status_bar(qtbot, window):
    view = window.open_path(FIXTURES / "not_a_transcript.txt")
    with qtbot.waitSignal(view.failed, timeout=10000):
        pass
    assert window.statusBar().currentMessage() == "Cannot open not_a_transcript.txt"


@pytest.mark.parametrize("mode", MODES)
def test_state_at_the_first_paint_is_final(mode):
    # What `--exit-after-paint --state` reports of the paint that ends the run.
    done = run_app(str(LONG), "--exit-after-paint", "--state", "--mode", mode)
    assert done.returncode == 0, done.stderr
    s = json.loads(done.stdout)
    assert s["figures_coloured"] is True
    assert s["shown"] == 1 and s["paragraph"] == 0
    assert s["level"] is (mode == "side")


def test_the_first_paint_brings_the_first_screens_figures_and_the_rest_is_coloured_off_screen(
    qtbot, window, monkeypatch
):
    """The worker finds the figures of the call's first rows before the hand-over, the view the
    rest after the first paint; colouring them recolours no block that was on screen."""
    from reader.ui.view.highlighter import FigureHighlighter

    at_paint: dict[str, object] = {}
    recoloured: list[tuple[object, int]] = []
    rehighlight_block = FigureHighlighter.rehighlightBlock

    def spy(self: FigureHighlighter, block: QTextBlock) -> None:
        if at_paint:
            recoloured.append((self.document(), block.blockNumber()))
        rehighlight_block(self, block)

    monkeypatch.setattr(FigureHighlighter, "rehighlightBlock", spy)
    view = window.open_path(LONG)
    progress: list[tuple[int, int]] = []
    view.analysisProgress.connect(lambda done, total: progress.append((done, total)))

    def painted() -> None:
        at_paint.update(
            known=set(view.figs.analysis),
            visible={pane.document(): pane.visible_blocks() for pane in shown_panes(view)},
            formats=visible_formats(view),
        )

    view.textPainted.connect(painted)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    assert view.transcript is not None
    call = view.transcript.calls[0]
    every = set(range(call.first, call.end))
    assert set(at_paint["known"]) < every  # type: ignore[call-overload]
    assert every <= set(view.figs.analysis)
    assert recoloured  # the rest of the call was coloured after the paint ...
    visible = at_paint["visible"]
    assert isinstance(visible, dict)
    assert [(d, n) for d, n in recoloured if visible[d][0] <= n <= visible[d][1]] == []  # ... off screen
    assert visible_formats(view) == at_paint["formats"]
    assert progress == []  # no progress bar shown (and hidden) in the status bar for it
    for pane in shown_panes(view):  # and every figure of the call has its colour now
        block = pane.document().begin()
        while block.isValid():
            if blocks.kind_of(block) == "paragraph" and not blocks.is_gap(block):
                figures = view.figs.figures(blocks.paragraph_of(block), blocks.lang_of(block)) or []
                starts = {f.start for f in block.layout().formats()}
                assert all(f.start in starts for f in figures)
            block = block.next()


def visible_formats(view: TranscriptView) -> list[tuple[int, int, int, str]]:
    """(block, start, length, colour) of every coloured span of the blocks on screen."""
    out = []
    for pane in shown_panes(view):
        first, last = pane.visible_blocks()
        for number in range(first, last + 1):
            for f in pane.document().findBlockByNumber(number).layout().formats():
                out.append((number, f.start, f.length, f.format.foreground().color().name()))
    return out


def test_a_go_to_past_the_first_screen_before_the_rest_is_found_shows_its_figures_coloured(qtbot, window):
    """A go-to deep into the call (a link, a restored place) right at the first paint, before
    the worker has found the rest of the call's figures: what it brings on screen is coloured."""
    view = window.open_path(LONG)
    seen: dict[str, object] = {}

    def painted() -> None:
        if seen:
            return
        t = view.transcript
        assert t is not None
        deep = t.calls[0].end - 3
        seen["known before"] = deep in view.figs.analysis
        view.go_to_paragraph(deep)
        seen["top"] = view.top_paragraph()
        seen["coloured"] = coloured(view)
        seen["deep"] = deep

    view.textPainted.connect(painted)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    assert seen["known before"] is False  # (the first paint came with the first screen's only)
    assert seen["top"] <= seen["deep"]  # type: ignore[operator]
    assert seen["coloured"] is True


def test_a_file_opened_at_a_paragraph_is_first_painted_there(qtbot, window):
    """A link or a search hit opens a new tab at its paragraph: the first paint shows it (not
    the call's top, then a jump), coloured, and the paragraph is marked as the current one."""
    seen: list[tuple[int, bool, str]] = []
    view = window.open_at(LONG, 60)
    view.textPainted.connect(
        lambda: seen.append((view.top_paragraph(), coloured(view), window.position.text()))
    )
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    top = view.top_paragraph()
    assert seen and seen[0] == (top, True, window.position.text())
    assert 55 <= top <= 60 and f"paragraph {top + 1} of " in seen[0][2]  # the status bar says so
    assert view.current.row == view.row_of[60]
