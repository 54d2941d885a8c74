"""Marks laid over a pane's text as extra selections: a whole row tinted (hover, current
paragraph) or the find matches in it. The pane keeps them in layers (`Pane.set_layer`)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from ...core.find import Match
from ..theme import Colours
from . import blocks


def row_marks(row_blocks: Iterable[QTextBlock], colour: QColor) -> list[QTextEdit.ExtraSelection]:
    """The full width of each block of a row, tinted, every line of it: a full-width mark tints
    the lines its cursor's selection spans (an empty one, its first line only)."""
    out = []
    for block in row_blocks:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = QTextCursor(block)
        sel.cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        sel.format.setBackground(colour)
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        out.append(sel)
    return out


def match_marks(
    shown: Iterable[tuple[Match, list[QTextBlock]]], current: Match | None, colours: Colours
) -> list[QTextEdit.ExtraSelection]:
    """Each match in the blocks of its row that hold its language (never in a gap marker), the
    current one in a stronger colour."""
    out = []
    for m, row_blocks in shown:
        for block in row_blocks:
            if blocks.lang_of(block) != m.lang or blocks.is_gap(block):
                continue
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + m.start)
            cursor.setPosition(block.position() + m.end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(colours.find_current if m is current else colours.find)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = fmt
            out.append(sel)
    return out
