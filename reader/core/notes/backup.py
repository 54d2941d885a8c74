"""Backup and restore: the store's notes as JSON, and that JSON read back.

The JSON holds every live note whole (anchor, placement, times, uuid) and, per document, its
paragraph keys, so a restored store can carry the notes to a later version of the file just as
the original store would have. Import is idempotent: a note is known by its uuid, so importing the
same file twice adds nothing; a note already in the store takes the imported text and colour only
when the imported one was edited later, and a note deleted since the export comes back (import
is a restore).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..textsafe import json_text
from .export import gather
from .models import COLORS, LANGS, Anchor, Note, NotesImportError, Placement, Status, now_iso
from .store import NotesStore, path_value

FORMAT = "transcript-reader-notes"
_SURROGATES = re.compile("[\ud800-\udfff]")
VERSION = 1


def to_json(store: NotesStore, fingerprint: str | None = None) -> str:
    documents = []
    for document, notes in gather(store, fingerprint):
        documents.append(
            {
                "fingerprint": document.fingerprint,
                "path": document.path,
                "calls": [list(c) for c in document.calls],
                "paragraphs": document.paragraphs,
                "keys": store.keys(document.fingerprint),
                "notes": [note_dict(n) for n in notes],
            }
        )
    payload = {"format": FORMAT, "version": VERSION, "exported": now_iso(), "documents": documents}
    # json_text: a file name's undecodable bytes become \udcXX escapes, which json.loads (and
    # so import) turns back into the same name; C1 controls are escaped too.
    return json_text(payload) + "\n"


def note_dict(note: Note) -> dict[str, Any]:
    a, p = note.anchor, note.placement
    return {
        "id": note.id,
        "uuid": note.uuid,
        "paragraph": p.paragraph,
        "lang": a.lang,
        "quote": a.quote,
        "color": note.color,
        "note": note.text,
        "status": note.status.value,
        "created": note.created,
        "updated": note.updated,
        "key": a.key,
        "start": a.start,
        "end": a.end,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "speaker": p.speaker,
        "speaker_title": p.speaker_title,
        "section": p.section,
        "call": p.call,
        "counterpart": p.counterpart,
    }


@dataclass(frozen=True)
class ImportResult:
    documents: int
    added: int
    updated: int
    unchanged: int


def from_json(store: NotesStore, text: str, source: str = "the import file") -> ImportResult:
    """Restore notes from :func:`to_json` output, in one transaction (all or nothing)."""
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as err:
        raise NotesImportError(f"not JSON ({err.msg} at line {err.lineno})", source) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise NotesImportError("not a notes export of Transcript Reader", source)
    if not isinstance(payload.get("version"), int) or payload["version"] > VERSION:
        raise NotesImportError(f"export version {payload.get('version')!r} is not one this app reads", source)
    documents = _field(payload, "documents", list, source)
    parsed = [_document(d, source) for d in documents]
    added = updated = unchanged = 0
    now = now_iso()
    with store.db.write() as conn:
        for doc, keys, notes in parsed:
            conn.execute(
                "INSERT INTO documents (fingerprint, path, calls, paragraphs, first_seen, last_opened)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING",
                (
                    doc["fingerprint"],
                    path_value(doc["path"]),
                    json.dumps(doc["calls"]),
                    doc["paragraphs"],
                    now,
                    "",
                ),
            )
            if (
                conn.execute(
                    "SELECT 1 FROM document_keys WHERE fingerprint = ?", (doc["fingerprint"],)
                ).fetchone()
                is None
            ):
                conn.executemany(
                    "INSERT INTO document_keys (fingerprint, paragraph, key) VALUES (?, ?, ?)",
                    [(doc["fingerprint"], i, k) for i, k in enumerate(keys)],
                )
            for note in notes:
                local = store.rows(conn, "uuid = ?", (note.uuid,))
                if not local:
                    store.insert(conn, note)
                    added += 1
                elif note.updated > local[0].updated or local[0].deleted:
                    newer = note.updated > local[0].updated
                    conn.execute(
                        "UPDATE notes SET note = ?, color = ?, updated = ?, deleted = NULL WHERE uuid = ?",
                        (
                            note.text if newer else local[0].text,
                            note.color if newer else local[0].color,
                            max(note.updated, local[0].updated),
                            note.uuid,
                        ),
                    )
                    updated += 1
                else:
                    unchanged += 1
    return ImportResult(len(parsed), added, updated, unchanged)


def _document(d: Any, source: str) -> tuple[dict[str, Any], list[str], list[Note]]:
    if not isinstance(d, dict):
        raise NotesImportError("a document entry is not an object", source)
    fingerprint = _field(d, "fingerprint", str, source)
    calls = _field(d, "calls", list, source)
    if not all(isinstance(c, list) and len(c) == 2 for c in calls):
        raise NotesImportError(f"document {fingerprint}: 'calls' must be [company, period] pairs", source)
    keys = _field(d, "keys", list, source)
    if not all(isinstance(k, str) for k in keys):
        raise NotesImportError(f"document {fingerprint}: 'keys' must be strings", source)
    doc = {
        "fingerprint": fingerprint,
        "path": _field(d, "path", str, source),
        "calls": calls,
        "paragraphs": _field(d, "paragraphs", int, source),
    }
    notes = [_note(n, fingerprint, source) for n in _field(d, "notes", list, source)]
    return doc, keys, notes


def _note(n: Any, fingerprint: str, source: str) -> Note:
    if not isinstance(n, dict):
        raise NotesImportError(f"document {fingerprint}: a note is not an object", source)
    uuid = _field(n, "uuid", str, source)
    lang, color, status = (_field(n, k, str, source) for k in ("lang", "color", "status"))
    if lang not in LANGS or color not in COLORS or status not in {s.value for s in Status}:
        raise NotesImportError(f"note {uuid}: bad lang, color or status", source)
    start, end = _field(n, "start", int, source), _field(n, "end", int, source)
    if not 0 <= start <= end:
        raise NotesImportError(f"note {uuid}: bad character offsets", source)
    return Note(
        id=0,
        uuid=uuid,
        document=fingerprint,
        anchor=Anchor(
            _field(n, "key", str, source),
            lang,
            start,
            end,
            _field(n, "quote", str, source),
            _field(n, "prefix", str, source),
            _field(n, "suffix", str, source),
        ),
        placement=Placement(
            _field(n, "paragraph", int, source, optional=True),
            _field(n, "speaker", str, source),
            _field(n, "speaker_title", str, source),
            _field(n, "section", str, source),
            _field(n, "call", int, source, optional=True),
            _field(n, "counterpart", str, source),
        ),
        color=color,
        text=_field(n, "note", str, source),
        status=Status(status),
        created=_field(n, "created", str, source),
        updated=_field(n, "updated", str, source),
    )


def _field(obj: dict[str, Any], name: str, kind: type, source: str, optional: bool = False) -> Any:
    value = obj.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise NotesImportError(f"field {name!r} is missing or not a {kind.__name__}", source)
    if isinstance(value, str) and name != "path":
        # A lone \udXXX escape is valid JSON but not text SQLite can store: U+FFFD in its place.
        value = _SURROGATES.sub("\ufffd", value)
    return value
