"""The figures of paragraphs, analysed once: figures, mismatches, counterparts and descriptions.

Every sentence is invented, in the shape of the real files.
"""

from __future__ import annotations

import pytest

from reader.core.analysis import ParagraphFigures, analyse, analyse_paragraph, counterpart, describe
from reader.core.figures import DIFFERENT, Figure, find_figures
from reader.core.model import Paragraph, Section, Transcript

EN = "Revenue was RMB1.3 billion, up 31%."
ZH = "營收為 13 億元,增長 31%。"


def para(en: str | None, zh: str | None, index: int = 0) -> Paragraph:
    return Paragraph(index=index, en=en, zh=zh, turn=0, call=0, section=Section.PREPARED, line=1)


def spans(figures: list[Figure]) -> list[tuple[str, str, int, int]]:
    return [(f.text, f.kind, f.start, f.end) for f in figures]


def test_analyse_paragraph_finds_both_languages_and_agrees():
    pf = analyse_paragraph(para(EN, ZH))
    assert spans(pf.en) == [("RMB1.3 billion", "money", 12, 26), ("31%", "percent", 31, 34)]
    assert spans(pf.zh) == [("13 億元", "money", 4, 9), ("31%", "percent", 13, 16)]
    assert pf.mismatches == []
    assert pf.flagged is False
    assert pf.mismatched_spans("en") == []
    assert pf.mismatched_spans("zh") == []
    assert pf.figures("en") is pf.en and pf.figures("zh-Hant") is pf.zh


def test_analyse_paragraph_lexes_each_language_once(monkeypatch):
    import reader.core.analysis as analysis

    calls: list[str] = []

    def counting(text: str, lang: str) -> list[Figure]:
        calls.append(lang)
        return find_figures(text, lang)

    monkeypatch.setattr(analysis, "find_figures", counting)
    analysis.analyse_paragraph(para(EN, ZH))
    assert calls == ["en", "zh"]


def test_deliberate_mismatch_is_flagged_with_its_spans():
    en = "Gross margin was 18% in the second quarter of 2024."
    zh = "2024 年第二季毛利率為 13%。"
    pf = analyse_paragraph(para(en, zh))
    assert pf.flagged is True
    assert len(pf.mismatches) == 1
    m = pf.mismatches[0]
    assert (m.kind, m.en, m.zh, m.problem) == ("percent", "18%", "13%", DIFFERENT)
    assert (m.value, m.zh_value) == (18.0, 13.0)
    assert pf.mismatched_spans("en") == [(17, 20)]
    assert pf.mismatched_spans("zh") == [(14, 17)]
    assert en[17:20] == "18%" and zh[14:17] == "13%"
    # the mismatched figures have no counterpart; the period does
    assert counterpart(pf, "en", pf.en[0]) is None
    assert counterpart(pf, "zh", pf.zh[1]) is None
    assert spans(pf.en)[1] == ("second quarter of 2024", "period", 28, 50)
    assert counterpart(pf, "en", pf.en[1]) == pf.zh[0]
    assert counterpart(pf, "zh", pf.zh[0]) == pf.en[1]


def test_missing_in_chinese_has_only_the_english_span():
    pf = analyse_paragraph(para("We shipped 5,000 vehicles, up 31%.", "我們交付了汽車,增長 31%。"))
    assert pf.flagged
    assert pf.mismatched_spans("en") == [(11, 25)]
    assert pf.mismatched_spans("zh") == []
    assert counterpart(pf, "en", pf.en[0]) is None
    assert counterpart(pf, "en", pf.en[1]) == pf.zh[0]


def test_counterpart_found_both_ways():
    pf = analyse_paragraph(para(EN, ZH))
    assert counterpart(pf, "en", pf.en[0]) == pf.zh[0]  # RMB1.3 billion → 13 億元
    assert counterpart(pf, "en", pf.en[1]) == pf.zh[1]  # 31% → 31%
    assert counterpart(pf, "zh", pf.zh[0]) == pf.en[0]
    assert counterpart(pf, "zh", pf.zh[1]) == pf.en[1]


def test_counterpart_is_found_by_span_and_not_found_for_a_stranger():
    pf = analyse_paragraph(para(EN, ZH))
    copy = Figure("money", "RMB1.3 billion", 12, 26)  # same span, a different object
    assert counterpart(pf, "en", copy) == pf.zh[0]
    assert counterpart(pf, "en", Figure("percent", "31%", 0, 3)) is None
    assert counterpart(pf, "zh", pf.en[0]) is None  # an English span is no Chinese figure


def test_counterpart_pairs_repeated_values_in_order():
    pf = analyse_paragraph(para("Up 31% in Q1 and 31% in Q2.", "第一季增長 31%,第二季增長 31%。"))
    en31 = [f for f in pf.en if f.kind == "percent"]
    zh31 = [f for f in pf.zh if f.kind == "percent"]
    assert len(en31) == len(zh31) == 2
    assert counterpart(pf, "en", en31[0]) == zh31[0]
    assert counterpart(pf, "en", en31[1]) == zh31[1]
    assert counterpart(pf, "zh", zh31[1]) == en31[1]


def test_counterpart_allows_the_chinese_rounding():
    pf = analyse_paragraph(para("Net income was RMB944 million.", "淨利潤為 9.4 億元。"))
    assert not pf.flagged
    assert counterpart(pf, "en", pf.en[0]) == pf.zh[0]
    assert counterpart(pf, "zh", pf.zh[0]) == pf.en[0]


def test_counterpart_of_a_vaguer_period():
    pf = analyse_paragraph(para("In the second quarter, we grew.", "2024 年第二季,我們成長了。"))
    assert [f.period for f in pf.en] == ["Q2"]
    assert [f.period for f in pf.zh] == ["Q2 2024"]
    assert counterpart(pf, "en", pf.en[0]) == pf.zh[0]


def test_one_language_only():
    pf = analyse_paragraph(para(EN, None))
    assert spans(pf.en) == [("RMB1.3 billion", "money", 12, 26), ("31%", "percent", 31, 34)]
    assert pf.zh == [] and pf.mismatches == [] and not pf.flagged
    assert counterpart(pf, "en", pf.en[0]) is None
    pf = analyse_paragraph(para(None, ZH))
    assert pf.en == [] and len(pf.zh) == 2 and not pf.flagged


def test_analyse_a_range_of_a_transcript():
    paragraphs = [
        para(EN, ZH, 0),
        para("Gross margin was 18%.", "毛利率為 13%。", 1),
        para("Thank you.", "謝謝。", 2),
    ]
    t = Transcript(
        encoding="utf-8",
        languages=["en", "zh"],
        header=None,
        paragraphs=paragraphs,
        turns=[],
        speakers={},
        calls=[],
        exchanges=[],
        fingerprint="",
    )
    result = analyse(t, range(1, 3))
    assert list(result) == [1, 2]
    assert all(isinstance(v, ParagraphFigures) for v in result.values())
    assert result[1].flagged and result[1].mismatched_spans("en") == [(17, 20)]
    assert result[2] == ParagraphFigures([], [], [])


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("RMB1.3 billion", "en", "RMB 1.3 billion"),
        ("13 億元", "zh", "RMB 1.3 billion"),
        ("RMB 1,300 million", "en", "RMB 1.3 billion"),
        ("20 億元", "zh", "RMB 2 billion"),
        ("9.4 億元", "zh", "RMB 940 million"),
        ("2.57 億美元", "zh", "USD 257 million"),
        ("1.2 萬億元", "zh", "RMB 1.2 trillion"),
        ("US$26 million", "en", "USD 26 million"),
        ("$750,000", "en", "USD 750,000"),
        ("75 萬美元", "zh", "USD 750,000"),
        ("($5.1 million)", "en", "USD -5.1 million"),
        ("$0.12 per diluted share", "en", "USD 0.12"),
        ("12 cents", "en", "USD 0.12"),
        ("31%", "en", "31%"),
        ("12.5%", "en", "12.5%"),
        ("百分之三十一", "zh", "31%"),
        ("40 basis points", "en", "0.4 percentage points"),
        ("0.4 個百分點", "zh", "0.4 percentage points"),
        ("5,000 vehicles", "en", "5,000 vehicles"),
        ("6.9 million vehicles", "en", "6.9 million vehicles"),
        ("690 萬輛", "zh", "6.9 million 輛"),
        ("3.5x", "en", "3.5x"),
        ("1,234", "en", "1,234"),
        ("100 萬", "zh", "1 million"),
        ("second quarter of 2024", "en", "Q2 2024"),
        ("2024 年第二季", "zh", "Q2 2024"),
    ],
)
def test_describe(text, lang, expected):
    (fig,) = find_figures(text, lang)
    assert describe(fig) == expected


def test_describe_a_figure_and_its_counterpart_alike():
    pf = analyse_paragraph(para(EN, ZH))
    assert [describe(f) for f in pf.en] == ["RMB 1.3 billion", "31%"]
    assert [describe(f) for f in pf.zh] == ["RMB 1.3 billion", "31%"]
