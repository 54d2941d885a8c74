"""The library, the indexer and the searcher together, on small fictional calls in tmp folders:
incremental indexing (add, change, move, delete), rebuilds, every filter and kind of query."""

import shutil

import pytest
from whoosh import query as wq

from reader.core.parser import parse_file
from reader.core.search import indexer as indexer_module
from reader.core.search.indexer import Cancelled, IndexBusy, Indexer, index_dir
from reader.core.search.library import Library
from reader.core.search.query import And, Filter, Not, Or, Words, make_filter, parse
from reader.core.search.searcher import Searcher, SearchError

DISCLAIMER = "使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主"


def write_call(
    path, company="Zeltra Foods", quarter="third", year=2024, prepared=(), qa=(), simplified=False
):
    """A small transcript: an operator welcome, the CFO's prepared remarks (``prepared``: English
    and Chinese pairs), one analyst question and the CFO's answers (``qa``)."""
    zh_year = f"{year} 年第{'一二三四'[['first', 'second', 'third', 'fourth'].index(quarter)]}季"
    welcome = "歡迎參加" if not simplified else "欢迎参加"
    lines = [
        DISCLAIMER,
        "Operator",
        "Operator",
        f"Good afternoon, and welcome to {company}'s {quarter} quarter {year} earnings conference call.",
        f"午安,{welcome} {company} {zh_year}財報電話會議。",
        "Jane Roe - Chief Financial Officer",
        "Jane Roe - Chief Financial Officer",
    ]
    for en, zh in prepared:
        lines += [en, zh]
    lines += [
        "Operator",
        "Operator",
        "Thank you. (Operator Instructions) Tom Hale, Brightline Capital.",
        "謝謝。(操作員指示) Tom Hale,Brightline Capital。",
        "Tom Hale - Analyst",
        "Tom Hale - Analyst",
        "What drove revenue growth this quarter?",
        "本季營收成長的動力是什麼?" if not simplified else "本季营收成长的动力是什么?",
        "Jane Roe - Chief Financial Officer",
        "Jane Roe - Chief Financial Officer",
    ]
    for en, zh in qa:
        lines += [en, zh]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def calls(tmp_path):
    folder = tmp_path / "calls"
    folder.mkdir()
    write_call(
        folder / "zeltra.txt",
        prepared=[
            ("Our gross margin improved to 41% this quarter.", "本季我們的毛利率提升至 41%。"),
            ("The margin on gross sales was stable.", "總銷售額的利潤率保持穩定。"),
            ("Margins in Europe widened.", "歐洲的利潤率擴大。"),
        ],
        qa=[("Revenue grew on higher volumes in Japan.", "營收因日本銷量增加而成長。")],
    )
    write_call(
        folder / "jadeport.txt",
        company="Jadeport Logistics",
        quarter="second",
        year=2025,
        simplified=True,
        prepared=[("Parcel revenue rose 17% year over year.", "包裹营收同比增长 17%。")],
        qa=[("Sales growth came from new sorting hubs.", "销售增长来自新的分拣中心。")],
    )
    return folder


@pytest.fixture
def library():
    with Library() as lib:
        yield lib


def update(library, **kwargs):
    return Indexer(library, **kwargs).update()


def found(searcher, text, **kwargs):
    """(file name, paragraph) of every hit."""
    results = searcher.search(text, limit=100, **kwargs)
    return {(hit.path.rsplit("/", 1)[-1], hit.paragraph) for hit in results.hits}


def test_index_then_search_both_scripts(calls, library):
    library.add([calls])
    report = update(library)
    assert (report.read, report.indexed, report.rebuilt) == (2, 2, "missing")
    with Searcher(library) as s:
        traditional, simplified = found(s, "營收"), found(s, "营收")
        assert traditional == simplified
        assert {name for name, _ in traditional} == {"zeltra.txt", "jadeport.txt"}
        hit = next(h for h in s.search("營收", limit=10).hits if h.path.endswith("zeltra.txt"))
        assert "營收" in hit.zh  # the file's own script, not the folded one
        start, end = hit.spans["zh"][0]
        assert hit.zh[start:end] == "營收"
        assert hit.matched == ["zh"]


def test_single_character_queries(calls, library):
    library.add([calls])
    update(library)
    with Searcher(library) as s:
        hits = s.search("率", limit=50).hits
        assert hits and all("率" in (h.zh or "") for h in hits)
        assert found(s, "銷") == found(s, "销")  # 銷 stands alone, not in a bigram of the query
        assert len(found(s, "銷")) >= 3


def test_phrases_differ_from_words(calls, library):
    library.add([calls])
    update(library)
    with Searcher(library) as s:
        words = found(s, "gross margin")
        phrase = found(s, '"gross margin"')
        assert phrase < words  # "The margin on gross sales" has both words, not the phrase
        assert phrase == {("zeltra.txt", 1)}
        assert found(s, '"year over year"') == {("jadeport.txt", 1)}
        assert found(s, "毛利率") == {("zeltra.txt", 1)}  # a 3-character term is its bigram phrase
        hit = s.search('"gross margin"').hits[0]
        assert hit.en[slice(*hit.spans["en"][0])] == "gross margin"


def test_prefix_or_not(calls, library):
    library.add([calls])
    update(library)
    with Searcher(library) as s:
        assert ("zeltra.txt", 3) in found(s, "margin*")  # "Margins"
        assert found(s, "margin*") >= found(s, "margin")
        assert found(s, "revenue OR sales") == found(s, "revenue") | found(s, "sales")
        assert found(s, "revenue -japan") == found(s, "revenue") - found(s, "japan")
        assert found(s, "NOT revenue") & found(s, "revenue") == set()


def test_every_filter(calls, library):
    library.add([calls])
    update(library)
    with Searcher(library) as s:
        every = s.search("", limit=100).hits
        assert len(every) == s.doc_count

        def hits(**kw):
            return s.search("", limit=100, **kw).hits

        assert {h.speaker for h in hits(filters=[make_filter("speaker", "jane")])} == {"Jane Roe"}
        assert {h.role for h in hits(filters=[make_filter("role", "analyst")])} == {"analyst"}
        assert {h.section for h in hits(filters=[make_filter("section", "prepared")])} == {"prepared"}
        assert {h.company for h in hits(filters=[make_filter("company", "jadeport")])} == {
            "Jadeport Logistics"
        }
        assert {h.period for h in hits(filters=[make_filter("period", "2024")])} == {"Q3 2024"}
        assert {h.period for h in hits(filters=[make_filter("period", "Q2 2025")])} == {"Q2 2025"}
        # in the query text too
        assert found(s, "role:analyst company:zeltra") == {("zeltra.txt", 5)}
        # language: Latin words are matched in Chinese lines only with lang=zh
        assert found(s, "Brightline", lang="en") == found(s, "Brightline")
        assert found(s, "Tom", lang="zh") == {("zeltra.txt", 4), ("jadeport.txt", 2)}
        assert found(s, "營收", lang="en") == set()
        assert found(s, "revenue lang:zh") == set()


def test_sort_by_date_and_facets(calls, library):
    library.add([calls])
    update(library)
    with Searcher(library) as s:
        results = s.search("revenue OR 營收", sort="date", facets=True)
        periods = [h.period for h in results.hits]
        assert periods == sorted(periods, key=lambda p: (p[-4:], p[:2]), reverse=True)
        assert results.facets["company"] == {"Zeltra Foods": 2, "Jadeport Logistics": 2}
        assert sum(results.facets["call"].values()) == results.total
        assert results.facets["role"] == {"management": 2, "analyst": 2}


def test_incremental_add_change_move_delete(calls, library, tmp_path):
    library.add([calls])
    update(library)
    indexer = Indexer(library)

    # add
    write_call(
        calls / "new.txt",
        company="Orbis Aviation",
        prepared=[("Drone deliveries doubled.", "無人機配送翻倍。")],
    )
    report = indexer.update()
    assert (report.read, report.indexed, report.unchanged) == (1, 1, 2)
    with Searcher(library) as s:
        assert {p for p, _ in found(s, "drone")} == {"new.txt"}

        # change: the old words are gone, the new ones found
        write_call(
            calls / "new.txt",
            company="Orbis Aviation",
            prepared=[("Helicopter sales tripled.", "直升機銷售增至三倍。")],
        )
        report = indexer.update()
        assert (report.read, report.indexed, report.removed) == (1, 1, 1)
        s.refresh()
        assert found(s, "drone") == set()
        assert {p for p, _ in found(s, "helicopter")} == {"new.txt"}

        # move: the same fingerprint under another path, no re-indexing
        (calls / "new.txt").rename(calls / "moved.txt")
        report = indexer.update()
        assert (report.read, report.indexed, report.removed, report.missing) == (1, 0, 0, 1)
        assert s.refresh() is False  # a move changes the library only: no commit
        assert {p for p, _ in found(s, "helicopter")} == {"moved.txt"}

        # a touch without a change re-reads the file, indexes nothing
        (calls / "moved.txt").write_bytes((calls / "moved.txt").read_bytes())
        report = indexer.update()
        assert (report.read, report.indexed, report.removed) == (1, 0, 0)

        # delete
        (calls / "moved.txt").unlink()
        report = indexer.update()
        assert (report.removed, report.missing) == (1, 1)
        s.refresh()
        assert found(s, "helicopter") == set()
        assert s.doc_count == 12


def test_copies_are_indexed_once(calls, library):
    shutil.copy(calls / "zeltra.txt", calls / "zeltra-copy.txt")
    library.add([calls])
    report = update(library)
    assert (report.read, report.indexed) == (3, 2)
    with Searcher(library) as s:
        assert len(s.search('"gross margin"').hits) == 1
        (calls / "zeltra.txt").unlink()
        update(library)
        s.refresh()
        assert [h.path.rsplit("/", 1)[-1] for h in s.search('"gross margin"').hits] == ["zeltra-copy.txt"]


def test_a_file_changed_since_indexing_is_left_out_not_shown_wrong(calls, library):
    library.add([calls])
    update(library)
    with Searcher(library) as s:
        write_call(calls / "zeltra.txt", prepared=[("Something else entirely.", "完全不同的內容。")])
        results = s.search('"gross margin"')
        assert (results.total, results.hits, results.stale) == (1, [], 1)


def test_a_damaged_index_is_rebuilt(calls, library):
    library.add([calls])
    update(library)
    for f in index_dir().iterdir():
        if f.is_file() and f.name != "manifest.json":
            f.write_bytes(b"\x00garbage" * 50)
    assert Indexer(library).check().startswith("damaged")
    with pytest.raises(SearchError):
        Searcher(library).search("revenue")
    report = update(library)
    assert report.rebuilt.startswith("damaged")
    assert report.indexed == 2
    with Searcher(library) as s:
        assert found(s, "營收")


def test_garbage_in_a_segment_only(calls, library):
    library.add([calls])
    update(library)
    segment = next(f for f in index_dir().iterdir() if f.suffix == ".seg")
    segment.write_bytes(b"not a segment")
    assert Indexer(library).check() is not None
    assert update(library).rebuilt


def test_a_missing_or_emptied_index_folder_is_rebuilt(calls, library):
    library.add([calls])
    update(library)
    shutil.rmtree(index_dir())
    assert Indexer(library).check() == "missing"
    assert update(library).indexed == 2


def test_an_out_of_date_schema_is_rebuilt(calls, library, monkeypatch):
    library.add([calls])
    update(library)
    monkeypatch.setattr(indexer_module, "SCHEMA_VERSION", 999)
    assert Indexer(library).check().startswith("out of date")
    report = update(library)
    assert report.rebuilt.startswith("out of date") and report.indexed == 2
    assert Indexer(library).check() is None


def test_cancel_keeps_the_index_usable(calls, library):
    library.add([calls])
    with pytest.raises(Cancelled):
        Indexer(library).update(cancelled=lambda: True)
    report = update(library)
    assert report.indexed == 2


def test_a_second_writer_is_told_the_index_is_busy(calls, library):
    library.add([calls])
    update(library)
    lock = Indexer(library).lock()  # held by another process or window
    assert lock.acquire()
    try:
        with pytest.raises(IndexBusy):
            update(library)
    finally:
        lock.release()


def test_progress_is_reported(calls, library):
    library.add([calls])
    seen = []
    Indexer(library).update(progress=lambda p: seen.append((p.phase, p.done_files, p.total_files)))
    assert ("reading", 2, 2) in seen
    assert seen[0][0] == "scanning" and seen[-1][0] == "committing"


def test_refresh_does_not_show_deleted_or_merged_documents(calls, library, monkeypatch):
    """whoosh-reloaded's own Searcher.refresh() keeps deleted documents and doubles merged ones."""
    library.add([calls])
    update(library)
    monkeypatch.setattr(indexer_module, "MAX_SMALL_SEGMENTS", 1)
    with Searcher(library) as s:
        before = s.search("營收").total
        write_call(calls / "more.txt", company="Orbis Drones", qa=[("Revenue doubled.", "營收翻倍。")])
        update(library)
        assert Indexer(library).merge() >= 2  # the small segments were merged into one
        s.refresh()
        assert s.search("營收").total == before + 2
        (calls / "more.txt").unlink()
        update(library)
        s.refresh()
        assert s.search("營收").total == before


def test_parallel_indexing_gives_the_same_index(calls, library, monkeypatch, tmp_path):
    for i in range(6):
        write_call(
            calls / f"extra{i}.txt",
            company=f"Extra Co {i}",
            prepared=[(f"Widget {i} sales rose.", f"小工具 {i} 銷售上升。")],
        )
    shutil.copy(calls / "extra0.txt", calls / "extra0-copy.txt")
    library.add([calls])
    monkeypatch.setattr(indexer_module, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(
        indexer_module, "plan_batches", lambda paths, sizes, total, workers: [[p] for p in paths]
    )
    seen = []
    report = Indexer(library, workers=2).update(progress=lambda p: seen.append(p.done_files))
    assert (report.read, report.indexed) == (9, 8)
    assert max(seen) == 9
    expected = set()
    for path in sorted(calls.iterdir()):
        t = parse_file(path)
        expected |= {
            (t.fingerprint, p.index) for p in t.paragraphs if "營收" in (p.zh or "") or "营收" in (p.zh or "")
        }
    with Searcher(library) as s:
        assert len(s.search("widget", limit=100).hits) == 6
        assert {(h.fingerprint, h.paragraph) for h in s.search("營收", limit=100).hits} == expected


def to_whoosh(node, lang=None):
    """The same query in Whoosh's own query objects, evaluated by Whoosh's matchers."""
    if isinstance(node, Words):
        fields = ["zh1"] if node.unigram else ["zh"] if node.chinese else ["en", "zh"]
        fields = [f for f in fields if lang is None or (f == "en") == (lang == "en")]
        parts = []
        for f in fields:
            if node.unigram:
                parts.append(wq.Term(f, node.unigram))
            elif node.prefix:
                parts.append(wq.Prefix(f, node.terms[0]))
            elif len(node.terms) == 1:
                parts.append(wq.Term(f, node.terms[0]))
            else:
                parts.append(wq.Phrase(f, list(node.terms)))
        return wq.Or(parts)
    if isinstance(node, Filter):
        return wq.And([wq.Term(node.field, t) for t in node.terms])
    if isinstance(node, And):
        return wq.And([to_whoosh(c, lang) for c in node.children])
    if isinstance(node, Or):
        return wq.Or([to_whoosh(c, lang) for c in node.children])
    if isinstance(node, Not):
        return wq.Not(to_whoosh(node.child, lang))
    raise TypeError(node)


@pytest.mark.parametrize(
    "text",
    [
        "revenue",
        "gross margin",
        '"gross margin"',
        '"year over year"',
        "營收",
        "营收 成長",
        "收",
        "毛利率",
        "margin*",
        "revenue OR sales",
        "revenue -japan",
        "growth role:analyst",
        "營收 section:qa",
        "tom lang:zh",
    ],
)
def test_the_engine_finds_what_whoosh_itself_finds(fixture_path, calls, library, text):
    for name in ("basic.txt", "simplified.txt", "multi_call.txt", "english_only.txt"):
        shutil.copy(fixture_path(name), calls / name)
    library.add([calls])
    update(library)
    q = parse(text)
    with Searcher(library) as s:
        ours = {(h.fingerprint, h.paragraph) for h in s.search(q, limit=1000, resolve=False).hits}
        whoosh_searcher = s._searcher
        theirs = {
            (whoosh_searcher.stored_fields(d)["fp"], whoosh_searcher.stored_fields(d)["para"])
            for d in whoosh_searcher.docs_for_query(to_whoosh(q.root, q.lang))
        }
    assert ours == theirs
    assert ours  # every query of the list finds something


def test_library_lists_calls_and_keeps_roots(calls, library, fixture_path):
    shutil.copy(fixture_path("multi_call.txt"), calls / "multi.txt")
    library.add([calls])
    library.add_recent(fixture_path("basic.txt"))
    update(library)
    entries = library.calls()
    companies = [c.company for c in entries]
    assert {
        "Zeltra Foods",
        "Jadeport Logistics",
        "Orbis Drone Systems",
        "Pennant Foods",
        "Corvane Robotics",
    } <= set(companies)
    multi = [c for c in entries if c.path.endswith("multi.txt")]
    assert [c.call for c in multi] == [0, 1] or sorted(c.call for c in multi) == [0, 1]
    zeltra = next(c for c in entries if c.company == "Zeltra Foods")
    assert zeltra.period == "Q3 2024" and zeltra.period_key == 20243
    assert {s["name"] for s in zeltra.speakers} == {"Operator", "Jane Roe", "Tom Hale"}
    assert entries[0].period_key >= entries[-1].period_key
    assert {r.kind for r in library.roots()} == {"folder", "recent"}
    assert library.remove(calls)
    update(library)
    assert {c.company for c in library.calls()} == {"Corvane Robotics"}


def test_a_damaged_library_store_is_set_aside(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with Library(path) as lib:
        assert lib.recovered is not None and lib.recovered.exists()
        assert lib.roots() == []


def test_a_hit_opens_at_its_paragraph(calls, library):
    library.add([calls])
    update(library)
    with Searcher(library) as s:
        hit = s.search('"gross margin"').hits[0]
    t = parse_file(hit.path)
    p = t.paragraphs[hit.paragraph]
    assert (p.key, p.line, p.en) == (hit.key, hit.line, hit.en)
