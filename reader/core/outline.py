"""What the side panel shows of a call, and the jumps it offers: the call's outline (prepared
remarks, Q&A and each question), who spoke how much, and where the next turn or question starts.

Plain data, no Qt, and no sentences: the UI composes the labels so they can be translated.
All paragraph indices are global to the file, like reader.core.model.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from .model import Role, Transcript


@dataclass(frozen=True)
class Question:
    """One question of the Q&A: who asked (and from which firm) and who answered."""

    paragraph: int  # Exchange.first
    asker: str
    firm: str | None
    submitted: bool  # read out by the operator; asker is then the operator
    answerers: tuple[str, ...]


@dataclass(frozen=True)
class CallOutline:
    """A call's outline: company and period, where the prepared remarks and the Q&A start, the questions."""

    call: int
    company: str | None
    period: str | None
    prepared: int | None  # first paragraph of the prepared remarks, None when the call has none
    qa: int | None  # Call.qa_start
    questions: tuple[Question, ...]


def call_outline(t: Transcript, call: int) -> CallOutline:
    c = t.calls[call]
    before_qa = c.end if c.qa_start is None else c.qa_start
    questions = tuple(
        Question(e.first, e.asker, e.firm, e.submitted, tuple(e.answerers))
        for e in t.exchanges
        if e.call == call
    )
    return CallOutline(
        call, c.company, c.period, c.first if before_qa > c.first else None, c.qa_start, questions
    )


@dataclass(frozen=True)
class SpeakerStat:
    """A speaker's part in one call: turns, words and share of the call's words."""

    name: str
    title: str
    role: Role
    firm: str | None
    turns: int  # turns in this call
    words: int  # English words in this call (Chinese characters in a file without English)
    share: float  # 0..1 of the call's words


# A Chinese character, or a run of anything else that is neither space nor punctuation (a number,
# a Latin word): how word processors count text written without spaces.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


@cache
def _cjk_word() -> re.Pattern[str]:
    """Compiled on first use: only files without English count words this way."""
    return re.compile(f"[{_HAN}]|[^\\W{_HAN}]+")


def count_words(text: str | None) -> int:
    """Words as a word processor counts them: runs of characters between white space."""
    return len(text.split()) if text else 0


def count_chinese(text: str | None) -> int:
    return len(_cjk_word().findall(text)) if text else 0


def speaker_stats(t: Transcript, call: int) -> list[SpeakerStat]:
    """The call's speakers in order of first appearance; the unnamed (speaker "") are left out."""
    c = t.calls[call]
    english = "en" in t.languages
    turns: dict[str, int] = {}
    words: dict[str, int] = {}
    for turn in t.turns[c.first_turn : c.end_turn]:
        if not turn.speaker:
            continue
        turns[turn.speaker] = turns.get(turn.speaker, 0) + 1
        counted = (
            count_words(t.paragraphs[p].en) if english else count_chinese(t.paragraphs[p].zh)
            for p in turn.paragraphs
        )
        words[turn.speaker] = words.get(turn.speaker, 0) + sum(counted)
    total = sum(words.values())
    stats = []
    for name, n in turns.items():
        sp = t.speakers.get(name)
        title, role, firm = (sp.title, sp.role, sp.firm) if sp else ("", Role.UNKNOWN, None)
        stats.append(
            SpeakerStat(name, title, role, firm, n, words[name], words[name] / total if total else 0.0)
        )
    return stats


def speaker_turns(t: Transcript, name: str) -> list[int]:
    """The first paragraph of each of the speaker's turns in the file (turns without text left out)."""
    return [turn.first for turn in t.turns if turn.speaker == name and turn.end > turn.first]


def _step(starts: list[int], paragraph: int, backwards: bool) -> int | None:
    """The first of the ascending `starts` after `paragraph`, or the last before it."""
    if backwards:
        i = bisect_left(starts, paragraph)
        return starts[i - 1] if i > 0 else None
    i = bisect_right(starts, paragraph)
    return starts[i] if i < len(starts) else None


def next_turn_start(
    t: Transcript, paragraph: int, name: str | None = None, backwards: bool = False
) -> int | None:
    """The first paragraph of the next (previous) turn starting after (before) `paragraph`, only
    `name`'s turns if given. Backwards from inside a turn lands on that turn's start first."""
    starts = [
        turn.first for turn in t.turns if turn.end > turn.first and (name is None or turn.speaker == name)
    ]
    return _step(starts, paragraph, backwards)


def next_question(t: Transcript, paragraph: int, backwards: bool = False) -> int | None:
    """Where the next (previous) question of the file begins (Exchange.first)."""
    return _step(sorted(e.first for e in t.exchanges), paragraph, backwards)


def qa_start(t: Transcript, paragraph: int) -> int | None:
    """The Q&A start of the call holding `paragraph`, else the first Q&A of the file."""
    if 0 <= paragraph < len(t.paragraphs):
        own = t.calls[t.paragraphs[paragraph].call].qa_start
        if own is not None:
            return own
    return t.qa_start
