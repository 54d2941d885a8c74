"""From lines to a stream of items: disclaimer headers, speaker lines and paragraphs.

A file is a disclaimer, then pairs of lines: English, then its Chinese. Speaker lines (a pair of
identical `Name - Title` lines) are anchors found first, one line at a time. Between two anchors
the English and Chinese lines are paired by a small dynamic programme over the scripts of the
lines, so that a missing or an extra translation costs one paragraph its counterpart (and a
warning) instead of shifting every pair after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import SpeakerLine, chinese_speaker_line, is_chinese, is_disclaimer, parse_speaker_line
from .messages import CHINESE_ALONE, ENGLISH_ALONE, ENGLISH_RUN_ALONE, SPEAKER_ALONE, Message
from .model import Role, Section


@dataclass(slots=True)
class Line:
    """A non-blank line of the file, stripped, with its line number."""

    number: int  # 1-based, in the decoded file (blank lines counted)
    text: str


@dataclass(slots=True)
class HeaderItem:
    """The disclaimer header, as the file gives it."""

    line: int
    text: str


@dataclass(slots=True)
class SpeakerItem:
    """A speaker line (its English and Chinese pair read as one)."""

    line: int
    speaker: SpeakerLine
    title_zh: str | None  # the Chinese line's title when it translated it
    role: Role | None = None  # the role a source states (its participant lists), over any guess
    firm: str | None = None  # the firm a source states for the speaker


@dataclass(slots=True)
class SectionItem:
    """A heading that opens a section of the call (`Questions and Answers`, `问答环节`)."""

    line: int
    section: Section


@dataclass(slots=True)
class CallItem:
    """Where a source starts a call with a title (and maybe a summary): metadata, not text."""

    line: int
    title: str | None
    summary: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ParagraphItem:
    """A paragraph: its English line and its Chinese translation, either of them missing."""

    line: int
    en: str | None
    zh: str | None


Item = HeaderItem | SpeakerItem | ParagraphItem | SectionItem | CallItem


@dataclass
class Paired:
    """The file's lines paired: items in file order, whether it is bilingual, what was repaired."""

    items: list[Item]
    bilingual: bool
    warnings: list[str]


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, stripped, with their line numbers. CRLF, CR and LF all end a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    stripped = [raw.strip() for raw in text.split("\n")]
    return [Line(number, line) for number, line in enumerate(stripped, start=1) if line]


def pair_lines(lines: list[Line]) -> Paired:
    chinese = [is_chinese(line.text) for line in lines]
    disclaimer = [zh and is_disclaimer(line.text) for zh, line in zip(chinese, lines, strict=True)]
    zh_count = sum(chinese) - sum(disclaimer)
    en_count = len(lines) - sum(chinese)
    bilingual = zh_count >= 1 and zh_count * 10 >= en_count
    warnings: list[str] = []
    items: list[Item] = []
    body: list[int] = []  # indices of lines waiting to be paired

    def flush() -> None:
        if body:
            items.extend(
                _pair_body([lines[i] for i in body], [chinese[i] for i in body], bilingual, warnings)
            )
            body.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if disclaimer[i]:
            flush()
            items.append(HeaderItem(line.number, line.text))
            i += 1
            continue
        speaker = None if chinese[i] else parse_speaker_line(line.text)
        if speaker is not None:
            nxt = lines[i + 1].text if i + 1 < len(lines) else None
            if nxt == line.text:
                flush()
                items.append(SpeakerItem(line.number, speaker, None))
                i += 2
                continue
            title_zh = chinese_speaker_line(speaker, nxt) if nxt is not None else None
            if title_zh is not None:
                flush()
                items.append(SpeakerItem(line.number, speaker, title_zh or None))
                i += 2
                continue
            if not bilingual or speaker.strong:
                flush()
                if bilingual:
                    warnings.append(Message(SPEAKER_ALONE, line=line.number, text=line.text))
                items.append(SpeakerItem(line.number, speaker, None))
                i += 1
                continue
        body.append(i)
        i += 1
    flush()
    return Paired(items, bilingual, warnings)


# Costs of the ways a line can be placed; the cheapest placement of a run of lines wins.
_MISSING = 1.0  # an English line with no Chinese line, or a Chinese line with no English one
_LATIN_TWIN = 0.1  # an English line repeated as its own "translation" (a URL, a ticker)
_LATIN_SHORT = 0.6  # a short translation with no Chinese characters in it ("EX-2M")
_LATIN_SIMILAR = 0.3  # a longer one that keeps the same words (names, figures)
_IMPOSSIBLE = 99.0

_WORD = re.compile(r"[\w$%.]+")


def _latin_pair_cost(en: str, other: str) -> float:
    if en == other:
        return _LATIN_TWIN
    words_a, words_b = set(_WORD.findall(en.lower())), set(_WORD.findall(other.lower()))
    if words_a and words_b and len(words_a & words_b) / len(words_a | words_b) >= 0.5:
        return _LATIN_SIMILAR
    if len(other.split()) <= 6:
        return _LATIN_SHORT
    return _IMPOSSIBLE


def _pair_body(lines: list[Line], chinese: list[bool], bilingual: bool, warnings: list[str]) -> list[Item]:
    """Pair the lines of one turn: dynamic programme over 'pair', 'English alone', 'Chinese alone'."""
    n = len(lines)
    untranslated = bilingual and not any(chinese)  # a whole turn left untranslated
    alone_en = _MISSING if bilingual else 0.0
    cost = [0.0] + [float("inf")] * n
    step = [0] * (n + 1)  # 1: line alone, 2: line i-2 paired with i-1
    for i in range(1, n + 1):
        a = i - 1
        cost[i] = cost[a] + (_MISSING if chinese[a] else alone_en)
        step[i] = 1
        if i >= 2 and bilingual and not chinese[a - 1]:
            if chinese[a]:
                pair = 0.0
            elif untranslated:
                pair = _LATIN_TWIN if lines[a - 1].text == lines[a].text else _IMPOSSIBLE
            else:
                pair = _latin_pair_cost(lines[a - 1].text, lines[a].text)
            if cost[a - 1] + pair < cost[i]:
                cost[i] = cost[a - 1] + pair
                step[i] = 2
    out: list[Item] = []
    notes: list[str] = []
    i = n
    while i > 0:
        if step[i] == 2:
            out.append(ParagraphItem(lines[i - 2].number, lines[i - 2].text, lines[i - 1].text))
            i -= 2
        else:
            line = lines[i - 1]
            if chinese[i - 1]:
                out.append(ParagraphItem(line.number, None, line.text))
                notes.append(Message(CHINESE_ALONE, line=line.number))
            else:
                out.append(ParagraphItem(line.number, line.text, None))
                if bilingual and not untranslated:
                    notes.append(Message(ENGLISH_ALONE, line=line.number))
            i -= 1
    out.reverse()
    if untranslated and any(item.zh is None for item in out if isinstance(item, ParagraphItem)):
        alone = sum(1 for item in out if isinstance(item, ParagraphItem) and item.zh is None)
        first, last = lines[0].number, lines[-1].number
        notes.append(Message(ENGLISH_RUN_ALONE, first=first, last=last, count=alone))
    warnings.extend(reversed(notes))
    return out
