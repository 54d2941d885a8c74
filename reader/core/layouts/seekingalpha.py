"""`seekingalpha`: Seeking Alpha transcripts.

    Acme Corp. (ACME) Q3 2025 Earnings Call Transcript
    Oct. 21, 2025 5:00 PM ET
    Executives                        (or Company Participants)
    Jane Doe - Chief Executive Officer
    Analysts                          (or Conference Call Participants)
    John Roe - Birch Lane Securities
    Operator
    Good day, and welcome ...
    Jane Doe
    Thank you ...
    Question-and-Answer Session
    ...

Speaker lines carry the name alone; the lists before the text say who is who (an executive's
line gives a title, an analyst's a firm). One line is one paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import Role
from ..pairing import CallItem, Item, Line
from .common import HEAD, Layout, Reading, Roster, label_role, merge_runs, name_like, qa_heading, roster_item
from .headings import PARTICIPANTS, QUESTIONS, heading_key, split_affiliation

_TAIL = re.compile(
    r"^(?:Copyright policy|THE INFORMATION CONTAINED HERE"
    r"|If you have any additional questions about our online transcripts)"
)
_ROLE = re.compile(
    r"\b(?:Chief|Officer|President|Director|Chair\w*|CEO|CFO|COO|CTO|IR|Head|Manager|Vice|VP|SVP|EVP|Founder"
    r"|Investor|Relations|Treasurer|Controller|Secretary|Executive|Partner|Counsel|Analyst|Strategy)\b",
    re.I,
)
_DASH = re.compile(r"\s+(?:-{1,2}|\u2013|\u2014)\s+")
_LIST_ENTRY = re.compile(r"^[^.?!]{2,60}\s(?:-{1,2}|\u2013|\u2014)\s[^?!]{1,120}$")


def score(lines: Sequence[Line]) -> float:
    head = lines[:HEAD]
    keys = [heading_key(line.text) for line in head]
    qa = any(k == "question-and-answer session" for k in keys)
    lists = sum(
        1
        for i, k in enumerate(keys)
        if k in PARTICIPANTS and i + 1 < len(head) and _LIST_ENTRY.match(head[i + 1].text)
    )
    if lists >= 1 and (qa or lists >= 2):
        return 0.9
    return 0.6 if qa else 0.0


def read(lines: list[Line], whole: str) -> Reading:
    roster, start = roster_before_text(lines)
    counts = repeated_names(lines[start:])
    first = next((i for i in range(start, len(lines)) if _speaker(lines, i, roster, counts)), start)
    if first - start > 4:
        first = start  # a long text before the first speaker line: text, not a page's head
    lists_at = next((i for i, line in enumerate(lines) if heading_key(line.text) in PARTICIPANTS), first)
    head = lines[: min(lists_at, first)]
    items, runs = speaker_runs(lines[first:], roster)
    if head and items:
        items.insert(0, CallItem(head[0].number, head[0].text))
        runs = [(position + 1, run) for position, run in runs]
    return Reading(merge_runs(items, runs))


def roster_before_text(lines: list[Line]) -> tuple[Roster, int]:
    """The participant lists at the top, and where the text after them starts."""
    roster = Roster()
    role: Role | None = None
    start = 0
    for i, line in enumerate(lines[: HEAD * 2]):
        key = heading_key(line.text)
        if key in PARTICIPANTS:
            role = PARTICIPANTS[key]
            start = i + 1
            continue
        if role is None:
            continue
        if label_role(line.text) is not None or not _LIST_ENTRY.match(line.text):
            break
        parts = _DASH.split(line.text, maxsplit=1)
        name, rest = parts[0], parts[1] if len(parts) > 1 else ""
        firm, title = split_affiliation(rest)
        if role is Role.ANALYST and firm is None:
            firm, title = title, "Analyst"  # an analyst's entry names the firm
        elif firm is None and not _ROLE.search(title):
            firm, title = title, ""  # an executive listed with the company (`Jane Doe - Acme Corp`)
        roster.add(name, title, firm, role)
        start = i + 1
    return roster, start


def repeated_names(lines: Sequence[Line], mentions: bool = True) -> Counter[str]:
    """The lines that could be a full name (two words or more) standing alone, counted; with
    `mentions`, a name the text also mentions elsewhere (the operator announcing it, a thank-you)
    counts twice."""
    counts = Counter(
        line.text for line in lines if len(line.text) <= 50 and " " in line.text and name_like(line.text)
    )
    if counts and mentions:
        whole = "\n".join(line.text for line in lines)
        for name, n in counts.items():
            if n == 1 and whole.count(name) > 1:
                counts[name] = 2
    return counts


def _speaker(lines: Sequence[Line], i: int, roster: Roster, counts: Counter[str]) -> bool:
    """A line that starts a turn: a label, a name the lists give, or a full name standing alone
    again (or named in the text) with text, not another name, after it."""
    text = lines[i].text
    if label_role(text) is not None or roster.find(text) is not None:
        return True
    return counts[text] >= 2 and i + 1 < len(lines) and not name_like(lines[i + 1].text)


def speaker_runs(lines: list[Line], roster: Roster) -> tuple[list[Item], list[tuple[int, list[Line]]]]:
    """Speaker items and the runs of text between them."""
    counts = repeated_names(lines)
    items: list[Item] = []
    runs: list[tuple[int, list[Line]]] = []
    body: list[Line] = []
    for i, line in enumerate(lines):
        text = line.text
        if _TAIL.match(text):
            break
        if heading_key(text) in QUESTIONS:
            if body:
                runs.append((len(items), body))
                body = []
            items.append(qa_heading(line.number))
            continue
        if not _speaker(lines, i, roster, counts):
            body.append(line)
            continue
        if body:
            runs.append((len(items), body))
            body = []
        items.append(roster_item(line.number, text, roster))
    if body:
        runs.append((len(items), body))
    return items, runs


LAYOUT = Layout("seekingalpha", "a name alone on its line after 'Executives' / 'Analysts' lists", score, read)
