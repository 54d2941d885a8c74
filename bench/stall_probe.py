"""Does the GUI thread stall while a file loads, and while one scrolls through it?

    .venv/bin/python -m bench.stall_probe FILE [--mode side] [--no-sample] [--json OUT.json]
    .venv/bin/python -m bench.stall_probe --corpus       (builds bench/out/60calls.txt and probes it)
    .venv/bin/python -m bench.stall_probe FILE --export  (File ▸ Export PDF of the call, not scrolling)
    .venv/bin/python -m bench.stall_probe FILE --preview (File ▸ Print Preview of the call, not scrolling)

Runs the main window in this process (offscreen unless QT_QPA_PLATFORM says otherwise, settings
in a temporary XDG_CONFIG_HOME and read-only). A 5 ms PreciseTimer on the GUI thread records the
gap between its ticks: a gap well over 5 ms is time the event loop could not run. The file is
opened with `window.open_path()` right before `window.show()`, as `transcript-reader FILE` does,
and the probe reports, from that moment: the window's first paint, the first paint of a text pane,
`loaded`, `ready`, and the end of the background figure analysis (every paragraph in
`view.figs.analysis`); the largest gaps, and what was running in each: the spans of the app's own
functions (wrapped here, timed) that overlap the gap, cyclic-GC passes, and samples of the GUI
thread's Python stack taken by a watchdog thread while the gap lasted (`--no-sample` turns it off).
Then it scrolls the current call's active pane top to bottom (a quarter page every 16 ms), switches
to a few other calls with `view.set_call()` and, once each is shown, scrolls 40 steps in it, and
reports the frame gaps there: all of them (`scroll:`), those while a call is switched to (from
set_call() until the call shows) and those while scrolling. Nothing in reader/ is changed: the
timing wrappers are installed on the classes at run time, in this process only. The probe exits
with 1, saying why on stderr, when a phase did not run as planned (the file not loaded, a call
not shown, a scroll cut short): its numbers would not measure what they say.
With `--export`, it triggers File ▸ Export PDF instead (the window quiet: the options
as shown, the save dialog answered with a temporary file) and reports the frame gaps from the
trigger until the printout's job says it is done. `--preview` triggers File ▸ Print Preview
(its dialog not shown; its preview widget asks for the pages at once, as the dialog does on
showing) and reports the gaps until the pages are laid out and painted (the timing wrappers and
that answer are installed at run time too).
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STALL = 0.050  # a frame gap over this is a stall
TICK_MS = 5
SCROLL_MS = 16


def now() -> float:
    return time.perf_counter()


@dataclass
class Probe:
    t0: float = 0.0
    ticks: list[float] = field(default_factory=list)
    gui_cpu: list[float] = field(default_factory=list)  # the GUI thread's CPU time at each tick
    all_cpu: list[float] = field(default_factory=list)  # the process's CPU time at each tick
    phases: list[tuple[float, str]] = field(default_factory=list)  # (time, what starts)
    marks: dict[str, float] = field(default_factory=dict)  # first time of each milestone
    spans: list[tuple[float, float, str, int]] = field(default_factory=list)  # start, end, name, depth
    gcs: list[tuple[float, float, int, str]] = field(default_factory=list)  # start, end, gen, thread
    samples: dict[float, list[str]] = field(default_factory=lambda: collections.defaultdict(list))
    worker_samples: dict[float, list[str]] = field(default_factory=lambda: collections.defaultdict(list))
    depth: int = 0

    def mark(self, name: str) -> None:
        if name not in self.marks:
            self.marks[name] = now()

    def phase(self, name: str) -> None:
        self.phases.append((now(), name))

    def phases_in(self, a: float, b: float) -> list[str]:
        """The phase going on at `a` and those that began before `b`."""
        current, out = "start", []
        for when, name in self.phases:
            if when <= a:
                current = name
            elif when < b:
                out.append(name)
        return [current, *out]


P = Probe()


# --- timing wrappers (this process only) ------------------------------------------------------------


def _timed(name: str, fn):  # type: ignore[no-untyped-def]
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread():
            return fn(*args, **kwargs)
        start = now()
        P.depth += 1
        try:
            return fn(*args, **kwargs)
        finally:
            P.depth -= 1
            end = now()
            if end - start >= 0.001:
                P.spans.append((start, end, name, P.depth))

    return wrapper


PER_BLOCK = {"FigureHighlighter.highlightBlock", "Pane.paintEvent", "Pane.set_layer", "PairAligner._follow"}


def install_wrappers(per_block: bool) -> None:
    """Time the app's own steps; `per_block` also times the methods Qt calls per block or frame
    (adds a Python call to each, so it is off unless asked for)."""
    from reader.ui.export import window_export
    from reader.ui.view import aligner, highlighter, pane
    from reader.ui.view import figures as view_figures
    from reader.ui.view import transcript_view as view
    from reader.ui.window import main_window as window
    from reader.ui.window import sidepanel

    targets = [
        (view.TranscriptView, ["show_transcript", "_build_call", "_apply_filter", "_apply_mode",
                               "_build_documents",
                               "_check_ready", "set_call", "_show_call",
                               "_mark_matches", "report_position", "scroll_to_row"]),
        (view_figures.ViewFigures, ["update_flags", "_analysed", "analyse"]),
        (aligner.PairAligner, ["align", "clear", "realign_scroll", "_follow", "_slice"]),
        (highlighter.FigureHighlighter, ["refresh_paragraphs", "rehighlight", "highlightBlock", "_slice",
                                         "admit"]),
        (pane.Pane, ["set_document", "set_flags", "paintEvent", "set_layer"]),
        (sidepanel.SidePanel, ["set_transcript", "set_call"]),
        (window.MainWindow, ["_loaded", "_tab_changed", "_position", "open_path"]),
        (window_export.WindowExport, ["ask_pdf", "ask_options", "export_pdf", "_print", "_done"]),
    ]  # fmt: skip
    for cls, names in targets:
        for name in names:
            if hasattr(cls, name) and (per_block or f"{cls.__name__}.{name}" not in PER_BLOCK):
                setattr(cls, name, _timed(f"{cls.__name__}.{name}", getattr(cls, name)))
    try:  # (a tree from before call_switch.py calls `prepare` from the view: for paired runs)
        from reader.ui.view import call_switch
    except ImportError:
        call_switch = view
    for module, name in ((view, "load"), (call_switch, "prepare")):  # the worker's steps, where called
        setattr(module, name, _timed(name, getattr(module, name)))


def install_gc_callback() -> None:
    started: dict[int, float] = {}

    def callback(phase: str, info: dict) -> None:
        ident = threading.get_ident()
        if phase == "start":
            started[ident] = now()
        elif ident in started:
            P.gcs.append((started.pop(ident), now(), info["generation"], threading.current_thread().name))

    gc.callbacks.append(callback)


# --- watchdog: what the GUI thread is doing during a gap --------------------------------------------


def _stack(frame) -> str:  # type: ignore[no-untyped-def]
    parts: list[str] = []
    while frame is not None and len(parts) < 40:
        code = frame.f_code
        path = code.co_filename
        if "/reader/" in path or "/bench/" in path:
            short = path.split("/reader/")[-1] if "/reader/" in path else "bench/" + path.split("/bench/")[-1]
            parts.append(f"{short.removesuffix('.py')}:{code.co_name}:{frame.f_lineno}")
        elif not parts:
            parts.append(f"{Path(path).name}:{code.co_name}")
        frame = frame.f_back
    if parts and parts[0].startswith("bench/stall_probe:run:"):  # the frame that called app.exec()
        return "no Python frame: in Qt's C++ (layout, paint, events) or waiting for the GIL"
    return " < ".join(parts[:4])


def watchdog(stop: threading.Event) -> None:
    gui = threading.main_thread().ident
    while not stop.is_set():
        time.sleep(0.004)
        last = P.ticks[-1] if P.ticks else None
        if last is None or now() - last < 0.020:
            continue
        frames = sys._current_frames()  # noqa: SLF001
        if gui in frames:
            P.samples[last].append(_stack(frames[gui]))
        for thread in threading.enumerate():
            if thread.name == "reader-job" and thread.ident in frames:
                P.worker_samples[last].append(_stack(frames[thread.ident]))


# --- the run ------------------------------------------------------------------------------------------


def run(
    path: Path, mode: str, sample: bool, scroll_calls: int, timeout: float, opts: argparse.Namespace
) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="stall-probe-")
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui import config, i18n, theme
    from reader.ui.window.main_window import MainWindow

    install_wrappers(opts.per_block)
    install_gc_callback()
    from reader import runtime

    runtime.configure(window=True)  # the GC threshold and switch interval of the app's window
    if opts.switchinterval:
        sys.setswitchinterval(opts.switchinterval)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Transcript Reader")
    app.setOrganizationName("transcript-reader")
    settings = config.Settings(read_only=True)
    i18n.install_translators(app, settings.get(config.LANGUAGE))
    theme.apply_scheme(settings.get(config.THEME))
    settings.set(config.VIEW_MODE, mode)
    window = MainWindow(
        settings, quiet=opts.export or opts.preview
    )  # quiet: the print options as shown, no dialog
    window.resize(1320, 860)

    class PaintSpy(QObject):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                P.mark(self.name)
            return False

    spies = [PaintSpy("first paint (window)")]
    window.installEventFilter(spies[0])

    def tick() -> None:
        P.ticks.append(now())
        P.gui_cpu.append(time.thread_time())
        P.all_cpu.append(time.process_time())
        v = window.view()
        t = v.transcript if v is not None else None
        if (
            "analysis done" not in P.marks
            and v is not None
            and t is not None
            and "ready" in P.marks
            and not v.partial  # a big file's head shows first; the rest is parsed after
            and t.calls[v.call].first in v.figs.analysis  # figures are checked call by call, when shown
        ):
            P.mark("analysis done")
            P.phase("idle after analysis")
            phase = export_phase if opts.export else preview_phase if opts.preview else scroll_phase
            QTimer.singleShot(300, phase)

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(TICK_MS)
    probe.timeout.connect(tick)

    scroll: dict = {"calls": [], "setcall": [], "errors": []}

    def scroll_phase() -> None:
        v = window.view()
        assert v is not None and v.transcript is not None
        n = len(v.transcript.calls)
        others = sorted({min(n - 1, k) for k in (1, n // 2, n - 1)} - {v.call})[:scroll_calls]
        plan: list[tuple[int, int | None]] = [(v.call, None)] + [(c, 40) for c in others]
        scroll["plan"] = plan
        scroll["start"] = now()

        def step_call(i: int) -> None:
            if i >= len(plan):
                scroll["end"] = now()
                P.phase("done")
                QTimer.singleShot(100, app.quit)
                return
            call, steps = plan[i]
            if call == v.call:
                start_scroll(i)
                return
            # set_call() finds the call's figures and builds its documents on a worker: the switch
            # lasts until `then` runs (the call is shown), and the scrolling starts only after it.
            P.phase(f"set_call({call})")
            start = now()

            def shown() -> None:
                scroll["setcall"].append((call, now() - start))
                if v.call != call:
                    scroll["errors"].append(f"set_call({call}) showed call {v.call}")
                QTimer.singleShot(0, lambda: start_scroll(i))

            v.set_call(call, shown)

        def start_scroll(i: int) -> None:
            call, steps = plan[i]
            P.phase(f"scroll call {call} ({'whole' if steps is None else f'{steps} steps'})")
            pane = v.active_pane()
            bar = pane.verticalScrollBar()
            step = max(1, bar.pageStep() // 4)
            count = {"n": 0}
            scroll["calls"].append({"call": call, "max": bar.maximum(), "step": step, "want": steps})
            timer = QTimer(window)
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.setInterval(SCROLL_MS)

            def advance() -> None:
                count["n"] += 1
                # As the reader drags it: the view puts its place back after any other scrolling.
                bar.setSliderPosition(bar.value() + step)
                if bar.value() >= bar.maximum() or (steps is not None and count["n"] >= steps):
                    timer.stop()
                    scroll["calls"][-1]["steps"] = count["n"]
                    scroll["calls"][-1]["end"] = bar.value()
                    scroll["calls"][-1]["max_end"] = bar.maximum()
                    QTimer.singleShot(200, lambda: step_call(i + 1))

            timer.timeout.connect(advance)
            timer.start()

        step_call(0)

    export: dict = {}

    def export_phase() -> None:
        """File ▸ Export PDF, as the reader triggers it; its save dialog answers a temporary file."""
        from PySide6.QtWidgets import QFileDialog

        from reader.ui.window.actions import MainAction

        out = Path(tempfile.mkdtemp(prefix="stall-export-")) / "call.pdf"
        QFileDialog.getSaveFileName = staticmethod(lambda *_a, **_k: (str(out), ""))  # type: ignore[method-assign]
        P.phase("export PDF (trigger, then the worker)")
        export["start"] = now()
        window.action(MainAction.EXPORT_PDF).trigger()
        job = window.extra.export.job
        if job is None:
            export["end"], export["result"] = now(), "no job started"
            QTimer.singleShot(100, app.quit)
            return

        def finish(result: object) -> None:
            export["end"], export["result"] = now(), result
            export["bytes"] = out.stat().st_size if out.exists() else 0
            P.phase("done")
            QTimer.singleShot(200, app.quit)

        job.done.connect(finish)
        job.failed.connect(finish)

    def preview_phase() -> None:
        """File ▸ Print Preview, as the reader triggers it; the preview asks for its pages."""
        from reader.ui.window.actions import MainAction

        P.phase("print preview (HTML on the worker, layout in slices, paint)")
        export["start"] = now()
        window.action(MainAction.PRINT_PREVIEW).trigger()
        preview = window.extra.export.shown_preview
        if preview is None:
            export["end"], export["result"] = now(), "no preview"
            QTimer.singleShot(100, app.quit)
            return
        preview.widget.updatePreview()  # as the dialog does when shown: one page saying "coming"

        def finish(result: object) -> None:
            export["end"], export["result"] = now(), result
            start = now()
            preview.widget.updatePreview()  # a paint request of every page, as after a zoom change
            export["paint_ms"] = round((now() - start) * 1000)
            P.phase("done")
            QTimer.singleShot(200, app.quit)

        preview.laidOut.connect(finish)
        preview.failed.connect(finish)

    def milestone(name: str, phase: str) -> None:
        P.mark(name)
        P.phase(phase)

    def on_view(v) -> None:  # type: ignore[no-untyped-def]
        v.loaded.connect(
            lambda: (
                milestone("head shown", "head shown (worker: parse of the rest)")
                if v.partial
                else milestone("loaded", "after loaded (the whole file)")
            )
        )
        v.ready.connect(lambda: milestone("ready", "after ready (worker: analysis of other calls)"))
        for pane in (v.left, v.right, v.inter):
            spy = PaintSpy("first paint (text pane)")
            spies.append(spy)
            pane.viewport().installEventFilter(spy)

    stop = threading.Event()
    if sample:
        threading.Thread(target=watchdog, args=(stop,), daemon=True, name="watchdog").start()
    QTimer.singleShot(int(timeout * 1000), app.quit)
    probe.start()
    P.t0 = now()
    P.phase("open_path + show (GUI), parse (worker)")
    v = window.open_path(path)
    on_view(v)
    window.show()
    P.mark("show() returned")
    app.exec()
    stop.set()
    probe.stop()
    return report(path, mode, scroll, v, export)


# --- the report ---------------------------------------------------------------------------------------


def _gaps(start: float, end: float) -> list[tuple[int, int]]:
    """Consecutive tick pairs (as indices into P.ticks) between `start` and `end`."""
    idx = [i for i, x in enumerate(P.ticks) if start <= x <= end]
    return [(i, i + 1) for i in idx[:-1]]


def _explain(i: int, j: int) -> dict:
    a, b = P.ticks[i], P.ticks[j]
    spans = [
        (name, round((min(e, b) - max(s, a)) * 1000, 1), depth)
        for s, e, name, depth in P.spans
        if s < b and e > a and name != "FigureHighlighter.highlightBlock"
    ]
    spans = [x for x in spans if x[1] >= 2]
    hb_name = "FigureHighlighter.highlightBlock"
    hb = [e - s for s, e, name, _ in P.spans if s < b and e > a and name == hb_name]
    gcs = [(g, round((e - s) * 1000, 1), th) for s, e, g, th in P.gcs if s < b and e > a and e - s > 0.002]
    samples = collections.Counter(P.samples.get(a, []))
    workers = collections.Counter(P.worker_samples.get(a, []))
    out: dict = {
        "at_ms": round((a - P.t0) * 1000),
        "gap_ms": round((b - a) * 1000, 1),
        "gui_cpu_ms": round((P.gui_cpu[j] - P.gui_cpu[i]) * 1000, 1),
        "other_threads_cpu_ms": round((P.all_cpu[j] - P.all_cpu[i] - P.gui_cpu[j] + P.gui_cpu[i]) * 1000, 1),
        "phase": " / ".join(P.phases_in(a, b)),
        "spans": [f"{'  ' * (d - 1)}{n} {ms} ms" for n, ms, d in spans][:12],
        "gc": [f"gen{g} {ms} ms in {th}" for g, ms, th in gcs],
        "stack_samples": [f"{n}x {s}" for s, n in samples.most_common(4)],
        "worker_samples": [f"{n}x {s}" for s, n in workers.most_common(3)],
    }
    if hb:
        out["spans"].append(f"highlightBlock (>=1 ms calls): {len(hb)} calls, {sum(hb) * 1000:.0f} ms")
    return out


def _summary(gaps: list[tuple[int, int]], top: int = 5) -> dict:
    sizes = [P.ticks[j] - P.ticks[i] for i, j in gaps]
    if not sizes:
        return {"ticks": 0}
    ordered = sorted(gaps, key=lambda g: P.ticks[g[1]] - P.ticks[g[0]], reverse=True)
    return {
        "ticks": len(sizes) + 1,
        "median_ms": round(statistics.median(sizes) * 1000, 1),
        "p99_ms": round(sorted(sizes)[int(0.99 * (len(sizes) - 1))] * 1000, 1),
        "max_ms": round(max(sizes) * 1000, 1),
        "over_50ms": sum(s > STALL for s in sizes),
        "time_in_stalls_ms": round(sum(s for s in sizes if s > STALL) * 1000),
        "top": [_explain(i, j) for i, j in ordered[:top]],
    }


def _by_phase(gaps: list[tuple[int, int]]) -> dict[str, dict]:
    """Max gap and stalls per phase: a gap that overlaps a set_call() counts for it, any other
    for the phase it ended in (so the scroll phases hold only the frames of scrolling)."""
    out: dict[str, dict] = {}
    for i, j in gaps:
        size = (P.ticks[j] - P.ticks[i]) * 1000
        names = P.phases_in(P.ticks[i], P.ticks[j])
        name = next((n for n in names if n.startswith("set_call")), names[-1])
        d = out.setdefault(name, {"max_ms": 0.0, "over_50ms": 0, "gaps": 0})
        d["max_ms"] = round(max(d["max_ms"], size), 1)
        d["over_50ms"] += size > STALL * 1000
        d["gaps"] += 1
    return out


def report(path: Path, mode: str, scroll: dict, v, export: dict) -> dict:  # type: ignore[no-untyped-def]
    rel = {k: round((t - P.t0) * 1000) for k, t in sorted(P.marks.items(), key=lambda kv: kv[1])}
    load_end = P.marks.get("analysis done", P.ticks[-1] if P.ticks else P.t0)
    t = v.transcript
    out: dict = {
        "file": path.name,
        "mb": round(path.stat().st_size / 1e6, 2),
        "calls": len(t.calls) if t else None,
        "paragraphs": len(t.paragraphs) if t else None,
        "mode": mode,
        "milestones_ms": rel,
        "load": _summary(_gaps(P.t0, load_end)),
    }
    if "start" in scroll:
        out["scroll"] = _summary(_gaps(scroll["start"], scroll.get("end", P.ticks[-1])))
        out["scroll"]["by_phase"] = _by_phase(_gaps(scroll["start"], scroll.get("end", P.ticks[-1])))
        out["scroll"]["set_call_ms"] = {c: round(s * 1000) for c, s in scroll["setcall"]}
        out["scroll"]["calls"] = scroll["calls"]
        for part, prefix in (("switching", "set_call("), ("scrolling", "scroll call ")):
            mine = [d for name, d in out["scroll"]["by_phase"].items() if name.startswith(prefix)]
            out["scroll"][part] = {
                "max_ms": max((d["max_ms"] for d in mine), default=None),
                "over_50ms": sum(d["over_50ms"] for d in mine),
                "gaps": sum(d["gaps"] for d in mine),
            }
    out["problems"] = problems(scroll) if "start" not in export else export_problems(export)
    if "start" in export:
        end = export.get("end", P.ticks[-1])
        out["export"] = _summary(_gaps(export["start"], end))
        out["export"]["seconds"] = round(end - export["start"], 2)
        out["export"]["result"] = export.get("result", "did not finish")
        out["export"]["pdf_bytes"] = export.get("bytes", 0)
        out["export"]["paint_ms"] = export.get("paint_ms")
    gen2 = [(e - s) * 1000 for s, e, g, _ in P.gcs if g == 2]
    out["gc"] = {"gen2_passes": len(gen2), "gen2_max_ms": round(max(gen2, default=0), 1)}
    return out


def export_problems(export: dict) -> list[str]:
    """With --export or --preview: the file loaded, and the printout done within the timeout."""
    out = [] if "analysis done" in P.marks else ["the file was not loaded and analysed before the timeout"]
    if "end" not in export:
        out.append("the export (or preview) did not finish before the timeout")
    return out


def problems(scroll: dict) -> list[str]:
    """What the probe meant to do and did not: a number measured over phases that did not run
    would say nothing, so the probe fails then."""
    out = list(scroll.get("errors", []))
    if "analysis done" not in P.marks:
        out.append("the file was not loaded and analysed before the timeout")
    if "start" not in scroll:
        return [*out, "the scroll phase never started"]
    if "end" not in scroll:
        out.append("the scroll phase did not finish before the timeout")
    plan = scroll.get("plan", [])
    done = {c["call"]: c for c in scroll["calls"] if "steps" in c}
    switched = {c for c, _ in scroll["setcall"]}
    for n, (call, steps) in enumerate(plan):
        c = done.get(call)
        if n and call not in switched:
            out.append(f"set_call({call}) never showed the call")
        if c is None:
            out.append(f"call {call} was not scrolled")
        elif c["max_end"] <= 0:
            out.append(f"call {call}: nothing to scroll (scroll range 0)")
        elif steps is None and c["end"] < c["max_end"]:
            out.append(f"call {call}: the whole-call scroll stopped at {c['end']} of {c['max_end']}")
        elif steps is not None and c["steps"] < steps and c["end"] < c["max_end"]:
            out.append(f"call {call}: scrolled {c['steps']} steps of {steps}")
    return out


def print_report(r: dict) -> None:
    print(f"{r['file']} ({r['mb']} MB, {r['calls']} calls, {r['paragraphs']:,} paragraphs), mode {r['mode']}")
    marks = ", ".join(f"{k} {ms}" for k, ms in r["milestones_ms"].items())
    print(f"milestones (ms after open_path): {marks}")
    for part in ("load", "scroll", "export"):
        s = r.get(part)
        if not s or not s.get("ticks"):
            continue
        if part == "export" and s.get("paint_ms") is not None:
            pages, paint = s["result"], s["paint_ms"]
            print(f"\nprint preview: {s['seconds']} s, {pages!r} pages; a paint request {paint} ms")
        elif part == "export":
            print(f"\nexport PDF: {s['seconds']} s, result {s['result']!r} (pages), {s['pdf_bytes']:,} bytes")
        print(
            f"\n{part}: {s['ticks']} ticks, gap median {s['median_ms']} ms, p99 {s['p99_ms']} ms, "
            f"max {s['max_ms']} ms, {s['over_50ms']} gaps > 50 ms ({s['time_in_stalls_ms']} ms in them)"
        )
        if "set_call_ms" in s:
            print(f"  set_call durations (ms): {s['set_call_ms']}; scrolled: {s['calls']}")
            for name, d in s["by_phase"].items():
                print(f"  phase {name}: max gap {d['max_ms']} ms, {d['over_50ms']} > 50 ms of {d['gaps']}")
            for name in ("switching", "scrolling"):
                d = s[name]
                print(f"  {name}: max gap {d['max_ms']} ms, {d['over_50ms']} > 50 ms of {d['gaps']}")
        for g in s["top"]:
            print(
                f"  gap {g['gap_ms']} ms at {g['at_ms']} ms (GUI thread CPU {g['gui_cpu_ms']} ms, "
                f"other threads {g['other_threads_cpu_ms']} ms), phase: {g['phase']}"
            )
            for line in g["spans"]:
                print(f"      span  {line}")
            for line in g["gc"]:
                print(f"      gc    {line}")
            for line in g["stack_samples"]:
                print(f"      stack {line}")
            for line in g["worker_samples"]:
                print(f"      worker {line}")
    print(f"\ncyclic GC gen2 passes: {r['gc']['gen2_passes']}, longest {r['gc']['gen2_max_ms']} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path, nargs="?")
    parser.add_argument("--corpus", action="store_true", help="probe bench/out/60calls.txt (built here)")
    parser.add_argument("--mode", default="side", choices=("en", "zh", "side", "interleaved"))
    parser.add_argument("--no-sample", action="store_true", help="no watchdog stack sampling")
    parser.add_argument("--scroll-calls", type=int, default=3, help="other calls to switch to and scroll")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--json", type=Path, help="also write the report as JSON")
    parser.add_argument("--per-block", action="store_true", help="also time highlightBlock, paintEvent…")
    parser.add_argument("--export", action="store_true", help="File ▸ Export PDF instead of scrolling")
    parser.add_argument("--preview", action="store_true", help="File ▸ Print Preview instead of scrolling")
    parser.add_argument("--switchinterval", type=float, help="diagnostic: sys.setswitchinterval(S)")
    args = parser.parse_args()
    if args.corpus:
        from bench.corpus import make_library_file

        args.file = ROOT / "bench" / "out" / "60calls.txt"
        args.file.parent.mkdir(parents=True, exist_ok=True)
        args.file.write_text(make_library_file(60), encoding="utf-8")
    if args.file is None:
        parser.error("give a FILE or --corpus")
    if not args.file.is_file():
        if "/shared/" in str(args.file.resolve()) and not (ROOT.parent / "shared").is_dir():
            print(f"{args.file}: ../shared is absent (a fresh clone); nothing to probe. Try --corpus.")
            return
        parser.error(f"{args.file}: no such file")
    r = run(args.file, args.mode, not args.no_sample, args.scroll_calls, args.timeout, args)
    print_report(r)
    if args.json:
        args.json.write_text(json.dumps(r, indent=1), encoding="utf-8")
    if r["problems"]:
        for line in r["problems"]:
            print(f"stall_probe: {line}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
