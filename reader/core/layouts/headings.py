"""Headings and lists the English sources share: participant lists, section headings, rules,
contents lists and the tails (definitions, disclaimers) that are not part of the call."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Role
from ..pairing import Line

RULE = re.compile(r"^[=\-_*~\u2500\u2014]{5,}$")
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.I)
DOT_LEADER = re.compile(r"(?:\.{3,}|\u2026{2,}|\s{3,})\s*\d{1,3}$")

# Heading text (case-folded, without a trailing colon) -> what it opens.
PARTICIPANTS = {
    "corporate participants": Role.MANAGEMENT,
    "company participants": Role.MANAGEMENT,
    "executives": Role.MANAGEMENT,
    "company representatives": Role.MANAGEMENT,
    "conference call participants": Role.ANALYST,
    "analysts": Role.ANALYST,
    "attendees": Role.ANALYST,
}
CALL_PARTICIPANTS = {"call participants", "participants"}
PRESENTATION = {"presentation", "prepared remarks", "management discussion section", "management remarks"}
QUESTIONS = {
    "questions and answers",
    "question and answer",
    "question-and-answer session",
    "question and answer session",
    "questions & answers",
    "q&a",
    "q&a session",
}
TAILS = {"definitions", "disclaimer", "copyright policy"}
CONTENTS = {"table of contents", "contents"}


def heading_key(text: str) -> str:
    return text.rstrip(":").strip().casefold()


def is_heading(text: str) -> bool:
    key = heading_key(text)
    return (
        key in PARTICIPANTS
        or key in CALL_PARTICIPANTS
        or key in PRESENTATION
        or key in QUESTIONS
        or key in TAILS
        or key in CONTENTS
    )


def real_heading(lines: Sequence[Line], i: int) -> bool:
    """A heading that opens its section, not an entry of a contents list: the next line is not a
    page number, another heading or a dot leader."""
    if DOT_LEADER.search(lines[i].text):
        return False
    j = i + 1
    while j < len(lines) and RULE.match(lines[j].text):
        j += 1
    if j >= len(lines):
        return heading_key(lines[i].text) not in PARTICIPANTS
    nxt = lines[j].text
    if PAGE_NUMBER.match(nxt) or DOT_LEADER.search(nxt):
        return False
    if is_heading(nxt):
        # An empty list (`Analysts` with nobody under it) is still a heading; two section headings
        # in a row are a contents list.
        return heading_key(lines[i].text) in PARTICIPANTS and heading_key(nxt) in PARTICIPANTS
    return True


def split_affiliation(text: str) -> tuple[str | None, str]:
    """`Acme Corp - CEO` -> ("Acme Corp", "CEO"); `Chief Executive Officer` -> (None, that)."""
    parts = re.split(r"\s+(?:-{1,2}|\u2013|\u2014)\s+", text.strip())
    if len(parts) == 1:
        return None, parts[0]
    return " - ".join(parts[:-1]).strip() or None, parts[-1].strip()
