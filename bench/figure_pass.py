"""The figure pass of `info` on one file, timed in this process: find the figures of every paragraph
in both languages and compare them (what `transcript-reader info` and the window's analysis do).

    python -m bench.figure_pass FILE        (prints one JSON object: seconds, figures, mismatches)

`bench.parse_bench --figures-against OLD` runs it alternately with this tree's `reader` and with the
`reader` of another tree (PYTHONPATH=OLD), so that old and new code are paired on the same file.
"""

from __future__ import annotations

import gc
import json
import sys
import time

from reader.core.figures import compare_figures, find_figures
from reader.core.parser import parse_file


def figure_pass(path: str) -> dict[str, float]:
    t = parse_file(path)
    gc.collect()
    start = time.perf_counter()
    figures = mismatches = 0
    for p in t.paragraphs:
        en = find_figures(p.en, "en") if p.en else []
        zh = find_figures(p.zh, "zh") if p.zh else []
        figures += len(en) + len(zh)
        mismatches += len(compare_figures(p.en, p.zh, en, zh))
    return {"seconds": time.perf_counter() - start, "figures": figures, "mismatches": mismatches}


if __name__ == "__main__":
    print(json.dumps(figure_pass(sys.argv[1])))
