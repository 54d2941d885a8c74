"""The worker side of showing a transcript: reading and parsing a file, finding the figures of
a call and building its documents, all off the GUI thread. Nothing here touches a widget; the
documents built are moved to the GUI thread for the view to show.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from ...core.figure_data import ParagraphFigures
from ...core.model import Paragraph, Transcript
from ...core.modes import Mode, fitting
from ...core.prefetch import HEAD, Prefetch
from ...core.rows import call_rows, first_screen, opening_place
from ..theme import Colours
from ..workers import Job, while_gui_waits
from .document import Built, build


@dataclass
class Loaded:
    """What the worker hands the view: the transcript, the figures of the call shown first, and
    that call's documents for the mode it opens in, built off the GUI thread."""

    transcript: Transcript
    call: int
    figures: dict[int, ParagraphFigures]
    documents: dict[str, Built]
    more: Prefetch | None = None  # the child process that is finding the rest of the call's figures


def load(
    path: Path,
    first_call: int,
    mode: Mode,
    font: QFont,
    palette: Colours,
    job: Job | None = None,
    painted: threading.Event | None = None,
    at: int | None = None,
    prefetch: Prefetch | None = None,
) -> Loaded:
    """Worker side of opening a file, at the top of call `first_call` or at paragraph `at` (a
    restored place, a link). A big file's first call is parsed from the file's head and
    handed over early (`job.emit_early`), so it shows while the rest is parsed. With `painted`,
    the parse waits (a bounded time) for the window's first paint, whose Python callbacks would
    each wait for the GIL while the parse holds it. The call shown comes with the figures of its
    first screen (of the whole call without `job`: a reload keeps a place anywhere in it), so
    that its first paint is its final one; the view finds the rest after that paint. With
    `prefetch`, the child process started for this file gives the transcript and those figures
    when it can (`more` then finds the rest)."""
    got = prefetch.take() if prefetch is not None else None
    if got is not None and (at is None or got.top == at) and first_call == 0:
        assert prefetch is not None
        if painted is not None:
            painted.wait(timeout=0.3)
        loaded = prepare(got.transcript, got.call, got.figures, mode, font, palette, got.top)
        loaded.more = prefetch
        return loaded
    if prefetch is not None:
        prefetch.close()
    from ...core.parser import parse_decoded, parse_head, read_file  # not needed to start: see `prefetch`

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
    call, top = opening_place(t, first_call, at)
    return prepare(t, call, {}, mode, font, palette, None if whole else top)


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
    if todo := [p for p in wanted if p not in known]:
        analyse_paragraph = analyser()
        for p in todo:
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
    `known` already, stopping early once `until` says so. It yields to the GUI thread after
    every paragraph (`Job.yield_to_gui`: it waits while a `background` job's GUI thread is busy)."""
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
            job.yield_to_gui()
        job.report(n + 1, len(calls))
        if until is not None and until(out):
            break
    return out


def analyser() -> Callable[[Paragraph], ParagraphFigures]:
    """The figure analysis (Pygments and the figure lexers): imported by the first worker that
    finds figures, off the GUI thread, never by the window's own start."""
    from ...core.analysis import analyse_paragraph

    return analyse_paragraph
