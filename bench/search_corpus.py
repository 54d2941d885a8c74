"""A library of fictional calls for the search benchmark, one file per call, no two equal.

Each call is made from one of the fictional fixtures or the sample transcript: the company gets a
new name, the call a new quarter and year, every other number is perturbed, sentences about
invented products are added, paragraphs are swapped and the Q&A exchanges are shuffled and
repeated until the call is about the size of a real one (~75 KB). The fixtures' paragraphs are
half as long as real ones, so two neighbouring paragraphs of a speaker are joined into one: the
result has the shape of the real calls (about 650 bytes and 100 Chinese characters a paragraph),
so a library of N calls has as many paragraphs as N real calls would.

    python -m bench.search_corpus OUT_DIR --calls 200
"""

from __future__ import annotations

import argparse
import os
import random
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from opencc import OpenCC

from bench import corpus
from reader.core.model import Role
from reader.core.parser import parse_file

ROOT = Path(__file__).resolve().parent.parent
# The open benchmark's sources, and an English-only call: a library holds some of those too.
SOURCES = [*corpus.SOURCES, ROOT / "tests" / "fixtures" / "english_only.txt"]
TARGET_CALL_BYTES = 75_000
PARAGRAPH_BYTES = 420  # join paragraphs shorter than this (the real calls average ~650)

_SYLLABLES = re.findall(
    r"\w+", "vel an or tri cor ma lis quen dor ath ro sel vik ta zen ora mun bre cal ix no pha ter gal"
)
_KINDS = [
    ("Robotics", "機器人"),
    ("Energy", "能源"),
    ("Foods", "食品"),
    ("Logistics", "物流"),
    ("Semiconductor", "半導體"),
    ("Mobility", "出行"),
    ("Therapeutics", "醫療"),
    ("Systems", "系統"),
]
_REGIONS = [
    ("Europe", "歐洲"),
    ("Southeast Asia", "東南亞"),
    ("North America", "北美"),
    ("the Middle East", "中東"),
    ("Latin America", "拉丁美洲"),
    ("Japan", "日本"),
]
# Sentences added to paragraphs: (English, Traditional Chinese); {p} a product, {r} a region, {n} a number.
_EXTRA = [
    ("Shipments of the {p} platform grew {n}% in {r}.", "{p} 平台在{r}的出貨量成長了 {n}%。"),
    (
        "We expect gross margin for {p} to improve by {n} basis points.",
        "我們預計 {p} 的毛利率將提高 {n} 個基點。",
    ),
    ("Revenue from {r} reached {n} million dollars.", "來自{r}的營收達到 {n} 百萬美元。"),
    ("Our {p} line added {n} new customers this quarter.", "我們的 {p} 產品線本季新增了 {n} 家客戶。"),
    (
        "Operating expenses rose {n}% as we hired engineers for {p}.",
        "營業費用增加了 {n}%,因為我們為 {p} 招聘了工程師。",
    ),
    ("Cash flow from operations was {n} million, supported by {r}.", "營運現金流為 {n} 百萬,受到{r}的支持。"),
    ("Inventory turnover improved to {n} days.", "存貨週轉天數改善至 {n} 天。"),
    ("We are cautious about demand in {r} for the next quarter.", "我們對{r}下一季的需求持謹慎態度。"),
]
_ORDINALS = ["first", "second", "third", "fourth"]
_ZH_ORDINALS = "一二三四"


@dataclass
class Source:
    header: str | None
    company: str
    quarter: int  # 1-4
    year: int
    simplified: bool
    opening: list[tuple[str, str | None, list[tuple[str, str | None]]]]  # speaker lines, paragraphs
    qa: list[list[tuple[str, str | None, list[tuple[str, str | None]]]]]  # exchanges of turns
    closing: list[tuple[str, str | None, list[tuple[str, str | None]]]]
    pool: list[tuple[str, str | None]]  # what long paragraphs are grown with


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@cache
def load(path: Path) -> Source:
    """A source call cut into its opening turns, its Q&A exchanges and its closing turn."""
    t = parse_file(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    bilingual = "zh" in t.languages
    turns = []
    for turn in t.turns:
        en_line = lines[turn.line - 1] if turn.speaker else ""
        zh_line = lines[turn.line] if turn.speaker and bilingual else None
        paras = [(t.paragraphs[i].en or "", t.paragraphs[i].zh) for i in turn.paragraphs]
        role = t.speakers[turn.speaker].role if turn.speaker else Role.UNKNOWN
        if role is not Role.OPERATOR:  # keep the operator's announcements whole: they mark the Q&A
            paras = _merge(paras)
        turns.append((en_line, zh_line, paras))
    qa_turn = next(i for i, turn in enumerate(t.turns) if (t.qa_start or 0) < turn.end)
    exchanges: list[list[tuple[str, str | None, list[tuple[str, str | None]]]]] = []
    for i in range(qa_turn, len(turns) - 1):
        if t.speakers.get(t.turns[i].speaker, None) and t.speakers[t.turns[i].speaker].role is Role.OPERATOR:
            exchanges.append([])
        if not exchanges:
            exchanges.append([])
        exchanges[-1].append(turns[i])
    call = t.calls[0]
    period = re.match(r"Q(\d) (\d{4})", call.period or "") or re.search(r"(4)\D*(\d{4})", call.period or "")
    return Source(
        header=t.header,
        company=call.company or "Company",
        quarter=int(period[1]) if period else 4,
        year=int(period[2]) if period else 2024,
        simplified=bool(t.header and "语" in t.header),
        opening=turns[:qa_turn],
        qa=exchanges,
        closing=turns[-1:],
        pool=[p for en_line, _, paras in turns if en_line != "Operator" for p in paras if len(p[0]) > 80],
    )


def _merge(paras: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Neighbouring paragraphs joined until each is about as long as a real one."""
    out: list[tuple[str, str | None]] = []
    for en, zh in paras:
        if out and len(out[-1][0].encode()) + len((out[-1][1] or "").encode()) < PARAGRAPH_BYTES:
            last_en, last_zh = out[-1]
            out[-1] = (f"{last_en} {en}", None if zh is None or last_zh is None else last_zh + zh)
        else:
            out.append((en, zh))
    return out


def _company(rng: random.Random) -> tuple[str, str]:
    name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    kind = rng.choice(_KINDS)
    return f"{name} {kind[0]}", kind[1]


def make_call(k: int, seed: int = 7) -> str:
    """Call number ``k`` of a library: the same text for the same (k, seed)."""
    rng = random.Random(seed * 1_000_003 + k)
    src = load(SOURCES[k % len(SOURCES)])
    company, _ = _company(rng)
    quarter, year = rng.randint(1, 4), rng.randint(2019, 2025)
    products = [
        "".join(rng.choice(_SYLLABLES) for _ in range(2)).upper() + f"-{rng.randint(2, 99)}" for _ in range(3)
    ]

    def rewrite(text: str, zh: bool) -> str:
        text = text.replace(src.company, company)
        if zh:
            text = re.sub(r"第[一二三四]季", f"第{_ZH_ORDINALS[quarter - 1]}季", text)
        else:
            text = re.sub(r"\b(first|second|third|fourth) quarter", f"{_ORDINALS[quarter - 1]} quarter", text)
            text = re.sub(r"\bQ[1-4]\b", f"Q{quarter}", text)
        return re.sub(r"\d+", lambda m: _number(m.group(0), year - src.year, rng), text)

    def extra() -> tuple[str, str]:
        en, zh = rng.choice(_EXTRA)
        region = rng.choice(_REGIONS)
        values = {"p": rng.choice(products), "n": str(rng.randint(2, 950))}
        zh_text = zh.format(r=region[1], **values)
        return en.format(r=region[0], **values), _t2s().convert(zh_text) if src.simplified else zh_text

    def emit(turns: list[tuple[str, str | None, list[tuple[str, str | None]]]]) -> Iterator[str]:
        for en_line, zh_line, paras in turns:
            if en_line:
                yield en_line
                if zh_line is not None:
                    yield zh_line
            paras = list(paras)
            if len(paras) > 1 and rng.random() < 0.3:
                i = rng.randrange(len(paras) - 1)
                paras[i], paras[i + 1] = paras[i + 1], paras[i]
            for en, zh in paras:
                if en_line != "Operator" and len(en) > 80:  # grow it to the length of a real one
                    target = rng.randint(300, 1000)
                    while len(en.encode()) + len((zh or "").encode()) < target:
                        more = extra() if rng.random() < 0.5 else rng.choice(src.pool)
                        en, zh = f"{en} {more[0]}", None if zh is None else zh + (more[1] or "")
                yield rewrite(en, False)
                if zh is not None:
                    yield rewrite(zh, True)

    out = [src.header] if src.header else []
    out += emit(src.opening)
    closing = list(emit(src.closing))
    size = sum(len(x.encode()) + 1 for x in out + closing)
    while size < TARGET_CALL_BYTES:
        exchanges = list(src.qa)
        rng.shuffle(exchanges)
        for n, exchange in enumerate(exchanges):
            if n and exchange[0][0] == "Operator" and len(exchange) > 1 and rng.random() < 0.6:
                exchange = exchange[1:]  # a follow-up: the same exchange goes on, unannounced
            block = list(emit(exchange))
            out += block
            size += sum(len(x.encode()) + 1 for x in block)
    return "\n".join(out + closing)


def _number(digits: str, year_shift: int, rng: random.Random) -> str:
    value = int(digits)
    if len(digits) == 4 and 1990 <= value <= 2030:
        return str(value + year_shift)
    return "".join(str(rng.randint(1, 9)) if d != "0" else "0" for d in digits)


def write_library(out: Path, calls: int, seed: int = 7) -> list[Path]:
    """Write ``calls`` files into ``out`` (kept when already there with the same count)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"call-{k:05d}.txt" for k in range(calls)]
    stamp = out / ".complete"
    if stamp.exists() and stamp.read_text() == f"{calls} {seed}":
        return paths
    for k, path in enumerate(paths):
        path.write_text(make_call(k, seed), encoding="utf-8")
    stamp.write_text(f"{calls} {seed}")
    return paths


def change_calls(
    corpus: Path,
    runs: int,
    reindex: Callable[[Path], object],
    prepare: Callable[[Path], object] | None = None,
    after: Callable[[], object] | None = None,
    warmup: int = 1,
) -> list[float]:
    """Change a file, time ``reindex(path)``, put the file back and re-index it untimed.
    ``after()`` follows each re-index, outside the timing (a merge, which times itself). The
    first ``warmup`` runs are not kept: a process's first re-index also pays for imports and
    empty caches (~0.05 s more), which the window paid long before a file changes."""
    files = sorted(corpus.glob("*.txt"))
    rng = random.Random(11)
    times = []
    for _ in range(runs + warmup):
        path = rng.choice(files)
        original, stat = path.read_bytes(), path.stat()
        if prepare:
            prepare(path)
        try:
            path.write_bytes(changed_call(original))
            start = time.perf_counter()
            reindex(path)
            times.append(time.perf_counter() - start)
            if after:
                after()
        finally:
            path.write_bytes(original)
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
        reindex(path)
        if after:
            after()
    return times[warmup:]


def changed_call(data: bytes) -> bytes:
    """A file with one paragraph's words changed (a corrected transcript)."""
    text = data.decode("utf-8")
    return text.replace(" the ", " the revised ", 1).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    paths = write_library(args.out, args.calls)
    size = sum(p.stat().st_size for p in paths)
    print(f"{args.out}: {len(paths)} calls, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
