"""Anchors: made from a passage, found again in the same file, in an edited one, or not at all."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.notes.anchors import CONTEXT, DocumentText, find_quote, make_anchor, placement, reanchor
from reader.core.notes.models import AnchorError, Status
from reader.core.parser import parse_file, parse_text

FIXTURES = Path(__file__).parent / "fixtures"
BASIC = parse_file(FIXTURES / "basic.txt")
LINES = (FIXTURES / "basic.txt").read_text(encoding="utf-8").split("\n")


def edited(*, insert_after=None, delete=None, replace=None):
    """basic.txt with a paragraph (English + Chinese line) inserted after paragraph
    ``insert_after``, paragraph ``delete`` removed, and ``replace=(paragraph, old, new)`` applied
    to the English line of a paragraph; indices are those of the original file."""
    lines = list(LINES)
    ops = []
    if replace is not None:
        index, old, new = replace
        line = BASIC.paragraphs[index].line - 1
        assert old in lines[line]
        ops.append((line, "replace", (old, new)))
    if delete is not None:
        ops.append((BASIC.paragraphs[delete].line - 1, "delete", None))
    if insert_after is not None:
        ops.append((BASIC.paragraphs[insert_after].line + 1, "insert", None))
    for line, op, arg in sorted(ops, key=lambda o: -o[0]):
        if op == "replace":
            lines[line] = lines[line].replace(*arg)
        elif op == "delete":
            del lines[line : line + 2]
        else:
            lines[line:line] = [
                "We also opened a sales office in Lisbon during the quarter.",
                "本季我們也在里斯本開設了銷售辦事處。",
            ]
    return parse_text("\n".join(lines))


def test_anchor_holds_key_offsets_quote_and_context():
    p = BASIC.paragraphs[2]
    anchor = find_quote(BASIC, 2, "en", "the CR-60")
    start = p.en.index("the CR-60")
    assert (anchor.key, anchor.lang, anchor.start, anchor.end) == (p.key, "en", start, start + 9)
    assert anchor.quote == "the CR-60"
    assert anchor.prefix == p.en[start - CONTEXT : start] and len(anchor.prefix) == CONTEXT
    assert anchor.suffix == p.en[start + 9 : start + 9 + CONTEXT]


def test_context_runs_across_paragraph_ends():
    whole = make_anchor(BASIC, 2, "zh")
    assert whole.quote == BASIC.paragraphs[2].zh
    assert whole.prefix == (BASIC.paragraphs[1].zh + "\n")[-CONTEXT:]
    assert whole.suffix == ("\n" + BASIC.paragraphs[3].zh)[:CONTEXT]
    first = make_anchor(BASIC, 0, "en", 0, 4)
    assert first.prefix == ""


@pytest.mark.parametrize(
    ("paragraph", "lang", "quote", "message"),
    [
        (17, "en", None, "no paragraph at index 17"),
        (-1, "en", None, "no paragraph at index -1"),
        (2, "en", "not in the text", "quote is not in"),
        (2, "en", "", "quote is not in"),
        (2, "fr", None, "unknown language"),
    ],
)
def test_bad_passages_are_refused(paragraph, lang, quote, message):
    with pytest.raises(AnchorError, match=message):
        find_quote(BASIC, paragraph, lang, quote)


def test_no_chinese_in_an_english_only_file():
    english = parse_file(FIXTURES / "english_only.txt")
    with pytest.raises(AnchorError, match="no Chinese text"):
        find_quote(english, 0, "zh")


def test_offsets_must_lie_in_the_paragraph():
    with pytest.raises(AnchorError, match="not within paragraph"):
        make_anchor(BASIC, 1, "en", 5, 5000)


def found(anchor, transcript):
    return reanchor(anchor, DocumentText(transcript, anchor.lang))


def test_same_document_every_anchor_attached():
    for p in BASIC.paragraphs:
        for lang in ("en", "zh"):
            text = p.en if lang == "en" else p.zh
            anchor = make_anchor(BASIC, p.index, lang, 2, min(12, len(text)))
            result = found(anchor, BASIC)
            assert (result.status, result.paragraph, result.anchor) == (Status.ATTACHED, p.index, anchor)


def test_inserted_paragraph_shifts_indices_but_stays_attached():
    after = edited(insert_after=1)
    for index in (0, 2, 9, 16):
        anchor = find_quote(BASIC, index, "zh")
        result = found(anchor, after)
        assert result.status is Status.ATTACHED
        assert result.paragraph == (index if index <= 1 else index + 1)


def test_exact_quote_in_a_changed_paragraph_is_reanchored():
    # "improvement" -> "increase" changes paragraph 4's key; the quote before it is untouched.
    after = edited(replace=(4, "an improvement of", "an increase of"))
    anchor = find_quote(BASIC, 4, "en", "Revenue for the second quarter was RMB1.08 billion")
    result = found(anchor, after)
    assert result.status is Status.REANCHORED and result.paragraph == 4
    assert result.anchor.quote == anchor.quote and result.anchor.key != anchor.key


def test_word_changed_inside_the_quote_is_found_fuzzily():
    after = edited(replace=(4, "an improvement of", "an increase of"), insert_after=0)
    anchor = find_quote(BASIC, 4, "en", "Gross margin was 34.6%, an improvement of 150 basis points.")
    result = found(anchor, after)
    assert result.status is Status.REANCHORED and result.paragraph == 5
    assert result.anchor.quote == "Gross margin was 34.6%, an increase of 150 basis points."


def test_whole_paragraph_with_a_changed_word_is_found_fuzzily():
    after = edited(replace=(14, "mainly on", "mostly on"))
    result = found(make_anchor(BASIC, 14, "en"), after)
    assert result.status is Status.REANCHORED and result.paragraph == 14
    assert result.anchor.quote == after.paragraphs[14].en


def test_deleted_paragraph_is_an_orphan_keeping_its_anchor():
    after = edited(delete=12)
    anchor = find_quote(BASIC, 12, "en", "Average selling prices fell 3% year-over-year")
    result = found(anchor, after)
    assert (result.status, result.paragraph, result.anchor) == (Status.ORPHAN, None, anchor)


def test_short_quote_found_elsewhere_without_its_context_is_an_orphan():
    # "RMB2.3 billion" is in paragraphs 1 and 8; with paragraph 1 gone, paragraph 8's is not it.
    anchor = find_quote(BASIC, 1, "en", "RMB2.3 billion")
    assert found(anchor, edited(delete=1)).status is Status.ORPHAN


def test_context_picks_the_right_one_of_repeated_quotes():
    # "Thank you" opens five paragraphs; paragraph 9's changes elsewhere (its key changes).
    anchor = find_quote(BASIC, 9, "en", "Thank you")
    after = edited(replace=(9, "about 70%", "about 75%"), insert_after=3)
    result = found(anchor, after)
    assert result.status is Status.REANCHORED and result.paragraph == 10
    assert after.paragraphs[10].en.startswith("Thank you, Sophie.")


def test_placement_names_speaker_section_and_counterpart():
    where = placement(BASIC, 8, "en")
    assert (where.speaker, where.speaker_title, where.section) == ("Sophie Lam", "Analyst", "qa")
    assert where.counterpart == BASIC.paragraphs[8].zh and where.call == 0
    assert placement(BASIC, 8, "zh").counterpart == BASIC.paragraphs[8].en


@settings(max_examples=60, deadline=None)
@given(
    paragraph=st.integers(0, 16),
    lang=st.sampled_from(["en", "zh"]),
    span=st.tuples(st.floats(0, 1), st.floats(0, 1)),
    insert_after=st.integers(0, 16),
)
def test_any_passage_survives_an_insertion_elsewhere(paragraph, lang, span, insert_after):
    text = BASIC.paragraphs[paragraph].en if lang == "en" else BASIC.paragraphs[paragraph].zh
    a, b = sorted(int(x * len(text)) for x in span)
    if a == b:
        b = min(len(text), a + 1) if a < len(text) else a
        a = b - 1
    anchor = make_anchor(BASIC, paragraph, lang, a, b)
    result = found(anchor, edited(insert_after=insert_after))
    assert result.status is Status.ATTACHED
    assert result.paragraph == paragraph + (paragraph > insert_after)
    assert result.anchor.quote == anchor.quote


def small_call(*english):
    """A fictional one-speaker transcript with these English paragraphs (Chinese: numbered)."""
    lines = [LINES[0], "Mara Quell - Chief Executive Officer", "Mara Quell - Chief Executive Officer"]
    for i, text in enumerate(english):
        lines += [text, f"第 {i} 段的中文翻譯,內容從略。"]
    return parse_text("\n".join(lines))


def test_a_similar_sentence_said_elsewhere_does_not_take_a_deleted_passage():
    said_twice = (
        "Talks are also underway with Northwind Motors for additional projects beyond two in development."
    )
    first = (
        "Beyond our home market, talks are also underway with Northwind Motors for additional projects "
        "in Europe beyond the two announced ones."
    )
    opening = "Our quarterly deliveries rose again, and we thank our teams for their work."
    margins = "Margins held steady in spite of higher input costs."
    before = small_call(opening, said_twice, margins, first, "Thank you all.")
    anchor = make_anchor(before, 3, "en", 0, 100)
    after = small_call(opening, said_twice, margins, "Thank you all.")
    assert found(anchor, after).status is Status.ORPHAN
