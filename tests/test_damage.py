"""Property: whatever damage a file suffers, parsing gives a model or a TranscriptError, never
any other exception, and the model it gives is consistent."""

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import TranscriptError
from reader.core.model import Transcript
from reader.core.parser import parse_bytes
from reader.core.summary import info_dict

FIXTURE = (Path(__file__).parent / "fixtures" / "basic.txt").read_bytes()
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp950", "gb18030"]


def check(data: bytes) -> None:
    try:
        t = parse_bytes(data)
    except TranscriptError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert isinstance(t, Transcript)
    assert t.paragraphs and t.turns and t.calls
    assert [p.index for p in t.paragraphs] == list(range(len(t.paragraphs)))
    assert len({p.key for p in t.paragraphs}) == len(t.paragraphs)
    for turn in t.turns:
        assert 0 <= turn.first <= turn.end <= len(t.paragraphs)
    assert sum(turn.end - turn.first for turn in t.turns) == len(t.paragraphs)
    for p in t.paragraphs:
        assert p.en is not None or p.zh is not None
    if t.qa_start is not None:
        assert 0 <= t.qa_start < len(t.paragraphs)
    info = json.loads(json.dumps(info_dict(t)))  # the figures and the summary survive it too
    assert info["paragraphs"] == len(t.paragraphs)


def encoded(encoding: str) -> bytes:
    return FIXTURE.decode("utf-8").encode(encoding, errors="replace")


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    data = bytearray(encoded(draw(st.sampled_from(ENCODINGS))))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["cut", "flip", "insert", "drop_line", "dup_line", "nul"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "cut":
            del data[at:]
        elif kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "nul":
            data[at:at] = b"\x00"
        else:
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            if kind == "drop_line":
                del lines[i]
            else:
                lines.insert(i, lines[i])
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damage_gives_a_model_or_a_transcript_error(data):
    check(data)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    check(data)


def test_every_clean_encoding_parses_the_same():
    reference = parse_bytes(FIXTURE)
    for encoding in ENCODINGS:
        t = parse_bytes(encoded(encoding))
        assert [(p.en, p.zh) for p in t.paragraphs] == [(p.en, p.zh) for p in reference.paragraphs]
        assert t.fingerprint == reference.fingerprint
