"""The `index` and `search` commands of the command line.

    transcript-reader index PATH... [--rebuild]     add folders/files to the library and index them
    transcript-reader index                         bring the index up to date with the library
    transcript-reader search QUERY [--json] [--limit N] [--speaker S] [--role R]
                             [--section prepared|qa] [--company C] [--period P] [--lang en|zh]
                             [--sort relevance|date]

The library and the index are the window's (``reader.core.paths``), so both see the same calls.
``index`` merges the index's small segments after its update, as a step of its own (reported
on its own line): the update is searchable before the merge starts.
``search`` rebuilds a missing, damaged or out-of-date index from the library first (progress on
stderr), never failing on it; it reads the folders first when the library catalog was just
rebuilt, and says when the index is incomplete (an update under way or interrupted).
Paths are printed escaped (:func:`reader.core.search.names.shown_path`); in JSON a path that
is not shown as it is also gets ``path_bytes``, its OS bytes in base64. Qt-free.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

from ..core import numbering
from ..core.errors import TranscriptError
from ..core.search.indexer import IndexBusy, Indexer
from ..core.search.library import Library
from ..core.search.names import path_bytes, shown_path
from ..core.search.query import LANGS, ROLES, SECTIONS, make_filter, parse
from ..core.search.searcher import Searcher, SearchError
from ..core.search.snippets import snippet
from .common import Command, UsageError
from .output import emit, emit_json

if TYPE_CHECKING:
    from ..core.search.indexer import Indexer, Progress, Report
    from ..core.search.searcher import Hit

QUERY_HELP = (
    'words (all must match), "a phrase", prefix*, a OR b, -word, and filters '
    "speaker: role: section: company: period: lang: (e.g. 營收 role:management)"
)


def commands() -> dict[str, Command]:
    return {
        "index": ("add folders or files to the library and index them", _configure_index, _run_index),
        "search": ("search every call of the library, in English or Chinese", _configure_search, _run_search),
    }


def _configure_index(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="folders or transcript files to add (none: update)"
    )
    p.add_argument("--rebuild", action="store_true", help="build the index again from scratch")
    p.add_argument(
        "--workers", type=_positive, metavar="N", help="processes for a big update (default: CPUs)"
    )


def _configure_search(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+", metavar="QUERY", help=QUERY_HELP)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--limit", type=_positive, default=20, metavar="N", help="hits to show (default 20)")
    p.add_argument("--speaker", metavar="S", help="only paragraphs of this speaker (all its words)")
    p.add_argument("--role", choices=ROLES, help="only paragraphs of speakers with this role")
    p.add_argument("--section", choices=SECTIONS, help="prepared remarks or Q&A")
    p.add_argument("--company", metavar="C", help="only calls of this company (all its words)")
    p.add_argument("--period", metavar="P", help="only calls of this period (Q2 2024, 2024, FY2024)")
    p.add_argument("--lang", choices=LANGS, help="match in this language only")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance", help="default relevance")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


# --- index ---


def _run_index(args: argparse.Namespace) -> int:

    with Library() as library:
        _tell_rebuilt(library)
        if args.paths:
            library.add(args.paths)
        elif not library.roots():
            raise UsageError("the library is empty: give folders or files to add")
        indexer = Indexer(library, workers=args.workers)
        report = _update(indexer, rebuild=args.rebuild)
        _print_report(report)
        start = time.perf_counter()
        try:
            merged = indexer.merge()  # its own step: the update above is searchable already
        except IndexBusy:
            merged = 0  # another indexer took the index meanwhile: it merges after its update
    if merged:
        print(f"merged {merged} segments in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


class _ProgressLine:
    """Progress on stderr: one line rewritten in place on a terminal, a line per 10% otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last_step = -1
        self.last_time = 0.0

    def __call__(self, p: Progress) -> None:
        if p.phase != "reading" or not p.total_files:
            return
        step = int(p.fraction * 10)
        now = time.monotonic()
        if self.tty and now - self.last_time < 0.2 and p.done_files < p.total_files:
            return
        if not self.tty and step == self.last_step:
            return
        self.last_step, self.last_time = step, now
        line = (
            f"indexing: {p.fraction:4.0%} ({p.done_files}/{p.total_files} files, "
            f"{_size(p.done_bytes)} of {_size(p.total_bytes)})"
        )
        print(("\r" + line) if self.tty else line, end="" if self.tty else "\n", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.tty and self.last_step >= 0:
            print(file=sys.stderr)


def _update(indexer: Indexer, rebuild: bool = False) -> Report:
    line = _ProgressLine()
    try:
        return indexer.update(progress=line, rebuild=rebuild)
    finally:
        line.end()


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def _tell_rebuilt(library: Any) -> None:
    if library.rebuilt:
        print(f"warning: {library.rebuilt}", file=sys.stderr)


def _print_report(report: Report) -> None:
    for path, reason in report.failed:
        print(f"warning: {shown_path(path)}: {reason}", file=sys.stderr)
    parts = [f"read {report.read} files ({_size(report.bytes_read)})", f"indexed {report.indexed}"]
    if report.removed:
        parts.append(f"removed {report.removed}")
    if report.failed:
        parts.append(f"{len(report.failed)} not transcripts or unreadable")
    if report.rebuilt:
        parts.append("new index" if report.rebuilt == "missing" else f"index rebuilt: {report.rebuilt}")
    print(f"{', '.join(parts)} in {report.seconds:.1f} s", file=sys.stderr)


# --- search ---


def _run_search(args: argparse.Namespace) -> int:

    filters = [
        make_filter(name, value)
        for name in ("speaker", "role", "section", "company", "period")
        if (value := getattr(args, name)) is not None
    ]
    query = parse(" ".join(args.query), filters, args.lang)  # a bad query fails before any work
    with Library() as library:
        _tell_rebuilt(library)
        if not library.roots():  # (an index may remain, but no file to show a hit from)
            raise TranscriptError("the library is empty: add transcripts with 'transcript-reader index PATH'")
        indexer = Indexer(library)
        reason = indexer.check()
        if reason is None and indexer.catalog_lost():  # a catalog rebuilt: read its folders
            print("the library's folders are read again", file=sys.stderr)
            _print_report(_update(indexer))
        if reason is not None:
            print(f"the search index is {reason}: rebuilding it", file=sys.stderr)
            _print_report(_update(indexer, rebuild=True))
        try:
            searcher = Searcher(library)
            results = searcher.search(query, limit=args.limit, sort=args.sort)
        except SearchError as err:  # damaged in a way only reading it showed
            print(f"{err}: rebuilding it", file=sys.stderr)
            _print_report(_update(indexer, rebuild=True))
            searcher = Searcher(library)
            results = searcher.search(query, limit=args.limit, sort=args.sort)
        searcher.close()
    warnings = []
    if results.incomplete:
        warnings.append(
            "the index is incomplete: an update is under way or was interrupted, so some files may"
            " be missing (run 'transcript-reader index' to finish it)"
        )
    if results.stale:
        warnings.append(
            f"{results.stale} hits left out: their files changed since they were indexed "
            "(run 'transcript-reader index')"
        )
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.json:
        payload = {
            "total": results.total,
            "hits": [_hit_dict(h) for h in results.hits],
            "incomplete": results.incomplete,
            "warnings": warnings,
        }
        emit_json(payload)
    else:
        emit(_text(results.total, results.hits))
    return 0


def _hit_dict(hit: Hit) -> dict[str, Any]:
    out = {
        "path": shown_path(hit.path),
        "paragraph": hit.paragraph,
        "speaker": hit.speaker,
        "role": hit.role,
        "section": hit.section,
        "en": hit.en,
        "zh": hit.zh,
        "score": round(hit.score, 4),
    }
    raw = path_bytes(hit.path)
    if raw is not None:
        out["path_bytes"] = raw
    return out


def _text(total: int, hits: list[Hit]) -> str:
    lines = [
        f"{total} paragraph{'s' if total != 1 else ''} found" + (f", the best {len(hits)}:" if hits else "")
    ]
    for hit in hits:
        call = " ".join(x for x in (hit.company, hit.period) if x)
        lines.append("")
        lines.append(f"{shown_path(hit.path)}:{hit.line}  paragraph {numbering.shown(hit.paragraph)}  {call}")
        lines.append(f"  {hit.speaker or '(no speaker)'} ({hit.role}, {hit.section})  score {hit.score:.2f}")
        order = hit.matched + [lang for lang in ("en", "zh") if lang not in hit.matched]
        for lang in order:
            text = hit.en if lang == "en" else hit.zh
            if text:
                shown, marks = snippet(text, hit.spans.get(lang, []))
                lines.append(f"  {lang}: {_mark(shown, marks)}")
    return "\n".join(lines)


def _mark(text: str, marks: list[tuple[int, int]]) -> str:
    """The text with each matched range in «guillemets»."""
    out = []
    last = 0
    for start, end in marks:
        out += [text[last:start], "«", text[start:end], "»"]
        last = end
    out.append(text[last:])
    return "".join(out)
