"""Source layouts: each reads one way transcripts are laid out into the one item stream.

    layout = choose(lines)          # the layout that fits the text best
    reading = layout.read(lines)    # its items: call heads, speakers, sections, paragraphs

A layout scores how well a text's first lines fit it (0..1) from what only it has: the site's
disclaimer and doubled speaker lines, LSEG's `[n]` turn numbers, Capital IQ's capitalised
headings, and so on. The best score wins; on a tie the earlier layout in `LAYOUTS` does.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..messages import AS_IN_SOURCE, USUAL_SPEAKER_LINES, Message
from ..pairing import Line
from . import capiq, fool, lseg, minutes_zh, plain, seekingalpha, statementdog
from .common import Layout, Reading

LAYOUTS: tuple[Layout, ...] = (
    statementdog.LAYOUT,
    lseg.LAYOUT,
    capiq.LAYOUT,
    fool.LAYOUT,
    seekingalpha.LAYOUT,
    minutes_zh.LAYOUT,
    plain.LAYOUT,
)
BY_ID = {layout.id: layout for layout in LAYOUTS}


def choose(lines: Sequence[Line]) -> Layout:
    """The layout that fits best (statementdog, today's format, when none fits better)."""
    best, best_score = LAYOUTS[0], -1.0
    for layout in LAYOUTS:
        score = layout.score(lines)
        if score >= 1.0:
            return layout  # a certain fit (the site's disclaimer): no other can score higher
        if score > best_score:
            best, best_score = layout, score
    return best


def expected(layout: Layout) -> Message:
    """What speaker lines were expected, for the one-line error when a text has none: the chosen
    layout's when a source's marks chose it, else the usual ones of every layout."""
    if layout.id not in ("statementdog", "plain"):
        return Message(AS_IN_SOURCE, lines=layout.expected, source=layout.id)
    return Message(USUAL_SPEAKER_LINES)


__all__ = ["BY_ID", "LAYOUTS", "Layout", "Reading", "choose", "expected"]
