"""The notes store: documents and their notes in one SQLite file in the app's data folder.

    store = NotesStore()                       # data_dir() / "notes.sqlite3"
    result = open_document(store, transcript, path)   # carry.py: register + carry over
    note = store.add(transcript, anchor, color="green", text="check the margin guidance")
    store.edit(note.id, text="...")            # store.delete(note.id); store.restore(note.id)
    store.reattach(note.id, transcript, anchor)  # store.put_back(old_note) undoes it
    store.notes(transcript.fingerprint)        # or store.notes() for every document

Each method that changes something is one transaction. Deleting only marks a note deleted, so
undo (:meth:`NotesStore.restore`) gives back exactly what was there; deleted notes are left out of
lists and exports. ``store.recovery`` is set when a damaged store was set aside at open.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid as uuidlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..model import Transcript
from ..paths import data_dir
from .anchors import placement
from .db import Database
from .models import (
    COLORS,
    Anchor,
    Document,
    Note,
    NoteFilter,
    NoteNotFoundError,
    NotesError,
    Placement,
    Restored,
    Status,
    now_iso,
)
from .recovery import Recovery, RecoveryReport, path_from, path_value

STORE_NAME = "notes.sqlite3"
_SURROGATES = re.compile("[\ud800-\udfff]")

_NOTE_COLUMNS = (
    "id, uuid, document, paragraph_key, lang, start_char, end_char, quote, prefix, suffix, "
    "paragraph, speaker, speaker_title, section, call, counterpart, status, color, note, "
    "created, updated, deleted"
)


def default_path() -> Path:
    return data_dir() / STORE_NAME


class NotesStore:
    def __init__(self, path: Path | None = None, verify: bool = True) -> None:
        self.db = Database(path or default_path(), verify)
        self._seen_version = self.db.data_version()
        self.undecodable: set[int] = set()
        """Ids of notes read so far whose stored text held bytes that are not UTF-8 (damage, or
        another program): they are given with U+FFFD in those places; see :meth:`decode_warning`."""

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def recovery(self) -> Recovery | None:
        """Set when the store found at open was damaged and set aside: tell the user."""
        return self.db.recovery

    @property
    def migration_backup(self) -> Path | None:
        """The copy made before this open upgraded the store's schema, if it did."""
        return self.db.migration_backup

    def close(self) -> None:
        self.db.close()

    def recovery_reports(self, include_dismissed: bool = False) -> list[RecoveryReport]:
        """Damaged stores set aside and salvaged into this one, newest first: until the user
        dismisses them (:meth:`dismiss_recovery`), the window shows them in a banner and
        ``notes list`` says so, every time."""
        where = "" if include_dismissed else " WHERE dismissed IS NULL"
        rows = self.db.read(f"SELECT * FROM recoveries{where} ORDER BY id DESC")
        return [
            RecoveryReport(
                id=r["id"],
                happened=r["happened"],
                damaged_path=path_from(r["damaged_path"]),
                reason=r["reason"],
                restored=Restored(r["notes"], r["deleted_notes"], r["documents"], r["missing"], r["partial"]),
                dismissed=r["dismissed"],
            )
            for r in rows
        ]

    def dismiss_recovery(self, report_id: int | None = None) -> int:
        """Mark one recovery report (all with None) as seen; returns how many were dismissed."""
        with self.db.write() as conn:
            sql = "UPDATE recoveries SET dismissed = ? WHERE dismissed IS NULL"
            params: list[object] = [now_iso()]
            if report_id is not None:
                sql += " AND id = ?"
                params.append(report_id)
            return conn.execute(sql, params).rowcount

    def recovery_warnings(self) -> list[str]:
        """The lines the command line prints on every run until the user dismisses them: what
        was recovered from each damaged store (and this open's, if its report could not be kept)."""
        reports = [r.message for r in self.recovery_reports()]
        if not reports and self.recovery is not None:
            reports = [self.recovery.message]
        return reports

    def decode_warning(self) -> str | None:
        """A line telling the user which notes read so far had undecodable bytes, or None."""
        if not self.undecodable:
            return None
        ids = ", ".join(f"#{i}" for i in sorted(self.undecodable)[:10])
        more = f" and {len(self.undecodable) - 10} more" if len(self.undecodable) > 10 else ""
        return (
            f"note {ids}{more} held bytes that are not valid UTF-8 (damage in the notes store); "
            "they are shown replaced with \ufffd, the stored note is left as it is"
        )

    def changed_elsewhere(self) -> bool:
        """Whether another connection committed to the store since the last time this was asked
        (or since the store was opened): then what this process read of it may be out of date."""
        version = self.db.data_version()
        changed, self._seen_version = version != self._seen_version, version
        return changed

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- documents -------------------------------------------------------------------------------

    def register(self, transcript: Transcript, path: str | Path) -> Document:
        """Record that ``transcript`` was opened from ``path``: a new document with its paragraph
        keys, or the known one with its new path."""
        with self.db.write() as conn:
            self.record_document(conn, transcript, str(Path(path).absolute()))
        return self.document(transcript.fingerprint)

    def record_document(self, conn: sqlite3.Connection, transcript: Transcript, path: str) -> None:
        now = now_iso()
        calls = json.dumps([[c.company, c.period] for c in transcript.calls], ensure_ascii=False)
        conn.execute(
            "INSERT INTO documents (fingerprint, path, calls, paragraphs, first_seen, last_opened)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET"
            " path = excluded.path, last_opened = excluded.last_opened, calls = excluded.calls,"
            " paragraphs = excluded.paragraphs",
            (transcript.fingerprint, path_value(path), calls, len(transcript.paragraphs), now, now),
        )
        keys = [p.key for p in transcript.paragraphs]
        known = conn.execute(
            "SELECT key FROM document_keys WHERE fingerprint = ? ORDER BY paragraph",
            (transcript.fingerprint,),
        ).fetchall()
        if [k for (k,) in known] != keys:
            conn.execute("DELETE FROM document_keys WHERE fingerprint = ?", (transcript.fingerprint,))
            conn.executemany(
                "INSERT INTO document_keys (fingerprint, paragraph, key) VALUES (?, ?, ?)",
                [(transcript.fingerprint, i, k) for i, k in enumerate(keys)],
            )

    def document(self, fingerprint: str) -> Document:
        rows = self._documents("WHERE d.fingerprint = ?", (fingerprint,))
        if not rows:
            raise NoteNotFoundError(f"no document with fingerprint {fingerprint} in the notes store")
        return rows[0]

    def find_document(self, fingerprint: str) -> Document | None:
        rows = self._documents("WHERE d.fingerprint = ?", (fingerprint,))
        return rows[0] if rows else None

    def documents(self, with_notes: bool = True) -> list[Document]:
        """Documents holding live notes (all known ones with ``with_notes=False``), most recently
        opened first: what the All-notes view lists."""
        where = "WHERE EXISTS (SELECT 1 FROM notes n WHERE n.document = d.fingerprint AND n.deleted IS NULL)"
        return self._documents(where if with_notes else "", ())

    def _documents(self, where: str, params: tuple[object, ...]) -> list[Document]:
        rows = self.db.read(
            "SELECT d.*, (SELECT COUNT(*) FROM notes n WHERE n.document = d.fingerprint"
            f" AND n.deleted IS NULL) AS live FROM documents d {where} ORDER BY d.last_opened DESC",
            params,
        )
        return [
            Document(
                fingerprint=r["fingerprint"],
                path=path_from(r["path"]),
                calls=tuple((c[0], c[1]) for c in json.loads(r["calls"])),
                paragraphs=r["paragraphs"],
                first_seen=r["first_seen"],
                last_opened=r["last_opened"],
                superseded_by=r["superseded_by"],
                notes=r["live"],
            )
            for r in rows
        ]

    def keys(self, fingerprint: str) -> list[str]:
        rows = self.db.read(
            "SELECT key FROM document_keys WHERE fingerprint = ? ORDER BY paragraph", (fingerprint,)
        )
        return [r["key"] for r in rows]

    # -- notes -----------------------------------------------------------------------------------

    def notes(
        self, fingerprint: str | None = None, where: NoteFilter | None = None, include_deleted: bool = False
    ) -> list[Note]:
        """The notes of one document (all documents with None), in reading order, orphans last."""
        clauses, params = [], []
        if fingerprint is not None:
            clauses.append("document = ?")
            params.append(fingerprint)
        if not include_deleted:
            clauses.append("deleted IS NULL")
        sql = f"SELECT {_NOTE_COLUMNS} FROM notes"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY document, paragraph IS NULL, paragraph, lang, start_char, id"
        found = [self._note(r) for r in self.db.read(sql, params)]
        return [n for n in found if where.matches(n)] if where else found

    def note(self, note_id: int) -> Note:
        rows = self.db.read(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id = ?", (note_id,))
        if not rows:
            raise NoteNotFoundError(f"no note {note_id}")
        return self._note(rows[0])

    def _note(self, row: sqlite3.Row) -> Note:
        note, clean = _note(row)
        if not clean:
            self.undecodable.add(note.id)
        return note

    def add(self, transcript: Transcript, anchor: Anchor, color: str = COLORS[0], text: str = "") -> Note:
        """A new note on a passage of an open document (register it first)."""
        _check_color(color)
        text = _clean(text)  # bytes that are not UTF-8 (a command line's argument): U+FFFD
        place = placement(transcript, _index_of(transcript, anchor), anchor.lang)
        now = now_iso()
        with self.db.write() as conn:
            _check_registered(conn, transcript.fingerprint)
            cursor = conn.execute(
                "INSERT INTO notes (uuid, document, status, color, note, created, updated, paragraph_key,"
                " lang, start_char, end_char, quote, prefix, suffix, paragraph, speaker, speaker_title,"
                " section, call, counterpart) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, ?)",
                (
                    str(uuidlib.uuid4()),
                    transcript.fingerprint,
                    Status.ATTACHED.value,
                    color,
                    text,
                    now,
                    now,
                    *_anchor_values(anchor, place),
                ),
            )
            note_id = cursor.lastrowid
        assert note_id is not None
        return self.note(note_id)

    def edit(self, note_id: int, *, text: str | None = None, color: str | None = None) -> Note:
        if color is not None:
            _check_color(color)
        with self.db.write() as conn:
            old = self._live(conn, note_id)
            conn.execute(
                "UPDATE notes SET note = ?, color = ?, updated = ? WHERE id = ?",
                (old["note"] if text is None else _clean(text), color or old["color"], now_iso(), note_id),
            )
        return self.note(note_id)

    def delete(self, note_id: int) -> Note:
        """Mark a note deleted; returns it as it was, for an undo stack."""
        with self.db.write() as conn:
            self._live(conn, note_id)
            conn.execute("UPDATE notes SET deleted = ? WHERE id = ?", (now_iso(), note_id))
        return self.note(note_id)

    def restore(self, note_id: int) -> Note:
        """Undo a delete: the note comes back exactly as it was."""
        with self.db.write() as conn:
            if conn.execute("SELECT 1 FROM notes WHERE id = ?", (note_id,)).fetchone() is None:
                raise NoteNotFoundError(f"no note {note_id}")
            conn.execute("UPDATE notes SET deleted = NULL WHERE id = ?", (note_id,))
        return self.note(note_id)

    def reattach(self, note_id: int, transcript: Transcript, anchor: Anchor) -> Note:
        """Put a note (typically an orphan) on a new passage of an open, registered document."""
        index = _index_of(transcript, anchor)
        with self.db.write() as conn:
            self._live(conn, note_id)
            _check_registered(conn, transcript.fingerprint)
            self.place(
                conn, note_id, transcript.fingerprint, anchor, placement(transcript, index, anchor.lang)
            )
            conn.execute(
                "UPDATE notes SET status = ?, updated = ? WHERE id = ?",
                (Status.ATTACHED.value, now_iso(), note_id),
            )
        return self.note(note_id)

    def put_back(self, note: Note) -> Note:
        """Make a note exactly what ``note`` (read earlier) was: its passage, status, colour,
        text and times. The undo of a re-attach, or of anything else done to it since."""
        with self.db.write() as conn:
            if conn.execute("SELECT 1 FROM notes WHERE id = ?", (note.id,)).fetchone() is None:
                raise NoteNotFoundError(f"no note {note.id}")
            _check_registered(conn, note.document)
            self.place(conn, note.id, note.document, note.anchor, note.placement)
            conn.execute(
                "UPDATE notes SET status = ?, color = ?, note = ?, updated = ?, deleted = ? WHERE id = ?",
                (note.status.value, note.color, note.text, note.updated, note.deleted, note.id),
            )
        return self.note(note.id)

    # -- used by carry-over and import, inside their own transaction ----------------------------

    @staticmethod
    def place(
        conn: sqlite3.Connection, note_id: int, fingerprint: str, anchor: Anchor, where: Placement
    ) -> None:
        conn.execute(
            "UPDATE notes SET document = ?, paragraph_key = ?, lang = ?, start_char = ?, end_char = ?,"
            " quote = ?, prefix = ?, suffix = ?, paragraph = ?, speaker = ?, speaker_title = ?,"
            " section = ?, call = ? , counterpart = ? WHERE id = ?",
            (fingerprint, *_anchor_values(anchor, where), note_id),
        )

    @staticmethod
    def _live(conn: sqlite3.Connection, note_id: int) -> sqlite3.Row:
        cursor = conn.execute("SELECT note, color FROM notes WHERE id = ? AND deleted IS NULL", (note_id,))
        cursor.row_factory = sqlite3.Row
        row: sqlite3.Row | None = cursor.fetchone()
        if row is None:
            raise NoteNotFoundError(f"no note {note_id}")
        return row

    def rows(self, conn: sqlite3.Connection, sql: str, params: Sequence[object] = ()) -> list[Note]:
        """Notes read through ``conn`` (inside a transaction): ``sql`` is the WHERE clause."""
        cursor = conn.execute(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE {sql}", tuple(params))
        cursor.row_factory = sqlite3.Row
        return [self._note(r) for r in cursor.fetchall()]

    def insert(self, conn: sqlite3.Connection, note: Note) -> None:
        """Insert a whole note as it is (import): same uuid, times and status."""
        conn.execute(
            "INSERT INTO notes (uuid, document, status, color, note, created, updated, deleted,"
            " paragraph_key, lang, start_char, end_char, quote, prefix, suffix, paragraph, speaker,"
            " speaker_title, section, call, counterpart) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                note.uuid,
                note.document,
                note.status.value,
                note.color,
                note.text,
                note.created,
                note.updated,
                note.deleted,
                *_anchor_values(note.anchor, note.placement),
            ),
        )

    def integrity_ok(self) -> bool:
        return self.db.integrity_ok()


def _anchor_values(anchor: Anchor, where: Placement) -> tuple[Any, ...]:
    return (
        anchor.key,
        anchor.lang,
        anchor.start,
        anchor.end,
        anchor.quote,
        anchor.prefix,
        anchor.suffix,
        where.paragraph,
        where.speaker,
        where.speaker_title,
        where.section,
        where.call,
        where.counterpart,
    )


def _clean(text: str) -> str:
    """Stored text as a note shows it: lone surrogates (bytes that were not UTF-8, read with
    ``surrogateescape``) replaced with U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def _note(raw: sqlite3.Row) -> tuple[Note, bool]:
    """The note of a row, and whether its text was all valid UTF-8."""
    r = dict(zip(raw.keys(), tuple(raw), strict=True))
    clean = True
    for key, value in r.items():
        if isinstance(value, str) and not value.isascii():
            fixed = _clean(value)
            if fixed != value:
                r[key], clean = fixed, False
        elif isinstance(value, bytes):  # a BLOB where text belongs: only damage puts one there
            r[key], clean = value.decode("utf-8", "replace"), False
    return Note(
        id=r["id"],
        uuid=r["uuid"],
        document=r["document"],
        anchor=Anchor(
            r["paragraph_key"],
            r["lang"],
            r["start_char"],
            r["end_char"],
            r["quote"],
            r["prefix"],
            r["suffix"],
        ),
        placement=Placement(
            r["paragraph"], r["speaker"], r["speaker_title"], r["section"], r["call"], r["counterpart"]
        ),
        color=r["color"],
        text=r["note"],
        status=Status(r["status"]),
        created=r["created"],
        updated=r["updated"],
        deleted=r["deleted"],
    ), clean


def _check_color(color: str) -> None:
    if color not in COLORS:
        raise NotesError(f"unknown colour {color!r} (use {', '.join(COLORS)})")


def _index_of(transcript: Transcript, anchor: Anchor) -> int:
    for p in transcript.paragraphs:
        if p.key == anchor.key:
            return p.index
    raise NotesError("the passage is not in this document")


def _check_registered(conn: sqlite3.Connection, fingerprint: str) -> None:
    if conn.execute("SELECT 1 FROM documents WHERE fingerprint = ?", (fingerprint,)).fetchone() is None:
        raise NotesError("the document is not registered in the notes store (open it first)")
