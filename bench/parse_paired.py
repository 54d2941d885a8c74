"""Parse speed of this code against another copy of it (a commit before a change), paired.

    git worktree add /tmp/before <commit>        (or: git archive <commit> reader | tar -x -C /tmp/before)
    .venv/bin/python -m bench.parse_paired --old /tmp/before [--new DIR] [--rounds 11] [FILE ...]

Each round runs one process with the old `reader` package and one with this one, in alternating
order; each process parses the file `--parses` times and reports its median `parse_file()` time.
Prints, per file, the medians and the median of the per-round ratios (new / old). With no FILE,
the 5 MB file `bench.parse_bench` makes (60 calls).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.corpus import make_library_file

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

_CHILD = """
import json, statistics, sys, time
try:  # each tree parses as its own command line does (trees before issue 19 have no runtime)
    from reader import runtime
    runtime.configure(window=False)
except ImportError:
    pass
from reader.core.parser import parse_file
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    t = parse_file(sys.argv[1])
    times.append(time.perf_counter() - start)
print(json.dumps({"median": statistics.median(times), "paragraphs": len(t.paragraphs)}))
"""


def run(source: Path, path: Path, parses: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(source)}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(parses)],
        capture_output=True,
        check=True,
        text=True,
        env=env,
        cwd=source,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, required=True, help="a folder holding the old reader package")
    parser.add_argument("--new", type=Path, default=ROOT, help="the new one (default: this checkout)")
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--parses", type=int, default=3)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    files = [path.resolve() for path in args.files]
    if not files:
        OUT.mkdir(parents=True, exist_ok=True)
        big = OUT / "60calls.txt"
        big.write_text(make_library_file(60), encoding="utf-8")
        files = [big]
    print("| file | rounds | old (median) | new (median) | new / old (median of rounds) |")
    print("| --- | --- | --- | --- | --- |")
    for path in files:
        old_times, new_times, ratios = [], [], []
        for i in range(args.rounds):
            order = [(args.old, old_times), (args.new, new_times)]
            if i % 2:
                order.reverse()
            got = {}
            for source, times in order:
                result = run(source, path, args.parses)
                times.append(result["median"])
                got[str(source)] = result["median"]
            ratios.append(got[str(args.new)] / got[str(args.old)])
        print(
            f"| {path.name} | {args.rounds} | {statistics.median(old_times) * 1000:.0f} ms "
            f"| {statistics.median(new_times) * 1000:.0f} ms | {statistics.median(ratios):.3f}x |"
        )


if __name__ == "__main__":
    main()
