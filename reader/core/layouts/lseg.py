"""`lseg`: LSEG (Refinitiv, Thomson Reuters) StreetEvents transcripts.

    Q3 2025 Acme Corp Earnings Call
    ====================================
    Corporate Participants
    ====================================
       * Jane Doe
         Acme Corp - CEO
    ====================================
    Conference Call Participants
    ...
    Presentation
    ------------------------------------
    Operator    [1]
    ------------------------------------
     Good day, and welcome ...
    ------------------------------------
    Jane Doe,  Acme Corp - CEO    [2]
    ...
    Questions and Answers
    ...
    Definitions / Disclaimer   (the tail: not the call)

The `[n]` after a speaker line is the turn's number, not text; the participant lists give each
speaker's firm and role and are never turns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Role
from ..pairing import CallItem, Item, Line, SpeakerItem
from .common import HEAD, Layout, Reading, Roster, merge_runs, qa_heading, roster_item
from .headings import (
    PARTICIPANTS,
    PRESENTATION,
    QUESTIONS,
    RULE,
    TAILS,
    heading_key,
    real_heading,
    split_affiliation,
)

_SPEAKER = re.compile(r"^(?P<who>[^\[\]]{2,200}?)[\s,]*\[(?P<n>\d{1,4})\]$")


def score(lines: Sequence[Line]) -> float:
    head = lines[:HEAD]
    numbered = sum(1 for line in head if line.text.endswith("]") and _SPEAKER.match(line.text))
    headings = sum(
        1 for line in head if heading_key(line.text) in PARTICIPANTS or heading_key(line.text) in QUESTIONS
    )
    if numbered >= 2 and (headings or numbered >= 4):
        return 0.95
    return 0.0


def _parse_who(who: str) -> tuple[str, str | None, str]:
    """`Jane Doe, Acme Corp - CEO` -> name, firm, title; `Operator,` -> ("Operator", None, "")."""
    who = who.strip().rstrip(",").strip()
    name, _, rest = who.partition(",")
    firm, title = split_affiliation(rest) if rest.strip() else (None, "")
    return name.strip(), firm, title


def read(lines: list[Line], whole: str) -> Reading:
    roster = Roster()
    items: list[Item] = []
    body: list[Line] = []
    title: str | None = None
    mode = "preamble"  # preamble, list, body, tail
    list_role = Role.MANAGEMENT
    pending_name: str | None = None
    bodies: list[tuple[int, list[Line]]] = []  # where each run of text goes in items

    def flush() -> None:
        if body:
            bodies.append((len(items), list(body)))
            body.clear()

    for i, line in enumerate(lines):
        text = line.text
        if RULE.match(text):
            continue
        key = heading_key(text)
        if key in PARTICIPANTS and real_heading(lines, i):
            if mode in ("body", "tail"):  # a second call pasted after the first
                flush()
                items.append(CallItem(line.number, None))
            elif title is not None and not items:
                items.append(CallItem(line.number, title))
            mode, list_role, pending_name = "list", PARTICIPANTS[key], None
            continue
        if key in TAILS and real_heading(lines, i):
            flush()
            mode = "tail"
            continue
        if mode == "tail":
            continue
        if (key in PRESENTATION or key in QUESTIONS) and real_heading(lines, i):
            flush()
            if not items and title is not None:
                items.append(CallItem(line.number, title))
            if key in QUESTIONS:
                items.append(qa_heading(line.number))
            mode = "body"
            continue
        m = _SPEAKER.match(text) if text.endswith("]") else None
        if m:
            flush()
            if not items and title is not None:
                items.append(CallItem(line.number, title))
            name, firm, speaker_title = _parse_who(m["who"])
            items.append(roster_item(line.number, name, roster, speaker_title, firm))
            mode = "body"
            continue
        if mode == "preamble":
            if title is None:
                title = text
        elif mode == "list":
            entry = text.lstrip("*\u2022\u00b7- ").strip()
            bulleted = text[:1] in "*\u2022\u00b7-"
            if bulleted or pending_name is None or "," in entry and " - " in entry:
                # `* Jane Doe` (its `Company - Title` on the next line) or `Jane Doe, Company - Title`
                name, _, rest = entry.partition(",")
                firm, role_title = split_affiliation(rest) if rest.strip() else (None, "")
                roster.add(name, role_title, firm, list_role)
                pending_name = None if rest.strip() else name.strip()  # its line comes next
            elif pending_name is not None:
                firm, role_title = split_affiliation(entry)
                known = roster.find(pending_name)
                if known is not None and not known.title:
                    known.title, known.firm = role_title, firm
                pending_name = None
        else:
            body.append(line)
    flush()
    out = merge_runs(items, bodies)
    _firm_roles(out, roster)
    return Reading(out)


def _firm_roles(items: list[Item], roster: Roster) -> None:
    """A speaker the lists do not name: an analyst when the firm is not the company's."""
    company = {p.firm.casefold() for p in roster.values() if p.role is Role.MANAGEMENT and p.firm}
    for item in items:
        if isinstance(item, SpeakerItem) and item.role is None and item.firm and company:
            item.role = Role.MANAGEMENT if item.firm.casefold() in company else Role.ANALYST


LAYOUT = Layout("lseg", "'Name, Company - Title [n]'", score, read)
