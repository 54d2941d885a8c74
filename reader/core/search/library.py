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
a file costs a row update and no re-indexing. A damaged store is set aside and started afresh
(it holds nothing that a scan cannot find again except the list of roots).
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .. import paths
from ..errors import TranscriptError
from ..model import Transcript

T = TypeVar("T")

TRANSCRIPT_SUFFIXES = (".txt",)
"""What a folder scan picks up (a file added by itself is taken whatever its name)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS roots (path TEXT PRIMARY KEY, kind TEXT NOT NULL, added REAL NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    fingerprint TEXT, error TEXT);
CREATE INDEX IF NOT EXISTS files_fingerprint ON files (fingerprint);
CREATE TABLE IF NOT EXISTS transcripts (fingerprint TEXT PRIMARY KEY, summary TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Root:
    path: str
    kind: str  # "folder", "file" or "recent"


@dataclass(frozen=True)
class FileState:
    """A file as the inventory knows it."""

    path: str
    size: int
    mtime_ns: int
    fingerprint: str | None
    error: str | None


@dataclass
class Changes:
    """What a scan found. ``changed`` may hold files whose bytes are the same (touched): the
    indexer reads them and compares fingerprints before re-indexing anything."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unchanged: int = 0

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.missing)

    @property
    def to_read(self) -> list[str]:
        return self.new + self.changed

    def note(self, path: str, known: FileState | None, st: os.stat_result) -> None:
        """File it by what the inventory knew of it (None: nothing) and what is on disk now."""
        if known is None:
            self.new.append(path)
        elif known.size != st.st_size or known.mtime_ns != st.st_mtime_ns:
            self.changed.append(path)
        else:
            self.unchanged += 1


@dataclass(frozen=True)
class CallEntry:
    """One call of the library, for the library panel."""

    path: str
    fingerprint: str
    call: int  # which call of the file
    company: str | None
    period: str | None
    period_key: int  # sortable: year * 10 + quarter (see schema.period_key); 0 when unknown
    modified: float  # the file's modification time (seconds since the epoch)
    speakers: list[dict[str, Any]]  # name, title, role, firm of the speakers of this call
    paragraphs: int


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


def summarize(t: Transcript) -> dict[str, Any]:
    """What the library keeps about a transcript: its calls and who speaks in each."""
    from .schema import period_key

    calls = []
    for call in t.calls:
        names = dict.fromkeys(t.turns[i].speaker for i in range(call.first_turn, call.end_turn))
        speakers = [
            {"name": s.name, "title": s.title, "role": s.role.value, "firm": s.firm}
            for s in (t.speakers.get(n) for n in names if n)
            if s is not None
        ]
        calls.append(
            {
                "company": call.company,
                "period": call.period,
                "period_key": period_key(call.period),
                "paragraphs": call.end - call.first,
                "speakers": speakers,
            }
        )
    return {"languages": t.languages, "paragraphs": len(t.paragraphs), "calls": calls}


def _locked(method: Callable[..., T]) -> Callable[..., T]:
    """Serialise a method on the store's lock: the indexer's thread and the window's share it."""

    @functools.wraps(method)
    def run(self: Library, *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return method(self, *args, **kwargs)

    return run


class Library:
    """The library store: one connection, safe to share between threads."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / "library.sqlite3"
        self.recovered: Path | None = None  # where a damaged store was set aside, if it was
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        # Parsed summaries by fingerprint (a fingerprint's never changes): calls() parsed 2000
        # of them in 50 ms, after every update of the window.
        self._summaries: dict[str, list[dict[str, Any]]] = {}
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:
            self.recovered = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
            os.replace(self.path, self.recovered)
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=15, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # No fsync per transaction (WAL stays consistent; a power cut may lose the last
            # ones, which only makes the next update read those files again): a one-file
            # update's record() took 5 ms, most of it the fsync.
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

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
        for item in items:
            p = Path(item).expanduser()
            if not p.exists():
                raise TranscriptError("no such file or folder", str(item))
            root = Root(str(p.resolve()), "folder" if p.is_dir() else kind or "file")
            self._db.execute(
                "INSERT INTO roots (path, kind, added) VALUES (?, ?, ?) ON CONFLICT (path) DO UPDATE"
                " SET kind = CASE WHEN roots.kind = 'recent' THEN excluded.kind ELSE roots.kind END",
                (root.path, root.kind, time.time()),
            )
            added.append(root)
        return added

    def add_recent(self, path: str | os.PathLike[str]) -> list[Root]:
        """A file opened in the reading window: it joins the library (a later scan indexes it).
        A file already in the library as a folder's or added by hand stays as it was."""
        return self.add([path], kind="recent")

    @_locked
    def remove(self, path: str | os.PathLike[str]) -> bool:
        """Remove a root (its files leave the library at the next scan). False if not a root."""
        cur = self._db.execute("DELETE FROM roots WHERE path = ?", (str(Path(path).expanduser().resolve()),))
        return cur.rowcount > 0

    @_locked
    def roots(self) -> list[Root]:
        return [Root(p, k) for p, k in self._db.execute("SELECT path, kind FROM roots ORDER BY path")]

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
                chunk,
            )
            out.update((row[0], FileState(*row)) for row in rows)
        return out

    def _known_under(self, folder: str) -> dict[str, FileState]:
        """The inventory's rows of the files under ``folder`` (a range of the primary key)."""
        start = folder.rstrip(os.sep) + os.sep
        end = start[:-1] + chr(ord(os.sep) + 1)
        rows = self._db.execute(
            "SELECT path, size, mtime_ns, fingerprint, error FROM files WHERE path >= ? AND path < ?",
            (start, end),
        )
        return {row[0]: FileState(*row) for row in rows}

    @_locked
    def files(self) -> list[FileState]:
        rows = self._db.execute("SELECT path, size, mtime_ns, fingerprint, error FROM files ORDER BY path")
        return [FileState(*row) for row in rows]

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
            db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in missing))
            for path, size, mtime_ns, fp, error, summary in read:
                db.execute(
                    "INSERT OR REPLACE INTO files (path, size, mtime_ns, fingerprint, error)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (path, size, mtime_ns, fp, error),
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
        return dict(rows.fetchall())

    @_locked
    def paths_for(self, fingerprint: str) -> list[str]:
        """The files with this fingerprint, the most recently modified first."""
        rows = self._db.execute(
            "SELECT path FROM files WHERE fingerprint = ? ORDER BY mtime_ns DESC, path", (fingerprint,)
        )
        return [p for (p,) in rows]

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
                        path=path,
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
