"""Copy as Quote in the window: Ctrl+Shift+C and the panes' context menu put the passage in both
languages, its citation and its link on the clipboard as text/plain, text/markdown and text/html."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QGuiApplication, QTextCursor  # noqa: E402

from reader.core.links import link  # noqa: E402
from reader.ui.view import blocks  # noqa: E402
from reader.ui.view.quote import MARKDOWN  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _clear_clipboard(qapp):
    # Offscreen, Qt's clipboard keeps its data in a static destroyed after Python has gone: a
    # QMimeData made in Python still on it then crashes the exit (xcb is unaffected).
    yield
    QGuiApplication.clipboard().clear()


@pytest.fixture
def view(qtbot, make_window):
    window = make_window()
    v = window.open_path(FIXTURES / "basic.txt")
    with qtbot.waitSignal(v.ready, timeout=10000):
        pass
    return window, v


def clipboard() -> dict[str, str]:
    data = QGuiApplication.clipboard().mimeData()
    return {
        "text/plain": data.text(),
        MARKDOWN: bytes(data.data(MARKDOWN).data()).decode("utf-8"),
        "text/html": data.html(),
    }


def block_of(pane, paragraph: int):
    block = pane.document().begin()
    while block.isValid() and blocks.paragraph_of(block) != paragraph:
        block = block.next()
    assert block.isValid()
    return block


def assert_quote(got: dict[str, str], en: str, zh: str, citation: str, url: str) -> None:
    assert set(got) == {"text/plain", MARKDOWN, "text/html"}
    for kind, text in got.items():
        assert en in text and zh in text, kind
        assert citation in text, kind
        assert url in text.replace("&amp;", "&"), kind


def test_copy_as_quote_copies_the_paragraph_at_the_cursor_in_three_formats(view):
    window, v = view
    t = v.transcript
    cursor = QTextCursor(block_of(v.left, 2))
    v.left.setTextCursor(cursor)
    v.left.setFocus()
    window.action(MainAction.COPY_QUOTE).trigger()
    p = t.paragraphs[2]
    assert_quote(
        clipboard(),
        p.en,
        p.zh,
        "Corvane Robotics Q2 2025 earnings call, Elena Varga (Chief Executive Officer), \u00b63",
        link(str(FIXTURES / "basic.txt"), 2),
    )
    assert "\u00b63" in window.statusBar().currentMessage()


def test_a_selection_in_the_chinese_pane_is_quoted_with_its_english_paragraph(view):
    window, v = view
    p = v.transcript.paragraphs[4]
    block = block_of(v.right, 4)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 2, QTextCursor.MoveMode.KeepAnchor)
    v.right.setTextCursor(cursor)
    v.right.setFocus()
    window.action(MainAction.COPY_QUOTE).trigger()
    got = clipboard()
    assert got["text/plain"].startswith(f"\u201c{p.en}\u201d\n\n\u201c{p.zh[:2]}\u201d")
    assert_quote(got, p.en, p.zh[:2], "Raymond Kwok (Chief Financial Officer), \u00b65", "paragraph=4")


def test_the_context_menu_quotes_the_paragraph_under_the_mouse(view):
    window, v = view
    p = v.transcript.paragraphs[1]
    rect = v.left.block_rect(block_of(v.left, 1))
    pos = QPoint(int(rect.left() + 20), int(rect.top() + 5))
    menu = v.left.createStandardContextMenu(pos)
    v.left.menu_source(v.left, menu, pos)
    texts = [a.text() for a in menu.actions()]
    assert "Copy as Quote" in texts
    copy = next(i for i, a in enumerate(menu.actions()) if a.objectName() == "edit-copy")
    assert texts.index("Copy as Quote") == copy + 1  # right after the standard Copy
    assert any(a.text().startswith("Add Note") for a in menu.actions())  # the notes' entries stay
    menu.actions()[texts.index("Copy as Quote")].trigger()
    assert_quote(clipboard(), p.en, p.zh, "Elena Varga (Chief Executive Officer), \u00b62", "paragraph=1")
    menu.deleteLater()


def test_with_no_cursor_in_a_paragraph_the_paragraph_at_the_top_is_quoted(view):
    window, v = view
    v.left.setTextCursor(QTextCursor(v.left.document()))  # the disclaimer: no paragraph
    v.go_to_paragraph(4, mark=False)
    window.action(MainAction.COPY_QUOTE).trigger()
    p = v.transcript.paragraphs[v.top_paragraph()]
    assert v.top_paragraph() == 4
    assert_quote(clipboard(), p.en, p.zh, f"\u00b6{p.index + 1}", "paragraph=4")


def test_copy_as_quote_is_in_the_edit_menu_with_its_shortcut_and_off_without_a_transcript(make_window):
    window = make_window()
    action = window.action(MainAction.COPY_QUOTE)
    assert action.shortcut().toString() == "Ctrl+Shift+C"
    assert action in window.menus["edit"].actions()
    assert not action.isEnabled()
