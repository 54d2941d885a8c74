"""The layout layer: each source's shape read into the one model (hand-counted fictional
fixtures in tests/fixtures/layouts/), their variants, hard-wrapped text, and what fits no layout.
The bilingual site's own pages and text from no file: tests/test_site_pages.py."""

import json
import textwrap

import pytest
from fixture_counts import LAYOUT_EXPECTED
from reading_helpers import FIXTURES, LAYOUT_FIXTURES, reading, text_of

from reader.core.errors import TranscriptError
from reader.core.layouts.common import join_paragraphs, wrap_width
from reader.core.model import Section
from reader.core.pairing import Line
from reader.core.parser import parse_file, parse_text
from reader.core.summary import info_dict, info_text

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


# --- What is not a transcript ---------------------------------------------------------------------


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


def test_seeking_alpha_executives_listed_with_their_company():
    text = text_of(LAYOUT_FIXTURES / "seekingalpha.txt")
    text = text.replace("Gareth Lowe - Chief Financial Officer", "Gareth Lowe - Brambleton Energy Inc.")
    t = parse_text(text)
    lowe = t.speakers["Gareth Lowe"]
    assert (lowe.title, lowe.firm, lowe.role.value) == ("", "Brambleton Energy Inc.", "management")
    assert t.speakers["Alan Whitcombe"].title == "Director of Investor Relations"
