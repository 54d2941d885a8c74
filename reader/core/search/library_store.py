"""Opening the library's SQLite file safely: a passing error told apart from damage, damage
set aside and the folder list rebuilt, and paths stored as the bytes the OS gave.

- **Paths as bytes.** A file name need not be valid UTF-8 (``bad\\xffname.txt``); Python spells
  such a name with surrogate escapes, which SQLite cannot take as text. Every path is stored as
  the BLOB of its OS bytes (:func:`to_db`, :func:`from_db`); a catalog written when paths were
  text is converted once (``PRAGMA user_version`` 1).
- **A passing error is not damage.** An open error that is not corruption (an I/O error, a
  lock, a permission, a directory where ``library.sqlite3-wal`` should be) raises
  :class:`LibraryUnavailable` and leaves every file as it is: the next run tries again.
- **Damage is set aside and rebuilt.** SQLite's "malformed" or "not a database" (and only
  those) set the file aside (``library.sqlite3.damaged-<time>``, kept) and start a new one with
  the folders the damaged copy still lists and those of the side file.
- **The side file.** The list of library folders and files is also kept in
  ``library-folders.json`` in the app's config folder, so a deleted or damaged catalog is
  rebuilt from it (:func:`write_roots`, :func:`read_roots`).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from .. import paths
from ..errors import TranscriptError
from ..files import write_atomically

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS roots (path TEXT PRIMARY KEY, kind TEXT NOT NULL, added REAL NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    fingerprint TEXT, error TEXT);
CREATE INDEX IF NOT EXISTS files_fingerprint ON files (fingerprint);
CREATE TABLE IF NOT EXISTS transcripts (fingerprint TEXT PRIMARY KEY, summary TEXT NOT NULL);
"""
"""The ``path`` columns are declared TEXT (as in the first catalogs) but hold BLOBs: the OS bytes."""

USER_VERSION = 1
"""1: paths stored as BLOBs of their OS bytes (0: as text)."""

FOLDERS_FILE = "library-folders.json"
BUSY_TIMEOUT = 15.0
"""Seconds to wait for another process's write (the window's, the command line's) to end."""

_CORRUPT, _NOTADB = 11, 26  # SQLite's primary result codes for damage


class LibraryUnavailable(TranscriptError):
    """The catalog cannot be used now (I/O, lock, permissions, an unusable data folder); it was
    left as it is."""


class LibraryDamaged(TranscriptError):
    """The catalog was damaged: it was set aside and rebuilt (see the message)."""


def to_db(path: str) -> bytes:
    return os.fsencode(path)


def from_db(value: bytes | str) -> str:
    return os.fsdecode(value)


def is_damage(err: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is damaged (not a passing I/O, lock or permission
    error)."""
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_CORRUPT, _NOTADB)
    text = str(err).lower()
    return "malformed" in text or "not a database" in text


def unavailable(path: Path, err: BaseException) -> LibraryUnavailable:
    reason = getattr(err, "strerror", None) or str(err) or type(err).__name__
    return LibraryUnavailable(
        f"the library catalog {path} cannot be used now ({reason}); it was left as it is"
    )


def make_folder(path: Path, what: str, error: type[TranscriptError]) -> None:
    """Create the folder ``path`` (and those above it) if missing; ``error`` saying why it
    cannot be used otherwise (``what``: the folder's name for the user)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise error(f"{what} {path} cannot be used: it is a file, not a folder") from None
    except OSError as err:
        raise error(f"{what} {path} cannot be used ({err.strerror or err})") from None


def connect(path: Path) -> sqlite3.Connection:
    """Open (or create) the catalog, WAL, schema up to date. sqlite3.DatabaseError on failure."""
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        # No fsync per transaction (WAL stays consistent; a power cut may lose the last ones,
        # which only makes the next update read those files again).
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        if db.execute("PRAGMA user_version").fetchone()[0] < USER_VERSION:
            _paths_to_blobs(db)
    except BaseException:
        db.close()
        raise
    return db


def _paths_to_blobs(db: sqlite3.Connection) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        for table in ("roots", "files"):
            db.execute(f"UPDATE {table} SET path = CAST(path AS BLOB) WHERE typeof(path) = 'text'")
        db.execute(f"PRAGMA user_version = {USER_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def set_aside(path: Path) -> Path:
    """Move a damaged catalog (and its WAL files, when they are files) out of the way; kept."""
    aside = path.with_name(f"{path.name}.damaged-{int(time.time())}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.is_file():
            os.replace(extra, aside.with_name(aside.name + suffix))
    return aside


def salvage_roots(path: Path) -> list[tuple[str, str]]:
    """The (path, kind) rows a damaged catalog still gives, as far as it can be read."""
    out: list[tuple[str, str]] = []
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError, OSError):
        return out
    try:
        for p, kind in db.execute("SELECT path, kind FROM roots"):
            if isinstance(p, bytes | str) and kind in ("folder", "file", "recent"):
                out.append((from_db(p), kind))
    except sqlite3.Error:
        pass
    finally:
        db.close()
    return out


def default_folders_file() -> Path:
    return paths.config_dir() / FOLDERS_FILE


def read_roots(file: Path) -> list[tuple[str, str]]:
    """The (path, kind) pairs of the side file; [] when missing or unreadable (logged)."""
    try:
        data: Any = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as err:
        log.warning("the library's folder list %s cannot be read: %s", file, err)
        return []
    roots = data.get("roots") if isinstance(data, dict) else None
    if not isinstance(roots, list):
        return []
    kinds = ("folder", "file", "recent")
    return [
        (r["path"], r["kind"])
        for r in roots
        if isinstance(r, dict) and isinstance(r.get("path"), str) and r.get("kind") in kinds
    ]


def write_roots(file: Path, roots: list[tuple[str, str]]) -> None:
    """Write the side file (atomically). A failure is logged, not raised: the catalog holds the
    list; the side file only helps rebuild it."""
    # json writes a surrogate-escaped (undecodable) name as "\udcff", and reads it back the same.
    text = json.dumps({"roots": [{"path": p, "kind": k} for p, k in roots]}, indent=1)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(file, text)
    except OSError as err:
        log.warning("the library's folder list %s cannot be written: %s", file, err)
