"""The worker side of showing a transcript: reading and parsing a file, finding the figures of
a call and building its documents, all off the GUI thread. Nothing here touches a widget; the
documents built are moved to the GUI thread for the view to show.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from ...core.model import Paragraph, Transcript
from ...core.modes import Mode, fitting
from ...core.parser import parse_decoded, parse_head, read_file
from ...core.rows import Row, call_rows
from ..theme import Colours
from ..workers import Job, while_gui_waits
from .document import Built, build
from .highlighter import SYNC_BLOCKS

if TYPE_CHECKING:  # the figure lexer (Pygments) is imported when figures are found, not before
    from ...core.analysis import ParagraphFigures


@dataclass
class Loaded:
    """What the worker hands the view: the transcript, the figures of the call shown first, and
    that call's documents for the mode it opens in, built off the GUI thread."""

    transcript: Transcript
    call: int
    figures: dict[int, ParagraphFigures]
    documents: dict[str, Built]


HEAD = 300_000  # characters of a big file parsed first, to show its first call early
# Rows of a call from the place it opens at whose figures come with its first paint: more than a
# screen holds, as many as a highlighter colours before a pane first shows its document.
FIRST_ROWS = SYNC_BLOCKS


def load(
    path: Path,
    first_call: int,
    mode: Mode,
    font: QFont,
    palette: Colours,
    job: Job | None = None,
    painted: threading.Event | None = None,
    at: int | None = None,
) -> Loaded:
    """Worker side of opening a file, at the top of call `first_call` or at paragraph `at` (a
    restored place, a link). A big file's first call is parsed from the file's head and
    handed over early (`job.emit_early`), so it shows while the rest is parsed. With `painted`,
    the parse waits (a bounded time) for the window's first paint, whose Python callbacks would
    each wait for the GIL while the parse holds it. The call shown comes with the figures of its
    first screen (of the whole call without `job`: a reload keeps a place anywhere in it), so
    that its first paint is its final one; the view finds the rest after that paint."""
    decoded = read_file(path)
    if painted is not None:
        painted.wait(timeout=0.3)
    whole = job is None
    head = parse_head(decoded, HEAD) if not whole and first_call == 0 and at is None else None
    early = None
    if head is not None:
        early = prepare(head, 0, {}, mode, font, palette, head.calls[0].first)
    if early is not None and job is not None:
        job.emit_early(early)
        # Parse the rest once the head is on screen: both at once would make every Python
        # callback of the GUI thread's first paint wait for the GIL.
        job.resume.wait(timeout=3.0)
    t = parse_decoded(decoded, path)
    if early is not None and same_first_call(early.transcript, t):
        return Loaded(t, 0, early.figures, {})  # the view keeps what it shows
    if at is not None and 0 <= at < len(t.paragraphs):
        call, top = t.paragraphs[at].call, at
    else:
        call = min(first_call, len(t.calls) - 1)
        top = t.calls[call].first
    return prepare(t, call, {}, mode, font, palette, None if whole else top)


def first_screen(rows: list[Row], paragraph: int) -> list[int]:
    """The paragraphs of the first screen shown with `paragraph` at its top: FIRST_ROWS rows of
    the call, from its top for its first paragraph, else from the row above (a turn's header)."""
    at = next((i for i, r in enumerate(rows) if r.paragraph == paragraph), 0)
    first = next((i for i, r in enumerate(rows) if r.paragraph >= 0), 0)
    start = 0 if at <= first else at - 1
    return [r.paragraph for r in rows[start : start + FIRST_ROWS] if r.paragraph >= 0]


def same_first_call(a: Transcript, b: Transcript) -> bool:
    """Whether two parses agree on the first call, down to what its documents show."""
    ca, cb = a.calls[0], b.calls[0]
    if (ca.first, ca.end, ca.first_turn, ca.end_turn) != (cb.first, cb.end, cb.first_turn, cb.end_turn):
        return False
    if a.header != b.header or any(
        (p.key, p.en, p.zh) != (q.key, q.en, q.zh)
        for p, q in zip(a.paragraphs[ca.first : ca.end], b.paragraphs[cb.first : cb.end], strict=True)
    ):
        return False
    for turn in a.turns[ca.first_turn : ca.end_turn]:
        sa, sb = a.speakers.get(turn.speaker), b.speakers.get(turn.speaker)
        if (sa and (sa.title, sa.title_zh, sa.firm, sa.role)) != (
            sb and (sb.title, sb.title_zh, sb.firm, sb.role)
        ):
            return False
    return True


def prepare(
    t: Transcript,
    call: int,
    known: dict[int, ParagraphFigures],
    mode: Mode,
    font: QFont,
    palette: Colours,
    screen_from: int | None = None,
) -> Loaded:
    """Worker side of showing a call: the figures of its paragraphs not `known` yet (with
    `screen_from`, of those of the first screen shown, from that paragraph's row on: the view
    finds the rest once the call is on screen), and the documents `mode` shows of it (the one
    mode its languages allow), moved to the GUI thread to be shown there."""
    c = t.calls[call]
    rows = call_rows(t, call)
    wanted: Iterable[int] = range(c.first, c.end) if screen_from is None else first_screen(rows, screen_from)
    figures = dict(known)
    analyse_paragraph = analyser()
    for p in wanted:
        if p not in known:
            figures[p] = analyse_paragraph(t.paragraphs[p])
    gui = QCoreApplication.instance()
    documents = {}
    for name in fitting(mode, t.languages).documents:
        doc, row_blocks = build(name, t, rows, font, palette)
        if gui is not None:
            # Pushed from this thread to the GUI thread, which waits meanwhile (see workers).
            while_gui_waits(partial(doc.moveToThread, gui.thread()))
        documents[name] = (doc, row_blocks)
    return Loaded(t, call, figures, documents)


def analyse_calls(
    t: Transcript,
    calls: list[int],
    job: Job,
    until: Callable[[dict[int, ParagraphFigures]], bool] | None = None,
    known: Container[int] = (),
) -> dict[int, ParagraphFigures]:
    """Worker side of checking the figures of some calls, in order, but for the paragraphs
    `known` already, stopping early once `until` says so. It yields the GIL after every
    paragraph, so the GUI thread never waits on it for longer than one paragraph's work."""
    analyse_paragraph = analyser()

    out: dict[int, ParagraphFigures] = {}
    for n, c in enumerate(calls):
        call = t.calls[c]
        for i in range(call.first, call.end):
            if job.cancelled:
                return out
            if i in known:
                continue
            out[i] = analyse_paragraph(t.paragraphs[i])
            time.sleep(0)
        job.report(n + 1, len(calls))
        if until is not None and until(out):
            break
    return out


def analyser() -> Callable[[Paragraph], ParagraphFigures]:
    """The figure analysis (Pygments and the figure lexers): imported by the first worker that
    finds figures, off the GUI thread, never by the window's own start."""
    from ...core.analysis import analyse_paragraph

    return analyse_paragraph
