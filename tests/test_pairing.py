"""Pairing English lines with their Chinese lines, and recovering when one is missing or extra."""

from reader.core.pairing import HeaderItem, ParagraphItem, SpeakerItem, pair_lines, split_lines

HEADER = "使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主"
PAIRS = [
    ("Thank you, operator, and good morning, everyone.", "謝謝主持人,大家早安。"),
    ("Revenue grew 18% to RMB2.4 billion in the quarter.", "本季營收成長 18%,達到 24 億元人民幣。"),
    ("We shipped 52,000 units, a record for the company.", "我們出貨了 52,000 台,創下公司紀錄。"),
    ("Gross margin was 21.5%, up 90 basis points.", "毛利率為 21.5%,上升 90 個基點。"),
    ("With that, I will hand over to our CFO.", "接下來,我將把時間交給我們的財務長。"),
]


def lines_of(*rows: str) -> list:
    return split_lines("\n".join(rows))


def turn(speaker: str, pairs=PAIRS) -> list[str]:
    rows = [speaker, speaker]
    for en, zh in pairs:
        rows += [en, zh]
    return rows


def paragraphs(items) -> list[tuple]:
    return [(i.en, i.zh) for i in items if isinstance(i, ParagraphItem)]


def test_exact_pairs():
    paired = pair_lines(lines_of(HEADER, *turn("Mei Lin - Chief Executive Officer")))
    assert paired.bilingual
    assert isinstance(paired.items[0], HeaderItem)
    assert isinstance(paired.items[1], SpeakerItem)
    assert paragraphs(paired.items) == PAIRS
    assert paired.warnings == []


def test_missing_translation_shifts_nothing():
    rows = turn("Mei Lin - Chief Executive Officer")
    rows.remove(PAIRS[1][1])
    paired = pair_lines(lines_of(HEADER, *rows))
    got = paragraphs(paired.items)
    assert got[1] == (PAIRS[1][0], None)
    assert got[:1] + got[2:] == PAIRS[:1] + PAIRS[2:]
    assert len(paired.warnings) == 1 and "no Chinese translation" in paired.warnings[0]


def test_extra_translation_becomes_its_own_paragraph():
    rows = turn("Mei Lin - Chief Executive Officer")
    rows.insert(rows.index(PAIRS[2][1]) + 1, "(此段為譯者補充說明。)")
    paired = pair_lines(lines_of(HEADER, *rows))
    got = paragraphs(paired.items)
    assert got[3] == (None, "(此段為譯者補充說明。)")
    assert got[:3] + got[4:] == PAIRS
    assert len(paired.warnings) == 1 and "Chinese line with no English" in paired.warnings[0]


def test_missing_translation_at_the_end_of_a_turn():
    rows = turn("Mei Lin - Chief Executive Officer")[:-1] + turn("Dana Wu - Chief Financial Officer")
    got = paragraphs(pair_lines(lines_of(HEADER, *rows)).items)
    assert got[4] == (PAIRS[4][0], None)
    assert got[5:] == PAIRS


def test_a_translation_without_chinese_characters_still_pairs():
    rows = turn(
        "Mei Lin - Chief Executive Officer",
        [PAIRS[0], ("EX-2M.", "EX-2M。"), ("Q3 2025", "Q3 2025"), PAIRS[1]],
    )
    paired = pair_lines(lines_of(HEADER, *rows))
    assert paragraphs(paired.items) == [PAIRS[0], ("EX-2M.", "EX-2M。"), ("Q3 2025", "Q3 2025"), PAIRS[1]]
    assert paired.warnings == []


def test_identical_pair_that_is_not_a_speaker_is_a_paragraph():
    url = "www.example-ir.com/results"
    rows = turn("Mei Lin - Chief Executive Officer", [PAIRS[0], (url, url), ("NASDAQ: LMRA", "NASDAQ: LMRA")])
    paired = pair_lines(lines_of(HEADER, *rows))
    assert sum(isinstance(i, SpeakerItem) for i in paired.items) == 1
    assert paragraphs(paired.items) == [PAIRS[0], (url, url), ("NASDAQ: LMRA", "NASDAQ: LMRA")]


def test_translated_speaker_titles():
    rows = [
        "Dana Wu - Chief Financial Officer",
        "Dana Wu - 財務長",
        *turn("x")[2:],
        "Operator",
        "操作員",
        *turn("x")[2:4],
    ]
    items = pair_lines(lines_of(HEADER, *rows)).items
    speakers = [i for i in items if isinstance(i, SpeakerItem)]
    assert [(s.speaker.name, s.title_zh) for s in speakers] == [("Dana Wu", "財務長"), ("Operator", "操作員")]
    assert len(paragraphs(items)) == 6


def test_lone_speaker_line_in_a_bilingual_file():
    rows = turn("Mei Lin - Chief Executive Officer")
    rows += ["Dana Wu - Chief Financial Officer", *turn("x")[2:]]
    paired = pair_lines(lines_of(HEADER, *rows))
    speakers = [i.speaker.name for i in paired.items if isinstance(i, SpeakerItem)]
    assert speakers == ["Mei Lin", "Dana Wu"]
    assert len(paragraphs(paired.items)) == 10
    assert any("has no Chinese line" in w for w in paired.warnings)


def test_english_only():
    rows = [
        "Operator",
        "Good day and welcome.",
        "Mei Lin - Chief Executive Officer",
        *[en for en, _ in PAIRS],
    ]
    paired = pair_lines(lines_of(*rows))
    assert not paired.bilingual
    assert [i.speaker.name for i in paired.items if isinstance(i, SpeakerItem)] == ["Operator", "Mei Lin"]
    assert paragraphs(paired.items) == [("Good day and welcome.", None)] + [(en, None) for en, _ in PAIRS]
    assert paired.warnings == []


def test_blank_lines_crlf_and_trailing_spaces_change_nothing():
    rows = [HEADER, *turn("Mei Lin - Chief Executive Officer")]
    plain = pair_lines(split_lines("\n".join(rows))).items
    messy = pair_lines(split_lines("\r\n\r\n".join(r + "  " for r in rows) + "\r\n")).items
    assert paragraphs(plain) == paragraphs(messy)
    old_mac = pair_lines(split_lines("\r".join(rows))).items
    assert paragraphs(plain) == paragraphs(old_mac)
