"""The library and the index against hostile names, failing disks and damage: a name that is not
UTF-8, a passing open error (left alone, retried), a damaged or deleted catalog (set aside,
rebuilt from the folders it can still find, said), an unusable data or index folder (exit 2,
one line), an interrupted update (searches say the index is incomplete; the next update
finishes it and cleans what it left)."""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from test_search_index import write_call

from reader.cli import main
from reader.core import paths
from reader.core.search.indexer import Cancelled, Indexer, index_dir
from reader.core.search.library import Library, LibraryDamaged, LibraryUnavailable
from reader.core.search.library_store import FOLDERS_FILE, read_roots
from reader.core.search.manifest import PENDING
from reader.core.search.names import path_bytes, shown_path
from reader.core.search.searcher import Searcher
from reader.core.search.workers import PARALLEL_MIN_BYTES, STAGING_PREFIX


def call(folder: Path, name: str | bytes, word: str) -> Path:
    """A call whose prepared remarks hold ``word`` (a name given as bytes may be any bytes)."""
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    return write_call(path, company=f"{word} Foods", prepared=[(f"{word} sales rose.", "銷售上升。")])


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def search_json(capsys, *words) -> dict:
    code, out, err = run(capsys, "search", *words, "--json")
    assert code == 0, err
    return json.loads(out)


def one_error_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("error: "), err
    return err


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    call(folder, "alpha.txt", "Alpha")
    call(folder, "bravo.txt", "Bravo")
    return folder


def store() -> Path:
    return paths.data_dir() / "library.sqlite3"


# --- names that are not UTF-8 ---


def test_a_name_that_is_not_utf8_is_indexed_found_and_shown_escaped(folder, capsys):
    bad = call(folder, b"bad\xffname.txt", "Quokka")
    (folder / os.fsdecode(b"junk\xfe\nline.txt")).write_bytes(b"\x00\x01 not a transcript")
    code, out, err = run(capsys, "index", str(folder))
    assert code == 0, err
    assert "junk\\xfe\\u000aline.txt: " in err  # the warning names it escaped, on one line
    assert "indexed 3" in err
    data = search_json(capsys, "quokka")
    assert data["total"] == 2 and data["warnings"] == []  # the welcome and the remarks
    assert len({h["path"] for h in data["hits"]}) == 1
    hit = data["hits"][0]
    assert hit["path"] == shown_path(str(bad)) and hit["path"].endswith("/bad\\xffname.txt")
    assert base64.b64decode(hit["path_bytes"]) == os.fsencode(bad)
    assert "path_bytes" not in search_json(capsys, "alpha")["hits"][0]  # the others as before
    assert search_json(capsys, "sales")["total"] == 3
    code, out, err = run(capsys, "search", "quokka")
    assert code == 0 and "bad\\xffname.txt:" in out and out.isprintable() is False  # newlines only
    assert all(line.isprintable() for line in out.splitlines())
    # an update after that reads nothing again, and a move of the file is followed
    code, _, err = run(capsys, "index")
    assert code == 0 and "read 0 files" in err
    os.rename(bad, folder / os.fsdecode(b"moved\xfe.txt"))
    assert run(capsys, "index")[0] == 0
    assert search_json(capsys, "quokka")["hits"][0]["path"].endswith("/moved\\xfe.txt")


def test_shown_paths_escape_control_characters_and_bad_bytes():
    assert shown_path("/a/營收 Q2.txt") == "/a/營收 Q2.txt" and path_bytes("/a/營收 Q2.txt") is None
    assert shown_path("/a/x\x1b[31m\n\x9b.txt") == "/a/x\\u001b[31m\\u000a\\u009b.txt"
    assert shown_path(os.fsdecode(b"/a/\xff.txt")) == "/a/\\xff.txt"
    assert base64.b64decode(path_bytes("/a/\n.txt")) == b"/a/\n.txt"


def test_a_catalog_with_text_paths_is_converted(folder):
    """Catalogs written before paths were bytes held them as text."""
    store().parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(store())
    db.executescript(
        "CREATE TABLE roots (path TEXT PRIMARY KEY, kind TEXT NOT NULL, added REAL NOT NULL);"
        "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
        " fingerprint TEXT, error TEXT);"
    )
    db.execute("INSERT INTO roots VALUES (?, 'folder', 0)", (str(folder),))
    db.execute("INSERT INTO files VALUES (?, 1, 2, 'fp', NULL)", (str(folder / "alpha.txt"),))
    db.commit()
    db.close()
    with Library() as library:
        assert [r.path for r in library.roots()] == [str(folder)]
        assert [f.path for f in library.files()] == [str(folder / "alpha.txt")]
        assert library.scan().changed == [str(folder / "alpha.txt")]  # the same row, not a new one
    db = sqlite3.connect(store())
    assert db.execute("SELECT typeof(path) FROM files").fetchall() == [("blob",)]
    assert db.execute("PRAGMA user_version").fetchone() == (1,)
    db.close()


# --- the catalog: passing errors, damage, loss ---


def test_a_passing_open_error_is_reported_and_the_catalog_left_alone(folder, capsys):
    assert run(capsys, "index", str(folder))[0] == 0
    before = store().read_bytes()
    wal = store().with_name("library.sqlite3-wal")
    assert not wal.exists()
    wal.mkdir()  # SQLite cannot open its write-ahead log: an I/O error, not damage
    for argv in (["search", "alpha"], ["index"]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert "library catalog" in one_error_line(err) and "left as it is" in err
    with pytest.raises(LibraryUnavailable):
        Library()
    assert store().read_bytes() == before
    assert sorted(p.name for p in store().parent.iterdir() if "damaged" in p.name) == []
    wal.rmdir()  # the next run, once the cause is gone, finds everything
    assert search_json(capsys, "alpha")["total"] == 2


def test_a_locked_catalog_is_reported_and_left_alone(folder, capsys, monkeypatch):
    from reader.core.search import library_store

    assert run(capsys, "index", str(folder))[0] == 0
    monkeypatch.setattr(library_store, "BUSY_TIMEOUT", 0.1)
    other = sqlite3.connect(store(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process writing, for longer than the wait
    try:
        call(folder, "charlie.txt", "Charlie")
        code, out, err = run(capsys, "index")
        assert code == 2 and out == ""
        errors = [line for line in err.splitlines() if line.startswith("error: ")]
        assert errors == [err.splitlines()[-1]]  # after the progress lines, one error line
        assert "database is locked" in errors[0] and "left as it is" in errors[0]
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not [p for p in store().parent.iterdir() if "damaged" in p.name]
    assert run(capsys, "index")[0] == 0  # retried once the other is done
    assert search_json(capsys, "charlie")["total"] == 2


def test_a_folder_in_place_of_the_catalog_is_not_damage(folder, capsys):
    store().mkdir(parents=True)
    code, _, err = run(capsys, "index", str(folder))
    assert code == 2 and "cannot be used now" in one_error_line(err)
    assert store().is_dir()


def test_a_garbage_catalog_is_set_aside_and_rebuilt_from_the_folder_list(folder, capsys):
    assert run(capsys, "index", str(folder))[0] == 0
    side = paths.config_dir() / FOLDERS_FILE
    assert read_roots(side) == [(str(folder), "folder")]
    store().write_bytes(b"this is not a database" * 300)
    data = search_json(capsys, "alpha")
    assert data["total"] == 2 and data["hits"][0]["path"].endswith("/alpha.txt")
    aside = [p for p in store().parent.iterdir() if p.name.startswith("library.sqlite3.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    with Library() as library:  # told once, when it happened; the store is healthy again
        assert library.rebuilt is None and [r.path for r in library.roots()] == [str(folder)]


def test_the_user_is_told_when_the_catalog_was_rebuilt(folder, capsys):
    assert run(capsys, "index", str(folder))[0] == 0
    store().write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "search", "bravo")
    assert code == 0
    assert "warning: the library catalog was damaged: set aside as" in err
    assert "rebuilt with 1 folders and files" in err


def test_a_deleted_catalog_is_rebuilt_from_the_folder_list(folder, capsys):
    assert run(capsys, "index", str(folder))[0] == 0
    store().unlink()
    code, out, err = run(capsys, "search", "bravo", "--json")
    assert code == 0 and json.loads(out)["total"] == 2
    assert "was missing: rebuilt with 1 folders" in err
    (paths.config_dir() / FOLDERS_FILE).unlink()  # with the list gone too: an empty library, said
    store().unlink()
    code, _, err = run(capsys, "search", "bravo")
    assert code == 2 and "the library is empty" in one_error_line(err)


def test_an_emptied_catalog_gets_its_folders_back(folder):
    """An older version of the app set a damaged catalog aside and started an empty one."""
    with Library() as library:
        library.add([folder])
    store().unlink()
    sqlite3.connect(store()).close()  # an empty file: a new, empty catalog
    with Library() as library:
        assert library.rebuilt is not None and "was empty: rebuilt with 1 folders" in library.rebuilt
        assert [r.path for r in library.roots()] == [str(folder)]


def test_a_name_given_that_does_not_exist_is_shown_escaped(capsys, tmp_path):
    code, _, err = run(capsys, "index", os.fsdecode(os.fsencode(tmp_path) + b"/gone\xff"))
    assert code == 2 and one_error_line(err).endswith("/gone\\xff: no such file or folder\n")


def test_damage_found_in_use_sets_the_catalog_aside_and_keeps_the_roots(folder):
    with Library() as library:
        library.add([folder])
        Indexer(library, workers=1).update()
    db = sqlite3.connect(store())
    files_page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'files'").fetchone()[0]
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with open(store(), "r+b") as f:  # the files table's page overwritten
        f.seek((files_page - 1) * page_size)
        f.write(b"\xa5" * page_size)
    library = Library()
    try:
        with pytest.raises(LibraryDamaged, match="set aside as .*rebuilt with 1 folders"):
            library.files()
        assert library.recovered is not None and library.recovered.exists()
        assert [r.path for r in library.roots()] == [str(folder)]
        assert library.needs_scan()
        Indexer(library, workers=1).update()
        with Searcher(library) as s:
            assert s.search("alpha").total == 2
    finally:
        library.close()


def test_the_folder_list_follows_adds_and_removes(folder, tmp_path):
    other = tmp_path / "one.txt"
    call(tmp_path, "one.txt", "Charlie")
    side = paths.config_dir() / FOLDERS_FILE
    with Library() as library:
        library.add([folder, other])
        assert read_roots(side) == [(str(folder), "folder"), (str(other), "file")]
        library.remove(folder)
        assert read_roots(side) == [(str(other), "file")]


# --- unusable folders ---


@pytest.mark.parametrize(
    "argv", [["index", "PLACE"], ["index"], ["search", "alpha"], ["search", "alpha", "--json"]]
)
def test_an_unusable_data_folder_is_one_error_line(folder, capsys, monkeypatch, argv):
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", os.devnull)
    code, out, err = run(capsys, *[str(folder) if a == "PLACE" else a for a in argv])
    assert code == 2 and out == ""
    assert f"the data folder {os.devnull} cannot be used" in one_error_line(err)


def test_an_index_folder_replaced_by_a_file_is_one_error_line(folder, capsys):
    assert run(capsys, "index", str(folder))[0] == 0
    for item in index_dir().iterdir():
        item.unlink()
    index_dir().rmdir()
    index_dir().write_text("not a folder")
    for argv in (["index"], ["search", "alpha"], ["search", "alpha", "--json"]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert "the search index folder" in one_error_line(err) and "not a folder" in err
    assert index_dir().read_text() == "not a folder"  # left as it is


# --- interrupted updates ---


def test_an_interrupted_update_makes_searches_say_the_index_is_incomplete(folder, capsys):
    with Library() as library:
        library.add([folder])
        Indexer(library, workers=1).update()
        for word in ("Charlie", "Delta", "Echo"):
            call(folder, f"{word.lower()}.txt", word)
        seen = []
        with pytest.raises(Cancelled):  # stopped after the first of three new files
            Indexer(library, workers=1).update(progress=seen.append, cancelled=lambda: len(seen) > 3)
        with Searcher(library) as s:
            results = s.search("sales")
            assert results.incomplete and results.total == 2
    data = search_json(capsys, "sales")
    assert data["incomplete"] is True and data["total"] == 2
    assert data["warnings"] == [
        "the index is incomplete: an update is under way or was interrupted, so some files may be"
        " missing (run 'transcript-reader index' to finish it)"
    ]
    code, _, err = run(capsys, "search", "sales")
    assert code == 0 and "warning: the index is incomplete" in err
    with Library() as library:  # a one-file update does not pretend to finish the others
        Indexer(library, workers=1).update(paths=[str(folder / "alpha.txt")])
    assert search_json(capsys, "sales")["incomplete"] is True
    assert run(capsys, "index")[0] == 0
    data = search_json(capsys, "sales")
    assert data["incomplete"] is False and data["total"] == 5 and data["warnings"] == []
    assert not (index_dir() / PENDING).exists()


def test_an_update_removes_what_a_killed_one_left(folder):
    with Library() as library:
        library.add([folder])
        Indexer(library, workers=1).update()
        stale = [index_dir() / f"{STAGING_PREFIX}abc", index_dir().parent / f"{STAGING_PREFIX}old"]
        for d in stale:
            (d / "0").mkdir(parents=True)
            (d / "0" / "MAIN_x.seg").write_bytes(b"x" * 1000)
        (index_dir() / "MAIN.tmp").mkdir()
        Indexer(library, workers=1).update()
    assert not any(d.exists() for d in stale) and not (index_dir() / "MAIN.tmp").exists()


# --- kill -9 during `index` ---


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    out: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        kids = {c for c, pp in parents.items() if pp == p}
        out |= kids
        todo += kids
    return out


def _alive(pid: int) -> bool:
    """Running (a zombie no one reaped yet has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _wait_for(condition, seconds: float) -> bool:
    """Poll ``condition`` until it holds or ``seconds`` pass (a bound against hanging, not a
    timing assertion)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads processes from /proc")
def test_kill_9_during_index_leaves_no_process_and_the_next_index_finishes(tmp_path, capsys):
    import subprocess
    import sys

    folder = tmp_path / "big"
    folder.mkdir()
    sentences = [
        (f"Line {i} of call {{k}}: sales of widget {i} rose again in every region we serve today.", "第行。")
        for i in range(1000)
    ]
    for k in range(64):  # ~6 MB: parallel workers, several batches
        write_call(
            folder / f"call{k:02d}.txt",
            company=f"Company{k} Foods",
            prepared=[(en.format(k=k), zh) for en, zh in sentences],
        )
    assert sum(p.stat().st_size for p in folder.iterdir()) > PARALLEL_MIN_BYTES
    log = (tmp_path / "index.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "index", str(folder), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )
    family: set[int] = set()
    try:
        staging = index_dir()
        # wait until the workers run: two children beside multiprocessing's resource tracker
        assert _wait_for(
            lambda: (
                proc.poll() is not None
                or (len(_children(proc.pid)) >= 3 and any(staging.glob(STAGING_PREFIX + "*")))
            ),
            120,
        )
        assert proc.poll() is None, (tmp_path / "index.log").read_text()
        family = _children(proc.pid)
        proc.kill()
        proc.wait(timeout=60)
        assert _wait_for(lambda: not any(_alive(p) for p in family), 60), [p for p in family if _alive(p)]
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 9)
        for pid in family:  # a failed run leaves nothing behind either
            if _alive(pid):
                os.kill(pid, 9)
        log.close()
    assert list(staging.glob(STAGING_PREFIX + "*"))  # left by the kill...
    data = search_json(capsys, "widget")
    assert data["incomplete"] is True and data["warnings"]
    code, _, err = run(capsys, "index")
    assert code == 0, err
    assert not list(staging.glob(STAGING_PREFIX + "*"))  # ... and removed by the next index
    data = search_json(capsys, "widget", "--limit", "100")
    assert data["incomplete"] is False and data["total"] == 64 * 1000
