"""`capiq`: S&P Capital IQ transcript exports.

    Acme Corp NYSE:ACME
    FQ3 2025 Earnings Call Transcripts
    ...                              (a contents list: `Presentation ..... 3`)
    CORPORATE PARTICIPANTS
    Jane Doe
    Acme Corp - CEO
    CONFERENCE CALL PARTICIPANTS
    John Roe
    Birch Lane Securities - Analyst
    PRESENTATION
    Operator
    Good day, and welcome ... (hard-wrapped at ~140 columns)
    Jane Doe
    Acme Corp - CEO
    ...
    QUESTIONS AND ANSWERS

A speaker is a name line, usually followed by its `Company - Title` line; the text is hard-wrapped
and joined back into paragraphs (:func:`.common.join_paragraphs`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Role
from ..pairing import Item, Line, SpeakerItem
from .common import (
    HEAD,
    Layout,
    Reading,
    Roster,
    label_role,
    merge_runs,
    name_like,
    roster_item,
    section_start,
)
from .headings import (
    CALL_PARTICIPANTS,
    CONTENTS,
    PAGE_NUMBER,
    PARTICIPANTS,
    PRESENTATION,
    QUESTIONS,
    RULE,
    TAILS,
    heading_key,
    real_heading,
    split_affiliation,
)
from .headings import (
    is_heading as is_any_heading,
)

# Its headings are capitalised (`CORPORATE PARTICIPANTS`) or, in its newer exports, `Call
# Participants` with `EXECUTIVES` / `ANALYSTS` under it and `Question and Answer`.
_HEADINGS = {
    "CORPORATE PARTICIPANTS",
    "CONFERENCE CALL PARTICIPANTS",
    "CALL PARTICIPANTS",
    "EXECUTIVES",
    "ANALYSTS",
    "PRESENTATION",
    "QUESTIONS AND ANSWERS",
    "QUESTION AND ANSWER",
}
_BOILERPLATE = re.compile(
    r"^(?:Copyright\s*(?:\u00a9|\(c\))|.*\bS&P Global Market Intelligence\b|.*\bspglobal\.com\b)", re.I
)
# A page's running head in a copy of the PDF: `ACME CORP FQ2 2026 EARNINGS CALL | NOV 11, 2025`.
_PAGE_HEAD = re.compile(r"^[^a-z|]{3,100}\b(?:EARNINGS|CONFERENCE|CALL)\b[^a-z|]*\|[^a-z]*$")
_TAIL = re.compile(r"^(?:These materials have been prepared|The information in the transcripts)", re.I)
_AFFILIATION = re.compile(r"^.{2,120}\s(?:-{1,2}|\u2013|\u2014)\s[^?!]{2,80}(?<![.?!])$")
_TITLE_LINE = re.compile(
    r"\b(?:Chief|Officer|President|Director|Chair\w*|CEO|CFO|COO|CTO|Head|Manager|Vice|VP|SVP|EVP"
    r"|Investor Relations|Analyst|Founder|Treasurer|Controller|Secretary|Executive|Partner|Counsel)\b"
)


def score(lines: Sequence[Line]) -> float:
    found = {line.text for line in lines[:HEAD] if line.text in _HEADINGS}
    if len(found) >= 2:
        return 0.95
    if found & {"EXECUTIVES", "ANALYSTS"} and any(
        line.text == "Question and Answer" for line in lines[:HEAD]
    ):
        return 0.95
    return 0.0


def read(lines: list[Line], whole: str) -> Reading:
    roster = Roster()
    preamble: list[str] = []
    items: list[Item] = []
    bodies: list[tuple[int, list[Line]]] = []
    body: list[Line] = []
    mode = "preamble"
    list_role = Role.MANAGEMENT
    entry: list[str] = []
    skipped: set[int] = set()  # page furniture left out: not a paragraph break

    def flush() -> None:
        if body:
            bodies.append((len(items), list(body)))
            body.clear()

    def close_entry() -> None:
        if entry:
            firm, title = split_affiliation(entry[1]) if len(entry) > 1 else (None, "")
            if firm is None and list_role is Role.ANALYST and title and "analyst" not in title.casefold():
                firm, title = title, "Analyst"  # an analyst's line is their firm
            roster.add(entry[0], title, firm, list_role)
            entry.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text
        i += 1
        if (
            RULE.match(text)
            or _BOILERPLATE.match(text)
            or PAGE_NUMBER.match(text)
            or _PAGE_HEAD.match(text)
            or (mode != "preamble" and text in preamble[:3])
        ):
            skipped.add(line.number)
            continue
        key = heading_key(text)
        is_heading = is_any_heading(text) and real_heading(lines, i - 1)
        if is_heading and (key in PARTICIPANTS or key in CALL_PARTICIPANTS):
            close_entry()
            mode, list_role = "list", PARTICIPANTS.get(key, Role.MANAGEMENT)
            continue
        if is_heading and key in CONTENTS:
            mode = "contents"
            continue
        if (is_heading and key in TAILS) or _TAIL.match(text):
            flush()
            mode = "tail"
            continue
        if mode == "tail":
            continue
        if is_heading and (key in PRESENTATION or key in QUESTIONS):
            close_entry()
            flush()
            section_start(items, preamble, line.number, key in QUESTIONS)
            mode = "body"
            continue
        if mode == "preamble":
            preamble.append(text)
        elif mode == "list":
            entry.append(text)
            if len(entry) == 2:
                close_entry()
        elif mode == "body":
            speaker = _speaker_at(lines, i - 1, roster)
            if speaker is None:
                body.append(line)
                continue
            flush()
            name, affiliation = speaker
            firm, title = split_affiliation(affiliation) if affiliation else (None, "")
            items.append(roster_item(line.number, name, roster, title, firm))
            if affiliation:
                i += 1
    flush()
    out = merge_runs(items, bodies, frozenset(skipped))
    company = {p.firm.casefold() for p in roster.values() if p.role is Role.MANAGEMENT and p.firm}
    for item in out:
        if isinstance(item, SpeakerItem) and item.role is None and item.firm and company:
            item.role = Role.MANAGEMENT if item.firm.casefold() in company else Role.ANALYST
    return Reading(out)


def _speaker_at(lines: list[Line], i: int, roster: Roster) -> tuple[str, str | None] | None:
    """The speaker a name line at `i` starts, with its affiliation line when one follows."""
    text = lines[i].text
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    follows = lines[i + 1].number == lines[i].number + 1 if i + 1 < len(lines) else False
    known = roster.find(text)
    affiliation = None
    if follows and not is_any_heading(nxt):
        if _AFFILIATION.match(nxt) or (known is not None and nxt in (known.title, known.firm)):
            affiliation = nxt
        elif len(nxt) <= 80 and _TITLE_LINE.search(nxt) and nxt[-1:] not in ".?!,;:":
            affiliation = nxt  # a title alone: `Chief Financial Officer`
    if label_role(text) is not None or known is not None:
        if (
            affiliation
            and known is not None
            and not any(x and x in affiliation for x in (known.title, known.firm))
        ):
            affiliation = None  # the next line is text that happens to hold a dash
        return text, affiliation
    if affiliation and len(affiliation) <= 100 and name_like(text):
        return text, affiliation
    return None


LAYOUT = Layout("capiq", "a name line followed by 'Company - Title'", score, read)
