"""Nothing a reader must read is cut off or left stale: a file's warnings show whole in a banner
that wraps (all of them behind Show All), "Adding to the library and indexing…" gives way when
the indexing ends, squeezed panels wrap their hints and elide their filters with the whole text
in a tooltip and the list, and the side panel says "Outline" once."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit  # noqa: E402

from reader.core.parser import parse_file  # noqa: E402
from reader.ui.widgets.fitting import ElidedCombo, FlowGrid  # noqa: E402
from reader.ui.widgets.html_delegate import HTML_ROLE  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
GARBLED = " We think there\u00e2s more to come."  # "there’s" mis-encoded upstream


def garbled(tmp_path: Path, lines: tuple[int, ...], name: str = "garbled.txt") -> Path:
    """basic.txt with English lines (0-based line numbers) carrying mis-encoded text."""
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8").split("\n")
    for i in lines:
        text[i] += GARBLED
    path = tmp_path / name
    path.write_text("\n".join(text), encoding="utf-8")
    return path


def open_ready(qtbot, window, path: Path):
    view = window.open_path(path)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    return view


def test_a_files_warning_shows_whole_in_a_banner_that_wraps_with_its_tab(qtbot, make_window, tmp_path):
    path = garbled(tmp_path, (3,))
    (warning,) = parse_file(path).warnings
    window = make_window()
    window.resize(700, 600)
    first = open_ready(qtbot, window, path)
    banner = window.file_warnings.shown()
    assert banner is not None
    assert warning in banner.label.text() and "garbled.txt" in banner.label.text()
    assert not banner.buttons.count()  # one warning: nothing more to show
    assert "warning" not in window.statusBar().currentMessage()  # not a message that goes by, cut
    # The text wraps in the narrow window: the label is as tall as its wrapped lines need.
    qtbot.waitUntil(lambda: banner.label.height() >= banner.label.heightForWidth(banner.label.width()))
    assert banner.label.wordWrap() and banner.label.heightForWidth(banner.label.width()) > 2 * (
        banner.label.fontMetrics().height()
    )
    # Another file without warnings: no banner; back to the first, its banner again.
    open_ready(qtbot, window, FIXTURES / "basic.txt")
    assert window.file_warnings.shown() is None
    window.tabs.setCurrentWidget(first)
    assert window.file_warnings.shown() is banner
    banner.dismiss.click()
    assert window.file_warnings.shown() is None
    window.tabs.setCurrentIndex(1)
    window.tabs.setCurrentWidget(first)
    assert window.file_warnings.shown() is None  # dismissed: until the file is read again


def test_many_warnings_show_three_and_every_one_behind_show_all(qtbot, make_window, tmp_path):
    path = garbled(tmp_path, (3, 7, 9, 11, 15))
    warnings = parse_file(path).warnings
    assert len(warnings) == 5
    window = make_window()
    open_ready(qtbot, window, path)
    banner = window.file_warnings.shown()
    text = banner.label.text()
    assert all(w in text for w in warnings[:3]) and warnings[3] not in text
    assert "and 2 more" in text
    (show_all,) = [banner.buttons.itemAt(i).widget() for i in range(banner.buttons.count())]
    assert show_all.text() == "Show All"
    show_all.click()
    dialog = window.findChild(QPlainTextEdit).window()
    assert dialog.objectName() == "file-warnings-all" and dialog.isVisible()
    assert dialog.findChild(QPlainTextEdit).toPlainText() == "\n".join(warnings)
    dialog.close()


def test_adding_to_the_library_is_said_until_the_indexing_ends(qtbot, make_window, tmp_path):
    window = make_window()
    service = window.search.service
    qtbot.waitUntil(lambda: service.snapshot is not None and not service.indexing, timeout=30000)
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "basic.txt").write_bytes((FIXTURES / "basic.txt").read_bytes())
    window.search.add([str(folder)])
    adding = "Adding to the library and indexing\u2026"
    assert window.statusBar().currentMessage() == adding
    qtbot.waitUntil(lambda: service.indexing, timeout=30000)
    assert window.statusBar().currentMessage() == adding  # true while it runs
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != adding, timeout=60000)
    assert not service.indexing
    assert window.statusBar().currentMessage() == "1 call in the library"


def test_an_elided_combo_ends_in_an_ellipsis_and_says_it_whole_in_its_tooltip(qtbot):
    combo = ElidedCombo()
    qtbot.addWidget(combo)
    combo.setToolTip("Show one role only")
    combo.addItem("Management (19)")
    combo.resize(70, combo.sizeHint().height())
    combo.show()
    combo.grab()  # painted
    assert combo.elided
    assert combo.toolTip() == "Management (19)\nShow one role only"
    combo.resize(400, combo.height())
    combo.grab()
    assert not combo.elided and combo.toolTip() == "Show one role only"


def test_a_flow_grid_puts_as_many_columns_as_fit(qtbot):
    boxes = [QComboBox() for _ in range(6)]
    grid = FlowGrid(boxes, 3, 120)
    qtbot.addWidget(grid)
    assert [grid.fitting(w) for w in (800, 380, 250, 130, 40)] == [3, 3, 2, 1, 1]
    grid.resize(260, 200)
    grid.show()
    qtbot.waitUntil(lambda: grid.columns == 2)
    assert grid.grid.getItemPosition(grid.grid.indexOf(boxes[3]))[:2] == (1, 1)


def test_both_side_panels_in_a_small_window_cut_no_hint_and_no_filter(qtbot, make_window, tmp_path):
    window = make_window()
    window.resize(1000, 700)
    open_ready(qtbot, window, FIXTURES / "basic.txt")
    window.action(MainAction.NOTES_PANEL).setChecked(True)
    search = window.search.show_search()
    notes = window.notes.show_panel()
    qtbot.waitUntil(lambda: search.isVisible() and notes.isVisible())
    qtbot.waitUntil(lambda: notes.tree.topLevelItemCount() > 0, timeout=10000)
    # The empty notes list's hint wraps (rich text, as tall as it needs), never elided.
    empty = notes.tree.topLevelItem(0)
    assert "Select a passage" in empty.data(0, HTML_ROLE)
    # The query's hint fits its field; the syntax is in its tooltip.
    query = search.query
    assert query.fontMetrics().horizontalAdvance(query.placeholderText()) < query.width() - 20
    assert '"a phrase"' in query.toolTip()
    # Every filter shows its text whole, or elided with the whole text in its tooltip.
    role = search.filters["role"]
    role.setItemText(1, "Management (19)")
    role.blockSignals(True)
    role.setCurrentIndex(1)
    role.blockSignals(False)
    for box in search.filters.values():
        box.grab()
        text = box.currentText()
        assert not box.elided or box.toolTip().startswith(text), text
    assert not role.elided  # at 1000x700 with both panels it fits, in two columns


def test_the_side_panel_says_outline_once(make_window):
    window = make_window()
    texts = [window.dock.windowTitle()] + [label.text() for label in window.dock.findChildren(QLabel)]
    assert texts.count("Outline") == 1
    assert window.dock.windowTitle() == window.action(MainAction.PANEL).text().replace("&", "")


def test_a_files_warnings_banner_is_there_in_its_texts_first_paint(qtbot, make_window, tmp_path):
    # Shown after it, it pushed the text the reader had begun to read down by its height.
    window = make_window()
    view = window.open_path(garbled(tmp_path, (3,)))
    at_paint: dict[str, object] = {}
    view.textPainted.connect(
        lambda: at_paint.update(
            banner=window.file_warnings.shown(), top=view.left.mapTo(window, QPoint(0, 0))
        )
    )
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    assert at_paint["banner"] is not None and at_paint["banner"] is window.file_warnings.shown()
    assert view.left.mapTo(window, QPoint(0, 0)) == at_paint["top"]  # the panes did not move
