"""The notes store: where it lives, what it keeps, carrying notes across versions of a file,
damage, locks and migrations. Export and import: test_notes_export.py."""

import os
import sqlite3

import pytest
from notes_helpers import BASIC_TEXT, FIXTURES, add, opened, write

from reader.core.notes import db, schema, turns
from reader.core.notes.anchors import make_anchor
from reader.core.notes.models import (
    COLORS,
    NewerStoreError,
    NoteFilter,
    NoteNotFoundError,
    NotesError,
    Status,
    StoreBusyError,
)
from reader.core.notes.store import NotesStore
from reader.core.parser import parse_file, parse_text
from reader.core.paths import data_dir

# -- the file itself -----------------------------------------------------------------------------


def test_store_lives_in_the_data_dir_with_wal_and_a_busy_timeout(store):
    assert store.path == data_dir() / "notes.sqlite3" and store.path.is_file()
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == db.BUSY_TIMEOUT_MS
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.current_version()
    assert store.recovery is None and store.migration_backup is None


def test_add_edit_delete_restore(store, tmp_path):
    t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
    note = add(store, t, 2, quote="the CR-60", color="green", text="new welding arm")
    assert (note.paragraph, note.anchor.quote, note.color, note.text) == (
        2,
        "the CR-60",
        "green",
        "new welding arm",
    )
    assert note.status is Status.ATTACHED and note.created == note.updated and note.created.endswith("Z")
    assert note.placement.speaker == "Elena Varga" and note.placement.counterpart == t.paragraphs[2].zh
    edited = store.edit(note.id, text="CR-60: 14 new customers", color="blue")
    assert (edited.text, edited.color, edited.created) == ("CR-60: 14 new customers", "blue", note.created)
    assert edited.updated >= note.updated
    store.delete(note.id)
    assert store.notes(t.fingerprint) == []
    assert [n.id for n in store.notes(t.fingerprint, include_deleted=True)] == [note.id]
    assert store.restore(note.id) == edited
    assert store.notes(t.fingerprint) == [edited]


def test_refusals_are_typed(store, tmp_path):
    t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
    note = add(store, t, 1)
    with pytest.raises(NotesError, match="unknown colour"):
        store.edit(note.id, color="orange")
    with pytest.raises(NoteNotFoundError):
        store.edit(note.id + 100, text="x")
    store.delete(note.id)
    with pytest.raises(NoteNotFoundError):
        store.delete(note.id)  # already deleted
    unregistered = parse_file(FIXTURES / "english_only.txt")
    with pytest.raises(NotesError, match="not registered"):
        add(store, unregistered, 0)
    assert COLORS == ("yellow", "green", "blue", "pink", "purple")


def test_filters_and_documents(store, tmp_path):
    t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
    e, _ = opened(store, FIXTURES / "english_only.txt")
    add(store, t, 8, color="pink", text="Backlog delivery question")
    add(store, t, 9, color="green", text="70% in H2")
    add(store, t, 12, lang="zh", color="green", text="pricing")
    add(store, e, 3, color="purple", text="other file")
    assert len(store.notes()) == 4 and len(store.notes(t.fingerprint)) == 3
    assert [n.text for n in store.notes(t.fingerprint, NoteFilter(colors=frozenset({"green"})))] == [
        "70% in H2",
        "pricing",
    ]
    assert [n.text for n in store.notes(None, NoteFilter(speaker="Sophie Lam"))] == [
        "Backlog delivery question"
    ]
    # text search looks in the note, the quote and the other language
    assert len(store.notes(None, NoteFilter(text="BACKLOG"))) == 2
    assert len(store.notes(None, NoteFilter(text="平均售價"))) == 1
    documents = {d.fingerprint: d for d in store.documents()}
    assert documents[t.fingerprint].notes == 3 and documents[t.fingerprint].company == "Corvane Robotics"
    assert documents[t.fingerprint].path == str(tmp_path / "a.txt")


def test_reattach_an_orphan(store, tmp_path):
    path = write(tmp_path / "a.txt", BASIC_TEXT)
    t, _ = opened(store, path)
    note = add(store, t, 12, text="pricing")
    write(path, without_paragraph(12))
    t2, result = opened(store, path)
    assert result.orphaned == 1
    orphan = store.note(note.id)
    assert orphan.status is Status.ORPHAN and orphan.paragraph is None and orphan.text == "pricing"
    again = store.reattach(note.id, t2, make_anchor(t2, 11, "en", 0, 11))
    assert (again.status, again.paragraph, again.anchor.quote) == (
        Status.ATTACHED,
        11,
        t2.paragraphs[11].en[:11],
    )
    assert again.document == t2.fingerprint and again.text == "pricing"
    assert store.put_back(orphan) == orphan  # undo of the re-attach
    assert store.notes(t2.fingerprint) == [orphan]


# -- notes belong to the document, not the path --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding", "transform"),
    [
        ("moved/renamed-utf16.txt", "utf-16", lambda s: s),
        ("elsewhere/call-gb18030.txt", "gb18030", lambda s: s),
        ("x/y/z/crlf-bom.txt", "utf-8-sig", lambda s: s.replace("\n", "\r\n") + "\r\n"),
        ("blank-lines.txt", "utf-8", lambda s: s.replace("\n", "\n\n  ")),
    ],
)
def test_notes_survive_move_rename_and_reencoding(store, tmp_path, name, encoding, transform):
    original = write(tmp_path / "orig" / "basic.txt", BASIC_TEXT)
    t, _ = opened(store, original)
    notes = [add(store, t, 1, quote="3,420 industrial robots"), add(store, t, 14, lang="zh")]
    original.unlink()
    moved = write(tmp_path / name, transform(BASIC_TEXT), encoding)
    t2, result = opened(store, moved)
    assert t2.fingerprint == t.fingerprint and result.carried == 0
    assert store.notes(t2.fingerprint) == notes
    assert all(n.status is Status.ATTACHED for n in store.notes(t2.fingerprint))
    assert store.document(t2.fingerprint).path == str(moved)


def without_paragraph(index):
    """basic.txt with paragraph ``index`` (its English and Chinese lines) removed."""
    lines = BASIC_TEXT.split("\n")
    at = parse_text(BASIC_TEXT).paragraphs[index].line - 1
    return "\n".join(lines[:at] + lines[at + 2 :])


def edit_basic(lines):
    """Insert a paragraph after paragraph 1, change a word in paragraph 4, delete paragraph 12."""
    out = list(lines)
    at = {p: parse_text(BASIC_TEXT).paragraphs[p].line - 1 for p in (1, 4, 12)}
    out[at[4]] = out[at[4]].replace("an improvement of", "an increase of")
    del out[at[12] : at[12] + 2]
    out[at[1] + 2 : at[1] + 2] = [
        "We also opened a sales office in Lisbon.",
        "我們也在里斯本開設了銷售辦事處。",
    ]
    return "\n".join(out)


EDITED_TEXT = edit_basic(BASIC_TEXT.split("\n"))
# (paragraph, lang, quote) -> expected (status, new paragraph)
EDIT_CASES = [
    ((0, "en", None), (Status.ATTACHED, 0)),
    ((2, "en", "the CR-60"), (Status.ATTACHED, 3)),
    ((4, "en", "Revenue for the second quarter was RMB1.08 billion"), (Status.REANCHORED, 5)),
    ((4, "en", "Gross margin was 34.6%, an improvement of 150 basis points."), (Status.REANCHORED, 5)),
    ((9, "zh", "我們預計下半年將交付約 70% 的積壓訂單"), (Status.ATTACHED, 10)),
    ((12, "en", "Average selling prices fell 3% year-over-year"), (Status.ORPHAN, None)),
    ((14, "en", None), (Status.ATTACHED, 14)),
    ((16, "zh", None), (Status.ATTACHED, 16)),
]


def test_edited_file_carries_notes_over_and_reanchors(store, tmp_path):
    path = write(tmp_path / "call.txt", BASIC_TEXT)
    t, _ = opened(store, path)
    notes = [
        add(store, t, p, lang, quote, text=f"note {i}") for i, ((p, lang, quote), _) in enumerate(EDIT_CASES)
    ]
    write(path, EDITED_TEXT)  # edited in place
    t2, result = opened(store, path)
    assert t2.fingerprint != t.fingerprint
    assert result.carried_from == (t.fingerprint,)
    assert (result.attached, result.reanchored, result.orphaned) == (5, 2, 1)
    after = {n.uuid: n for n in store.notes(t2.fingerprint)}
    assert len(after) == len(notes) and store.notes(t.fingerprint) == []
    for note, (_, (status, paragraph)) in zip(notes, EDIT_CASES, strict=True):
        now = after[note.uuid]
        assert (now.status, now.paragraph, now.text) == (status, paragraph, note.text)
        if paragraph is not None:
            lang_text = (
                t2.paragraphs[paragraph].en if now.anchor.lang == "en" else t2.paragraphs[paragraph].zh
            )
            assert lang_text[now.anchor.start : now.anchor.end] == now.anchor.quote
    orphan = next(n for n in after.values() if n.status is Status.ORPHAN)
    assert orphan.anchor.quote == "Average selling prices fell 3% year-over-year"
    assert orphan.placement.speaker == "Raymond Kwok"  # what it was, kept for the list
    assert after[notes[3].uuid].anchor.quote == "Gross margin was 34.6%, an increase of 150 basis points."
    assert store.document(t.fingerprint).superseded_by == t2.fingerprint
    # Reverting the edit carries them back, the orphan included.
    write(path, BASIC_TEXT)
    t3, back = opened(store, path)
    assert t3.fingerprint == t.fingerprint and back.carried == len(notes) and back.orphaned == 0
    assert sorted(n.paragraph for n in store.notes(t.fingerprint)) == sorted(p for (p, _, _), _ in EDIT_CASES)


def test_notes_stay_with_a_copy_still_on_disk(store, tmp_path):
    original = write(tmp_path / "a" / "call.txt", BASIC_TEXT)
    t, _ = opened(store, original)
    add(store, t, 3)
    edited_copy = write(tmp_path / "b" / "call-fixed.txt", EDITED_TEXT)
    t2, result = opened(store, edited_copy)
    assert result.carried == 0 and store.notes(t2.fingerprint) == [] and len(store.notes(t.fingerprint)) == 1
    # Once the original is gone, the edited copy is its successor.
    original.unlink()
    store.edit(store.notes(t.fingerprint)[0].id, text="kept")
    t2, result = opened(store, edited_copy)
    assert result.carried == 1 and [n.text for n in store.notes(t2.fingerprint)] == ["kept"]


def test_unrelated_document_takes_nothing(store, tmp_path):
    t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
    add(store, t, 3)
    m, result = opened(store, FIXTURES / "multi_call.txt")
    assert result.carried == 0 and store.notes(m.fingerprint) == [] and len(store.notes(t.fingerprint)) == 1


# -- damage, locks, versions ----------------------------------------------------------------------


def test_file_that_is_not_a_database_is_set_aside_not_wiped(tmp_path):
    path = data_dir() / "notes.sqlite3"
    garbage = b"these are not the notes you are looking for\n" * 100
    write(path, garbage.decode())
    with NotesStore() as store:
        assert store.recovery is not None and "not an SQLite database" in store.recovery.reason
        kept = store.recovery.damaged_path
        assert kept.name.startswith("notes.sqlite3.damaged-") and kept.read_bytes() == garbage
        assert str(kept) in store.recovery.message
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        add(store, t, 1)
        assert len(store.notes()) == 1 and store.integrity_ok()
    with NotesStore() as store:  # the fresh store is fine next time
        assert store.recovery is None and len(store.notes()) == 1


def test_corrupted_pages_fail_the_integrity_check_are_set_aside_and_their_notes_recovered(tmp_path):
    with NotesStore() as store:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        for i in range(40):
            add(store, t, i % 17, text="x" * 300)
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = data_dir() / "notes.sqlite3"
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 2 : page * 2 + 200] = b"\xa5" * 200  # scribble over the third page
    path.write_bytes(bytes(data))
    with NotesStore() as store:
        assert store.recovery is not None
        assert "integrity check failed" in store.recovery.reason or "malformed" in store.recovery.reason
        assert store.recovery.damaged_path.read_bytes() == bytes(data)
        # the scribbled page held no note: every one is read back into the new store
        assert len(store.notes()) == 40 and store.recovery.restored.notes == 40
        assert "40 notes were recovered" in store.recovery.message


def test_store_from_a_newer_version_is_left_alone():
    path = data_dir() / "notes.sqlite3"
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.current_version() + 1}")
    before = path.read_bytes()
    with pytest.raises(NewerStoreError, match="newer version"):
        NotesStore()
    assert path.read_bytes() == before


def test_migration_makes_a_backup_copy_first(tmp_path, monkeypatch):
    with NotesStore() as store:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        note = add(store, t, 5, text="before the upgrade")
    v1 = schema.current_version()
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, "ALTER TABLE notes ADD COLUMN tag TEXT;"))
    with NotesStore() as store:
        backup_path = store.migration_backup
        assert backup_path is not None and backup_path.name.startswith(f"notes.sqlite3.v{v1}-backup-")
        assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == v1 + 1
        assert store.notes() == [note]
    with sqlite3.connect(backup_path) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == v1
        assert copy.execute("SELECT note FROM notes").fetchall() == [("before the upgrade",)]
    with NotesStore() as store:  # already migrated: no second copy
        assert store.migration_backup is None


def test_a_failed_migration_changes_nothing(tmp_path, monkeypatch):
    with NotesStore() as store:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        add(store, t, 5)
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, "CREATE TABLE extra (x);\nNOT SQL AT ALL;"))
        with pytest.raises(NotesError, match="cannot upgrade"):
            NotesStore()
    with NotesStore() as store:
        assert len(store.notes()) == 1
        assert store.db.conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None


def test_a_lock_held_too_long_is_a_typed_error(tmp_path, monkeypatch):
    monkeypatch.setattr(turns, "WRITE_WAIT_S", 0.2)
    with NotesStore() as store, NotesStore() as other:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        other.db.conn.execute("BEGIN IMMEDIATE")  # another program, not taking turns
        with pytest.raises(StoreBusyError, match=r"busy \(other programs kept writing to it for 0.2 s\)"):
            add(store, t, 1)
        assert not store.db.conn.in_transaction
        assert store.db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == db.BUSY_TIMEOUT_MS
        other.db.conn.execute("ROLLBACK")
        add(store, t, 1)
        assert len(store.notes()) == 1


def test_a_turn_file_that_cannot_be_used_only_costs_the_order_of_writers(tmp_path, monkeypatch):
    """The turn file orders writers; SQLite's lock keeps the store whole. A folder where the file
    belongs, or a writer stopped while holding the turn, never stops a write."""
    with NotesStore() as store:
        t, _ = opened(store, write(tmp_path / "a.txt", BASIC_TEXT))
        turn = turns.turn_path(store.path)
        turn.unlink()
        turn.mkdir()
        add(store, t, 1, text="beside a folder")
        turn.rmdir()
        monkeypatch.setattr(turns, "WRITE_WAIT_S", 0.4)
        held = os.open(turn, os.O_RDWR | os.O_CREAT)
        try:
            assert turns._try_lock(held)  # a writer stopped with the turn in its hands
            add(store, t, 2, text="without the turn")
        finally:
            os.close(held)
        assert sorted(n.text for n in store.notes()) == ["beside a folder", "without the turn"]


def test_store_folder_that_cannot_be_made_is_a_one_line_error(tmp_path, monkeypatch):
    blocker = write(tmp_path / "file", "x")
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", str(blocker / "data"))
    with pytest.raises(NotesError) as err:
        NotesStore()
    assert "\n" not in str(err.value)
    assert os.path.exists(blocker)
