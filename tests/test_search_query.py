"""The query language: AND by default, phrases, prefixes, OR/NOT, grouping, filters, errors."""

import pytest

from reader.core.search.query import And, Filter, Not, Or, QueryError, Words, make_filter, parse


def words_of(node):
    return node.terms if isinstance(node, Words) else None


def test_words_are_anded():
    q = parse("gross margins")
    assert isinstance(q.root, And)
    assert [w.terms for w in q.root.children] == [("gross",), ("margin",)]


def test_a_quoted_phrase_is_one_node_in_either_language():
    assert parse('"gross margin"').root == Words("gross margin", ("gross", "margin"))
    assert parse("“毛利率”").root == Words(
        "毛利率", ("毛利", "利率")
    )  # curly quotes as typed on a CJK keyboard
    assert parse('"營收 成長"').root.terms == ("营收", "收成", "成长")  # spaces between characters ignored


def test_one_chinese_character_is_a_unigram_and_two_a_bigram():
    assert parse("收").root == Words("收", (), unigram="收")
    assert parse("營").root.unigram == "营"
    assert parse("營收").root.terms == ("营收",)
    assert parse("營收").root.chinese and not parse("revenue").root.chinese


def test_prefix_uses_the_stem_when_it_is_shorter():
    assert parse("margins*").root == Words("margins", ("margin",), prefix=True)
    assert parse("manufact*").root.terms == ("manufact",)


def test_or_binds_tighter_than_and_and_not_excludes():
    q = parse("revenue growth OR sales -guidance")
    assert isinstance(q.root, And)
    first, second, third = q.root.children
    assert words_of(first) == ("revenu",)
    assert isinstance(second, Or) and [words_of(c) for c in second.children] == [("growth",), ("sale",)]
    assert isinstance(third, Not) and words_of(third.child) == ("guidanc",)
    assert [w.text for w in q.highlight] == ["revenue", "growth", "sales"]  # not the excluded word


def test_grouping_and_explicit_and_not():
    q = parse("(revenue OR sales) AND NOT guidance")
    assert isinstance(q.root, And)
    assert isinstance(q.root.children[0], Or)
    assert isinstance(q.root.children[1], Not)


def test_filters_in_the_query_and_from_options():
    q = parse(
        'margin speaker:"Elena Varga" role:Analyst section:qa period:2024 lang:zh',
        [make_filter("company", "Corvane")],
    )
    filters = [c for c in q.root.children if isinstance(c, Filter)]
    assert filters == [
        Filter("speaker", ("elena", "varga")),
        Filter("role", ("analyst",)),
        Filter("section", ("qa",)),
        Filter("period", ("2024",)),
        Filter("company", ("corvane",)),
    ]
    assert q.lang == "zh"


def test_a_colon_in_a_word_is_not_a_filter():
    assert parse("10:30").root.terms == ("10", "30")


def test_only_filters_or_nothing():
    assert parse("role:analyst").root == Filter("role", ("analyst",))
    assert parse("").root is None
    assert parse("   ,;").root is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("role:boss", "unknown role"),
        ("section:intro", "unknown section"),
        ("lang:fr", "unknown language"),
        ("(revenue", r"missing '\)'"),
        ("revenue)", "unbalanced"),
        ("speaker:,", "empty speaker filter"),
    ],
)
def test_bad_queries_raise_one_line_errors(text, message):
    with pytest.raises(QueryError, match=message):
        parse(text)


def test_deep_nesting_is_refused():
    with pytest.raises(QueryError, match="too deep"):
        parse("(" * 40 + "a" + ")" * 40)


def test_unknown_filter_and_language_options():
    with pytest.raises(QueryError):
        make_filter("colour", "red")
    with pytest.raises(QueryError):
        parse("revenue", lang="fr")
