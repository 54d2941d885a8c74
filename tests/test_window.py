"""The first window: the sample opens by default, both languages show, markup stays literal."""

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from reader.core.parser import parse_bytes  # noqa: E402
from reader.ui.app import sample_path  # noqa: E402
from reader.ui.window import MainWindow  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def test_sample_is_shipped_and_is_a_transcript():
    t = parse_bytes(sample_path().read_bytes())
    assert t.languages == ["en", "zh"] and t.qa_start is not None and t.warnings == []


def test_window_shows_both_languages(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(sample_path())
    en, zh = window.panes["en"].toPlainText(), window.panes["zh"].toPlainText()
    t = parse_bytes(sample_path().read_bytes())
    assert t.paragraphs[0].en in en
    assert t.paragraphs[0].zh in zh
    assert "Lumora" in window.windowTitle()


def test_markup_in_the_text_is_shown_literally(qtbot, tmp_path):
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8").split("\n")
    text[3] = "We said <b>record</b> revenue &amp; <script>alert(1)</script> margins."
    path = tmp_path / "markup.txt"
    path.write_text("\n".join(text), encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(path)
    assert text[3] in window.panes["en"].toPlainText()


def test_not_a_transcript_shows_a_message_and_keeps_the_window(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("reader.ui.window.QMessageBox.warning", lambda *args: shown.append(args[2]))
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_path(sample_path())
    before = window.panes["en"].toPlainText()
    window.open_path(FIXTURES / "not_a_transcript.txt")
    assert shown and "not a transcript" in shown[0]
    assert window.panes["en"].toPlainText() == before


def test_a_window_without_a_transcript_says_how_to_open_one(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    assert "Open" in window.statusBar().currentMessage()
