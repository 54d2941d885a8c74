"""Print and Export PDF: `transcript-reader export FILE --pdf OUT.pdf` offscreen and the window's
File ▸ Export PDF / Print: valid PDFs with numbered pages, both languages extractable (a CJK font
embedded), highlights and notes printed; one `error:` line and exit 2 on failure.

The PDFs are read with pdftotext/pdfinfo/pdffonts (poppler-utils); those tests skip without them.
Noto CJK draws some ideographs and the radical of the same shape with one glyph (民 and ⺠, 二 and
⼆), and Qt's PDF names a glyph by the lowest code point that has it: pdftotext gives the radical.
So text is compared glyph for glyph in the embedded font (`glyphs`), which is what the page shows.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from reader.core.parser import parse_file

pytest.importorskip("PySide6")

from PySide6.QtGui import QFont, QRawFont  # noqa: E402

from reader.ui.export.pdf import cjk_family  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdffonts"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext) is not installed")


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def pdf_text(path: Path, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", text)


def squeeze(text: str) -> str:
    """Text without its line breaks and spaces: a paragraph wraps differently in a PDF."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def glyphs(text: str) -> str:
    """`squeeze(text)` as the glyphs of the printout's CJK font, one character per glyph."""
    font = QRawFont.fromFont(QFont(cjk_family() or "Noto Sans CJK TC", 10))
    return "".join(chr(0xF0000 + g) for g in font.glyphIndexesForString(squeeze(text)))


def printed(paragraph: str, text: str, n: int) -> bool:
    """The first n characters of a paragraph are in the PDF's text (the rest of the paragraph may
    be on the next page, after its header)."""
    return glyphs(squeeze(paragraph)[:n]) in glyphs(text)


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


@needs_poppler
@pytest.mark.parametrize("mode", ["side", "interleaved", "en", "zh"])
def test_each_mode_exports_a_pdf_with_its_languages_and_numbered_pages(qapp, tmp_path, mode):
    out = tmp_path / f"{mode}.pdf"
    run = cli("export", str(FIXTURES / "basic.txt"), "--pdf", str(out), "--mode", mode)
    assert run.returncode == 0, run.stderr
    assert run.stderr == "" and "wrote" in run.stdout
    t = parse_file(FIXTURES / "basic.txt")
    text = pdf_text(out)
    n = pages(out)
    assert n >= 2 and f"Page 1 of {n}" in text and f"Page {n} of {n}" in text
    assert text.count("Corvane Robotics Q2 2025 earnings call") == n + 1  # each header, the title
    for p in t.paragraphs:
        assert printed(p.en, text, 30) == (mode != "zh"), p.en
        assert printed(p.zh, text, 12) == (mode != "en"), p.zh
    assert "Raymond Kwok" in text  # the speaker headings
    if mode != "en":
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
        assert "CJK" in fonts and " yes " in fonts.split("CJK", 1)[1].splitlines()[0]  # embedded


@needs_poppler
def test_side_by_side_keeps_each_pair_on_one_level(tmp_path):
    out = tmp_path / "side.pdf"
    assert cli("export", str(FIXTURES / "basic.txt"), "--pdf", str(out)).returncode == 0
    lines = pdf_text(out, layout=True).splitlines()
    t = parse_file(FIXTURES / "basic.txt")
    for p in t.paragraphs[1:8]:
        # The first words of each language of a pair print on the same line of the page.
        en, zh = " ".join(p.en.split()[:3]), p.zh[:4]
        assert any(en in line and zh in line for line in lines), (en, zh)


@needs_poppler
@pytest.mark.parametrize(
    ("name", "mode", "title"),
    [
        ("basic.txt", "side", "Corvane Robotics Q2 2025 earnings call"),
        ("multi_call.txt", "side", "Orbis Drone Systems Q1 2025 earnings call ... (2 calls)"),  # NFKC: ...
        ("multi_call.txt", "interleaved", "Orbis Drone Systems Q1 2025 earnings call ... (2 calls)"),
    ],
)
def test_each_page_starts_with_its_header_and_nothing_hides_under_it(tmp_path, name, mode, title):
    # A table cell split over two pages paints its lines of the page before, clipped away, where
    # the next page's header is: a PDF reader finds them there (basic.txt, side by side, did).
    out = tmp_path / "p.pdf"
    assert cli("export", str(FIXTURES / name), "--pdf", str(out), "--mode", mode).returncode == 0
    n = pages(out)
    assert n >= 2
    for page in range(1, n + 1):
        args = ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(out), "-"]
        xml = subprocess.run(args, capture_output=True, text=True, check=True).stdout
        words = [
            (float(top), float(bottom), unicodedata.normalize("NFKC", html.unescape(word)))
            for top, bottom, word in re.findall(
                r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', xml
            )
        ]
        header_bottom = max(bottom for _top, bottom, word in words if word == "Page")
        in_header = [word for top, _bottom, word in words if top < header_bottom]
        assert " ".join(in_header) == f"{title} Page {page} of {n}", page


@needs_poppler
def test_qa_only_and_notes(qapp, tmp_path):
    env = {
        "TRANSCRIPT_READER_DATA": str(tmp_path / "data"),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    fixture = FIXTURES / "basic.txt"
    added = cli(
        "notes", "add", str(fixture), "--paragraph", "12", "--quote", "Average selling prices fell 3%",
        "--note", "Pricing pressure easing", env=env,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    out = tmp_path / "qa.pdf"
    run = cli("export", str(fixture), "--pdf", str(out), "--qa-only", "--notes", env=env)
    assert run.returncode == 0, run.stderr
    assert "1 highlight(s) and note(s)" in run.stdout
    t = parse_file(fixture)
    text = pdf_text(out)
    assert not printed(t.paragraphs[1].en, text, 30)  # prepared remarks left out
    assert printed(t.paragraphs[12].en, text, 30) and printed(t.paragraphs[12].zh, text, 12)
    assert squeeze("Note: Pricing pressure easing") in squeeze(text)
    noted = tmp_path / "noted.pdf"
    assert cli("export", str(fixture), "--pdf", str(noted), "--only-noted", env=env).returncode == 0
    text = pdf_text(noted)
    assert printed(t.paragraphs[12].en, text, 30) and not printed(t.paragraphs[11].en, text, 30)
    bare = tmp_path / "bare.pdf"
    assert cli("export", str(fixture), "--pdf", str(bare), "--qa-only", env=env).returncode == 0
    assert "Pricing pressure" not in pdf_text(bare)


@needs_poppler
def test_one_speaker(qapp, tmp_path):
    out = tmp_path / "raymond.pdf"
    run = cli("export", str(FIXTURES / "basic.txt"), "--pdf", str(out), "--speaker", "Raymond Kwok")
    assert run.returncode == 0, run.stderr
    t = parse_file(FIXTURES / "basic.txt")
    text = pdf_text(out)
    for p in t.paragraphs:
        assert printed(p.en, text, 30) == (t.turns[p.turn].speaker == "Raymond Kwok"), p.en


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["{fixtures}/basic.txt", "--pdf", "{tmp}/x.pdf", "--speaker", "Nobody"], "no speaker"),
        (["{fixtures}/basic.txt", "--pdf", "{tmp}/x.pdf", "--only-noted"], "no highlight or note"),
        (["/no/such/file.txt", "--pdf", "{tmp}/x.pdf"], "no such file"),
        (["{fixtures}/not_a_transcript.txt", "--pdf", "{tmp}/x.pdf"], "not a transcript"),
        (["{fixtures}/basic.txt", "--pdf", "{tmp}/no/such/dir/x.pdf"], "cannot write"),
        (["{fixtures}/basic.txt", "--pdf", "{tmp}"], "cannot write"),
        (["{fixtures}/english_only.txt", "--pdf", "{tmp}/x.pdf", "--mode", "zh"], "no Chinese"),
        (["{fixtures}/basic.txt"], "--pdf"),
        (["{fixtures}/basic.txt", "--pdf", "{tmp}/x.pdf", "--mode", "fr"], "invalid choice"),
    ],
)
def test_a_failure_is_one_error_line_and_exit_2(tmp_path, args, says):
    args = [a.format(tmp=tmp_path, fixtures=FIXTURES) for a in args]
    run = cli("export", *args)
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and says in lines[0], run.stderr
    assert not (tmp_path / "x.pdf").exists()
