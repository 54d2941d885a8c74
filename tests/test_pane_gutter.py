"""The gutter of a reading pane: mismatch flags and note markers are painted beside the blocks on
screen, and beside blocks further down once they are scrolled into view."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QColor, QTextCursor, QTextDocument  # noqa: E402

from reader.ui.view.document import LEFT_GUTTER  # noqa: E402
from reader.ui.view.pane import Pane  # noqa: E402

FLAG = QColor("#d03030")
MARKER = QColor("#2060d0")


@pytest.fixture
def pane(qtbot) -> Pane:
    pane = Pane("test")
    qtbot.addWidget(pane)
    doc = QTextDocument(pane)
    root = doc.rootFrame().frameFormat()
    root.setLeftMargin(LEFT_GUTTER)
    doc.rootFrame().setFrameFormat(root)
    cursor = QTextCursor(doc)
    for n in range(200):
        if n:
            cursor.insertBlock()
        cursor.insertText(f"Paragraph {n}: revenue grew 12% to RMB1.3 billion in the quarter.")
    pane.resize(500, 300)
    pane.set_document(doc, list(range(200)))
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.painted, timeout=3000)  # laid out: hit tests find the blocks
    return pane


def colours_at(pane: Pane, x: float, row: int) -> set[str]:
    """The colours along the middle of a row's first block, at one x of the viewport."""
    image = pane.viewport().grab().toImage()
    rect = pane.block_rect(pane.block_of_row(row))
    found = set()
    for y in range(int(rect.top()) + 3, int(rect.bottom()) - 3):
        if 0 <= y < image.height():
            found.add(image.pixelColor(int(x), y).name())
    return found


def test_flags_and_markers_are_painted_on_screen_and_once_scrolled_into_view(qtbot, pane):
    first, last = pane.visible_blocks()
    assert first == 0 and 5 < last < 150
    pane.set_flags({2: FLAG, 180: FLAG})
    pane.set_markers({3: (MARKER, True), 185: (MARKER, True)})
    flag_x, marker_x = LEFT_GUTTER - 10, LEFT_GUTTER - 20
    qtbot.waitUntil(lambda: FLAG.name() in colours_at(pane, flag_x, 2), timeout=3000)
    assert MARKER.name() in colours_at(pane, marker_x, 3)
    assert FLAG.name() not in colours_at(pane, flag_x, 4)  # an unflagged row stays clear

    pane.scroll_to_row(178)
    qtbot.waitUntil(lambda: pane.visible_blocks()[0] >= 170, timeout=3000)
    qtbot.waitUntil(lambda: FLAG.name() in colours_at(pane, flag_x, 180), timeout=3000)
    assert MARKER.name() in colours_at(pane, marker_x, 185)
    assert FLAG.name() not in colours_at(pane, flag_x, 181)
