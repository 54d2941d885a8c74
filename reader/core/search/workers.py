"""Writing segments in worker processes: a big update's batches parsed and indexed in parallel.

Each worker (started with ``spawn``: safe from a GUI thread, and the same on every platform)
writes its batch as a segment of a new index in a staging folder of its own; the indexer moves
the segment's file into the index and commits it (:func:`read_parallel`). Workers report each
file they read through a queue, so progress moves file by file. A worker that dies fails the
update (``concurrent.futures`` notices; ``multiprocessing.Pool`` would wait for ever).

Workers die with the process that started them (:func:`die_with_parent`), even when it is
killed outright: otherwise they wait for ever on the pool's pipes, whose write ends they hold
themselves, and keep multiprocessing's resource tracker alive with them. Staging folders are
``staging-*`` in the index folder; one left by a killed update is removed by the next
(:func:`clean_stale`).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh.reading import SegmentReader

from ..errors import TranscriptError
from .schema import make_schema
from .segments import INDEX_NAME, SEGMENT_TEXT_BYTES, FileResult, SegmentBuilder, add_files, storage

PARALLEL_MIN_BYTES = 4_000_000
"""Below this much to read, worker processes cost more to start than they save."""


class Cancelled(Exception):
    """The update was cancelled; what was committed before stays."""


@dataclass
class Progress:
    """Where an update is: ``phase`` is scanning, reading or committing (an update does not
    merge: :meth:`.indexer.Indexer.merge` is a step of its own)."""

    phase: str
    done_bytes: int = 0
    total_bytes: int = 0
    done_files: int = 0
    total_files: int = 0

    @property
    def fraction(self) -> float:
        return self.done_bytes / self.total_bytes if self.total_bytes else 0.0


STAGING_PREFIX = "staging-"
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

_progress_queue: Any = None


def worker_init(queue: Any, parent_pid: int) -> None:
    """Pool initializer: where a worker reports each file it read; and it dies with its parent."""
    global _progress_queue
    _progress_queue = queue
    die_with_parent(parent_pid)


def die_with_parent(parent_pid: int) -> None:
    """End this process when the process ``parent_pid`` that started it ends, however it ends.

    On Linux the kernel sends SIGKILL at the parent's death (``prctl(PR_SET_PDEATHSIG)``; the
    parent is the thread that started the worker, which lives until :func:`read_parallel`
    returns). Everywhere, a thread also waits on multiprocessing's parent sentinel (a pipe the
    parent holds open, or its process handle on Windows) and exits when it signals. A parent
    already gone before either was set up is noticed by its pid. Workers are started with
    ``spawn``: under ``forkserver`` their parent would be the fork server, not the indexer."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the thread below still watches
            pass
    if os.name == "posix" and os.getppid() != parent_pid:
        os._exit(1)
    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None)
    if sentinel is not None:
        threading.Thread(target=_exit_with, args=(sentinel,), name="parent-watch", daemon=True).start()


def _exit_with(sentinel: Any) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def clean_stale(directory: Path) -> list[Path]:
    """Remove what a killed update left in the index folder ``directory``: its staging folders
    (also the older place, beside the folder) and Whoosh's temporary folder of a segment being
    written. Only call it holding the index's write lock. Returns what was removed."""
    removed = []
    candidates = [*directory.glob(STAGING_PREFIX + "*"), *directory.parent.glob(STAGING_PREFIX + "*")]
    candidates += list(directory.glob("*.tmp"))
    for path in candidates:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def worker_build(stage_dir: str, paths: list[str], skip: set[str]) -> tuple[Any, list[FileResult]]:
    """In a worker process: write the segment for ``paths`` into a new index in ``stage_dir``
    (the indexer moves its file into the real index and commits it). Returns the Whoosh
    segment (None when nothing was added) and what was read of each file."""
    ix = storage(Path(stage_dir)).create_index(make_schema(), INDEX_NAME)
    builder = SegmentBuilder(ix, lock=False)
    queue = _progress_queue

    def report(result: FileResult) -> None:
        if queue is not None:
            queue.put(result.size)

    results = add_files(builder, paths, set(skip), report)
    return builder.finish_segment(), results


def read_parallel(
    directory: Path,
    workers: int,
    batches: list[list[str]],
    skip: set[str],
    state: Progress,
    progress: Callable[[Progress], None],
    cancelled: Callable[[], bool],
    done: Callable[[list[FileResult], Any], None],
) -> None:
    """Write a segment per batch in worker processes, handing each to ``done`` (which commits
    it) as it is ready, in order. ``skip``: fingerprints already indexed; a fingerprint two
    batches both indexed (copies of a file) is kept in the first only."""
    ctx = multiprocessing.get_context("spawn")
    reports = ctx.Queue()
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=directory))
    # A process pool that fails loudly if a worker dies (multiprocessing.Pool would start
    # another worker and wait for ever).
    pool = ProcessPoolExecutor(
        min(workers, len(batches)),
        mp_context=ctx,
        initializer=worker_init,
        initargs=(reports, os.getpid()),
    )
    try:
        pending = []
        for i, batch in enumerate(batches):
            stage = staging / str(i)
            stage.mkdir()
            pending.append((stage, pool.submit(worker_build, str(stage), batch, skip)))
        for stage, job in pending:
            while not job.done():
                if cancelled():
                    raise Cancelled()
                _drain(reports, state, progress)
                futures.wait([job], timeout=0.05)
            _drain(reports, state, progress)
            try:
                segment, results = job.result()
            except BrokenProcessPool:
                raise TranscriptError("an indexing process stopped unexpectedly") from None
            if segment is not None:
                # One batch's paragraphs may repeat another's (copies of a file): keep the first.
                dupes = {r.fingerprint for r in results if r.indexed and r.fingerprint in skip}
                prefix = segment.segment_id() + "."
                for name in os.listdir(stage):
                    if name.startswith(prefix):
                        os.replace(stage / name, directory / name)
                for r in results:
                    if r.fingerprint in dupes:
                        r.indexed = False
                if dupes:
                    segment = _drop(directory, segment, dupes)
            for r in results:
                if r.indexed and r.fingerprint:
                    skip.add(r.fingerprint)
            done(results, segment)
    finally:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:  # a cancel must not wait for batches under way
            process.terminate()
        for process in processes:
            process.join()
        reports.close()
        shutil.rmtree(staging, ignore_errors=True)


def _drop(directory: Path, segment: Any, fingerprints: set[str]) -> Any:
    """Mark the documents of ``fingerprints`` deleted in a segment not yet committed."""
    reader = SegmentReader(storage(directory), make_schema(), segment)
    try:
        for fp in fingerprints:
            for d in reader.postings("fp", fp).all_ids():
                segment.delete_document(d)
    finally:
        reader.close()
    return segment


def plan_batches(paths_: list[str], sizes: dict[str, int], total: int, workers: int) -> list[list[str]]:
    """Cut the files into batches of about equal size: enough to keep every worker busy, none
    over SEGMENT_TEXT_BYTES."""
    target = min(SEGMENT_TEXT_BYTES, max(PARALLEL_MIN_BYTES // 2, -(-total // max(1, workers))))
    batches: list[list[str]] = [[]]
    size = 0
    for p in paths_:
        if batches[-1] and size + sizes[p] > target:
            batches.append([])
            size = 0
        batches[-1].append(p)
        size += sizes[p]
    return [b for b in batches if b]


def _drain(reports: Any, state: Progress, progress: Callable[[Progress], None]) -> None:
    changed = False
    while True:
        try:
            size = reports.get_nowait()
        except queue.Empty:
            break
        state.done_files += 1
        state.done_bytes += size
        changed = True
    if changed:
        progress(state)
