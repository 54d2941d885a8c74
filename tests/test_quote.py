"""Copy as Quote, without Qt: the citation, both languages, the link, and the three renderings."""

from __future__ import annotations

import pytest

from reader.core.links import parse_link
from reader.core.parser import parse_file
from reader.core.quote import QuoteError, Span, citation, make_quote, paragraph_quote


@pytest.fixture
def basic(fixture_path):
    return parse_file(fixture_path("basic.txt"))


def test_citation_names_company_period_speaker_title_and_counts_paragraphs_from_one(basic):
    # Paragraph index 2 is Elena Varga's second paragraph: the status bar says "paragraph 3".
    assert citation(basic, 2) == (
        "Corvane Robotics Q2 2025 earnings call, Elena Varga (Chief Executive Officer), \u00b63"
    )
    assert citation(basic, 1, 3).endswith("\u00b62\u20134")


def test_a_paragraph_quote_holds_both_languages_the_citation_and_the_link(basic):
    q = paragraph_quote(basic, "/calls/corvane q2.txt", 2)
    p = basic.paragraphs[2]
    assert q.texts == {"en": p.en, "zh": p.zh}
    assert parse_link(q.url) == ("/calls/corvane q2.txt", 2)  # the link counts from 0
    for text in (q.plain(), q.markdown(), q.html()):
        assert "CR-60" in text and "六軸焊接手臂" in text
        assert "Elena Varga (Chief Executive Officer)" in text
        assert "\u00b63" in text
    assert q.url in q.plain() and f"<{q.url}>" in q.markdown()
    assert 'href="transcript-reader://open?path=/calls/corvane%20q2.txt&amp;paragraph=2"' in q.html()


def test_a_selection_quotes_its_own_words_and_the_whole_counterpart(basic):
    p = basic.paragraphs[1]
    start = p.en.index("we shipped")
    end = p.en.index(" industrial robots")
    q = make_quote(basic, "f.txt", "en", [Span(1, start, end)])
    assert q.texts["en"] == "we shipped 3,420"
    assert q.texts["zh"] == p.zh
    assert q.plain().startswith("\u201cwe shipped 3,420\u201d\n\n\u201c" + p.zh)


def test_a_selection_in_chinese_is_quoted_from_chinese(basic):
    p = basic.paragraphs[1]
    q = make_quote(basic, "f.txt", "zh", [Span(1, 0, 5)])
    assert q.texts == {"zh": p.zh[:5], "en": p.en}
    assert q.plain().index(p.en) < q.plain().index(p.zh[:5])  # English first, as the panes show


def test_a_selection_over_several_turns_is_kept_to_the_first_speaker(basic):
    # Paragraphs 1-3 are Elena Varga's turn, 4 is Raymond Kwok's.
    assert basic.paragraphs[3].turn == basic.paragraphs[1].turn != basic.paragraphs[4].turn
    q = make_quote(basic, "f.txt", "en", [Span(i, 0, 10_000) for i in range(1, 6)])
    assert q.texts["en"].split("\n\n") == [basic.paragraphs[i].en for i in (1, 2, 3)]
    assert q.texts["zh"].split("\n\n") == [basic.paragraphs[i].zh for i in (1, 2, 3)]
    assert q.citation.endswith("Elena Varga (Chief Executive Officer), \u00b62\u20134")
    assert q.markdown().count("\n>\n") == 6  # 2 + 2 between paragraphs, languages, citation


def test_an_english_only_transcript_quotes_english_alone(fixture_path):
    t = parse_file(fixture_path("english_only.txt"))
    q = paragraph_quote(t, "e.txt", 1, lang="zh")  # no Chinese there: quoted from English
    assert set(q.texts) == {"en"}
    assert q.plain().count("\u201c") == 1


def test_markup_in_the_text_is_shown_as_text(basic):
    q = make_quote(basic, "f.txt", "en", [Span(1, 0, 20)])
    object.__setattr__(q, "texts", {"en": "a <b> & *c* [d](e)"})
    assert "&lt;b&gt; &amp;" in q.html()
    assert r"a \<b\> & \*c\* \[d\](e)" in q.markdown()


def test_nothing_to_quote_is_an_error(basic):
    with pytest.raises(QuoteError):
        make_quote(basic, "f.txt", "en", [])
    with pytest.raises(QuoteError):
        make_quote(basic, "f.txt", "en", [Span(1, 5, 5)])
    with pytest.raises(QuoteError):
        make_quote(basic, "f.txt", "fr", [Span(1, 0, 5)])
