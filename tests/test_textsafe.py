"""Terminal-safe text: what the command line prints, and JSON and CSV that cannot carry a raw
control character, a file name's undecodable byte, or a spreadsheet formula."""

import json

import pytest

from reader.core.textsafe import csv_cell, display_path, for_terminal, json_text, one_line


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31mred\x1b[0m", "\\u001b[31mred\\u001b[0m"),
        ("\x1b]0;title\x07", "\\u001b]0;title\\u0007"),
        ("back\x08space", "back\\u0008space"),
        ("csi\x9b2J del\x7f", "csi\\u009b2J del\\u007f"),
        ("over\rwrite", "over\\u000dwrite"),
        ("\u202eevil", "\\u202eevil"),
        ("name\udcff.txt", "name\\udcff.txt"),
        ("tab\tand\nnewline kept, CRLF too\r\n", "tab\tand\nnewline kept, CRLF too\r\n"),
        ("中文 and English", "中文 and English"),
    ],
)
def test_for_terminal(raw, shown):
    assert for_terminal(raw) == shown


def test_one_line_and_display_path_escape_newlines_too():
    assert one_line("a\nb\tc") == "a\\u000ab\\u0009c"
    assert display_path("/tmp/bad\udcffname\n.txt") == "/tmp/bad\\xffname\\u000a.txt"


def test_json_printed_through_the_terminal_filter_stays_valid():
    value = {"text": "\x85\u202e", "name": "bad\udcff"}
    printed = for_terminal(json.dumps(value, ensure_ascii=False))  # as `search --json` prints
    assert json.loads(printed) == value


def test_json_text_is_valid_json_and_round_trips():
    value = {"text": "\x1b\x85\u2028\u202e", "name": "bad\udcff", "n": 1.5}
    text = json_text(value)
    for c in "\x1b\x85\u2028\u202e\udcff":
        assert c not in text
    assert json.loads(text) == value
    text.encode("utf-8")  # no lone surrogate left to break a UTF-8 write
    with pytest.raises(ValueError):
        json_text({"value": float("inf")})


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-3% year on year", "'-3% year on year"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tlead", "'\tlead"),
        ("plain = fine", "plain = fine"),
        ("esc\x1b", "esc\\u001b"),
        (12, 12),
        (None, None),
    ],
)
def test_csv_cell(cell, expected):
    assert csv_cell(cell) == expected
