"""Figure spans, rule by rule, as the project's FIGURES.md states them, in English and in Chinese.

Every paragraph here is invented (company, products and numbers too), written in the shape of an
earnings call and its machine translation. Each case lists every figure of its paragraph, in order,
with its exact text and value, so a span that grows, shrinks, splits or appears is caught.
"""

from __future__ import annotations

import pytest
from pygments.token import Text

from reader.core.analysis import describe
from reader.core.figures import find_figures, lexer_for

# A figure as the tests spell it: (text, kind, value). The value is a number, a period string, or
# (low, high) for a range; None for a vague range.
Expected = tuple[str, str, object]


def spans(text: str, lang: str) -> list[Expected]:
    out: list[Expected] = []
    for f in find_figures(text, lang):
        assert text[f.start : f.end] == f.text
        assert f.text == f.text.strip(), f"span {f.text!r} starts or ends with a space"
        if f.kind == "period":
            value: object = f.period
        elif f.is_range:
            value = (f.low, f.high) if f.low is not None else None
        else:
            value = f.value
        out.append((f.text, f.kind, value))
    return out


def check(text: str, lang: str, expected: list[Expected]) -> None:
    got = spans(text, lang)
    assert [(t, k) for t, k, _ in got] == [(t, k) for t, k, _ in expected]
    for (_, _, value), (t, _, want) in zip(got, expected, strict=True):
        if isinstance(want, tuple):
            assert isinstance(value, tuple), t
            assert value == pytest.approx(want), t
        elif isinstance(want, float):
            assert value == pytest.approx(want), t
        else:
            assert value == want, t


# --- rule 1: a number with digits and what belongs to it ---------------------------------------------

RULE_1 = [
    # currency before or after, with a scale
    (
        "en",
        "The Harbour contract added RMB42 million, US$3.1 million and $750,000 in fees.",
        [
            ("RMB42 million", "money", 4.2e7),
            ("US$3.1 million", "money", 3.1e6),
            ("$750,000", "money", 7.5e5),
        ],
    ),
    (
        "zh",
        "港灣合約增加了人民幣4,200萬元、310 萬美元以及 6,000萬元人民幣的費用。",
        [
            ("人民幣4,200萬元", "money", 4.2e7),
            ("310 萬美元", "money", 3.1e6),
            ("6,000萬元人民幣", "money", 6e7),
        ],
    ),
    # scale words alone, and 千
    (
        "en",
        "Cabin sales were 4.5 billion in total, with 12 thousand in May alone.",
        [("4.5 billion", "number", 4.5e9), ("12 thousand", "number", 1.2e4)],
    ),
    (
        "zh",
        "我們有 3 千名工程師和 1.2 億的訂單。",
        [("3 千名", "quantity", 3e3), ("1.2 億", "number", 1.2e8)],
    ),
    # percentages in every spelling
    (
        "en",
        "Margin rose 4.5%, or 4.5 percent, about 3 percentage points, or 300 basis points.",
        [
            ("4.5%", "percent", 4.5),
            ("4.5 percent", "percent", 4.5),
            ("3 percentage points", "percent", 3.0),
            ("300 basis points", "percent", 3.0),
        ],
    ),
    ("zh", "毛利率上升 4.5%,約 3 個百分點。", [("4.5%", "percent", 4.5), ("3 個百分點", "percent", 3.0)]),
    # English units: the counted noun with its adjectives and noun modifiers
    (
        "en",
        "We now hold 412 registered patents, serve 11 automotive OEMs and track 3.4 million vehicles.",
        [
            ("412 registered patents", "quantity", 412.0),
            ("11 automotive OEMs", "quantity", 11.0),
            ("3.4 million vehicles", "quantity", 3.4e6),
        ],
    ),
    (
        "en",
        "The cell runs at 3.1 volts and the design targets a 6 to 9-month qualification.",
        [("3.1 volts", "quantity", 3.1), ("6 to 9-month", "quantity", (6.0, 9.0))],
    ),
    # ... but not the noun that the number and its unit modify
    (
        "en",
        "It is a 5 nanometer chip with a 4,500 milliampere-hour battery.",
        [("5 nanometer", "quantity", 5.0), ("4,500 milliampere-hour", "quantity", 4500.0)],
    ),
    # Chinese: the measure word or unit, never the noun after a classifier
    (
        "zh",
        "我們擁有 412 項註冊專利,為 19 個品牌的 11 家汽車製造商服務,追蹤 340 萬輛汽車。",
        [
            ("412 項", "quantity", 412.0),
            ("19 個", "quantity", 19.0),
            ("11 家", "quantity", 11.0),
            ("340 萬輛", "quantity", 3.4e6),
        ],
    ),
    (
        "zh",
        "電芯以 3.1 伏運行,容量 900 瓦時,採用 5 奈米製程,已研發 12 年,並聘請 8 名專家。",
        [
            ("3.1 伏", "quantity", 3.1),
            ("900 瓦時", "quantity", 900.0),
            ("5 奈米", "quantity", 5.0),
            ("12 年", "quantity", 12.0),
            ("8 名", "quantity", 8.0),
        ],
    ),
    ("zh", "認證需要 6 到9 個月。", [("6 到9 個月", "quantity", (6.0, 9.0))]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RULE_1)
def test_rule_1_a_number_with_what_belongs_to_it(lang, text, expected):
    check(text, lang, expected)


# --- rule 2: ranges are one span; a from-to comparison and "and" are two ------------------------------

RULE_2 = [
    (
        "en",
        "We see growth of 4% to 6%, a price of RMB300 to RMB900, and a loss of $14 to $19 million.",
        [
            ("4% to 6%", "percent", (4.0, 6.0)),
            ("RMB300 to RMB900", "money", (300.0, 900.0)),
            ("$14 to $19 million", "money", (1.4e7, 1.9e7)),
        ],
    ),
    ("en", "Revenue will grow 4 to 6% next year.", [("4 to 6%", "percent", (4.0, 6.0))]),
    ("en", "Our target is the 2027 to 2028 time frame.", [("2027 to 2028", "period", "2027-2028")]),
    (
        "zh",
        "我們預計虧損 1,400 至 1,900 萬美元,單價在300元到900元之間,目標是2027年到2028年。",
        [
            ("1,400 至 1,900 萬美元", "money", (1.4e7, 1.9e7)),
            ("300元到900元", "money", (300.0, 900.0)),
            ("2027年到2028年", "period", "2027-2028"),
        ],
    ),
    (
        "zh",
        "每股虧損介於 0.11 至 0.16 美元之間。",
        [("0.11 至 0.16 美元", "money", (0.11, 0.16))],
    ),
    # a from-to comparison of two periods is two figures
    (
        "en",
        "Sales step up from Q1 to Q3, and Q2 to Q4 looks the same.",
        [("Q1", "period", "Q1"), ("Q3", "period", "Q3"), ("Q2", "period", "Q2"), ("Q4", "period", "Q4")],
    ),
    (
        "en",
        "Output doubles from the first half of 2025 to the second half of 2025.",
        [("first half of 2025", "period", "H1 2025"), ("second half of 2025", "period", "H2 2025")],
    ),
    ("zh", "從第一季到第三季度,銷售逐步提升。", [("第一季", "period", "Q1"), ("第三季度", "period", "Q3")]),
    (
        "en",
        "Volumes grew from 2022 to 2023 in every region.",
        [("2022", "period", "2022"), ("2023", "period", "2023")],
    ),
    ("zh", "從2022年到2023年,各地區銷量成長。", [("2022年", "period", "2022"), ("2023年", "period", "2023")]),
    # a change from one value to another is two figures too
    (
        "en",
        "Gross margin improved from 18% to 21% this year.",
        [("18%", "percent", 18.0), ("21%", "percent", 21.0)],
    ),
    # two figures joined by "and" are two figures
    (
        "en",
        "We expect most of it in 2030 and '31 overall.",
        [("2030", "period", "2030"), ("'31", "period", "2031")],
    ),
    (
        "zh",
        "我們預計大部分在 2030 年和 31 年實現。",
        [("2030 年", "period", "2030"), ("31 年", "quantity", 31.0)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RULE_2)
def test_rule_2_ranges(lang, text, expected):
    check(text, lang, expected)


def test_a_range_is_one_lexer_token_for_the_highlighter():
    got = [
        (t, v)
        for _, t, v in lexer_for("en").get_tokens_unprocessed("a loss of $14 to $19 million")
        if t is not Text
    ]
    assert len(got) == 1 and got[0][1] == "$14 to $19 million"
    got = [
        (t, v)
        for _, t, v in lexer_for("zh").get_tokens_unprocessed("虧損 1,400 至 1,900 萬美元")
        if t is not Text
    ]
    assert len(got) == 1 and got[0][1] == "1,400 至 1,900 萬美元"


def test_a_range_describes_both_ends():
    (f,) = find_figures("a loss of $14 to $19 million", "en")
    assert describe(f) == "USD 14 million to 19 million"
    (f,) = find_figures("虧損 1,400 至 1,900 萬美元", "zh")
    assert describe(f) == "USD 14 million to 19 million"


# --- rule 3: numbers in words only with a scale, a percent or a currency --------------------------------

RULE_3 = [
    (
        "en",
        "We expect two million vehicles, five percent growth and twenty-five million dollars of cash.",
        [
            ("two million vehicles", "quantity", 2e6),
            ("five percent", "percent", 5.0),
            ("twenty-five million dollars", "money", 2.5e7),
        ],
    ),
    ("zh", "營收成長三成,達到兩百萬美元。", [("三成", "percent", 30.0), ("兩百萬美元", "money", 2e6)]),
    ("en", "We won five new design wins on four lines with three central computers.", []),
    ("zh", "兩年內我們完成了五項設計,一成不變的是品質。", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RULE_3)
def test_rule_3_numbers_in_words(lang, text, expected):
    check(text, lang, expected)


# --- rule 4: periods, years and dates -----------------------------------------------------------------

RULE_4 = [
    (
        "en",
        "Q3 beat 2Q, the second quarter beat quarter one, and the first half beat H2.",
        [
            ("Q3", "period", "Q3"),
            ("2Q", "period", "Q2"),
            ("second quarter", "period", "Q2"),
            ("quarter one", "period", "Q1"),
            ("first half", "period", "H1"),
            ("H2", "period", "H2"),
        ],
    ),
    (
        "en",
        "Orders land in the back half, the later half at worst.",
        [("back half", "period", "H2"), ("later half", "period", "H2")],
    ),
    (
        "en",
        "Compare the third quarter of 2025 with second quarter 2025 and the first half of 2026.",
        [
            ("third quarter of 2025", "period", "Q3 2025"),
            ("second quarter 2025", "period", "Q2 2025"),
            ("first half of 2026", "period", "H1 2026"),
        ],
    ),
    (
        "zh",
        "第三季優於第二季度,上半年優於下半年,2025 年第三季和 2026 年上半年也一樣。",
        [
            ("第三季", "period", "Q3"),
            ("第二季度", "period", "Q2"),
            ("上半年", "period", "H1"),
            ("下半年", "period", "H2"),
            ("2025 年第三季", "period", "Q3 2025"),
            ("2026 年上半年", "period", "H1 2026"),
        ],
    ),
    # years
    (
        "en",
        "Founded in 2015, we plan the next plant for '31.",
        [("2015", "period", "2015"), ("'31", "period", "2031")],
    ),
    (
        "zh",
        "公司成立於2015年,下一座工廠預計 31 年投產。",
        [("2015年", "period", "2015"), ("31 年", "quantity", 31.0)],
    ),
    # dates with digits (a month name alone is no figure)
    (
        "en",
        "As of March 31, and as of today, September 30, 2025, the count is final.",
        [("March 31", "period", "Mar 31"), ("September 30, 2025", "period", "Sep 30 2025")],
    ),
    (
        "zh",
        "截至 3 月 31 日,以及今天 2025 年 9 月 30 日,我們在4月和 8 月都有發布。",
        [
            ("3 月 31 日", "period", "Mar 31"),
            ("2025 年 9 月 30 日", "period", "Sep 30 2025"),
            ("4月", "period", "Apr"),
            ("8 月", "period", "Aug"),
        ],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RULE_4)
def test_rule_4_periods_years_dates(lang, text, expected):
    check(text, lang, expected)


# --- rule 5: what is not a figure ---------------------------------------------------------------------

NOT_FIGURES = [
    ("en", "This quarter beat last quarter, and next year the year-over-year growth slows for the year."),
    ("zh", "本季優於上一季,也優於上個季度,今年、明年和去年的年增都放緩。"),
    ("en", "We launched in April and again in June."),
    ("zh", "我們在四月和六月發布。"),
    ("en", "My first question is one of the harder ones."),
    ("zh", "我的第二個問題比較難。"),
    # product and model names: a capitalised word or brand before the digits, or a leading zero
    ("en", "Sales of the Kestrel & Co 09 and the Veloce 5 were strong, as were the Orion 1000 and RX40."),
    (
        "en",
        "The Nova E7, the Rapid #3, the M250 and the KX-2M all use it, and the Kestrel & Co 06 and 09 too.",
    ),
    ("zh", "星河06 和星河09 都搭載了 Veloce 5 和 Orion 1000 平台,還有 KX-2M 電池。"),
    # sites, lists and grades, technology words
    ("en", "Plant2 and Fab3 feed a Fortune 100 customer as its Tier 2 supplier with 5G and 3D parts."),
    ("zh", "Plant2 與 Fab3 為財富 100 強客戶供貨,並提供 5G 和 3D 零件。"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_FIGURES)
def test_rule_5_not_figures(lang, text):
    check(text, lang, [])


def test_a_digit_run_named_once_is_a_name_everywhere_in_the_text():
    text = "The Orion 1000 ships now; its 1000 Pro variant follows with 1000 units."
    check(text, "en", [("1000 units", "quantity", 1000.0)])


def test_a_name_does_not_hide_the_figures_around_it():
    check(
        "Sales of the Veloce 5 reached 41,000 vehicles in Q3.",
        "en",
        [("41,000 vehicles", "quantity", 41000.0), ("Q3", "period", "Q3")],
    )
    check(
        "Veloce 5 的銷量在第三季達到 4.1 萬輛。",
        "zh",
        [("第三季", "period", "Q3"), ("4.1 萬輛", "quantity", 41000.0)],
    )


def test_a_sentence_may_start_with_a_capitalised_word_before_a_figure():
    check(
        "Nearly 30 engineers joined. About 12% left.",
        "en",
        [("30 engineers", "quantity", 30.0), ("12%", "percent", 12.0)],
    )


# --- rule 6: boundaries ------------------------------------------------------------------------------

RULE_6 = [
    (
        "en",
        "We have over 300 staff, almost 40%, nearly $2 million, around 15 sites, approximately 8%, "
        "more than 1,200 employees, at least 6 models and our top 20 customers.",
        [
            ("300 staff", "quantity", 300.0),
            ("40%", "percent", 40.0),
            ("$2 million", "money", 2e6),
            ("15 sites", "quantity", 15.0),
            ("8%", "percent", 8.0),
            ("1,200 employees", "quantity", 1200.0),
            ("6 models", "quantity", 6.0),
            ("20 customers", "quantity", 20.0),
        ],
    ),
    (
        "en",
        "Margins stay at 20%-ish, yields at 90-percentage-plus, and we add 2 million more vehicles.",
        [
            ("20%", "percent", 20.0),
            ("90-percentage", "percent", 90.0),
            ("2 million more vehicles", "quantity", 2e6),
        ],
    ),
    (
        "en",
        "Phones reach 750 or so watt-hours per liter.",
        [("750 or so watt-hours per liter", "quantity", 750.0)],
    ),
    (
        "zh",
        "我們有近 300 名員工、約 40% 的份額、超過 15 座工廠、8% 以上的利潤、20% 左右的毛利和前 20 名客戶。",
        [
            ("300 名", "quantity", 300.0),
            ("40%", "percent", 40.0),
            ("15 座", "quantity", 15.0),
            ("8%", "percent", 8.0),
            ("20%", "percent", 20.0),
            ("20 名", "quantity", 20.0),
        ],
    ),
    (
        "zh",
        "我們擁有 1,200 多名員工和 10 多個項目。",
        [("1,200 多名", "quantity", 1200.0), ("10 多個", "quantity", 10.0)],
    ),
    # the 年 of a year belongs to it, the 底 of 年底 does not
    ("zh", "到 2025 年底完成。", [("2025 年", "period", "2025")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), RULE_6)
def test_rule_6_boundaries(lang, text, expected):
    check(text, lang, expected)


# --- the decisions on cases that could go either way ---------------------------------------------------

DECISIONS = [
    # a spoken self-correction is two figures, even where 至 reads like a range
    (
        "en",
        "We reached almost 5 million to 4.8 million vehicles by June.",
        [("5 million", "number", 5e6), ("4.8 million vehicles", "quantity", 4.8e6)],
    ),
    (
        "zh",
        "我們在六月達到了近 500 萬至 480 萬輛。",
        [("500 萬", "quantity", 5e6), ("480 萬輛", "quantity", 4.8e6)],
    ),
    # 至 as "increased to": two figures
    (
        "zh",
        "營收年增 27% 至 15 億元。",
        [("27%", "percent", 27.0), ("15 億元", "money", 1.5e9)],
    ),
    (
        "en",
        "Revenue rose 27% to RMB1.5 billion.",
        [("27%", "percent", 27.0), ("RMB1.5 billion", "money", 1.5e9)],
    ),
    # a bare number next to one with a unit: the unit is not copied
    (
        "en",
        "The 3,000, 4,000 milliampere-hour packs are gone.",
        [("3,000", "number", 3000.0), ("4,000 milliampere-hour", "quantity", 4000.0)],
    ),
    # 90- percentage-plus and 20%-ish
    (
        "en",
        "Yields of 90- percentage-plus and margins of 20%-ish.",
        [("90- percentage", "percent", 90.0), ("20%", "percent", 20.0)],
    ),
    # a vague range has no exact value
    ("en", "We ramp it to the mid to high-90s quickly.", [("mid to high-90s", "number", None)]),
    # top and 前 are outside
    ("en", "Our top 10 customers renewed.", [("10 customers", "quantity", 10.0)]),
    ("zh", "我們的前 10 名客戶都續約了。", [("10 名", "quantity", 10.0)]),
    # `of the year` is relative; `of 2025` is a year
    (
        "en",
        "In the first half of the year, unlike the first half of 2025, we grew.",
        [("first half", "period", "H1"), ("first half of 2025", "period", "H1 2025")],
    ),
    # `later part of the year` is not a period; its translation 下半年 is
    ("en", "Feedback comes in the later part of the year.", []),
    ("zh", "我們將在今年下半年得到回饋。", [("下半年", "period", "H2")]),
    # 第二季 and 第二季度 are periods; 上半部分 is not
    (
        "zh",
        "第二季和第二季度的營收處於指引範圍的上半部分。",
        [("第二季", "period", "Q2"), ("第二季度", "period", "Q2")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DECISIONS)
def test_decisions(lang, text, expected):
    check(text, lang, expected)
