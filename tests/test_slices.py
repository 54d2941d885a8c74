"""The slicer: background steps of several tasks share one budget per round of the event loop."""

from __future__ import annotations

import time

from reader.ui.view.slices import Slicer


def busy(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def test_tasks_take_turns_and_a_round_stops_at_the_budget(qtbot):
    slicer = Slicer(budget=0.004)
    log: list[tuple[str, int]] = []
    rounds: list[int] = []

    def task(name: str, units: int):
        left = [units]

        def step(deadline: float) -> bool:
            while left[0] and time.perf_counter() < deadline:
                busy(0.001)
                log.append((name, len(rounds)))
                left[0] -= 1
                break  # one unit per turn: the other task goes next
            return left[0] > 0

        return step

    real_round = slicer._round

    def counted_round() -> None:
        rounds.append(1)
        real_round()

    slicer._timer.timeout.disconnect()
    slicer._timer.timeout.connect(counted_round)
    a, b = task("a", 6), task("b", 6)
    slicer.add(a)
    slicer.add(b)
    slicer.add(a)  # once, however often added
    qtbot.waitUntil(lambda: not slicer.holds(a) and not slicer.holds(b), timeout=3000)
    names = [name for name, _ in log]
    assert names.count("a") == names.count("b") == 6
    assert names[:4] == ["a", "b", "a", "b"]  # in turn
    per_round: dict[int, int] = {}
    for _, r in log:
        per_round[r] = per_round.get(r, 0) + 1
    assert len(per_round) >= 3  # 12 ms of work in 4 ms rounds
    assert max(per_round.values()) <= 5  # a round ends once the budget is spent


def test_remove_and_defer(qtbot):
    slicer = Slicer()
    ran: list[float] = []

    def step(deadline: float) -> bool:
        ran.append(time.perf_counter())
        return False

    slicer.add(step)
    slicer.remove(step)
    qtbot.wait(20)
    assert ran == [] and not slicer.holds(step)
    start = time.perf_counter()
    slicer.add(step)
    slicer.defer(40)
    qtbot.waitUntil(lambda: bool(ran), timeout=2000)
    assert ran[0] - start >= 0.035
