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
  committed at once, so searches see the library grow and a cancel keeps what was done.
- The last segment of an update and the deletion of the paragraphs it replaces go in one
  commit: a one-file update is one segment and one commit.
- Updates never merge: each writes small segments, which :meth:`Indexer.merge` merges (with
  segments holding many deletions) as a step of its own, run by the command line after its
  update and by the window once the index has been idle a few seconds. A merge at 2000 calls
  took ~0.5 s, which made every ~8th update miss the 0.2 s a one-call re-index should take.
  A merge is one commit too: interrupted before it, the index is as it was.
- ``manifest.json`` beside the index records the schema version and the fingerprints the
  index holds; it is written before each commit with the generation it describes, so a crash
  between the two is noticed (and the list read back from the index).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader

from .. import paths
from ..errors import TranscriptError
from .library import Library
from .schema import SCHEMA_VERSION, make_schema
from .segments import INDEX_NAME, FileResult, SegmentBuilder, add_files, storage
from .workers import PARALLEL_MIN_BYTES, Cancelled, Progress, plan_batches, read_parallel

__all__ = ["Cancelled", "IndexBusy", "Indexer", "Progress", "Report", "index_dir", "storage"]

MANIFEST = "manifest.json"
LOCK_NAME = INDEX_NAME + "_WRITELOCK"  # the file Whoosh's ix.lock("WRITELOCK") locks
SMALL_SEGMENT_SHARE = 0.05
"""A segment holding less than this share of the documents (or under SMALL_SEGMENT_DOCS) is
small. Each incremental update writes one small segment; small segments of about the same size
are merged once there are more than MAX_SMALL_SEGMENTS of them. Big segments are never merged
(minutes at 2000 calls), only rewritten when many of their documents were deleted."""
SMALL_SEGMENT_DOCS = 2_000
MAX_SMALL_SEGMENTS = 8
MAX_DELETED_SHARE = 0.3
"""A segment with more deleted documents than this share of it is rewritten by the merge."""


class IndexBusy(TranscriptError):
    """Another indexer (the window, the command line) is writing the index."""


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
    count, at most 4; 1 in a frozen app, whose launcher cannot start them)."""

    def __init__(self, library: Library, directory: Path | None = None, workers: int | None = None) -> None:
        self.library = library
        self.directory = directory or index_dir()
        frozen = getattr(sys, "frozen", False)
        self.workers = workers or (1 if frozen else max(1, min(4, os.cpu_count() or 1)))

    # --- the index itself ---

    def check(self) -> str | None:
        """Why the index cannot be used as it is (missing, damaged, out of date), or None."""
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
        try:
            ix = storage(self.directory).open_index(INDEX_NAME)
            with ix.searcher() as s:
                s.doc_count()
                for r, _ in s.reader().leaf_readers():  # opens every segment's files
                    r.doc_frequency("fp", "")
        except Exception as err:  # any failure to read it means: rebuild
            return f"damaged ({type(err).__name__})"
        return None

    def open(self) -> Any:
        """The Whoosh index, ready to search: rebuilt first (empty) if it cannot be used."""
        if self.check() is not None:
            self._reset()
        return storage(self.directory).open_index(INDEX_NAME)

    def lock(self) -> Any:
        """The writers' lock, held for a whole update: Whoosh's own write lock of the index, so
        any Whoosh writer respects it (a rebuild empties the folder around it, see _reset)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        return storage(self.directory).lock(LOCK_NAME)

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
        try:
            data = json.loads((self.directory / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and isinstance(data.get("fingerprints"), dict) else None

    def _write_manifest(self, fingerprints: dict[str, int], generation: int) -> None:
        data = {"schema": SCHEMA_VERSION, "generation": generation, "fingerprints": fingerprints}
        tmp = self.directory / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, self.directory / MANIFEST)

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
    ) -> Report:
        """Bring the index in step with the library (see the module doc). Raises IndexBusy
        when another indexer holds the index, Cancelled when ``cancelled()`` turned true."""
        start = time.perf_counter()
        report = Report()
        lock = self.lock()
        if not lock.acquire(blocking=False):
            raise IndexBusy("the index is being updated by another window or command; try again later")
        try:
            reason = "asked for" if rebuild else self.check()
            if reason is not None:
                self._reset()
                report.rebuilt = reason
            ix = storage(self.directory).open_index(INDEX_NAME)
            self._update(ix, report, progress or (lambda p: None), cancelled or (lambda: False))
        finally:
            lock.release()
        report.seconds = time.perf_counter() - start
        return report

    def _update(
        self, ix: Any, report: Report, progress: Callable[[Progress], None], cancelled: Callable[[], bool]
    ) -> None:
        progress(Progress("scanning"))
        indexed = self.indexed(ix)
        changes = self.library.scan()
        report.unchanged = changes.unchanged
        known = {f.path: f for f in self.library.files()}
        # Files the inventory knows but the index lost (a rebuild, a crash) are read again.
        lost = [p for p, f in known.items() if f.fingerprint and f.fingerprint not in indexed]
        to_read = sorted(set(changes.to_read) | (set(lost) - set(changes.missing)))
        sizes = {p: _size(p) for p in to_read}
        total = sum(sizes.values())
        state = Progress("reading", 0, total, 0, len(to_read))
        progress(state)

        def done(results: list[FileResult], segment: Any) -> None:
            for r in results:
                if r.error:
                    report.failed.append((r.path, r.error))
            report.read += len(results)
            report.indexed += sum(r.indexed for r in results)
            report.bytes_read += sum(r.size for r in results)
            for r in results:
                if r.indexed and r.fingerprint:
                    indexed[r.fingerprint] = (r.summary or {}).get("paragraphs", 0)
            self._commit(ix, [segment] if segment is not None else [], indexed, [])
            self.library.record([r.row() for r in results])

        batches = plan_batches(to_read, sizes, total, self.workers)
        if self.workers > 1 and total >= PARALLEL_MIN_BYTES and len(batches) > 1:
            read_parallel(
                self.directory, self.workers, batches, set(indexed), state, progress, cancelled, done
            )
        else:
            self._read_here(ix, batches, set(indexed), state, progress, cancelled, done)

        progress(Progress("committing", total, total, len(to_read), len(to_read)))
        self.library.record([], missing=changes.missing)
        report.missing = len(changes.missing)
        wanted = self.library.fingerprints()
        stale = [fp for fp in indexed if fp not in wanted]
        if stale:
            for fp in stale:
                del indexed[fp]
            self._commit(ix, [], indexed, stale)
            report.removed = len(stale)
        if not cancelled():
            progress(Progress("merging", total, total, len(to_read), len(to_read)))
            report.merged = self.merge(ix, indexed)

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
            if builder._added:
                segment = builder._finalize_segment()
            else:
                builder.cancel()
                segment = None
            done(results, segment)

    def _commit(self, ix: Any, new_segments: list[Any], indexed: dict[str, int], delete: list[str]) -> None:
        """One commit: delete the documents of ``delete``, add ``new_segments``, no merging.
        The caller holds the write lock."""
        writer = SegmentBuilder(ix, lock=False)
        try:
            for fp in delete:
                writer.delete_by_term("fp", fp)
            self._write_manifest(indexed, writer.generation)
            writer._close_segment()
            writer._commit_toc(list(writer.segments) + new_segments)
        finally:
            writer._finish()

    def merge(self, ix: Any, indexed: dict[str, int] | None = None) -> int:
        """Drop segments whose documents are all deleted, merge small segments of about the same
        size once there are more than MAX_SMALL_SEGMENTS of them (so a document is rewritten a
        few times at most, each merge costs about the same), rewrite big ones with many
        deletions. The caller holds the write lock. Returns how many segments went."""
        toc = ix._read_toc()
        live = [s for s in toc.segments if s.doc_count_all() > s.deleted_count()]
        limit = max(SMALL_SEGMENT_DOCS, int(sum(s.doc_count_all() for s in live) * SMALL_SEGMENT_SHARE))
        tiers: dict[int, list[Any]] = {}  # small segments by size: 1-3 documents, 4-15, 16-63...
        for s in live:
            if s.doc_count_all() < limit:
                tiers.setdefault(int(math.log(max(1, s.doc_count_all()), 4)), []).append(s)
        chosen = [s for tier in tiers.values() if len(tier) > MAX_SMALL_SEGMENTS for s in tier]
        chosen += [
            s
            for s in live
            if s.doc_count_all() >= limit and s.deleted_count() / s.doc_count_all() > MAX_DELETED_SHARE
        ]
        dropped = len(toc.segments) - len(live)
        if not chosen and not dropped:
            return 0
        writer = SegmentBuilder(ix, lock=False)
        try:
            for segment in chosen:  # read from memory: a merge reads every posting list
                reader = SegmentReader(FileStorage(str(self.directory)), toc.schema, segment)
                try:
                    writer.add_segment(reader)
                finally:
                    reader.close()
            kept = [s for s in live if s not in chosen]
            merged = [writer._finalize_segment()] if writer.docnum else []
            if not merged:
                writer._close_segment()
            self._write_manifest(indexed if indexed is not None else self.indexed(ix), writer.generation)
            writer._commit_toc(kept + merged)
        finally:
            writer._finish()
        return len(chosen) + dropped


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
