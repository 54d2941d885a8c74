"""The reader's place (issue 24): the paragraph at the top of the reading pane, which only the
reader's own scrolling or a go-to moves. Each test drives a shown window with the scripted
window's steps (reader.ui.scripted, what `--do` runs) and reads its `--state`."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reader.core.modes import Mode  # noqa: E402
from reader.ui import config  # noqa: E402
from reader.ui.scripted import Script, state  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402
from reader.ui.window.sidepanel import PARAGRAPH  # noqa: E402

LONG = Path(__file__).parent / "fixtures" / "place" / "long_call.txt"
TO_A_QUESTION = ["qa", "next_question", "next_question", "next_question"]
OTHER_MODES = {mode: [f"mode_{m}" for m in Mode if m is not mode] + [f"mode_{mode}"] for mode in Mode}
# What must leave the place where it is (each undone by the steps after it).
KEEPERS = [
    ["only_speaker"],
    ["only_speaker"],
    ["panel"],
    ["panel"],
    ["notes_panel"],
    ["notes_panel"],
    ["library_panel"],
    ["library_panel"],
    ["size:900x600"],
    ["size:1320x860"],
    ["zoom_in"],
    ["zoom_out"],
    ["theme:dark"],
    ["theme:system"],
    ["reload"],
]


def run(qtbot, window: MainWindow, steps: list[str]) -> dict:
    script = Script(window, steps)
    with qtbot.waitSignal(script.finished, timeout=30000):
        script.start()
    return state(window)


def opened(qtbot, make_window, mode: Mode) -> MainWindow:
    window = make_window()
    window.resize(1320, 860)
    window.settings.set(config.VIEW_MODE, mode)
    view = window.open_path(LONG)
    with qtbot.waitSignal(view.ready, timeout=15000):
        pass
    return window


def on_screen(s: dict, mode: Mode) -> None:
    """The place is what the window shows: at the top of each pane, in the status bar."""
    assert s["shown"] == s["paragraph"] + 1  # one call: the status bar counts from its start
    assert set(s["top"].values()) == {s["paragraph"]}, s
    assert s["level"] is (mode is Mode.SIDE), s


@pytest.mark.parametrize("mode", list(Mode))
def test_nothing_but_a_go_to_moves_the_place(qtbot, make_window, mode):
    window = opened(qtbot, make_window, mode)
    start = run(qtbot, window, TO_A_QUESTION)
    assert start["speaker"] == "Tomas Reyes" and start["section"] == "qa" and start["mode"] == mode
    on_screen(start, mode)
    for steps in [*KEEPERS, OTHER_MODES[mode]]:
        now = run(qtbot, window, steps)
        assert now["paragraph"] == start["paragraph"], steps
        assert now["mode"] == mode
        on_screen(now, mode)
    assert now["figures_coloured"] is True


def test_turning_the_speaker_filter_off_keeps_the_place(qtbot, make_window):
    # Issue 24, report 1: the panes jumped to the operator's opening, the status bar stayed.
    window = opened(qtbot, make_window, Mode.SIDE)
    start = run(qtbot, window, TO_A_QUESTION)
    filtered = run(qtbot, window, ["only_speaker"])
    assert filtered["paragraph"] == start["paragraph"]
    assert window.view().speaker_filter == "Tomas Reyes"
    on_screen(filtered, Mode.SIDE)  # at the top, though his few paragraphs end the text soon after
    off = run(qtbot, window, ["only_speaker"])
    assert window.view().speaker_filter is None
    assert off["paragraph"] == start["paragraph"] and off["level"]
    on_screen(off, Mode.SIDE)


def test_the_readers_scrolling_moves_the_place_and_the_status_bar_follows(qtbot, make_window):
    window = opened(qtbot, make_window, Mode.SIDE)
    start = run(qtbot, window, TO_A_QUESTION)
    view = window.view()
    bar = view.left.verticalScrollBar()
    bar.setSliderPosition(bar.value() + 400)  # the reader drags the scroll bar down
    dragged = run(qtbot, window, [])
    assert dragged["paragraph"] > start["paragraph"]
    on_screen(dragged, Mode.SIDE)
    # Issue 24, report 2: Ctrl+End left the status bar on the paragraph before.
    view.left.setFocus()
    qtbot.keyClick(view.left, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    end = run(qtbot, window, [])
    assert end["paragraph"] > dragged["paragraph"]
    assert end["shown"] == end["paragraph"] + 1
    assert end["top"]["en"] == end["paragraph"]
    # and what the reader scrolled to stays through a resize
    resized = run(qtbot, window, ["size:900x600", "size:1320x860"])
    assert resized["paragraph"] == end["paragraph"]


def test_ctrl_end_in_a_call_filtered_to_one_speaker_goes_to_the_end_of_their_text(qtbot, make_window):
    # It went to their first paragraph: Qt scrolled to the document's end, a folded block.
    window = opened(qtbot, make_window, Mode.SIDE)
    start = run(
        qtbot, window, ["size:900x360", "zoom_in", "zoom_in", "zoom_in", *TO_A_QUESTION, "only_speaker"]
    )
    view = window.view()
    view.left.setFocus()
    qtbot.keyClick(view.left, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    end = run(qtbot, window, [])
    assert end["speaker"] == "Tomas Reyes" and end["paragraph"] >= start["paragraph"]
    bar = view.left.verticalScrollBar()
    assert bar.value() > 0 and view.left.viewport().height() + bar.value() >= (
        view.left.document().documentLayout().documentSize().height() - 2
    )
    on_screen(end, Mode.SIDE)


@pytest.mark.parametrize("mode", list(Mode))
def test_a_go_to_the_last_paragraph_puts_it_at_the_top(qtbot, make_window, mode):
    # The place is the paragraph at the top: the text scrolls on past its end to put it there.
    window = opened(qtbot, make_window, mode)
    last = len(window.view().transcript.paragraphs) - 1
    window.view().go_to_paragraph(last)
    s = run(qtbot, window, [])
    assert s["paragraph"] == last
    on_screen(s, mode)


def test_the_outline_and_the_speaker_list_mark_the_place(qtbot, make_window):
    window = opened(qtbot, make_window, Mode.SIDE)
    for steps in (TO_A_QUESTION, ["panel", "panel", "size:900x600"], ["next_turn"]):
        s = run(qtbot, window, steps)
        item = window.panel.outline.currentItem()
        assert item is not None
        starts = [e.data(0, PARAGRAPH) for e in window.panel.entries]
        assert item.data(0, PARAGRAPH) == max(p for p in starts if p <= s["paragraph"])
        assert window.panel.speakers.currentItem().text() == s["speaker"]
    assert s["speaker"] == "Marta Lindqvist"  # the answer after Tomas Reyes's question
