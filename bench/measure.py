"""Run a command and print its wall time (s) and peak RSS (MiB) as JSON.

    python -m bench.measure CMD [ARGS...]

Benchmarks start this small process rather than the command itself: a child forked from a big
benchmark process counts the parent's pages in its peak RSS until it execs, this one does not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main() -> None:
    start = time.perf_counter()
    proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    print(
        json.dumps(
            {"wall": wall, "peak_mib": usage.ru_maxrss / 1024, "status": os.waitstatus_to_exitcode(status)}
        )
    )


if __name__ == "__main__":
    main()
