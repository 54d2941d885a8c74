"""A pane scrolls on past the end of its text: the last paragraphs can be the place at the top."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QTextCursor, QTextDocument  # noqa: E402

from reader.ui.view.pane import TAIL_LINES, Pane  # noqa: E402


def document(parent: Pane, paragraphs: int) -> QTextDocument:
    doc = QTextDocument(parent)
    cursor = QTextCursor(doc)
    for n in range(paragraphs):
        if n:
            cursor.insertBlock()
        cursor.insertText(f"Paragraph {n}: revenue grew 12% to RMB1.3 billion in the quarter, said the CFO.")
    return doc


@pytest.fixture
def pane(qtbot) -> Pane:
    pane = Pane("test")
    qtbot.addWidget(pane)
    pane.resize(500, 300)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_the_end_of_the_text_scrolls_up_to_the_top(qtbot, pane):
    for paragraphs in (40, 4000):  # laid out at once, and in Qt's steps
        doc = document(pane, paragraphs)
        pane.set_document(doc, list(range(paragraphs)))
        bar = pane.verticalScrollBar()
        qtbot.waitUntil(lambda d=doc: d.lastBlock().layout().lineCount() > 0, timeout=20000)
        height = doc.documentLayout().documentSize().height()
        tail = TAIL_LINES * pane.fontMetrics().lineSpacing()
        qtbot.waitUntil(lambda b=bar, h=height, t=tail: abs(b.maximum() - (h - t)) <= 2, timeout=5000)
        assert bar.maximum() > height - pane.viewport().height()  # past the end of the text
