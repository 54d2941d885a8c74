"""`plain`: a transcript with no source's marks: speakers named inline (`Jane Doe: Thank you.`,
`Operator: Good day.`, `Jane Doe (00:01:12): ...`), or on a line of their own again and again.
Roles come from labels and from the operator's announcements of questioners."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..pairing import CallItem, Item, Line
from .common import HEAD, Layout, Reading, Roster, label_role, merge_runs, name_like, qa_heading, speaker_item
from .headings import QUESTIONS, heading_key
from .seekingalpha import repeated_names, speaker_runs

_INLINE = re.compile(
    r"^(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+)?(?P<name>[A-Z][\w.'\u2019\-]*(?:\s+[\w.'\u2019\-]+){0,4}?)"
    r"(?:\s*[(\[](?P<stamp>\d{1,2}:\d{2}(?::\d{2})?)[)\]])?\s*:\s+(?P<rest>\S.*)$"
)


_NUMBERED = re.compile(r"^Speaker \d{1,2}$")  # what a speech-to-text tool names an unknown voice


def _inline(text: str) -> tuple[str, str] | None:
    if ":" not in text[:80]:
        return None  # the cheap test first: most lines are text
    m = _INLINE.match(text)
    if m is None:
        return None
    name = m["name"].strip()
    # A full name (`Note:`, `Source:` are not speakers), a label, or a numbered voice.
    full_name = " " in name and name_like(name)
    if label_role(name) is None and not full_name and not _NUMBERED.match(name):
        return None
    return name, m["rest"]


def score(lines: Sequence[Line]) -> float:
    head = lines[:HEAD]
    named = Counter(found[0] for line in head if (found := _inline(line.text)) is not None)
    if sum(named.values()) >= 3 and len(named) >= 2 and max(named.values()) >= 2:
        return 0.5
    bare = repeated_names(head, mentions=False)
    repeated = [name for name, n in bare.items() if n >= 2]
    operator = any(label_role(line.text) is not None for line in head)
    if (len(repeated) >= 3 or (operator and repeated)) and sum(bare[name] for name in repeated) >= 4:
        return 0.3  # names alone on their lines, said again and again: with an operator, or three

    return 0.0


def read(lines: list[Line], whole: str) -> Reading:
    inline = sum(1 for line in lines[:HEAD] if _inline(line.text) is not None)
    if inline < 3:
        return Reading(merge_runs(*speaker_runs(lines, Roster())))
    items: list[Item] = []
    runs: list[tuple[int, list[Line]]] = []
    body: list[Line] = []
    preamble: list[str] = []
    for line in lines:
        found = _inline(line.text)
        if heading_key(line.text) in QUESTIONS:
            if body:
                runs.append((len(items), body))
                body = []
            items.append(qa_heading(line.number))
            continue
        if found is None:
            if not items and not body and len(preamble) < 3 and len(line.text) <= 150:
                preamble.append(line.text)
                continue
            body.append(line)
            continue
        if body:
            runs.append((len(items), body))
            body = []
        name, rest = found
        items.append(speaker_item(line.number, name))
        body = [Line(line.number, rest)]
    if body:
        runs.append((len(items), body))
    out = merge_runs(items, runs)
    if preamble:
        out.insert(0, CallItem(lines[0].number, preamble[0]))
    return Reading(out)


LAYOUT = Layout("plain", "'Name: text'", score, read, heads_split=False)
