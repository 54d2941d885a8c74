"""Several processes writing at once lose nothing; a writer killed (SIGKILL) mid-transaction leaves
every committed note and a store that passes integrity_check."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from notes_helpers import BASIC_TEXT, add, opened

from reader.core.notes.models import now_iso
from reader.core.notes.store import NotesStore
from reader.core.paths import data_dir

WRITERS, NOTES_EACH = 8, 5

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")


def python(script: str, *args: object) -> subprocess.Popen:
    """A child Python running ``script``; it inherits TRANSCRIPT_READER_DATA (the test's store)."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def basic(tmp_path):
    path = tmp_path / "basic.txt"
    path.write_text(BASIC_TEXT, encoding="utf-8")
    return path


WRITER = """
    import os, sys, time
    from reader.cli import main
    file, writer, go = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    while not os.path.exists(go):
        time.sleep(0.001)
    for n in range(int(sys.argv[4])):
        paragraph = str((writer + n) % 17)
        code = main(["notes", "add", file, "--paragraph", paragraph, "--note", f"w{writer}-n{n}"])
        if code:
            sys.exit(code)
"""


def test_concurrent_writers_lose_nothing(basic, tmp_path):
    go = tmp_path / "go"
    children = [python(WRITER, basic, w, go, NOTES_EACH) for w in range(WRITERS)]
    time.sleep(0.5)  # let every child import and wait at the start line
    started = time.perf_counter()
    go.touch()
    results = [child.communicate(timeout=120) for child in children]
    elapsed = time.perf_counter() - started
    for child, (_, err) in zip(children, results, strict=True):
        assert child.returncode == 0, err
    with NotesStore() as store:
        notes = store.notes()
        assert store.integrity_ok()
    texts = sorted(n.text for n in notes)
    assert texts == sorted(f"w{w}-n{n}" for w in range(WRITERS) for n in range(NOTES_EACH))
    assert len({n.id for n in notes}) == len({n.uuid for n in notes}) == WRITERS * NOTES_EACH
    print(f"{WRITERS} writers x {NOTES_EACH} notes: {len(notes)} present, {elapsed:.2f} s")


BURSTS = 50


def test_a_note_added_while_another_writer_writes_back_to_back_goes_in_before_it_stops(basic):
    """Another window writes over and over, taking the store's lock again as soon as it commits. A
    note added meanwhile goes in after a burst or two, not once the other stops: SQLite's own busy
    handler, sleeping up to 100 ms between tries, finds the lock free only if it happens to try in
    the microseconds between two bursts, so a writer waiting behind such bursts lost nearly always."""
    with NotesStore() as store:
        t, _ = opened(store, basic)
    writing, waiting, added = threading.Event(), threading.Event(), threading.Event()
    bursts_after = []  # the other writer's commits made after the note's write began

    def other_window():
        with NotesStore(verify=False) as other:
            while not added.is_set() and len(bursts_after) < BURSTS:
                with other.db.write() as conn:
                    conn.execute("UPDATE documents SET last_opened = ?", (now_iso(),))
                    writing.set()
                    time.sleep(0.01)  # holding the lock, as a commit on a busy disk does
                if waiting.is_set():
                    bursts_after.append(1)

    other = threading.Thread(target=other_window)
    with NotesStore(verify=False) as store:
        other.start()
        try:
            assert writing.wait(60)
            waiting.set()
            note = add(store, t, 3, text="mine")
        finally:
            added.set()
            other.join()
        assert len(bursts_after) < BURSTS, "the note only went in once the other writer stopped"
        assert [n.text for n in store.notes()] == ["mine"] and note.text == "mine"


KILLED_IN_TRANSACTION = """
    import sys, time, uuid
    from reader.core.notes.anchors import find_quote
    from reader.core.notes.carry import open_document
    from reader.core.notes.store import NotesStore
    from reader.core.parser import parse_file
    file = sys.argv[1]
    store = NotesStore()
    t = parse_file(file)
    open_document(store, t, file)
    for i in range(3):
        store.add(t, find_quote(t, i, "en"), text=f"committed {i}")
    conn = store.db.conn
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE notes SET note = 'changed, never committed'")
    for i in range(300):  # enough to spill uncommitted pages into the WAL file
        conn.execute(
            "INSERT INTO notes (uuid, document, paragraph_key, lang, start_char, end_char, quote,"
            " status, color, note, created, updated) SELECT ?, document, paragraph_key, lang,"
            " start_char, end_char, quote, status, color, ?, created, updated FROM notes LIMIT 1",
            (str(uuid.uuid4()), "uncommitted " + "x" * 20000),
        )
    print("in transaction", flush=True)
    time.sleep(120)
"""


def test_kill_9_mid_transaction_keeps_every_committed_note(basic):
    child = python(KILLED_IN_TRANSACTION, basic)
    assert child.stdout.readline().strip() == "in transaction", child.stderr.read()
    wal = data_dir() / "notes.sqlite3-wal"
    assert wal.stat().st_size > 1_000_000  # the half-written transaction is on disk
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    with NotesStore() as store:
        assert store.recovery is None and store.integrity_ok()
        assert sorted(n.text for n in store.notes()) == ["committed 0", "committed 1", "committed 2"]
        t_id = store.notes()[0].id
        assert store.edit(t_id, text="the lock was released").text == "the lock was released"


STREAM = """
    import sys
    from reader.core.notes.anchors import find_quote
    from reader.core.notes.carry import open_document
    from reader.core.notes.store import NotesStore
    from reader.core.parser import parse_file
    file = sys.argv[1]
    store = NotesStore()
    t = parse_file(file)
    open_document(store, t, file)
    n = 0
    while True:
        note = store.add(t, find_quote(t, n % 17, "zh"), text=f"stream {n} " + "y" * 2000)
        print(note.uuid, flush=True)
        n += 1
"""


@pytest.mark.parametrize("after", [1, 7, 25])
def test_kill_9_while_writing_keeps_every_reported_note(basic, after):
    child = python(STREAM, basic)
    committed = [child.stdout.readline().strip() for _ in range(after)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    committed += [line.strip() for line in child.stdout.read().splitlines() if line.strip()]
    assert all(committed), child.stderr.read()
    with NotesStore() as store:
        assert store.integrity_ok() and store.recovery is None
        present = {n.uuid for n in store.notes()}
    assert set(committed) <= present and len(present) - len(committed) <= 1


LISTER = """
    import os, sys, time
    from reader.cli import main
    file, go = sys.argv[1], sys.argv[2]
    while not os.path.exists(go):
        time.sleep(0.001)
    sys.exit(main(["notes", "list", file, "--json"]))
"""


def test_processes_opening_an_edited_file_at_once_carry_each_note_once(basic, tmp_path):
    from reader.cli import main

    for paragraph in (2, 9, 14):
        assert (
            main(["notes", "add", str(basic), "--paragraph", str(paragraph), "--note", f"p{paragraph}"]) == 0
        )
    lines = BASIC_TEXT.split("\n")
    lines[3:3] = ["A new first paragraph of the operator.", "接線員新的第一段。"]
    basic.write_text("\n".join(lines), encoding="utf-8")
    go = tmp_path / "go"
    children = [python(LISTER, basic, go) for _ in range(4)]
    time.sleep(0.5)
    go.touch()
    outputs = [child.communicate(timeout=60) for child in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        listed = json.loads(out)
        assert sorted((n["note"], n["paragraph"], n["status"]) for n in listed) == [
            ("p14", 15, "attached"),
            ("p2", 3, "attached"),
            ("p9", 10, "attached"),
        ]
    assert sum("carried 3 note(s)" in err for _, err in outputs) == 1
    with NotesStore() as store:
        assert len(store.notes(include_deleted=True)) == 3
