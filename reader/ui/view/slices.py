"""Background work on the GUI thread, in slices that share one budget.

Aligning the panes and colouring a long call's figures must run on the GUI thread (they touch
documents a pane shows) and each takes far longer than a frame. Each is cut into steps; a `Slicer`
runs the steps of every task it holds, in turn, from one zero-interval timer, and stops a round
once BUDGET is spent. Qt fires every timer that is due in one go, so separate timers (one per
task) would run back to back as one long stall.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

BUDGET = 0.008  # seconds of steps per round of the event loop

# A task's step: do a little work, at least one unit, and stop once past `deadline`
# (time.perf_counter()); return True while there is more to do.
Step = Callable[[float], bool]


class Slicer(QObject):
    PAINT_FIRST_MS = 10  # `defer` after a paint is asked for: it comes first, then the next round

    def __init__(self, parent: QObject | None = None, budget: float = BUDGET) -> None:
        super().__init__(parent)
        self.budget = budget
        self._tasks: list[Step] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._round)

    def add(self, step: Step) -> None:
        """Run `step` in the coming rounds until it says it is done (once, however often added)."""
        if step not in self._tasks:
            self._tasks.append(step)
        if not self._timer.isActive():
            self._timer.start(0)

    def defer(self, ms: int = 5) -> None:
        """Hold the next round back a little: something long just ran in this turn of the event
        loop (a document shown), and its paint and the input waiting should come first."""
        self._timer.start(ms)

    def remove(self, step: Step) -> None:
        if step in self._tasks:
            self._tasks.remove(step)

    def holds(self, step: Step) -> bool:
        return step in self._tasks

    def _round(self) -> None:
        deadline = time.perf_counter() + self.budget
        while self._tasks and time.perf_counter() < deadline:
            step = self._tasks.pop(0)
            if step(deadline) and step not in self._tasks:
                self._tasks.append(step)  # the others get the next turn
        if self._tasks and not self._timer.isActive():
            self._timer.start(0)
