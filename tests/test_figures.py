"""Figures: the Pygments lexers, the values read from them, and the English/Chinese comparison.

Every sentence here is invented (no real transcript is read), in the shape of the real files: an English
paragraph and its machine-translated Chinese, with figures in both.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pygments.token import Text, Token

from reader.core.figures import (
    DIFFERENT,
    MISSING_EN,
    MISSING_ZH,
    MONEY,
    NUMBER,
    PERCENT,
    PERIOD,
    QUANTITY,
    ChineseFigureLexer,
    EnglishFigureLexer,
    Figure,
    Mismatch,
    compare_figures,
    find_figures,
    kind_of,
    lexer_for,
)


def tokens(text: str, lang: str) -> list[tuple[object, str]]:
    """The lexer's tokens, with neighbouring plain-text tokens merged."""
    out: list[tuple[object, str]] = []
    for _, tokentype, value in lexer_for(lang).get_tokens_unprocessed(text):
        if out and tokentype is Text and out[-1][0] is Text:
            out[-1] = (Text, out[-1][1] + value)
        else:
            out.append((tokentype, value))
    return out


def figures(text: str, lang: str) -> list[tuple[str, str]]:
    return [(f.text, f.kind) for f in find_figures(text, lang)]


def only(text: str, lang: str) -> Figure:
    found = find_figures(text, lang)
    assert len(found) == 1, found
    return found[0]


# --- the lexer: exact tokens ---------------------------------------------------------------------


def test_english_tokens_exact():
    assert tokens("Revenue rose 31% to RMB1.3 billion in Q2.", "en") == [
        (Text, "Revenue rose "),
        (PERCENT, "31%"),
        (Text, " to "),
        (MONEY, "RMB1.3 billion"),
        (Text, " in "),
        (PERIOD, "Q2"),
        (Text, "."),
    ]


def test_chinese_tokens_exact():
    assert tokens("第二季營收年增 31% 至人民幣13億元,交付 47.2 萬輛。", "zh") == [
        (PERIOD, "第二季"),
        (Text, "營收年增 "),
        (PERCENT, "31%"),
        (Text, " 至"),
        (MONEY, "人民幣13億元"),
        (Text, ",交付 "),
        (QUANTITY, "47.2 萬輛"),
        (Text, "。"),
    ]


def test_a_range_is_one_token():
    assert tokens("a loss of $26 to $32 million", "en")[1:] == [(MONEY.Range, "$26 to $32 million")]
    assert tokens("虧損 2,600 至 3,200 萬美元", "zh")[1:] == [(MONEY.Range, "2,600 至 3,200 萬美元")]
    assert tokens("up 2 to 3%", "en")[1:] == [(PERCENT.Range, "2 to 3%")]
    assert kind_of(MONEY.Range) == "money"


def test_q2_is_a_period_not_a_number():
    assert tokens("Q2", "en") == [(PERIOD, "Q2")]
    assert tokens("Q2", "zh") == [(PERIOD, "Q2")]


def test_text_is_kept_exactly():
    text = "Line one: $5 million\r\nLine two 第二季 \n"
    for lang in ("en", "zh"):
        got = list(lexer_for(lang).get_tokens_unprocessed(text))
        assert "".join(v for _, _, v in got) == text
        assert [p for p, _, _ in got] == [sum(len(v) for _, _, v in got[:i]) for i in range(len(got))]
    # get_tokens() neither strips nor appends a newline
    assert "".join(v for _, v in lexer_for("en").get_tokens("up 5%")) == "up 5%"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("0123456789,.%$()-–'’ QHFYxMBK年月日第季上下半全百分之萬億元美人民幣輛個項至到\n\r\t５")
            + ["RMB", "US$", " million", " billion", "second quarter", "first half", "May", "2024", "bps"]
        ),
        max_size=40,
    ).map("".join)
    | st.text(max_size=60)
)
def test_any_string_tokenizes_into_text_and_figures(text):
    for lang in ("en", "zh"):
        got = list(lexer_for(lang).get_tokens_unprocessed(text))
        assert "".join(v for _, _, v in got) == text
        assert all(v and (t is Text or kind_of(t)) for _, t, v in got)
        for f in find_figures(text, lang):
            assert text[f.start : f.end] == f.text
            assert (f.value is None) == (f.kind == "period" or (f.is_range and f.low is None))


def test_kind_of():
    assert kind_of(MONEY) == "money"
    assert kind_of(Token.Figure.Percent) == "percent"
    assert kind_of(QUANTITY) == "quantity"
    assert kind_of(NUMBER) == "number"
    assert kind_of(PERIOD) == "period"
    assert kind_of(Token.Figure.Money.Negative) == "money"  # a subtype is still money
    assert kind_of(Text) is None
    assert kind_of(Token.Figure) is None
    assert kind_of(Token.Name) is None


def test_lexer_for():
    assert isinstance(lexer_for("en"), EnglishFigureLexer)
    assert isinstance(lexer_for("zh"), ChineseFigureLexer)
    assert isinstance(lexer_for("zh-Hant"), ChineseFigureLexer)
    assert lexer_for("en") is lexer_for("en")
    with pytest.raises(ValueError):
        lexer_for("fr")


# --- English figures and their values ----------------------------------------------------------------

EN_CASES = [
    # money
    ("Revenue was RMB1.3 billion.", "RMB1.3 billion", "money", 1.3e9, "RMB"),
    ("Revenue was RMB 1.3 billion.", "RMB 1.3 billion", "money", 1.3e9, "RMB"),
    ("Revenue was RMB944 million.", "RMB944 million", "money", 9.44e8, "RMB"),
    ("We delivered revenue of $3.8 million.", "$3.8 million", "money", 3.8e6, "USD"),
    ("The dividend is US$0.25.", "US$0.25", "money", 0.25, "USD"),
    ("We raised USD 5 million.", "USD 5 million", "money", 5e6, "USD"),
    ("EPS came in at $0.27 per share.", "$0.27 per share", "money", 0.27, "USD"),
    ("Europe added EUR 3 million.", "EUR 3 million", "money", 3e6, "EUR"),
    ("Hong Kong sales were HK$12.5 million.", "HK$12.5 million", "money", 1.25e7, "HKD"),
    ("Net loss was ($5.1 million) this quarter.", "($5.1 million)", "money", -5.1e6, "USD"),
    ("Net loss was -$5.1 million.", "-$5.1 million", "money", -5.1e6, "USD"),
    ("Sales reached 1.3 billion yuan.", "1.3 billion yuan", "money", 1.3e9, "RMB"),
    ("Cash was $1.2B at quarter end.", "$1.2B", "money", 1.2e9, "USD"),
    ("That is 25 cents a unit.", "25 cents", "money", 0.25, "USD"),
    ("Loss per share was RMB0.84.", "RMB0.84", "money", 0.84, "RMB"),
    # percentages
    ("Revenue grew 31% year-over-year.", "31%", "percent", 31.0, None),
    ("Revenue grew 31 percent.", "31 percent", "percent", 31.0, None),
    ("Margin improved 40 basis points.", "40 basis points", "percent", 0.4, None),
    ("Margin improved 50 bps.", "50 bps", "percent", 0.5, None),
    ("Margin fell 2 percentage points.", "2 percentage points", "percent", 2.0, None),
    # quantities
    ("There are 6.9 million vehicles on the road.", "6.9 million vehicles", "quantity", 6.9e6, "vehicles"),
    ("We hold 598 registered patents.", "598 registered patents", "quantity", 598.0, "patents"),
    ("The pack stores 300 watt hours.", "300 watt hours", "quantity", 300.0, "watt hours"),
    ("We employ 1,500 employees.", "1,500 employees", "quantity", 1500.0, "employees"),
    ("The qualification takes 12 months.", "12 months", "quantity", 12.0, "months"),
    # plain numbers
    ("We added 472,000 in this quarter alone.", "472,000", "number", 472000.0, None),
    ("The ratio was 1.3 at the end.", "1.3", "number", 1.3, None),
    ("We have worked on it for almost 16 now.", "16", "number", 16.0, None),
    ("China sales were 12 million in the period.", "12 million", "number", 1.2e7, None),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value", "unit"), EN_CASES)
def test_english_figure(sentence, text, kind, value, unit):
    f = only(sentence, "en")
    assert (f.text, f.kind, f.unit) == (text, kind, unit)
    assert f.value == pytest.approx(value)
    assert sentence[f.start : f.end] == text
    assert f.period is None


EN_PERIODS = [
    ("Welcome to our Q2 call.", "Q2", "Q2"),
    ("Shipments in 2Q24 rose.", "2Q24", "Q2 2024"),
    ("In the second quarter we grew.", "second quarter", "Q2"),
    ("Sales were mixed during the first half of the year.", "first half", "H1"),
    ("We guide for full year 2024 revenue growth.", "full year 2024", "FY2024"),
    ("We expect profits in fiscal 2025.", "fiscal 2025", "FY2025"),
    ("Global sales will reach a record in 2024.", "2024", "2024"),
    ("Our goal is set for 2026 to 2027 time frame.", "2026 to 2027", "2026-2027"),
    ("Turning to the third quarter of 2024 outlook.", "third quarter of 2024", "Q3 2024"),
    ("Results for the second half of 2024 will improve.", "second half of 2024", "H2 2024"),
    ("Our Q4 FY24 plan is set.", "Q4 FY24", "Q4 FY2024"),
    ("Patent counts are as of June 30.", "June 30", "Jun 30"),
    ("All statements are made as of today, July 31, 2024 based on data.", "July 31, 2024", "Jul 31 2024"),
    ("That launch happened in '22 with success.", "'22", "2022"),
    ("We saw demand in May 2024 from customers.", "May 2024", "May 2024"),
    ("We expect a ramp by mid-2025.", "2025", "2025"),
]


@pytest.mark.parametrize(("sentence", "text", "period"), EN_PERIODS)
def test_english_period(sentence, text, period):
    f = only(sentence, "en")
    assert (f.text, f.kind, f.period, f.value) == (text, "period", period, None)


def test_may_the_verb_is_not_a_period():
    assert find_figures("The OpEx may come down. May I ask a question?", "en") == []


def test_a_month_name_alone_is_not_a_period():
    assert find_figures("We saw demand in May and June from customers.", "en") == []


# --- Chinese figures and their values --------------------------------------------------------------

ZH_CASES = [
    ("營收年增至 13 億元。", "13 億元", "money", 1.3e9, "RMB"),
    ("營收為人民幣 13 億元。", "人民幣 13 億元", "money", 1.3e9, "RMB"),
    ("該季度總收入為人民幣13億元,較去年同期成長。", "人民幣13億元", "money", 1.3e9, "RMB"),
    ("本季的營收為 380 萬美元。", "380 萬美元", "money", 3.8e6, "USD"),
    ("營收為 3.8 百萬美元。", "3.8 百萬美元", "money", 3.8e6, "USD"),
    ("現金為 1.3 億美元。", "1.3 億美元", "money", 1.3e8, "USD"),
    ("每股盈餘虧損 0.25 美元。", "0.25 美元", "money", 0.25, "USD"),
    ("軟體收入為人民幣5,700萬元。", "人民幣5,700萬元", "money", 5.7e7, "RMB"),
    ("營收增加 8,000萬元人民幣。", "8,000萬元人民幣", "money", 8e7, "RMB"),
    ("淨虧損為 (510 萬美元)。", "(510 萬美元)", "money", -5.1e6, "USD"),
    ("營收年增 31%。", "31%", "percent", 31.0, None),
    ("營收年增百分之三十一。", "百分之三十一", "percent", 31.0, None),
    ("毛利率提升 40 個基點。", "40 個基點", "percent", 0.4, None),
    ("道路上已有超過 690 萬輛採用我們技術的車輛。", "690 萬輛", "quantity", 6.9e6, "輛"),
    ("光是本季就增加了 47.2 萬輛。", "47.2 萬輛", "quantity", 472000.0, "輛"),
    ("我們在全球擁有 598 項註冊專利。", "598 項", "quantity", 598.0, "項"),
    ("我們擁有 1,500 多名員工。", "1,500 多名", "quantity", 1500.0, "名"),
    ("本季新增 472,000 台。", "472,000 台", "quantity", 472000.0, "台"),
    ("本季增加了 472,000。", "472,000", "number", 472000.0, None),
    # Simplified
    ("营收为人民币13亿元。", "人民币13亿元", "money", 1.3e9, "RMB"),
    ("营收增至 13亿元。", "13亿元", "money", 1.3e9, "RMB"),
    ("路上已有 690万辆汽车。", "690万辆", "quantity", 6.9e6, "辆"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value", "unit"), ZH_CASES)
def test_chinese_figure(sentence, text, kind, value, unit):
    f = only(sentence, "zh")
    assert (f.text, f.kind, f.unit) == (text, kind, unit)
    assert f.value == pytest.approx(value)
    assert sentence[f.start : f.end] == text


ZH_PERIODS = [
    ("歡迎參加 2024 年第二季財報電話會議。", "2024 年第二季", "Q2 2024"),
    ("我們在第二季保持了強勁的成長。", "第二季", "Q2"),
    ("我們在第二季度保持了成長。", "第二季度", "Q2"),
    ("到2026 年至 2027 年,國際業務將大幅成長。", "2026 年至 2027 年", "2026-2027"),
    ("上半年中國汽車銷售參差不齊。", "上半年", "H1"),
    ("我們將在 2024 年推出新產品。", "2024 年", "2024"),
    ("推動我們在2024年下半年的銷售。", "2024年下半年", "H2 2024"),
    ("截至 2024 年 7 月 31 日作出。", "2024 年 7 月 31 日", "Jul 31 2024"),
    ("截至 6 月 30 日,我們擁有專利。", "6 月 30 日", "Jun 30"),
    ("我们在2024年第二季度保持增长。", "2024年第二季度", "Q2 2024"),
    ("我们在二季度保持增长。", "二季度", "Q2"),
    ("我们预计 2025 财年实现盈利。", "2025 财年", "FY2025"),
]


@pytest.mark.parametrize(("sentence", "text", "period"), ZH_PERIODS)
def test_chinese_period(sentence, text, period):
    f = only(sentence, "zh")
    assert (f.text, f.kind, f.period) == (text, "period", period)


# --- no figures inside identifiers or words ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "We shipped the first EX-2M samples.",
        "The A320 fleet and the Fab2 line are running.",
        "COVID-19 disruptions have eased.",
        "5G modems and 3D graphics need power.",
        "I have two questions, and a million thanks.",
        "The Smart #5 and firmware v1.2 launched.",
        "Yields ramp to the high-90s soon.",
        "Please visit ir.example.com for details.",
    ],
)
def test_no_english_figures(sentence):
    assert find_figures(sentence, "en") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "我們完成了第一批 EX-2M 樣品。",
        "A320 機隊和 Fab2 產線都在運作。",
        "COVID-19 的影響已經減弱。",
        "5G 數據機和 3D 圖形。",
        "我有兩個問題。",
    ],
)
def test_no_chinese_figures(sentence):
    assert find_figures(sentence, "zh") == []


def test_word_numbers_are_figures_only_in_periods():
    assert figures("Two questions about the second quarter, please.", "en") == [("second quarter", "period")]


# --- the same value in both languages -----------------------------------------------------------------

EQUIVALENT = [
    ("Revenue was RMB1.3 billion.", "營收為 13 億元。"),
    ("Revenue was RMB1.3 billion.", "營收為人民幣13億元。"),
    ("Revenue was $3.8 million.", "營收為 380 萬美元。"),
    ("There are 6.9 million vehicles on the road.", "道路上有 690 萬輛。"),
    ("We added 472,000 vehicles.", "我們增加了 47.2 萬輛。"),
    ("EPS was $0.25.", "每股盈餘 0.25 美元。"),
    ("Margin rose 40 basis points.", "毛利率上升 40 個基點。"),
    ("Revenue grew 31%.", "營收成長 31%。"),
]


@pytest.mark.parametrize(("en", "zh"), EQUIVALENT)
def test_equivalent_values(en, zh):
    assert only(en, "en").value == pytest.approx(only(zh, "zh").value)
    assert compare_figures(en, zh) == []


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("We had a strong second quarter 2024.", "我們的 2024 年第二季表現強勁。"),
        ("Sales were mixed during the first half.", "上半年銷售參差不齊。"),
        ("Our goal is set for 2026 to 2027.", "我們的目標是 2026 年至 2027 年。"),
        ("We guide full year 2024 growth.", "我們預計 2024 年全年成長。"),
        ("Patent counts are as of June 30.", "專利數量截至 6 月 30 日。"),
    ],
)
def test_equivalent_periods(en, zh):
    assert only(en, "en").period == only(zh, "zh").period
    assert compare_figures(en, zh) == []


# --- comparison of a paragraph -----------------------------------------------------------------------

EN = (
    "Total revenue for the second quarter was RMB1.3 billion, an increase of 31% year-over-year. "
    "We added 472,000 vehicles this quarter, bringing the total to 6.9 million vehicles across 26 brands."
)
ZH = "第二季總營收為人民幣13億元,年增31%。本季我們新增了 47.2 萬輛,使 26 個品牌的總數達到 690 萬輛。"


def test_a_correct_translation_has_no_mismatch():
    assert compare_figures(EN, ZH) == []


@pytest.mark.parametrize(
    ("old", "new", "kind", "en", "zh", "value", "zh_value"),
    [
        ("年增31%", "年增13%", "percent", "31%", "13%", 31.0, 13.0),
        ("人民幣13億元", "人民幣14億元", "money", "RMB1.3 billion", "人民幣14億元", 1.3e9, 1.4e9),
        ("47.2 萬輛", "48.2 萬輛", "quantity", "472,000 vehicles", "48.2 萬輛", 472000.0, 482000.0),
        ("690 萬輛", "680 萬輛", "quantity", "6.9 million vehicles", "680 萬輛", 6.9e6, 6.8e6),
        ("26 個品牌", "28 個品牌", "quantity", "26 brands", "28 個", 26.0, 28.0),
        ("第二季", "第三季", "period", "second quarter", "第三季", "Q2", "Q3"),
    ],
)
def test_a_changed_digit_is_a_different_value(old, new, kind, en, zh, value, zh_value):
    assert old in ZH
    got = compare_figures(EN, ZH.replace(old, new))
    assert got == [
        Mismatch(
            kind=kind,
            en=en,
            zh=zh,
            value=value,
            problem=DIFFERENT,
            zh_value=zh_value,
            en_span=(EN.index(en), EN.index(en) + len(en)),
            zh_span=(ZH.replace(old, new).index(zh), ZH.replace(old, new).index(zh) + len(zh)),
        )
    ]


def test_a_dropped_figure_is_missing_in_chinese():
    got = compare_figures(EN, ZH.replace("年增31%。", "年增。"))
    assert [(m.problem, m.kind, m.en, m.zh, m.value) for m in got] == [
        (MISSING_ZH, "percent", "31%", None, 31.0)
    ]


def test_an_extra_figure_is_missing_in_english():
    got = compare_figures(EN, ZH.replace("年增31%。", "年增31%,較上一季成長 7%。"))
    assert [(m.problem, m.kind, m.en, m.zh, m.value) for m in got] == [
        (MISSING_EN, "percent", None, "7%", 7.0)
    ]


def test_a_changed_year_is_caught():
    en = "Welcome to our second quarter 2024 earnings call."
    assert compare_figures(en, "歡迎參加 2024 年第二季財報電話會議。") == []
    got = compare_figures(en, "歡迎參加 2025 年第二季財報電話會議。")
    assert [(m.problem, m.value, m.zh_value) for m in got] == [(DIFFERENT, "Q2 2024", "Q2 2025")]


def test_a_repeated_period_must_be_repeated():
    en = "So Q3 should be better than Q2, and then Q4 should be better than Q3 overall."
    zh = "因此,Q3 應該優於 Q2,然後 Q4 總體上應該優於 Q3。"
    assert compare_figures(en, zh) == []
    got = compare_figures(en, zh.replace("優於 Q3", "優於 Q4"))
    assert [(m.problem, m.en, m.zh, m.en_span) for m in got] == [(DIFFERENT, "Q3", "Q4", (66, 68))]
    got = compare_figures("Our goal is set for 2026 to 2027.", "我們的目標是 2027 年至 2027 年。")
    assert [(m.problem, m.value, m.zh_value) for m in got] == [(DIFFERENT, "2026-2027", "2027-2027")]


def test_the_chinese_may_round_but_not_change_a_digit():
    en = "Hardware revenue was RMB944 million."
    assert compare_figures(en, "硬體營收為人民幣9.44億元。") == []
    assert compare_figures(en, "硬體營收為人民幣9.4億元。") == []  # rounded
    got = compare_figures(en, "硬體營收為人民幣9.5億元。")
    assert [(m.problem, m.en, m.zh) for m in got] == [(DIFFERENT, "RMB944 million", "人民幣9.5億元")]
    got = compare_figures(en, "硬體營收為人民幣9.45億元。")  # more digits than the English: must agree
    assert [m.problem for m in got] == [DIFFERENT]


def test_ranges_take_the_scale_of_their_second_end():
    en = "Adjusted EBITDA was above our guidance of a loss of $26 to $32 million, and EPS of $0.22 to $0.28."
    zh = "調整後 EBITDA 高於我們指引的 2,600 至 3,200 萬美元的虧損,每股盈餘 0.22 至 0.28 美元。"
    assert [(f.text, f.low, f.high, f.unit) for f in find_figures(en, "en")] == [
        ("$26 to $32 million", 26e6, 32e6, "USD"),
        ("$0.22 to $0.28", 0.22, 0.28, "USD"),
    ]
    assert [(f.text, f.low, f.high, f.unit) for f in find_figures(zh, "zh")] == [
        ("2,600 至 3,200 萬美元", 26e6, 32e6, "USD"),
        ("0.22 至 0.28 美元", 0.22, 0.28, "USD"),
    ]
    assert compare_figures(en, zh) == []
    bad = zh.replace("2,600 至", "26 美元至")
    got = compare_figures(en, bad)
    assert [(m.problem, m.en, m.zh, m.value, m.high, m.zh_value, m.zh_high) for m in got] == [
        (DIFFERENT, "$26 to $32 million", "26 美元至 3,200 萬美元", 26e6, 32e6, 26.0, 32e6)
    ]


def test_other_range_shapes():
    en = "We raise guidance to $780 million to $800 million, between $3.5 and $4.5 million a quarter."
    zh = "我們將指引上調至 7.8 億至 8 億美元,每季介於 350 和 450 萬美元。"
    assert [(f.text, f.value, f.high, f.unit) for f in find_figures(zh, "zh")] == [
        ("7.8 億至 8 億美元", 7.8e8, 8e8, "USD"),
        ("350", 3.5e6, None, "USD"),  # "between … and": two figures, the first takes the scale
        ("450 萬美元", 4.5e6, None, "USD"),
    ]
    assert compare_figures(en, zh) == []
    assert [m.zh for m in compare_figures(en, zh.replace("7.8 億", "7.6 億"))] == ["7.6 億至 8 億美元"]


def test_units_that_contain_a_scale():
    en = "The line will run at 50 megawatt-hours a year."
    zh = "該生產線的年產能將達到 50 百萬瓦時。"
    assert (only(zh, "zh").value, only(zh, "zh").unit) == (50.0, "百萬瓦時")
    assert compare_figures(en, zh) == []


def test_full_width_digits():
    zh = "２０２４年第二季營收為１３億元,成長３１％。"
    assert [(f.kind, f.value, f.period) for f in find_figures(zh, "zh")] == [
        ("period", None, "Q2 2024"),
        ("money", 1.3e9, None),
        ("percent", 31.0, None),
    ]
    assert compare_figures("Q2 2024 revenue was RMB1.3 billion, up 31%.", zh) == []


def test_restatements_are_not_mismatches():
    # digits on one side, words on the other
    assert compare_figures("There are three central computers.", "有 3 個中央電腦。") == []
    assert compare_figures("We added around a million vehicles.", "我們增加了約 100 萬輛。") == []
    assert compare_figures("We are a Tier 1 supplier.", "我們是第一梯隊供應商。") == []
    # '26 is translated as 26 年
    assert compare_figures("We want multiple lines in '26.", "我們希望在 26 年擁有多條生產線。") == []
    # a period may name its year or quarter on one side only
    assert compare_figures("In the second quarter, sales grew.", "在 2024 年第二季,銷售成長。") == []
    assert compare_figures("We expect growth in 2024.", "我們預計 2024 年下半年成長。") == []
    # a loss in brackets is a loss in words
    assert compare_figures("Net loss was ($5.1 million).", "淨虧損為 510 萬美元。") == []
    # 90-percentage-plus is 90%
    assert compare_figures("Yields of 95-percentage-plus.", "產量達到 95% 以上。") == []


def test_restated_figures_still_catch_a_change():
    got = compare_figures(
        "There are three central computers and 10 controllers.", "有 3 個中央電腦和 11 個控制器。"
    )
    assert [(m.problem, m.en, m.zh) for m in got] == [(DIFFERENT, "10 controllers", "11 個")]


def test_figures_may_be_reordered():
    en = "We serve 17 automotive OEMs across 26 brands."
    assert compare_figures(en, "我們為 26 個品牌的 17 家汽車製造商提供服務。") == []
    got = compare_figures(en, "我們為 26 個品牌的 18 家汽車製造商提供服務。")
    assert [(m.problem, m.en, m.zh) for m in got] == [(DIFFERENT, "17 automotive OEMs", "18 家")]


def test_nothing_to_compare():
    assert compare_figures(EN, None) == []
    assert compare_figures(None, ZH) == []
    assert compare_figures(None, None) == []
    same = "Shen Ziyu - Chairman of the Board, Chief Executive Officer"
    assert compare_figures(same, same) == []


def test_an_empty_translation_misses_every_figure():
    got = compare_figures("Revenue grew 31% to $3.8 million.", "")
    assert [(m.problem, m.en) for m in got] == [(MISSING_ZH, "31%"), (MISSING_ZH, "$3.8 million")]


def test_mismatch_to_dict_is_json_ready():
    (m,) = compare_figures(EN, ZH.replace("年增31%", "年增13%"))
    d = m.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d == {
        "kind": "percent",
        "en": "31%",
        "zh": "13%",
        "value": 31.0,
        "zh_value": 13.0,
        "problem": "different value",
        "en_span": [EN.index("31%"), EN.index("31%") + 3],
        "zh_span": [ZH.index("31%"), ZH.index("31%") + 3],
        "high": None,
        "zh_high": None,
    }


def test_a_long_text_has_the_figures_of_its_parts():
    # speed lives in bench/ (bench.parse_bench --figures-against); here: no state leaks between parts
    for lang, paragraph in (("en", EN), ("zh", ZH)):
        text = "\n".join([paragraph] * 50)
        one = [(f.text, f.kind, f.value) for f in find_figures(paragraph, lang)]
        assert [(f.text, f.kind, f.value) for f in find_figures(text, lang)] == one * 50
