"""Reading a user's file: a regular file only, refused at once otherwise, never a hang.

A named pipe (FIFO) would block a plain ``open`` until a writer comes, a device can be endless
(``/dev/zero``) or have effects when opened (a terminal, a tape), a socket cannot be read at all.
:func:`read_regular` stats the path first, opens it without blocking or taking a controlling
terminal, and checks the open file again (the path may have been swapped in between).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import TranscriptError
from .messages import (
    A_BLOCK_DEVICE,
    A_CHARACTER_DEVICE,
    A_FIFO,
    A_SOCKET,
    CANNOT_BE_READ,
    IS_A_FOLDER,
    NO_SUCH_FILE,
    NOT_REGULAR,
    NOT_REGULAR_IT_IS,
    PERMISSION_DENIED,
    TOO_LARGE,
    TOO_LARGE_OVER,
    Message,
)

_NOT_REGULAR = (
    (stat.S_ISFIFO, A_FIFO),
    (stat.S_ISSOCK, A_SOCKET),
    (stat.S_ISCHR, A_CHARACTER_DEVICE),
    (stat.S_ISBLK, A_BLOCK_DEVICE),
)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed). TranscriptError, with a
    one-line reason and the path, for a folder, a FIFO, socket or device ("not a regular file"),
    a missing or unreadable file, or one larger than ``limit`` bytes."""
    name = os.fsdecode(path)
    try:
        _check(os.stat(path), limit, name)
        fd = os.open(path, _FLAGS)
        try:
            _check(os.fstat(fd), limit, name)
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)  # a regular file: reads never wait anyway
            with os.fdopen(fd, "rb", closefd=False) as f:
                data = f.read(limit + 1)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise TranscriptError(Message(NO_SUCH_FILE), name) from None
    except PermissionError:
        raise TranscriptError(Message(PERMISSION_DENIED), name) from None
    except IsADirectoryError:
        raise TranscriptError(Message(IS_A_FOLDER), name) from None
    except OSError as err:
        raise TranscriptError(Message(CANNOT_BE_READ, reason=err.strerror or str(err)), name) from None
    if len(data) > limit:
        raise TranscriptError(Message(TOO_LARGE_OVER, mb=limit // (1024 * 1024)), name)
    return data


def _check(st: os.stat_result, limit: int, name: str) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise TranscriptError(Message(IS_A_FOLDER), name)
    for test, what in _NOT_REGULAR:
        if test(st.st_mode):
            raise TranscriptError(Message(NOT_REGULAR_IT_IS, what=Message(what)), name)
    if not stat.S_ISREG(st.st_mode):
        raise TranscriptError(Message(NOT_REGULAR), name)
    if st.st_size > limit:
        raise TranscriptError(Message(TOO_LARGE, mb=st.st_size // (1024 * 1024)), name)


def write_atomically(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``path`` whole or not at all: the text goes to a temporary file in the same folder,
    which then replaces ``path``; on failure (OSError, raised) the temporary file is removed."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
