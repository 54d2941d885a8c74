"""Notes and highlights: the SQLite store, anchors and re-anchoring, export and import. No Qt.

- :mod:`.models`  the data (Note, Anchor, Placement, Document, NoteFilter), COLORS, typed errors
- :mod:`.db`      the sqlite3 wrapper: WAL, busy timeout, transactions, damage, migrations
- :mod:`.turns`   writers taking turns at the write lock, fairly, with a bounded wait
- :mod:`.salvage` what can still be read of a damaged store (SQL row by row, then page by page:
  :mod:`.pages` reads an SQLite file's B-tree pages without SQLite)
- :mod:`.schema`  the schema as a table of migrations
- :mod:`.store`   NotesStore: documents and notes (add, edit, delete/restore, reattach, list)
- :mod:`.anchors` making an anchor from a passage, finding it again in a changed text
- :mod:`.carry`   open_document: register a file and carry notes over from its earlier versions
- :mod:`.export`  Markdown and CSV;  :mod:`.backup`  JSON export and idempotent import

A window uses it as::

    store = NotesStore()                      # once; show store.recovery.message if set, and
    store.recovery_reports()                  # ... a banner per report until the user dismisses it:
    store.dismiss_recovery(report.id)         # ... (the CLI: `notes recovery --dismiss`)
    result = open_document(store, transcript, path)       # on every file opened
    store.notes(transcript.fingerprint, NoteFilter(...))  # the notes panel; None: All notes
    store.add(transcript, make_anchor(transcript, paragraph, lang, start, end), color, text)
    store.edit(id, text=..., color=...); store.delete(id); store.restore(id)  # undo of delete
    store.reattach(id, transcript, anchor)    # an orphan put on a new selection
    store.put_back(note)                      # a note made again exactly as read (undo)
"""
