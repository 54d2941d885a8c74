"""What each deferred import would cost the window's start-up: the start-up policy's evidence.

    .venv/bin/python -m bench.import_costs [--runs 9]

Each measure is a fresh process that first imports what the window imports before its first paint
(`reader.ui.app` and the main window), then times importing one deferred module on top of that.
The policy (README, "Start-up policy") defers an import only where this is at least 5 ms. The
module list is every function-level import in reader/ (tests/test_structure.py finds them), plus
two references that are imported at the top: `datetime` and the note dialog. Medians of --runs
processes, in the order of the runs interleaved, so a busy machine slows them all alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

BASE = "import reader.ui.app, reader.ui.window.main_window"
DEFERRED = {
    "importlib.metadata": "reader/__init__: the version (About box, --version)",
    "reader.ui.app": "cli.entry: the window (Qt) for a subcommand",
    "reader.cli.info": "cli.entry: the info command",
    "reader.cli.notes": "cli.entry: the notes command",
    "reader.cli.search": "cli.entry: the index and search commands",
    "reader.desktop_install": "cli.entry: --install-desktop-entry",
    "charset_normalizer": "core.decoding: a file in no encoding tried first",
    "reader.core.notes.store": "ui.notes.service: the notes store",
    "reader.core.notes.carry": "ui.notes.service: carrying notes to a new version",
    "reader.core.notes.export,reader.core.notes.backup": "ui.notes.window_notes: exporting notes",
    "reader.ui.notes.panel": "ui.notes.window_notes: the notes panel",
    "reader.ui.search.backend": "ui.search.service: the search core (Whoosh)",
    "reader.ui.search.panel": "ui.search.window_search: the search panel",
    "reader.ui.search.library_panel": "ui.search.window_search: the library panel",
    "reader.core.analysis": "ui.view.loading: the figure analysis (Pygments)",
    "reader.ui.view.figure_tips": "ui.view.figures: a figure's tooltip",
    "reader.core.figures": "ui.view.highlighter: the figure lexers",
    "reader.core.notes.anchors": "ui.view.note_marks: anchoring a new note (difflib)",
    "reader.ui.export.window_export": "ui.window.extra_commands: printing and exporting",
}
REFERENCES = {
    "datetime": "imported at the top (notes models)",
    "reader.ui.notes.dialog": "imported at the top (note_marks)",
}
CODE = (
    BASE
    + "\nimport importlib, sys, time\nt = time.perf_counter()\n"
    + "for m in sys.argv[1].split(','):\n    importlib.import_module(m)\n"
    + "print((time.perf_counter() - t) * 1000)\n"
)


def measure(modules: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", CODE, modules], capture_output=True, text=True, check=True, env=env
    )
    return float(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    cases = {**DEFERRED, **REFERENCES}
    times: dict[str, list[float]] = {m: [] for m in cases}
    for _ in range(args.runs):
        for module in cases:
            times[module].append(measure(module))
    print(f"| module | where it is imported | ms (median of {args.runs}) | min | deferred |")
    print("| --- | --- | --- | --- | --- |")
    for module, where in cases.items():
        ms = times[module]
        print(
            f"| `{module}` | {where} | {statistics.median(ms):.1f} | {min(ms):.1f} | "
            f"{'yes' if module in DEFERRED else 'no'} |"
        )


if __name__ == "__main__":
    main()
