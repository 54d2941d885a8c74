"""`statementdog`: the bilingual site's files and pages. English and Chinese lines in pairs under a
machine-translation disclaimer, speaker lines `Name - Title` (given twice, or once on English-only
pages); the pairing (:mod:`..pairing`) is the heart of it.

What a copy of the site's page adds is taken off before pairing: list markers (`•`, `·`, `-`,
`*`, `1.`) in front of every line; a title line, a `內容摘要` summary block and a `完整原文` line
around the disclaimer, kept as the call's title and summary rather than read as turns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lines import is_chinese, is_disclaimer, parse_speaker_line
from ..pairing import CallItem, Item, Line, pair_lines
from .common import HEAD, Layout, Reading

# A list marker a browser copies in front of each item of the page's list.
_MARKER = re.compile(r"^(?:[\u2022\u00b7\u25cf\u25aa\u2027\u30fb]\s*|[-*](?:\s+|$)|\d{1,3}[.)](?:\s+|$))")
_SUMMARY = re.compile(r"^(?:內容摘要|内容摘要|重點摘要|重点摘要|摘要)\s*[:：]?$")
_FULL_TEXT = re.compile(r"^(?:完整原文|完整內容|完整内容|全文)\s*[:：]?$")
_DISCLAIMER_HINTS = ("警語", "警语", "免責", "免责", "僅供參考", "仅供参考", "英文原文")
_SENTENCE_END = re.compile(r"[.?!\u3002\uff1f\uff01]$")


def _web_copy(lines: Sequence[Line]) -> bool:
    """Most lines carry a list marker: a copy of the page's list, not a file."""
    head = lines[:HEAD]
    return len(head) >= 4 and sum(1 for line in head if _MARKER.match(line.text)) * 2 >= len(head)


def _strip_markers(lines: list[Line]) -> list[Line]:
    out = []
    for line in lines:
        text = _MARKER.sub("", line.text, count=1).strip()
        if text:
            out.append(Line(line.number, text))
    return out


def _disclaimer_at(lines: Sequence[Line]) -> list[int]:
    return [
        i
        for i, line in enumerate(lines)
        if any(h in line.text for h in _DISCLAIMER_HINTS)
        and is_chinese(line.text)
        and is_disclaimer(line.text)
    ]


def score(lines: Sequence[Line]) -> float:
    head = list(lines[:HEAD])
    if _web_copy(head):
        head = _strip_markers(head)
    if _disclaimer_at(head):
        return 1.0
    pairs = titled = 0
    for a, b in zip(head, head[1:], strict=False):
        speaker = parse_speaker_line(a.text)
        if speaker is None:
            continue
        pairs += a.text == b.text
        titled += speaker.strong and bool(speaker.title)
    if pairs:
        return 0.9
    return 0.6 if titled >= 2 else 0.05


def read(lines: list[Line]) -> Reading:
    if _web_copy(lines):
        lines = _strip_markers(lines)
    lines, heads = _call_heads(lines)
    items = pair_lines(lines)
    merged: list[Item] = []
    pending = list(reversed(heads))
    for item in items.items:
        while pending and pending[-1].line < item.line:
            merged.append(pending.pop())
        merged.append(item)
    merged.extend(reversed(pending))
    return Reading(merged, items.warnings)


def _is_speaker(line: Line) -> bool:
    return not is_chinese(line.text) and parse_speaker_line(line.text) is not None


def _call_heads(lines: list[Line]) -> tuple[list[Line], list[CallItem]]:
    """Take the page's title, summary and `完整原文` lines out of the text, as call heads."""
    disclaimers = _disclaimer_at(lines)
    drop: set[int] = set()
    heads: list[CallItem] = []
    starts = list(disclaimers)
    first_speaker = next((i for i, line in enumerate(lines[:HEAD]) if _is_speaker(line)), None)
    if not disclaimers or (first_speaker is not None and first_speaker < disclaimers[0]):
        # No disclaimer before the text: a title (and summary) above the first speaker line.
        if first_speaker:
            top = lines[:first_speaker]
            marked = any(_SUMMARY.match(x.text) or _FULL_TEXT.match(x.text) for x in top)
            titled = len(top) <= 3 and all(
                len(x.text) <= 200 and not _SENTENCE_END.search(x.text) for x in top
            )
            if marked or titled:
                heads.append(_head(top))
                drop.update(range(first_speaker))
        starts = [d for d in disclaimers if first_speaker is None or d > first_speaker]
    previous_end = 0
    for d in starts:
        zone = _zone_before(lines, d, previous_end, at_top=not heads and d == disclaimers[0])
        after = _zone_after(lines, d)
        if zone or after:
            heads.append(_head([lines[i] for i in zone], [lines[i] for i in after]))
            drop.update(zone)
            drop.update(after)
        previous_end = d + 1
    if not drop:
        return lines, heads
    return [line for i, line in enumerate(lines) if i not in drop], heads


def _zone_before(lines: list[Line], d: int, floor: int, at_top: bool) -> list[int]:
    """The lines above the disclaimer at `d` that are the page's head: all of them at the top of
    the file (when none is a speaker line); elsewhere only behind a `完整原文` or summary line."""
    if at_top:
        zone = list(range(floor, d))
        return [] if len(zone) > 80 or any(_is_speaker(lines[i]) for i in zone) else zone
    i = d - 1
    marked = False
    lowest = max(floor, d - 80)
    while i >= lowest and not _is_speaker(lines[i]):
        if _SUMMARY.match(lines[i].text) or _FULL_TEXT.match(lines[i].text):
            marked = True
            top = i
        i -= 1
    if not marked:
        return []
    # The title: the line above the first marker, when it reads like one.
    if top - 1 >= lowest and not _is_speaker(lines[top - 1]):
        text = lines[top - 1].text
        if len(text) <= 200 and not _SENTENCE_END.search(text):
            top -= 1
    return list(range(top, d))


def _zone_after(lines: list[Line], d: int) -> list[int]:
    """A summary block right under the disclaimer, up to the first speaker line."""
    if d + 1 >= len(lines) or not _SUMMARY.match(lines[d + 1].text):
        return []
    zone = []
    i = d + 1
    while i < len(lines) and not _is_speaker(lines[i]):
        zone.append(i)
        i += 1
    return zone if i < len(lines) else []


def _head(before: list[Line], after: list[Line] | None = None) -> CallItem:
    title: str | None = None
    summary: list[str] = []
    in_summary = False
    for line in [*before, *(after or [])]:
        if _FULL_TEXT.match(line.text):
            in_summary = False
        elif _SUMMARY.match(line.text):
            in_summary = True
        elif in_summary:
            summary.append(line.text)
        elif title is None:
            title = line.text
    first = (before or after or [Line(0, "")])[0].number
    return CallItem(first, title, summary)


LAYOUT = Layout(
    "statementdog",
    "'Operator', 'Name - Title'",
    score,
    read,
)
