"""From the item stream to the structure of a call: turns, speakers and their roles, where one call
ends and the next begins, prepared remarks and Q&A, and each question-and-answer exchange."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import cues
from .lines import SpeakerLine, is_analyst_title
from .messages import BEFORE_FIRST_SPEAKER, Message
from .model import Call, Exchange, Paragraph, Role, Section, Speaker, Turn
from .outline import count_words
from .pairing import CallItem, HeaderItem, Item, ParagraphItem, SectionItem, SpeakerItem

_HAN_OR_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[A-Za-z0-9][\w.%$-]*")


def count_chinese_words(text: str | None) -> int:
    """Words of a Chinese text as a Chinese word processor counts them: each character, and each
    run of Latin letters or digits as one."""
    return len(_HAN_OR_WORD.findall(text)) if text else 0


@dataclass
class Structure:
    """Paired items grouped into turns, speakers, calls and Q&A exchanges."""

    header: str | None
    paragraphs: list[Paragraph]
    turns: list[Turn]
    speakers: dict[str, Speaker]
    calls: list[Call]
    exchanges: list[Exchange]
    warnings: list[str] = field(default_factory=list)
    chinese_only: bool = False  # no English: the cues read the Chinese text
    stated_roles: set[str] = field(default_factory=set)  # roles a participant list gave; kept


def build(items: list[Item], chinese_only: bool = False, heads_split: bool = False) -> Structure:
    """Group the items; `chinese_only`: the text has no English, so the cues read the Chinese;
    `heads_split`: the source marks where each call begins (a title, its participant lists), so
    only those marks start a new call, not an operator's second welcome."""
    read = _turns(items)
    structure = Structure(read.header, read.paragraphs, read.turns, read.speakers, [], [])
    structure.chinese_only = chinese_only
    structure.stated_roles = read.stated_roles
    turns = read.turns
    if turns and not turns[0].speaker and turns[0].end > turns[0].first:
        structure.warnings.append(Message(BEFORE_FIRST_SPEAKER, count=turns[0].end - turns[0].first))
    _assign_firms(structure)
    _split_calls(structure, read.breaks, read.call_heads, heads_split)
    for call in structure.calls:
        _find_qa(structure, call, read.qa_marks)
        _mark_sections(structure, call)
        _find_exchanges(structure, call)
    _count(structure)
    return structure


@dataclass
class _Read:
    """What one pass over the items gives."""

    header: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    breaks: set[int] = field(default_factory=set)  # turns a new call starts at (a disclaimer, a title)
    call_heads: dict[int, CallItem] = field(default_factory=dict)  # the title a call starting there has
    qa_marks: list[int] = field(default_factory=list)  # paragraphs a Q&A heading stands before
    stated_roles: set[str] = field(default_factory=set)  # speakers whose role the source states


def _turns(items: list[Item]) -> _Read:
    r = _Read()
    paragraphs, turns, speakers = r.paragraphs, r.turns, r.speakers
    header_pending = False
    head: CallItem | None = None  # a call title waiting for the call's first turn
    for item in items:
        if isinstance(item, HeaderItem):
            if r.header is None:
                r.header = item.text
            if paragraphs:
                header_pending = True
        elif isinstance(item, CallItem):
            head = item
            if paragraphs:
                header_pending = True
        elif isinstance(item, SectionItem):
            if item.section is Section.QA:
                r.qa_marks.append(len(paragraphs))
        elif isinstance(item, SpeakerItem):
            line = item.speaker
            turns.append(Turn(len(turns), line.name, 0, item.line, len(paragraphs), len(paragraphs)))
            if header_pending:
                r.breaks.add(len(turns) - 1)
                header_pending = False
            if head is not None:
                r.call_heads[len(turns) - 1] = head
                head = None
            known = speakers.get(line.name)
            if known is None:
                role = item.role or _role_from_line(line)
                speakers[line.name] = Speaker(line.name, line.title, role, item.firm, title_zh=item.title_zh)
                if item.role is not None:
                    r.stated_roles.add(line.name)
            else:
                if item.title_zh and not known.title_zh:
                    known.title_zh = item.title_zh
                if item.firm and not known.firm:
                    known.firm = item.firm
        elif isinstance(item, ParagraphItem):
            if not turns or header_pending:
                turns.append(Turn(len(turns), "", 0, item.line, len(paragraphs), len(paragraphs)))
                if header_pending:
                    r.breaks.add(len(turns) - 1)
                    header_pending = False
                if head is not None:
                    r.call_heads[len(turns) - 1] = head
                    head = None
            paragraphs.append(
                Paragraph(len(paragraphs), item.en, item.zh, len(turns) - 1, 0, Section.PREPARED, item.line)
            )
            turns[-1].end = len(paragraphs)
    return r


def _role_from_line(line: SpeakerLine) -> Role:
    if line.label_role is not None:
        return Role(line.label_role)
    if is_analyst_title(line.title):
        return Role.ANALYST
    return Role.MANAGEMENT


def _operator_turns(s: Structure, turns: range) -> list[Turn]:
    return [s.turns[t] for t in turns if _role(s, s.turns[t]) is Role.OPERATOR]


def _role(s: Structure, turn: Turn) -> Role:
    speaker = s.speakers.get(turn.speaker)
    return speaker.role if speaker else Role.UNKNOWN


def _assign_firms(s: Structure) -> None:
    """The operator's announcements name each questioner and their firm: a speaker announced so
    is an analyst, whatever their title says."""
    by_name = {name.casefold(): sp for name, sp in s.speakers.items()}
    for turn in _operator_turns(s, range(len(s.turns))):
        for text in _english(s, turn):
            found = cues.find_announcement(text)
            if found is None:
                continue
            speaker = by_name.get(found.name.casefold())
            if speaker is None or speaker.role is Role.OPERATOR:
                continue
            if speaker.name in s.stated_roles and speaker.role is not Role.ANALYST:
                continue  # the participant list knows better than a guess from the words
            speaker.role = Role.ANALYST
            if found.firm and not speaker.firm:
                speaker.firm = found.firm


def _english(s: Structure, turn: Turn) -> list[str]:
    """The English of a turn's paragraphs ("" where a paragraph has none); the Chinese when the
    text has no English at all."""
    if s.chinese_only:
        return [s.paragraphs[p].zh or "" for p in turn.paragraphs]
    return [s.paragraphs[p].en or "" for p in turn.paragraphs]


def _first_text(s: Structure, turn: Turn) -> str:
    if turn.end == turn.first:
        return ""
    p = s.paragraphs[turn.first]
    return (p.zh if s.chinese_only else p.en) or ""


def _split_calls(s: Structure, breaks: set[int], heads: dict[int, CallItem], heads_split: bool) -> None:
    """A new call starts at a repeated disclaimer, or where an opening ("welcome to ... call")
    follows a call that already had its Q&A or its closing."""
    starts = [0]
    questions_seen = closed = False
    for turn in s.turns[1:]:
        text = _first_text(s, turn)
        role = _role(s, turn)
        since = turn.index - starts[-1]
        reopened = not heads_split and since >= 3 and (questions_seen or closed) and cues.opens_call(text)
        if turn.index in breaks or reopened:
            starts.append(turn.index)
            questions_seen = closed = False
            continue
        if role is Role.ANALYST or (role is Role.OPERATOR and cues.opens_questions(text)):
            questions_seen = True
        if role is Role.OPERATOR and any(map(cues.closes_call, _english(s, turn))):
            closed = True
    bounds = [*starts, len(s.turns)]
    for first_turn, end_turn in zip(bounds, bounds[1:], strict=False):
        if first_turn >= end_turn:
            continue
        first, end = s.turns[first_turn].first, s.turns[end_turn - 1].end
        texts = [s.paragraphs[p].en or "" for p in range(first, min(end, first + 12))]
        head = heads.get(first_turn)
        if s.chinese_only:
            opening = [s.paragraphs[p].zh or "" for p in range(first, min(end, first + 12))]
            title = [head.title] if head is not None and head.title else []
            company, period = cues.find_company_period_zh(title + opening)
        else:
            company, period = cues.find_company_period(texts)
            if head is not None and head.title and (company is None or period is None):
                title_company, title_period = cues.find_company_period_in_title(head.title)
                company, period = company or title_company, period or title_period
        call = Call(len(s.calls), company, period, first_turn, end_turn, first, end, None)
        if head is not None:
            call.title, call.summary = head.title, list(head.summary)
        s.calls.append(call)
    if not s.calls:
        s.calls.append(Call(0, None, None, 0, 0, 0, 0, None))
    for call in s.calls:
        for t in range(call.first_turn, call.end_turn):
            s.turns[t].call = call.index
        for p in range(call.first, call.end):
            s.paragraphs[p].call = call.index


def _find_qa(s: Structure, call: Call, marks: list[int]) -> None:
    """The Q&A begins where the source's heading says; else with the operator turn that opens the
    questions (an announced questioner, a 'first question', submitted questions read out);
    failing that, at the first analyst's turn."""
    mark = next((m for m in marks if call.first <= m < call.end), None)
    if mark is not None:
        call.qa_start = mark
        return
    turns = range(call.first_turn, call.end_turn)
    for turn in _operator_turns(s, turns):
        texts = _english(s, turn)
        if texts and cues.opens_call(texts[0]):
            continue
        if any(cues.opens_questions(t) or cues.find_announcement(t) for t in texts):
            call.qa_start = turn.first
            return
    for t in turns:
        turn = s.turns[t]
        if _role(s, turn) is Role.ANALYST:
            previous = s.turns[t - 1] if t > call.first_turn else None
            if previous is not None and _role(s, previous) is Role.OPERATOR:
                turn = previous
            call.qa_start = turn.first
            return


def _mark_sections(s: Structure, call: Call) -> None:
    if call.qa_start is None:
        return
    for p in range(call.qa_start, call.end):
        s.paragraphs[p].section = Section.QA


def _find_exchanges(s: Structure, call: Call) -> None:
    """Each question: an analyst's turn after the operator (follow-ups by the same analyst stay in
    it), or the operator reading a question out; the answers are the management turns after it."""
    if call.qa_start is None:
        return
    current: Exchange | None = None
    previous_role: Role | None = None
    for t in range(call.first_turn, call.end_turn):
        turn = s.turns[t]
        if turn.first < call.qa_start or turn.end == turn.first:
            continue
        role = _role(s, turn)
        if role is Role.OPERATOR:
            current = None
            texts = _english(s, turn)
            following = s.turns[t + 1] if t + 1 < call.end_turn else None
            next_is_answer = following is not None and _role(s, following) in (Role.MANAGEMENT, Role.UNKNOWN)
            if next_is_answer and any(cues.reads_question(x) for x in texts):
                first = next(p for p, x in zip(turn.paragraphs, texts, strict=True) if cues.reads_question(x))
                current = Exchange(call.index, turn.speaker, None, True, first, turn.end)
                s.exchanges.append(current)
        elif role is Role.ANALYST:
            asker_changed = current is None or current.asker != turn.speaker or current.submitted
            if asker_changed or previous_role is Role.OPERATOR:
                firm = s.speakers[turn.speaker].firm
                current = Exchange(call.index, turn.speaker, firm, False, turn.first, turn.end)
                s.exchanges.append(current)
            elif current is not None:
                current.end = turn.end
        elif current is not None:
            if turn.speaker and turn.speaker not in current.answerers:
                current.answerers.append(turn.speaker)
            current.end = turn.end
        previous_role = role


def _count(s: Structure) -> None:
    for turn in s.turns:
        speaker = s.speakers.get(turn.speaker)
        if speaker is None:
            continue
        speaker.turns += 1
        for p in turn.paragraphs:
            paragraph = s.paragraphs[p]
            words = count_chinese_words(paragraph.zh) if s.chinese_only else count_words(paragraph.en)
            speaker.words += words
            section = paragraph.section.value
            speaker.words_by_section[section] = speaker.words_by_section.get(section, 0) + words
