"""What the search service hands its panels and keeps between calls, and what its workers read:
the search panel's request, the library as the GUI sees it (`Snapshot`, read on a worker by
`read_snapshot`), an update asked for (`Ask`), and whether the index must be rebuilt."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the search core (Whoosh) is imported by the first worker, not at start
    from ...core.search.indexer import Indexer
    from ...core.search.library import CallEntry, Library, Root

REBUILD_ASKED = "asked for"  # Report.rebuilt of a rebuild the user asked for (not a repair)
MAX_WATCHED_FILES = 4000  # beyond this, files changed in place are noticed at the next update


@dataclass(frozen=True)
class Ask:
    """An update asked for: a rebuild, a full scan (``paths`` None) or some paths only."""

    rebuild: bool = False
    paths: frozenset[str] | None = None

    def __or__(self, other: Ask) -> Ask:
        """Both asks in one: a rebuild wins, then a full scan, else the paths of both."""
        both = None if self.paths is None or other.paths is None else self.paths | other.paths
        return Ask(self.rebuild or other.rebuild, both)


@dataclass(frozen=True)
class SearchRequest:
    """What the search panel asks: the typed query, filters as (field, value), the language the
    words must match in (None: either), the order and how many hits to show."""

    text: str
    filters: tuple[tuple[str, str], ...] = ()
    lang: str | None = None
    sort: str = "relevance"
    limit: int = 50

    @property
    def empty(self) -> bool:
        return not self.text.strip() and not self.filters


@dataclass
class Snapshot:
    """The library as the GUI shows it, read on a worker after each change."""

    roots: list[Root] = field(default_factory=list)
    calls: list[CallEntry] = field(default_factory=list)
    firsts: dict[tuple[str, int], int] = field(default_factory=dict)  # (path, call): first paragraph
    folders: list[str] = field(default_factory=list)  # to watch: every folder under the roots
    files: list[str] = field(default_factory=list)  # to watch: the library's files


def read_snapshot(library: Library) -> Snapshot:
    """The roots, the calls and what to watch (a worker's work: it walks the folders)."""
    roots = library.roots()
    calls = library.calls()
    by_path: dict[str, list[CallEntry]] = {}
    for c in calls:
        by_path.setdefault(c.path, []).append(c)
    firsts: dict[tuple[str, int], int] = {}
    for path, entries in by_path.items():
        first = 0
        for c in sorted(entries, key=lambda c: c.call):
            firsts[(path, c.call)] = first
            first += c.paragraphs
    folders: list[str] = []
    for root in roots:
        if root.kind == "folder" and os.path.isdir(root.path):
            folders += [d for d, _, _ in os.walk(root.path)]
        elif os.path.isdir(os.path.dirname(root.path)):
            folders.append(os.path.dirname(root.path))  # a file root: its folder shows a move
    files = [f.path for f in library.files()][:MAX_WATCHED_FILES]
    files += [r.path for r in roots if r.kind != "folder"]
    return Snapshot(roots, calls, firsts, sorted(set(folders)), sorted(set(files)))


def rebuild_reason(indexer: Indexer) -> str | None:
    """Why the index must be rebuilt, or None. `Indexer.check` itself can raise on some damage
    (whoosh-reloaded reads a garbage table of contents with an IndexError before its own checks):
    that too means rebuild."""
    try:
        return indexer.check()
    except Exception as err:
        return f"damaged ({type(err).__name__})"
