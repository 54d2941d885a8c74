"""What reading a file says (its warnings, why it cannot be read) keeps its template and values, so
the window can say it in the interface language, while its text stays the English that `info`
prints, its JSON holds and the command line's error line says."""

from __future__ import annotations

import json
import pickle
import string
from pathlib import Path

from reader.core import messages
from reader.core.decoding import decode
from reader.core.errors import TranscriptError
from reader.core.messages import CANNOT_BE_READ, MOJIBAKE, NOT_CLEAN_UTF8, ON_LINES_MORE, THIS_IS, Message
from reader.core.parser import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
TEMPLATES = [v for k, v in vars(messages).items() if k.isupper() and isinstance(v, str)]


def test_a_warning_is_its_english_text_and_keeps_how_it_was_made():
    where = Message(ON_LINES_MORE, lines="3, 12, 40, 41, 50", more=2)
    w = Message(NOT_CLEAN_UTF8, count=7, where=where)
    english = (
        "7 undecodable byte sequence(s) replaced with \ufffd (the file is not clean UTF-8)"
        " on lines 3, 12, 40, 41, 50 and 2 more"
    )
    assert w == english and isinstance(w, str)
    assert json.dumps([w]) == json.dumps([english])  # the JSON of `info` holds the same text
    assert w.template == NOT_CLEAN_UTF8 and w.values == {"count": 7, "where": where}


def test_a_warning_crosses_a_pickle_whole():
    """The prefetch child sends the parsed transcript, its warnings with it, as a pickle."""
    w = Message(MOJIBAKE, line=130, word="there\u00e2s")
    back = pickle.loads(pickle.dumps([w], protocol=pickle.HIGHEST_PROTOCOL))[0]
    assert isinstance(back, Message)
    assert (back, back.template, back.values) == (w, MOJIBAKE, {"line": 130, "word": "there\u00e2s"})


def test_every_template_names_its_values_and_says_them():
    for template in TEMPLATES:
        names = [field for _text, field, _spec, _conv in string.Formatter().parse(template) if field]
        w = Message(template, **{name: f"<{name}>" for name in names})
        assert all(f"<{name}>" in w for name in names), template


def test_the_warnings_of_a_reading_are_file_warnings(tmp_path):
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8").split("\n")
    text[3] += " We think there\u00e2s more."  # mis-encoded upstream
    path = tmp_path / "damaged.txt"
    path.write_bytes("\n".join(text).encode("utf-8") + b"\x00" + "\u4e2d".encode()[:2])
    warnings = parse_file(path).warnings
    assert len(warnings) == 3  # cut short, a NUL byte, a garbled word
    assert all(isinstance(w, Message) and w.template in TEMPLATES for w in warnings)
    decoded = decode(b"abc\xff\ndef\xfe\n" + "\u4e2d\u6587\n".encode() * 40)
    (bad,) = decoded.warnings
    assert isinstance(bad, Message) and bad.endswith(" on lines 1, 2")
    assert isinstance(bad.values["where"], Message)


def test_why_a_file_cannot_be_read_keeps_its_template_and_context(tmp_path):
    pdf = tmp_path / "call.pdf"
    pdf.write_bytes(b"%PDF-1.7 not a transcript")
    try:
        parse_file(pdf)
    except TranscriptError as err:
        reason = err.reason
    assert reason == "this is a PDF document, not a text transcript"
    assert isinstance(reason, Message) and reason.template == THIS_IS and reason.context == "FileErrors"
    assert isinstance(reason.values["what"], Message) and reason.values["what"] == "a PDF document"
    said = str(TranscriptError(reason, "call.pdf"))
    assert said == "call.pdf: this is a PDF document, not a text transcript"
    assert Message(MOJIBAKE, line=1, word="x").context == "FileWarnings"
    # A reason of several lines (or runs of spaces) is made one line, a plain str.
    flat = TranscriptError(Message(CANNOT_BE_READ, reason="disk\n  gone")).reason
    assert flat == "cannot be read (disk gone)" and not isinstance(flat, Message)
