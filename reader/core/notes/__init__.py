"""Notes and highlights: the SQLite store, anchors and re-anchoring, export and import. No Qt."""
