"""Hostile names, bytes and special files through the command line (as a user runs it, in a
subprocess): exit 0 or 2 with one `error:` line, never a traceback, never a hang, valid JSON, and
nothing from a file or a note reaching the terminal raw."""

import csv
import io
import json
import os
import socket
import subprocess
import sys

import pytest
from notes_helpers import BASIC_TEXT

TIMEOUT = 60  # a hang fails the test instead of blocking the suite
RAW = [chr(c) for c in (*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)) if c != 13] + ["\u202e"]


def run(*args, env=None):
    """`transcript-reader ARGS` as bytes (names may not be UTF-8)."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
        env={**os.environ, "PYTHONUTF8": "1", **(env or {})},
    )


def ok(*args):
    proc = run(*args)
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    return proc


def refused(*args):
    proc = run(*args)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == b"" and b"Traceback" not in proc.stderr
    assert proc.stderr.count(b"\n") == 1 and proc.stderr.startswith(b"error: ")
    return proc.stderr.decode()


def no_raw_controls(data: bytes, allow_crlf=False):
    text = data.decode("utf-8")
    if allow_crlf:
        text = text.replace("\r\n", "\n")
    found = sorted({f"U+{ord(c):04X}" for c in text if c in RAW or c == "\r"})
    assert not found, f"raw control characters reached the output: {found}"


# -- a file name that is not UTF-8 ---------------------------------------------------------------


@pytest.fixture
def bad_name(tmp_path):
    folder = os.fsencode(tmp_path / "calls")
    os.mkdir(folder)
    path = os.path.join(folder, b"bad\xffname\x1b[31m.txt")
    with open(path, "wb") as f:
        f.write(BASIC_TEXT.encode("utf-8"))
    return path


def test_notes_on_a_file_whose_name_is_not_utf8(bad_name, tmp_path):
    ok("notes", "add", bad_name, "--paragraph", "2", "--note", "on a badly named file")
    listed = ok("notes", "list", bad_name)
    assert b"on a badly named file" in listed.stdout
    assert json.loads(ok("notes", "list", bad_name, "--json").stdout)[0]["paragraph"] == 2

    md = ok("notes", "export", bad_name).stdout
    no_raw_controls(md)
    assert b"bad\\\\udcffname\\\\u001b" in md  # shown escaped (and the backslash for Markdown)
    assert b"path=" in md and b"bad%FFname%1B" in md  # the link keeps the exact bytes
    rows = list(csv.reader(io.StringIO(ok("notes", "export", "--format", "csv").stdout.decode())))
    assert rows[1][2].endswith("bad\\xffname\\u001b[31m.txt")

    backup = tmp_path / "backup.json"
    ok("notes", "export", "--format", "json", "-o", str(backup))
    document = json.loads(backup.read_text(encoding="utf-8"))["documents"][0]
    assert os.fsencode(document["path"]) == bad_name  # \udcff in the JSON: the same name back
    imported = ok("notes", "import", str(backup)).stdout
    assert b"1 already present" in imported


def test_info_on_a_file_whose_name_is_not_utf8(bad_name):
    text = ok("info", bad_name).stdout
    no_raw_controls(text)
    assert text.startswith(b"bad\\udcffname\\u001b[31m.txt\n")
    assert json.loads(ok("info", bad_name, "--json").stdout)["paragraphs"] > 0


def test_an_error_naming_a_hostile_file_is_one_escaped_line(tmp_path):
    missing = os.fsencode(tmp_path) + b"/no\nsuch\x1b]0;title\x07\xfe.txt"
    message = refused("info", missing)
    assert "no such file" in message and "\\u001b]0;title\\u0007\\udcfe" in message


# -- FIFOs, sockets, devices ---------------------------------------------------------------------


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return str(path)


@pytest.mark.parametrize(
    "args",
    [
        ("info", "{}"),
        ("info", "{}", "--json"),
        ("notes", "add", "{}", "--paragraph", "1"),
        ("notes", "list", "{}"),
        ("notes", "export", "{}"),
        ("notes", "import", "{}"),
    ],
)
def test_a_fifo_is_refused_at_once(fifo, args):
    message = refused(*(a.format(fifo) for a in args))
    assert "not a regular file" in message and "named pipe" in message


def test_a_socket_and_a_device_are_refused(tmp_path):
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert "not a regular file: it is a socket" in refused("info", str(path))
    finally:
        server.close()
    assert "not a regular file: it is a character device" in refused("info", "/dev/zero")
    assert "not a regular file" in refused("notes", "add", "/dev/null", "--paragraph", "1")


# -- info --json: always valid JSON --------------------------------------------------------------


def _strict_json(data: bytes):
    def refuse(name):
        raise AssertionError(f"{name} is not JSON")

    return json.loads(data, parse_constant=refuse)


def test_huge_numbers_keep_their_text_and_get_null(tmp_path):
    huge = "9" * 400
    other = "8" * 400
    text = BASIC_TEXT.replace("3,420 industrial robots", f"{huge} industrial robots").replace(
        "3,420 台工業機器人", f"{huge} 台工業機器人"
    )
    text = text.replace("14 new customers", f"{huge} new customers").replace(
        "14 家新客戶", f"{other} 家新客戶"
    )
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    info = _strict_json(ok("info", str(path), "--json").stdout)
    huge_ones = [m for m in info["figure_mismatches"] if huge in (m["en"] or "") or huge in (m["zh"] or "")]
    # the equal pair (paragraph 1) is no mismatch; the different one (paragraph 2) is, with its text
    assert [m["paragraph"] for m in huge_ones] == [2]
    (different,) = huge_ones
    assert different["problem"] == "different value"
    assert different["value"] is None and different["zh_value"] is None
    assert huge in different["en"] and other in different["zh"]
    assert b"Infinity" not in ok("info", str(path), "--json").stdout


# -- terminal escapes in a transcript and in notes -----------------------------------------------

HOSTILE = "\x1b[2J\x1b]0;pwned\x07\x08\x9b31m\u202eevil"


@pytest.fixture
def hostile(tmp_path):
    text = BASIC_TEXT.replace("Elena Varga - Chief Executive Officer", f"Elena Varga - Chief {HOSTILE}")
    text = text.replace("Demand from battery", f"Demand {HOSTILE} from battery")
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_info_text_escapes_control_characters(hostile):
    out = ok("info", hostile).stdout
    no_raw_controls(out)
    assert b"\\u001b[2J" in out and b"\\u202e" in out
    info = _strict_json(ok("info", hostile, "--json").stdout)
    assert any(HOSTILE in s["title"] for s in info["speakers"])  # JSON keeps the exact text


def test_notes_list_and_exports_neutralise_control_characters(hostile, tmp_path):
    ok("notes", "add", hostile, "--paragraph", "2", "--quote", "Demand", "--note", f"look {HOSTILE}\r!")
    ok("notes", "add", hostile, "--paragraph", "3", "--note", '=HYPERLINK("http://x","y")')
    ok("notes", "add", hostile, "--paragraph", "4", "--note", "- a list?\n1. or this\n<b>bold</b> *x*")
    shown = {"list": b"\\u001b[2J", "md": b"\\\\u001b\\[2J", "csv": b"\\u001b[2J"}  # md escapes the escape
    runs = {"list": ("list", hostile), "md": ("export",), "csv": ("export", "--format", "csv")}
    for kind, args in runs.items():
        proc = ok("notes", *args)
        no_raw_controls(proc.stdout, allow_crlf=kind == "csv")
        assert shown[kind] in proc.stdout, kind
    listed = json.loads(ok("notes", "list", hostile, "--json").stdout)
    assert listed[0]["note"] == f"look {HOSTILE}\r!"  # JSON: exact, escaped by JSON itself

    out = tmp_path / "notes.csv"
    ok("notes", "export", "--format", "csv", "-o", str(out))
    assert "\"'=HYPERLINK(" in out.read_text(encoding="utf-8-sig")  # quoted, and an apostrophe
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["note"][:2] for r in rows][1] == "'="  # a formula is shown as text
    assert all(not r["note"].startswith(("=", "+", "-", "@")) for r in rows)
    assert rows[2]["note"].startswith("'- a list?")

    md = tmp_path / "notes.md"
    ok("notes", "export", "-o", str(md))
    text = md.read_text(encoding="utf-8")
    no_raw_controls(text.encode())
    assert "\\<b\\>bold\\</b\\> \\*x\\*" in text  # note text is escaped like the quotes
    assert "  \\- a list?" in text and "  1\\. or this" in text


# -- damaged encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["big5", "gb18030"])
def test_a_damaged_legacy_file_is_read_as_far_as_it_goes(tmp_path, encoding):
    data = BASIC_TEXT.encode(encoding, errors="replace")
    at = data.index("積壓".encode(encoding))
    damaged = data[:at] + b"\xff" + data[at + 1 :]
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(damaged)
    info = _strict_json(ok("info", str(path), "--json").stdout)
    line = BASIC_TEXT[: BASIC_TEXT.index("積壓")].count("\n") + 1
    assert any(f"on line {line}" in w and "replaced" in w for w in info["warnings"]), info["warnings"]
    assert info["paragraphs"] > 5


def test_utf32_le_without_a_bom_is_text(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(BASIC_TEXT.encode("utf-32-le"))
    info = _strict_json(ok("info", str(path), "--json").stdout)
    assert info["encoding"] == "utf-32-le" and info["warnings"] == []


def test_a_note_argument_that_is_not_utf8_is_kept_with_a_replacement(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BASIC_TEXT, encoding="utf-8")
    ok("notes", "add", str(path), "--paragraph", "1", "--note", b"caf\xe9 \xff")
    assert json.loads(ok("notes", "list", str(path), "--json").stdout)[0]["note"] == "caf\ufffd \ufffd"
