"""How long parsing takes: a 5 MB file of 60 calls, and the real seeds when ../shared is there.

    .venv/bin/python -m bench.parse_bench [--runs 7]     (from the repository root)

Prints a Markdown table; the recorded results are in bench/RESULTS.md. Each figure is the median
of --runs runs: `parse` is parse_file() in this process (decode + pair + structure + keys);
`info` is the whole `transcript-reader info FILE --json` process (start-up, parse, figures, JSON),
with its peak memory.

    .venv/bin/python -m bench.parse_bench --figures-against OLD [--runs 7]

pairs the figure pass alone (`bench/figure_pass.py`: figures of every paragraph in both languages
and their comparison, timed in-process after the parse) of this tree's `reader` with that of
another tree OLD (a directory holding an older `reader/`, e.g. from `git archive COMMIT reader`),
on the 5 MB files: each round runs both, in alternating order; the ratio is new / old of the
medians, and the median of the per-round ratios is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import make_library_file
from reader import runtime
from reader.core.parser import parse_file

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SEEDS = ROOT.parent / "shared" / "transcripts"


def time_parse(path: Path, runs: int) -> tuple[float, int, int]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        t = parse_file(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(t.calls), len(t.paragraphs)


def time_info(path: Path, runs: int) -> tuple[float, float]:
    walls, peaks = [], []
    command = [sys.executable, "-m", "reader", "info", str(path), "--json"]
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-m", "bench.measure", *command], capture_output=True, check=True, cwd=ROOT
        )
        result = json.loads(out.stdout)
        assert result["status"] == 0, f"info failed on {path}"
        walls.append(result["wall"])
        peaks.append(result["peak_mib"])
    return statistics.median(walls), statistics.median(peaks)


def figure_pass(tree: Path, path: Path) -> dict[str, float]:
    """One run of `bench.figure_pass` with the `reader` of `tree` (`-P`: not the working directory's)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tree), str(ROOT)])}
    command = [sys.executable, "-P", "-m", "bench.figure_pass", str(path)]
    out = subprocess.run(command, capture_output=True, check=True, cwd=ROOT, env=env, text=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def pair_figures(old: Path, files: list[Path], runs: int) -> None:
    print(
        "| file | old figure pass (median) | new (median) | new / old | median of paired ratios "
        "| figures old → new | mismatches old → new |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for path in files:
        olds, news = [], []
        for i in range(runs):
            order = [(old, olds), (ROOT, news)] if i % 2 == 0 else [(ROOT, news), (old, olds)]
            for tree, into in order:
                into.append(figure_pass(tree, path))
        o = statistics.median(r["seconds"] for r in olds)
        n = statistics.median(r["seconds"] for r in news)
        paired = statistics.median(b["seconds"] / a["seconds"] for a, b in zip(olds, news, strict=True))
        print(
            f"| {path.name} | {o * 1000:.0f} ms | {n * 1000:.0f} ms | {n / o:.2f}x | {paired:.2f}x "
            f"| {olds[0]['figures']:,.0f} → {news[0]['figures']:,.0f} "
            f"| {olds[0]['mismatches']:,.0f} → {news[0]['mismatches']:,.0f} |"
        )
    print(f"\npython {sys.version.split()[0]}, runs={runs} per side, alternating order")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--figures-against", type=Path, metavar="OLD", help="pair the figure pass with OLD's reader"
    )
    args = parser.parse_args()
    runtime.configure(window=False)  # parse as the command line and the app do
    OUT.mkdir(parents=True, exist_ok=True)
    big = OUT / "60calls.txt"
    big.write_text(make_library_file(60), encoding="utf-8")
    files = [big, *sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else [big]
    if SEEDS.is_dir():  # the seeds pasted 30 times each: real-shaped text, 5 MB, 60 calls
        pasted = OUT / "seeds-x60.txt"
        seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
        pasted.write_text("\n".join(seeds[i % len(seeds)] for i in range(60)), encoding="utf-8")
        files.insert(1, pasted)
    if args.figures_against:
        pair_figures(args.figures_against.resolve(), [f for f in files if f.stat().st_size > 1e6], args.runs)
        return
    print("| file | MB | calls | paragraphs | parse (median) | MB/s | `info --json` process | peak RSS |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for path in files:
        mb = path.stat().st_size / 1e6
        parse_s, calls, paragraphs = time_parse(path, args.runs)
        wall, peak = time_info(path, max(3, args.runs // 2))
        print(
            f"| {path.name} | {mb:.2f} | {calls} | {paragraphs:,} | {parse_s * 1000:.0f} ms "
            f"| {mb / parse_s:.1f} | {wall * 1000:.0f} ms | {peak:.0f} MiB |"
        )
    print(f"\npython {sys.version.split()[0]}, {resource.getpagesize()} B pages, runs={args.runs}")


if __name__ == "__main__":
    main()
