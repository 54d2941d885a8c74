"""The window's one handle on the library and its search index, shared by the search panel, the
library panel and the reading tabs.

Everything that touches the disk runs on worker threads (`workers.Job`), never in the GUI thread:
the library store is one SQLite connection behind a lock that an update holds while it walks the
folders, so even a quick `Library.roots()` from the GUI thread could wait for seconds. The GUI
side only sees `Snapshot`s: the roots, the calls and the paths to watch, read by a worker after
every change and handed over whole.

- Indexing: one update at a time (the Indexer is the index's one writer). A request while one
  runs is remembered and run once it ends, a rebuild wins over an update, a full update over
  one of some paths. Progress is throttled to a few signals a second; Cancel stops at the next
  file and keeps what was committed.
- Merging: updates write small segments and never merge (a merge made every ~8th update of one
  file take 0.5 s more at 2000 calls). Once the index has been idle for `merge_delay_ms` after
  an update, the service merges them on a worker (`Indexer.merge`), never while an update runs:
  an update asked for meanwhile stops the merge (it commits nothing until its end, so nothing
  is lost) and runs first. Searches go on during a merge: their readers keep the old segments.
- Searching: one search at a time, the newest request waiting behind it; a search whose request
  is no longer the newest when it ends is dropped, so results never go back to an older query.
- A missing, damaged or out-of-date index is rebuilt by the next update (`Indexer.update`
  checks it); a search that finds the index damaged (`SearchError`) asks for a rebuild, and
  `indexChanged` tells the panel to ask again once it is done.
- A QFileSystemWatcher follows the library's folders (every subfolder: new, moved, deleted
  files) and its files (changed in place); changes are gathered for a moment, then indexed by
  an update of those paths only (`Indexer.update(paths=...)`: no walk of every folder). A full
  scan runs at start, after adding or removing folders and on Re-index.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ...core.errors import TranscriptError
from ..workers import Job
from .types import Ask, SearchRequest, Snapshot

if TYPE_CHECKING:
    from ...core.search.indexer import Progress, Report
    from ...core.search.library import Library
    from ...core.search.searcher import Results
    from .backend import SearchBackend

WATCH_DELAY_MS = 800  # changes seen by the watcher are indexed once they pause this long
BUSY_RETRY_MS = 3000  # another indexer (the command line) holds the index: try again after this
PROGRESS_EVERY = 0.1  # seconds between two progress signals of an update
GROWN_EVERY = 2.0  # seconds: how often a long update lets searches see what it committed so far
MERGE_IDLE_MS = 5000  # after an update, merge segments once the index was left alone this long


class SearchService(QObject):
    libraryChanged = Signal(object)  # a Snapshot
    indexingStarted = Signal()
    indexProgress = Signal(object)  # a Progress (a copy, safe to keep)
    indexFinished = Signal(object)  # the Report of an update that completed
    indexEnded = Signal()  # an update ended, however (done, cancelled, failed): hide the progress
    indexChanged = Signal()  # the index holds something new: searches may find more now
    indexMerged = Signal(int)  # an idle-time merge ended; how many segments it merged away
    searched = Signal(object, object)  # the SearchRequest and its Results (only the newest's)
    searchFailed = Signal(object, str, bool)  # request, one-line reason, True when the query is wrong
    message = Signal(str)  # something to tell the user in the status bar

    def __init__(
        self,
        library_path: Path | None = None,
        index_dir: Path | None = None,
        parent: QObject | None = None,
        merge_delay_ms: int = MERGE_IDLE_MS,
    ) -> None:
        super().__init__(parent)
        self._library_path, self._index_dir = library_path, index_dir
        self._backend: SearchBackend | None = None
        self._open_lock = threading.Lock()
        self.snapshot: Snapshot | None = None  # None until the library was first read
        self.problem: str | None = None  # what happened opening the library, for a message

        self._index_job: Job | None = None
        self._cancel = threading.Event()
        self._pending: Ask | None = None  # an update asked for while one (or a merge) runs
        self.progress: Progress | None = None  # the running update's, None when none runs
        self.last_report: Report | None = None
        self._retry = QTimer(self, singleShot=True, interval=BUSY_RETRY_MS)
        self._retry.timeout.connect(lambda: self.update())

        self._search_job: Job | None = None
        self._search_next: SearchRequest | None = None
        self.latest: SearchRequest | None = None  # the newest request: only its results count
        self._rebuilt_for_search = False  # a search met a damaged index and asked for a rebuild
        self._grown = 0.0  # when indexChanged was last said during an update
        self._told = False  # ... and whether it was, for the update's commit

        self._jobs: set[Job] = set()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._touched)
        self.watcher.fileChanged.connect(self._touched)
        self._touched_paths: set[str] = set()  # what the watcher reported since the last update
        self._watch_timer = QTimer(self, singleShot=True, interval=WATCH_DELAY_MS)
        self._watch_timer.timeout.connect(self._update_touched)
        self._merge_job: Job | None = None
        self._merge_stop = threading.Event()  # an update wants the index: the merge gives way
        self._merge_timer = QTimer(self, singleShot=True, interval=merge_delay_ms)
        self._merge_timer.timeout.connect(self._merge)

    # --- state ---------------------------------------------------------------------------------

    @property
    def indexing(self) -> bool:
        return self._index_job is not None

    @property
    def empty(self) -> bool | None:
        """True when the library has no folder or file; None while it was not read yet."""
        return None if self.snapshot is None else not self.snapshot.roots

    def _open(self) -> SearchBackend:
        """The library, its indexer and searcher, opened by the first worker that needs them."""
        # The search core (Whoosh, the library store): imported here, on a worker, never at start.
        from .backend import SearchBackend

        with self._open_lock:
            if self._backend is None:
                self._backend = SearchBackend(self._library_path, self._index_dir)
                if self._backend.rebuilt is not None:  # damaged, missing or emptied: said once
                    self.problem = self._backend.rebuilt
            return self._backend

    # --- running work on workers ---------------------------------------------------------------

    def _run(
        self,
        fn: Callable[[Job], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[str], None] | None = None,
    ) -> Job:
        """Start ``fn(job)`` on a worker; ``done`` or ``failed`` follows in the GUI thread (a
        reason the worker did not foresee is a failure, never an exception in the GUI)."""

        def body() -> Any:
            try:
                return fn(job)
            except TranscriptError:
                raise
            except Exception as err:  # a worker never dies silently: the GUI hears why
                raise TranscriptError(f"{type(err).__name__}: {err}") from None

        # No parent, an owner: the job outlives nothing, and a deleted service hears nothing.
        job = Job(body, owner=self)
        self._jobs.add(job)

        def finish(*_args: object) -> None:
            self._jobs.discard(job)
            job.deleteLater()

        job.done.connect(finish)
        job.failed.connect(finish)
        if done is not None:
            job.done.connect(done)
        job.failed.connect(failed or self.message.emit)
        return job.start()

    def shutdown(self) -> None:
        """Stop everything under way (the window is closing): results are no longer delivered,
        an update stops at its next file."""
        self._cancel.set()
        self._merge_stop.set()  # a merge stops before its commit: the index stays as it was
        self._watch_timer.stop()
        self._merge_timer.stop()
        self._retry.stop()
        for job in list(self._jobs):
            job.cancel()
        self._jobs.clear()
        self._index_job = self._search_job = self._merge_job = None

    def close(self) -> None:
        """Shut down and close the store and the searcher (waits for a running worker a moment)."""
        jobs = list(self._jobs)
        self.shutdown()
        for job in jobs:
            job.wait(5)
        if self._backend is not None:
            self._backend.close()
            self._backend = None

    # --- the library ---------------------------------------------------------------------------

    def start(self) -> None:
        """Read the library, then bring the index up to date with what changed while the app was
        closed (or build it when it is missing or damaged)."""

        def read(_job: Job) -> tuple[Snapshot, bool]:
            backend = self._open()
            snapshot = backend.snapshot()
            return snapshot, bool(snapshot.roots) or backend.rebuild_reason() not in (None, "missing")

        def done(result: tuple[Snapshot, bool]) -> None:
            snapshot, wanted = result
            self._set_snapshot(snapshot)
            if self.problem:
                self.message.emit(self.problem)
            if wanted:
                self.update()

        self._run(read, done)

    def add(self, paths: list[str], recent: bool = False) -> None:
        """Add folders or files (a file opened in the window: ``recent``), then index them."""

        def add(library: Library) -> None:
            if recent:
                for path in paths:
                    library.add_recent(path)
            else:
                library.add(paths)

        self._change(add)

    def remove(self, path: str) -> None:
        """Take a folder or file out of the library; its calls leave the index."""
        self._change(lambda library: library.remove(path))

    def _change(self, fn: Callable[[Library], object]) -> None:
        """Change the library on a worker, then show it and bring the index in step."""

        def change(_job: Job) -> Snapshot:
            backend = self._open()
            fn(backend.library)
            return backend.snapshot()

        def done(snapshot: Snapshot) -> None:
            self._set_snapshot(snapshot)
            self.update()

        self._run(change, done)

    def _set_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._watch(snapshot)
        self.libraryChanged.emit(snapshot)

    def _watch(self, snapshot: Snapshot) -> None:
        """Watch what the library holds now, and nothing else."""
        for wanted, have in (
            (snapshot.folders, self.watcher.directories()),
            (snapshot.files, self.watcher.files()),
        ):
            keep, had = set(wanted), set(have)
            gone = [p for p in have if p not in keep]
            if gone:
                self.watcher.removePaths(gone)
            new = [p for p in wanted if p not in had]
            if new:
                self.watcher.addPaths(new)

    def _touched(self, path: str) -> None:
        if self.snapshot is not None and self.snapshot.roots:
            self._touched_paths.add(path)
            self._watch_timer.start()  # gathered: one update once the changes pause

    def _update_touched(self) -> None:
        paths, self._touched_paths = frozenset(self._touched_paths), set()
        if paths:
            self.update(paths=paths)

    # --- indexing ------------------------------------------------------------------------------

    def update(self, rebuild: bool = False, paths: frozenset[str] | None = None) -> None:
        """Bring the index up to date with the library (``rebuild``: from scratch; ``paths``:
        only these files and folders, which the watcher saw change), on a worker. Asked while
        an update runs, it runs once that one ends; while a merge runs, the merge stops."""
        self._retry.stop()
        self._merge_timer.stop()
        ask = Ask(rebuild, paths)
        if self._index_job is not None or self._merge_job is not None:
            self._pending = ask if self._pending is None else self._pending | ask
            self._merge_stop.set()
            return
        self._cancel.clear()
        self.progress = None
        self._told = False  # indexChanged was said for this update
        self._index_job = self._run(
            lambda job: self._index(job, ask),
            self._indexed,
            lambda reason: self._indexed(("failed", reason, None)),
        )
        self._index_job.early.connect(self._progress)
        self.indexingStarted.emit()

    def cancel(self) -> None:
        """Stop the running update at its next file; what it committed stays."""
        self._pending = None
        if self._index_job is not None:
            self._cancel.set()

    def _index(self, job: Job, ask: Ask) -> tuple[str, Any, Snapshot]:
        """The update itself (on the worker): how it ended, the Report or why, and the library
        now (`SearchBackend.update`)."""
        backend = self._open()
        last: list[Any] = [0.0, ""]  # when the last progress was sent, and its phase

        def progress(p: Progress) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY or p.phase != last[1] or p.done_files == p.total_files:
                last[:] = [now, p.phase]
                job.emit_early(dataclasses.replace(p))

        def cancelled() -> bool:
            return job.cancelled or self._cancel.is_set()

        outcome = backend.update(ask, progress, cancelled)
        if outcome[0] == "done":
            job.emit_early(None)  # committed: searches see it (see _progress)
        return (*outcome, backend.snapshot())

    def _progress(self, p: Progress | None) -> None:
        """An update's progress; None: it is committed, and searches are told at once, not once
        the library was read again for the panels."""
        if self._index_job is None:
            return
        if p is None:
            self._told = True
            self.indexChanged.emit()
            return
        self.progress = p
        self.indexProgress.emit(p)
        now = time.monotonic()
        if p.done_files and now - self._grown >= GROWN_EVERY:  # a long update commits as it goes
            self._grown = now
            self.indexChanged.emit()

    def _indexed(self, outcome: tuple[str, Any, Snapshot | None]) -> None:
        kind, value, snapshot = outcome
        self._index_job = None
        self.progress = None
        if snapshot is not None:
            self._set_snapshot(snapshot)
        if kind in ("done", "cancelled"):
            self._merge_timer.start()  # merged once nothing else happens for a while
        if kind == "done":
            self.last_report = value
            self.indexFinished.emit(value)
        elif kind == "cancelled":
            self.message.emit(self.tr("Indexing cancelled: the calls indexed so far can be searched"))
        elif kind == "busy":
            self.message.emit(self.tr("The index is being updated by another program; trying again soon"))
            self._retry.start()
        else:
            self.message.emit(self.tr("Indexing failed: {reason}").format(reason=value))
        self.indexEnded.emit()
        if not self._told:
            self.indexChanged.emit()
        self._run_pending()

    def _run_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self.update(pending.rebuild, pending.paths)

    # --- merging -------------------------------------------------------------------------------

    @property
    def merging(self) -> bool:
        return self._merge_job is not None

    def _merge(self) -> None:
        """Merge the index's small segments on a worker (the index has been idle a while)."""
        if self._index_job is not None or self._merge_job is not None or self._pending is not None:
            return  # the update's end starts the idle time again
        self._merge_stop.clear()

        def merge(job: Job) -> int:
            # 0 when an update comes first, or the command line is indexing
            return self._open().merge(lambda: job.cancelled or self._merge_stop.is_set())

        self._merge_job = self._run(merge, self._merged, lambda reason: self._merged(None, reason))

    def _merged(self, merged: int | None, reason: str = "") -> None:
        self._merge_job = None
        if merged is None:  # most likely a damaged index: the next search or update rebuilds it
            self.message.emit(self.tr("Indexing failed: {reason}").format(reason=reason))
        else:
            self.indexMerged.emit(merged)
        self._run_pending()

    # --- searching -----------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> None:
        """Search on a worker; `searched` or `searchFailed` follows for the newest request only."""
        self.latest = request
        if request.empty:
            return
        if self._search_job is not None:
            self._search_next = request  # run once the one under way ends (replacing any other)
            return
        self._search_job = self._run(
            lambda _job: self._find(request),
            lambda result: self._found(request, result),
            lambda reason: self._found(request, ("failed", reason)),
        )

    def _find(self, request: SearchRequest) -> tuple[str, Any]:
        """The search itself (on the worker): ("ok", Results), ("query", why the query cannot be
        read) or ("damaged", why)."""
        return self._open().find(request)

    def _found(self, request: SearchRequest, result: tuple[str, Any]) -> None:
        self._search_job = None
        following, self._search_next = self._search_next, None
        if following is not None:  # asked again meanwhile (maybe the same, on a newer index)
            self.search(following)
            return
        if request != self.latest:
            return  # an older query's answer: the newer one is on its way or was cleared
        kind, value = result
        if kind == "ok":
            results: Results = value
            self._rebuilt_for_search = False
            self.searched.emit(request, results)
            if (results.stale or results.incomplete) and not self.indexing:
                # Hits left out because their files changed, or an update that was interrupted
                # (the app or `index` killed): index them again, finish it.
                self.update()
        elif kind == "damaged" and not self._rebuilt_for_search:
            # Rebuilt by the update under way, or by one started now; indexChanged follows.
            self.searchFailed.emit(request, self.tr("The search index is being rebuilt\u2026"), False)
            if not self.indexing:
                self._rebuilt_for_search = True
                self.update(rebuild=True)
        else:
            self.searchFailed.emit(request, str(value), kind == "query")
