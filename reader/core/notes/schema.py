"""The store's schema, as a table of migrations: ``MIGRATIONS[n]`` takes a database at schema
version ``n`` (``PRAGMA user_version``) to ``n + 1``. A new version appends one entry; entries
already released are never edited, so every older store upgrades along the same path.
"""

from __future__ import annotations

SCHEMA_V1 = """
CREATE TABLE documents (
    fingerprint TEXT PRIMARY KEY,
    path TEXT NOT NULL,                    -- where it was last opened from (absolute)
    calls TEXT NOT NULL DEFAULT '[]',      -- JSON [[company, period], ...], one per call
    paragraphs INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT NOT NULL,
    last_opened TEXT NOT NULL,
    superseded_by TEXT                     -- its notes were carried to this fingerprint
);
CREATE TABLE document_keys (
    fingerprint TEXT NOT NULL REFERENCES documents(fingerprint) ON DELETE CASCADE,
    paragraph INTEGER NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (fingerprint, paragraph)
) WITHOUT ROWID;
CREATE INDEX document_keys_by_key ON document_keys(key);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL REFERENCES documents(fingerprint),
    paragraph_key TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    paragraph INTEGER,                     -- index when last placed; NULL for an orphan
    speaker TEXT NOT NULL DEFAULT '',
    speaker_title TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT '',
    call INTEGER,
    counterpart TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('attached', 'reanchored', 'orphan')),
    color TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    deleted TEXT                           -- set when deleted (undo restores it), else NULL
);
CREATE INDEX notes_by_document ON notes(document, paragraph);
"""

RECOVERIES_V2 = """
CREATE TABLE recoveries (                  -- damaged stores set aside and salvaged into this one
    id INTEGER PRIMARY KEY,
    happened TEXT NOT NULL,
    damaged_path TEXT NOT NULL,            -- where the damaged store was kept (a BLOB if not UTF-8)
    reason TEXT NOT NULL,
    notes INTEGER NOT NULL,                -- live notes recovered
    deleted_notes INTEGER NOT NULL,        -- deleted ones (kept for undo) recovered
    missing INTEGER NOT NULL,              -- notes it is known to have held that could not be read
    documents INTEGER NOT NULL,
    partial INTEGER NOT NULL DEFAULT 0,    -- notes recovered in part only (text cut short)
    dismissed TEXT                         -- when the user dismissed the report, else NULL
);
"""

MIGRATIONS: tuple[str, ...] = (SCHEMA_V1, RECOVERIES_V2)
"""SQL scripts; entry ``n`` migrates from version ``n`` to ``n + 1``."""


def current_version() -> int:
    return len(MIGRATIONS)
