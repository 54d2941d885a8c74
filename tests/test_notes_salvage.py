"""A damaged notes store is set aside, kept as it was, and what can be read of it recovered into
the new one, with a report the user sees until they dismiss it; an open error that is not damage
leaves the file alone; a note whose bytes are not UTF-8 never blocks the others."""

import contextlib
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from notes_helpers import BASIC_TEXT, add, opened, write

from reader.core.notes.models import StoreError
from reader.core.notes.store import NotesStore
from reader.core.paths import data_dir

PAGE = 4096


def _store_path():
    return data_dir() / "notes.sqlite3"


def _fill(tmp_path, notes=10, size=10, checkpoint=True):
    """A store with ``notes`` notes on the basic fixture; their uuids and texts."""
    with NotesStore() as store:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        made = {add(store, t, i % 17, text=f"note {i} " + "x" * size).uuid for i in range(notes)}
        if checkpoint:
            store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return made


def _readable_by_sqlite(path):
    """The uuids plain sqlite3 still reads from a damaged file, row by row: the floor of what a
    recovery must give back."""
    found = set()
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        for rowid in range(1, 200):
            with contextlib.suppress(sqlite3.Error):
                found |= {r[0] for r in conn.execute("SELECT uuid FROM notes WHERE rowid = ?", (rowid,))}
    return found


def _overwrite_page(page, filler):
    path = _store_path()
    data = bytearray(path.read_bytes())
    data[page * PAGE : (page + 1) * PAGE] = filler * (PAGE // len(filler))
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("size", [10, 5000])  # short notes, and notes running onto overflow pages
def test_every_overwritten_page_is_recovered_from_as_far_as_sqlite_can_read(tmp_path, size):
    made = _fill(tmp_path, size=size)
    original = _store_path().read_bytes()
    pages = len(original) // PAGE
    recovered_all = 0
    for page in range(pages):
        for f in data_dir().iterdir():
            f.unlink()
        _store_path().write_bytes(original)
        damaged = _overwrite_page(page, bytes([0xA5, 0x5A, 0x13, 0xF0]))
        with NotesStore() as store:
            floor = _readable_by_sqlite(store.recovery.damaged_path) if store.recovery else made
            got = {n.uuid for n in store.notes()}
            assert floor <= got <= made, f"page {page}"
            if store.recovery is not None:
                assert store.recovery.damaged_path.read_bytes() == damaged  # kept exactly
                restored = store.recovery.restored
                assert restored is not None and restored.notes == len(got)
                assert restored.missing == len(made - got)
            recovered_all += got == made
    # Only a page holding notes themselves (a leaf of the notes table, or an overflow page of a
    # long note) loses any: 2 leaves for the short notes, a few leaves and overflow pages else.
    assert pages - recovered_all <= (2 if size == 10 else 6)


def test_the_header_page_overwritten_loses_nothing(tmp_path):
    made = _fill(tmp_path)
    _overwrite_page(0, b"\x00")
    with NotesStore() as store:
        assert store.recovery is not None and {n.uuid for n in store.notes()} == made
        assert [n.text for n in store.notes()][:2] == ["note 0 " + "x" * 10, "note 1 " + "x" * 10]
        assert store.recovery.restored.missing == 0
        assert "10 notes were recovered" in store.recovery.message


def test_notes_only_in_the_write_ahead_log_are_recovered(tmp_path):
    _fill(tmp_path, notes=3)
    with NotesStore() as store:
        t, _ = opened(store, tmp_path / "a.txt")
        late = add(store, t, 5, text="written after the checkpoint").uuid
        # as a crash would leave them: the note in the log only, not yet in the file
        main = _store_path().read_bytes()
        wal = _store_path().with_name("notes.sqlite3-wal").read_bytes()
    assert late.encode() in wal and late.encode() not in main
    _store_path().write_bytes(main)
    _store_path().with_name("notes.sqlite3-wal").write_bytes(wal)
    _store_path().with_name("notes.sqlite3-shm").unlink(missing_ok=True)
    _overwrite_page(0, b"\xff")
    with NotesStore() as store:
        uuids = {n.uuid for n in store.notes()}
        assert late in uuids and len(uuids) == 4


def test_the_recovery_report_stays_until_dismissed(tmp_path):
    _fill(tmp_path, notes=4)
    _overwrite_page(0, b"\x00")
    with NotesStore() as store:
        assert store.recovery is not None
    for _ in range(2):  # told again on every later open
        with NotesStore() as store:
            assert store.recovery is None
            (report,) = store.recovery_reports()
            assert report.restored.notes == 4 and "4 notes were recovered" in report.message
            assert os.path.exists(report.damaged_path)
    with NotesStore() as store:
        assert store.dismiss_recovery() == 1
    with NotesStore() as store:
        assert store.recovery_reports() == []
        assert len(store.recovery_reports(include_dismissed=True)) == 1


def test_the_cli_says_what_was_recovered_until_dismissed(tmp_path):
    _fill(tmp_path, notes=2)
    _overwrite_page(0, b"\x00")
    env = {**os.environ, "PYTHONUTF8": "1"}

    def run(*args):
        proc = subprocess.run(
            [sys.executable, "-m", "reader", "notes", *args],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=False,
        )
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
        return proc

    for _ in range(2):
        proc = run("list", str(tmp_path / "a.txt"), "--json")
        assert len(json.loads(proc.stdout)) == 2
        assert "2 notes were recovered" in proc.stderr and "notes recovery --dismiss" in proc.stderr
    assert "dismissed 1 report" in run("recovery", "--dismiss").stdout
    assert run("list", str(tmp_path / "a.txt")).stderr == ""


def test_an_open_error_that_is_not_damage_leaves_the_store_alone(tmp_path, monkeypatch):
    _fill(tmp_path, notes=2)
    before = _store_path().read_bytes()
    wal = _store_path().with_name("notes.sqlite3-wal")
    wal.unlink(missing_ok=True)
    wal.mkdir()  # a folder where the log belongs: SQLite says "disk I/O error"
    monkeypatch.setattr("reader.core.notes.db.RETRY_DELAYS", (0.01, 0.01))
    with pytest.raises(StoreError, match="left as it is"):
        NotesStore()
    assert _store_path().read_bytes() == before
    assert not [p for p in data_dir().iterdir() if "damaged" in p.name]
    wal.rmdir()
    with NotesStore() as store:  # nothing lost once the folder is gone
        assert len(store.notes()) == 2 and store.recovery is None


def test_a_note_with_undecodable_bytes_never_blocks_the_others(tmp_path):
    from reader.core.notes.backup import to_json
    from reader.core.notes.export import gather, to_csv, to_markdown

    _fill(tmp_path, notes=3)
    with NotesStore() as store:
        with store.db.write() as conn:
            conn.execute("UPDATE notes SET note = CAST(x'6f6b20ff20fe' AS TEXT) WHERE id = 2")
        assert store.integrity_ok()  # SQLite sees no damage: the store must cope anyway
    with NotesStore() as store:
        texts = [n.text for n in store.notes()]
        assert texts[1] == "ok \ufffd \ufffd" and len(texts) == 3
        assert "\ufffd \ufffd" in to_markdown(gather(store)) and "ok \ufffd" in to_csv(gather(store))
        assert json.loads(to_json(store))["documents"][0]["notes"][1]["note"] == "ok \ufffd \ufffd"
        assert "#2" in store.decode_warning()
        with contextlib.closing(sqlite3.connect(store.path)) as conn:  # the stored bytes untouched
            assert conn.execute("SELECT CAST(note AS BLOB) FROM notes WHERE id = 2").fetchone()[0] == (
                b"ok \xff \xfe"
            )


def test_a_store_set_aside_but_never_salvaged_is_recovered_at_the_next_open(tmp_path):
    """A run killed between setting the store aside and recovering it (or an older version of
    the app, which only set it aside): the next open finds the kept file and recovers it, once."""
    made = _fill(tmp_path, notes=3)
    kept = _store_path().with_name("notes.sqlite3.damaged-20250101T000000Z")
    _overwrite_page(0, b"\x00")
    os.replace(_store_path(), kept)
    with NotesStore() as store:
        assert {n.uuid for n in store.notes()} == made
        assert store.recovery is not None and store.recovery.damaged_path == kept
        assert "set aside by an earlier run" in store.recovery.message
    with NotesStore() as store:
        assert store.recovery is None and len(store.notes()) == 3 and len(store.recovery_reports()) == 1
    assert kept.exists()


@pytest.mark.parametrize(
    ("offset", "value"),
    [
        (18, 7),  # the write-format byte: SQLite would open the store read-only, for good
        (16, 3),  # an impossible page size
        (63, 0x42),  # the schema version: a flipped bit, not a newer app (same tables as ours)
        (60, 0x80),  # a negative schema version
        (47, 9),  # an unknown schema format: SQLite says "unsupported file format"
    ],
)
def test_a_damaged_header_field_is_damage_and_recovered(tmp_path, offset, value):
    made = _fill(tmp_path, notes=3)
    data = bytearray(_store_path().read_bytes())
    data[offset] = value
    _store_path().write_bytes(bytes(data))
    with NotesStore() as store:
        assert store.recovery is not None and {n.uuid for n in store.notes()} == made
        assert store.recovery.damaged_path.read_bytes() == bytes(data)


def test_a_long_note_whose_overflow_page_is_lost_is_recovered_in_part_and_marked(tmp_path):
    from reader.core.notes.salvage import PART_LOST

    with NotesStore() as store:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        for i in range(6):
            add(store, t, i + 1, text=f"note {i} " + "a long thought " * 400)
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    original = _store_path().read_bytes()
    partial_pages = 0
    for page in range(len(original) // PAGE):
        for f in data_dir().iterdir():
            f.unlink()
        _store_path().write_bytes(original)
        _overwrite_page(page, bytes(range(256)))
        with NotesStore() as store:
            notes = store.notes()
            if store.recovery is None or store.recovery.restored.partial == 0:
                continue
            partial_pages += 1
            cut = [n for n in notes if n.text.endswith(PART_LOST)]
            assert len(cut) == store.recovery.restored.partial == 1
            assert cut[0].text.startswith(f"note {cut[0].id - 1} a long thought")
            assert "only in part" in store.recovery.message
            whole = [n for n in notes if n not in cut]
            assert all(n.text == f"note {n.id - 1} " + "a long thought " * 400 for n in whole)
    assert partial_pages >= 3  # each lost overflow page costs the end of one note, not the note


def test_a_schema_damaged_into_bytes_that_are_not_utf8_is_damage(tmp_path):
    """SQLite's error then quotes those bytes, and Python raises UnicodeDecodeError instead of
    sqlite3.DatabaseError: still damage, set aside and salvaged, never an internal error."""
    made = _fill(tmp_path, notes=3)
    data = bytearray(_store_path().read_bytes())
    at = data.index(b"ON notes(document") + len(b"ON notes(documen")
    data[at] = 0xF4  # the column name of an index, cut inside a character
    _store_path().write_bytes(bytes(data))
    with NotesStore() as store:
        assert store.recovery is not None and "malformed database schema" in store.recovery.reason
        assert {n.uuid for n in store.notes()} == made


def test_the_cli_reports_a_passing_open_error_in_one_line_and_leaves_the_store(tmp_path):
    _fill(tmp_path, notes=2)
    before = _store_path().read_bytes()
    _store_path().with_name("notes.sqlite3-wal").mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "notes", "list", str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONUTF8": "1"},
        check=False,
    )
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: ")
    assert "notes.sqlite3-wal is not a file" in proc.stderr and "left as it is" in proc.stderr
    assert _store_path().read_bytes() == before
    assert not [p for p in data_dir().iterdir() if "damaged" in p.name]


def test_a_salvage_that_fails_still_opens_the_new_store_and_says_so(tmp_path, monkeypatch):
    _fill(tmp_path, notes=2)
    _overwrite_page(0, b"\x00")

    def broken(_path):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("reader.core.notes.salvage.salvage", broken)
    with NotesStore() as store:
        assert store.notes() == [] and store.recovery.restored is None
        assert "nothing could be recovered" in store.recovery.message
        assert "simulated bug" in store.recovery_reports()[0].reason
        assert store.recovery.damaged_path.exists()
