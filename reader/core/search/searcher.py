"""Searching the library: one searcher kept open, refreshed when the index changes.

    searcher = Searcher(library)
    results = searcher.search("gross margin", filters=[make_filter("role", "management")])
    for hit in results.hits: hit.path, hit.paragraph, hit.speaker, hit.en, hit.spans["en"]
    searcher.refresh()                      # after an Indexer.update(): cheap when nothing changed

A search finds paragraphs in the index (:mod:`.engine`), then reads their text from the files
themselves: a hit whose file changed or vanished since it was indexed (its fingerprint no longer
matches) is left out and counted in ``Results.stale``, so the text shown is always the file's,
Traditional or Simplified as it is. Parsed files are kept in a small cache keyed by path, size
and modification time.

``refresh`` does not use Whoosh's ``Searcher.refresh()``: in whoosh-reloaded 2.7.5 it keeps
reusing a segment's reader after documents of that segment were deleted (deleted paragraphs
keep matching) and adds the segments a merge replaced back into the new reader (every hit twice).
This one reuses a segment's reader only while the segment is the same and has the same deletions.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher as WhooshSearcher

from ..errors import TranscriptError
from ..find import fold
from ..model import Role, Transcript
from ..parser import parse_file
from .engine import Engine, Segment
from .indexer import index_dir, storage
from .library import Library
from .manifest import is_incomplete, read_manifest, written_with
from .query import Filter, Query, parse
from .segments import INDEX_NAME
from .snippets import Span, spans
from .whoosh_internals import installed_version, read_toc, require_checked

log = logging.getLogger(__name__)

FACETS = ("call", "company", "period", "speaker", "role", "section")
_FACET_FIELDS = {"call": "fp"}
FILE_CACHE = 128
"""Parsed files kept for showing hits (~0.16 MB each for a real-sized call)."""


class SearchError(TranscriptError):
    """The index cannot be searched (missing, damaged): rebuild it with an Indexer."""


@dataclass
class Hit:
    """One paragraph found. ``spans`` are (start, end) offsets into ``en`` / ``zh`` of what the
    query matched; ``matched`` the languages it matched in (the first is the one to show)."""

    fingerprint: str
    paragraph: int
    score: float
    path: str = ""
    key: str = ""  # the paragraph's stable key (reader.core.identity)
    line: int = 0  # 1-based line of the paragraph in the file
    speaker: str = ""
    role: str = ""
    section: str = ""
    call: int = 0
    company: str | None = None
    period: str | None = None
    en: str | None = None
    zh: str | None = None
    matched: list[str] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)


@dataclass
class Results:
    total: int  # paragraphs matching, in the whole library
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    stale: int = 0  # hits left out because their file changed or vanished (an update is due)
    seconds: float = 0.0
    incomplete: bool = False  # an update is under way or was interrupted: files may be missing


class Searcher:
    """A searcher over the index of ``library``. Thread-safe: calls are serialised."""

    def __init__(self, library: Library, directory: Path | None = None) -> None:
        require_checked()
        self.library = library
        self.directory = directory or index_dir()
        self._lock = threading.RLock()
        self._files: OrderedDict[tuple[str, int, int], Transcript] = OrderedDict()
        self._searcher: Any = None
        self._generation = -1
        self._segments: dict[str, Segment] = {}
        self._names: dict[str, dict[str, str]] | None = None
        manifest = read_manifest(self.directory)
        if manifest is not None and written_with(manifest) != installed_version():
            raise SearchError(
                f"the search index was written with Whoosh {written_with(manifest)}"
                f" (now {installed_version()}); rebuild it"
            )
        try:
            self._ix = storage(self.directory).open_index(INDEX_NAME)
        except Exception as err:
            raise SearchError(
                f"the search index cannot be opened ({type(err).__name__}); rebuild it"
            ) from None
        self.refresh()

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refresh(self) -> bool:
        """Follow the index to its latest commit; False when it had not changed. A commit
        landing while the readers open (its merge deleting files just listed) is retried; what
        still fails means a damaged index: SearchError."""
        with self._lock:
            for attempt in range(3):
                try:
                    toc = read_toc(self._ix)
                    if self._searcher is not None and toc.generation == self._generation:
                        return False
                    self._open(toc)
                    return True
                except Exception as err:
                    if attempt == 2:
                        raise SearchError(
                            f"the search index is damaged ({type(err).__name__}); rebuild it"
                        ) from None
                    time.sleep(0.05)
            return False  # not reached

    def _open(self, toc: Any) -> None:
        """Readers for the segments of ``toc``, reusing those whose segment and deletions are
        unchanged; then swap them in and close the old ones no longer used."""
        old = {}
        if self._searcher is not None:
            old = {r.segment().segment_id(): r for r, _ in self._searcher.reader().leaf_readers()}
        readers, opened, segments, base = [], [], {}, 0
        try:
            for seg in toc.segments:
                sid = seg.segment_id()
                reader = old.get(sid)
                if reader is None or set(reader.segment().deleted_docs()) != set(seg.deleted_docs()):
                    reader = SegmentReader(self._ix.storage, toc.schema, seg, generation=toc.generation)
                    opened.append(reader)
                readers.append(reader)
                cached = self._segments.get(sid)
                segment = cached if cached is not None and cached.reader is reader else Segment(reader, base)
                segment.docbase = base
                segments[sid] = segment
                base += reader.doc_count_all()
        except Exception:
            for reader in opened:
                reader.close()
            raise
        if not readers:
            reader_all: Any = EmptyReader(toc.schema)
        else:
            reader_all = readers[0] if len(readers) == 1 else MultiReader(readers, generation=toc.generation)
        kept = {id(r) for r in readers}
        for reader in old.values():
            if id(reader) not in kept:
                reader.close()
        self._searcher = WhooshSearcher(reader_all, fromindex=self._ix)
        self._segments = segments
        self._generation = toc.generation
        self._engine = Engine(self._searcher, list(segments.values()))
        self._names = None

    @property
    def doc_count(self) -> int:
        """Paragraphs in the index."""
        with self._lock:
            return int(self._searcher.doc_count())

    def search(
        self,
        query: str | Query,
        limit: int = 20,
        filters: list[Filter] | None = None,
        lang: str | None = None,
        sort: str = "relevance",
        facets: bool = False,
        resolve: bool = True,
    ) -> Results:
        """The best ``limit`` paragraphs for ``query`` (see :mod:`.query`), by relevance or by
        ``sort="date"`` (newest period first). With ``resolve`` (the default) hits carry their
        text and speaker from the files; without it, only fingerprint, paragraph and score."""
        start = time.perf_counter()
        q = parse(query, filters, lang) if isinstance(query, str) else query
        with self._lock:
            try:
                matched = self._engine.run(q)
                total = sum(len(r) for _, r in matched)
                want = limit + 8 if resolve else limit
                top = self._engine.top(matched, want, by_date=sort == "date")
                hits = [self._locate(seg, d, score) for _, score, seg, d in top]
                found = self._facets(matched) if facets else {}
            except TranscriptError:
                raise
            except Exception as err:  # a damaged segment found while reading it
                raise SearchError(f"the search index is damaged ({type(err).__name__}); rebuild it") from None
            stale = 0
            if resolve:
                hits, stale = self._resolve(hits, q, limit)
                if stale and len(hits) < limit and total > want:  # many stale: look further once
                    top = self._engine.top(matched, limit * 4 + stale, by_date=sort == "date")
                    more = [self._locate(seg, d, score) for _, score, seg, d in top[want:]]
                    extra, stale2 = self._resolve(more, q, limit - len(hits))
                    hits += extra
                    stale += stale2
        incomplete = is_incomplete(self.directory)
        return Results(total, hits[:limit], found, stale, time.perf_counter() - start, incomplete)

    def _locate(self, seg: Segment, docnum: int, score: float) -> Hit:
        stored = seg.reader.stored_fields(docnum)
        return Hit(stored["fp"], int(stored["para"]), score)

    # --- hits from the files ---

    def resolve(self, hits: list[Hit], query: str | Query) -> tuple[list[Hit], int]:
        """Fill hits found with ``resolve=False``; returns the hits still valid and how many
        were stale."""
        q = parse(query) if isinstance(query, str) else query
        with self._lock:
            return self._resolve(hits, q, len(hits))

    def _resolve(self, hits: list[Hit], q: Query, limit: int) -> tuple[list[Hit], int]:
        out: list[Hit] = []
        stale = 0
        for hit in hits:
            if len(out) >= limit:
                break
            found = self._transcript(hit.fingerprint)
            if found is None or hit.paragraph >= len(found[0].paragraphs):
                stale += 1
                continue
            t, path = found
            p = t.paragraphs[hit.paragraph]
            speaker = t.turns[p.turn].speaker
            s = t.speakers.get(speaker)
            call = t.calls[p.call]
            hit.path, hit.key, hit.line = path, p.key, p.line
            hit.speaker, hit.role, hit.section = (
                speaker,
                (s.role if s else Role.UNKNOWN).value,
                p.section.value,
            )
            hit.call, hit.company, hit.period = p.call, call.company, call.period
            hit.en, hit.zh = p.en, p.zh
            hit.spans = {"en": spans(p.en, q.highlight), "zh": spans(p.zh, q.highlight)}
            hit.matched = [lang for lang in ("en", "zh") if hit.spans[lang]]
            if q.lang in hit.matched:
                hit.matched.remove(q.lang)
                hit.matched.insert(0, q.lang)
            out.append(hit)
        return out, stale

    def _transcript(self, fingerprint: str) -> tuple[Transcript, str] | None:
        """The file holding this fingerprint now, parsed (from the cache when unchanged)."""
        for path in self.library.paths_for(fingerprint):
            try:
                st = os.stat(path)
            except OSError:
                continue
            key = (path, st.st_size, st.st_mtime_ns)
            t = self._files.get(key)
            if t is None:
                try:
                    t = parse_file(path)
                except TranscriptError:
                    continue
                except Exception:  # a parser bug on one file must not fail the whole search
                    log.exception("reading %r for a search hit failed", path)
                    continue
                self._files[key] = t
                while len(self._files) > FILE_CACHE:
                    self._files.popitem(last=False)
            else:
                self._files.move_to_end(key)
            if t.fingerprint == fingerprint:
                return t, path
        return None

    # --- facets ---

    def _facets(self, matched: list[tuple[Segment, Any]]) -> dict[str, dict[str, int]]:
        """Paragraph counts of the matches by call (fingerprint), company, period, speaker, role
        and section: what the search panel's filters show next to each choice."""
        out: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
        for seg, result in matched:
            if not result:
                continue
            for name in FACETS:
                values, which = seg.labels(_FACET_FIELDS.get(name, name))
                for i, n in Counter(which[d] for d in result).items():
                    if i >= 0:
                        out[name][values[i]] += n
        names = self._display_names()
        return {
            name: {names.get(name, {}).get(v, v): n for v, n in counts.most_common()}
            for name, counts in out.items()
        }

    def _display_names(self) -> dict[str, dict[str, str]]:
        """Folded company, period and speaker names back to how the files spell them."""
        if self._names is None:
            names: dict[str, dict[str, str]] = {"company": {}, "period": {}, "speaker": {}}
            for call in self.library.calls():
                for kind, value in (("company", call.company), ("period", call.period)):
                    if value:
                        names[kind][" ".join(fold(value).split())] = value
                for s in call.speakers:
                    names["speaker"][" ".join(fold(s["name"]).split())] = s["name"]
            self._names = names
        return self._names
