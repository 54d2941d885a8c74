"""Interpreter-wide settings, made once at the start of the process (by `cli.entry`) and
nowhere else. The reasons and their measurements are in bench/RESULTS.md ("Interpreter settings").

- The cyclic garbage collector runs after many more allocations than Python's default (700): a
  parse makes hundreds of thousands of small, long-lived, acyclic records, which the default
  made the collector scan over and over while finding nothing to free.
- The window's worker threads (parsing, figures) share the GIL with the GUI thread: a shorter
  switch interval keeps each of the GUI thread's Python callbacks from waiting long for it.
"""

from __future__ import annotations

import gc
import sys

GC_THRESHOLD = (50_000, 20, 100)
WINDOW_SWITCH_INTERVAL = 0.001  # seconds; Python's default is 0.005


def configure(window: bool) -> None:
    """Set the interpreter up for a command-line run, or (`window`) for the app's window."""
    gc.set_threshold(*GC_THRESHOLD)
    if window:
        sys.setswitchinterval(WINDOW_SWITCH_INTERVAL)
