"""Paired check of the search core between two source trees (this one and ``--base``): index
build and query time, run alternately in fresh processes, medians and their ratio.

    python -m bench.search_paired --base OTHER_TREE [--this TREE] [--calls 100] [--rounds 5]
    python -m bench.search_paired --base OTHER_TREE --keep-index --repeat 10   # queries only

Each round builds the index of the same fictional library (bench/search_corpus.py) in one
process per tree, with one worker (in-process segments: what a small update does), then times
every query of bench/search_bench.QUERIES ``--repeat`` times (hits resolved from the files, as
the command line shows them). The trees take turns, the first alternating from round to round.
Times are the process's CPU time (the machine is shared: wall time follows the load of others).
With ``--keep-index`` each tree keeps its data folder from round to round: the first round
builds the index and is left out, the others time the queries on it (their "build" is an update
with nothing to do).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.search_bench import QUERIES
from bench.search_corpus import write_library

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from reader.core.search.indexer import Indexer
from reader.core.search.library import Library
from reader.core.search.searcher import Searcher
queries, repeat = json.loads(sys.argv[3]), int(sys.argv[4])
with Library() as library:
    library.add([sys.argv[2]])
    start = time.process_time()
    Indexer(library, workers=1).update()
    build = time.process_time() - start
    with Searcher(library) as s:
        for q in queries:
            s.search(q)  # warm: files parsed once, as a searcher kept open has them
        start = time.process_time()
        for _ in range(repeat):
            for q in queries:
                s.search(q)
        search = time.process_time() - start
import reader
assert reader.__file__.startswith(sys.argv[1]), reader.__file__
print(json.dumps({"build": build, "queries": search}))
"""


def run(tree: Path, library: Path, repeat: int, data: Path | None = None) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as fresh:
        env = dict(os.environ, TRANSCRIPT_READER_DATA=str(data or fresh))
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(tree), str(library), json.dumps(QUERIES), str(repeat)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return dict(json.loads(out))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=Path, required=True)
    ap.add_argument("--this", type=Path, default=ROOT)
    ap.add_argument("--calls", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep-index", action="store_true", help="one index per tree, queries timed")
    args = ap.parse_args()
    trees = {"this": args.this.resolve(), "base": args.base.resolve()}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "calls"
        write_library(library, args.calls)
        data = {name: Path(tmp) / f"data-{name}" if args.keep_index else None for name in trees}
        for r in range(args.rounds + args.keep_index):
            order = list(trees) if r % 2 == 0 else list(reversed(trees))
            for name in order:
                results[name].append(run(trees[name], library, args.repeat, data[name]))
    if args.keep_index:
        results = {name: runs[1:] for name, runs in results.items()}
    for key in ("build", "queries"):
        this = statistics.median(x[key] for x in results["this"])
        base = statistics.median(x[key] for x in results["base"])
        ratios = statistics.median(
            t[key] / b[key] for t, b in zip(results["this"], results["base"], strict=True)
        )
        print(f"{key:8} this {this:7.3f} s  base {base:7.3f} s  paired median ratio {ratios:.3f}")


if __name__ == "__main__":
    main()
