"""The layout layer: each source's shape read into the one model (hand-counted fictional
fixtures in tests/fixtures/layouts/), the bilingual site's page variants read as the file they
copy, text that came from no file, and what fits no layout."""

import json
import textwrap
from pathlib import Path

import pytest
from fixture_counts import EXPECTED, LAYOUT_EXPECTED

from reader.core import cues
from reader.core.errors import TranscriptError
from reader.core.layouts.common import join_paragraphs, wrap_width
from reader.core.model import Section, Transcript
from reader.core.pairing import Line
from reader.core.parser import parse_file, parse_text
from reader.core.summary import info_dict, info_text

FIXTURES = Path(__file__).parent / "fixtures"
LAYOUT_FIXTURES = FIXTURES / "layouts"


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def reading(t: Transcript) -> list:
    """What a reader sees: paragraphs with their speaker and section, the Q&A start, the calls."""
    return [
        [(p.en, p.zh, t.turns[p.turn].speaker, p.section) for p in t.paragraphs],
        [(s.name, s.title, s.role, s.firm) for s in t.speakers.values()],
        [(c.first, c.end, c.qa_start, c.company, c.period) for c in t.calls],
        [(e.asker, e.firm, e.first, e.end, e.answerers) for e in t.exchanges],
    ]


# --- Each source's layout ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LAYOUT_EXPECTED))
def test_layout_fixture_counts(name):
    expected = LAYOUT_EXPECTED[name]
    t = parse_file(LAYOUT_FIXTURES / name)
    assert t.layout == expected["layout"]
    assert t.languages == expected["languages"]
    assert (len(t.turns), len(t.paragraphs)) == (expected["turns"], expected["paragraphs"])
    assert len(t.speakers) == len(expected["speaker_list"])
    assert t.qa_start == expected["qa_start"]
    assert len(t.exchanges) == expected["exchanges"]
    assert len(t.calls) == 1
    call = t.calls[0]
    assert (call.company, call.period, call.title) == (
        expected["company"],
        expected["period"],
        expected["title"],
    )
    assert t.paragraphs[-1].text == expected["last_paragraph"]


@pytest.mark.parametrize("name", sorted(LAYOUT_EXPECTED))
def test_layout_fixture_speakers_roles_and_firms(name):
    expected = LAYOUT_EXPECTED[name]
    t = parse_file(LAYOUT_FIXTURES / name)
    got = [(s.name, s.title, s.role.value, s.firm) for s in t.speakers.values()]
    assert got == [tuple(x) for x in expected["speaker_list"]]
    assert [turn.speaker for turn in t.turns] == expected["turn_speakers"]
    for turn in t.turns:
        assert turn.end > turn.first, f"turn {turn.index} ({turn.speaker}) has no text"


@pytest.mark.parametrize("name", sorted(LAYOUT_EXPECTED))
def test_layout_fixture_sections_and_exchanges(name):
    t = parse_file(LAYOUT_FIXTURES / name)
    qa = t.qa_start
    assert [p.section for p in t.paragraphs] == [Section.PREPARED] * qa + [Section.QA] * (
        len(t.paragraphs) - qa
    )
    analysts = [s.name for s in t.speakers.values() if s.role.value == "analyst"]
    assert [e.asker for e in t.exchanges] == analysts
    assert all(e.answerers for e in t.exchanges)


def test_participant_lists_definitions_and_disclaimers_are_not_text():
    lseg = parse_file(LAYOUT_FIXTURES / "lseg.txt")
    texts = " ".join(p.text for p in lseg.paragraphs)
    for word in ("PRELIMINARY", "fictional", "Corporate Participants", "[", "=====", "-----"):
        assert word not in texts
    fool = parse_file(LAYOUT_FIXTURES / "fool.txt")
    texts = " ".join(p.text for p in fool.paragraphs)
    for word in ("Duration", "Contents", "More QSFD", "Call participants", "fictional"):
        assert word not in texts
    capiq = parse_file(LAYOUT_FIXTURES / "capiq.txt")
    texts = " ".join(p.text for p in capiq.paragraphs)
    for word in ("Copyright", "Table of Contents", "....", "These materials", "Fennimore Tools Inc. - "):
        assert word not in texts
    seeking = parse_file(LAYOUT_FIXTURES / "seekingalpha.txt")
    assert not any("Copyright policy" in p.text for p in seeking.paragraphs)


def test_capiq_paragraphs_are_joined_back_whatever_the_wrap_width():
    expected = LAYOUT_EXPECTED["capiq.txt"]
    t = parse_file(LAYOUT_FIXTURES / "capiq.txt")
    for index, start in expected["paragraph_starts"].items():
        assert t.paragraphs[index].text.startswith(start)
    assert all("  " not in p.text for p in t.paragraphs)
    # The same export wrapped at 100 columns reads into the same paragraphs and turns.
    narrower = parse_text(
        _rewrap(text_of(LAYOUT_FIXTURES / "capiq.txt"), {p.text for p in t.paragraphs}, 100)
    )
    assert [p.text for p in narrower.paragraphs] == [p.text for p in t.paragraphs]
    assert [turn.speaker for turn in narrower.turns] == expected["turn_speakers"]


def _rewrap(text: str, paragraphs: set[str], width: int) -> str:
    """The export with every paragraph wrapped at `width` instead."""
    out: list[str] = []
    buffer: list[str] = []
    for line in text.split("\n"):
        buffer.append(line)
        joined = " ".join(buffer)
        if joined in paragraphs:
            out.append(textwrap.fill(joined, width))
            buffer = []
        elif not any(p.startswith(joined) for p in paragraphs):
            out.extend(buffer)
            buffer = []
    out.extend(buffer)
    return "\n".join(out)


# --- Hard-wrapped text --------------------------------------------------------------------------


def test_join_paragraphs_breaks_where_a_sentence_ends_short_of_the_width():
    first = "Our first paragraph says a few things about the quarter and runs over more than one line here."
    second = "A second one starts on its own line."
    lines = [Line(i + 1, x) for i, x in enumerate([*textwrap.wrap(first, 40), *textwrap.wrap(second, 40)])]
    got = [p.en for p in join_paragraphs(lines, 40)]
    assert got == [first, second]
    # A sentence that ends at the wrap width with the next word too long to fit is wrapped text.
    wrapped = [Line(1, "It went well."), Line(2, "Then it did not.")]
    assert [p.en for p in join_paragraphs(wrapped, 14)] == ["It went well. Then it did not."]
    # A blank line (a gap in the line numbers) always ends a paragraph.
    gapped = [Line(1, "No full stop here"), Line(3, "but a new paragraph")]
    assert len(join_paragraphs(gapped, 40)) == 2


def test_wrap_width_is_none_for_whole_paragraphs():
    whole = [Line(i, "word " * n) for i, n in enumerate([12, 40, 25, 60, 9, 33, 18, 50, 45, 70])]
    assert wrap_width([Line(x.number, x.text.strip()) for x in whole]) is None
    text = " ".join(f"sentence number {i} of a long paragraph." for i in range(60))
    wrapped = [Line(i, x) for i, x in enumerate(textwrap.wrap(text, 140))]
    assert wrap_width(wrapped) in range(130, 141)


# --- The bilingual site's page variants ---------------------------------------------------------


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


# --- Text from no file, and what is not a transcript -------------------------------------------------


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


@pytest.mark.parametrize("name", sorted(LAYOUT_EXPECTED))
def test_any_line_dropped_gives_a_model_or_a_clean_error(name):
    lines = text_of(LAYOUT_FIXTURES / name).split("\n")
    for i in range(len(lines)):
        try:
            t = parse_text("\n".join(lines[:i] + lines[i + 1 :]))
        except TranscriptError as err:
            assert "\n" not in str(err)
            continue
        assert sum(turn.end - turn.first for turn in t.turns) == len(t.paragraphs)
        json.dumps(info_dict(t))


# --- What info says -------------------------------------------------------------------------------


def test_info_names_the_layout_and_says_no_translation_for_one_language():
    t = parse_file(LAYOUT_FIXTURES / "minutes_zh.txt")
    info = info_dict(t)
    assert info["layout"] == "minutes-zh" and info["figures"] > 0 and info["figure_mismatches"] == []
    text = info_text(t, "minutes_zh.txt")
    assert "layout minutes-zh" in text and "no translation" in text and "mismatches" not in text
    bilingual = info_text(parse_file(FIXTURES / "basic.txt"), "basic.txt")
    assert "mismatches with the Chinese: 0" in bilingual and "no translation" not in bilingual
    words = {s["name"]: s["words"] for s in info["speakers"]}
    assert all(n > 0 for n in words.values())


def test_seeking_alpha_without_participant_lists_finds_speakers_by_their_names():
    lines = text_of(LAYOUT_FIXTURES / "seekingalpha.txt").split("\n")
    assert lines[2] == "Executives" and lines[9] == "Operator"
    t = parse_text("\n".join(lines[:2] + lines[9:]))
    expected = LAYOUT_EXPECTED["seekingalpha.txt"]
    assert t.layout == "seekingalpha"
    assert [turn.speaker for turn in t.turns] == expected["turn_speakers"]
    assert (len(t.paragraphs), t.qa_start) == (expected["paragraphs"], expected["qa_start"])
    roles = {s.name: s.role.value for s in t.speakers.values()}
    assert roles == {name: role for name, _, role, _ in expected["speaker_list"]}


def test_capiq_newer_export_with_title_lines_and_page_furniture():
    """`Call Participants` / `EXECUTIVES` / `ANALYSTS`, a title (not `Company - Title`) under each
    name, `Presentation` / `Question and Answer`, and a copied PDF's running heads and page numbers
    in the middle of a paragraph."""
    text = text_of(LAYOUT_FIXTURES / "capiq.txt")
    for old, new in [
        ("CORPORATE PARTICIPANTS", "Call Participants\nEXECUTIVES"),
        ("CONFERENCE CALL PARTICIPANTS", "ANALYSTS"),
        ("PRESENTATION", "Presentation"),
        ("QUESTIONS AND ANSWERS", "Question and Answer"),
        ("Fennimore Tools Inc. - ", ""),
        ("Marlow Brothers & Co., Research Division - Analyst", "Marlow Brothers & Co., Research Division"),
        ("Greyfield Partners LLC - Analyst", "Greyfield Partners LLC"),
    ]:
        text = text.replace(old, new)
    lines = text.split("\n")
    at = (
        lines.index(
            "Thanks, Rachel. Fiscal second quarter sales were $812 million, up 9% from last year, "
            "with organic growth of 6% and the rest from the"
        )
        + 1
    )
    lines[at:at] = ["FENNIMORE TOOLS INC. FQ2 2026 EARNINGS CALL | NOV 11, 2025", "4"]
    t = parse_text("\n".join(lines))
    reference = parse_file(LAYOUT_FIXTURES / "capiq.txt")
    expected = LAYOUT_EXPECTED["capiq.txt"]
    assert t.layout == "capiq"
    assert [p.text for p in t.paragraphs] == [p.text for p in reference.paragraphs]
    assert [turn.speaker for turn in t.turns] == expected["turn_speakers"]
    assert t.qa_start == expected["qa_start"] and len(t.exchanges) == expected["exchanges"]
    got = {s.name: (s.title, s.role.value, s.firm) for s in t.speakers.values()}
    assert got["Nadia Petrov"] == ("CFO", "management", None)
    assert got["Derek Hollis"] == ("Analyst", "analyst", "Marlow Brothers & Co., Research Division")


def test_lseg_without_rules_or_bullets_reads_the_same():
    text = text_of(LAYOUT_FIXTURES / "lseg.txt")
    bare = "\n".join(
        line.replace("   * ", "   ") for line in text.split("\n") if not line.startswith(("=====", "-----"))
    )
    t, reference = parse_text(bare), parse_file(LAYOUT_FIXTURES / "lseg.txt")
    assert t.layout == "lseg"
    assert reading(t) == reading(reference)


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


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("周明远：谢谢", "公司董事长周明远：谢谢"),  # a title before a name the participant line gives
        ("中信建投证券 王磊：", "王磊（中信建投证券）："),  # the firm in brackets after the name
        ("二、问答环节", "【问答环节】"),
    ],
)
def test_chinese_minutes_label_variants(old, new):
    text = text_of(LAYOUT_FIXTURES / "minutes_zh.txt")
    assert old in text
    t = parse_text(text.replace(old, new))
    expected = LAYOUT_EXPECTED["minutes_zh.txt"]
    assert [turn.speaker for turn in t.turns] == expected["turn_speakers"]
    assert [(s.name, s.role.value) for s in t.speakers.values()] == [
        (n, r) for n, _, r, _ in expected["speaker_list"]
    ]
    assert t.qa_start == expected["qa_start"]
    assert t.speakers["王磊"].firm == "中信建投证券"


def test_lseg_participants_given_on_one_line_each():
    text = text_of(LAYOUT_FIXTURES / "lseg.txt")
    lines = text.split("\n")
    joined: list[str] = []
    for line in lines:
        if line.startswith("     ") and joined and joined[-1].startswith("   * "):
            joined[-1] = joined[-1].replace("   * ", "   ") + ", " + line.strip()
        else:
            joined.append(line)
    assert "   Tomas Berg, Lindgren & Co. - Analyst" in joined
    t = parse_text("\n".join(joined))
    assert reading(t) == reading(parse_file(LAYOUT_FIXTURES / "lseg.txt"))


def test_a_second_welcome_inside_a_sources_call_does_not_start_another():
    text = text_of(LAYOUT_FIXTURES / "seekingalpha.txt")
    old = "Operator\nOur next question comes from Paul Grady"
    assert old in text
    welcome = "Thank you for standing by, and welcome back to the Brambleton Energy earnings call."
    again = f"Operator\n{welcome}\n{old}"
    t = parse_text(text.replace(old, again))
    assert len(t.calls) == 1
    assert len(t.turns) == LAYOUT_EXPECTED["seekingalpha.txt"]["turns"] + 1


def test_plain_labels_with_time_stamps_and_numbered_voices():
    t = parse_text(
        "[00:00:05] Operator: Good day, and welcome to the Tamsin Labs results call.\n"
        "[00:00:20] Speaker 1: Thanks. Revenue grew 10% in the quarter.\n"
        "[00:01:02] Speaker 2: Thanks. What about margins?\n"
        "[00:01:30] Speaker 1: Margins were 40%."
    )
    assert t.layout == "plain"
    assert [turn.speaker for turn in t.turns] == ["Operator", "Speaker 1", "Speaker 2", "Speaker 1"]
    assert t.paragraphs[3].en == "Margins were 40%."


def test_a_bracketed_note_alone_on_its_line_ends_a_paragraph_in_wrapped_text():
    lines = [Line(1, "(Operator Instructions)"), Line(2, "Jane Roe, Birch Lane Securities.")]
    assert [p.en for p in join_paragraphs(lines, 140)] == [
        "(Operator Instructions)",
        "Jane Roe, Birch Lane Securities.",
    ]


def test_chinese_minutes_with_latin_names_and_a_company_as_firm():
    text = text_of(LAYOUT_FIXTURES / "minutes_zh.txt")
    text = text.replace("中信建投证券 王磊：", "中金公司 Kenneth Walsh-Obi：").replace("林晓雯：", "CFO：")
    t = parse_text(text)
    assert t.layout == "minutes-zh" and len(t.turns) == LAYOUT_EXPECTED["minutes_zh.txt"]["turns"]
    walsh = t.speakers["Kenneth Walsh-Obi"]
    assert (walsh.role.value, walsh.firm) == ("analyst", "中金公司")
    assert t.speakers["CFO"].role.value == "management"
    assert [e.asker for e in t.exchanges] == ["Kenneth Walsh-Obi", "陈思琪"]


@pytest.mark.parametrize(
    "text",
    [
        "Note: the figures are unaudited.\nSource: the company's filings.\nNote: in millions.\n"
        "Source: our estimates.\nThe market grew in the year.",
        "Market Overview\nThe market grew.\nRisk Factors\nCosts rose.\nMarket Overview\nMore growth.\n"
        "Risk Factors\nMore costs.",
    ],
)
def test_labelled_notes_and_repeated_headings_are_not_a_transcript(text):
    with pytest.raises(TranscriptError, match="not a transcript"):
        parse_text(text)


def test_names_alone_on_their_lines_with_no_source_marks_read_as_plain():
    lines = text_of(LAYOUT_FIXTURES / "seekingalpha.txt").split("\n")
    body = [line for line in lines[9:] if line != "Question-and-Answer Session"]
    t = parse_text("\n".join(body))
    expected = LAYOUT_EXPECTED["seekingalpha.txt"]
    assert t.layout == "plain"
    assert [turn.speaker for turn in t.turns] == expected["turn_speakers"]
    assert (len(t.paragraphs), t.qa_start, len(t.exchanges)) == (
        expected["paragraphs"],
        expected["qa_start"],
        expected["exchanges"],
    )
