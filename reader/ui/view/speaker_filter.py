"""The "only this speaker" filter: the blocks of a call's documents shown or folded by speaker."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QTextEdit

from ...core.model import Transcript
from ...core.rows import Row, RowKind
from . import blocks


def show_only(speaker: str | None, t: Transcript, rows: list[Row], panes: Iterable[QTextEdit]) -> None:
    """Fold every row of `rows` (a call of `t`) that is not `speaker`'s, in every pane's document;
    the disclaimer and other notes fold too. None shows every row again."""
    shown = [
        speaker is None or (r.kind is not RowKind.NOTE and t.turns[r.turn].speaker == speaker) for r in rows
    ]
    for pane in panes:
        doc = pane.document()
        block = doc.begin()
        while block.isValid():
            row = blocks.row_of(block)
            block.setVisible(shown[row] if 0 <= row < len(shown) else row < 0)  # (END has no row)
            block = block.next()
        doc.markContentsDirty(0, doc.characterCount())
