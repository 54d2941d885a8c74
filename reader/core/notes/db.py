"""A small sqlite3 wrapper for the notes store, in the spirit of qutebrowser's ``misc/sql.py``.

Why each piece is here:
- WAL and a busy timeout: the window and the CLI (or two windows) write at once and wait for each
  other instead of failing; readers never block the writer. Writers wait their turn fairly
  (:mod:`.turns`), never SQLite's busy handler, which can pass one over until it gives up.
- ``synchronous=FULL``: a committed note survives a power cut, not only a killed process.
- every write in one ``BEGIN IMMEDIATE`` transaction (:meth:`Database.write`): the write lock is
  taken up front, so two writers never deadlock upgrading a read lock, and a crash or kill -9
  mid-write leaves the last committed state (SQLite's WAL recovery drops the unfinished frames).
- the schema version in ``PRAGMA user_version`` and a table of migrations (:mod:`.schema`), with a
  copy of the file made before an existing store is migrated.
- a damaged store (not a database, a bad header, a failed ``integrity_check``) is never wiped:
  it is renamed aside (``notes.sqlite3.damaged-<time>``), what can still be read of it is
  recovered into a fresh store (:mod:`.salvage`), and a report is kept in the new store's
  ``recoveries`` table until the user dismisses it (:attr:`Database.recovery` for this open).
- an open that fails for another reason (an I/O error, a lock, permissions, a folder where the
  ``-wal`` file belongs) is not damage: it is tried again a few times, then reported, and the file
  is left as it is.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from . import schema, turns
from .models import NewerStoreError, Restored, StoreBusyError, StoreError, now_iso
from .recovery import Recovery, path_from, path_value

BUSY_TIMEOUT_MS = 15_000
SQLITE_MAGIC = b"SQLite format 3\x00"
_CORRUPTION_MARKERS = ("file is not a database", "malformed", "file is encrypted", "unsupported file format")
_NOT_UTF8 = "notes store error: a value holds bytes that are not UTF-8"
RETRY_DELAYS = (0.1, 0.3, 0.9)
IMPOSSIBLE_VERSION = 100
"""A schema version this high was never written by any version of the app: header damage."""
"""Seconds waited before trying again an open that failed without damage (I/O, permissions)."""


class _Passing(Exception):
    """An open that failed without damage to the file: worth trying again."""

    def __init__(self, error: StoreError) -> None:
        super().__init__(str(error))
        self.error = error


class _Damaged(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Database:
    """One connection to the store file. Not shared between threads (the window keeps one in
    its GUI thread; each CLI run opens its own)."""

    def __init__(self, path: Path, verify: bool = True) -> None:
        """``verify=False`` skips SQLite's integrity check, which reads every page (~20 ms per
        MB): for a store another connection checked a moment ago (``NotesService.open_soon``)."""
        self.path = path
        self.verify = verify
        self.recovery: Recovery | None = None
        self.migration_backup: Path | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create the folder ({err.strerror or err})", str(path.parent)) from None
        self.conn = self._open()

    # -- opening -------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        retries = iter(RETRY_DELAYS)
        for _attempt in range(5 + len(RETRY_DELAYS)):
            try:
                identity = _file_identity(self.path)
                conn = self._connect_checked()
            except _Damaged as damage:
                if _file_identity(self.path) != identity:
                    continue  # another process already set it aside and started afresh
                kept = self._set_aside()
                if kept is not None:
                    self.recovery = Recovery(kept, damage.reason)
                continue
            except _Passing as passing:  # not damage: wait, try again, then say what it is
                delay = next(retries, None)
                if delay is None or isinstance(passing.error, StoreBusyError):  # busy: waited already
                    raise passing.error from None
                time.sleep(delay)
                continue
            self._migrate(conn)
            try:
                self._recover_kept(conn)
            except BaseException:
                conn.close()
                raise
            return conn
        raise StoreError("the notes store keeps changing under us; try again", str(self.path))

    def _recover_kept(self, conn: sqlite3.Connection) -> None:
        """Salvage every damaged store kept beside this one that no report mentions yet: the one
        this open set aside, one whose salvage an earlier run did not finish (killed), and ones an
        older version of the app set aside without recovering anything. Each gets a report the user
        sees until they dismiss it."""
        kept = [
            p
            for p in self.path.parent.glob(f"{glob.escape(self.path.name)}.damaged-*")
            if not p.name.endswith(("-wal", "-shm", "-journal")) and p.is_file()
        ]
        if not kept:
            return
        known = {path_from(row[0]) for row in conn.execute("SELECT damaged_path FROM recoveries")}
        for path in sorted(p for p in kept if str(p) not in known):
            ours = self.recovery is not None and self.recovery.damaged_path == path
            reason = "set aside by an earlier run"
            if self.recovery is not None and ours:
                reason = self.recovery.reason
            recovery = self._recover(conn, Recovery(path, reason))
            if ours or self.recovery is None:
                self.recovery = recovery

    def _recover(self, conn: sqlite3.Connection, found: Recovery) -> Recovery:
        """Salvage one kept damaged store into this one and report it, unless another process
        did so meanwhile (checked inside the write transaction)."""
        from .salvage import restore, salvage  # only on damage: its imports cost the window's start ~10 ms

        error = None
        try:
            rows = salvage(found.damaged_path)
        except Exception as err:  # whatever it is, the new store still opens and says so
            rows, error = None, getattr(err, "strerror", None) or f"{type(err).__name__}: {err}"
        restored = Restored(0, 0, 0, 0)
        if rows is not None:
            try:
                with _transaction(conn, self.path):
                    if self._reported(conn, found.damaged_path):
                        return found  # another process salvaged it meanwhile: its report says
                    restored = restore(conn, rows, now_iso())
                    self._report(conn, found, restored, found.reason)
                return Recovery(found.damaged_path, found.reason, restored)
            except (StoreError, sqlite3.Error) as err:  # rolled back: say so, keep the report
                error = str(err)
        with _transaction(conn, self.path):
            if not self._reported(conn, found.damaged_path):
                self._report(conn, found, restored, f"{found.reason}; recovery failed: {error}")
        return Recovery(found.damaged_path, found.reason, None, error)

    @staticmethod
    def _reported(conn: sqlite3.Connection, path: Path) -> bool:
        rows = conn.execute("SELECT damaged_path FROM recoveries").fetchall()
        return str(path) in {path_from(row[0]) for row in rows}

    def _report(self, conn: sqlite3.Connection, found: Recovery, restored: Restored, reason: str) -> None:
        conn.execute(
            "INSERT INTO recoveries (happened, damaged_path, reason, notes, deleted_notes, missing,"
            " documents, partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now_iso(),
                path_value(found.damaged_path),
                reason,
                restored.notes,
                restored.deleted,
                restored.missing,
                restored.documents,
                restored.partial,
            ),
        )

    def _connect_checked(self) -> sqlite3.Connection:
        _check_header(self.path)
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as err:
            raise _Passing(StoreError(f"cannot open the notes store ({err})", str(self.path))) from None
        # Text that is not valid UTF-8 (damage, another program) is read, not refused: the bytes
        # become lone surrogates, which the store turns into U+FFFD and reports (a file name's
        # bytes are kept as they are).
        conn.text_factory = decode_text
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            rows = conn.execute("PRAGMA integrity_check").fetchall() if self.verify else [("ok",)]
            if rows != [("ok",)]:
                raise _Damaged("integrity check failed: " + "; ".join(str(r[0]) for r in rows[:3]))
            version, known = _user_version(conn), schema.current_version()
            if version < 0 or (version > known and (version >= IMPOSSIBLE_VERSION or _our_schema(conn))):
                # a flipped byte in the header, not a newer app: a newer app's schema differs
                raise _Damaged(f"an impossible schema version ({version}) in the header")
            if version > known:  # checked before WAL is switched on: that writes to the file
                raise NewerStoreError(
                    f"the notes store was written by a newer version of the app (schema {version}, "
                    f"this one knows up to {known}); it was left untouched",
                    str(self.path),
                )
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except (sqlite3.DatabaseError, UnicodeDecodeError) as err:
            conn.close()
            if isinstance(err, UnicodeDecodeError):  # SQLite's message quotes a damaged schema
                raise _Damaged(sqlite_message(err)) from None
            if any(marker in str(err).lower() for marker in _CORRUPTION_MARKERS):
                raise _Damaged(str(err)) from None
            raise _Passing(_open_error(err, self.path)) from None
        except (_Damaged, NewerStoreError):
            conn.close()
            raise
        return conn

    def _set_aside(self) -> Path | None:
        """Rename the damaged file (and its -wal / -shm companions) to a name of its own; None
        if another process moved it first."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
            n += 1
        try:
            try:
                os.replace(self.path, target)
            except FileNotFoundError:
                return None
            for suffix in ("-wal", "-shm"):
                companion = Path(f"{self.path}{suffix}")
                if companion.exists():
                    os.replace(companion, Path(f"{target}{suffix}"))
        except OSError as err:
            raise StoreError(
                f"the notes store is damaged and cannot be set aside ({err.strerror or err})",
                str(self.path),
            ) from None
        return target

    # -- migrations ----------------------------------------------------------------------------

    def _migrate(self, conn: sqlite3.Connection) -> None:
        target = schema.current_version()
        version = _user_version(conn)
        if version == target:
            return
        if version > 0:
            self.migration_backup = self._backup(conn, version)
        try:
            with _transaction(conn, self.path):
                version = _user_version(conn)  # another process may have migrated meanwhile
                try:
                    for step in range(version, target):
                        for statement in _statements(schema.MIGRATIONS[step]):
                            conn.execute(statement)
                        conn.execute(f"PRAGMA user_version = {step + 1}")
                except sqlite3.Error as err:
                    raise StoreError(
                        f"cannot upgrade the notes store to schema {target} ({err})", str(self.path)
                    ) from None
        except BaseException:
            conn.close()
            raise

    def _backup(self, conn: sqlite3.Connection, version: int) -> Path:
        """A consistent copy (SQLite's online backup, so WAL content is included) before any
        migration touches the file."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.path.with_name(f"{self.path.name}.v{version}-backup-{stamp}")
        try:
            with contextlib.closing(sqlite3.connect(target)) as copy:
                conn.backup(copy)
        except sqlite3.Error as err:
            conn.close()
            raise StoreError(
                f"cannot back up the notes store before upgrading it ({err})", str(target)
            ) from None
        return target

    # -- use -------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): committed when the block ends, rolled back
        if it raises."""
        with _transaction(self.conn, self.path):
            yield self.conn

    def read(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        try:
            cursor = self.conn.execute(sql, tuple(params))
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()
        except sqlite3.Error as err:
            raise _store_error(err, self.path) from None
        except UnicodeEncodeError:  # text read back from damage, used as a key: not found, said so
            raise StoreError(_NOT_UTF8, str(self.path)) from None
        except UnicodeDecodeError as err:  # damage found since the open
            raise StoreError(f"notes store error: {sqlite_message(err)}", str(self.path)) from None

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: it changes when another connection (another window,
        the command line) commits to the store, never for this connection's own commits."""
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as err:
            raise _store_error(err, self.path) from None
        except UnicodeDecodeError as err:
            raise StoreError(f"notes store error: {sqlite_message(err)}", str(self.path)) from None

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    def close(self) -> None:
        self.conn.close()


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection, path: Path) -> Iterator[None]:
    try:
        began = turns.begin_immediate(conn, path)
    except sqlite3.Error as err:
        raise _store_error(err, path) from None
    if not began:
        raise StoreBusyError(
            f"the notes store is busy (other programs kept writing to it for {turns.WRITE_WAIT_S:g} s); "
            "nothing was changed, try again",
            str(path),
        )
    try:
        yield
    except sqlite3.Error as err:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise _store_error(err, path) from None
    except UnicodeEncodeError:  # text that is not UTF-8 cannot be written: nothing was
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise StoreError(_NOT_UTF8, str(path)) from None
    except UnicodeDecodeError as err:  # damage found since the open
        with contextlib.suppress(sqlite3.Error, UnicodeDecodeError):
            conn.execute("ROLLBACK")
        raise StoreError(f"notes store error: {sqlite_message(err)}", str(path)) from None
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as err:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise _store_error(err, path) from None


def _open_error(err: sqlite3.Error, path: Path) -> StoreError:
    """Why an open failed, for a failure that is not damage: the file is left as it is."""
    if isinstance(_store_error(err, path), StoreBusyError):
        return _store_error(err, path)
    wal = Path(f"{path}-wal")
    why = f"{wal.name} is not a file" if wal.exists() and not wal.is_file() else str(err)
    return StoreError(
        f"cannot open the notes store ({why}); it was left as it is, not treated as damaged", str(path)
    )


def _store_error(err: sqlite3.Error, path: Path) -> StoreError:
    text = str(err)
    if "locked" in text or "busy" in text:
        return StoreBusyError(
            f"the notes store is busy (another program kept it locked for {BUSY_TIMEOUT_MS // 1000} s)",
            str(path),
        )
    return StoreError(f"notes store error: {text}", str(path))


def sqlite_message(err: UnicodeDecodeError) -> str:
    """The message of an SQLite error that Python could not decode (it quotes bytes of a damaged
    schema that are not UTF-8), with those bytes replaced."""
    data = err.object
    return bytes(data).decode("utf-8", "replace") if isinstance(data, bytes | bytearray) else str(err)


def decode_text(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        return
    except OSError as err:  # not damage (permissions, I/O): tried again, then reported
        raise _Passing(
            StoreError(
                f"cannot read the notes store ({err.strerror or err}); it was left as it is", str(path)
            )
        ) from None
    if head and not head.startswith(SQLITE_MAGIC):
        raise _Damaged("not an SQLite database")
    if head and (reason := _bad_header(head)):
        raise _Damaged(reason)


def _bad_header(head: bytes) -> str | None:
    """Why SQLite's 100-byte header is impossible (SQLite would refuse the file, or open it
    read-only, which is damage all the same), or None when it looks sound."""
    if len(head) < 100:
        return "the file is cut short inside its header"
    size = int.from_bytes(head[16:18], "big")
    if size != 1 and (size < 512 or size > 32768 or size & (size - 1)):
        return "a bad page size in the header"
    if head[18] not in (1, 2) or head[19] not in (1, 2) or head[21:24] != b"\x40\x20\x20":
        return "bad format numbers in the header"
    if int.from_bytes(head[44:48], "big") > 4 or int.from_bytes(head[56:60], "big") > 3:
        return "a bad schema format or text encoding in the header"
    return None


def _our_schema(conn: sqlite3.Connection) -> bool:
    """Whether the store's tables and indexes are exactly those this version's migrations make
    (then a higher schema version in its header cannot have come from a newer app)."""
    query = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    with contextlib.closing(sqlite3.connect(":memory:")) as fresh:
        for script in schema.MIGRATIONS:
            fresh.executescript(script)
        ours = fresh.execute(query).fetchall()
    return conn.execute(query).fetchall() == ours


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration script, one by one: ``executescript`` would commit the
    transaction the migration runs in."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()
