"""Find in the document: folding, matching in both languages, document order, nearest()."""

from types import SimpleNamespace

import pytest

from reader.core.find import Finder, Match, compile_query, fold, nearest
from reader.core.model import Paragraph, Section
from reader.core.parser import parse_file


def transcript(*pairs):
    """A stand-in Transcript holding only paragraphs: all Finder reads."""
    return SimpleNamespace(
        paragraphs=[
            Paragraph(index=i, en=en, zh=zh, turn=0, call=0, section=Section.PREPARED, line=i + 1)
            for i, (en, zh) in enumerate(pairs)
        ]
    )


# -- fold --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Straße",
        "İstanbul",  # lower() is two characters: kept as is
        "ﬁnance",  # a ligature
        "revenue 📈 up 😀👍🏽",
        "e\u0301 n\u0303 a\u030a\u0323",  # combining marks
        "第二季營收為人民幣 10.8 億元",
        "ＡＢＣ（１２３）：，！～",
        "\u00a0\u3000\u202f“quoted” ‘single’ — – −",
        "\ud800",  # a lone surrogate
        "",
    ],
)
def test_fold_keeps_the_length(text):
    assert len(fold(text)) == len(text)


def test_fold_values():
    assert fold("Straße İstanbul") == "straße İstanbul"
    assert fold("營收為人民幣") == "营收为人民币"
    assert fold("营收为人民币") == "营收为人民币"
    assert fold("ＲＭＢ１０") == "rmb10"
    assert fold("（注：，）") == "(注:,)"
    assert fold("“Yes,” she said — it’s 5–6%") == '"yes," she said - it\'s 5-6%'
    assert fold("a\u00a0b\u3000c") == "a b c"
    assert fold("意味著") == fold("意味着") == "意味着"
    assert fold("薴") == "苎"  # a chain, 薴 -> 苧 -> 苎, folded to its end
    assert fold("😀é") == "😀é"


def test_fold_is_idempotent():
    sample = "第二季營收 ＡＢＣ Straße “Q2” İ 薴 😀"
    assert fold(fold(sample)) == fold(sample)


def test_fold_keeps_the_length_of_a_big_mixed_text():
    # Speed is measured in bench/, never asserted here.
    text = ("謝謝 Elena。第二季營收為人民幣 10.8 億元 “Revenue” was RMB1.08 billion. " * 2_000)[:100_000]
    assert len(fold(text)) == len(text)


# -- query -------------------------------------------------------------------------------------


def test_compile_query():
    assert compile_query("") is None
    assert compile_query(" \t\u3000 ") is None
    assert compile_query("營收").pattern == "营收"
    assert compile_query("  net   Income ").pattern == r"net\s+income"
    assert compile_query("1.08 (US$)").pattern == r"1\.08\s+\(us\$\)"


# -- Finder ------------------------------------------------------------------------------------


def test_traditional_query_finds_simplified_text(fixture_path):
    t = parse_file(fixture_path("simplified.txt"))
    finder = Finder(t)
    matches = finder.find("營收")
    assert matches  # 营收为人民币 96 亿元
    for m in matches:
        assert m.lang == "zh"
        assert t.paragraphs[m.paragraph].zh[m.start : m.end] == "营收"
    assert finder.find("营收") == matches


def test_simplified_query_finds_traditional_text(fixture_path):
    t = parse_file(fixture_path("basic.txt"))
    finder = Finder(t)
    matches = finder.find("营收")
    assert matches
    assert {t.paragraphs[m.paragraph].zh[m.start : m.end] for m in matches} == {"營收"}
    assert finder.find("營收") == matches


def test_matches_in_both_languages_in_document_order():
    t = transcript(
        ("Revenue rose. REVENUE fell.", "營收上升。营收下降。"),
        ("No match here.", "沒有"),
        ("revenue", None),
        (None, "收入與營收"),
    )
    assert Finder(t).find("revenue") == [
        Match(0, "en", 0, 7),
        Match(0, "en", 14, 21),
        Match(2, "en", 0, 7),
    ]
    assert Finder(t).find("營收") == [
        Match(0, "zh", 0, 2),
        Match(0, "zh", 5, 7),
        Match(3, "zh", 3, 5),
    ]
    # Within a paragraph English comes before Chinese, whatever the offsets:
    t2 = transcript(("RMB 10", "人民幣 10 億"), ("x", "RMB 10"))
    assert Finder(t2).find("10") == [
        Match(0, "en", 4, 6),
        Match(0, "zh", 4, 6),
        Match(1, "zh", 4, 6),
    ]


def test_offsets_index_the_original_text():
    t = transcript(
        ("“Gross Margin” was 34.6% — up; ＧＲＯＳＳ margin again", "毛利率為 34.6%(“毛利率”)"),
    )
    finder = Finder(t)
    for query in ['"gross margin"', "gross margin", "34.6%", "毛利率", "- up"]:
        pattern = compile_query(query)
        matches = finder.find(query)
        assert matches, query
        for m in matches:
            text = getattr(t.paragraphs[m.paragraph], m.lang)
            assert pattern.fullmatch(fold(text[m.start : m.end])), (query, m)
    assert [(m.start, m.end) for m in finder.find("gross margin")] == [(1, 13), (31, 43)]


def test_english_is_case_insensitive():
    t = transcript(("Net Income, NET INCOME, net income", None))
    assert len(Finder(t).find("NeT iNcOmE")) == 3


def test_whitespace_in_the_query_matches_any_run():
    t = transcript(("net  income;\tnet\u00a0income; net\nincome; netincome", None))
    assert [(m.start, m.end) for m in Finder(t).find("net income")] == [(0, 11), (13, 23), (25, 35)]


def test_matches_do_not_overlap():
    t = transcript(("aaaaa", "哈哈哈哈"))
    assert Finder(t).find("aa") == [Match(0, "en", 0, 2), Match(0, "en", 2, 4)]
    assert Finder(t).find("哈哈") == [Match(0, "zh", 0, 2), Match(0, "zh", 2, 4)]


def test_empty_query_and_missing_languages():
    t = transcript((None, None), ("text", None), (None, "文字"))
    finder = Finder(t)
    assert finder.find("") == []
    assert finder.find("   ") == []
    assert finder.find("text") == [Match(1, "en", 0, 4)]
    assert finder.find("文字") == [Match(2, "zh", 0, 2)]


def test_range_restriction():
    t = transcript(*[("cost", "成本")] * 6)
    finder = Finder(t)
    assert [m.paragraph for m in finder.find("cost", range(2, 4))] == [2, 3]
    assert [m.paragraph for m in finder.find("成本", range(4, 100))] == [4, 5]
    assert [m.paragraph for m in finder.find("cost", range(-3, 1))] == [0]
    assert [m.paragraph for m in finder.find("cost", range(5, 0, -2))] == [1, 3, 5]
    assert finder.find("cost", range(3, 3)) == []
    assert len(finder.find("cost")) == 6


def test_folding_is_cached_per_paragraph():
    t = transcript(("Alpha", "甲"), ("Beta", "乙"))
    finder = Finder(t)
    finder.find("beta", range(1, 2))
    assert finder._folded == [None, ("beta", "乙")]
    t.paragraphs[1].en = "changed"  # a cached paragraph is not folded again
    assert finder.find("beta") == [Match(1, "en", 0, 4)]


# -- nearest -----------------------------------------------------------------------------------


def test_nearest():
    matches = [Match(p, "en", 0, 1) for p in (2, 2, 5, 9)]
    assert nearest(matches, 0) == 0
    assert nearest(matches, 2) == 0
    assert nearest(matches, 3) == 2
    assert nearest(matches, 9) == 3
    assert nearest(matches, 10) is None
    assert nearest(matches, 2, backwards=True) is None
    assert nearest(matches, 3, backwards=True) == 1
    assert nearest(matches, 9, backwards=True) == 2
    assert nearest(matches, 100, backwards=True) == 3
    assert nearest([], 0) is None
    assert nearest([], 0, backwards=True) is None
