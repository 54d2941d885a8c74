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
from ..pairing import CallItem, HeaderItem, Item, Line, ParagraphItem, pair_lines
from .common import HEAD, Layout, Reading

# A list marker a browser copies in front of each item of the page's list.
_MARKER = re.compile(r"^(?:[\u2022\u00b7\u25cf\u25aa\u2027\u30fb]\s*|[-*](?:\s+|$)|\d{1,3}[.)](?:\s+|$))")
_SUMMARY = re.compile(r"^(?:內容摘要|内容摘要|重點摘要|重点摘要|摘要)\s*[:：]?$")
_FULL_TEXT = re.compile(r"^(?:完整原文|完整內容|完整内容|全文)\s*[:：]?$")
_SENTENCE_END = re.compile(r"[.?!\u3002\uff1f\uff01]$")


def _web_copy(lines: Sequence[Line]) -> bool:
    """Many lines carry a list marker: a copy of the page's list, not a file (two fifths: a copy
    may mark only the English line of each pair, and not the title or the disclaimer)."""
    head = lines[:HEAD]
    return len(head) >= 4 and sum(1 for line in head if _MARKER.match(line.text)) * 5 >= len(head) * 2


def _strip_markers(lines: list[Line]) -> list[Line]:
    out = []
    for line in lines:
        text = _MARKER.sub("", line.text, count=1).strip()
        if text:
            out.append(Line(line.number, text))
    return out


def _disclaimer_at(lines: Sequence[Line]) -> list[int]:
    """Indexes of the disclaimer lines among `lines` (a file's head)."""
    return [i for i, line in enumerate(lines) if is_chinese(line.text) and is_disclaimer(line.text)]


def score(lines: Sequence[Line]) -> float:
    if _disclaimer_at(lines[:3]):
        return 1.0  # the file's first line, as the site gives it
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


def read(lines: list[Line], text: str) -> Reading:
    if _web_copy(lines):
        lines = _strip_markers(lines)
    lines, top = _top_head(lines)
    paired = pair_lines(lines)
    items: list[Item] = list(paired.items)
    warnings = paired.warnings
    if top is not None:
        after_header = 1 if items and isinstance(items[0], HeaderItem) else 0
        items.insert(after_header if top.line > (items[0].line if items else 0) else 0, top)
    if not any(isinstance(item, ParagraphItem) and item.en for item in items):
        # The site's Chinese-only view: speaker lines once, no English to pair with. Not damage.
        warnings = [w for w in warnings if not w.endswith(_CHINESE_ONLY_NOTES)]
    headers = [i for i, item in enumerate(items) if item.__class__ is HeaderItem]
    if len(headers) > 1:
        items, dropped = _later_heads(items, headers[1:])
        if dropped:
            warnings = [w for w in warnings if _warning_line(w) not in dropped]
    return Reading(items, warnings)


def _is_speaker(line: Line) -> bool:
    return not is_chinese(line.text) and parse_speaker_line(line.text) is not None


def _is_marker(text: str | None) -> bool:
    return text is not None and len(text) <= 8 and bool(_SUMMARY.match(text) or _FULL_TEXT.match(text))


def _top_head(lines: list[Line]) -> tuple[list[Line], CallItem | None]:
    """The page's head at the top of the file, taken out of its lines: a title (and a summary)
    above the disclaimer, or above the first speaker line when there is none; a summary block
    right under the disclaimer."""
    head = lines[:HEAD]
    first_speaker = next((i for i, line in enumerate(head) if _is_speaker(line)), None)
    # Only a disclaimer above the first speaker line can have a page's head above it.
    disclaimer = next(iter(_disclaimer_at(head[: None if first_speaker is None else first_speaker])), None)
    if disclaimer is not None and (first_speaker is None or disclaimer < first_speaker):
        before = lines[:disclaimer] if disclaimer <= 80 else []
        after: list[Line] = []
        if (
            disclaimer + 1 < len(lines)
            and _is_marker(lines[disclaimer + 1].text)
            and first_speaker is not None
        ):
            after = lines[disclaimer + 1 : first_speaker]
        if not before and not after:
            return lines, None
        kept = [lines[disclaimer]] if before else lines[: disclaimer + 1]
        rest = lines[first_speaker:] if after else lines[disclaimer + 1 :]
        return [*kept, *rest], _head(before, after)
    if not first_speaker:
        return lines, None
    top = lines[:first_speaker]
    marked = any(_is_marker(x.text) for x in top)
    titled = len(top) <= 3 and all(len(x.text) <= 200 and not _SENTENCE_END.search(x.text) for x in top)
    if marked or titled:
        return lines[first_speaker:], _head(top)
    return lines, None


def _later_heads(items: list[Item], headers: list[int]) -> tuple[list[Item], set[int]]:
    """The heads of further pages pasted into the file: a `完整原文` or summary line (and the title
    above it) before a disclaimer, or a summary block after one, made call heads. Returns the
    items and the line numbers taken out."""
    out: list[Item] = []
    dropped: set[int] = set()
    at = 0
    for h in headers:
        first = h
        floor = max(at, h - 40)
        j = h - 1
        while j >= floor and isinstance(item := items[j], ParagraphItem):
            if _is_marker(item.zh) or _is_marker(item.en):
                first = j
            j -= 1
        top = items[first]
        titled = isinstance(top, ParagraphItem) and top.en is not None and _is_marker(top.zh)
        above = items[first - 1] if first < h and first - 1 >= floor else None
        if not titled and isinstance(above, ParagraphItem):  # a title line above the marker
            title = above.zh if above.en is None else above.en
            if title and len(title) <= 200 and not _SENTENCE_END.search(title):
                first -= 1
        end = h + 1
        below = items[end] if end < len(items) else None
        if isinstance(below, ParagraphItem) and _is_marker(below.zh):
            while end < len(items) and isinstance(items[end], ParagraphItem):
                end += 1
            if end == len(items):
                end = h + 1  # no speaker line after it: text, not a summary
        if first == h and end == h + 1:
            continue
        zone = [item for item in items[first:h] + items[h + 1 : end] if isinstance(item, ParagraphItem)]
        out.extend(items[at:first])
        out.append(_head_of_items(zone))
        out.append(items[h])
        for item in zone:
            dropped.add(item.line)
            if item.en is not None and item.zh is not None:
                dropped.add(item.line + 1)
        at = end
    out.extend(items[at:])
    return out, dropped


def _head_of_items(zone: list[ParagraphItem]) -> CallItem:
    lines = [
        Line(item.line + (i if item.en is not None else 0), text)
        for item in zone
        for i, text in enumerate((item.en, item.zh))
        if text is not None
    ]
    return _head(lines)


_CHINESE_ONLY_NOTES = ("has no Chinese line", "a Chinese line with no English line before it")
_WARNING_LINE = re.compile(r"^line (\d+):")


def _warning_line(warning: str) -> int | None:
    m = _WARNING_LINE.match(warning)
    return int(m.group(1)) if m else None


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
            summary.append(_MARKER.sub("", line.text, count=1).strip())  # its items may be bulleted
        elif title is None:
            title = line.text
    first = (before or after or [Line(0, "")])[0].number
    return CallItem(first, title, summary)


LAYOUT = Layout(
    "statementdog",
    "'Operator', 'Name - Title'",
    score,
    read,
    heads_split=False,
)
