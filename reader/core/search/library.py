"""The library: the folders and files a user added, and what is known about each file.

    library = Library()                      # data_dir()/library.sqlite3
    library.add(["~/calls", "one-call.txt"])
    changes = library.scan()                 # new, changed and missing files since last time
    for call in library.calls(): ...         # company, period, speakers, path: the library panel

It is a SQLite file under :func:`reader.core.paths.data_dir` (WAL and a busy timeout, so the
window and the command line can use it at once), holding:

- ``roots``: what the user added (a folder, a file, or a recent file from the reading window);
- ``files``: the inventory: every transcript file found under the roots, with the size and
  modification time it had when last read and its fingerprint, so a scan re-reads only files
  whose size or time changed, and a file whose bytes moved keeps its fingerprint;
- ``transcripts``: per fingerprint, what the library panel lists (calls, speakers), so the
  panel shows the library without opening a file.

The index (:mod:`.indexer`) is keyed by fingerprint; paths live here only, which is why moving
a file costs a row update and no re-indexing. Opening it (:mod:`.library_store`): a passing
error (I/O, lock, permissions) is :class:`LibraryUnavailable` and leaves the file alone; a
damaged store is set aside (kept) and rebuilt with the roots it still lists and those of a side
file in the config folder (all it holds that a scan cannot find again), and :attr:`Library.
rebuilt` says so. Paths are stored as their OS bytes, so any file name works.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from .. import paths
from ..errors import TranscriptError
from .library_records import CallEntry, Changes, FileState, Root, summarize
from .library_store import (
    LibraryDamaged,
    LibraryUnavailable,
    connect,
    default_folders_file,
    from_db,
    is_damage,
    make_folder,
    read_roots,
    salvage_roots,
    set_aside,
    to_db,
    unavailable,
    write_roots,
)
from .names import shown_path

__all__ = [
    "CallEntry",
    "Changes",
    "FileState",
    "Library",
    "LibraryDamaged",
    "LibraryUnavailable",
    "Root",
    "summarize",
]

T = TypeVar("T")

TRANSCRIPT_SUFFIXES = (".txt",)
"""What a folder scan picks up (a file added by itself is taken whatever its name)."""


def _transcripts_under(folder: str) -> list[str]:
    """The paths of the transcript files in ``folder`` and its subfolders, in order."""
    out = []
    for d, dirs, files in os.walk(folder):
        dirs.sort()
        out += [
            os.path.join(d, f)
            for f in sorted(files)
            if f.lower().endswith(TRANSCRIPT_SUFFIXES) and f[:1] != "."
        ]
    return out


def _state(row: tuple[Any, ...]) -> FileState:
    return FileState(from_db(row[0]), *row[1:])


def _locked(method: Callable[..., T]) -> Callable[..., T]:
    """Serialise a method on the store's lock: the indexer's thread and the window's share it.
    SQLite's errors become the store's: damage found in use sets the store aside and rebuilds
    it (:class:`LibraryDamaged`), any other failure is :class:`LibraryUnavailable`."""

    @functools.wraps(method)
    def run(self: Library, *args: Any, **kwargs: Any) -> T:
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.DatabaseError as err:
                if is_damage(err):
                    self._repair()
                if isinstance(err, sqlite3.OperationalError):
                    raise unavailable(self.path, err) from None
                raise

    return run


class Library:
    """The library store: one connection, safe to share between threads."""

    def __init__(self, path: Path | None = None, folders_file: Path | None = None) -> None:
        """``folders_file``: the side file listing the roots (default: in the config folder
        for the default store, beside the store for another)."""
        self.path = path or paths.data_dir() / "library.sqlite3"
        if folders_file is None:
            folders_file = default_folders_file() if path is None else self.path.with_suffix(".folders.json")
        self.folders_file = folders_file
        self.recovered: Path | None = None  # where a damaged store was set aside, if it was
        self.rebuilt: str | None = None  # what was rebuilt, and from what: tell the user
        self._lock = threading.RLock()
        # Parsed summaries by fingerprint (a fingerprint's never changes): calls() parsed 2000
        # of them in 50 ms, after every update of the window.
        self._summaries: dict[str, list[dict[str, Any]]] = {}
        make_folder(self.path.parent, "the data folder", LibraryUnavailable)
        existed = os.path.lexists(self.path)
        try:
            self._db = connect(self.path)
        except sqlite3.DatabaseError as err:
            if not is_damage(err):
                raise unavailable(self.path, err) from None
            self._db = self._rebuild(set_aside(self.path))
            return
        except OSError as err:
            raise unavailable(self.path, err) from None
        listed = read_roots(self.folders_file)
        if listed and not self._root_rows():  # deleted, or reset by an older version of the app
            self._restore(listed)
            self.rebuilt = (
                f"the library catalog {self.path} was {'empty' if existed else 'missing'}: rebuilt with"
                f" {len(listed)} folders and files from {self.folders_file}; they are read again at"
                " the next update"
            )
        elif listed != self._root_rows():
            write_roots(self.folders_file, self._root_rows())

    def _rebuild(self, aside: Path) -> sqlite3.Connection:
        """A new store in place of the damaged one set aside as ``aside``, with the roots the
        damaged copy and the side file still list."""
        self.recovered = aside
        salvaged = salvage_roots(aside)
        roots = dict(read_roots(self.folders_file))
        roots.update(salvaged)
        try:
            self._db = connect(self.path)
        except (sqlite3.Error, OSError) as err:
            raise unavailable(self.path, err) from None
        self._restore(list(roots.items()))
        self.rebuilt = (
            f"the library catalog was damaged: set aside as {aside} and rebuilt with"
            f" {len(roots)} folders and files ({len(salvaged)} read from the damaged copy);"
            " they are read again at the next update"
        )
        return self._db

    def _repair(self) -> None:
        """Damage found in use: set the store aside, rebuild it, and say so."""
        try:
            self._db.close()
            self._rebuild(set_aside(self.path))
        except OSError as err:
            raise unavailable(self.path, err) from None
        raise LibraryDamaged(self.rebuilt or "the library catalog was damaged and rebuilt")

    def _restore(self, roots: list[tuple[str, str]]) -> None:
        now = time.time()
        self._db.executemany(
            "INSERT OR IGNORE INTO roots (path, kind, added) VALUES (?, ?, ?)",
            [(to_db(p), k, now) for p, k in roots],
        )
        write_roots(self.folders_file, self._root_rows())

    def _root_rows(self) -> list[tuple[str, str]]:
        rows = self._db.execute("SELECT path, kind FROM roots ORDER BY path")
        return [(from_db(p), k) for p, k in rows]

    @_locked
    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- roots ---

    @_locked
    def add(self, items: Iterable[str | os.PathLike[str]], kind: str | None = None) -> list[Root]:
        """Add folders and files (``kind`` "recent" for a file the reading window opened).
        TranscriptError for a path that does not exist."""
        added = []
        before = self._root_rows()
        for item in items:
            p = Path(item).expanduser()
            if not p.exists():
                raise TranscriptError("no such file or folder", shown_path(str(item)))
            root = Root(str(p.resolve()), "folder" if p.is_dir() else kind or "file")
            self._db.execute(
                "INSERT INTO roots (path, kind, added) VALUES (?, ?, ?) ON CONFLICT (path) DO UPDATE"
                " SET kind = CASE WHEN roots.kind = 'recent' THEN excluded.kind ELSE roots.kind END",
                (to_db(root.path), root.kind, time.time()),
            )
            added.append(root)
        if self._root_rows() != before:
            write_roots(self.folders_file, self._root_rows())
        return added

    def add_recent(self, path: str | os.PathLike[str]) -> list[Root]:
        """A file opened in the reading window: it joins the library (a later scan indexes it).
        A file already in the library as a folder's or added by hand stays as it was."""
        return self.add([path], kind="recent")

    @_locked
    def remove(self, path: str | os.PathLike[str]) -> bool:
        """Remove a root (its files leave the library at the next scan). False if not a root."""
        cur = self._db.execute(
            "DELETE FROM roots WHERE path = ?", (to_db(str(Path(path).expanduser().resolve())),)
        )
        if cur.rowcount:
            write_roots(self.folders_file, self._root_rows())
        return cur.rowcount > 0

    @_locked
    def roots(self) -> list[Root]:
        return [Root(p, k) for p, k in self._root_rows()]

    # --- the inventory ---

    def _walk(self) -> Iterator[tuple[str, os.stat_result]]:
        """Every transcript file under the roots, once, with its stat (one call per file)."""
        seen: set[str] = set()
        for root in self.roots():
            found = [root.path] if root.kind != "folder" else _transcripts_under(root.path)
            for path in found:
                if path in seen:
                    continue
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                if stat.S_ISREG(st.st_mode):
                    seen.add(path)
                    yield path, st

    @_locked
    def scan(self) -> Changes:
        """Compare the files under the roots with the inventory (size and modification time).
        Nothing is written: the indexer records what it read with :meth:`record`."""
        known = {f.path: f for f in self.files()}
        changes = Changes()
        for path, st in self._walk():
            changes.note(path, known.pop(path, None), st)
        changes.missing = sorted(known)
        return changes

    @_locked
    def scan_paths(self, paths: Iterable[str]) -> Changes:
        """:meth:`scan` for some files and folders only: what a file watcher reported. A folder
        of a folder root is looked at whole (a watcher says a folder changed, not which file:
        new, moved or deleted files and subfolders); any other folder (one holding a file
        added by itself) only for the library's files directly in it. A path no root covers
        is ignored, and a known file that is gone (or no longer covered) is missing. Paths are
        taken as the library spells them (under its resolved roots, as a watcher of them
        reports). ``unchanged`` counts only the files looked at."""
        roots = self.roots()
        folders = [r.path for r in roots if r.kind == "folder"]
        singles = {r.path for r in roots if r.kind != "folder"}

        def in_folder_root(path: str) -> bool:
            return any(path == f or path.startswith(f + os.sep) for f in folders)

        def covered(path: str) -> bool:
            name = os.path.basename(path)
            return path in singles or (
                name.lower().endswith(TRANSCRIPT_SUFFIXES) and name[:1] != "." and in_folder_root(path)
            )

        known: dict[str, FileState] = {}
        candidates: dict[str, None] = {}  # in order, once
        for given in paths:
            path = os.path.abspath(given)
            if os.path.isfile(path):
                candidates[path] = None
                continue
            # A folder, or a file or folder that went away.
            if in_folder_root(path):
                if os.path.isdir(path):
                    candidates.update(dict.fromkeys(_transcripts_under(path)))
                under = self._known_under(path)
            else:
                under = {k: v for k, v in self._known_under(path).items() if os.path.dirname(k) == path}
                candidates.update(dict.fromkeys(p for p in singles if os.path.dirname(p) == path))
            known.update(under)
            candidates.update(dict.fromkeys(under))
            candidates[path] = None
        known.update(self._known(p for p in candidates if p not in known))
        changes = Changes()
        for path in candidates:
            state = known.get(path)
            try:
                st = os.stat(path)
                present = stat.S_ISREG(st.st_mode) and covered(path)
            except OSError:
                present = False
            if not present:
                if state is not None:
                    changes.missing.append(path)
            else:
                changes.note(path, state, st)
        changes.missing.sort()
        return changes

    def _known(self, paths: Iterable[str]) -> dict[str, FileState]:
        """The inventory's rows of these paths (those it has)."""
        wanted = list(paths)
        out: dict[str, FileState] = {}
        for i in range(0, len(wanted), 500):  # SQLite's limit on parameters is 999 at least
            chunk = wanted[i : i + 500]
            rows = self._db.execute(
                "SELECT path, size, mtime_ns, fingerprint, error FROM files"
                f" WHERE path IN ({','.join('?' * len(chunk))})",
                [to_db(p) for p in chunk],
            )
            out.update((state.path, state) for state in map(_state, rows))
        return out

    def _known_under(self, folder: str) -> dict[str, FileState]:
        """The inventory's rows of the files under ``folder`` (a range of the primary key)."""
        start = to_db(folder.rstrip(os.sep) + os.sep)
        end = start[:-1] + bytes([start[-1] + 1])
        rows = self._db.execute(
            "SELECT path, size, mtime_ns, fingerprint, error FROM files WHERE path >= ? AND path < ?",
            (start, end),
        )
        return {state.path: state for state in map(_state, rows)}

    @_locked
    def files(self) -> list[FileState]:
        rows = self._db.execute("SELECT path, size, mtime_ns, fingerprint, error FROM files ORDER BY path")
        return list(map(_state, rows))

    @_locked
    def record(
        self,
        read: Iterable[tuple[str, int, int, str | None, str | None, dict[str, Any] | None]],
        missing: Iterable[str] = (),
    ) -> None:
        """Write what the indexer read: (path, size, mtime_ns, fingerprint or None, error or
        None, summary or None) per file, and forget the ``missing`` ones, in one transaction."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("DELETE FROM files WHERE path = ?", ((to_db(p),) for p in missing))
            for path, size, mtime_ns, fp, error, summary in read:
                db.execute(
                    "INSERT OR REPLACE INTO files (path, size, mtime_ns, fingerprint, error)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (to_db(path), size, mtime_ns, fp, error),
                )
                if fp and summary is not None:
                    db.execute(
                        "INSERT OR REPLACE INTO transcripts (fingerprint, summary) VALUES (?, ?)",
                        (fp, json.dumps(summary)),
                    )
            db.execute(
                "DELETE FROM transcripts WHERE fingerprint NOT IN"
                " (SELECT fingerprint FROM files WHERE fingerprint IS NOT NULL)"
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    @_locked
    def needs_scan(self) -> bool:
        """Roots but no file recorded: a catalog just rebuilt (or never scanned)."""
        db = self._db
        has_roots = db.execute("SELECT 1 FROM roots LIMIT 1").fetchone() is not None
        return has_roots and db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    @_locked
    def forget_all(self) -> None:
        """Empty the inventory (the roots stay): the next scan reads every file again."""
        self._db.execute("DELETE FROM files")
        self._db.execute("DELETE FROM transcripts")

    @_locked
    def fingerprints(self) -> set[str]:
        """The fingerprints of the files in the library (what the index should hold)."""
        rows = self._db.execute("SELECT DISTINCT fingerprint FROM files WHERE fingerprint IS NOT NULL")
        return {fp for (fp,) in rows}

    @_locked
    def fingerprint_of(self) -> dict[str, str]:
        """Each readable file's fingerprint, by path."""
        rows = self._db.execute("SELECT path, fingerprint FROM files WHERE fingerprint IS NOT NULL")
        return {from_db(p): fp for p, fp in rows}

    @_locked
    def paths_for(self, fingerprint: str) -> list[str]:
        """The files with this fingerprint, the most recently modified first."""
        rows = self._db.execute(
            "SELECT path FROM files WHERE fingerprint = ? ORDER BY mtime_ns DESC, path", (fingerprint,)
        )
        return [from_db(p) for (p,) in rows]

    @_locked
    def summary(self, fingerprint: str) -> dict[str, Any] | None:
        row = self._db.execute(
            "SELECT summary FROM transcripts WHERE fingerprint = ?", (fingerprint,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    @_locked
    def calls(self) -> list[CallEntry]:
        """Every call of every readable file: newest period first, then company and path."""
        out = []
        rows = self._db.execute(
            "SELECT f.path, f.fingerprint, f.mtime_ns, t.summary FROM files f"
            " JOIN transcripts t ON t.fingerprint = f.fingerprint"
        )
        cache, self._summaries = self._summaries, {}
        for path, fp, mtime_ns, summary in rows:
            parsed = cache.get(fp) or json.loads(summary)["calls"]
            self._summaries[fp] = parsed
            for i, call in enumerate(parsed):
                out.append(
                    CallEntry(
                        path=from_db(path),
                        fingerprint=fp,
                        call=i,
                        company=call["company"],
                        period=call["period"],
                        period_key=call["period_key"],
                        modified=mtime_ns / 1e9,
                        speakers=call["speakers"],
                        paragraphs=call["paragraphs"],
                    )
                )
        out.sort(key=lambda c: (-c.period_key, c.company or "", c.path, c.call))
        return out
