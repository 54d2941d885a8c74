"""Updates of some paths only (what the window's file watcher asks), one commit per one-file
update, and merging as a step of its own: merged segments keep every document, deleted ones
stay gone, searches under way keep working, and a merge stopped before its commit loses nothing."""

import os

import pytest
from test_search_index import found, write_call
from whoosh import index as whoosh_index

from reader.core.search.indexer import Cancelled, IndexBusy, Indexer, index_dir, storage
from reader.core.search.library import Library
from reader.core.search.searcher import Searcher
from reader.core.search.segments import INDEX_NAME
from reader.core.search.whoosh_internals import read_toc


@pytest.fixture
def library():
    with Library() as lib:
        yield lib


@pytest.fixture
def folder(tmp_path):
    """Three calls, each with a word of its own: alpha, bravo, charlie."""
    root = tmp_path / "calls"
    (root / "sub").mkdir(parents=True)
    for name, word in (("a.txt", "Alpha"), ("b.txt", "Bravo"), ("sub/c.txt", "Charlie")):
        write_call(root / name, company=f"{word} Foods", prepared=[(f"{word} sales rose.", "銷售上升。")])
    return root


def toc():
    return read_toc(storage(index_dir()).open_index(INDEX_NAME))


def stray_files():
    """Files in the index folder that no commit uses (of a merge that did not commit)."""
    t = toc()
    keep = {f"_{INDEX_NAME}_{t.generation}.toc", "manifest.json", f"{INDEX_NAME}_WRITELOCK"}
    segments = {s.segment_id() for s in t.segments}
    return {f for f in os.listdir(index_dir()) if f not in keep and f.rsplit(".", 1)[0] not in segments}


def companies(searcher, word):
    return {path for path, _ in found(searcher, word)}


def test_an_update_of_paths_reads_only_those(folder, library):
    library.add([folder])
    indexer = Indexer(library)
    indexer.update()
    write_call(folder / "a.txt", company="Alpha Foods", prepared=[("Delta sales rose.", "銷售上升。")])
    write_call(folder / "b.txt", company="Bravo Foods", prepared=[("Echo sales rose.", "銷售上升。")])

    report = indexer.update(paths=[str(folder / "a.txt")])
    assert (report.read, report.indexed, report.removed, report.unchanged) == (1, 1, 1, 0)
    with Searcher(library) as s:
        assert companies(s, "delta") == {"a.txt"}
        assert found(s, '"alpha sales"') == set()
        # b.txt changed too, but was not asked about: its old text is still indexed (and left
        # out of the hits, its file having changed since)
        results = s.search('"bravo sales"')
        assert (results.total, results.stale) == (1, 1) and found(s, "echo") == set()
    assert library.scan().changed == [str(folder / "b.txt")]  # and its inventory row unchanged


def test_an_update_of_paths_removes_a_deleted_file_and_ignores_others(folder, library, tmp_path):
    library.add([folder])
    indexer = Indexer(library)
    indexer.update()
    (folder / "sub" / "c.txt").unlink()
    outside = write_call(tmp_path / "outside.txt", company="Zulu Foods")
    report = indexer.update(paths=[str(folder / "sub" / "c.txt"), str(outside)])
    assert (report.read, report.missing, report.removed) == (0, 1, 1)
    with Searcher(library) as s:
        assert found(s, "charlie") == set()
        assert found(s, "zulu") == set()
        assert companies(s, "alpha") == {"a.txt"} and companies(s, "bravo") == {"b.txt"}
    assert {f.path.rsplit("/", 1)[-1] for f in library.files()} == {"a.txt", "b.txt"}


def test_an_update_of_a_folder_finds_new_moved_and_deleted_files(folder, library):
    library.add([folder])
    indexer = Indexer(library)
    indexer.update()
    write_call(folder / "sub" / "new.txt", company="Foxtrot Foods", prepared=[("Foxtrot grew.", "成長。")])
    (folder / "sub" / "c.txt").rename(folder / "sub" / "moved.txt")
    report = indexer.update(paths=[str(folder / "sub")])
    # the moved file keeps its fingerprint: read again, not indexed again
    assert (report.read, report.indexed, report.missing, report.removed) == (2, 1, 1, 0)
    (folder / "sub" / "moved.txt").unlink()
    (folder / "sub").rename(folder / "renamed")  # what the watcher says: both folders changed
    report = indexer.update(paths=[str(folder / "sub"), str(folder)])
    assert (report.read, report.indexed, report.missing, report.removed) == (1, 0, 2, 1)
    with Searcher(library) as s:
        assert companies(s, "foxtrot") == {"new.txt"}
        assert found(s, "charlie") == set()
    assert sorted(f.path.rsplit("/", 2)[-2] for f in library.files()) == ["calls", "calls", "renamed"]


def test_a_one_file_update_is_one_commit(folder, library):
    library.add([folder])
    indexer = Indexer(library)
    indexer.update()
    before = toc().generation
    write_call(folder / "a.txt", company="Alpha Foods", prepared=[("Golf sales rose.", "銷售上升。")])
    report = indexer.update(paths=[str(folder / "a.txt")])
    assert (report.indexed, report.removed) == (1, 1)
    assert toc().generation == before + 1  # the new paragraphs and the deletion of the old
    assert indexer._read_manifest()["generation"] == before + 1  # written before that commit
    assert indexer.update(paths=[str(folder / "a.txt")]).read == 0
    assert toc().generation == before + 1  # nothing changed: no commit
    count = len(toc().segments)
    write_call(folder / "a.txt", company="Alpha Foods", prepared=[("Hotel sales rose.", "銷售上升。")])
    indexer.update(paths=[str(folder / "a.txt")])
    assert len(toc().segments) == count  # the segment the last change wrote, emptied, went


def test_an_update_of_paths_rebuilds_a_missing_index_from_every_file(folder, library):
    library.add([folder])
    indexer = Indexer(library)
    indexer.update()
    for f in index_dir().iterdir():
        f.unlink()
    report = indexer.update(paths=[str(folder / "a.txt")])
    assert report.rebuilt == "missing" and report.indexed == 3


WORDS = ["Hotel", "Juliet", "Kilo", "Lima"]


def changes(indexer, folder):
    """An update per new call, each with a word of its own: as many small segments."""
    for i, word in enumerate(WORDS):
        write_call(folder / f"extra{i}.txt", company=f"{word} Foods", prepared=[(f"{word} grew.", "酒店。")])
        indexer.update(paths=[str(folder / f"extra{i}.txt")])


QUERIES = ["sales", "hotel OR lima", "alpha", "銷售", "酒店", "revenue OR 營收", '"sales rose"']


def answers(searcher):
    return {q: found(searcher, q) for q in QUERIES}


def test_a_merge_keeps_every_document_and_no_deleted_one(folder, library):
    library.add([folder])
    indexer = Indexer(library)
    indexer.update()
    changes(indexer, folder)
    write_call(folder / "extra1.txt", company="India Foods", prepared=[("India grew.", "印度。")])
    (folder / "extra2.txt").unlink()
    indexer.update(paths=[str(folder / "extra1.txt"), str(folder / "extra2.txt")])
    assert not indexer.update().read  # the updates above left nothing for a full scan
    assert indexer.merge_due()
    segments = len(toc().segments)
    with Searcher(library) as s:
        expected, count = answers(s), s.doc_count
        assert found(s, "juliet") == set() and found(s, "kilo") == set()
        held = s.search("grew", resolve=False).total

        assert indexer.merge() >= 3
        assert len(toc().segments) < segments and not indexer.merge_due()
        assert s.search("grew", resolve=False).total == held  # a searcher not refreshed yet
        assert s.refresh()
        assert answers(s) == expected and s.doc_count == count
        assert companies(s, "india") == {"extra1.txt"} and found(s, "kilo") == set()
    assert indexer.merge() == 0  # nothing due any more
    assert indexer.update().read == 0 and indexer.check() is None


def test_a_merge_stopped_before_its_commit_loses_nothing(folder, library, monkeypatch):
    library.add([folder])
    indexer = Indexer(library)
    indexer.update()
    changes(indexer, folder)
    before = toc()
    with Searcher(library) as s:
        expected = answers(s)
    assert not stray_files()

    # cancelled after the first segment was read (the app quitting)
    asked = iter([False, False, True])
    with pytest.raises(Cancelled):
        indexer.merge(cancelled=lambda: next(asked, True))
    # killed between the manifest and the table of contents: the last moment it can be
    real_write = whoosh_index.TOC.write

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(whoosh_index.TOC, "write", killed)
    with pytest.raises(KeyboardInterrupt):
        indexer.merge()
    monkeypatch.setattr(whoosh_index.TOC, "write", real_write)

    assert toc().generation == before.generation and indexer.check() is None
    assert indexer._read_manifest()["generation"] != before.generation  # noticed, and read back
    with Searcher(library) as s:
        assert answers(s) == expected
    assert indexer.update().read == 0
    assert stray_files()  # what the two merges wrote before they stopped
    assert indexer.merge() >= 3  # and merging again works; the half-made files go with it
    assert not stray_files()
    with Searcher(library) as s:
        assert answers(s) == expected


class Seg:
    """A segment as the merge plan sees it: its documents, how many deleted."""

    def __init__(self, docs, deleted=0):
        self.docs, self.deleted = docs, deleted

    def doc_count_all(self):
        return self.docs

    def deleted_count(self):
        return self.deleted

    def __repr__(self):
        return f"Seg({self.docs}, {self.deleted})"


def test_the_merge_plan_keeps_few_segments_and_bounds_each_merge():
    big = [Seg(50_000), Seg(50_000, 1_000)]
    one_call = [Seg(180 + i) for i in range(5)]
    chosen, live, dropped = Indexer._plan([*big, *one_call, Seg(180, 180)])
    assert set(chosen) == set(one_call) and dropped == 1 and len(live) == 7  # into one
    grown = Seg(1_000)  # what they made once there were enough: out of the pool
    assert Indexer._plan([*big, grown, one_call[0]])[0] == []  # one alone: nothing to do
    assert set(Indexer._plan([*big, grown, *one_call[:2]])[0]) == set(one_call[:2])
    emptied = Seg(1_100, 700)  # what it has left counts
    assert set(Indexer._plan([*big, emptied, one_call[0]])[0]) == {emptied, one_call[0]}
    fives = [Seg(1_500 + i) for i in range(5)]
    assert set(Indexer._plan([*big, *fives])[0]) == set(fives)  # 5 of about the same size
    assert Indexer._plan([*big, *fives[:4], grown, Seg(9_000)])[0] == []
    holed = Seg(50_000, 20_000)
    assert Indexer._plan([*big, holed])[0] == [holed]  # 40% deleted: rewritten


def test_a_merge_waits_for_no_one(folder, library):
    library.add([folder])
    indexer = Indexer(library)
    indexer.update()
    lock = indexer.lock()  # an update under way elsewhere
    assert lock.acquire()
    try:
        with pytest.raises(IndexBusy):
            indexer.merge()
    finally:
        lock.release()
