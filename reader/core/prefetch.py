"""The file named on the command line, read, parsed and its first screen's figures found in a
child process forked at start, before the window's modules are imported (Qt-free).

Python threads take turns on one core for Python code, so a worker thread's parse and figure
lexing would only add to the window's own start. A child process runs on another core at the
same time: by the time the window asks for its file, the transcript and the figures of the
screen it opens at are there, then those of the rest of its first call.

    prefetch = Prefetch.start(path, at)     # None where fork is not to be used
    got = prefetch.take()                    # (worker thread) the first message, or None
    rest = prefetch.rest()                   # the other paragraphs of that call, or None
    prefetch.close()                         # ends the child, if it still runs

Every failure (no fork, the child ended, a bad message, too slow) gives None, and the caller
does the work itself, as it does for any other file: the child only ever saves time. The child
writes nothing but its messages (length-prefixed pickles on a pipe only the two ends know) and
ends with `os._exit`, never running the parent's exit handlers; once the parent is gone (its end
of the pipe closed), the child's next message fails and it ends.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from .errors import TranscriptError
from .figure_data import ParagraphFigures
from .model import Transcript
from .rows import call_rows, first_screen, opening_place

log = logging.getLogger(__name__)

HEAD = 300_000  # characters of a big file parsed first (the loader shows its first call early)
WAIT_SECONDS = 30.0  # a child that says nothing for this long is given up (a stopped machine)
_HEADER = struct.Struct("<Q")


@dataclass
class Prefetched:
    """The child's first message: the file's transcript, the call it opens at, and the figures of
    its first screen from paragraph `top`."""

    transcript: Transcript
    call: int
    top: int
    figures: dict[int, ParagraphFigures]


@dataclass
class Refused:
    """The child's message for a file that is no transcript (or cannot be read)."""

    reason: str


class Prefetch:
    """One child process working on one file; its messages are read once each, in order, by one
    thread at a time (the loader's worker, then the figures' worker), which closes it after, or
    it is closed before anyone reads it."""

    def __init__(self, path: Path, pid: int, fd: int) -> None:
        self.path = path
        self._pid = pid
        self._fd = fd
        self._lock = threading.Lock()
        self._first: Prefetched | None = None

    @classmethod
    def start(cls, path: Path, at: int | None = None) -> Prefetch | None:
        """Fork a child working on `path` (to open at paragraph `at`), or None: no fork here, a
        thread already running (a fork copies only the calling one), a file of over HEAD bytes
        (which may hold over HEAD characters: the loader shows its head early its own way), or
        the fork failed."""
        if not _can_fork() or threading.active_count() > 1:
            return None
        try:
            if path.stat().st_size > HEAD:
                return None
            r, w = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(r)
            os.close(w)
            return None
        if pid == 0:  # the child: never returns
            os.close(r)
            _child(path, at, w)
        os.close(w)
        return cls(path, pid, r)

    @property
    def pid(self) -> int:
        """The child's process id (0 once it is closed)."""
        return self._pid

    @property
    def call(self) -> int:
        """The call whose rest `rest` gives (-1 before `take`)."""
        return self._first.call if self._first is not None else -1

    def take(self) -> Prefetched | None:
        """The transcript and its first screen's figures (blocking, off the GUI thread), or None
        when the child could not give them."""
        message = self._read()
        if not isinstance(message, Prefetched):
            self.close()
            return None
        self._first = message
        return message

    def rest(self) -> dict[int, ParagraphFigures] | None:
        """The figures of the other paragraphs of the call `take` gave (blocking, off the GUI
        thread), or None; the child is done after it either way."""
        message = self._read() if self._first is not None else None
        self.close()
        return message if isinstance(message, dict) else None

    def close(self) -> None:
        """End the child if it still runs, and reap it; safe to call more than once."""
        with self._lock:
            if self._pid <= 0:
                return
            pid, self._pid = self._pid, 0
            os.close(self._fd)
            self._fd = -1
        try:
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        except OSError:  # reaped elsewhere, or already gone
            pass

    def _read(self) -> object:
        with self._lock:
            fd = self._fd
        if fd < 0:
            return None
        try:
            head = _read_exactly(fd, _HEADER.size)
            body = _read_exactly(fd, _HEADER.unpack(head)[0]) if head is not None else None
            message = pickle.loads(body) if body is not None else None
        except Exception:  # a torn or foreign message: the caller does the work itself
            log.exception("the prefetch of %s sent what could not be read", self.path)
            return None
        if isinstance(message, Refused):
            log.debug("the prefetch of %s: %s", self.path, message.reason)
            return None
        if isinstance(message, str):  # the child's own failure, with its traceback
            log.warning("the prefetch of %s failed; the file is read again:\n%s", self.path, message)
            return None
        return message


def _can_fork() -> bool:
    # macOS forbids much after fork in a process that may load its frameworks; Windows has none.
    return hasattr(os, "fork") and sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def _read_exactly(fd: int, size: int) -> bytes | None:
    """`size` bytes from the pipe, or None at its end or after WAIT_SECONDS of silence."""
    parts: list[bytes] = []
    deadline = time.monotonic() + WAIT_SECONDS
    while size > 0:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)


def _child(path: Path, at: int | None, fd: int) -> None:
    """Work in the child and end it: the transcript and first screen's figures, then the rest of
    the call's; or the failure's traceback, for the parent's log."""
    code = 0
    try:
        from .analysis import analyse_paragraph  # imported here: compiling its lexers is child's work
        from .parser import parse_decoded, read_file  # likewise its layouts' regexes

        t = parse_decoded(read_file(path), path)
        call, top = opening_place(t, 0, at)
        first = {p: analyse_paragraph(t.paragraphs[p]) for p in first_screen(call_rows(t, call), top)}
        _send(fd, Prefetched(t, call, top, first))
        c = t.calls[call]
        _send(fd, {p: analyse_paragraph(t.paragraphs[p]) for p in range(c.first, c.end) if p not in first})
    except (BrokenPipeError, KeyboardInterrupt):  # the parent no longer listens, or Ctrl+C
        code = 1
    except TranscriptError as err:  # not a transcript: the parent reads it again to say why
        code = 1
        with contextlib.suppress(BaseException):
            _send(fd, Refused(str(err)))
    except BaseException:
        code = 1
        with contextlib.suppress(BaseException):
            _send(fd, traceback.format_exc())
    os._exit(code)


def _send(fd: int, message: object) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    data = memoryview(_HEADER.pack(len(body)) + body)
    while data:
        data = data[os.write(fd, data) :]
