"""How fairly do writers of the notes store take turns? (issue 21, bench/NOTES_RESULTS.md)

    .venv/bin/python -m bench.notes_writers [--runs 3] [--writers 8] [--notes 5]

Starts WRITERS processes that each run `transcript-reader notes add` NOTES times on one fictional
file (as tests/test_notes_concurrency.py does), all starting at once on a new store in a temporary
data folder. In each child every write transaction of the store is timed (a wrapper installed on
`reader.core.notes.db._transaction` at run time, in that process only): how long it waited for the
write lock, and how long it held it. Per run it prints one JSON line: the run's wall time, the
writers' exit codes, failed writes, the longest wait, the longest hold, and `overtaken`: the
most writes of other writers that took the lock while one writer was waiting (with fair turns at
most about one per other writer; SQLite's busy handler let one writer be passed over dozens of
times). To measure an older commit, run this file by its path from outside the worktree with
PYTHONPATH pointing at an export of that commit's `reader/` (the children inherit both):

    cd /tmp && PYTHONPATH=/tmp/old WT/.venv/bin/python WT/bench/notes_writers.py --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "basic.txt"

CHILD = r"""
import contextlib, json, os, sys, time
import reader.core.notes.db as db
plain = db._transaction
log = open(sys.argv[5], "a", encoding="utf-8")

@contextlib.contextmanager
def timed(conn, path):
    asked = time.time()
    try:
        with plain(conn, path):
            locked = time.time()
            yield
    except Exception as err:
        log.write(json.dumps({"pid": os.getpid(), "failed": str(err), "asked": asked}) + "\n")
        log.flush()
        raise
    log.write(json.dumps({"pid": os.getpid(), "asked": asked, "locked": locked, "done": time.time()}) + "\n")
    log.flush()

db._transaction = timed
from reader.cli import main
file, writer, go, notes = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
while not os.path.exists(go):
    time.sleep(0.001)
for n in range(notes):
    if main(["notes", "add", file, "--paragraph", str((writer + n) % 17), "--note", f"w{writer}-n{n}"]):
        sys.exit(1)
"""


def run(writers: int, notes: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, TRANSCRIPT_READER_DATA=str(folder / "data"))
        text = folder / "basic.txt"
        text.write_bytes(TEXT.read_bytes())
        go, log = folder / "go", folder / "log.jsonl"
        children = [
            subprocess.Popen(
                [sys.executable, "-c", CHILD, str(text), str(w), str(go), str(notes), str(log)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for w in range(writers)
        ]
        time.sleep(1.0)  # every child imported and waiting at the start line
        started = time.perf_counter()
        go.touch()
        errors = [child.communicate()[1] for child in children]
        elapsed = time.perf_counter() - started
        rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    done = [r for r in rows if "failed" not in r]
    overtaken = [
        sum(1 for o in done if o["pid"] != r["pid"] and r["asked"] < o["locked"] < r["locked"]) for r in done
    ]
    return {
        "seconds": round(elapsed, 2),
        "exit_codes": sorted({c.returncode for c in children}),
        "failed": [r["failed"] for r in rows if "failed" in r],
        "stderr": [e.strip()[-200:] for e in errors if e.strip()],
        "writes": len(done),
        "wait_max_s": round(max(r["locked"] - r["asked"] for r in done), 3),
        "hold_max_s": round(max(r["done"] - r["locked"] for r in done), 3),
        "overtaken_max": max(overtaken),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--notes", type=int, default=5, help="notes each writer adds")
    args = parser.parse_args()
    for _ in range(args.runs):
        print(json.dumps(run(args.writers, args.notes)), flush=True)


if __name__ == "__main__":
    main()
