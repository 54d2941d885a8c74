"""Start-up of two checkouts of transcript-reader and the bare-Qt floor, paired in one run.

    .venv/bin/python -m bench.startup_paired --a BASELINE_CHECKOUT [--b .] [--rounds 11]
                                             [--modes side interleaved] [--files F ...] [--json OUT]
                                             [--until paint|picture]

BASELINE_CHECKOUT is another worktree of this repository with its own `.venv` (`./dev setup`),
at the commit the issue names (e.g. `git worktree add ../base dab3995`).

Issue 19's bar: opening a real transcript to every pane painted (`--exit-after-paint`) within
2.0x the bare Qt floor (../shared/bench/floor_qt.py) in wall time and 1.5x in peak memory, and
no more than 5% slower than before the redesign (A = the baseline checkout, B = the redesign).
With `--until picture`, A and B run with `--screenshot` instead: issue 24's "ready" (shown,
aligned, figures coloured, the picture saved) within 2.5x the floor.

Measured as bench/open_bench.py does: each command is one whole process (wall time, peak RSS of
that process from wait4), started by a small measuring process so that the benchmark's own
pages never count; offscreen; medians of the runs that exited 0; ratios are ratios of medians.
Each round runs every case once, and each case runs A, B and the floor back to back, in an order
that rotates from round to round so that no one of them always goes first. A = `A/.venv/bin/python
-m reader FILE --exit-after-paint --mode M`, B likewise with B's own venv, floor = `A's python
floor_qt.py FILE`. Every process gets fresh, empty XDG_CONFIG_HOME, XDG_DATA_HOME and
TRANSCRIPT_READER_DATA.

Bytecode: this environment sets PYTHONDONTWRITEBYTECODE, which would have each run compile the
app from source. Here every process runs with PYTHONPYCACHEPREFIX set to one scratch folder, so
bytecode is written and read there (never inside a checkout), and one round that is not counted
warms it for A, B and the floor alike.

The cpu columns (user + system time of the app's process) are not part of the bar; they move
much less than wall time when other engineers load the machine, so they help read a B/A wall
ratio near 1.05. The column "B/A wall paired" gives the median of the per-round ratios B/A, a
second view of the same pairs; with --b equal to --a the ratios show the run's noise. The cpu of
a process that forks (the app's prefetch child) counts the child only once it is waited for,
which `--exit-after-paint` does not do.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.ending import HELP, add_until, app_args

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TRANSCRIPTS = SHARED / "transcripts"
DEFAULT_FILES = [TRANSCRIPTS / "ecarx-2024q2.txt", TRANSCRIPTS / "enovix-2024q2.txt"]
FLOOR = SHARED / "bench" / "floor_qt.py"
WALL_BAR, PEAK_BAR, REGRESSION_BAR = 2.0, 1.5, 1.05
READY_BAR = 2.5  # --until picture
TIMEOUT = 120

# Run by the checkout's python with -I -S: a small process that starts the command, waits for it
# and prints its wall time and peak RSS as JSON (bench/measure.py's method).
MEASURE = """
import json, os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
timer_expired = False
try:
    _, err = proc.communicate(timeout=float(os.environ["STARTUP_COMPARE_TIMEOUT"]))
except subprocess.TimeoutExpired:
    proc.kill()
    _, err = proc.communicate()
    timer_expired = True
wall = time.perf_counter() - start
# communicate() reaped the child; its peak RSS is the max over this process's waited children.
import resource
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "peak_mib": usage.ru_maxrss / 1024,
                  "cpu": usage.ru_utime + usage.ru_stime,
                  "status": -999 if timer_expired else proc.returncode,
                  "stderr": err.decode("utf-8", "replace")[-400:]}))
"""

KINDS = ("A", "B", "floor")


@dataclass
class Case:
    file: Path
    mode: str
    runs: dict[str, list[dict]] = field(default_factory=lambda: {k: [] for k in KINDS})


def checkout_python(path: Path) -> Path:
    python = path / ".venv" / "bin" / "python"
    if not python.is_file():
        sys.exit(f"error: {python} missing: run ./dev setup in {path}")
    found = subprocess.run(
        [str(python), "-c", "import reader; print(reader.__file__)"],
        capture_output=True, text=True, cwd="/", check=False,
    )  # fmt: skip
    if found.returncode != 0 or not found.stdout.strip().startswith(str(path.resolve()) + "/"):
        sys.exit(
            f"error: {python} imports reader from {found.stdout.strip() or found.stderr.strip()}, not {path}"
        )
    return python


def describe(path: Path) -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(path), *args], capture_output=True, text=True, check=False
        ).stdout.strip()

    dirty = len(git("status", "--porcelain").splitlines())
    return f"{path} @ {git('rev-parse', '--short', 'HEAD')}" + (
        f" (+{dirty} uncommitted files)" if dirty else ""
    )


def measure(python: Path, command: list[str], scratch: Path, env: dict[str, str]) -> dict:
    """One whole-process run of `command`, with fresh settings and data folders."""
    home = Path(tempfile.mkdtemp(dir=scratch))
    for sub in ("config", "data", "reader-data"):
        (home / sub).mkdir()
    run_env = dict(
        env,
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        TRANSCRIPT_READER_DATA=str(home / "reader-data"),
        XDG_RUNTIME_DIR=str(home),
    )
    out = subprocess.run(
        [str(python), "-I", "-S", "-c", MEASURE, *command],
        capture_output=True, text=True, cwd=str(home), env=run_env, check=True,
    )  # fmt: skip
    shutil.rmtree(home, ignore_errors=True)
    result = json.loads(out.stdout)
    if result["status"] != 0:
        print(
            f"  exit status {result['status']}: {' '.join(command)}: {result['stderr'].strip()[-200:]}",
            file=sys.stderr,
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--a", type=Path, required=True, help="baseline checkout, with its own .venv")
    parser.add_argument(
        "--b", type=Path, default=ROOT, help="checkout to compare with it (default: this one)"
    )
    parser.add_argument("--rounds", type=int, default=11, help="counted rounds (default 11)")
    parser.add_argument("--modes", nargs="+", default=["side", "interleaved"])
    parser.add_argument("--files", nargs="+", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--floor", type=Path, default=FLOOR)
    parser.add_argument("--json", type=Path, help="also write every run's numbers here")
    add_until(parser, f"{HELP}; issue 19's bar at the paint, issue 24's at the picture (within {READY_BAR}x)")
    args = parser.parse_args()
    wall_bar = WALL_BAR if args.until == "paint" else READY_BAR

    a_dir, b_dir = args.a.resolve(), args.b.resolve()
    py = {"A": checkout_python(a_dir), "B": checkout_python(b_dir)}
    py["floor"] = py["A"]
    for f in [*args.files, args.floor]:
        if not f.is_file():
            sys.exit(f"error: {f} missing")

    cases = [Case(f, m) for f in args.files for m in args.modes]

    def command(kind: str, c: Case) -> list[str]:
        if kind == "floor":
            return [str(py["floor"]), str(args.floor), str(c.file)]
        until = app_args(args.until, scratch / "shot.png")
        return [str(py[kind]), "-m", "reader", str(c.file), *until, "--mode", c.mode]

    b_at_start = describe(b_dir)  # a checkout someone works in can change during the run
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="startup-compare-") as tmp:
        scratch = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            PYTHONPYCACHEPREFIX=str(scratch / "pycache"),
            STARTUP_COMPARE_TIMEOUT=str(TIMEOUT),
            LANG="C.UTF-8",
            LC_ALL="C.UTF-8",
        )
        env.pop("DISPLAY", None)
        for c in cases:  # warm-up: fills the bytecode cache and the file cache; not counted
            for kind in KINDS:
                measure(py[kind], command(kind, c), scratch, env)
        print("warm-up done", file=sys.stderr)
        for r in range(args.rounds):
            order = KINDS[r % 3 :] + KINDS[: r % 3]  # A B F, B F A, F A B, ...
            for c in cases:
                for kind in order:
                    c.runs[kind].append(measure(py[kind], command(kind, c), scratch, env))
            print(f"round {r + 1}/{args.rounds} done", file=sys.stderr)
    load_after = os.getloadavg()

    def ok(runs: list[dict]) -> list[dict]:
        return [x for x in runs if x["status"] == 0]

    def med(runs: list[dict], key: str) -> float:
        good = ok(runs)
        return statistics.median(x[key] for x in good) if good else float("nan")

    def paired(c: Case, key: str) -> float:
        ratios = [
            b[key] / a[key]
            for a, b in zip(c.runs["A"], c.runs["B"], strict=True)
            if a["status"] == 0 and b["status"] == 0
        ]
        return statistics.median(ratios) if ratios else float("nan")

    def spread(c: Case, key: str) -> str:
        """The quartiles of the per-round B/A ratios: how far one round's pair can be off."""
        ratios = [
            b[key] / a[key]
            for a, b in zip(c.runs["A"], c.runs["B"], strict=True)
            if a["status"] == 0 and b["status"] == 0
        ]
        if len(ratios) < 2:
            return "–"
        q1, _, q3 = statistics.quantiles(ratios, n=4)
        return f"{q1:.2f}–{q3:.2f}"

    b_at_end = describe(b_dir)
    b_state = (
        b_at_start
        if b_at_start == b_at_end
        else f"{b_at_start} at the start, {b_at_end} at the end (CHANGED during the run)"
    )
    print(f"\nA = {describe(a_dir)}\nB = {b_state}\nfloor = {args.floor} (run by A's python)")
    print(
        f"{args.rounds} rounds (+1 warm-up not counted), offscreen, started {started}, "
        f"load average {load_before[0]:.1f} before / {load_after[0]:.1f} after, "
        f"{os.cpu_count()} CPUs, python {platform.python_version()}\n"
    )
    head = [
        "file", "mode", "A wall ms", "B wall ms", "floor wall ms", "B/floor wall", "A/floor wall",
        "B/A wall", "B/A wall paired", "paired IQR", "A peak MiB", "B peak MiB", "floor peak MiB",
        "B/floor peak", "A/floor peak", "B/A peak", "A cpu ms", "B cpu ms", "B/A cpu",
        "failed A/B/floor", "bar met (B)",
    ]  # fmt: skip
    print("| " + " | ".join(head) + " |")
    print("|" + " --- |" * len(head))
    for c in cases:
        w = {k: med(c.runs[k], "wall") * 1000 for k in KINDS}
        p = {k: med(c.runs[k], "peak_mib") for k in KINDS}
        cpu = {k: med(c.runs[k], "cpu") * 1000 for k in KINDS}
        failed = "/".join(str(len(c.runs[k]) - len(ok(c.runs[k]))) for k in KINDS)
        met = (
            w["B"] / w["floor"] <= wall_bar
            and p["B"] / p["floor"] <= PEAK_BAR
            and (args.until == "picture" or w["B"] / w["A"] <= REGRESSION_BAR)
        )
        row = [
            c.file.name, c.mode, f"{w['A']:.0f}", f"{w['B']:.0f}", f"{w['floor']:.0f}",
            f"{w['B'] / w['floor']:.2f}x", f"{w['A'] / w['floor']:.2f}x", f"{w['B'] / w['A']:.3f}",
            f"{paired(c, 'wall'):.3f}", spread(c, "wall"),
            f"{p['A']:.1f}", f"{p['B']:.1f}", f"{p['floor']:.1f}",
            f"{p['B'] / p['floor']:.2f}x", f"{p['A'] / p['floor']:.2f}x", f"{p['B'] / p['A']:.3f}",
            f"{cpu['A']:.0f}", f"{cpu['B']:.0f}", f"{cpu['B'] / cpu['A']:.3f}", failed,
            "yes" if met else "NO",
        ]  # fmt: skip
        print("| " + " | ".join(row) + " |")
    print(
        (
            f"\nbar (issue 19): B/floor wall <= {WALL_BAR}x, B/floor peak <= {PEAK_BAR}x, "
            f"B/A wall <= {REGRESSION_BAR}"
            if args.until == "paint"
            else f"\nbar (issue 24, ready): B/floor wall <= {READY_BAR}x, B/floor peak <= {PEAK_BAR}x"
        )
        + " (ratios of medians; 'paired' = median of per-round B/A, IQR = their quartiles)\n"
        "cpu = user + system time of the app's process (all its threads): not part of the bar, but "
        "far less sensitive than wall time to other work on the machine"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "a": describe(a_dir),
                    "b": b_state,
                    "rounds": args.rounds,
                    "until": args.until,
                    "started": started,
                    "cases": [{"file": c.file.name, "mode": c.mode, "runs": c.runs} for c in cases],
                },
                indent=1,
            )
        )


if __name__ == "__main__":
    main()
