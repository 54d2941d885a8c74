"""`fool`: The Motley Fool's transcripts.

    Acme (ACME -1.20%)
    Q3 2025 Earnings Call
    Oct 21, 2025, 5:00 p.m. ET
    Contents:            (a list of the sections below)
    Prepared Remarks:
    Operator
    Good day, and welcome ...
    Jane Doe -- Chief Executive Officer
    ...
    Questions & Answers:
    John Roe -- Birch Lane Securities -- Analyst
    ...
    Duration: 52 minutes
    Call participants:   (everyone again: names, titles, firms; not turns)

Blank lines separate the paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lines import is_name
from ..model import Role
from ..pairing import CallItem, Item, Line
from .common import (
    HEAD,
    Layout,
    Reading,
    Roster,
    label_role,
    merge_runs,
    roster_item,
    section_start,
)
from .headings import CALL_PARTICIPANTS, CONTENTS, PRESENTATION, QUESTIONS, heading_key

_DASHES = re.compile(r"\s+(?:--|\u2014|\u2013)\s+")
_DURATION = re.compile(r"^Duration\s*:\s*\d", re.I)
_MARKERS = ("prepared remarks:", "questions & answers:", "questions and answers:", "call participants:")
_TAIL = re.compile(
    r"^(?:More [A-Z.]{1,8} analysis|All earnings call transcripts|This article is a transcript)", re.I
)


def score(lines: Sequence[Line]) -> float:
    head = lines[:HEAD]
    found = {line.text.casefold() for line in head if line.text.casefold() in _MARKERS}
    dashed = sum(1 for line in head if _speaker(line.text) is not None and "--" in line.text)
    if len(found) >= 2 or (found and dashed >= 2):
        return 0.95
    return 0.0


def _speaker(text: str) -> tuple[str, str | None, str] | None:
    """`Jane Doe -- Chief Executive Officer`, `John Roe -- Birch Lane -- Analyst`, `Operator`."""
    if label_role(text) is not None:
        return text, None, ""
    if len(text) > 160 or text[-1:] in ".?!:;":
        return None
    parts = _DASHES.split(text)
    if not 2 <= len(parts) <= 3 or not is_name(parts[0].strip()):
        return None
    if len(parts) == 3:
        return parts[0].strip(), parts[1].strip(), parts[2].strip()
    return parts[0].strip(), None, parts[1].strip()


def read(lines: list[Line], whole: str) -> Reading:
    roster = _participants(lines)
    items: list[Item] = []
    bodies: list[tuple[int, list[Line]]] = []
    body: list[Line] = []
    preamble: list[str] = []
    mode = "preamble"

    def flush() -> None:
        if body:
            bodies.append((len(items), list(body)))
            body.clear()

    for line in lines:
        text = line.text
        key = heading_key(text)
        if mode == "body" and (key in CALL_PARTICIPANTS or _TAIL.match(text)):
            flush()
            mode = "tail"
            continue
        if mode == "tail":
            if key in PRESENTATION and text.endswith(":"):  # a second call pasted after the first
                items.append(CallItem(line.number, None))
                mode = "body"
            continue
        if _DURATION.match(text):
            continue
        if key in CONTENTS:
            mode = "contents"
            continue
        if text.endswith(":") and (key in PRESENTATION or key in QUESTIONS):
            flush()
            section_start(items, preamble, line.number, key in QUESTIONS)
            mode = "body"
            continue
        if mode == "preamble":
            preamble.append(text)
            continue
        if mode == "contents":
            continue
        speaker = _speaker(text)
        if speaker is None:
            body.append(line)
            continue
        flush()
        name, firm, title = speaker
        role = Role.ANALYST if "analyst" in title.casefold() else None
        item = roster_item(line.number, name, roster, title, firm)
        if item.role is None:
            item.role = role
        items.append(item)
    flush()
    out = merge_runs(items, bodies)
    return Reading(out)


def _participants(lines: list[Line]) -> Roster:
    """Everyone the `Call participants:` list at the end names."""
    roster = Roster()
    inside = False
    for line in lines:
        if heading_key(line.text) in CALL_PARTICIPANTS and line.text.endswith(":"):
            inside = True
            continue
        if not inside:
            continue
        speaker = _speaker(line.text)
        if speaker is None:
            if _TAIL.match(line.text) or line.text.endswith(":"):
                inside = False
            continue
        name, firm, title = speaker
        analyst = "analyst" in title.casefold()
        roster.add(name, title, firm, Role.ANALYST if analyst else label_role(name) or Role.MANAGEMENT)
    return roster


LAYOUT = Layout("fool", "'Name -- Title' after 'Prepared Remarks:'", score, read)
