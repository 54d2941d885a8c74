"""Bytes to text: BOMs, UTF-16 without a BOM, legacy Chinese encodings, damage."""

import codecs

import pytest

from reader.core.decoding import decode
from reader.core.errors import TranscriptError

TEXT = (
    "使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主\n"
    "Operator\nOperator\n"
    "Good day, and welcome to the Lumora Mobility third quarter 2025 earnings call.\n"
    "大家好,歡迎參加 Lumora Mobility 2025 年第三季財報電話會議。\n"
    "Revenue reached RMB1.3 billion, and we delivered 47,200 vehicles.\n"
    "營收達到 13 億元人民幣,我們交付了 47,200 輛汽車。"
)


@pytest.mark.parametrize(
    ("encoding", "expected", "bom"),
    [
        ("utf-8", "utf-8", False),
        ("utf-8-sig", "utf-8", True),
        ("utf-16", "utf-16-le", True),
        ("utf-16-le", "utf-16-le", False),
        ("utf-16-be", "utf-16-be", False),
        ("utf-32", "utf-32-le", True),
        ("cp950", "cp950", False),
        ("big5", "cp950", False),
        ("gb18030", "gb18030", False),
    ],
)
def test_encodings(encoding, expected, bom):
    decoded = decode(TEXT.encode(encoding))
    assert decoded.text == TEXT
    assert decoded.encoding == expected
    assert decoded.bom is bom
    assert decoded.warnings == []


def test_simplified_in_gbk():
    text = TEXT.replace("營收達到", "营收达到").replace("輛汽車", "辆汽车")
    decoded = decode(text.encode("gbk"))
    assert decoded.text == text and decoded.encoding == "gb18030"


def test_utf32_be_bom():
    decoded = decode(codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"))
    assert decoded.text == TEXT and decoded.encoding == "utf-32-be"


def test_cut_inside_a_character_reads_the_rest():
    data = TEXT.encode("utf-8")[:-2]  # the last character is 3 bytes
    decoded = decode(data)
    assert decoded.text == TEXT[:-1]
    assert any("cut short" in w for w in decoded.warnings)


def test_cut_utf16_odd_length():
    decoded = decode(TEXT.encode("utf-16")[:-1])
    assert decoded.text == TEXT[:-1]
    assert any("cut short" in w for w in decoded.warnings)


def test_nul_bytes_are_removed_with_a_warning():
    data = TEXT.encode("utf-8").replace(b"Revenue", b"Rev\x00enue")
    decoded = decode(data)
    assert decoded.text == TEXT
    assert decoded.warnings == ["1 NUL byte(s) removed"]


def test_a_few_bad_bytes_stay_utf8():
    data = bytearray(TEXT.encode("utf-8"))
    data[data.index(b"Revenue")] = 0xFF
    decoded = decode(bytes(data))
    assert decoded.encoding == "utf-8"
    assert "\ufffdevenue" in decoded.text
    assert "營收達到" in decoded.text
    assert any("undecodable" in w for w in decoded.warnings)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_not_text(data, reason):
    with pytest.raises(TranscriptError, match=reason):
        decode(data)


def test_damaged_big5_and_gb18030_are_read_with_the_line_named():
    text = "第一行 營收\n第二行 積壓 訂單\n第三行 現金\n" * 3
    for encoding, name in (("big5", "Big5"), ("gb18030", "GB18030")):
        data = text.encode(encoding)
        at = data.index("積".encode(encoding))
        decoded = decode(data[:at] + b"\xff" + data[at + 1 :])
        assert decoded.encoding in ("cp950", "gb18030") and "第三行" in decoded.text
        assert any(name in w and "on line 2" in w for w in decoded.warnings), decoded.warnings


def test_utf32_without_bom_in_either_byte_order():
    text = "Revenue rose 12%.\n營收成長 12%。\n" * 5
    for encoding in ("utf-32-le", "utf-32-be"):
        decoded = decode(text.encode(encoding))
        assert (decoded.encoding, decoded.text, decoded.warnings) == (encoding, text, [])
