"""Keeping the index in step with the library: one writer, incremental, cancellable.

    indexer = Indexer(library)                        # index in cache_dir()/index
    report = indexer.update(progress=cb, cancelled=event.is_set)
    report = indexer.update(paths=[changed_file])     # what a file watcher saw: only those
    indexer.merge()                                   # later, when the index is idle

``update`` scans the library's folders (or only the files and folders of ``paths``) and
re-reads only files that are new or whose size or modification time changed. A file read again
whose fingerprint is already indexed (a copy, a move, a touch) only updates the library;
paragraphs are added for new fingerprints, and those of fingerprints no file has any more are
deleted. An index that is missing, unreadable or of another :data:`.schema.SCHEMA_VERSION` is
rebuilt from the library, never an error. When ``update`` returns, searches see the change.

How it writes (see ../../bench/SEARCH_RESULTS.md for the measurements behind the choices):
- Whoosh's write lock is held for the whole update, so two indexers (the window and the command
  line) never index the same files twice; the second gets :class:`IndexBusy`.
- Small updates are written in this process. Big ones are cut into ~24 MB batches, each parsed
  and written as a segment by a worker process (:mod:`.workers`); each finished segment is
  committed at once, so searches see the library grow and a cancel keeps what was done; but
  the last, committed with the deletion of the paragraphs the update replaces: a one-file
  update is one segment and one commit (the TOC written directly, no writer set up for it).
- Updates never merge: each writes small segments, which :meth:`Indexer.merge` merges (with
  segments holding many deletions) as a step of its own, run by the command line after its
  update and by the window once the index has been idle a few seconds. A merge at 2000 calls
  took ~0.5 s, which made every ~8th update miss the 0.2 s a one-call re-index should take.
  A merge is one commit too: interrupted before it, the index is as it was.
- ``manifest.json`` beside the index records the schema version, the Whoosh version that wrote
  it (an index of another Whoosh is rebuilt: :mod:`.whoosh_internals` reads Whoosh's private
  file layout) and the fingerprints the index holds; it is written before each commit with the
  generation it describes, so a crash between the two is noticed (and the list read back from
  the index).
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, clean_files
from whoosh.reading import SegmentReader

from .. import paths
from ..errors import TranscriptError
from .library import Library
from .library_store import make_folder
from .manifest import (
    clear_pending,
    is_incomplete,
    mark_pending,
    read_manifest,
    write_manifest,
    written_with,
)
from .schema import SCHEMA_VERSION, make_schema
from .segments import INDEX_NAME, FileResult, SegmentBuilder, add_files, storage
from .whoosh_internals import installed_version, read_toc, require_checked
from .workers import PARALLEL_MIN_BYTES, Cancelled, Progress, clean_stale, plan_batches, read_parallel

LOCK_NAME = INDEX_NAME + "_WRITELOCK"  # the file Whoosh's ix.lock("WRITELOCK") locks

__all__ = [
    "Cancelled",
    "IndexBusy",
    "IndexUnavailable",
    "Indexer",
    "Progress",
    "Report",
    "index_dir",
    "is_incomplete",
    "storage",
]

SMALL_SEGMENT_SHARE = 0.05
"""A segment holding less than this share of the documents (or under SMALL_SEGMENT_DOCS) is
small. Each incremental update writes one small segment. Big segments are never merged
(minutes at 2000 calls), only rewritten when many of their documents were deleted."""
SMALL_SEGMENT_DOCS = 2_000
POOL_DOCS = 1_000
"""Segments under this many documents (an update's: ~180 a call) are merged together whenever
a merge finds two or more: a library changed a call at a time keeps one of them, not a pile,
and a merge then rewrites ~1000 documents at most (~0.2 s). Each segment costs every query
~0.1 ms: at 200 calls, 8 one-call segments made the median query a third slower."""
MAX_SMALL_SEGMENTS = 4
"""Other small segments of about the same size (a factor of 4 apart: 256-1023 documents,
1024-4095...) are merged once there are more than this many of them, into one of the next
size: each document is rewritten a few times at most, each merge costs about the same."""
MAX_DELETED_SHARE = 0.3
"""A segment with more deleted documents than this share of it is rewritten by the merge."""


class IndexBusy(TranscriptError):
    """Another indexer (the window, the command line) is writing the index."""


class IndexUnavailable(TranscriptError):
    """The index folder cannot be used (not a folder, permissions, a full disk...)."""


def index_dir() -> Path:
    return paths.cache_dir() / "index"


@dataclass
class Report:
    """What an update did."""

    read: int = 0  # files read (new or changed on disk)
    indexed: int = 0  # files whose paragraphs were added
    removed: int = 0  # fingerprints whose paragraphs were deleted
    missing: int = 0  # files gone from the library
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    rebuilt: str | None = None  # why the index was rebuilt, if it was
    seconds: float = 0.0
    bytes_read: int = 0


class Indexer:
    """The one writer of the index. ``workers``: processes for big updates (default: the CPU
    count, at most 4; 1 in a frozen app, where each would be the app's executable started again,
    which build/launcher.py diverts to the worker: ``index --workers N`` asks for them there)."""

    def __init__(self, library: Library, directory: Path | None = None, workers: int | None = None) -> None:
        require_checked()
        self.library = library
        self.directory = directory or index_dir()
        frozen = getattr(sys, "frozen", False)
        self.workers = workers or (1 if frozen else max(1, min(4, os.cpu_count() or 1)))

    # --- the index itself ---

    def check(self, segments: bool = True) -> str | None:
        """Why the index cannot be used as it is (missing, damaged, out of date), or None.
        Without ``segments``, the segments' files are not opened (a one-file update cannot
        afford it; a damaged segment then shows as an error when the update writes).
        IndexUnavailable when the folder is a file: nothing to rebuild there."""
        if os.path.lexists(self.directory) and not self.directory.is_dir():
            make_folder(self.directory, "the search index folder", IndexUnavailable)
        manifest = self._read_manifest()
        try:
            exists = storage(self.directory).index_exists(INDEX_NAME)
        except Exception as err:  # a table of contents that cannot be read
            return f"damaged ({type(err).__name__})"
        if not exists:
            return "missing"
        if manifest is None:
            return "out of date (no manifest)"
        if manifest.get("schema") != SCHEMA_VERSION:
            return f"out of date (schema {manifest.get('schema')}, now {SCHEMA_VERSION})"
        written = written_with(manifest)
        if written != installed_version():
            return f"out of date (written with Whoosh {written}, now {installed_version()})"
        if not segments:
            return None
        try:
            ix = storage(self.directory).open_index(INDEX_NAME)
            with ix.searcher() as s:
                s.doc_count()
                for r, _ in s.reader().leaf_readers():  # opens every segment's files
                    r.doc_frequency("fp", "")
        except Exception as err:  # any failure to read it means: rebuild
            return f"damaged ({type(err).__name__})"
        return None

    def catalog_lost(self) -> bool:
        """Whether the library's catalog lost its files while the index kept their calls (it
        was rebuilt from its folder list): an update must read the folders again before a
        search can show hits. (Not after a first update killed before its first commit.)"""
        manifest = self._read_manifest()
        return bool(manifest and manifest["fingerprints"]) and self.library.needs_scan()

    def open(self) -> Any:
        """The Whoosh index, ready to search: rebuilt first (empty) if it cannot be used."""
        if self.check() is not None:
            self._reset()
        return storage(self.directory).open_index(INDEX_NAME)

    def lock(self) -> Any:
        """The writers' lock, held for a whole update: Whoosh's own write lock of the index, so
        any Whoosh writer respects it (a rebuild empties the folder around it, see _reset)."""
        make_folder(self.directory, "the search index folder", IndexUnavailable)
        return storage(self.directory).lock(LOCK_NAME)

    def _acquire(self, lock: Any) -> bool:
        try:
            return bool(lock.acquire(blocking=False))
        except OSError as err:
            raise self._unavailable(err) from None

    def _reset(self) -> None:
        """A new, empty index (the old folder's content removed), and a library that will read
        every file again."""
        self.directory.mkdir(parents=True, exist_ok=True)
        for item in self.directory.iterdir():
            if item.name == LOCK_NAME:  # held by this update: removing it would let another in
                continue
            if item.is_dir():
                shutil.rmtree(item, ignore_errors=True)
            else:
                item.unlink(missing_ok=True)
        ix = storage(self.directory).create_index(make_schema(), INDEX_NAME)
        self._write_manifest({}, ix.latest_generation())
        self.library.forget_all()

    def _read_manifest(self) -> dict[str, Any] | None:
        return read_manifest(self.directory)

    def _mark_pending(self) -> None:
        mark_pending(self.directory)

    def _unavailable(self, err: OSError) -> IndexUnavailable:
        where = err.filename or self.directory
        return IndexUnavailable(f"the search index folder cannot be written ({err.strerror or err}: {where})")

    def _write_manifest(self, fingerprints: dict[str, int], generation: int) -> None:
        write_manifest(self.directory, SCHEMA_VERSION, fingerprints, generation)

    def indexed(self, ix: Any) -> dict[str, int]:
        """The fingerprints the index holds (and their paragraph counts): the manifest's when
        it describes the index's current generation, else read from the index."""
        manifest = self._read_manifest() or {}
        if manifest.get("generation") == ix.latest_generation():
            return dict(manifest["fingerprints"])
        out: dict[str, int] = {}
        with ix.searcher() as s:
            for term in s.lexicon("fp"):
                fp = term.decode() if isinstance(term, bytes) else term
                docs = list(s.document_numbers(fp=fp))
                if docs:
                    out[fp] = len(docs)
        return out

    # --- updating ---

    def update(
        self,
        progress: Callable[[Progress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        rebuild: bool = False,
        paths: Iterable[str] | None = None,
    ) -> Report:
        """Bring the index in step with the library (see the module doc): every file under its
        roots, or with ``paths`` only those files and folders (what a watcher saw change; a
        rebuild reads every file whatever ``paths`` says). Raises IndexBusy when another indexer
        holds the index, Cancelled when ``cancelled()`` turned true."""
        start = time.perf_counter()
        report = Report()
        lock = self.lock()
        if not self._acquire(lock):
            raise IndexBusy("the index is being updated by another window or command; try again later")
        try:
            clean_stale(self.directory)  # what a killed update left
            interrupted = is_incomplete(self.directory)  # by an update before this one
            reason = "asked for" if rebuild else self.check(segments=paths is None)
            if reason is not None:
                self._mark_pending()
                self._reset()
                report.rebuilt = reason
                paths = None
            ix = storage(self.directory).open_index(INDEX_NAME)
            self._update(ix, report, progress or (lambda p: None), cancelled or (lambda: False), paths)
            if paths is None or not interrupted:  # a full update also does what one left undone
                clear_pending(self.directory)
        except OSError as err:
            raise self._unavailable(err) from None
        finally:
            lock.release()
        report.seconds = time.perf_counter() - start
        return report

    def _update(
        self,
        ix: Any,
        report: Report,
        progress: Callable[[Progress], None],
        cancelled: Callable[[], bool],
        paths: Iterable[str] | None,
    ) -> None:
        progress(Progress("scanning"))
        indexed = self.indexed(ix)
        changes = self.library.scan() if paths is None else self.library.scan_paths(paths)
        report.unchanged = changes.unchanged
        # Files the inventory knows but the index lost (a rebuild, a crash) are read again.
        lost = [p for fp in self.library.fingerprints() - indexed.keys() for p in self.library.paths_for(fp)]
        to_read = sorted(set(changes.to_read) | (set(lost) - set(changes.missing)))
        sizes = {p: _size(p) for p in to_read}
        total = sum(sizes.values())
        if to_read or changes.missing:
            self._mark_pending()
        state = Progress("reading", 0, total, 0, len(to_read))
        progress(state)

        def accept(results: list[FileResult]) -> None:
            for r in results:
                if r.error:
                    report.failed.append((r.path, r.error))
                if r.indexed and r.fingerprint:
                    indexed[r.fingerprint] = (r.summary or {}).get("paragraphs", 0)
            report.read += len(results)
            report.indexed += sum(r.indexed for r in results)
            report.bytes_read += sum(r.size for r in results)

        # Each batch is committed as it is ready (searches see the library grow, a cancel keeps
        # what was read), but the last, which waits for the deletions: one commit for both.
        batches = plan_batches(to_read, sizes, total, self.workers)
        last: list[tuple[list[FileResult], Any]] = []
        seen = [0]  # batches done

        def done(results: list[FileResult], segment: Any) -> None:
            seen[0] += 1
            if seen[0] == len(batches):
                last.append((results, segment))
                return
            accept(results)
            if segment is not None:
                self._commit(ix, [segment], indexed, [])
            self.library.record([r.row() for r in results])

        if self.workers > 1 and total >= PARALLEL_MIN_BYTES and len(batches) > 1:
            read_parallel(
                self.directory, self.workers, batches, set(indexed), state, progress, cancelled, done
            )
        else:
            self._read_here(ix, batches, set(indexed), state, progress, cancelled, done)

        progress(Progress("committing", total, total, len(to_read), len(to_read)))
        results, segment = last[0] if last else ([], None)
        accept(results)
        owners = self.library.fingerprint_of()  # what the library will hold once recorded
        for path in changes.missing:
            owners.pop(path, None)
        for r in results:
            if r.fingerprint:
                owners[r.path] = r.fingerprint
            else:
                owners.pop(r.path, None)
        wanted = set(owners.values())
        stale = [fp for fp in indexed if fp not in wanted]
        for fp in stale:
            del indexed[fp]
        if segment is not None or stale:
            self._commit(ix, [segment] if segment is not None else [], indexed, stale)
        self.library.record([r.row() for r in results], missing=changes.missing)
        report.missing = len(changes.missing)
        report.removed = len(stale)

    def _read_here(self, ix: Any, batches: list[list[str]], skip: set[str], state: Progress,
                   progress: Callable[[Progress], None], cancelled: Callable[[], bool],
                   done: Callable[[list[FileResult], Any], None]) -> None:  # fmt: skip
        for batch in batches:
            builder = SegmentBuilder(ix, lock=False)

            def on_file(result: FileResult) -> None:
                state.done_files += 1
                state.done_bytes += result.size
                progress(state)

            try:
                results = add_files(builder, batch, skip, on_file, cancelled)
            except BaseException:
                builder.cancel()
                raise
            if cancelled():
                builder.cancel()
                raise Cancelled()
            done(results, builder.finish_segment())

    def _commit(self, ix: Any, new_segments: list[Any], indexed: dict[str, int], delete: list[str]) -> None:
        """One commit: delete the documents of ``delete``, add ``new_segments``, drop segments
        left with no document (free: nothing is rewritten), no merging:
        a new table of contents, written as Whoosh's writers do (to a temporary file, then
        renamed), after the manifest. The caller holds the write lock."""
        toc = read_toc(ix)
        generation = toc.generation + 1
        if delete:
            _delete(ix, toc.schema, toc.segments, delete)
        self._write_manifest(indexed, generation)
        segments = [s for s in toc.segments if _live(s)] + new_segments  # the emptied ones go
        TOC(toc.schema, segments, generation).write(ix.storage, INDEX_NAME)
        clean_files(ix.storage, INDEX_NAME, generation, segments)  # the replaced generation's

    # --- merging ---

    def merge(self, cancelled: Callable[[], bool] | None = None) -> int:
        """Merge segments if some are due (see :meth:`_plan`), as a step of its own: takes the
        write lock (IndexBusy when an update holds it), one commit at the end, so a merge
        cancelled or killed before it leaves the index as it was (Cancelled when cancelled).
        Returns how many segments went (0: none were due, or there is no usable index)."""
        cancelled = cancelled or (lambda: False)
        lock = self.lock()
        if not self._acquire(lock):
            raise IndexBusy("the index is being updated by another window or command; try again later")
        try:
            if self.check(segments=False) is not None:
                return 0  # the next update rebuilds it
            ix = storage(self.directory).open_index(INDEX_NAME)
            toc = read_toc(ix)
            chosen, live, dropped = self._plan(toc.segments)
            if not chosen and not dropped:
                return 0
            indexed = self.indexed(ix)  # unchanged by a merge; the manifest follows the generation
            writer = SegmentBuilder(ix, lock=False)
            try:
                for segment in chosen:  # read from memory: a merge reads every posting list
                    if cancelled():
                        raise Cancelled()
                    reader = SegmentReader(FileStorage(str(self.directory)), toc.schema, segment)
                    try:
                        writer.add_segment(reader)
                    finally:
                        reader.close()
                if cancelled():
                    raise Cancelled()
                kept = [s for s in live if s not in chosen]
                segment = writer.close_segment()
                merged = [segment] if segment is not None else []
                if cancelled():
                    raise Cancelled()
                self._write_manifest(indexed, writer.generation)
                writer.commit_segments(kept + merged)
            finally:
                writer.release()  # files of a merge not committed go with the next commit
            return len(chosen) + dropped
        except OSError as err:
            raise self._unavailable(err) from None
        finally:
            lock.release()

    def merge_due(self) -> bool:
        """Whether :meth:`merge` would do something (reads the table of contents only)."""
        try:
            toc = read_toc(storage(self.directory).open_index(INDEX_NAME))
        except Exception:
            return False
        chosen, _, dropped = self._plan(toc.segments)
        return bool(chosen or dropped)

    @staticmethod
    def _plan(segments: list[Any]) -> tuple[list[Any], list[Any], int]:
        """What a merge does (see POOL_DOCS and MAX_SMALL_SEGMENTS), by the documents each
        segment has left: drop segments whose documents are all deleted, merge the smallest
        segments together, merge small segments of about the same size, rewrite segments with
        many deletions (each costs queries). Returns (segments to merge, live segments, how
        many are dropped)."""
        live = [s for s in segments if _live(s)]
        limit = max(SMALL_SEGMENT_DOCS, int(sum(map(_live, live)) * SMALL_SEGMENT_SHARE))
        chosen = [s for s in live if _live(s) < POOL_DOCS]
        if len(chosen) < 2:
            chosen = []
        tiers: dict[int, list[Any]] = {}  # the other small segments by size
        for s in live:
            if s not in chosen and _live(s) < limit:
                tiers.setdefault(int(math.log(_live(s), 4)), []).append(s)
        chosen += [s for tier in tiers.values() if len(tier) > MAX_SMALL_SEGMENTS for s in tier]
        chosen += [
            s for s in live if s not in chosen and s.deleted_count() / s.doc_count_all() > MAX_DELETED_SHARE
        ]
        return chosen, live, len(segments) - len(live)


def _live(segment: Any) -> int:
    """The documents a segment has left."""
    return int(segment.doc_count_all() - segment.deleted_count())


def _delete(ix: Any, schema: Any, segments: list[Any], fingerprints: list[str]) -> None:
    """Mark the documents of ``fingerprints`` deleted in ``segments`` (committed with them).
    Whoosh's ``delete_by_term`` opens a reader over every segment, those with no live
    document too (they pile up between merges); each costs ~0.3 ms to open."""
    for segment in segments:
        if segment.doc_count_all() == segment.deleted_count():
            continue
        reader = SegmentReader(ix.storage, schema, segment)
        try:
            for fp in fingerprints:
                if ("fp", fp) in reader:
                    for docnum in reader.postings("fp", fp).all_ids():
                        segment.delete_document(docnum)
        finally:
            reader.close()


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
