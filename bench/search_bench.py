"""Search benchmark: the Whoosh index against SQLite FTS5 and a linear scan, side by side.

    python -m bench.search_bench [--sizes 200 2000] [--runs 3] [--rounds 5] [--out bench/out/search]
    python -m bench.search_bench --only reindex [--sizes 200 2000]     # the re-index part alone
    python -m bench.search_bench --only queries --keep [--runs 3]       # the queries alone

For each size N: N fictional calls (bench/search_corpus.py); each engine measured in processes of
its own (its own peak RSS), the engines taking turns. Build = read, parse and index every file
(Whoosh: the app's ``Indexer.update()``; FTS5: a contentless FTS5 table and a table of the
paragraphs' original text). Queries: Whoosh and FTS5 timed in the same processes, query by
query, taking turns; the median of 3 x ``--rounds`` runs each, a run giving the total and the
best 20 hits (FTS5 with their text; Whoosh without, then with the text read from the files).
Re-index: one call changed (FTS5: delete and insert; Whoosh: see :func:`measure_reindex`: the
update callers wait for, of the changed path as the window's watcher asks it or a scan of the
whole library as the command line does, and the merge that follows it as a step of its own,
timed apart; queries before and after, to see whether segments piling up slow them).
FTS5 gets the very terms the Whoosh index holds (English stems; Chinese bigrams, lone characters
and Latin words in one column, characters in another) as space-separated tokens for its
``unicode61`` tokenizer, so both must find the same paragraphs (checked). The linear scan tests
every paragraph's folded text, held in memory, with regular expressions.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.search_corpus import change_calls

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    # English words (AND by default)
    "revenue", "customers", "guidance", "inventory", "demand", "shipments",
    "gross margin", "cash flow", "demand robots", "revenue guidance europe",
    # English phrases
    '"gross margin"', '"year over year"', '"free cash flow"', '"next quarter"', '"operating expenses"',
    '"cash flow from operations"',
    # Chinese, one character
    "收", "率", "車", "车", "季",
    # Chinese, two characters, Traditional and Simplified
    "營收", "营收", "毛利", "客戶", "客户", "需求", "現金",
    # Chinese, three or more
    "毛利率", "現金流", "营业费用",
    # prefix, OR, NOT, filters
    "margin*", "revenue OR sales", "revenue -guidance", "營收 role:analyst", "margin section:qa",
]  # fmt: skip


def _rss_mib() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


# --- FTS5 ---------------------------------------------------------------------------------------

FTS_SCHEMA = """
CREATE VIRTUAL TABLE idx USING fts5(en, zh, zh1, speaker, role, section, company, period,
    content='', tokenize="unicode61 remove_diacritics 0 tokenchars '.'");
CREATE TABLE paras (id INTEGER PRIMARY KEY, path TEXT, paragraph INTEGER, en TEXT, zh TEXT);
CREATE INDEX paras_path ON paras (path);
"""


def _fts_rows(path: str) -> list[tuple[Any, ...]]:
    """(path, paragraph, en, zh) and the analysed columns of each paragraph of a file."""
    from reader.core.parser import parse_file
    from reader.core.search.analysis import chinese_terms, english_terms
    from reader.core.search.schema import tag_terms

    t = parse_file(path)
    rows = []
    for p in t.paragraphs:
        speaker, call = t.turns[p.turn].speaker, t.calls[p.call]
        s = t.speakers.get(speaker)
        zh_terms, zh_chars = chinese_terms(p.zh) if p.zh else ([], [])
        tags = [" ".join(tag_terms(v or "")) for v in (speaker, call.company, call.period)]
        en = " ".join(english_terms(p.en)) if p.en else ""
        role = s.role.value if s else "unknown"
        rows.append((path, p.index, p.en, p.zh, en, " ".join(zh_terms), " ".join(zh_chars), tags[0], role))
        rows[-1] += (p.section.value, tags[1], tags[2])
    return rows


def _fts_insert(db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    for row in rows:
        cur = db.execute("INSERT INTO paras (path, paragraph, en, zh) VALUES (?, ?, ?, ?)", row[:4])
        db.execute(
            "INSERT INTO idx (rowid, en, zh, zh1, speaker, role, section, company, period)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (cur.lastrowid, *row[4:]),
        )


def _fts_delete(db: sqlite3.Connection, path: str) -> None:
    """Contentless FTS5 rows are deleted by giving back the values they were indexed with."""
    ids = [i for (i,) in db.execute("SELECT id FROM paras WHERE path = ? ORDER BY id", (path,))]
    for old in _fts_rows_cache.pop(path, []):
        rowid = ids.pop(0)
        db.execute(
            "INSERT INTO idx (idx, rowid, en, zh, zh1, speaker, role, section, company, period)"
            " VALUES ('delete', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rowid, *old[4:]),
        )
    db.execute("DELETE FROM paras WHERE path = ?", (path,))


_fts_rows_cache: dict[str, list[tuple[Any, ...]]] = {}


def build_fts(corpus_dir: str, db: str) -> dict[str, Any]:
    corpus, db_path = Path(corpus_dir), Path(db)
    if db_path.exists():
        db_path.unlink()
    start = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.executescript(FTS_SCHEMA)
    db.execute("BEGIN")
    for path in sorted(corpus.glob("*.txt")):
        _fts_insert(db, _fts_rows(str(path)))
    db.execute("COMMIT")
    db.execute("INSERT INTO idx (idx) VALUES ('optimize')")
    db.close()
    return {"seconds": time.perf_counter() - start, "index_bytes": db_path.stat().st_size}


def fts_match(node: Any, lang: str | None) -> str:
    """The FTS5 MATCH expression for a parsed query (the same terms the Whoosh index holds)."""
    from reader.core.search.query import And, Filter, Not, Or, Words

    def quote(terms: tuple[str, ...] | list[str]) -> str:
        return '"' + " ".join(t.replace('"', '""') for t in terms) + '"'

    if isinstance(node, Words):
        cols = ["zh1"] if node.unigram is not None else ["zh"] if node.chinese else ["en", "zh"]
        cols = [c for c in cols if lang is None or (c == "en") == (lang == "en")]
        if not cols:
            return '"\x01nothing"'
        terms = (node.unigram,) if node.unigram is not None else node.terms
        return "{" + " ".join(cols) + "} : " + quote(terms) + ("*" if node.prefix else "")
    if isinstance(node, Filter):
        return f"{node.field} : " + " AND ".join(quote([t]) for t in node.terms)
    if isinstance(node, And):
        pos = [fts_match(c, lang) for c in node.children if not isinstance(c, Not)]
        neg = [fts_match(c.child, lang) for c in node.children if isinstance(c, Not)]
        expr = "(" + " AND ".join(pos) + ")"
        return expr + "".join(f" NOT ({n})" for n in neg)
    if isinstance(node, Or):
        return "(" + " OR ".join(fts_match(c, lang) for c in node.children) + ")"
    raise ValueError(f"FTS5 has no stand-alone NOT: {node}")


def _fts_runner(db_path: Path) -> Any:
    """run(i): query i on FTS5: the count, the best 20 and their text (what a results list needs)."""
    from reader.core.search.query import parse

    db = sqlite3.connect(db_path)
    exprs = [fts_match(parse(q).root, None) for q in QUERIES]
    best = "SELECT rowid FROM idx WHERE idx MATCH ? ORDER BY rank LIMIT 20"

    def run(i: int) -> int:
        total = db.execute("SELECT count(*) FROM idx WHERE idx MATCH ?", (exprs[i],)).fetchone()[0]
        top = [r for (r,) in db.execute(best, (exprs[i],))]
        marks = ",".join("?" * len(top))
        db.execute(f"SELECT path, paragraph, en, zh FROM paras WHERE id IN ({marks})", top).fetchall()
        return int(total)

    return run


def query_fts(db: str, rounds: str) -> dict[str, Any]:
    times, totals = _time_queries(_fts_runner(Path(db)), int(rounds))
    return {"times": times, "totals": totals, "rss": _rss_mib()[0]}


def query_pair(work: str, db: str, rounds: str) -> dict[str, Any]:
    """Whoosh and FTS5 timed in one process, query by query, taking turns at going first, so
    that the machine's slow spells fall on both alike."""
    whoosh, fts = _whoosh_runner(Path(work))[0], _fts_runner(Path(db))
    times: dict[str, dict[str, list[float]]] = {e: {q: [] for q in QUERIES} for e in ("whoosh", "fts")}
    totals: dict[str, dict[str, int]] = {"whoosh": {}, "fts": {}}
    for r in range(int(rounds)):
        for i, q in enumerate(QUERIES):
            for name, run in (("whoosh", whoosh), ("fts", fts))[:: 1 if (r + i) % 2 else -1]:
                start = time.perf_counter()
                totals[name][q] = run(i)
                times[name][q].append(time.perf_counter() - start)
    return {"times": times, "totals": totals}


def _time_queries(
    run: Any, rounds: int, prepare: Any = None
) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Each query ``rounds`` times, round after round: its times, and the total it found."""
    times: dict[str, list[float]] = {q: [] for q in QUERIES}
    totals = {}
    for _ in range(rounds):
        for i, q in enumerate(QUERIES):
            if prepare:
                prepare(i)
            start = time.perf_counter()
            totals[q] = run(i)
            times[q].append(time.perf_counter() - start)
    return times, totals


def reindex_fts(db_file: str, corpus: str, runs: str) -> dict[str, Any]:
    db = sqlite3.connect(db_file)

    def reindex(path: Path) -> None:
        db.execute("BEGIN")
        _fts_delete(db, str(path))
        _fts_rows_cache[str(path)] = rows = _fts_rows(str(path))
        _fts_insert(db, rows)
        db.execute("COMMIT")

    def prepare(path: Path) -> None:  # what the file's rows were indexed with (to delete them)
        _fts_rows_cache[str(path)] = _fts_rows(str(path))

    return {"times": change_calls(Path(corpus), int(runs), reindex, prepare)}


# --- Whoosh ------------------------------------------------------------------------------------


def _whoosh_env(work: Path) -> None:
    os.environ["TRANSCRIPT_READER_DATA"] = str(work / "data")


def build_whoosh(corpus: str, work: str, workers: str) -> dict[str, Any]:
    shutil.rmtree(work, ignore_errors=True)
    _whoosh_env(Path(work))
    from reader.core.search.indexer import Indexer, index_dir, storage
    from reader.core.search.library import Library
    from reader.core.search.whoosh_internals import read_toc

    start = time.perf_counter()
    with Library() as library:
        library.add([corpus])
        report = Indexer(library, workers=int(workers) or None).update()
        merged = Indexer(library).merge()  # as the command line does after its update
    seconds = time.perf_counter() - start
    ix = storage(index_dir()).open_index("MAIN")
    size = sum(p.stat().st_size for p in index_dir().iterdir())
    own, workers_rss = _rss_mib()
    docs, segments = ix.doc_count(), len(read_toc(ix).segments)
    assert not report.failed, report.failed
    return dict(
        seconds=seconds,
        index_bytes=size,
        segments=segments,
        merged=merged,
        docs=docs,
        rss=own,
        rss_workers=workers_rss,
    )


def _whoosh_runner(work: Path) -> tuple[Any, Any, list[Any]]:
    """run(i): query i on the Whoosh index (the total and the best 20); the searcher; the
    parsed queries."""
    _whoosh_env(work)
    from reader.core.search.library import Library
    from reader.core.search.query import parse
    from reader.core.search.searcher import Searcher

    searcher = Searcher(Library())
    parsed = [parse(q) for q in QUERIES]
    return (lambda i: searcher.search(parsed[i], resolve=False).total), searcher, parsed


def query_whoosh(work: str, rounds: str) -> dict[str, Any]:
    run, searcher, parsed = _whoosh_runner(Path(work))
    times, totals = _time_queries(run, int(rounds))

    def full(i: int) -> int:  # with the hits' text read from their files
        return searcher.search(parsed[i]).total

    cold, _ = _time_queries(full, 1, lambda i: searcher._files.clear())  # no file parsed yet
    warm, _ = _time_queries(full, 1, full)  # the same files parsed just before
    return {"times": times, "cold": cold, "warm": warm, "totals": totals, "rss": _rss_mib()[0]}


def reindex_whoosh(work: str, corpus: str, runs: str, scope: str, merge: str) -> dict[str, Any]:
    """``runs`` calls changed one after the other: the time of each ``Indexer.update()`` (of
    the changed path: ``scope`` "paths", as the window's watcher asks; of the whole library:
    "scan", as ``transcript-reader index`` does), and with ``merge`` "after", the time of the
    ``Indexer.merge()`` run after each update (and after putting the file back)."""
    _whoosh_env(Path(work))
    from reader.core.find import fold
    from reader.core.search.indexer import Indexer
    from reader.core.search.library import Library

    fold("")  # the folding table, built once per process (the window has it from its first Find)
    indexer = Indexer(Library())
    merges: list[tuple[float, int]] = []  # (seconds, segments merged away)

    def reindex(path: Path) -> None:
        indexer.update(paths=[str(path)]) if scope == "paths" else indexer.update()

    def after() -> None:
        if merge == "after":
            start = time.perf_counter()
            merged = indexer.merge()
            merges.append((time.perf_counter() - start, merged))

    times = change_calls(Path(corpus), int(runs), reindex, after=after)
    # without the warm-up run's two merges (change_calls leaves out its update too)
    return {"times": times, "merges": merges[2:], "segments": _segments(indexer)}


def merge_whoosh(work: str) -> dict[str, Any]:
    """One ``Indexer.merge()``, timed, and the segments before and after."""
    _whoosh_env(Path(work))
    from reader.core.search.indexer import Indexer
    from reader.core.search.library import Library

    indexer = Indexer(Library())
    before = _segments(indexer)
    start = time.perf_counter()
    merged = indexer.merge()
    return {
        "seconds": time.perf_counter() - start,
        "merged": merged,
        "before": before,
        "after": _segments(indexer),
    }


def _segments(indexer: Any) -> int:
    from reader.core.search.indexer import storage
    from reader.core.search.whoosh_internals import read_toc

    return len(read_toc(storage(indexer.directory).open_index("MAIN")).segments)


# --- linear scan -------------------------------------------------------------------------------


def query_scan(corpus: str, rounds: str) -> dict[str, Any]:
    from reader.core.find import fold
    from reader.core.parser import parse_file
    from reader.core.search.query import And, Filter, Not, Or, Words, parse

    paras = []  # (English, Chinese, role, section) of every paragraph, folded
    for path in sorted(Path(corpus).glob("*.txt")):
        t = parse_file(path)
        for p in t.paragraphs:
            s = t.speakers.get(t.turns[p.turn].speaker)
            paras.append(
                (fold(p.en or ""), fold(p.zh or ""), s.role.value if s else "unknown", p.section.value)
            )

    def test(node: Any) -> Any:
        if isinstance(node, Words):
            if node.unigram is not None or node.chinese:
                pat = re.compile(re.escape(node.unigram or "".join(fold(node.text).split())))
            else:  # the word and a few letters more: "margin" finds "margins"
                body = r"\W+".join(re.escape(x) for x in fold(node.text).split())
                pat = re.compile(r"\b" + body + ("" if node.prefix else r"\w{0,3}\b"))
            return lambda p: pat.search(p[0]) is not None or pat.search(p[1]) is not None
        if isinstance(node, Filter):
            col = {"role": 2, "section": 3}[node.field]
            return lambda p: p[col] == node.terms[0]
        if isinstance(node, Not):
            inner = test(node.child)
            return lambda p: not inner(p)
        tests = [test(c) for c in node.children]
        combine = all if isinstance(node, And) else any
        assert isinstance(node, (And, Or))
        return lambda p: combine(t(p) for t in tests)

    tests = [test(parse(q).root) for q in QUERIES]
    times, totals = _time_queries(lambda i: len([p for p in paras if tests[i](p)]), int(rounds))
    return {"times": times, "totals": totals, "rss": _rss_mib()[0]}


# --- orchestration -----------------------------------------------------------------------------


def _child(*args: str) -> dict[str, Any]:
    """Run one measurement in a fresh process; its JSON result."""
    cmd = [sys.executable, "-m", "bench.search_bench", *args]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _q(times: dict[str, float]) -> str:
    return f"{_pct(list(times.values()), 0.5):.1f} / {_pct(list(times.values()), 0.95):.1f} ms"


def measure(n: int, out: Path, runs: int, rounds: int, workers: int | None) -> dict[str, Any]:
    from bench.search_corpus import write_library

    corpus = out / f"calls-{n}"
    text_mb = sum(p.stat().st_size for p in write_library(corpus, n)) / 1e6
    work, db = str(out / f"whoosh-{n}"), str(out / f"fts-{n}.sqlite3")
    wb, fb, wq, fq, sq = [], [], [], [], []  # type: ignore[var-annotated]
    for _ in range(runs):  # the engines take turns, run by run
        wb.append(_child("build-whoosh", str(corpus), work, str(workers or 0)))
        fb.append(_child("build-fts", str(corpus), db))
        print(
            f"N={n} build: whoosh {wb[-1]['seconds']:.1f} s, fts5 {fb[-1]['seconds']:.1f} s", file=sys.stderr
        )
    pairs = [_child("query-pair", work, db, str(rounds)) for _ in range(3)]
    wq.append(_child("query-whoosh", work, "1"))  # its memory, and the hits' text read from files
    fq.append(_child("query-fts", db, "1"))  # its memory
    sq += [_child("query-scan", str(corpus), "1") for _ in range(3)]
    reindex = measure_reindex(n, out, runs * 3, rounds, workers, build=False)

    def per_query(results: list[dict[str, Any]], key: str = "times") -> dict[str, float]:
        return {q: statistics.median(t for r in results for t in r[key][q]) * 1000 for q in QUERIES}

    def paired(name: str) -> dict[str, float]:
        return per_query([{"times": p["times"][name]} for p in pairs])

    totals = {
        q: (pairs[0]["totals"]["whoosh"][q], pairs[0]["totals"]["fts"][q], sq[0]["totals"][q])
        for q in QUERIES
    }
    return {
        "n": n,
        "text_mb": text_mb,
        "docs": wb[-1]["docs"],
        "segments": wb[-1]["segments"],
        "totals": totals,
        "mismatches": [q for q, (w, f, _) in totals.items() if w != f],
        "whoosh": {
            "builds": [r["seconds"] for r in wb],
            "index_mb": wb[-1]["index_bytes"] / 1e6,
            "query": paired("whoosh"),
            "cold": per_query(wq, "cold"),
            "warm": per_query(wq, "warm"),
            "reindex": reindex["paths"]["times"],
            "rss": [max(r["rss"] for r in wb), max(r["rss_workers"] for r in wb), max(r["rss"] for r in wq)],
        },
        "fts": {
            "builds": [r["seconds"] for r in fb],
            "index_mb": fb[-1]["index_bytes"] / 1e6,
            "query": paired("fts"),
            "reindex": reindex["fts"]["times"],
            "rss": [max(r["rss"] for r in fq)],
        },
        "scan": {"query": per_query(sq), "rss": [max(r["rss"] for r in sq)]},
        "reindex": reindex,
    }


def measure_reindex(
    n: int, out: Path, runs: int, rounds: int, workers: int | None, build: bool = True
) -> dict[str, Any]:
    """The re-index of one changed call, Whoosh and FTS5 side by side, each step in a process
    of its own, on a fresh build of both (``build``; else on the indexes in ``out``):
    queries on the new index; ``runs`` updates of the changed path with no merge between them
    (the window while the user keeps changing files: small segments pile up), queries then,
    and the merge of them all; ``runs`` updates of the path each followed by a merge (the
    window, merging when idle), then ``runs`` scans of the whole library each followed by a
    merge (the command line); queries again; FTS5's ``runs`` re-indexes."""
    from bench.search_corpus import write_library

    corpus = out / f"calls-{n}"
    write_library(corpus, n)
    work, db = str(out / f"whoosh-{n}"), str(out / f"fts-{n}.sqlite3")
    if build:
        print(f"N={n}: building both indexes", file=sys.stderr)
        _child("build-whoosh", str(corpus), work, str(workers or 0))
        _child("build-fts", str(corpus), db)
    r: dict[str, Any] = {"n": n, "runs": runs}
    r["query_built"] = _child("query-pair", work, db, str(rounds))
    r["piled"] = _child("reindex-whoosh", work, str(corpus), str(runs), "paths", "never")
    r["query_piled"] = _child("query-pair", work, db, str(rounds))
    r["merge_piled"] = _child("merge-whoosh", work)
    r["paths"] = _child("reindex-whoosh", work, str(corpus), str(runs), "paths", "after")
    r["scan"] = _child("reindex-whoosh", work, str(corpus), str(runs), "scan", "after")
    r["query_merged"] = _child("query-pair", work, db, str(rounds))
    r["fts"] = _child("reindex-fts", db, str(corpus), str(runs))
    print(f"N={n}: re-index measured", file=sys.stderr)
    return r


def measure_queries(
    n: int, out: Path, runs: int, rounds: int, workers: int | None, build: bool
) -> dict[str, Any]:
    """The query part alone: Whoosh and FTS5 paired in ``runs`` processes of ``rounds`` rounds
    each (the full benchmark runs 3), on fresh builds of both (``build``) or on the indexes
    already in ``out`` (``--keep``: seconds instead of minutes, and the same indexes before and
    after a change to the engine)."""
    from bench.search_corpus import write_library

    corpus = out / f"calls-{n}"
    work, db = str(out / f"whoosh-{n}"), str(out / f"fts-{n}.sqlite3")
    if build:
        write_library(corpus, n)
        print(f"N={n}: building both indexes", file=sys.stderr)
        _child("build-whoosh", str(corpus), work, str(workers or 0))
        _child("build-fts", str(corpus), db)
    elif not (Path(work) / "data").is_dir() or not Path(db).is_file():
        raise SystemExit(f"--keep: no indexes for N={n} in {out} (run once without --keep)")
    pairs = []
    for k in range(runs):
        pairs.append(_child("query-pair", work, db, str(rounds)))
        print(f"N={n}: query process {k + 1} of {runs} done", file=sys.stderr)
    return {"n": n, "pairs": pairs}


def queries_table(results: list[dict[str, Any]]) -> str:
    """The query measurements as Markdown: p50 / p95 over the queries of the median times of
    all processes, then each process's own p50 / p95 (how much the machine moved them), then
    each query's median time and total."""
    lines = ["| N | engine | query p50 / p95 | each process's p50 / p95 |", "| --- | --- | --- | --- |"]
    medians: dict[int, dict[str, dict[str, float]]] = {}
    for r in results:
        n, pairs = r["n"], r["pairs"]
        medians[n] = {}
        for engine, name in (("whoosh", "Whoosh"), ("fts", "SQLite FTS5")):
            times = {
                q: statistics.median(t for p in pairs for t in p["times"][engine][q]) * 1000 for q in QUERIES
            }
            medians[n][engine] = times
            each = "; ".join(
                _q({q: statistics.median(t) * 1000 for q, t in p["times"][engine].items()}) for p in pairs
            )
            lines.append(f"| {n} | {name} | {_q(times)} | {each} |")
    for r in results:
        n, totals = r["n"], r["pairs"][0]["totals"]
        differ = [q for q in QUERIES if totals["whoosh"][q] != totals["fts"][q]]
        lines.append(f"\nN={n}: queries whose totals differ between Whoosh and FTS5: {differ or 'none'}.\n")
        lines.append("| query | paragraphs (Whoosh / FTS5) | Whoosh ms | FTS5 ms |")
        lines.append("| --- | --- | --- | --- |")
        for q in QUERIES:
            w, f = medians[n]["whoosh"][q], medians[n]["fts"][q]
            lines.append(f"| `{q}` | {totals['whoosh'][q]} / {totals['fts'][q]} | {w:.1f} | {f:.1f} |")
    return "\n".join(lines)


def reindex_table(results: list[dict[str, Any]]) -> str:
    """The re-index measurements as the Markdown table of SEARCH_RESULTS.md."""

    def times(values: list[float]) -> str:
        return f"{statistics.median(values):.3f} / {max(values):.3f} s"

    def merges(entries: list[tuple[float, int]]) -> str:
        """Merges that took segments away (most only drop one whose documents were all
        replaced), their median / max; the largest number of segments one took away."""
        done = [s * 1000 for s, merged in entries if merged]
        text = f"{len(done)} of {len(entries)} did something"
        if done:
            most = max(merged for _, merged in entries)
            text += f": {statistics.median(done):.0f} / {max(done):.0f} ms (at most {most} segments)"
        return text

    def queries(pair: dict[str, Any], engine: str) -> str:
        return _q({q: statistics.median(t) * 1000 for q, t in pair["times"][engine].items()})

    head = "| N | what | update, median / max | merge after it | query p50 / p95 (Whoosh; FTS5) |"
    lines = [head, "| --- | --- | --- | --- | --- |"]
    for r in results:
        n, piled, m = r["n"], r["piled"], r["merge_piled"]
        rows = [
            ("queries on the new index", "", "", r["query_built"]),
            (
                f"Whoosh, the changed file, no merge ({piled['segments']} segments after)",
                times(piled["times"]),
                f"then one merge: {m['seconds'] * 1000:.0f} ms ({m['before']} -> {m['after']} segments)",
                r["query_piled"],
            ),
            (
                "Whoosh, the changed file, merge after each",
                times(r["paths"]["times"]),
                merges(r["paths"]["merges"]),
                None,
            ),
            (
                "Whoosh, scan of the library, merge after each",
                times(r["scan"]["times"]),
                merges(r["scan"]["merges"]),
                None,
            ),
            (f"queries after ({r['scan']['segments']} segments)", "", "", r["query_merged"]),
            ("SQLite FTS5, delete + insert", times(r["fts"]["times"]), "–", None),
        ]
        for what, update, merge, pair in rows:
            q = f"{queries(pair, 'whoosh')}; {queries(pair, 'fts')}" if pair else ""
            lines.append(f"| {n} | {what} | {update} | {merge} | {q} |")
    return "\n".join(lines)


def table(results: list[dict[str, Any]]) -> str:
    """The results as the Markdown tables of SEARCH_RESULTS.md."""
    head = ["N (text)", "engine", "build (median)", "MB/s", "index (x text)", "query p50 / p95"]
    head += ["re-index one call, median / max", "peak RSS, MiB"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for r in results:
        mb, w = r["text_mb"], r["whoosh"]
        for name, e in (("Whoosh", w), ("SQLite FTS5", r["fts"]), ("linear scan in memory", r["scan"])):
            cells = [f"{r['n']} ({mb:.1f} MB)", name, "–", "–", "–", _q(e["query"]), "–"]
            if "builds" in e:
                build = statistics.median(e["builds"])
                cells[2:5] = [
                    f"{build:.1f} s",
                    f"{mb / build:.2f}",
                    f"{e['index_mb']:.1f} MB ({e['index_mb'] / mb:.2f}x)",
                ]
                cells[6] = f"{statistics.median(e['reindex']):.3f} / {max(e['reindex']):.3f} s"
            cells.append(" / ".join(f"{x:.0f}" for x in e["rss"]))
            lines.append("| " + " | ".join(cells) + " |")
        cold = f"{_q(w['cold'])} cold, {_q(w['warm'])} warm"
        lines.append(f"| {r['n']} | Whoosh + the 20 hits' text read from the files | | | | {cold} | | |")
    for r in results:
        lines.append(f"\nN={r['n']}: {r['docs']} paragraphs, {r['segments']} segments after the build;")
        lines.append(f"queries whose totals differ between Whoosh and FTS5: {r['mismatches'] or 'none'}.\n")
        lines.append("| query | paragraphs (Whoosh / FTS5 / scan) | Whoosh ms | FTS5 ms | scan ms |")
        lines.append("| --- | --- | --- | --- | --- |")
        for q in QUERIES:
            ms = [r[e]["query"][q] for e in ("whoosh", "fts", "scan")]
            found = " / ".join(map(str, r["totals"][q]))
            lines.append(f"| `{q}` | {found} | {ms[0]:.1f} | {ms[1]:.1f} | {ms[2]:.0f} |")
    return "\n".join(lines)


def main() -> None:
    if sys.argv[1:2] and sys.argv[1] in _CHILDREN:
        print(json.dumps(_CHILDREN[sys.argv[1]](*sys.argv[2:])))
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000])
    parser.add_argument(
        "--runs", type=int, default=3, help="builds per engine (median); with --only queries: query processes"
    )
    parser.add_argument("--rounds", type=int, default=5, help="runs of each query per process")
    parser.add_argument("--workers", type=int, default=0, help="Whoosh indexing processes (0: default)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "search")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--only", choices=["reindex", "queries"], help="measure only this part")
    parser.add_argument("--keep", action="store_true", help="with --only: use the indexes in --out")
    args = parser.parse_args()
    if args.only == "queries":
        found = [
            measure_queries(n, args.out, args.runs, args.rounds, args.workers or None, not args.keep)
            for n in args.sizes
        ]
        if args.json:
            args.json.write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
        print(queries_table(found))
        return
    if args.only == "reindex":
        out = [
            measure_reindex(n, args.out, args.runs * 3, args.rounds, args.workers or None, not args.keep)
            for n in args.sizes
        ]
        if args.json:
            args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
        print(reindex_table(out))
        return
    results = [measure(n, args.out, args.runs, args.rounds, args.workers or None) for n in args.sizes]
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(table(results))
    print()
    print(reindex_table([r["reindex"] for r in results]))


_CHILDREN: dict[str, Any] = {
    "build-whoosh": build_whoosh,
    "build-fts": build_fts,
    "query-whoosh": query_whoosh,
    "query-fts": query_fts,
    "query-pair": query_pair,
    "query-scan": query_scan,
    "reindex-whoosh": reindex_whoosh,
    "merge-whoosh": merge_whoosh,
    "reindex-fts": reindex_fts,
}


if __name__ == "__main__":
    main()
