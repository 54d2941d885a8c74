"""Reading an SQLite file page by page, without SQLite: what :mod:`.salvage` falls back on when
the way from the root to a row is broken (page 1, the schema or an interior page overwritten).

Every page of the file and every page image of its write-ahead log is parsed as a B-tree page
(the file format: https://www.sqlite.org/fileformat2.html): a table leaf gives its records with
their rowids, an index page (where a table without rowids keeps its rows) its records; a payload
that continues on overflow pages is followed along their chain, and when that chain is broken
the record is given as far as it goes (:class:`Cut`, :data:`LOST`).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def page_images(path: Path) -> Iterator[bytes]:
    """Every page of the file, then every page image in its write-ahead log (newer versions)."""
    data = path.read_bytes()
    wal_path = Path(f"{path}-wal")
    wal = wal_path.read_bytes() if wal_path.is_file() else b""
    size = _page_size(data, wal)
    if len(data) % size:  # cut short: the last page as far as it goes
        data += bytes(size - len(data) % size)
    for offset in range(0, len(data) - size + 1, size):
        yield data[offset : offset + size]
    if len(wal) >= 32 and struct.unpack(">I", wal[8:12])[0] == size:
        for offset in range(32, len(wal) - 24 - size + 1, 24 + size):
            yield wal[offset + 24 : offset + 24 + size]


def _page_size(data: bytes, wal: bytes) -> int:
    sizes = {512 << n for n in range(8)}
    if data[:16] == b"SQLite format 3\x00":
        size = struct.unpack(">H", data[16:18])[0]
        size = 65536 if size == 1 else size
        if size in sizes:
            return size
    if len(wal) >= 32:
        size = struct.unpack(">I", wal[8:12])[0]
        if size in sizes:
            return size
    return 4096  # what SQLite (and so this store) uses unless told otherwise


class Overflow:
    """Payloads that did not fit in their cell continue on a chain of overflow pages."""

    def __init__(self, pages: list[bytes]) -> None:
        self.pages = pages

    def read(self, first: int, length: int, usable: int) -> bytes | None:
        out = bytearray()
        number, hops = first, 0
        while len(out) < length:
            if not 1 <= number <= len(self.pages) or hops > len(self.pages):
                return None
            page = self.pages[number - 1]
            out += page[4:usable]
            number = struct.unpack(">I", page[:4])[0]
            hops += 1
        return bytes(out[:length])


KEY = object()
_TABLE_LEAF, _INDEX_LEAF, _INDEX_INTERIOR = 0x0D, 0x0A, 0x02


def scan_page(page: bytes, first: bool, size: int, overflow: Overflow) -> Iterator[list[Any]]:
    """The records of one page: a table leaf gives ``[rowid, *values]``; an index page (a table
    without rowids keeps its rows there, interior pages included) gives ``[KEY, fingerprint,
    paragraph, key]`` for records shaped like a paragraph key. Any other page gives nothing, a
    cell that does not parse is skipped."""
    start = 100 if first else 0
    if len(page) < start + 12:
        return
    kind = page[start]
    if kind not in (_TABLE_LEAF, _INDEX_LEAF, _INDEX_INTERIOR):
        return
    cells = struct.unpack(">H", page[start + 3 : start + 5])[0]
    pointers = start + (12 if kind == _INDEX_INTERIOR else 8)
    usable = size  # no reserved bytes in a store this app made
    for i in range(cells):
        pointer_at = pointers + 2 * i
        if pointer_at + 2 > len(page):
            return
        offset = struct.unpack(">H", page[pointer_at : pointer_at + 2])[0]
        if kind == _INDEX_INTERIOR:
            offset += 4  # the left child's page number
        try:
            payload, rowid, whole = _cell(page, offset, kind, usable, overflow)
            if payload is None or (not whole and kind != _TABLE_LEAF):
                continue
            values = _record(payload, whole)
        except (IndexError, ValueError, struct.error):
            continue
        if values is None:
            continue
        if kind == _TABLE_LEAF:
            yield [rowid, *values]
        elif len(values) == 3 and isinstance(values[1], int) and _all_str(values[0], values[2]):
            yield [KEY, *values]  # document_keys: (fingerprint, paragraph, key)


def _all_str(*values: Any) -> bool:
    return all(isinstance(v, str) for v in values)


def _cell(
    page: bytes, offset: int, kind: int, usable: int, overflow: Overflow
) -> tuple[bytes | None, int | None, bool]:
    """A cell's payload, its rowid (table leaves), and whether the payload is whole: when its
    chain of overflow pages is broken, what the page itself holds is given, to read in part."""
    length, at = _varint(page, offset)
    rowid = None
    if kind == _TABLE_LEAF:
        rowid, at = _varint(page, at)
    limit = usable - 35 if kind == _TABLE_LEAF else (usable - 12) * 64 // 255 - 23
    if length <= limit:
        if at + length > len(page):
            return None, rowid, False
        return page[at : at + length], rowid, True
    least = (usable - 12) * 32 // 255 - 23
    local = least + (length - least) % (usable - 4)
    if local > limit:
        local = least
    head = page[at : at + local]
    (next_page,) = struct.unpack(">I", page[at + local : at + local + 4])
    rest = overflow.read(next_page, length - local, usable)
    return (head + rest, rowid, True) if rest is not None else (head, rowid, False)


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        byte = data[at + i]
        if i == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    raise ValueError("bad varint")


_INT_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


class Cut(str):
    """Text of which only the beginning could be read (the rest was on a lost page)."""


LOST = object()  # a value that was on a lost page


def _record(payload: bytes, whole: bool = True) -> list[Any] | None:
    """The values of a record. Of a payload that is not ``whole``, the values past its end are
    :data:`LOST`, and the text running past it is a :class:`Cut`."""
    header_size, at = _varint(payload, 0)
    if not 0 < header_size <= len(payload):
        return None
    types = []
    while at < header_size:
        serial, at = _varint(payload, at)
        types.append(serial)
    values: list[Any] = []
    at = header_size
    for serial in types:
        n = _INT_SIZES.get(serial, 8 if serial == 7 else (serial - 12) // 2 if serial >= 12 else 0)
        if at + n > len(payload):
            if whole:
                return None
            if serial >= 13 and serial % 2 and at < len(payload):
                values.append(Cut(payload[at:].decode("utf-8", "ignore")))
            else:
                values.append(LOST)
            at = len(payload) + 1
            continue
        if serial == 0:
            values.append(None)
        elif serial in _INT_SIZES:
            values.append(int.from_bytes(payload[at : at + n], "big", signed=True))
        elif serial == 7:
            values.append(struct.unpack(">d", payload[at : at + 8])[0])
        elif serial in (8, 9):
            values.append(serial - 8)
        elif serial >= 12:
            raw = payload[at : at + n]
            values.append(raw.decode("utf-8", "surrogateescape") if serial % 2 else bytes(raw))
        else:
            return None
        at += n
    return values
