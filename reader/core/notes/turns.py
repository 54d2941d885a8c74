"""Writers of the notes store taking turns, so that none waits for ever behind the others.

SQLite's own busy handler is unfair: a writer that has waited a while sleeps 100 ms between two
tries, while one that has just arrived tries again after 1, 2, 5 ms, so under contention (several
windows and command lines writing, commits slowed by the fsync a durable commit needs) the
newcomers keep taking the lock and the one waiting longest can be passed over until it gives up.
Here a write:

- first takes the *turn*: an exclusive lock on a small file beside the store (``<store>.turn``),
  held only while waiting for SQLite's write lock and let go as soon as it has it. Whoever holds
  the turn is next: a writer that has just committed and writes again must take the turn like
  everyone else, so it cannot take SQLite's lock back before the writer already waiting;
- tries both locks again every few milliseconds, jittered, never backing off, so a writer that has
  waited long has the same chance at each hand-over as one that has just come;
- gives up after :data:`WRITE_WAIT_S` in all (then the caller says the store is busy).

The turn file orders this app's writers; SQLite's lock is what keeps the store consistent. So a
turn that cannot be had (a folder where the file belongs, a file system without locks, a writer
stopped while holding it) only costs the order: after half the wait, the write goes on without it.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

WRITE_WAIT_S = 60.0
"""How long a write waits for the other writers before it is refused as busy."""
RETRY_S = (0.001, 0.004)
"""The range of the random pause between two tries of either lock."""

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def turn_path(store: Path) -> Path:
    return Path(f"{store}.turn")


def begin_immediate(conn: sqlite3.Connection, store: Path) -> bool:
    """Start a write transaction (``BEGIN IMMEDIATE``) on ``conn`` once it is this writer's turn;
    False if the other writers kept the store locked for the whole wait. An SQLite error other
    than busy is raised as it is."""
    deadline = time.monotonic() + WRITE_WAIT_S
    turn = _open_turn(store)
    try:
        if turn is not None and not _keep_trying(_try_turn(turn), (time.monotonic() + deadline) / 2):
            os.close(turn)  # not had in half the wait: the write goes on without the order it keeps
            turn = None
        return _without_busy_handler(conn, lambda: _keep_trying(lambda: _try_begin(conn), deadline))
    finally:
        if turn is not None:
            _release(turn)


def _keep_trying(attempt: Callable[[], bool], deadline: float) -> bool:
    while not attempt():
        if time.monotonic() >= deadline:
            return False
        time.sleep(random.uniform(*RETRY_S))
    return True


def _open_turn(store: Path) -> int | None:
    """The turn file, opened for this one write (a file deleted meanwhile is made again); None when
    it cannot be."""
    try:
        return os.open(turn_path(store), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return None


def _try_turn(fd: int) -> Callable[[], bool]:
    def attempt() -> bool:
        try:
            return _try_lock(fd)
        except OSError:  # no locks on this file system: the turn is had, and orders nothing
            return True

    return attempt


def _release(fd: int) -> None:
    try:
        _unlock(fd)
    except OSError:
        pass
    finally:
        os.close(fd)  # closing lets go of the lock in any case


def _without_busy_handler(conn: sqlite3.Connection, run: Callable[[], bool]) -> bool:
    """``run`` with SQLite's busy handler off (each try fails at once; the pauses are ours), then
    the connection's busy timeout as it was, for its reads."""
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        return run()
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def _try_begin(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as err:
        if err.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY:  # and its kinds (recovery, snapshot)
            return False
        raise
    return True
