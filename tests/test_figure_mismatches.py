"""The comparison of an English paragraph's figures with its Chinese translation's, where FIGURES.md
changed what a figure is: whole ranges, self-corrections, months and numbers in words.

Every sentence here is invented, in the shape of an earnings call and its machine translation.
"""

from __future__ import annotations

from reader.core.figures import DIFFERENT, MISSING_ZH, compare_figures

# --- the comparison on whole ranges and on what is written differently -----------------------------

RANGE_EN = "We guide to a loss of $14 to $19 million and growth of 4% to 6%."


def test_equal_ranges_agree():
    assert compare_figures(RANGE_EN, "我們指引虧損 1,400 至 1,900 萬美元,成長 4% 至 6%。") == []


def test_a_range_whose_low_end_loses_its_scale_is_one_mismatch():
    zh = "我們指引虧損 14 美元至1,900 萬美元,成長 4% 至 6%。"
    (m,) = compare_figures(RANGE_EN, zh)
    assert (m.problem, m.kind, m.en, m.zh) == (
        DIFFERENT,
        "money",
        "$14 to $19 million",
        "14 美元至1,900 萬美元",
    )
    assert (m.value, m.high, m.zh_value, m.zh_high) == (1.4e7, 1.9e7, 14.0, 1.9e7)
    assert m.to_dict()["high"] == 1.9e7


def test_a_range_whose_high_end_changes_is_one_mismatch():
    (m,) = compare_figures(RANGE_EN, "我們指引虧損 1,400 至 1,800 萬美元,成長 4% 至 6%。")
    assert (m.problem, m.en, m.zh_high) == (DIFFERENT, "$14 to $19 million", 1.8e7)


def test_a_range_written_as_two_figures_agrees():
    assert compare_figures("Growth of 4% to 6% is likely.", "成長可能為 4% 和 6%。") == []


def test_a_self_correction_agrees_with_its_translation():
    en = "We reached almost 5 million to 4.8 million vehicles."
    assert compare_figures(en, "我們達到了近 500 萬至 480 萬輛。") == []


def test_a_month_in_words_agrees_with_the_month_in_digits():
    assert compare_figures("We launched in June and again in May.", "我們在 6 月和 5 月發布。") == []
    (m,) = compare_figures("We launched in June.", "我們在 6 月和 8 月發布。")
    assert (m.zh, m.value) == ("8 月", "Aug")


def test_numbers_in_words_compare_by_value():
    assert compare_figures("We expect two million vehicles.", "我們預計 200 萬輛。") == []
    assert compare_figures("Revenue grew 30%.", "營收成長三成。") == []


def test_a_dropped_range_is_missing_in_chinese():
    (m,) = compare_figures("Growth of 4% to 6% is likely.", "成長是可能的。")
    assert (m.problem, m.en, m.value, m.high) == (MISSING_ZH, "4% to 6%", 4.0, 6.0)
