"""Opening a document in the store, and carrying notes over from an earlier version of it.

Notes belong to a fingerprint, which survives moves, renames, re-encoding, CRLF/BOM and blank
lines. When the *text* changes (a paragraph inserted, a word fixed), the fingerprint changes:
if most paragraph keys of the opened file match a document that holds notes, those notes move to
the new fingerprint and are re-anchored (:func:`.anchors.reanchor`); the old document is marked
``superseded_by`` the new one, so opening the old version again carries them back.

Notes are not taken from a document whose file is still on disk, unchanged, at another path:
that is a second copy the user keeps, not an earlier version of this one.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import TranscriptError
from ..model import Transcript
from ..parser import parse_file
from .anchors import DocumentText, placement, reanchor
from .models import Document, Status
from .store import NotesStore

CARRY_THRESHOLD = 0.5
"""Two versions must have more than this share of paragraph keys in common (of the longer one)
for notes to carry over from one to the other: "most of its paragraphs match"."""


@dataclass(frozen=True)
class OpenResult:
    """What opening did: the document, and what happened to notes carried over from others."""

    document: Document
    carried_from: tuple[str, ...] = ()  # fingerprints the notes came from
    attached: int = 0
    reanchored: int = 0
    orphaned: int = 0

    @property
    def carried(self) -> int:
        return self.attached + self.reanchored + self.orphaned


def open_document(store: NotesStore, transcript: Transcript, path: str | Path) -> OpenResult:
    """Register ``transcript`` (opened from ``path``) and bring in the notes of its earlier
    versions: documents it superseded that hold notes again (an import), and documents holding
    notes that share most of its paragraphs, unless their own file is still on disk."""
    fp = transcript.fingerprint
    path = str(Path(path).absolute())
    sources = [d.fingerprint for d in store.documents() if d.superseded_by == fp]
    sources += [d.fingerprint for d in matches(store, transcript) if not _kept_elsewhere(d, path)]
    counts = {Status.ATTACHED: 0, Status.REANCHORED: 0, Status.ORPHAN: 0}
    texts: dict[str, DocumentText] = {}
    carried: list[str] = []
    with store.db.write() as conn:
        store.record_document(conn, transcript, path)
        conn.execute("UPDATE documents SET superseded_by = NULL WHERE fingerprint = ?", (fp,))
        for source in dict.fromkeys(sources):
            # Read inside the transaction: another instance may have carried them already.
            notes = store.rows(conn, "document = ?", (source,))
            if not notes:
                continue
            carried.append(source)
            for note in notes:
                lang = note.anchor.lang
                if lang not in texts:
                    texts[lang] = DocumentText(transcript, lang)
                found = reanchor(note.anchor, texts[lang])
                if found.paragraph is None:
                    where = dataclasses.replace(note.placement, paragraph=None)
                else:
                    where = placement(transcript, found.paragraph, lang)
                store.place(conn, note.id, fp, found.anchor, where)
                conn.execute("UPDATE notes SET status = ? WHERE id = ?", (found.status.value, note.id))
                if note.deleted is None:
                    counts[found.status] += 1
            conn.execute("UPDATE documents SET superseded_by = ? WHERE fingerprint = ?", (fp, source))
    return OpenResult(
        store.document(fp),
        tuple(carried),
        counts[Status.ATTACHED],
        counts[Status.REANCHORED],
        counts[Status.ORPHAN],
    )


def matches(store: NotesStore, transcript: Transcript) -> list[Document]:
    """Other documents holding notes that share more than :data:`CARRY_THRESHOLD` of their
    paragraph keys with ``transcript`` (of the longer of the two), best first."""
    keys = sorted({p.key for p in transcript.paragraphs})
    if not keys:
        return []
    rows = store.db.read(
        "SELECT k.fingerprint, COUNT(DISTINCT k.key) AS shared FROM document_keys k"
        " WHERE k.key IN (SELECT value FROM json_each(?)) AND k.fingerprint != ?"
        " AND EXISTS (SELECT 1 FROM notes n WHERE n.document = k.fingerprint AND n.deleted IS NULL)"
        " GROUP BY k.fingerprint",
        (json.dumps(keys), transcript.fingerprint),
    )
    found: list[tuple[float, Document]] = []
    for row in rows:
        document = store.find_document(row["fingerprint"])
        if document is None:
            continue
        share = row["shared"] / max(len(transcript.paragraphs), document.paragraphs, 1)
        if share > CARRY_THRESHOLD:
            found.append((share, document))
    found.sort(key=lambda item: -item[0])
    return [document for _, document in found]


def _kept_elsewhere(document: Document, path: str) -> bool:
    """True when ``document``'s own file is still where it was, unchanged, and is not ``path``."""
    if document.path == path or not Path(document.path).is_file():
        return False

    try:
        return parse_file(document.path).fingerprint == document.fingerprint
    except TranscriptError:
        return False
