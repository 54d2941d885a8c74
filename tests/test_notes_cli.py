"""`transcript-reader notes add|list|export|import`: output shapes, carry-over, one-line errors."""

import csv
import io
import json
import re
import subprocess
import sys
from datetime import datetime

import pytest
from notes_helpers import BASIC_TEXT, FIXTURES

from reader.cli import main
from reader.core.notes.export import CSV_COLUMNS
from reader.core.parser import parse_file, parse_text
from reader.core.paths import data_dir

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def notes(capsys, *args):
    code = main(["notes", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def notes_ok(capsys, *args):
    code, out, err = notes(capsys, *args)
    assert code == 0, err
    return out


@pytest.fixture
def basic(tmp_path):
    path = tmp_path / "calls" / "basic.txt"
    path.parent.mkdir()
    path.write_text(BASIC_TEXT, encoding="utf-8")
    return path


def test_add_then_list_json(capsys, basic):
    notes_ok(
        capsys, "add", basic, "--paragraph", 2, "--quote", "the CR-60", "--color", "green", "--note", "arm"
    )
    notes_ok(capsys, "add", basic, "--paragraph", 8, "--lang", "zh", "--note", "backlog")
    items = json.loads(notes_ok(capsys, "list", basic, "--json"))
    assert [
        set(i) >= {"id", "paragraph", "lang", "quote", "color", "note", "status", "created", "updated"}
        for i in items
    ]
    first, second = items
    assert (
        first["paragraph"],
        first["lang"],
        first["quote"],
        first["color"],
        first["note"],
        first["status"],
    ) == (
        2,
        "en",
        "the CR-60",
        "green",
        "arm",
        "attached",
    )
    # the quote defaults to the whole paragraph in that language; the colour to yellow
    zh = parse_file(basic).paragraphs[8].zh
    assert (second["paragraph"], second["lang"], second["quote"], second["color"]) == (8, "zh", zh, "yellow")
    for item in items:
        assert isinstance(item["id"], int)
        assert ISO_UTC.match(item["created"]) and ISO_UTC.match(item["updated"])
        assert datetime.fromisoformat(item["created"]).utcoffset().total_seconds() == 0
    assert first["id"] != second["id"]


def test_add_json_and_text_list(capsys, basic):
    added = json.loads(
        notes_ok(capsys, "add", basic, "--paragraph", 0, "--note", "line one\nline two", "--json")
    )
    assert added["paragraph"] == 0 and added["status"] == "attached"
    out = notes_ok(capsys, "list", basic)
    assert out.splitlines()[0].startswith(f"#{added['id']} paragraph 1 en yellow ")
    assert "    line one" in out and "    line two" in out and "Good afternoon" in out
    path = basic.parent / "english_only.txt"
    path.write_text((FIXTURES / "english_only.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert notes_ok(capsys, "list", path).strip() == "no notes"


def test_list_after_the_file_was_edited_shows_statuses(capsys, basic):
    t = parse_file(basic)
    for index in (2, 9, 12):
        notes_ok(capsys, "add", basic, "--paragraph", index, "--note", f"on {index}")
    lines = BASIC_TEXT.split("\n")
    at12, at9, at1 = (t.paragraphs[i].line - 1 for i in (12, 9, 1))
    del lines[at12 : at12 + 2]
    lines[at9] = lines[at9].replace("about 70%", "about 75%")
    lines[at1 + 2 : at1 + 2] = [
        "We also opened a sales office in Lisbon.",
        "我們也在里斯本開設了銷售辦事處。",
    ]
    moved = basic.parent.parent / "renamed.txt"
    basic.unlink()
    moved.write_bytes("\r\n".join(lines).encode("utf-16"))
    code, out, err = notes(capsys, "list", moved, "--json")
    assert code == 0 and "carried 3 note(s)" in err
    got = {i["note"]: (i["paragraph"], i["status"]) for i in json.loads(out)}
    assert got == {"on 2": (3, "attached"), "on 9": (10, "reanchored"), "on 12": (None, "orphan")}
    orphan = next(i for i in json.loads(out) if i["status"] == "orphan")
    assert orphan["quote"] == t.paragraphs[12].en
    code, out, err = notes(capsys, "list", moved, "--json")  # nothing more to carry
    assert err == "" and len(json.loads(out)) == 3


def test_export_formats(capsys, basic, tmp_path):
    notes_ok(capsys, "add", basic, "--paragraph", 4, "--quote", "Gross margin was 34.6%", "--note", "margin")
    other = tmp_path / "english_only.txt"
    other.write_text((FIXTURES / "english_only.txt").read_text(encoding="utf-8"), encoding="utf-8")
    notes_ok(capsys, "add", other, "--paragraph", 3, "--color", "pink", "--note", "other file")
    md = notes_ok(capsys, "export", "--format", "md")
    assert "## basic.txt" in md and "## english_only.txt" in md and "### Corvane Robotics Q2 2025" in md
    assert "#### Raymond Kwok, Chief Financial Officer" in md and "> **EN** Gross margin was 34.6%" in md
    assert f"transcript-reader://open?path={basic}&paragraph=4" in md
    one = notes_ok(capsys, "export", basic)  # md is the default; one file only
    assert "margin" in one and "other file" not in one
    rows = list(csv.reader(io.StringIO(notes_ok(capsys, "export", "--format", "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 3
    out_file = tmp_path / "out" / "notes.csv"
    out_file.parent.mkdir()
    assert notes_ok(capsys, "export", other, "--format", "csv", "-o", out_file) == ""
    data = out_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM for spreadsheets
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 2 and rows[1][CSV_COLUMNS.index("note")] == "other file"
    exported = json.loads(notes_ok(capsys, "export", "--format", "json"))
    assert len(exported["documents"]) == 2 and sum(len(d["notes"]) for d in exported["documents"]) == 2


def test_export_import_round_trip_through_the_cli(capsys, basic, tmp_path, monkeypatch):
    notes_ok(capsys, "add", basic, "--paragraph", 1, "--quote", "3,420 industrial robots", "--note", "units")
    notes_ok(capsys, "add", basic, "--paragraph", 11, "--lang", "zh", "--color", "purple", "--note", "定價")
    backup = tmp_path / "backup.json"
    notes_ok(capsys, "export", "--format", "json", "-o", backup)
    before = json.loads(notes_ok(capsys, "list", basic, "--json"))
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", str(tmp_path / "other-machine"))
    assert notes_ok(capsys, "import", backup).startswith(
        "imported 2 new note(s), updated 0, 0 already present"
    )
    assert "imported 0 new note(s), updated 0, 2 already present" in notes_ok(capsys, "import", backup)
    after = json.loads(notes_ok(capsys, "list", basic, "--json"))
    strip = [{k: v for k, v in n.items() if k != "id"} for n in before]
    assert [{k: v for k, v in n.items() if k != "id"} for n in after] == strip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "{basic}", "--paragraph", "17", "--note", "x"], "no paragraph at index 17"),
        (["add", "{basic}", "--paragraph", "2", "--quote", "not there", "--note", "x"], "quote is not in"),
        (["add", "{basic}", "--paragraph", "2", "--color", "red"], "invalid choice"),
        (["add", "{basic}", "--paragraph", "two"], "invalid int"),
        (["add", "{basic}", "--note", "x"], "--paragraph"),
        (["add", "{english}", "--paragraph", "1", "--lang", "zh"], "no Chinese text"),
        (["list", "{missing}"], "no such file"),
        (["list", "{recipe}"], "not_a_transcript.txt"),
        (["export", "--format", "pdf"], "invalid choice"),
        (["export", "--format", "md", "-o", "{folder}"], "is a folder"),
        (["import", "{missing}"], "no such file"),
        (["import", "{basic}"], "not JSON"),
        (["frobnicate"], "invalid choice"),
        ([], "required: ACTION"),
    ],
)
def test_errors_exit_2_with_one_line(capsys, basic, tmp_path, args, message):
    english = tmp_path / "english_only.txt"
    english.write_text((FIXTURES / "english_only.txt").read_text(encoding="utf-8"), encoding="utf-8")
    values = {
        "basic": basic,
        "english": english,
        "missing": tmp_path / "nope.txt",
        "recipe": FIXTURES / "not_a_transcript.txt",
        "folder": tmp_path,
    }
    code, out, err = notes(capsys, *(a.format(**values) for a in args))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err, err


def test_damaged_store_is_reported_and_kept(capsys, basic):
    store = data_dir() / "notes.sqlite3"
    store.parent.mkdir(parents=True)
    store.write_bytes(b"\x00garbage" * 64)
    code, out, err = notes(capsys, "add", basic, "--paragraph", 3, "--note", "after the damage")
    assert code == 0 and err.startswith("warning: the notes store was damaged")
    kept = list(store.parent.glob("notes.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00garbage" * 64
    assert [n["note"] for n in json.loads(notes_ok(capsys, "list", basic, "--json"))] == ["after the damage"]


def test_notes_help_lists_the_actions(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["notes", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert all(action in out for action in ("add", "list", "export", "import"))
    assert parse_text(BASIC_TEXT).fingerprint  # the fixture parses (sanity for the tests above)


def test_notes_run_without_loading_qt(basic):
    code = (
        "import sys; from reader.cli import main; "
        "assert main(['notes', 'add', sys.argv[1], '--paragraph', '1']) == 0; "
        "assert main(['notes', 'export', '--format', 'md']) == 0; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    argv = [sys.executable, "-c", code, str(basic)]
    proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
