"""The counterpart (hover) and go-to marks tint the whole paragraph, every line of it, and follow
the reader: after a wheel scroll the hover mark is on the row now under the mouse, and the go-to
mark no longer stays on a paragraph scrolled away from (issue 24, report 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QTextFormat, QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.core.modes import Mode  # noqa: E402
from reader.ui import config  # noqa: E402
from reader.ui.view.pane import Pane, blocks_left  # noqa: E402

LONG = Path(__file__).parent / "fixtures" / "place" / "long_call.txt"


@pytest.fixture
def view(qtbot, make_window):
    window = make_window()
    window.settings.set(config.VIEW_MODE, Mode.SIDE)
    v = window.open_path(LONG)
    with qtbot.waitSignal(v.ready, timeout=15000):
        pass
    return v


def spans(pane: Pane, layer: str) -> list[tuple[int, int, int]]:
    """(block number, selection start, end) of each full-width mark the pane shows."""
    return [
        (s.cursor.block().blockNumber(), s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in pane.layer(layer)
        if s.format.boolProperty(QTextFormat.Property.FullWidthSelection)
    ]


def whole(pane: Pane, row: int) -> list[tuple[int, int, int]]:
    return [(b.blockNumber(), b.position(), b.position() + b.length() - 1) for b in pane.blocks_of_row(row)]


def a_long_paragraph(view) -> int:
    """A row whose paragraph wraps over several lines in both panes, in the middle of the call."""
    return next(
        row
        for row in range(len(view.rows) // 2, len(view.rows))
        if min(pane.block_of_row(row).layout().lineCount() for pane in (view.left, view.right)) >= 2
    )


def wheel(pane: Pane, at: QPoint, clicks: int) -> None:
    event = QWheelEvent(
        QPointF(at),
        QPointF(pane.viewport().mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, -120 * clicks),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(pane.viewport(), event)


def test_the_counterpart_mark_covers_every_line_of_the_paragraph(view):
    row = a_long_paragraph(view)
    view.left.rowHovered.emit(row)
    assert spans(view.right, "hover") == whole(view.right, row)


def test_the_go_to_mark_covers_the_paragraph_and_goes_once_the_reader_scrolls_away(qtbot, view):
    row = a_long_paragraph(view)
    paragraph = view.rows[row].paragraph
    view.go_to_paragraph(paragraph)
    assert view.current.row == row
    assert spans(view.left, "current") == whole(view.left, row)
    assert spans(view.right, "current") == whole(view.right, row)
    wheel(view.left, QPoint(int(blocks_left(view.left)) + 40, 40), 3)
    assert view.current.row == -1
    assert spans(view.left, "current") == spans(view.right, "current") == []
    qtbot.waitUntil(lambda: view.top_paragraph() > paragraph, timeout=3000)


def test_after_a_wheel_scroll_the_hover_mark_is_on_the_row_under_the_mouse(qtbot, view):
    view.go_to_paragraph(view.rows[a_long_paragraph(view)].paragraph, mark=False)
    at = QPoint(int(blocks_left(view.left)) + 40, 60)
    before = view.left.row_at(at)
    view.left.rowHovered.emit(before)  # as a mouse move there would
    wheel(view.left, at, 3)
    after = view.left.row_at(at)
    assert after != before
    assert spans(view.right, "hover") == whole(view.right, after)
