"""What a printout holds (Qt-free): the modes, speaker headings, figures, highlights and notes, and
the options that keep the Q&A, one speaker or the noted passages."""

from __future__ import annotations

import re

import pytest

from reader.core.modes import Mode
from reader.core.parser import parse_file
from reader.core.printout import Ink, Mark, PrintOptions, printout_html

INK = Ink(
    roles={"management": "#1d4ed8", "analyst": "#b45309", "operator": "#6b7280"},
    figures={"money": "#047857", "percent": "#7c3aed", "quantity": "#0e7490", "number": "#374151"},
    mismatch="#dc2626",
    quiet="#6b7280",
    gap="#b91c1c",
    highlights={"yellow": "#fde047", "blue": "#93c5fd"},
)


@pytest.fixture
def basic(fixture_path):
    return parse_file(fixture_path("basic.txt"))


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&amp;", "&")


def test_side_by_side_is_one_table_row_a_pair(basic):
    html = printout_html(basic, PrintOptions(mode=Mode.SIDE), INK)
    p = basic.paragraphs[1]
    at = html.index(p.en[:20])
    pair = html[html.rindex("<tr>", 0, at) : html.index("</tr>", at)]
    assert pair.count("<td") == 2 and p.zh[:10] in text_of(pair)
    # every paragraph in a row of its own, and a heading row per turn with a speaker
    speaking = sum(1 for turn in basic.turns if turn.speaker)
    assert html.count("<tr>") == len(basic.paragraphs) + speaking


def test_each_mode_prints_its_languages(basic):
    p = basic.paragraphs[2]
    en = text_of(printout_html(basic, PrintOptions(mode=Mode.EN), INK))
    zh = text_of(printout_html(basic, PrintOptions(mode=Mode.ZH), INK))
    inter = text_of(printout_html(basic, PrintOptions(mode=Mode.INTERLEAVED), INK))
    assert p.en in en and p.zh not in zh.replace(p.zh, "") + en
    assert p.zh in zh and p.en not in zh
    assert inter.index(p.en) < inter.index(p.zh) < inter.index(basic.paragraphs[3].en)


def test_headings_figures_and_a_mismatch_are_coloured(basic):
    html = printout_html(basic, PrintOptions(mode=Mode.EN), INK)
    assert "<h1>Corvane Robotics Q2 2025 earnings call</h1>" in html
    assert '<h3 style="color:#1d4ed8">Elena Varga' in html  # management
    assert '<h3 style="color:#b45309">Sophie Lam' in html  # analyst
    assert '<span style="color:#7c3aed">27%</span>' in html
    assert '<span style="color:#047857">RMB2.3 billion</span>' in html


def test_highlights_and_notes_print_under_their_passage(basic):
    p = basic.paragraphs[4]
    start = p.en.index("Gross margin")
    marks = [
        Mark(4, "en", start, start + len("Gross margin was 34.6%"), "yellow", "Margin up 150 bp & rising"),
        Mark(6, "zh", 0, 4, "blue", ""),
    ]
    html = printout_html(basic, PrintOptions(mode=Mode.SIDE), INK, marks)
    assert 'background-color:#fde047">Gross margin was </span>' in html
    text = text_of(html)
    note = text.index("Note: Margin up 150 bp & rising")
    assert text.index(p.en) < note < text.index(p.zh) < text.index(basic.paragraphs[5].en)
    assert "background-color:#93c5fd" in html  # a bare highlight, in Chinese
    without = printout_html(basic, PrintOptions(mode=Mode.SIDE, notes=False), INK, marks)
    assert "Margin up" not in without and "#fde047" not in without


def test_qa_only_one_speaker_and_only_noted_passages(basic):
    qa = text_of(printout_html(basic, PrintOptions(mode=Mode.EN, qa_only=True), INK))
    assert basic.paragraphs[1].en not in qa and basic.paragraphs[basic.qa_start + 1].en in qa
    one = text_of(printout_html(basic, PrintOptions(mode=Mode.EN, speaker="Raymond Kwok"), INK))
    assert "Raymond Kwok" in one and "Elena Varga —" not in one and basic.paragraphs[4].en in one
    noted = text_of(
        printout_html(
            basic, PrintOptions(mode=Mode.EN, only_noted=True), INK, [Mark(2, "en", 0, 5, "yellow")]
        )
    )
    assert basic.paragraphs[2].en in noted and basic.paragraphs[1].en not in noted


def test_markup_in_a_transcript_prints_as_text(basic):
    basic.paragraphs[1].en = "Revenue <b>rose</b> & so on"
    html = printout_html(basic, PrintOptions(mode=Mode.EN), INK)
    assert "Revenue &lt;b&gt;rose&lt;/b&gt; &amp; so on" in html
