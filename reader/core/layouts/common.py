"""What the layouts share: the reading they hand back, the participants a source lists, speaker
items, and joining hard-wrapped lines back into paragraphs."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..lines import SpeakerLine, is_analyst_title, is_chinese, is_name
from ..model import Role, Section
from ..pairing import CallItem, Item, Line, ParagraphItem, SectionItem, SpeakerItem
from .headings import is_heading

HEAD = 400
"""How many non-blank lines from the top a layout's score looks at."""


@dataclass
class Reading:
    """What a layout read from a text: the item stream the structure is built from."""

    items: list[Item]
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Layout:
    """A source layout: how well a text fits it (0..1, from its first lines) and how to read it."""

    id: str
    expected: str  # what its speaker lines look like, for the error when nothing fits
    score: Callable[[Sequence[Line]], float]
    read: Callable[[list[Line], str], Reading]  # the text's non-blank lines, and the whole text
    heads_split: bool = True  # a new call starts only where the source's head says (not a welcome)


@dataclass
class Participant:
    """One person a participant list names."""

    name: str
    title: str
    firm: str | None
    role: Role


class Roster(dict[str, Participant]):
    """The participants a source lists, by name (case-folded)."""

    def add(self, name: str, title: str, firm: str | None, role: Role) -> None:
        name = name.strip()
        if name and name.casefold() not in self:
            self[name.casefold()] = Participant(name, title.strip(), firm.strip() if firm else firm, role)

    def find(self, name: str) -> Participant | None:
        return self.get(name.strip().casefold())


# Stand-alone labels and what they say about the speaker.
LABELS = {
    "operator": Role.OPERATOR,
    "conference operator": Role.OPERATOR,
    "moderator": Role.OPERATOR,
    "unidentified analyst": Role.ANALYST,
    "unknown analyst": Role.ANALYST,
    "unidentified participant": Role.UNKNOWN,
    "unidentified speaker": Role.UNKNOWN,
    "unknown speaker": Role.UNKNOWN,
    "unidentified company representative": Role.MANAGEMENT,
    "unidentified company speaker": Role.MANAGEMENT,
}


def label_role(name: str) -> Role | None:
    return LABELS.get(name.strip().casefold())


def speaker_item(
    line: int, name: str, title: str = "", role: Role | None = None, firm: str | None = None
) -> SpeakerItem:
    """A speaker item for a name a source gives; the role from the source, a label, or the title."""
    label = label_role(name)
    if role is None:
        role = label or (Role.ANALYST if is_analyst_title(title) else None)
    speaker = SpeakerLine(name, title, label.value if label is not None else None)
    return SpeakerItem(line, speaker, None, role, firm)


def roster_item(
    line: int, name: str, roster: Roster, title: str = "", firm: str | None = None
) -> SpeakerItem:
    """A speaker item for `name`, taking title, firm and role from the participant list."""
    known = roster.find(name)
    if known is not None:
        return speaker_item(line, known.name, known.title or title, known.role, known.firm or firm)
    return speaker_item(line, name, title, None, firm)


def paragraph(line: int, text: str) -> ParagraphItem:
    """A paragraph of a one-language source: Chinese or English by its script."""
    return ParagraphItem(line, None, text) if is_chinese(text) else ParagraphItem(line, text, None)


def preamble_title(preamble: list[str]) -> str:
    """The call's title from the lines above a source's first section: the first, or the first two
    when the second goes on with the call's name ("... Earnings Call")."""
    return " ".join(preamble[:2]) if len(preamble) > 1 and "call" in preamble[1].casefold() else preamble[0]


def section_start(items: list[Item], preamble: list[str], line: int, questions: bool) -> None:
    """A heading that starts the body: what stood above it titles the call when nothing came
    before it; a Q&A heading also marks where the Q&A starts."""
    if not items and preamble:
        items.append(CallItem(line, preamble_title(preamble)))
    if questions:
        items.append(qa_heading(line))


def qa_heading(line: int) -> SectionItem:
    return SectionItem(line, Section.QA)


# --- Hard-wrapped text -----------------------------------------------------------------------

# A sentence's end, or a line that is a bracketed note alone (`(Operator Instructions)`).
_SENTENCE_END = re.compile(
    r"[.?!:;\u3002\uff1f\uff01\u2026][\"'\u201d\u2019)\]]*$|^\([^()]{2,60}\)$|^\[[^\[\]]{2,60}\]$"
)


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The width a text was hard-wrapped at, or None when its lines are whole paragraphs.

    A wrapped text has a good share (over a third) of its lines ending within a word's length of
    one width, the longest line's; a text of whole paragraphs has lines of every length, often
    longer than any wrap (220 columns)."""
    lengths = [len(line.text) for line in lines if len(line.text) >= 40]
    if len(lengths) < 8:
        return None
    widest = max(lengths)
    if widest > 220:
        return None
    near = sum(1 for n in lengths if n >= widest - 20)
    return widest if near >= 5 and near * 20 >= len(lengths) * 7 else None


def join_paragraphs(
    lines: Sequence[Line], width: int | None, skipped: frozenset[int] = frozenset()
) -> list[ParagraphItem]:
    """The paragraphs of a run of lines: a blank line always ends one; in hard-wrapped text (a
    `width`) a line ends one too when it ends a sentence and the next line's first word would have
    fitted after it (so the break was the writer's, not the wrap's). Without a width, every line
    is a paragraph. `skipped`: numbers of lines left out (a page's running head) that are not
    blank lines."""
    out: list[ParagraphItem] = []
    if width is None:
        return [paragraph(line.number, line.text) for line in lines]
    start: Line | None = None
    parts: list[str] = []
    for i, line in enumerate(lines):
        if start is None:
            start = line
        parts.append(line.text)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        ends = nxt is None or any(n not in skipped for n in range(line.number + 1, nxt.number))
        if not ends and nxt is not None and _SENTENCE_END.search(line.text):
            first_word = nxt.text.split(maxsplit=1)[0]
            ends = len(line.text) + 1 + len(first_word) <= width
        if ends:
            out.append(paragraph(start.number, _join(parts)))
            start, parts = None, []
    return out


def _join(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        if text.endswith("-") and len(text) >= 2 and text[-2].isalpha() and part[:1].islower():
            text += part  # a word broken at its hyphen by the wrap: "pre-" + "announced" stays one
        elif is_chinese(text[-1:]) and is_chinese(part[:1]):
            text += part  # Chinese runs on without a space
        else:
            text += " " + part
    return text


def blocks(lines: Sequence[Line]) -> list[list[Line]]:
    """Runs of lines with no blank line between them."""
    out: list[list[Line]] = []
    for line in lines:
        if out and line.number == out[-1][-1].number + 1:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def name_like(text: str, words: int = 5) -> bool:
    """A line that could be a person's name on its own: a few capitalised words, no sentence,
    not a heading (`Presentation`, `Corporate Participants`)."""
    return (
        1 <= len(text.split()) <= words
        and len(text) <= 50
        and is_name(text)
        and text[-1] not in ".?!:;,"
        and not is_heading(text)
    )


def merge_runs(
    items: list[Item], runs: list[tuple[int, list[Line]]], skipped: frozenset[int] = frozenset()
) -> list[Item]:
    """The items with each run of text lines put back, as paragraphs, where it stood (`runs`:
    the index in `items` it goes before, and its lines). The wrap width is the whole text's."""
    width = wrap_width([line for _, run in runs for line in run])
    out: list[Item] = []
    at = 0
    for position, run in runs:
        out.extend(items[at:position])
        out.extend(join_paragraphs(run, width, skipped))
        at = position
    out.extend(items[at:])
    return out
