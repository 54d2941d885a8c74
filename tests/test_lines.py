"""One-line facts: script, disclaimer, speaker lines."""

import pytest

from reader.core.lines import chinese_speaker_line, is_chinese, is_disclaimer, parse_speaker_line


@pytest.mark.parametrize(
    "line",
    [
        "謝謝你,管理團隊。",
        "(操作員指令)Ananda Baruah,Loop Capital Markets。",
        "張嘉琪,中金公司。",
        "我們第二季的營收為 380 萬美元",
        "营收同比增长 31%",
    ],
)
def test_chinese_lines(line):
    assert is_chinese(line)


@pytest.mark.parametrize(
    "line",
    [
        "Thank you, management team.",
        "We delivered revenue of RMB1.3 billion, up 31% year-over-year.",
        "Our brand in China is called 領克 (Lynk) and it sold 47,200 vehicles in the quarter.",
        "EX-2M",
        "www.example-ir.com/results",
    ],
)
def test_english_lines(line):
    assert not is_chinese(line)


def test_disclaimer_in_both_scripts():
    assert is_disclaimer("使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主")
    assert is_disclaimer("使用警语:中文译文来源为 Google 翻译,仅供参考,实际内容请以英文原文为主")
    assert not is_disclaimer("我們的翻譯團隊表現很好。")
    assert not is_disclaimer("Operator")


@pytest.mark.parametrize(
    ("line", "name", "title"),
    [
        ("Operator", "Operator", ""),
        ("Peter Cirino - Chief Operating Officer", "Peter Cirino", "Chief Operating Officer"),
        (
            "Shen Ziyu - Chairman of the Board, Chief Executive Officer",
            "Shen Ziyu",
            "Chairman of the Board, Chief Executive Officer",
        ),
        ("Xiaoyi Lei - Analyst", "Xiaoyi Lei", "Analyst"),
        ("Rene Du - IR", "Rene Du", "IR"),
        (
            "Mary-Anne O'Neil \u2013 Head of Investor Relations",
            "Mary-Anne O'Neil",
            "Head of Investor Relations",
        ),
        ("Ludwig van der Berg - CFO", "Ludwig van der Berg", "CFO"),
        ("Jane Doe - Morgan Stanley, Research Division", "Jane Doe", "Morgan Stanley, Research Division"),
        ("Xiaoyi Lei - 分析師", "Xiaoyi Lei", "分析師"),
    ],
)
def test_speaker_lines(line, name, title):
    speaker = parse_speaker_line(line)
    assert speaker is not None
    assert (speaker.name, speaker.title) == (name, title)


@pytest.mark.parametrize(
    "line",
    [
        "Thank you, Rene.",
        "Okay - thank you.",
        "Revenue was RMB1.3 billion - up 31% year-over-year.",
        "I have two questions - first, on margins, and second, on the outlook for the second half.",
        "www.example-ir.com/results",
        "NASDAQ: ECX",
        "Jiaqi Zhang, CICC.",
        "",
    ],
)
def test_not_speaker_lines(line):
    assert parse_speaker_line(line) is None


def test_strong_speaker_lines_need_a_job_title():
    assert parse_speaker_line("Peter Cirino - Chief Operating Officer").strong
    assert parse_speaker_line("Operator").strong
    assert not parse_speaker_line("Lumora Mobility - Hangzhou").strong


def test_chinese_speaker_line_translating_the_title():
    english = parse_speaker_line("Xiaoyi Lei - Analyst")
    assert chinese_speaker_line(english, "Xiaoyi Lei - 分析師") == "分析師"
    assert chinese_speaker_line(english, "Megan Jin - 分析師") is None
    assert chinese_speaker_line(english, "謝謝。") is None
    operator = parse_speaker_line("Operator")
    assert chinese_speaker_line(operator, "操作員") == "操作員"
    assert chinese_speaker_line(operator, "謝謝大家。") is None
