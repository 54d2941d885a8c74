"""The parser on every fixture, and on the variants users open: other encodings, CRLF, BOM,
blank lines, a missing or an extra translation line, several calls in one file, non-transcripts."""

import codecs
from pathlib import Path

import pytest
from fixture_counts import EXPECTED

from reader.core.errors import TranscriptError
from reader.core.model import Role, Section
from reader.core.parser import parse_bytes, parse_file, parse_text

FIXTURES = Path(__file__).parent / "fixtures"
TRANSCRIPTS = sorted(name for name, e in EXPECTED.items() if e["transcript"])


def text_of(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_fixture_counts(name):
    expected = EXPECTED[name]
    t = parse_file(FIXTURES / name)
    assert len(t.turns) == expected["turns"]
    assert len(t.paragraphs) == expected["paragraphs"]
    assert len(t.speakers) == expected["speakers"]
    assert t.languages == expected["languages"]
    assert t.encoding == expected["encoding"]
    assert t.header == expected["header"]
    assert t.qa_start == expected["qa_start"]
    assert len(t.exchanges) == expected["exchanges"]
    assert len(t.calls) == expected["calls"]
    assert t.warnings == []


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_fixture_speakers_and_roles(name):
    expected = EXPECTED[name]
    t = parse_file(FIXTURES / name)
    assert [(s.name, s.title, s.role.value) for s in t.speakers.values()] == [
        tuple(x) for x in expected["speaker_list"]
    ]
    assert {s.name: s.firm for s in t.speakers.values() if s.firm} == expected["firms"]


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_fixture_exchanges(name):
    t = parse_file(FIXTURES / name)
    got = [(e.asker, e.firm, e.submitted, e.answerers) for e in t.exchanges]
    assert got == [tuple(x) for x in EXPECTED[name]["exchange_list"]]
    for e in t.exchanges:
        assert all(t.paragraphs[p].section is Section.QA for p in range(e.first, e.end))


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_fixture_calls(name):
    t = parse_file(FIXTURES / name)
    for call, expected in zip(t.calls, EXPECTED[name]["call_list"], strict=True):
        assert call.company == expected["company"]
        assert call.period == expected["period"]
        assert (call.first_turn, call.end_turn, call.first, call.end) == (
            expected["first_turn"],
            expected["end_turn"],
            expected["first"],
            expected["end"],
        )
        assert call.qa_start == expected["qa_start"]
        for p in range(call.first, call.end):
            in_qa = call.qa_start is not None and p >= call.qa_start
            assert t.paragraphs[p].section is (Section.QA if in_qa else Section.PREPARED)
            assert t.paragraphs[p].call == call.index


def test_words_add_up():
    t = parse_file(FIXTURES / "basic.txt")
    total = sum(len(p.en.split()) for p in t.paragraphs)
    counted = sum(s.words for s in t.speakers.values())
    assert abs(counted - total) <= total * 0.05
    for s in t.speakers.values():
        assert sum(s.words_by_section.values()) == s.words


# --- Variants of the same call: same model, same fingerprint -------------------------------------


def variants(text: str) -> dict[str, bytes]:
    lines = text.split("\n")
    return {
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "cr": text.replace("\n", "\r").encode("utf-8"),
        "bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "trailing-newline": (text + "\n\n").encode("utf-8"),
        "blank-lines": "\n\n".join(lines).encode("utf-8"),
        "trailing-spaces": "\n".join(line + "  \t" for line in lines).encode("utf-8"),
        "utf-16-bom": text.encode("utf-16"),
        "utf-16-le-no-bom": text.encode("utf-16-le"),
        "utf-16-be-no-bom": text.encode("utf-16-be"),
        "utf-32": text.encode("utf-32"),
        "big5": text.encode("cp950"),
        "gb18030": text.encode("gb18030"),
        "crlf-bom-blank-utf16": codecs.BOM_UTF16_LE + "\r\n\r\n".join(lines).encode("utf-16-le"),
    }


@pytest.mark.parametrize("variant", list(variants("x")))
def test_variants_parse_the_same(variant):
    text = text_of("basic.txt")
    reference = parse_file(FIXTURES / "basic.txt")
    t = parse_bytes(variants(text)[variant])
    assert [(p.en, p.zh, p.section) for p in t.paragraphs] == [
        (p.en, p.zh, p.section) for p in reference.paragraphs
    ]
    assert [p.key for p in t.paragraphs] == [p.key for p in reference.paragraphs]
    assert t.fingerprint == reference.fingerprint
    assert t.warnings == []


def test_encoding_is_reported():
    text = text_of("basic.txt")
    assert parse_bytes(text.encode("cp950")).encoding == "cp950"
    assert parse_bytes(text.encode("gb18030")).encoding == "gb18030"
    assert parse_bytes(text.encode("utf-16-be")).encoding == "utf-16-be"
    simplified = text_of("simplified.txt")
    assert parse_bytes(simplified.encode("gb18030")).encoding == "gb18030"


def test_fingerprint_differs_between_calls():
    distinct = [name for name in TRANSCRIPTS if name != "multi_call_noheader.txt"]
    prints = {parse_file(FIXTURES / name).fingerprint for name in distinct}
    assert len(prints) == len(distinct)
    # the same calls with or without the second disclaimer are the same document
    assert (
        parse_file(FIXTURES / "multi_call.txt").fingerprint
        == parse_file(FIXTURES / "multi_call_noheader.txt").fingerprint
    )


def content_line_numbers(text: str) -> list[int]:
    """0-based indices of English paragraph lines in a clean bilingual fixture."""
    t = parse_bytes(text.encode())
    return [p.line - 1 for p in t.paragraphs]


def test_paragraph_keys_survive_an_insertion_elsewhere():
    text = text_of("basic.txt")
    lines = text.split("\n")
    before = parse_bytes(text.encode())
    # a new pair of lines inside the first content turn, after its first paragraph
    at = content_line_numbers(text)[0] + 2
    lines[at:at] = ["This sentence was added later by the editor.", "這句話是編輯後來加上的。"]
    after = parse_bytes("\n".join(lines).encode())
    assert len(after.paragraphs) == len(before.paragraphs) + 1
    assert {p.key for p in before.paragraphs} <= {p.key for p in after.paragraphs}
    assert after.fingerprint != before.fingerprint


# --- Broken pairing --------------------------------------------------------------------------------


def test_missing_translation_costs_one_paragraph_only():
    text = text_of("basic.txt")
    lines = text.split("\n")
    reference = parse_bytes(text.encode())
    victim = 5
    en_line = content_line_numbers(text)[victim]
    del lines[en_line + 1]
    t = parse_bytes("\n".join(lines).encode())
    assert len(t.paragraphs) == len(reference.paragraphs)
    assert t.paragraphs[victim].zh is None
    assert t.paragraphs[victim].en == reference.paragraphs[victim].en
    for i, (a, b) in enumerate(zip(t.paragraphs, reference.paragraphs, strict=True)):
        if i != victim:
            assert (a.en, a.zh) == (b.en, b.zh)
    assert len(t.warnings) == 1 and f"line {en_line + 1}" in t.warnings[0]


def test_extra_translation_line_shifts_nothing():
    text = text_of("basic.txt")
    lines = text.split("\n")
    reference = parse_bytes(text.encode())
    en_line = content_line_numbers(text)[3]
    lines.insert(en_line + 2, lines[en_line + 1])  # the translation, pasted twice
    t = parse_bytes("\n".join(lines).encode())
    pairs = [(p.en, p.zh) for p in t.paragraphs]
    assert pairs[4] == (None, reference.paragraphs[3].zh)
    assert pairs[:4] + pairs[5:] == [(p.en, p.zh) for p in reference.paragraphs]
    assert len(t.warnings) == 1


def test_every_single_line_dropped_keeps_the_rest_paired():
    text = text_of("submitted_questions.txt")
    reference = [(p.en, p.zh) for p in parse_bytes(text.encode()).paragraphs]
    lines = text.split("\n")
    for i in range(1, len(lines)):
        t = parse_bytes("\n".join(lines[:i] + lines[i + 1 :]).encode())
        got = [(p.en, p.zh) for p in t.paragraphs]
        intact = [pair for pair in got if pair[0] is not None and pair[1] is not None]
        assert set(intact) <= set(reference), f"dropping line {i + 1} mispaired a paragraph"
        assert len(intact) >= len(reference) - 1


# --- Several calls in one file ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["multi_call.txt", "multi_call_noheader.txt"])
def test_several_calls(name):
    t = parse_file(FIXTURES / name)
    assert len(t.calls) == 2
    a, b = t.calls
    assert a.end == b.first and a.end_turn == b.first_turn
    assert a.company != b.company
    assert b.qa_start is not None and b.qa_start > a.end


def test_pasted_seeds_add_up():
    one, two = text_of("basic.txt"), text_of("english_only.txt")
    a, b = parse_bytes(one.encode()), parse_bytes(two.encode())
    both = parse_bytes((one + "\n" + two).encode())
    assert len(both.paragraphs) == len(a.paragraphs) + len(b.paragraphs)
    assert len(both.turns) == len(a.turns) + len(b.turns)
    assert len(both.calls) == 2


# --- Roles -------------------------------------------------------------------------------------------


def test_roles_from_announcements_when_titles_say_nothing():
    text = text_of("english_only.txt")
    t = parse_bytes(text.replace(" - Analyst", " - Acme Capital").encode())
    analysts = [s for s in t.speakers.values() if s.role is Role.ANALYST]
    assert len(analysts) == sum(1 for s in EXPECTED["english_only.txt"]["speaker_list"] if s[2] == "analyst")


# --- Not transcripts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["not_a_transcript.txt", "unrelated.csv"])
def test_not_a_transcript(name):
    with pytest.raises(TranscriptError) as err:
        parse_file(FIXTURES / name)
    assert "not a transcript" in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.mkdir(), p)[1], "folder"),
        (lambda p: (p.write_bytes(b""), p)[1], "empty"),
        (lambda p: (p.write_bytes(b"\x00\x01\x02\x03" * 500), p)[1], "binary"),
    ],
)
def test_unreadable_paths(tmp_path, setup, reason):
    path = setup(tmp_path / "call.txt")
    with pytest.raises(TranscriptError, match=reason):
        parse_file(path)


def test_mojibake_is_reported_not_fatal():
    text = text_of("basic.txt").split("\n")
    text[3] += " We think there\u00e2s more to come."  # "there’s" mis-encoded upstream
    t = parse_bytes("\n".join(text).encode())
    assert len(t.paragraphs) == EXPECTED["basic.txt"]["paragraphs"]
    assert len(t.warnings) == 1 and "garbled" in t.warnings[0] and "line 4" in t.warnings[0]


def test_the_shipped_sample_parses_as_counted():
    from fixture_counts import SAMPLE

    from reader.core.paths import sample_path

    t = parse_file(sample_path())
    assert (len(t.turns), len(t.paragraphs), len(t.speakers)) == (
        SAMPLE["turns"],
        SAMPLE["paragraphs"],
        SAMPLE["speakers"],
    )
    assert t.qa_start == SAMPLE["qa_start"] and len(t.exchanges) == SAMPLE["exchanges"]
    assert [(s.name, s.title, s.role.value) for s in t.speakers.values()] == [
        tuple(x) for x in SAMPLE["speaker_list"]
    ]
    assert t.warnings == []


def test_files_joined_with_their_boms_still_split_into_calls():
    one = (FIXTURES / "basic.txt").read_bytes()
    two = (FIXTURES / "simplified.txt").read_bytes()
    t = parse_bytes(codecs.BOM_UTF8 + one + b"\n" + codecs.BOM_UTF8 + two)
    assert len(t.calls) == 2
    assert len(t.paragraphs) == EXPECTED["basic.txt"]["paragraphs"] + EXPECTED["simplified.txt"]["paragraphs"]
    assert t.warnings == []


def test_the_head_of_a_big_file_gives_its_first_call_as_the_whole_file_does():
    from reader.core.decoding import Decoded
    from reader.core.parser import parse_head

    text = (FIXTURES / "multi_call.txt").read_text(encoding="utf-8").rstrip("\n")
    big = Decoded("\n".join([text] * 3) + "\n", "utf-8")
    assert parse_head(Decoded(text, "utf-8"), 3_000) is None  # not twice the head's size
    assert parse_head(big, 1_500) is None  # the head holds no whole call
    head, whole = parse_head(big, 3_000), parse_text(big.text)
    assert head is not None and len(head.calls) == 2 and len(whole.calls) == 6
    c = whole.calls[0]
    assert (head.calls[0].first, head.calls[0].end) == (c.first, c.end)
    assert [p.key for p in head.paragraphs[c.first : c.end]] == [
        p.key for p in whole.paragraphs[c.first : c.end]
    ]
