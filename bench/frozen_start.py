"""Start-up of the frozen app to first paint, against the bare-Qt floor: paired whole-process runs.

    build/build-app.sh                         # dist/transcript-reader, if not built yet
    .venv/bin/python -m bench.frozen_start [--runs 11] [--platform offscreen|xcb] [--until paint|picture]

Each round runs, on the same file, the frozen app `dist/transcript-reader/transcript-reader FILE
--exit-after-paint --mode side` (start, parse, lay out, first paint of the text, exit; with
`--until picture`: `--screenshot OUT.png`, which waits until the call is ready and saves its
picture), the floor
`python ../shared/bench/floor_qt.py FILE` (a bare PySide6 window showing the file's lines in two
panes, exiting after its first paint), and for reference the source app
`.venv/bin/transcript-reader` with the same arguments. Each is measured as a whole process by
bench/measure.py (wall time, peak RSS); the order within a round alternates, and one warm-up
round is not counted. The table gives medians and ratios of medians; the goal (issue 7) is the
frozen app within 2x the floor.

"Cold" means a new process each time, the OS file cache warm (the warm-up round fills it), as
for a user's second and later starts; caches are not dropped (that would disturb the machine).
`--platform xcb` needs an X server: DISPLAY=:99 with `Xvfb :99 -screen 0 1400x900x24 &`.
Without ../shared (a fresh clone) there is no floor: the app's own times are printed on a fixture.
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

from bench import measure
from bench.ending import add_until, app_args

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOOR = SHARED / "bench" / "floor_qt.py"
SEEDS = SHARED / "transcripts"
FROZEN = ROOT / "dist" / "transcript-reader" / "transcript-reader"
SOURCE = ROOT / ".venv" / "bin" / "transcript-reader"
FIXTURE = ROOT / "tests" / "fixtures" / "basic.txt"
GOAL = 2.0


def run(command: list[str], env: dict[str, str]) -> dict:
    """One whole process through bench/measure.py: {"wall": s, "peak_mib": MiB, "status": code}."""
    out = subprocess.run(
        [sys.executable, "-m", measure.__name__, *command],
        capture_output=True, check=True, cwd=ROOT, env=env, text=True,
    )  # fmt: skip
    result: dict = json.loads(out.stdout)
    if result["status"] != 0:
        print(f"exit status {result['status']}: {' '.join(command)}", file=sys.stderr)
    return result


def median(results: list[dict], key: str) -> float:
    """The median of the runs that exited 0 (NaN, printed as "nan", when none did)."""
    ok = [r[key] for r in results if r["status"] == 0]
    return statistics.median(ok) if ok else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="rounds counted (default 11)")
    parser.add_argument("--platform", choices=("offscreen", "xcb"), default="offscreen")
    parser.add_argument("--file", type=Path, help="the transcript (default: the first seed, else a fixture)")
    add_until(parser)
    args = parser.parse_args()
    if not FROZEN.is_file():
        raise SystemExit(f"no {FROZEN.relative_to(ROOT)}: run build/build-app.sh first")
    have_floor = FLOOR.is_file()
    file = args.file or (min(SEEDS.glob("*.txt")) if SEEDS.is_dir() else FIXTURE)

    with tempfile.TemporaryDirectory(prefix="frozen-start-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform, XDG_CONFIG_HOME=tmp, TRANSCRIPT_READER_DATA=tmp)
        if args.platform == "xcb" and not env.get("DISPLAY"):
            raise SystemExit("--platform xcb needs DISPLAY (e.g. Xvfb :99 and DISPLAY=:99)")
        shot = str(Path(tmp) / "shot.png")
        until = app_args(args.until, shot)
        cases = {
            "frozen app": [str(FROZEN), str(file), *until, "--mode", "side"],
            "source app": [str(SOURCE), str(file), *until, "--mode", "side"],
        }
        if have_floor:
            cases["floor"] = [sys.executable, str(FLOOR), str(file)]
        results: dict[str, list[dict]] = {name: [] for name in cases}
        for r in range(args.runs + 1):
            order = list(cases) if r % 2 else list(reversed(cases))
            for name in order:
                result = run(cases[name], env)
                if r > 0:  # round 0 warms the file cache
                    results[name].append(result)
            print(f"round {r}/{args.runs} done", file=sys.stderr)

    size = f"{file.stat().st_size / 1024:.0f} KiB"
    print(f"\nfile {file.name} ({size}), platform {args.platform}, {args.runs} rounds")
    print("| process | wall (median) | peak RSS (median) | wall / floor | peak / floor | failed |")
    print("| --- | --- | --- | --- | --- | --- |")
    floor = results.get("floor")
    for name, rs in results.items():
        wall, peak = median(rs, "wall"), median(rs, "peak_mib")
        ratios = ["–", "–"]
        if floor:
            ratios = [f"{wall / median(floor, 'wall'):.2f}x", f"{peak / median(floor, 'peak_mib'):.2f}x"]
        failed = sum(r["status"] != 0 for r in rs)
        print(f"| {name} | {wall * 1000:.0f} ms | {peak:.0f} MiB | {ratios[0]} | {ratios[1]} | {failed} |")
    if floor:
        ratio = median(results["frozen app"], "wall") / median(floor, "wall")
        verdict = "met" if ratio <= GOAL else "NOT met"
        print(f"\nfrozen app / floor, wall: {ratio:.2f}x (goal {GOAL:g}x): {verdict}")
    print(f"python {sys.version.split()[0]}; ratio = median(process) / median(floor)")


if __name__ == "__main__":
    main()
