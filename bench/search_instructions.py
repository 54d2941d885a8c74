"""Instructions the searcher executes per query, in two source trees, counted by valgrind's
callgrind: a measure the machine's load does not move (wall and CPU time on the shared
2-core machine vary by 10-20 % from run to run).

    python -m bench.search_instructions --base OTHER_TREE [--this TREE] --data DATA_DIR [--repeat 2]

``DATA_DIR`` holds a built library and index (``TRANSCRIPT_READER_DATA`` of an earlier run, e.g.
of bench/search_paired.py's child); each tree runs on a copy of it. For each tree the process
runs twice under callgrind, with the queries of bench/search_bench.QUERIES after a warm-up pass
``--repeat`` times and zero times: the difference is what the queries cost, start-up and
warm-up left out. Slow: about a minute per run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from bench.search_bench import QUERIES
from reader.core.search.library import Library
from reader.core.search.searcher import Searcher
import reader
assert reader.__file__.startswith(sys.argv[1]), reader.__file__
with Library() as library:
    with Searcher(library) as s:
        for q in QUERIES:
            s.search(q)
        for _ in range(int(sys.argv[2])):
            for q in QUERIES:
                s.search(q)
"""


def instructions(tree: Path, data: Path, repeat: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data, copy)
        env = dict(os.environ, TRANSCRIPT_READER_DATA=str(copy), PYTHONPATH=str(ROOT))
        subprocess.run(  # open the catalog once first: a conversion is not a query's cost
            [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tree)!r})\n"
             "from reader.core.search.library import Library\nLibrary().close()"],
            env=env, check=True,
        )  # fmt: skip
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", CHILD]
            + [str(tree), str(repeat)],
            env=env,
            check=True,
            capture_output=True,
        )
        found = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.M)
        assert found, "no total in callgrind's output"
        return int(found[1])


def main() -> None:
    from bench.search_bench import QUERIES

    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=Path, required=True)
    ap.add_argument("--this", type=Path, default=ROOT)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    per_query = {}
    for name, tree in (("this", args.this.resolve()), ("base", args.base.resolve())):
        full = instructions(tree, args.data, args.repeat)
        bare = instructions(tree, args.data, 0)
        per_query[name] = (full - bare) / (args.repeat * len(QUERIES))
        print(f"{name}: start-up and warm-up {bare / 1e6:.1f} M, a query {per_query[name] / 1e6:.2f} M")
    print(f"ratio this/base per query: {per_query['this'] / per_query['base']:.4f}")


if __name__ == "__main__":
    main()
