"""Build large fictional transcript files for benchmarks, from the fixtures and the sample.

Each call is a fixture (or the sample) with its company renamed, every digit perturbed and its
Q&A repeated until the call is about the size of a real one (~85 KB), so no two calls are equal.

    python -m bench.corpus OUT.txt --calls 60
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from reader.core.parser import parse_file

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "resources" / "sample-transcript.txt",
    *(
        ROOT / "tests" / "fixtures" / name
        for name in (
            "basic.txt",
            "submitted_questions.txt",
            "simplified.txt",
            "translated_titles.txt",
            "identical_pairs.txt",
        )
    ),
]
TARGET_CALL_BYTES = 85_000


def _perturb(text: str, rng: random.Random) -> str:
    return re.sub(r"\d", lambda m: str(rng.randint(1, 9)) if m.group(0) != "0" else "0", text)


def make_call(source: Path, k: int, rng: random.Random) -> str:
    """One call of about TARGET_CALL_BYTES, made from ``source``."""
    t = parse_file(source)
    lines = source.read_text(encoding="utf-8").split("\n")
    company = t.calls[0].company or "Company"
    qa_turn = next(
        turn for turn in t.turns if turn.first <= (t.qa_start or 0) < max(turn.end, turn.first + 1)
    )
    qa_line = qa_turn.line - 1
    closing = t.turns[-1].line - 1
    head, qa, tail = lines[:qa_line], lines[qa_line:closing], lines[closing:]
    out = list(head)
    size = sum(len(x.encode()) for x in head + tail)
    while size < TARGET_CALL_BYTES:
        block = [_perturb(x, rng) for x in qa]
        out += block
        size += sum(len(x.encode()) + 1 for x in block)
    out += tail
    return "\n".join(out).replace(company, f"{company} {k}")


def make_library_file(calls: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return "\n".join(make_call(SOURCES[k % len(SOURCES)], k, rng) for k in range(calls))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--calls", type=int, default=60)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(make_library_file(args.calls), encoding="utf-8")
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.2f} MB, {args.calls} calls")


if __name__ == "__main__":
    main()
