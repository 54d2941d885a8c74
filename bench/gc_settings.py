"""Why reader/runtime.py sets the garbage collector's thresholds: parsing the 5 MB file of 60 calls
under Python's default thresholds, under runtime.GC_THRESHOLD, and with the collector off during
the parse (what the parser did before the setting moved to one place).

    .venv/bin/python -m bench.gc_settings [--rounds 7]

Each measure is a fresh process that parses the file once (`parse_text`, after decoding) and
prints the parse's wall time and the time the collector ran (gc.callbacks); the three settings
run in turn in each round. Medians; the recorded table is in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = """
import gc, json, sys, time
from reader import runtime
from reader.core import parser
from bench.corpus import make_library_file
setting = sys.argv[1]
text = make_library_file(60)
if setting == "runtime":
    runtime.configure(window=False)
spent = [0.0, 0.0]
def watch(phase, info):
    if phase == "start":
        spent[1] = time.perf_counter()
    else:
        spent[0] += time.perf_counter() - spent[1]
gc.callbacks.append(watch)
start = time.perf_counter()
if setting == "off-during-parse":
    gc.disable()
t = parser.parse_text(text)
if setting == "off-during-parse":
    gc.enable()
wall = time.perf_counter() - start
print(json.dumps({"wall": wall * 1000, "gc": spent[0] * 1000, "paragraphs": len(t.paragraphs)}))
"""
SETTINGS = ("default", "runtime", "off-during-parse")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    results: dict[str, list[dict[str, float]]] = {s: [] for s in SETTINGS}
    for _ in range(args.rounds):
        for setting in SETTINGS:
            out = subprocess.run(
                [sys.executable, "-c", CODE, setting], capture_output=True, text=True, check=True, cwd=ROOT
            )
            results[setting].append(json.loads(out.stdout))
    base = statistics.median(r["wall"] for r in results["default"])
    print(f"| setting | parse ms (median of {args.rounds}) | of which the collector | vs default |")
    print("| --- | --- | --- | --- |")
    for setting in SETTINGS:
        wall = statistics.median(r["wall"] for r in results[setting])
        spent = statistics.median(r["gc"] for r in results[setting])
        print(f"| {setting} | {wall:.0f} | {spent:.0f} | {wall / base:.2f}x |")


if __name__ == "__main__":
    main()
