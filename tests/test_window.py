"""The main window: the sample opens, files that are no transcript are refused politely, markup stays
literal, the Go menu lands where the outline says, and settings outlive the window."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from reader.core import outline  # noqa: E402
from reader.core.parser import parse_bytes, parse_file  # noqa: E402
from reader.core.paths import sample_path  # noqa: E402
from reader.ui import config  # noqa: E402
from reader.ui.config import Settings  # noqa: E402
from reader.ui.view.transcript_view import TranscriptView  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def make_settings(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def show(qtbot, window: MainWindow, height: int = 850) -> MainWindow:
    qtbot.addWidget(window)
    window.resize(1300, height)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:
    w = MainWindow(make_settings(tmp_path / "s.ini"), quiet=True)
    return show(qtbot, w)


def open_ready(qtbot, window: MainWindow, path: Path) -> TranscriptView:
    view = window.open_path(path)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    return view


# --- the sample, markup, files that are no transcript ----------------------------------------------


def test_sample_is_shipped_and_is_a_transcript():
    t = parse_bytes(sample_path().read_bytes())
    assert t.languages == ["en", "zh"] and t.warnings == []
    assert len(t.paragraphs) == 44 and t.qa_start == 21
    assert t.calls[0].company == "Lumora Mobility"


def test_the_sample_opens_with_its_company_in_the_tab(qtbot, window):
    view = open_ready(qtbot, window, sample_path())
    assert window.tabs.count() == 1
    assert window.tabs.tabText(0) == "Lumora Mobility Q3 2025"
    assert "Lumora" in window.windowTitle()
    t = view.transcript
    assert t.paragraphs[0].en in view.left.toPlainText()
    assert t.paragraphs[0].zh in view.right.toPlainText()
    assert window.panel.title.text() == "Lumora Mobility Q3 2025"
    assert window.settings.get(config.RECENT) == []  # the sample is not a recent file
    assert window.menus["recent"].isEmpty()


def test_markup_in_the_text_is_shown_literally(qtbot, window, tmp_path):
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8").split("\n")
    text[3] = "We said <b>record</b> revenue &amp; <script>alert(1)</script> margins."
    text[4] = "我們說 <i>創紀錄</i> &lt;營收&gt; <br>。"
    path = tmp_path / "markup.txt"
    path.write_text("\n".join(text), encoding="utf-8")
    view = open_ready(qtbot, window, path)
    assert view.transcript.paragraphs[0].en == text[3]
    assert text[3] in view.left.toPlainText().split("\n")
    assert text[4] in view.right.toPlainText().split("\n")
    view.set_mode("interleaved")  # its document is built when first shown
    inter = view.inter.toPlainText().split("\n")
    assert inter.index(text[4]) == inter.index(text[3]) + 1


@pytest.mark.parametrize("name", ["not_a_transcript.txt", "unrelated.csv"])
def test_a_file_that_is_no_transcript_says_why_in_its_tab_and_keeps_the_other_tab(
    qtbot, tmp_path, monkeypatch, name
):
    shown: list[tuple] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args))
    window = show(qtbot, MainWindow(make_settings(tmp_path / "s.ini")))
    assert not window.property("quiet")
    sample = open_ready(qtbot, window, sample_path())
    before = sample.left.toPlainText()
    bad = FIXTURES / name
    with qtbot.waitSignal(window.fileFailed, timeout=10000) as failed:
        view = window.open_path(bad)
    path, reason = failed.args
    assert path == str(bad)
    assert "not a transcript" in reason and "\n" not in reason
    assert shown == []  # its tab says it (no message box over it)
    assert view.loading.failed and view.loading.label.text() == f"Cannot open {name}\n\n{reason}"
    assert window.tabs.count() == 2 and window.tabs.widget(0) is sample and window.view() is view
    window.close_tab(window.tabs.indexOf(view))
    assert window.view() is sample and sample.left.toPlainText() == before
    assert "Lumora" in window.windowTitle()


def test_a_window_without_a_transcript_says_how_to_open_one(qtbot, window):
    assert "Open" in window.statusBar().currentMessage()
    assert not window.action(MainAction.NEXT_TURN).isEnabled()


# --- the Go menu -----------------------------------------------------------------------------------


def test_next_and_previous_speaker_turn(qtbot, window):
    view = open_ready(qtbot, window, sample_path())
    t = view.transcript
    assert view.top_paragraph() == 0
    landed = []
    for _ in range(4):
        here = view.top_paragraph()
        window.action(MainAction.NEXT_TURN).trigger()
        assert view.top_paragraph() == outline.next_turn_start(t, here)
        landed.append(view.top_paragraph())
    assert landed == [2, 5, 13, 21]  # Grace Ho, Mei Lin, Arjun Mehta, the operator opening the Q&A
    window.action(MainAction.PREVIOUS_TURN).trigger()
    window.action(MainAction.PREVIOUS_TURN).trigger()
    assert view.top_paragraph() == 5
    qtbot.waitUntil(lambda: window.position.text().startswith("Mei Lin"), timeout=3000)
    assert "paragraph 6 of 44" in window.position.text()


def test_next_and_previous_question_and_go_to_qa(qtbot, window):
    view = open_ready(qtbot, window, sample_path())
    t = view.transcript
    window.action(MainAction.QA).trigger()
    assert view.top_paragraph() == 21 == outline.qa_start(t, 0)
    window.action(MainAction.PREVIOUS_QUESTION).trigger()  # none before the Q&A: stays put
    assert view.top_paragraph() == 21
    assert window.statusBar().currentMessage() == "Nothing further in that direction"
    window.action(MainAction.NEXT_QUESTION).trigger()
    assert view.top_paragraph() == 23 == outline.next_question(t, 21)
    assert t.turns[t.paragraphs[23].turn].speaker == "Vivian Tsai"
    window.action(MainAction.NEXT_QUESTION).trigger()
    assert view.top_paragraph() == 29
    window.action(MainAction.PREVIOUS_QUESTION).trigger()
    assert view.top_paragraph() == 23
    qtbot.waitUntil(lambda: "Q&A" in window.position.text(), timeout=3000)


def test_next_mismatch_lands_on_the_flagged_paragraph(qtbot, window):
    view = open_ready(qtbot, window, sample_path())
    assert view.figs.flagged() == [16]
    assert view.top_paragraph() == 0
    window.action(MainAction.NEXT_MISMATCH).trigger()
    assert view.top_paragraph() == 16
    assert "18%" in view.transcript.paragraphs[16].en and "13%" in view.transcript.paragraphs[16].zh
    window.action(MainAction.NEXT_MISMATCH).trigger()  # the only one: stays put
    assert view.top_paragraph() == 16
    view.go_to_paragraph(30)
    window.action(MainAction.PREVIOUS_MISMATCH).trigger()
    assert view.top_paragraph() == 16
    qtbot.waitUntil(lambda: "paragraph 17 of 44" in window.position.text(), timeout=3000)


def test_only_this_speaker_follows_the_paragraph_at_the_top(qtbot, window):
    view = open_ready(qtbot, window, sample_path())
    view.go_to_paragraph(5)
    window.action(MainAction.ONLY_SPEAKER).trigger()
    assert view.speaker_filter == "Mei Lin" and window.panel.filter == "Mei Lin"
    window.action(MainAction.ONLY_SPEAKER).trigger()
    assert view.speaker_filter is None and window.panel.filter is None


# --- remembered between runs -----------------------------------------------------------------------


def test_mode_sync_and_zoom_are_remembered_between_windows(qtbot, tmp_path):
    ini = tmp_path / "s.ini"
    first = show(qtbot, MainWindow(make_settings(ini)))
    base = first.reading_font().pointSize()
    app_size = QGuiApplication.font().pointSize()
    assert base == (app_size if app_size > 0 else 10)
    view = open_ready(qtbot, first, sample_path())
    first.action(MainAction.MODE_INTERLEAVED).trigger()
    first.action(MainAction.SYNC).setChecked(False)
    first.action(MainAction.ZOOM_IN).trigger()
    first.action(MainAction.ZOOM_IN).trigger()
    assert (
        view.mode == "interleaved" and not view.aligner.synced and view.reading_font.pointSize() == base + 2
    )
    first.close()
    first.settings.q.sync()

    second = show(qtbot, MainWindow(make_settings(ini)))
    assert second.action(MainAction.MODE_INTERLEAVED).isChecked()
    assert not second.action(MainAction.SYNC).isChecked()
    assert second.reading_font().pointSize() == base + 2
    view = open_ready(qtbot, second, sample_path())
    assert view.mode == "interleaved" and view.stack.currentWidget() is view.inter
    assert not view.aligner.synced
    assert view.reading_font.pointSize() == base + 2
    assert view.inter.document().defaultFont().pointSize() == base + 2


def test_the_side_panel_is_filled_once_per_file_and_once_per_call(qtbot, window, monkeypatch):
    """Filling the outline and the speakers (their words counted) is done once for a file opened,
    and once for a call switched to, in a turn other than the one that lays out its document."""
    from reader.ui.window.sidepanel import SidePanel

    filled: list[int] = []
    fill = SidePanel.set_call

    def counted(panel: SidePanel, i: int) -> None:
        if panel.transcript is not None:
            filled.append(i)
        fill(panel, i)

    monkeypatch.setattr(SidePanel, "set_call", counted)
    view = open_ready(qtbot, window, FIXTURES / "multi_call.txt")
    assert filled == [0]
    window.action(MainAction.NEXT_CALL).trigger()
    qtbot.waitUntil(lambda: view.call == 1 and not view.attaching.pending, timeout=5000)
    qtbot.waitUntil(lambda: window.panel.call == 1, timeout=5000)
    assert filled == [0, 1]


def test_the_window_reads_the_outline_of_the_call_shown(qtbot, window):
    view = open_ready(qtbot, window, FIXTURES / "multi_call.txt")
    t = parse_file(FIXTURES / "multi_call.txt")
    assert window.action(MainAction.NEXT_CALL).isEnabled()
    window.action(MainAction.NEXT_CALL).trigger()
    qtbot.waitUntil(lambda: view.call == 1 and window.panel.call == 1, timeout=5000)
    assert window.panel.title.text().startswith(t.calls[1].company)
    window.action(MainAction.PREVIOUS_CALL).trigger()
    qtbot.waitUntil(lambda: view.call == 0 and window.panel.call == 0, timeout=5000)  # (a turn later)


def test_the_tab_and_the_window_are_named_after_the_call_shown(qtbot, window):
    view = open_ready(qtbot, window, FIXTURES / "multi_call.txt")
    assert window.tabs.tabText(0) == "Orbis Drone Systems Q1 2025"
    assert window.windowTitle().startswith("Orbis Drone Systems Q1 2025 \u2014 ")
    window.action(MainAction.NEXT_CALL).trigger()
    qtbot.waitUntil(lambda: view.call == 1 and window.panel.call == 1, timeout=5000)
    assert window.tabs.tabText(0) == "Pennant Foods Q4 2024"
    assert window.windowTitle().startswith("Pennant Foods Q4 2024 \u2014 ")
    window.action(MainAction.PREVIOUS_CALL).trigger()
    qtbot.waitUntil(lambda: view.call == 0 and window.panel.call == 0, timeout=5000)
    assert window.tabs.tabText(0) == "Orbis Drone Systems Q1 2025"
