"""Edit ▸ Paste as New Transcript opens the clipboard's transcript in a tab; Save As keeps it where
the user says; the side panel shows a page's summary apart from the transcript."""

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from reader.core.paths import is_pasted, pasted_dir
from reader.ui import config
from reader.ui.window.actions import MainAction

FIXTURES = Path(__file__).parent / "fixtures"


def current_ready(qtbot, window, count):
    qtbot.waitUntil(lambda: window.tabs.count() == count, timeout=10000)
    view = window.view()
    qtbot.waitUntil(lambda: view.transcript is not None and not view.partial, timeout=10000)
    return view


def test_a_pasted_transcript_opens_in_a_tab_and_is_saved_where_asked(qtbot, make_window, tmp_path):
    window = make_window()
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8")
    QGuiApplication.clipboard().setText(text)
    window.action(MainAction.PASTE_TRANSCRIPT).trigger()
    view = current_ready(qtbot, window, 1)
    assert is_pasted(view.path)
    qtbot.waitUntil(lambda: window.tabs.tabText(0).endswith("(pasted)"), timeout=10000)
    fingerprint = view.transcript.fingerprint
    assert str(view.path) not in window.settings.get(config.RECENT)
    pasted = view.path
    target = tmp_path / "kept.txt"
    assert window.pasted.save_as(target) == target
    saved = current_ready(qtbot, window, 1)
    assert saved.path == target and target.read_text(encoding="utf-8").strip() == text.strip()
    assert saved.transcript.fingerprint == fingerprint  # the same content: its notes follow it
    assert not pasted.exists()
    qtbot.waitUntil(lambda: window.tabs.tabText(0).startswith("Corvane"), timeout=10000)


def test_html_on_the_clipboard_is_read_line_by_line(qtbot, make_window):
    window = make_window()
    lines = (FIXTURES / "basic.txt").read_text(encoding="utf-8").splitlines()
    mime = QMimeData()
    mime.setHtml("<ul>" + "".join(f"<li>\u2022 {line}</li>" for line in lines) + "</ul>")
    mime.setText("a copy the browser made worse")
    QGuiApplication.clipboard().setMimeData(mime)
    window.action(MainAction.PASTE_TRANSCRIPT).trigger()
    view = current_ready(qtbot, window, 1)
    assert len(view.transcript.paragraphs) > 5


def test_what_is_no_transcript_is_said_and_opens_nothing(qtbot, make_window):
    window = make_window()
    QGuiApplication.clipboard().setText("milk\neggs\nbread\n")
    window.action(MainAction.PASTE_TRANSCRIPT).trigger()
    qtbot.waitUntil(lambda: "Cannot paste" in window.statusBar().currentMessage(), timeout=10000)
    assert window.tabs.count() == 0
    assert not pasted_dir().exists() or list(pasted_dir().iterdir()) == []


def test_a_pages_summary_is_in_the_outline_not_the_transcript(qtbot, make_window, tmp_path):
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8")
    disclaimer, rest = text.split("\n", 1)
    page = tmp_path / "page.txt"
    page.write_text(
        "Corvane Robotics 2025 Q2 法說會逐字稿\n內容摘要\n第二季出貨創新高。\n完整原文\n"
        + disclaimer
        + "\n"
        + rest,
        encoding="utf-8",
    )
    window = make_window()
    view = window.open_path(page)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    outline = window.panel.outline
    top = outline.topLevelItem(0)
    assert top.text(0) == "Summary" and top.child(0).text(0) == "第二季出貨創新高。"
    assert all("第二季出貨創新高" not in (p.zh or "") for p in view.transcript.paragraphs)


def test_file_save_transcript_as_asks_where_and_saves_there(qtbot, make_window, tmp_path, monkeypatch):
    # The menu's action handed its `checked` (False) over as the target: an exception, nothing saved.
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    source = tmp_path / "call.txt"
    source.write_text((FIXTURES / "basic.txt").read_text(encoding="utf-8"), encoding="utf-8")
    view = window.open_path(source)
    with qtbot.waitSignal(view.ready, timeout=10000):  # the action is enabled once it is shown
        pass
    assert window.action(MainAction.SAVE_AS).isEnabled()
    target = tmp_path / "kept" / "copy.txt"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.action(MainAction.SAVE_AS).trigger()
    saved = current_ready(qtbot, window, 1)
    assert saved.path == target and target.read_bytes() == source.read_bytes()
