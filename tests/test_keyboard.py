"""The window from the keyboard: every command of a menu is reached by a shortcut or by the
mnemonics of its menu, Tab and Shift+Tab walk every panel and come back (no control keeps the
focus), and the list, tree or pane with the focus is ringed in the selection colour, in each
theme."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QColor, QKeySequence, QPalette  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QMenu, QWidget  # noqa: E402

from reader.ui import theme  # noqa: E402
from reader.ui.window.actions import SPECS, MainAction  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
MOST_STEPS = 80  # more Tabs than the window has controls


@pytest.fixture
def window(qtbot, make_window):
    """The window with a transcript, every panel and the find bar shown, the focus in its pane."""
    w = make_window()
    v = w.open_path(FIXTURES / "basic.txt")
    with qtbot.waitSignal(v.ready, timeout=10000):
        pass
    w.action(MainAction.NOTES_PANEL).setChecked(True)
    w.action(MainAction.LIBRARY_PANEL).setChecked(True)
    w.action(MainAction.SEARCH).trigger()
    v.finding.open()
    qtbot.waitUntil(lambda: w.search.search_panel is not None and w.notes.panel is not None)
    qtbot.waitUntil(lambda: w.search.search_panel.isVisible() and w.notes.panel.isVisible())
    w.activateWindow()
    v.active_pane().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is v.active_pane())
    return w


def mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def test_every_menu_command_has_a_shortcut_or_a_mnemonic_of_its_own(window):
    bar = [entry.text() for entry in window.menuBar().actions()]
    keys = [mnemonic(text) for text in bar]
    assert all(keys) and len(set(keys)) == len(keys), bar  # Alt+letter opens each menu
    in_menus = 0
    for entry in window.menuBar().actions():
        menu = entry.menu()
        assert isinstance(menu, QMenu)
        entries = [a for a in menu.actions() if not a.isSeparator()]
        letters = [mnemonic(a.text()) for a in entries]
        for action in entries:
            own = mnemonic(action.text())
            reached = bool(action.shortcuts()) or (own and letters.count(own) == 1)
            assert reached, f"{menu.title()} ▸ {action.text()}: no shortcut and no mnemonic of its own"
            in_menus += action.objectName() in set(MainAction)
    assert in_menus == sum(window.action(s.id) in window.menus[s.menu].actions() for s in SPECS)
    bound = [k.toString() for s in SPECS for k in window.action(s.id).shortcuts()]
    assert len(set(bound)) == len(bound), "a key bound to two commands"


def walk(key: Qt.Key, start: QWidget) -> list[QWidget]:
    """The widgets the focus goes to, pressing `key` from `start` until it is back there."""
    seen: list[QWidget] = []
    for _ in range(MOST_STEPS):
        before = QApplication.focusWidget()
        QTest.keyClick(before, key)
        after = QApplication.focusWidget()
        assert after is not None and after is not before, f"{type(before).__name__} keeps the focus"
        seen.append(after)
        if after is start:
            return seen
    raise AssertionError(f"the focus never came back to the pane: {[type(w).__name__ for w in seen]}")


def test_tab_and_shift_tab_walk_every_panel_and_come_back(window):
    v = window.view()
    start = v.active_pane()
    forward = walk(Qt.Key.Key_Tab, start)
    panel, notes, search = window.panel, window.notes.panel, window.search.search_panel
    wanted = {
        "English pane": v.left,
        "Chinese pane": v.right,
        "find field": v.finding.bar.edit,
        "open transcripts": window.tabs.tabBar(),
    }
    for name, widget in wanted.items():
        assert widget in forward, name
    for owner in (panel, notes, search, window.search.library_panel):
        views = [w for w in owner.findChildren(QAbstractItemView) if w.isVisible() and takes_tab(w)]
        assert views and all(view in forward for view in views), type(owner).__name__
    backward = walk(Qt.Key.Key_Backtab, start)
    assert backward[:-1] == list(reversed(forward[:-1]))


def takes_tab(w: QWidget) -> bool:
    """Whether Tab gives the widget the focus (a list's header, for one, takes none)."""
    return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)


def focusable(root: QWidget) -> list[QWidget]:
    """The visible, enabled widgets under `root` that take the focus from Tab (a combo box's
    popup list aside)."""
    out = []
    for w in root.findChildren(QWidget):
        if not (w.isVisible() and w.isEnabled() and takes_tab(w)):
            continue
        if w.focusProxy() is not None or isinstance(w.parentWidget(), QComboBox):
            continue
        if any(isinstance(p, QComboBox) for p in _ancestors(w)) and not isinstance(w, QComboBox):
            continue
        out.append(w)
    return out


def _ancestors(w: QWidget) -> list[QWidget]:
    out, p = [], w.parentWidget()
    while p is not None:
        out.append(p)
        p = p.parentWidget()
    return out


def test_every_control_that_takes_the_focus_is_on_the_tab_chain(window):
    reached = set(walk(Qt.Key.Key_Tab, window.view().active_pane()))
    candidates = focusable(window)
    assert len(candidates) >= 15  # panes, panels' lists and fields, the find bar, the tabs
    missed = [f"{type(w).__name__} {w.accessibleName()!r}" for w in candidates if w not in reached]
    assert missed == []


# --- a visible focus ----------------------------------------------------------------------------


def edge_colour(widget: QWidget) -> QColor:
    """The colour on screen half way down the widget's left edge (its children painted too)."""
    image = widget.window().grab().toImage()
    at = widget.mapTo(widget.window(), QPoint(0, widget.height() // 2))
    return image.pixelColor(at)


@pytest.mark.parametrize("choice", ["light", "dark", "high-contrast"])
def test_the_list_tree_or_pane_with_the_focus_is_ringed_in_the_selection_colour(qtbot, window, qapp, choice):
    style, palette = qapp.style().name(), qapp.palette()
    try:
        theme.apply_scheme(choice)
        highlight = qapp.palette().color(QPalette.ColorRole.Highlight)
        v = window.view()
        outline = next(w for w in window.panel.findChildren(QAbstractItemView) if w.isVisible())
        notes = next(w for w in window.notes.panel.findChildren(QAbstractItemView) if w.isVisible())
        for widget, other in ((v.left, outline), (outline, notes), (notes, v.right)):
            other.setFocus()
            qtbot.waitUntil(lambda other=other: other.hasFocus())
            plain = edge_colour(widget)
            widget.setFocus()
            qtbot.waitUntil(lambda widget=widget: widget.hasFocus())
            qtbot.waitUntil(lambda widget=widget: edge_colour(widget) == highlight)
            assert plain != highlight, (choice, type(widget).__name__)
        window.view().finding.bar.edit.setFocus()  # a line edit shows its focus itself
        qtbot.waitUntil(lambda: not window.extra.focus_ring.isVisible())
    finally:
        theme.apply_scheme("system")
        QApplication.setStyle(style)
        qapp.setPalette(palette)


def test_the_ring_survives_the_view_it_rings_going(qtbot, window):
    v = window.view()
    v.left.setFocus()
    qtbot.waitUntil(lambda: window.extra.focus_ring.parentWidget() is v.left)
    window.close_view(v)
    qtbot.waitUntil(lambda: window.extra.focus_ring.parentWidget() is window)
    again = window.open_path(FIXTURES / "basic.txt")
    with qtbot.waitSignal(again.ready, timeout=10000):
        pass
    again.active_pane().setFocus()
    qtbot.waitUntil(lambda: window.extra.focus_ring.parentWidget() is again.active_pane())
