"""Opening a file to first paint: the app's whole process against the bare-Qt floor, paired runs.

    .venv/bin/python -m bench.open_bench [--runs 7] [--modes side interleaved] [--until paint|picture]

Each round runs every case once, and each case is a pair: `transcript-reader FILE
--exit-after-paint --mode M` (A: ends in the paint that first draws the file's text; with
`--until picture`, `--screenshot OUT.png`: ends once the call is ready, figures coloured and
panes aligned, and its picture saved), then `python ../shared/bench/floor_qt.py SEED` (B),
both offscreen and with a temporary XDG_CONFIG_HOME, each measured as a whole process by
bench/measure.py (wall, peak RSS). A table of medians and ratios of medians follows. Bars
(issue): a seed opens within 1.5x the floor's wall time and peak memory on the same file; a
5 MB file within 4x the floor's wall time on ecarx. Without ../shared (a fresh clone) the seed
cases and the ratios are skipped and only the app's own times on the 5 MB corpus file are
printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import make_library_file
from bench.ending import add_until, app_args

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "transcripts"
FLOOR = SHARED / "bench" / "floor_qt.py"
SHELL = ROOT / "bench" / "shell_floor.py"
APP = ROOT / ".venv" / "bin" / "transcript-reader"
SEED_BAR, BIG_BAR = 1.5, 4.0


@dataclass
class Case:
    file: Path
    mode: str
    floor_file: Path | None  # what the floor opens in the same pair (None: no floor)
    bar: float
    memory_bar: bool  # the memory ratio is part of the bar
    app: list[dict] = field(default_factory=list)
    floor: list[dict] = field(default_factory=list)
    shell: list[dict] = field(default_factory=list)  # bench/shell_floor.py, with --shell


def measure(command: list[str], env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.measure", *command],
        capture_output=True, check=True, cwd=ROOT, env=env, text=True,
    )  # fmt: skip
    result = json.loads(out.stdout)
    if result["status"] != 0:  # recorded, left out of the medians, counted in the table
        print(f"exit status {result['status']}: {' '.join(command)}", file=sys.stderr)
    return result


def big_files() -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    big = OUT / "60calls.txt"
    big.write_text(make_library_file(60), encoding="utf-8")
    files = [big]
    if SEEDS.is_dir():  # the seeds pasted 30 times each, as parse_bench does
        pasted = OUT / "seeds-x60.txt"
        seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
        pasted.write_text("\n".join(seeds[i % len(seeds)] for i in range(60)), encoding="utf-8")
        files.append(pasted)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="pairs per case (default 7)")
    parser.add_argument("--modes", nargs="+", default=["side", "interleaved"])
    parser.add_argument("--big-modes", nargs="*", default=["side", "interleaved"], help="for the 5 MB files")
    parser.add_argument(
        "--shell",
        action="store_true",
        help="also run bench/shell_floor.py (the reader's window shape, none of its work) on the seeds",
    )
    add_until(parser)
    args = parser.parse_args()
    # An installed app runs from compiled bytecode; this environment sets PYTHONDONTWRITEBYTECODE,
    # which would otherwise have the app compile its ~90 modules from source on every run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reader")], check=True)

    have_shared = SEEDS.is_dir() and FLOOR.is_file()
    if not have_shared:
        print(f"{SHARED} is absent: skipping the seed files and the floor; app times only.\n")
    cases: list[Case] = []
    if have_shared:
        ecarx = SEEDS / "ecarx-2024q2.txt"
        for seed in sorted(SEEDS.glob("*.txt")):
            cases += [Case(seed, m, seed, SEED_BAR, True) for m in args.modes]
        cases += [Case(f, m, ecarx, BIG_BAR, False) for f in big_files() for m in args.big_modes]
    else:
        cases += [Case(f, m, None, BIG_BAR, False) for f in big_files() for m in args.big_modes]

    with tempfile.TemporaryDirectory(prefix="open-bench-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=tmp)
        shot = str(Path(tmp) / "shot.png")
        for r in range(args.runs):
            for c in cases:  # A B, case after case, round after round
                until = app_args(args.until, shot)
                c.app.append(measure([str(APP), str(c.file), *until, "--mode", c.mode], env))
                if c.floor_file is not None:
                    c.floor.append(measure([sys.executable, str(FLOOR), str(c.floor_file)], env))
                if args.shell and c.memory_bar:
                    shell = [sys.executable, str(SHELL), str(c.file), "--screenshot", shot]
                    c.shell.append(measure(shell, env))
            print(f"round {r + 1}/{args.runs} done", file=sys.stderr)

    def med(results: list[dict], key: str) -> float:
        return statistics.median(x[key] for x in results if x["status"] == 0)

    def failures(c: Case) -> str:
        bad = [x["status"] for x in c.app if x["status"] != 0]
        return f"{len(bad)}/{len(c.app)} (status {', '.join(map(str, sorted(set(bad))))})" if bad else "0"

    head = "| file | mode | app wall | floor wall (on) | wall ratio | app peak | floor peak | peak ratio "
    head += "| bar | met | app failed |"
    print(head)
    print("| --- " * head.count(" | ") + "| --- |")
    for c in cases:
        aw, ap = med(c.app, "wall"), med(c.app, "peak_mib")
        if not c.floor:
            row = [c.file.name, c.mode, f"{aw:.2f} s", "–", "–", f"{ap:.0f} MiB", *["–"] * 4, failures(c)]
            print("| " + " | ".join(row) + " |")
            continue
        fw, fp = med(c.floor, "wall"), med(c.floor, "peak_mib")
        wr, pr = aw / fw, ap / fp
        met = wr <= c.bar and (pr <= c.bar or not c.memory_bar)
        bar = f"{c.bar:g}x wall" + (" and peak" if c.memory_bar else "")
        print(
            f"| {c.file.name} | {c.mode} | {aw:.2f} s | {fw:.2f} s ({c.floor_file.name}) | {wr:.2f}x "  # type: ignore[union-attr]
            f"| {ap:.0f} MiB | {fp:.1f} MiB | {pr:.2f}x | {bar} | {'yes' if met else 'NO'} | {failures(c)} |"
        )
    shells = [c for c in cases if c.shell and c.floor]
    if shells:
        print("\n| file | mode | floor | shell (window shape + picture) | app | shell / floor | app / floor "
              "| app / shell | peak: floor, shell, app |")  # fmt: skip
        print("| --- " * 9 + "|")
        for c in shells:
            fw, sw, aw = med(c.floor, "wall"), med(c.shell, "wall"), med(c.app, "wall")
            peaks = ", ".join(f"{med(x, 'peak_mib'):.0f}" for x in (c.floor, c.shell, c.app))
            print(
                f"| {c.file.name} | {c.mode} | {fw:.2f} s | {sw:.2f} s | {aw:.2f} s | {sw / fw:.2f}x "
                f"| {aw / fw:.2f}x | {aw / sw:.2f}x | {peaks} MiB |"
            )
    print(
        f"\npython {sys.version.split()[0]}, {args.runs} pairs per case, medians of the runs that exited 0; "
        "ratio = median(app) / median(floor)"
    )


if __name__ == "__main__":
    main()
