"""The index's own records beside Whoosh's files: ``manifest.json`` (the schema version, the
Whoosh version that wrote the index, its generation and the fingerprints it holds) and the
``update.pending`` marker of an update under way or interrupted."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from .whoosh_internals import installed_version

MANIFEST = "manifest.json"
PENDING = "update.pending"
"""In the index folder while an update that changes the index is under way; left by one that
was interrupted (killed, cancelled, failed): the index is incomplete until a full update ends."""
UNRECORDED_WHOOSH = "2.7.5"
"""The Whoosh of a manifest that does not name one: written before the version was recorded,
when 2.7.5 was the only version ever pinned."""


def is_incomplete(directory: Path) -> bool:
    """Whether an update of the index in ``directory`` is under way or was interrupted (killed,
    cancelled, failed): some files may be missing from it until a full update ends."""
    return os.path.lexists(directory / PENDING)


def read_manifest(directory: Path) -> dict[str, Any] | None:
    """The index's manifest (see the module doc), or None when missing or unreadable."""
    try:
        data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("fingerprints"), dict) else None


def written_with(manifest: dict[str, Any]) -> str:
    """The Whoosh version that wrote the index this manifest describes."""
    return str(manifest.get("whoosh", UNRECORDED_WHOOSH))


def write_manifest(directory: Path, schema: int, fingerprints: dict[str, int], generation: int) -> None:
    """Write the manifest for ``generation`` (atomically: a temporary file, then renamed)."""
    data = {
        "schema": schema,
        "whoosh": installed_version(),
        "generation": generation,
        "fingerprints": fingerprints,
    }
    tmp = directory / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, directory / MANIFEST)


def mark_pending(directory: Path) -> None:
    (directory / PENDING).write_text(json.dumps({"started": time.time()}), encoding="utf-8")


def clear_pending(directory: Path) -> None:
    (directory / PENDING).unlink(missing_ok=True)
