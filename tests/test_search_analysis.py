"""The search analysis: English stemming, Chinese bigrams + unigrams, Traditional/Simplified folding,
and the schema's fast field types agreeing with the Whoosh analyzers pickled into the index."""

import pickle

import pytest
from whoosh import formats

from reader.core.search import analysis, schema
from reader.core.search.analysis import chinese_terms, english_terms, query_terms


def test_english_terms_are_stemmed_and_keep_numbers_whole():
    assert english_terms("Gross margins improved; revenue was $3,420 million, up 1.28%.") == [
        "gross",
        "margin",
        "improv",
        "revenu",
        "wa",
        "3420",
        "million",
        "up",
        "1.28",
    ]
    assert english_terms("The company's margin") == ["the", "compani", "margin"]
    assert english_terms("ＲＥＶＥＮＵＥ “growth”") == ["revenu", "growth"]  # full-width, curly quotes


def test_chinese_terms_are_overlapping_bigrams_and_every_character():
    positional, unigrams = chinese_terms("營收成長,年")
    assert positional == ["营收", "收成", "成长", "年"]  # folded to Simplified; a lone character as itself
    assert unigrams == ["营", "收", "成", "长", "年"]


def test_latin_words_inside_chinese_lines_are_english_terms():
    positional, unigrams = chinese_terms("第二季我們出貨了 3,420 台 Robots")
    assert "3420" in positional and "robot" in positional
    assert positional[:3] == ["第二", "二季", "季我"]
    assert "3" not in unigrams and "台" in unigrams


def test_traditional_and_simplified_give_the_same_terms():
    assert chinese_terms("營收與現金流") == chinese_terms("营收与现金流")
    assert query_terms("營收") == query_terms("营收") == ["营收"]


def test_query_terms_make_a_bigram_phrase():
    assert query_terms("毛利率") == ["毛利", "利率"]
    assert query_terms("gross margins") == ["gross", "margin"]


@pytest.mark.parametrize(
    ("analyzer", "text", "expected"),
    [
        (
            analysis.EnglishAnalyzer(),
            "Gross margins, 3,420 units",
            english_terms("Gross margins, 3,420 units"),
        ),
        (analysis.ChineseAnalyzer(), "營收成長 Q2,年", chinese_terms("營收成長 Q2,年")[0]),
        (analysis.UnigramAnalyzer(), "營收成長 Q2,年", chinese_terms("營收成長 Q2,年")[1]),
    ],
)
def test_whoosh_analyzers_give_the_fast_functions_terms(analyzer, text, expected):
    tokens = [(t.text, t.pos, t.startchar, t.endchar) for t in analyzer(text, positions=True, chars=True)]
    assert [t[0] for t in tokens] == expected
    assert [t[1] for t in tokens] == list(range(len(expected)))
    for term, _, start, end in tokens:  # offsets point into the original (unfolded) text
        piece = analysis.fold(text[start:end])
        assert term in (piece, analysis.normalise_word(piece))


def test_analyzers_survive_pickling_as_the_schema_does():
    restored = pickle.loads(pickle.dumps(schema.make_schema()))
    assert [t.text for t in restored["zh"].analyzer("營收")] == ["营收"]
    assert restored["en"].format.__class__ is schema.BytePositions


@pytest.mark.parametrize("field", ["en", "zh"])
def test_fast_index_matches_whoosh_positions_format(field):
    """The fields' own index() gives what Whoosh's analyzer + Positions format would."""
    fieldobj = schema.make_schema()[field]
    text = "Revenue rose, and revenue margins rose again. 營收成長,營收創新高。"
    ours = {t: (freq, fieldobj.format.decode_positions(v)) for t, freq, _, v in fieldobj.index(text)}
    theirs = {
        t.encode(): (freq, formats.Positions().decode_positions(v))
        for t, freq, _, v in formats.Positions().word_values(text, fieldobj.analyzer, mode="index")
    }
    assert ours == theirs


def test_unigram_field_weights_each_character_by_its_count():
    postings = {
        t.decode(): (freq, weight) for t, freq, weight, _ in schema.make_schema()["zh1"].index("營收營")
    }
    assert postings == {"营": (2, 2.0), "收": (1, 1.0)}


def test_positions_encode_compactly_and_round_trip():
    assert schema.encode_positions([0, 5, 254]) == bytes([0, 5, 254])
    wide = list(range(0, 600, 7))
    encoded = schema.encode_positions(wide)
    assert encoded[0] == 0xFF
    assert list(schema.decode_positions(encoded)) == wide
    assert schema.BytePositions().decode_frequency(encoded) == len(wide)


def test_long_paragraphs_carry_the_wide_marker():
    terms = [f"w{i}" for i in range(300)]
    assert schema.WIDE_TERM.encode() in {t for t, *_ in schema.positional_postings(terms)}
    assert schema.WIDE_TERM.encode() not in {t for t, *_ in schema.positional_postings(terms[:200])}


def test_tag_terms_and_period_keys():
    assert schema.tag_terms("Sophie Lam") == ["sophie", "lam"]
    assert schema.tag_terms("FY2024") == ["fy2024", "2024"]
    assert schema.label_term("Corvane  Robotics") == "=corvane robotics"
    assert schema.period_key("Q2 2024") == 20242
    assert schema.period_key("FY2023") == 20235
    assert schema.period_key(None) == 0
