"""The library, its indexer and one shared searcher: what the search service's workers use.

Qt-free. It imports the search core (Whoosh), so the service imports this module in its first
worker, never at start. Every method runs on a worker thread; the searcher is shared behind a
lock, and dropped whenever its files are about to change under it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ...core.search.indexer import Cancelled, IndexBusy, Indexer, Progress
from ...core.search.library import Library
from ...core.search.query import QueryError, make_filter
from ...core.search.searcher import Searcher, SearchError
from .types import REBUILD_ASKED, Ask, SearchRequest, Snapshot, read_snapshot, rebuild_reason


class SearchBackend:
    def __init__(self, library_path: Path | None, index_dir: Path | None) -> None:
        self.library = Library(library_path)
        self.indexer = Indexer(self.library, index_dir)
        self._index_dir = index_dir
        self._searcher: Searcher | None = None
        self._lock = threading.Lock()

    @property
    def rebuilt(self) -> str | None:
        """What happened to a damaged, missing or emptied catalog when it was opened, and what it
        was rebuilt from (the folders the damaged copy still lists, and the side file's)."""
        return self.library.rebuilt

    def snapshot(self) -> Snapshot:
        return read_snapshot(self.library)

    def rebuild_reason(self) -> str | None:
        return rebuild_reason(self.indexer)

    def update(
        self, ask: Ask, progress: Callable[[Progress], None], cancelled: Callable[[], bool]
    ) -> tuple[str, Any]:
        """One update: ("done", Report), ("cancelled", None), ("busy", why) or ("failed", why).
        A failure the indexer did not foresee (a damaged segment found while writing) is
        answered with a rebuild, once. An update of some paths skips the full check of the index
        (it opens every segment): the indexer's own light check finds a missing or out-of-date
        index, and a damaged segment fails the update."""
        indexer = self.indexer
        problem = REBUILD_ASKED if ask.rebuild else None if ask.paths is not None else self.rebuild_reason()
        if problem is not None:
            self.drop_searcher()  # its files are about to go
        try:
            try:
                report = indexer.update(progress, cancelled, rebuild=problem is not None, paths=ask.paths)
                if report.rebuilt and problem:
                    report.rebuilt = problem  # why this service asked for it
                elif report.rebuilt:
                    self.drop_searcher()  # the indexer's own check found it unusable
            except (Cancelled, IndexBusy):
                raise
            except Exception:
                self.drop_searcher()
                report = indexer.update(progress, cancelled, rebuild=True)
            return "done", report
        except Cancelled:
            return "cancelled", None
        except IndexBusy as err:
            return "busy", err.reason
        except Exception as err:
            return "failed", f"{type(err).__name__}: {err}"

    def merge(self, stop: Callable[[], bool]) -> int:
        """Merge the index's small segments if it is due; how many merged away (0 when an update
        or another program needs the index first)."""
        if not self.indexer.merge_due():
            return 0
        try:
            return self.indexer.merge(stop)
        except (Cancelled, IndexBusy):
            return 0

    def find(self, request: SearchRequest) -> tuple[str, Any]:
        """One search: ("ok", Results), ("query", why the query cannot be read) or ("damaged",
        why)."""
        try:
            filters = [make_filter(name, value) for name, value in request.filters]
            searcher = self._shared_searcher()
            searcher.refresh()
            results = searcher.search(
                request.text, request.limit, filters, request.lang, request.sort, facets=True
            )
        except QueryError as err:
            return "query", err.reason
        except SearchError as err:
            self.drop_searcher()
            return "damaged", err.reason
        return "ok", results

    def _shared_searcher(self) -> Searcher:
        with self._lock:
            if self._searcher is None:
                self._searcher = Searcher(self.library, self._index_dir)
            return self._searcher

    def drop_searcher(self) -> None:
        with self._lock:
            searcher, self._searcher = self._searcher, None
        if searcher is not None:
            searcher.close()

    def close(self) -> None:
        self.drop_searcher()
        self.library.close()
