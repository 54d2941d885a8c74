"""Reading what can still be read of a damaged notes store, in the spirit of SQLite's ``.recover``.

Two passes over a private copy of the damaged file (the kept file itself is never opened, so it
stays exactly as it was found):

1. through SQLite, table by table: the whole table, and when that fails part-way, row by row
   (ranges of rowids, then single rowids), so one bad page costs only the rows it holds;
2. page by page, with no help from SQLite (:mod:`.pages`): every page of the file and of its
   write-ahead log is parsed as a B-tree page, and the records that have the shape of a note, a
   document or a paragraph key are kept. This finds rows whose path from the root is broken
   (page 1, the schema or an interior page overwritten), where SQLite reads nothing.

Notes are told apart by their uuid: a whole note wins over one read in part (its text cut where
a lost page begins, and marked), a row read through SQLite over one found on a page, else the
most recently updated version (a page can hold an older copy of a note).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import COLORS, LANGS, Restored, Status
from .pages import KEY, LOST, Cut, Overflow, page_images, scan_page

NOTE_COLUMNS = (
    "id", "uuid", "document", "paragraph_key", "lang", "start_char", "end_char", "quote", "prefix",
    "suffix", "paragraph", "speaker", "speaker_title", "section", "call", "counterpart", "status",
    "color", "note", "created", "updated", "deleted",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "fingerprint", "path", "calls", "paragraphs", "first_seen", "last_opened", "superseded_by",
)  # fmt: skip
_STATUSES = frozenset(s.value for s in Status)
# SQLite's errors, and the UnicodeDecodeError Python raises instead when the message quotes bytes
# of a damaged schema that are not UTF-8
_SQL_ERRORS = (sqlite3.Error, UnicodeDecodeError)
_RANGE = 256  # rowids read at once when a table cannot be read whole
_PLAUSIBLE_GAP = 100_000  # more ids than this past the last one read: a damaged number


@dataclass
class Salvaged:
    """The rows read from a damaged store."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)  # by fingerprint
    keys: dict[str, dict[int, str]] = field(default_factory=dict)  # fingerprint -> paragraph -> key
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)  # by uuid
    highest_id: int = 0  # the largest note id the damaged store is known to have given

    @property
    def missing(self) -> int:
        """Notes the store is known to have held (ids are given in order, never reused, and a
        note is never removed) that could not be read."""
        ids = {n["id"] for n in self.notes.values() if isinstance(n.get("id"), int)}
        highest = self.highest_id
        if highest > max(ids, default=0) + _PLAUSIBLE_GAP:  # a damaged counter, not real notes
            highest = max(ids, default=0)
        return max(0, highest - len({i for i in ids if 1 <= i <= highest}))


def salvage(damaged: Path) -> Salvaged:
    """Everything readable in the damaged store at ``damaged`` (and its ``-wal``)."""
    found = Salvaged()
    with tempfile.TemporaryDirectory(prefix="notes-salvage-") as tmp:
        copy = Path(tmp) / "store.sqlite3"
        shutil.copyfile(damaged, copy)
        wal = Path(f"{damaged}-wal")
        if wal.is_file():
            shutil.copyfile(wal, Path(f"{copy}-wal"))
        pages = list(page_images(copy))  # before SQLite opens the copy (and checkpoints its log)
        with contextlib.suppress(*_SQL_ERRORS):
            _through_sqlite(copy, found)
    _from_pages(pages, found)
    return found


# -- through SQLite ------------------------------------------------------------------------------


def _through_sqlite(path: Path, found: Salvaged) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.text_factory = lambda data: data.decode("utf-8", "surrogateescape")
    try:
        for row in _table(conn, "documents", DOCUMENT_COLUMNS):
            document = dict(zip(DOCUMENT_COLUMNS, row[1:], strict=True))
            if _is_document(document):
                found.documents[document["fingerprint"]] = document
        with contextlib.suppress(*_SQL_ERRORS):
            for (seq,) in conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'notes'"):
                if isinstance(seq, int):
                    found.highest_id = max(found.highest_id, seq)
        for row in _table(conn, "notes", NOTE_COLUMNS[1:], bound=found.highest_id):
            usable = usable_note(dict(zip(NOTE_COLUMNS, row, strict=True)))
            if usable is not None and _is_note(usable[0]):
                found.notes[usable[0]["uuid"]] = {**usable[0], "_partial": usable[1]}
        for fingerprint, paragraph, key in _keys(conn, list(found.documents)):
            if isinstance(fingerprint, str) and isinstance(paragraph, int) and isinstance(key, str):
                found.keys.setdefault(fingerprint, {})[paragraph] = key
    finally:
        conn.close()


def _table(
    conn: sqlite3.Connection, table: str, columns: tuple[str, ...], bound: int = 0
) -> Iterator[tuple[Any, ...]]:
    """The rows ``(rowid, *columns)`` of ``table``: all at once, else what ranges of rowids and
    then single rowids still give, up to the largest rowid known (``bound``, ``max(rowid)`` or
    what was read, plus a margin)."""
    sql = f"SELECT rowid, {', '.join(columns)} FROM {table}"
    seen: set[int] = set()
    try:
        for row in conn.execute(sql):
            seen.add(row[0])
            yield row
        return
    except _SQL_ERRORS:
        pass
    with contextlib.suppress(*_SQL_ERRORS):
        bound = max(bound, conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0)
    # a damaged page can name any rowid: probe no further than a plausible distance
    bound = min(max(bound, *seen, 0), max(seen, default=0) + _PLAUSIBLE_GAP) + _RANGE
    for low in range(1, bound + 1, _RANGE):
        try:
            rows = conn.execute(f"{sql} WHERE rowid BETWEEN ? AND ?", (low, low + _RANGE - 1)).fetchall()
        except _SQL_ERRORS:
            rows = []
            for rowid in range(low, low + _RANGE):
                with contextlib.suppress(*_SQL_ERRORS):
                    rows += conn.execute(f"{sql} WHERE rowid = ?", (rowid,)).fetchall()
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                yield row


def _keys(conn: sqlite3.Connection, fingerprints: list[str]) -> Iterator[tuple[Any, ...]]:
    """The paragraph keys (a table without rowids): all at once, else document by document."""
    sql = "SELECT fingerprint, paragraph, key FROM document_keys"
    try:
        yield from conn.execute(sql).fetchall()
        return
    except _SQL_ERRORS:
        pass
    for fingerprint in fingerprints:
        with contextlib.suppress(*_SQL_ERRORS):
            yield from conn.execute(f"{sql} WHERE fingerprint = ?", (fingerprint,)).fetchall()


# -- page by page ----------------------------------------------------------------------------------


def _from_pages(pages: list[bytes], found: Salvaged) -> None:
    """Add what the pages hold to what SQLite read: notes and documents it missed (or older
    copies, replaced by newer ones found later), and the paragraph keys of documents it has
    none for."""
    if not pages:
        return
    size = len(pages[0])
    overflow = Overflow(pages)
    keys: dict[str, dict[int, str]] = {}
    for number, page in enumerate(pages, start=1):
        for values in scan_page(page, number == 1, size, overflow):
            if values[0] is KEY:
                fingerprint, paragraph, key = values[1:]
                keys.setdefault(fingerprint, {}).setdefault(paragraph, key)
            else:
                _take(values, found)
    for fingerprint, by_paragraph in keys.items():
        found.keys.setdefault(fingerprint, by_paragraph)


def _take(values: list[Any], found: Salvaged) -> None:
    """Keep a record found on a page if it has the shape of a row of the store: a whole one
    before one read in part, then the most recently updated."""
    partial = any(v is LOST or isinstance(v, Cut) for v in values)
    if len(values) == len(NOTE_COLUMNS) + 1 and values[1] is None:  # rowid, then id (its alias)
        usable = usable_note(dict(zip(NOTE_COLUMNS, [values[0], *values[2:]], strict=True)))
        if usable is None:
            return
        note, partial = usable
        if _is_note(note):
            known = found.notes.get(note["uuid"])
            replaceable = known is not None and (known.get("_page") or known.get("_partial"))
            if known is None or (replaceable and _newer(note, known, partial, "updated")):
                found.notes[note["uuid"]] = {**note, "_page": True, "_partial": partial}
            found.highest_id = max(found.highest_id, note["id"])
    elif partial:
        return
    elif len(values) == len(DOCUMENT_COLUMNS) + 1:
        document = dict(zip(DOCUMENT_COLUMNS, values[1:], strict=True))
        if _is_document(document):
            known = found.documents.get(document["fingerprint"])
            if known is None or (known.get("_page") and document["last_opened"] > known["last_opened"]):
                found.documents[document["fingerprint"]] = {**document, "_page": True}
    elif len(values) == 3 and values[1] == "notes" and isinstance(values[2], int):  # sqlite_sequence
        found.highest_id = max(found.highest_id, values[2])


def _newer(row: dict[str, Any], known: dict[str, Any], partial: bool, stamp: str) -> bool:
    if partial != bool(known.get("_partial")):
        return not partial
    return bool(row[stamp] > known[stamp])


PART_LOST = "[the rest of this note could not be read from the damaged store]"
ALL_LOST = "[the text of this note could not be read from the damaged store]"


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?Z\Z")
_SURROGATE = re.compile("[\x00\ud800-\udfff]")  # never in what the store writes: damage
_PLACED_BY = ("uuid", "document", "paragraph_key", "lang")
_SHOWN = ("quote", "prefix", "suffix", "speaker", "speaker_title", "section", "counterpart")


def usable_note(note: dict[str, Any]) -> tuple[dict[str, Any], bool] | None:
    """A note as read from a damaged store, made whole where it was not, and whether it was
    read only in part; None when what places it did not survive (uuid, document, paragraph key,
    language, offsets). The store only ever writes UTF-8 and ISO times, so bytes that are not
    UTF-8 mark where a lost or overwritten page begins: the text is cut there, and marked."""
    for key in _PLACED_BY:
        value = note[key]
        if not isinstance(value, str) or isinstance(value, Cut) or _SURROGATE.search(value):
            return None
    if not _UUID.match(note["uuid"]) or note["lang"] not in LANGS:
        return None
    if not (isinstance(note["start_char"], int) and isinstance(note["end_char"], int)):
        return None
    partial = False
    filled = dict(note)
    for key in (*_SHOWN, "note"):
        value = note[key]
        if not isinstance(value, str):
            filled[key], partial = LOST, True
        elif bad := _SURROGATE.search(value):
            filled[key], partial = Cut(value[: bad.start()]), True
        elif isinstance(value, Cut):
            partial = True
    for key in _SHOWN:
        filled[key] = str(filled[key]) if isinstance(filled[key], str) else ""
    text = filled["note"]
    if isinstance(text, Cut):
        filled["note"] = f"{text} {PART_LOST}" if text else PART_LOST
    elif not isinstance(text, str):
        filled["note"] = ALL_LOST
    for key in ("paragraph", "call"):
        if note[key] is not None and not isinstance(note[key], int):
            filled[key], partial = None, True
    if note["status"] not in _STATUSES:
        filled["status"], partial = ("orphan" if filled["paragraph"] is None else "attached"), True
    if note["color"] not in COLORS:
        filled["color"], partial = COLORS[0], True
    for key in ("created", "updated", "deleted"):
        value = note[key]
        if key == "deleted" and value is None:
            continue
        if not isinstance(value, str) or isinstance(value, Cut) or not _ISO.match(value):
            filled[key], partial = "", True  # filled with the time of the recovery
    return filled, partial


_NOTE_TEXT = (
    "uuid", "document", "paragraph_key", "quote", "prefix", "suffix", "speaker", "speaker_title",
    "section", "counterpart", "note", "created", "updated",
)  # fmt: skip


def _is_note(n: dict[str, Any]) -> bool:
    return (
        isinstance(n["id"], int)
        and all(isinstance(n[k], str) for k in _NOTE_TEXT)
        and n["lang"] in LANGS
        and n["status"] in _STATUSES
        and n["color"] in COLORS
        and isinstance(n["start_char"], int)
        and isinstance(n["end_char"], int)
        and (n["paragraph"] is None or isinstance(n["paragraph"], int))
        and (n["call"] is None or isinstance(n["call"], int))
        and (n["deleted"] is None or isinstance(n["deleted"], str))
    )


def _is_document(d: dict[str, Any]) -> bool:
    return (
        isinstance(d["fingerprint"], str)
        and isinstance(d["path"], str | bytes)
        and isinstance(d["calls"], str)
        and isinstance(d["paragraphs"], int)
        and isinstance(d["first_seen"], str)
        and isinstance(d["last_opened"], str)
        and (d["superseded_by"] is None or isinstance(d["superseded_by"], str))
    )


def restore(conn: sqlite3.Connection, found: Salvaged, now: str) -> Restored:
    """Insert what :func:`salvage` read into the (new) store ``conn``, inside the caller's
    transaction. A note keeps its id unless another took it meanwhile; one already there (same
    uuid) is left as it is; a note whose document was lost gets a bare one, filled in when its
    file is opened again."""
    documents = 0
    for d in found.documents.values():
        cursor = conn.execute(
            "INSERT OR IGNORE INTO documents (fingerprint, path, calls, paragraphs, first_seen,"
            " last_opened, superseded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [_stored(d[c]) for c in DOCUMENT_COLUMNS],
        )
        documents += cursor.rowcount
    for fingerprint, keys in found.keys.items():
        if fingerprint in found.documents:
            conn.executemany(
                "INSERT OR IGNORE INTO document_keys (fingerprint, paragraph, key) VALUES (?, ?, ?)",
                [(fingerprint, paragraph, _stored(key)) for paragraph, key in sorted(keys.items())],
            )
    live = deleted = partial = 0
    for note in sorted(found.notes.values(), key=lambda n: n["id"]):
        if conn.execute("SELECT 1 FROM notes WHERE uuid = ?", (note["uuid"],)).fetchone():
            continue
        conn.execute(
            "INSERT OR IGNORE INTO documents (fingerprint, path, calls, paragraphs, first_seen,"
            " last_opened) VALUES (?, '', '[]', 0, ?, '')",
            (note["document"], now),
        )
        taken = conn.execute("SELECT 1 FROM notes WHERE id = ?", (note["id"],)).fetchone()
        columns = NOTE_COLUMNS[1:] if taken else NOTE_COLUMNS
        values = {**note, **{k: note[k] or now for k in ("created", "updated")}}
        if note["deleted"] == "":
            values["deleted"] = now
        conn.execute(
            f"INSERT INTO notes ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [_stored(values[c]) for c in columns],
        )
        partial += bool(note.get("_partial"))
        if note["deleted"] is None:
            live += 1
        else:
            deleted += 1
    return Restored(live, deleted, documents, found.missing, partial)


def _stored(value: Any) -> Any:
    """A value read from the damaged store as it is stored again: text holding bytes that were
    not UTF-8 (read as lone surrogates) goes back as those bytes, never altered here; the store
    shows them replaced and says so."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogateescape")
    return value
