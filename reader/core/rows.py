"""The rows a call is read in: what the panes show, in order, the same in every language.

A row is a speaker header, a paragraph, or the disclaimer note. Side by side, row i of the English
pane and row i of the Chinese pane stand for the same thing, which is what keeps them in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .model import Transcript


class RowKind(StrEnum):
    NOTE = "note"  # the machine-translation disclaimer, shown once
    HEADER = "header"  # a speaker line: name, title, role
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a call as the panes show it: the disclaimer, a speaker header or a paragraph."""

    kind: RowKind
    turn: int = -1  # Transcript.turns index (headers and paragraphs)
    paragraph: int = -1  # Transcript.paragraphs index (paragraphs only)


def call_rows(t: Transcript, call: int) -> list[Row]:
    """The rows of one call. The disclaimer opens the first call only."""
    c = t.calls[call]
    rows: list[Row] = []
    if call == 0 and t.header:
        rows.append(Row(RowKind.NOTE))
    for turn in t.turns[c.first_turn : c.end_turn]:
        if turn.speaker:
            rows.append(Row(RowKind.HEADER, turn.index))
        rows.extend(Row(RowKind.PARAGRAPH, turn.index, p) for p in turn.paragraphs)
    return rows


def call_of(t: Transcript, paragraph: int) -> int:
    return t.paragraphs[paragraph].call if 0 <= paragraph < len(t.paragraphs) else 0


def paragraph_from(rows: list[Row], row: int, last: bool = False) -> int:
    """The first paragraph at or after `row` (a header or a gap counts as the paragraph after
    it); past the last paragraph -1, or with `last` the last row's paragraph."""
    for r in rows[row:]:
        if r.kind is RowKind.PARAGRAPH:
            return r.paragraph
    if last and rows and rows[-1].paragraph >= 0:
        return rows[-1].paragraph
    return -1


# Rows of a call, from the place it opens at, whose figures come with its first paint: more than
# a screen holds (the panes' highlighters colour as many at once before a document is shown).
FIRST_ROWS = 48


def first_screen(rows: list[Row], paragraph: int) -> list[int]:
    """The paragraphs of the first screen shown with `paragraph` at its top: FIRST_ROWS rows of
    the call, from its top for its first paragraph, else from the row above (a turn's header)."""
    at = next((i for i, r in enumerate(rows) if r.paragraph == paragraph), 0)
    first = next((i for i, r in enumerate(rows) if r.paragraph >= 0), 0)
    start = 0 if at <= first else at - 1
    return [r.paragraph for r in rows[start : start + FIRST_ROWS] if r.paragraph >= 0]


def opening_place(t: Transcript, first_call: int, at: int | None) -> tuple[int, int]:
    """(call, paragraph at the top) of a file opened at paragraph `at` (a restored place, a
    link), or without one at the top of call `first_call`."""
    if at is not None and 0 <= at < len(t.paragraphs):
        return t.paragraphs[at].call, at
    call = min(first_call, len(t.calls) - 1)
    return call, t.calls[call].first
