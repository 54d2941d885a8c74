"""The outline of a call, its speakers' share of the talk, and the jumps between turns and questions."""

from pathlib import Path

import pytest

from reader.core.model import Role
from reader.core.outline import (
    CallOutline,
    Question,
    call_outline,
    count_chinese,
    next_question,
    next_turn_start,
    qa_start,
    speaker_stats,
    speaker_turns,
)
from reader.core.parser import parse_file, parse_text

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).parent.parent / "resources" / "sample-transcript.txt"


@pytest.fixture
def sample():
    return parse_file(SAMPLE)


@pytest.fixture
def multi():
    return parse_file(FIXTURES / "multi_call.txt")


def test_sample_outline(sample):
    o = call_outline(sample, 0)
    assert o == CallOutline(
        0,
        "Lumora Mobility",
        "Q3 2025",
        0,
        21,
        (
            Question(23, "Vivian Tsai", "Harbor Ridge Securities", False, ("Arjun Mehta", "Mei Lin")),
            Question(29, "Marcus Feld", "Kestrel Capital", False, ("Owen Zhao",)),
            Question(35, "Li Wei", "Eastgate Securities", False, ("Mei Lin",)),
            Question(38, "Hannah Okafor", "Northbridge Partners", False, ("Arjun Mehta",)),
        ),
    )
    assert o.qa == sample.calls[0].qa_start
    for q in o.questions:  # each question opens the asker's turn, right after the operator names them
        assert sample.turns[sample.paragraphs[q.paragraph].turn].speaker == q.asker
        announcement = sample.paragraphs[q.paragraph - 1]
        assert sample.turns[announcement.turn].speaker == "Operator"
        assert q.asker in announcement.en and q.firm in announcement.en


def test_multi_call_outline_per_call(multi):
    first, second = call_outline(multi, 0), call_outline(multi, 1)
    assert (first.call, first.company, first.period, first.prepared, first.qa) == (
        0,
        "Orbis Drone Systems",
        "Q1 2025",
        0,
        4,
    )
    assert first.questions == (
        Question(6, "Omar Haddad", "Tallgrass Securities", False, ("Felix Moreau",)),
        Question(9, "Ruth Adeyemi", "Northgate Research", False, ("Grace Lindqvist",)),
    )
    assert (second.call, second.company, second.period, second.prepared, second.qa) == (
        1,
        "Pennant Foods",
        "Q4 2024",
        12,
        15,
    )
    assert second.questions == (Question(16, "Ben Kessler", "Oakmont Partners", False, ("Victor Lam",)),)


def test_submitted_questions_are_asked_by_the_operator():
    t = parse_file(FIXTURES / "submitted_questions.txt")
    o = call_outline(t, 0)
    assert (o.prepared, o.qa) == (0, 6)
    assert [(q.paragraph, q.asker, q.firm, q.submitted, q.answerers) for q in o.questions] == [
        (7, "Operator", None, True, ("David Brandt",)),
        (9, "Operator", None, True, ("Meera Iyer",)),
        (12, "Priya Raman", "Westfield Capital", False, ("David Brandt",)),
        (15, "Tom Becker", "Granite Peak Securities", False, ("Meera Iyer",)),
        (18, "Priya Raman", "Westfield Capital", False, ("David Brandt",)),
    ]


def test_outline_without_prepared_remarks_or_qa(multi):
    multi.calls[1].qa_start = 12  # the Q&A takes the whole call: no prepared remarks
    assert call_outline(multi, 1).prepared is None
    assert call_outline(multi, 1).qa == 12
    multi.calls[0].qa_start = None  # no Q&A: the whole call is prepared remarks
    assert (call_outline(multi, 0).prepared, call_outline(multi, 0).qa) == (0, None)


def test_sample_speaker_stats(sample):
    stats = speaker_stats(sample, 0)
    assert [s.name for s in stats] == list(sample.speakers)  # one call: the file's order
    by_name = {s.name: s for s in stats}
    assert (by_name["Operator"].turns, by_name["Operator"].words, by_name["Operator"].role) == (
        7,
        97,
        Role.OPERATOR,
    )
    mei = by_name["Mei Lin"]
    assert (mei.title, mei.role, mei.firm, mei.turns, mei.words) == (
        "Chairwoman of the Board, Chief Executive Officer",
        Role.MANAGEMENT,
        None,
        4,
        496,
    )
    assert mei.share == pytest.approx(496 / 1460)
    assert (by_name["Li Wei"].firm, by_name["Li Wei"].role) == ("Eastgate Securities", Role.ANALYST)
    assert sum(s.words for s in stats) == 1460
    assert sum(s.share for s in stats) == pytest.approx(1.0)
    for s in stats:  # a one-call file: the same counts as the parser's whole-file ones
        assert (s.turns, s.words) == (sample.speakers[s.name].turns, sample.speakers[s.name].words)


def test_multi_call_speaker_stats_are_per_call(multi):
    first, second = speaker_stats(multi, 0), speaker_stats(multi, 1)
    assert [s.name for s in first] == [
        "Operator",
        "Felix Moreau",
        "Grace Lindqvist",
        "Omar Haddad",
        "Ruth Adeyemi",
    ]
    assert [s.name for s in second] == ["Operator", "Chloe Ramirez", "Victor Lam", "Ben Kessler"]
    assert (first[0].turns, second[0].turns) == (4, 3)
    assert next(s for s in second if s.name == "Ben Kessler").turns == 2
    for stats in (first, second):
        assert sum(s.share for s in stats) == pytest.approx(1.0)
    for name, speaker in multi.speakers.items():  # the calls' counts add up to the file's
        assert sum(s.words for s in first + second if s.name == name) == speaker.words
        assert sum(s.turns for s in first + second if s.name == name) == speaker.turns


def test_chinese_only_file_counts_characters():
    assert count_chinese("感謝您的耐心等待,歡迎參加 Quillon Energy 2025 年第一季財報") == 21
    assert count_chinese("營收為 240 萬美元。") == 7
    assert (count_chinese(""), count_chinese(None)) == (0, 0)
    t = parse_file(FIXTURES / "basic.txt")
    for p in t.paragraphs:
        p.en = None
    t.languages = ["zh"]
    stats = speaker_stats(t, 0)
    assert stats[0].name == "Operator"
    assert count_chinese(t.paragraphs[0].zh) == 36  # 30 characters, 6 runs of Latin letters or digits
    operator = [p for turn in t.turns if turn.speaker == "Operator" for p in turn.paragraphs]
    assert stats[0].words == sum(count_chinese(t.paragraphs[p].zh) for p in operator) == 79
    assert sum(s.share for s in stats) == pytest.approx(1.0)
    assert all(s.words > 0 for s in stats)


def _with_empty_turn():
    """basic.txt with a Raymond Kwok speaker line and no text right before Elena Varga's."""
    lines = (FIXTURES / "basic.txt").read_text(encoding="utf-8").split("\n")
    i = lines.index("Elena Varga - Chief Executive Officer")
    lines[i:i] = ["Raymond Kwok - Chief Financial Officer"] * 2
    t = parse_text("\n".join(lines))
    assert (t.turns[1].speaker, t.turns[1].first, t.turns[1].end) == ("Raymond Kwok", 1, 1)
    return t


def test_turns_without_text():
    t = _with_empty_turn()
    assert speaker_turns(t, "Raymond Kwok") == [4, 12, 14]
    assert next(s for s in speaker_stats(t, 0) if s.name == "Raymond Kwok").turns == 4
    assert next_turn_start(t, 0) == 1  # Elena's turn, not the empty one
    assert next_turn_start(t, 0, "Raymond Kwok") == 4


def test_skips_turns_without_speaker(sample):
    sample.turns[0].speaker = ""  # the first paragraphs came before any speaker line
    stats = speaker_stats(sample, 0)
    assert [s.name for s in stats][:4] == ["Grace Ho", "Mei Lin", "Arjun Mehta", "Operator"]
    assert next(s for s in stats if s.name == "Operator").turns == 6
    assert sum(s.words for s in stats) == 1460 - sum(len(sample.paragraphs[p].en.split()) for p in (0, 1))


def test_speaker_turns(sample, multi):
    assert speaker_turns(sample, "Mei Lin") == [5, 26, 36, 42]
    assert speaker_turns(sample, "Nobody") == []
    assert speaker_turns(multi, "Operator") == [0, 4, 8, 11, 12, 15, 19]  # across both calls


def test_next_turn_start(sample, multi):
    assert next_turn_start(sample, 0) == 2
    assert next_turn_start(sample, 3) == 5
    assert next_turn_start(sample, 42) == 43
    assert next_turn_start(sample, 43) is None
    assert next_turn_start(sample, 5, backwards=True) == 2
    assert next_turn_start(sample, 7, backwards=True) == 5  # inside a turn: its own start first
    assert next_turn_start(sample, 1, backwards=True) == 0
    assert next_turn_start(sample, 0, backwards=True) is None
    assert next_turn_start(multi, 11) == 12  # into the next call


def test_next_turn_start_of_one_speaker(sample):
    assert next_turn_start(sample, 0, "Mei Lin") == 5
    assert next_turn_start(sample, 5, "Mei Lin") == 26
    assert next_turn_start(sample, 42, "Mei Lin") is None
    assert next_turn_start(sample, 30, "Mei Lin", backwards=True) == 26
    assert next_turn_start(sample, 6, "Mei Lin", backwards=True) == 5
    assert next_turn_start(sample, 5, "Mei Lin", backwards=True) is None
    assert next_turn_start(sample, 0, "Nobody") is None


def test_next_question(sample, multi):
    assert next_question(sample, 0) == 23
    assert next_question(sample, 23) == 29
    assert next_question(sample, 36) == 38
    assert next_question(sample, 38) is None
    assert next_question(sample, 24, backwards=True) == 23
    assert next_question(sample, 23, backwards=True) is None
    assert next_question(sample, 43, backwards=True) == 38
    assert next_question(multi, 10) == 16  # into the next call


def test_qa_start(sample, multi):
    assert qa_start(sample, 3) == 21
    assert qa_start(sample, 40) == 21
    assert (qa_start(multi, 2), qa_start(multi, 13), qa_start(multi, 20)) == (4, 15, 15)
    assert qa_start(multi, -1) == 4
    multi.calls[1].qa_start = None  # a call without Q&A: the file's first
    assert qa_start(multi, 13) == 4
    multi.calls[0].qa_start = None
    assert qa_start(multi, 13) is None
