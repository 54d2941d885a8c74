"""The engine on an index big enough for its own code paths: posting lists of several blocks
(a block holds 128 postings), phrases with repeated terms and across block boundaries,
paragraphs with positions past 254, deleted paragraphs. Every query's matches and scores are
compared, float for float, with a plain evaluation through Whoosh's per-posting API."""

import math
import random

import pytest
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound

from reader.core.search.engine import MAX_EXPANSIONS
from reader.core.search.indexer import Indexer
from reader.core.search.library import Library
from reader.core.search.query import And, Filter, Not, Or, Words, parse
from reader.core.search.schema import decode_positions
from reader.core.search.scoring import K1, B
from reader.core.search.searcher import Searcher
from reader.core.search.whoosh_internals import read_term

DISCLAIMER = "使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主"
EN = [
    "Revenue grew year over year on strong demand.",
    "Cash flow from operations improved again this quarter.",
    "Free cash flow was positive, and cash from operations rose.",
    "We expect the next quarter to be better than this quarter.",
    "Gross margin widened in Europe, and operating expenses fell.",
    "Year after year, the flow of orders from operations in Europe grew.",
    "Over the year, year over year growth in Europe was strong year over year.",
    "Our guidance for the next year assumes stable gross margin.",
]
ZH = [
    "營收年增,需求強勁。",
    "营业费用下降,毛利率提升。",
    "本季現金流改善,营业收入成長。",
    "毛利率與营业费用都符合預期,費用控制良好。",
    "下一季需求可望回升。",
]
LONG_TAIL = "Finally zephyr quokka, said the analyst."


def write_call(path, seed, paragraphs=170, long_every=40):
    """A call with one speaker and ``paragraphs`` paragraphs drawn from the sentences above; every
    ``long_every``-th paragraph is over 255 words, with "zephyr quokka" at its end only."""
    rng = random.Random(seed)
    lines = [DISCLAIMER, "Jane Roe - Chief Financial Officer", "Jane Roe - Chief Financial Officer"]
    for k in range(paragraphs):
        if k % long_every == long_every - 1:
            en = " ".join(rng.choice(EN) for _ in range(40)) + " " + LONG_TAIL
        else:
            en = " ".join(rng.sample(EN, rng.randint(1, 3)))
        zh = "".join(rng.sample(ZH, rng.randint(1, 2)))
        lines += [en, zh]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def searcher(tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    for k in range(4):
        write_call(folder / f"call{k}.txt", seed=k)
    with Library() as library:
        library.add([folder])
        Indexer(library, workers=1).update()
        write_call(folder / "call1.txt", seed=99)  # changed: its old paragraphs are deleted
        Indexer(library, workers=1).update()
        with Searcher(library) as s:
            yield s


def whoosh_postings(reader, field, term):
    """{document: (weight, positions)} one posting at a time through Whoosh's matcher, deleted
    documents included (as the engine reads them; it drops them after the set algebra)."""
    try:
        matcher = reader.postings(field, term)
    except TermNotFound:
        return {}
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    out = {}
    while matcher.is_active():
        value = matcher.value() if matcher.supports("positions") else b""
        out[matcher.id()] = (matcher.weight(), list(decode_positions(value)) if value else [])
        matcher.next()
    return out


def plain(node, reader, lang):
    """(documents, [(field, term, postings)]): the engine's rules, the slow obvious way."""
    if isinstance(node, Words):
        fields = ["zh1"] if node.unigram else ["zh"] if node.chinese else ["en", "zh"]
        fields = [f for f in fields if lang is None or (f == "en") == (lang == "en")]
        found = []
        for f in fields:
            if node.unigram or len(node.terms) == 1 and not node.prefix:
                term = node.unigram or node.terms[0]
                p = whoosh_postings(reader, f, term)
                found.append((set(p), [(f, term, p)] if p else []))
            elif node.prefix:
                terms = [
                    t.decode() if isinstance(t, bytes) else t for t in reader.expand_prefix(f, node.terms[0])
                ]
                subs = [
                    (set(p), [(f, t, p)])
                    for t in terms[:MAX_EXPANSIONS]
                    if (p := whoosh_postings(reader, f, t))
                ]
                found.append(union(subs))
            else:
                lists = {t: whoosh_postings(reader, f, t) for t in node.terms}
                docs = set.intersection(*(set(p) for p in lists.values()))
                docs = {
                    d
                    for d in docs
                    if any(
                        all(s + i in lists[t][d][1] for i, t in enumerate(node.terms))
                        for s in lists[node.terms[0]][d][1]
                    )
                }
                unique = list(dict.fromkeys(node.terms))
                found.append((docs, [(f, t, lists[t]) for t in unique] if docs else []))
        return union(found)
    if isinstance(node, Filter):
        return set.intersection(*(set(whoosh_postings(reader, node.field, t)) for t in node.terms)), []
    if isinstance(node, Or):
        return union([plain(c, reader, lang) for c in node.children])
    if isinstance(node, Not):
        return live(reader) - plain(node.child, reader, lang)[0], []
    assert isinstance(node, And)
    matches = []
    for child in node.children:
        if not isinstance(child, Not):
            matches.append(plain(child, reader, lang))
            if not matches[-1][0]:
                return set(), []
    matches.sort(key=lambda m: len(m[0]))
    docs = set.intersection(*(m[0] for m in matches)) if matches else live(reader)
    for child in node.children:
        if isinstance(child, Not):
            docs -= plain(child.child, reader, lang)[0]
    return docs, [t for m in matches for t in m[1]]


def union(matches):
    matches = [m for m in matches if m[0]]
    return (
        (set().union(*(m[0] for m in matches)), [t for m in matches for t in m[1]])
        if matches
        else (set(), [])
    )


def live(reader):
    return set(range(reader.doc_count_all())) - deleted(reader)


def deleted(reader):
    return {d for d in range(reader.doc_count_all()) if reader.is_deleted(d)}


def plain_scores(searcher, reader, query):
    docs, terms = plain(query.root, reader, query.lang)
    docs -= deleted(reader)
    if not terms:
        return docs
    whoosh = searcher._searcher
    count = max(1, whoosh.doc_count_all())
    scores = {}
    for d in sorted(docs):
        total = 0.0
        for field, term, postings in terms:
            if d in postings:
                df = whoosh.doc_frequency(field, term)
                c = math.log(1 + (count - df + 0.5) / (df + 0.5)) * (K1 + 1)
                avg = whoosh.field_length(field) / count or 1.0
                norm = K1 * (1 - B + B * reader.doc_field_length(d, field, 0) / avg)
                w = postings[d][0]
                total += c * w / (w + norm)
        scores[d] = total
    return scores


NOTHING = ('"quokka zephyr"', '"analyst zephyr"', '"year over year" lang:zh')
QUERIES = [
    '"year over year"',
    '"over year over"',
    '"year year"',
    '"cash flow from operations"',
    '"cash from operations"',
    '"free cash flow" OR revenue',
    '"next quarter" guidance',
    '"gross margin" -europe',
    "revenue guidance europe",
    "demand europe",
    '"zephyr quokka"',
    '"quokka zephyr"',
    '"analyst zephyr"',
    "营业费用",
    "毛利率",
    "營收",
    "费",
    "margin*",
    "oper*",
    "revenue OR quokka",
    "-revenue",
    '"cash flow" OR cash',
    "year lang:en",
    '"year over year" lang:zh',
]


def test_the_index_has_what_the_test_needs(searcher):
    readers = [seg.reader for seg in searcher._engine.segments]
    assert any(r.has_deletions() for r in readers)
    longest = max(len(read_term(r, "en", "year", False)[0]) for r in readers)
    assert longest > 3 * 128  # several blocks
    wide = sum(len(read_term(r, "en", "\0wide", False)[0]) for r in readers)
    assert wide >= 10


@pytest.mark.parametrize("text", QUERIES)
def test_the_engine_scores_every_match_as_the_plain_evaluation(searcher, text):
    query = parse(text)
    engine = searcher._engine
    found = 0
    for seg, result in engine.run(query):
        expected = plain_scores(searcher, seg.reader, query)
        assert result == expected  # the same documents, and the same floats for their scores
        found += len(result)
    assert bool(found) == (text not in NOTHING), text


def test_the_best_hits_break_ties_by_document_order(searcher):
    for text in ("revenue", '"year over year"', "营业费用", "margin*"):
        query = parse(text)
        results = searcher._engine.run(query)
        everything = [(seg.docbase + d, s) for seg, scores in results for d, s in scores.items()]
        expected = sorted(everything, key=lambda x: (-x[1], x[0]))[:20]
        assert [(g, s) for g, s, _, _ in searcher._engine.top(results, 20)] == expected


def test_blocks_read_directly_equal_whooshs_matchers(searcher):
    """Every posting list of the index, read by the engine, equals what Whoosh's own matcher
    gives one posting at a time."""
    for seg in searcher._engine.segments:
        reader = seg.reader
        for (field, text), info in reader._terms.items():
            fmt = reader.schema[field].format
            values = fmt.fixed_value_size() != 0
            ids, weights, vals = read_term(reader, field, text.decode(), values)
            matcher = reader._terms._codec.postings_reader(reader._terms._postfile, info, fmt)
            expected = []
            while matcher.is_active():
                expected.append((matcher.id(), matcher.weight(), matcher.value() if values else None))
                matcher.next()
            assert [(d, w) for d, w, _ in expected] == list(zip(ids, weights, strict=True)), (field, text)
            if values:
                assert [v for _, _, v in expected] == vals
