"""The bilingual site's own pages as users copy them (list markers, blank lines, a title, a
`內容摘要` summary, `完整原文`, several pages pasted, English-only and Chinese-only views), and
text that came from no file (the clipboard, its HTML, standard input): each reads as the file."""

import pytest
from fixture_counts import EXPECTED
from reading_helpers import FIXTURES, LAYOUT_FIXTURES, reading, text_of

from reader.core import cues
from reader.core.errors import TranscriptError
from reader.core.parser import parse_file, parse_text
from reader.core.summary import info_dict


def _bulleted(text: str, marker: str) -> str:
    lines = text.split("\n")
    marks = [f"{i + 1}. " for i in range(len(lines))] if marker == "1." else [marker] * len(lines)
    return "\n\n".join(m + line for m, line in zip(marks, lines, strict=True))


@pytest.mark.parametrize("marker", ["\u2022 ", "\u2022", "\u00b7 ", "- ", "* ", "1."])
@pytest.mark.parametrize("name", ["basic.txt", "translated_titles.txt", "english_only.txt"])
def test_a_bulleted_web_copy_reads_as_the_file(name, marker):
    text = text_of(FIXTURES / name)
    copy = parse_text(_bulleted(text, marker))
    assert copy.layout == "statementdog"
    assert reading(copy) == reading(parse_text(text))


TITLE = "Corvane Robotics (CRVN) 2025 Q2 法說會逐字稿"


SUMMARY = ["內容摘要", "第二季出貨 3,420 台工業機器人,年增 27%。", "全年出貨目標上調至 13,500 台。"]


@pytest.mark.parametrize(
    "layout",
    [
        [TITLE, *SUMMARY, "完整原文", "{disclaimer}"],
        [TITLE, "完整原文", "{disclaimer}"],
        [TITLE, "{disclaimer}", *SUMMARY],
        [TITLE, *SUMMARY, "{disclaimer}"],
    ],
)
def test_a_page_title_and_summary_are_the_calls_not_turns(layout):
    text = text_of(FIXTURES / "basic.txt")
    disclaimer, rest = text.split("\n", 1)
    page = "\n".join(line.replace("{disclaimer}", disclaimer) for line in layout) + "\n" + rest
    t, reference = parse_text(page), parse_text(text)
    assert reading(t) == reading(reference)
    assert t.header == reference.header and t.warnings == []
    assert t.calls[0].title == TITLE
    assert t.calls[0].summary == (SUMMARY[1:] if "內容摘要" in layout else [])
    info = info_dict(t)
    assert info["calls"][0]["title"] == TITLE
    assert "title" not in info_dict(reference)["calls"][0]


@pytest.mark.parametrize("second_title", ["Page two", "第二頁的標題 2025 Q2 法說會逐字稿"])
def test_two_page_copies_pasted_give_two_titled_calls(second_title):
    one, two = text_of(FIXTURES / "basic.txt"), text_of(FIXTURES / "simplified.txt")
    page = f"Page one\n完整原文\n{one}\n{second_title}\n內容摘要\n摘要第一行。\n完整原文\n{two}"
    t = parse_text(page)
    a, b = parse_text(one), parse_text(two)
    assert len(t.calls) == 2
    assert [c.title for c in t.calls] == ["Page one", second_title]
    assert t.calls[1].summary == ["摘要第一行。"]
    assert len(t.paragraphs) == len(a.paragraphs) + len(b.paragraphs)
    assert len(t.turns) == len(a.turns) + len(b.turns)
    assert [p.text for p in t.paragraphs] == [p.text for p in a.paragraphs + b.paragraphs]
    assert t.warnings == []


def test_an_english_only_page_with_a_title_line():
    text = text_of(FIXTURES / "english_only.txt")
    t = parse_text("Brightwater Semiconductor (BWSC) Q4 2024 Earnings Call Transcript\n\n" + text)
    assert reading(t) == reading(parse_text(text))
    assert t.calls[0].title.startswith("Brightwater Semiconductor")
    assert t.layout == "statementdog"


def test_operator_instructions_newer_and_older_renderings_split_alike():
    older = "感謝您的耐心等待。(操作員說明) 我們的第一個問題來自 Acme 證券的 Jane Doe。"
    newer = older.replace("操作員說明", "操作員指示")
    assert cues.sentences(newer) == cues.sentences(older)
    assert len(cues.sentences(newer)) == 2
    assert cues.opens_questions(newer)


def test_existing_fixtures_all_read_as_statementdog():
    for name, expected in EXPECTED.items():
        if expected["transcript"]:
            assert parse_file(FIXTURES / name).layout == "statementdog", name


def test_parse_text_reads_pasted_text_and_names_it_in_errors():
    text = text_of(LAYOUT_FIXTURES / "seekingalpha.txt")
    pasted = parse_text("\ufeff  " + text.replace("\n", "\r\n") + "\r\n\r\n", name="the clipboard")
    assert reading(pasted) == reading(parse_file(LAYOUT_FIXTURES / "seekingalpha.txt"))
    with pytest.raises(TranscriptError) as err:
        parse_text("just a note to self\nnothing more", name="the clipboard")
    assert str(err.value).startswith("the clipboard: ")
    assert "not a transcript" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Corporate Participants\nConference Call Participants\nPresentation\nQuestions and Answers\n" * 2,
            "'Name:",
        ),
        ("CORPORATE PARTICIPANTS\nPRESENTATION\nQUESTIONS AND ANSWERS\n", "capiq"),
        ("今天天气很好。\n我们去公园散步，看见很多人在跑步。\n晚上回家做饭。", "'Name:"),
        ("a,b,c\n1,2,3\n4,5,6\n", "'Operator'"),
    ],
)
def test_text_that_fits_no_layout_fails_in_one_line_naming_what_was_expected(text, names):
    with pytest.raises(TranscriptError) as err:
        parse_text(text)
    message = str(err.value)
    assert "not a transcript" in message and "\n" not in message and names in message


def test_a_copy_marking_only_the_english_line_of_each_pair():
    text = text_of(FIXTURES / "basic.txt")
    lines = text.split("\n")
    marked = [("\u2022 " + line if i % 2 else line) for i, line in enumerate(lines)]
    t = parse_text("\n\n".join(marked))
    assert reading(t) == reading(parse_text(text))


def test_clipboard_html_becomes_lines_the_layouts_read():
    from reader.core.html_text import html_to_text

    text = text_of(LAYOUT_FIXTURES / "seekingalpha.txt")
    html = (
        "<html><head><style>p{color:red}</style><script>var x = '<p>no</p>';</script></head><body>"
        + "".join(f"<p>{line.replace('&', '&amp;')}</p>\n" for line in text.split("\n"))
        + "</body></html>"
    )
    assert html_to_text(html) == text.strip()
    assert html_to_text("<ul><li>\u2022 Operator</li><li>Good day &amp; welcome.<br>Next</li></ul>") == (
        "\u2022 Operator\nGood day & welcome.\nNext"
    )
    t = parse_text(html_to_text(html), name="the clipboard")
    assert reading(t) == reading(parse_file(LAYOUT_FIXTURES / "seekingalpha.txt"))


def test_bytes_from_standard_input_are_named_in_errors():
    from reader.core.parser import parse_bytes

    data = (LAYOUT_FIXTURES / "fool.txt").read_bytes()
    assert parse_bytes(data, name="<stdin>").layout == "fool"
    for bad in (b"", b"%PDF-1.7 ...", b"plain words only"):
        with pytest.raises(TranscriptError) as err:
            parse_bytes(bad, name="<stdin>")
        assert str(err.value).startswith("<stdin>: ") and "\n" not in str(err.value)


def test_the_sites_chinese_only_view_reads_fully():
    """The Chinese of each pair, each speaker line once: speakers, roles, Q&A, exchanges and
    figures as the bilingual file gives them, company and period from the Chinese opening."""
    from reader.core.lines import is_chinese

    text = text_of(FIXTURES / "basic.txt")
    lines = text.split("\n")
    chinese = [lines[0]]
    for a, b in zip(lines[1::2], lines[2::2], strict=True):
        chinese.append(a if a == b else b)
        assert a == b or is_chinese(b)
    t, reference = parse_text("\n".join(chinese)), parse_text(text)
    assert t.languages == ["zh"] and t.layout == "statementdog" and t.warnings == []
    assert [p.zh for p in t.paragraphs] == [p.zh for p in reference.paragraphs]
    assert [turn.speaker for turn in t.turns] == [turn.speaker for turn in reference.turns]
    assert [(s.name, s.role) for s in t.speakers.values()] == [
        (s.name, s.role) for s in reference.speakers.values()
    ]
    assert t.qa_start == reference.qa_start
    assert [e.asker for e in t.exchanges] == [e.asker for e in reference.exchanges]
    assert (t.calls[0].company, t.calls[0].period) == ("Corvane Robotics", "Q2 2025")
    assert info_dict(t)["figures"] > 0


def test_a_bulleted_summary_above_a_plain_copy_keeps_its_items_without_markers():
    text = text_of(FIXTURES / "basic.txt")
    disclaimer, rest = text.split("\n", 1)
    head = "Corvane Robotics 2025 Q2\n內容摘要\n\u2022 第一點。\n\u2022 第二點。\n完整原文"
    t = parse_text(f"{head}\n{disclaimer}\n{rest}")
    assert t.calls[0].summary == ["第一點。", "第二點。"]
    assert reading(t) == reading(parse_text(text))
