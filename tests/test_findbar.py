"""The find bar: debounced query, Enter / Shift+Enter / Escape, the count label."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.ui.view.findbar import DEBOUNCE_MS, FindBar


@pytest.fixture
def bar(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    bar = FindBar(parent)
    parent.show()
    bar.open()
    qtbot.waitExposed(parent)
    yield bar  # (the parent must outlive the test: qtbot holds it weakly)


def test_open_shows_focuses_and_selects(bar, qtbot):
    bar.hide()
    bar.open("營收")
    assert bar.isVisible()
    assert bar.query() == "營收"
    assert bar.edit.selectedText() == "營收"
    qtbot.waitUntil(bar.edit.hasFocus)
    bar.open()  # no text: keeps the last query, selected
    assert bar.query() == "營收"
    assert bar.edit.selectedText() == "營收"


def test_placeholder_and_buttons(bar):
    assert bar.edit.placeholderText() == "Find in both languages (Traditional = Simplified)"
    for button, fallback in ((bar.previous_button, "▲"), (bar.next_button, "▼")):
        assert not button.icon().isNull() or button.text() == fallback


def test_typing_fast_emits_one_debounced_query(bar, qtbot):
    seen = []
    bar.queryChanged.connect(seen.append)
    with qtbot.waitSignal(bar.queryChanged, timeout=2000) as blocker:
        qtbot.keyClicks(bar.edit, "revenue")
        assert seen == []  # nothing yet: still within the debounce
    assert blocker.args == ["revenue"]
    qtbot.wait(DEBOUNCE_MS * 2)
    assert seen == ["revenue"]


def test_enter_flushes_a_pending_query_without_skipping_a_match(bar, qtbot):
    queries, nexts = [], []
    bar.queryChanged.connect(queries.append)
    bar.nextRequested.connect(lambda: nexts.append(1))
    for char in "營收":  # (QTest types ASCII only; an input method inserts like this)
        bar.edit.insert(char)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert queries == ["營收"]  # at once, not after the debounce
    assert nexts == []  # the new search itself goes to the first match
    qtbot.wait(DEBOUNCE_MS * 2)
    assert queries == ["營收"]  # and not again when the timer would have fired


def test_enter_and_shift_enter_move_between_matches(bar, qtbot):
    bar.edit.setText("cost")
    qtbot.waitSignal(bar.queryChanged, timeout=2000).wait()
    with qtbot.waitSignal(bar.nextRequested, timeout=500):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(bar.nextRequested, timeout=500):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Enter)  # the keypad's Enter
    with qtbot.waitSignal(bar.previousRequested, timeout=500):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.assertNotEmitted(bar.nextRequested):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)


def test_buttons_emit(bar, qtbot):
    with qtbot.waitSignal(bar.nextRequested, timeout=500):
        bar.next_button.click()
    with qtbot.waitSignal(bar.previousRequested, timeout=500):
        bar.previous_button.click()
    with qtbot.waitSignal(bar.closed, timeout=500):
        bar.close_button.click()
    assert not bar.isVisible()


def test_escape_hides_and_emits_closed(bar, qtbot):
    qtbot.keyClicks(bar.edit, "x")
    with (
        qtbot.waitSignal(bar.closed, timeout=500),
        qtbot.assertNotEmitted(bar.queryChanged, wait=DEBOUNCE_MS * 2),
    ):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_count_label(bar):
    bar.set_count(None, 0)
    assert bar.count_label.text() == ""  # empty query
    bar.edit.setText("revenue")
    bar.set_count(2, 12)
    assert bar.count_label.text() == "3 of 12"
    assert bar.edit.styleSheet() == ""
    bar.set_count(None, 12)
    assert bar.count_label.text() == "12 matches"
    bar.set_count(None, 0)
    assert bar.count_label.text() == "No matches"
    assert "background-color" in bar.edit.styleSheet()  # tinted
    bar.set_count(0, 1)
    assert bar.count_label.text() == "1 of 1"
    assert bar.edit.styleSheet() == ""
    bar.set_count(None, 0)
    bar.edit.clear()  # clearing the field clears the label and the tint at once
    assert bar.count_label.text() == ""
    assert bar.edit.styleSheet() == ""


def test_enter_and_escape_win_over_window_shortcuts(bar, qtbot):
    window = bar.parentWidget()
    fired = []
    for key in ("Esc", "Return"):
        action = QAction(key, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False, key=key: fired.append(key))
        window.addAction(action)
    with qtbot.waitSignal(bar.nextRequested, timeout=500):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    with qtbot.waitSignal(bar.closed, timeout=500):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert fired == []
