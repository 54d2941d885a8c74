"""A transcript pasted from the clipboard is read in any layout and kept in the app's own folder."""

from datetime import datetime
from pathlib import Path

import pytest

from reader.core.errors import TranscriptError
from reader.core.parser import parse_file
from reader.core.pasted import keep_pasted
from reader.core.paths import is_pasted, pasted_dir

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 12, 7, 9, 30, 5)


def test_plain_text_is_kept_in_the_data_folder_and_reads_as_the_file():
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8")
    path = keep_pasted(text, now=NOW)
    assert path.parent == pasted_dir() and is_pasted(path)
    assert path.name.startswith("Pasted ") and path.name.endswith("2026-12-07 093005.txt")
    assert parse_file(path).fingerprint == parse_file(FIXTURES / "basic.txt").fingerprint
    again = keep_pasted(text, now=NOW)  # the same moment twice: a second file, not an overwrite
    assert again != path and again.exists() and path.exists()


def test_a_browser_copy_as_html_is_read_line_by_line():
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8")
    html = (
        "<html><body><ul>" + "".join(f"<li>{line}</li>" for line in text.splitlines()) + "</ul></body></html>"
    )
    path = keep_pasted("not used", html, now=NOW)
    assert parse_file(path).fingerprint == parse_file(FIXTURES / "basic.txt").fingerprint


def test_html_that_is_not_a_transcript_falls_back_to_the_plain_text():
    text = (FIXTURES / "english_only.txt").read_text(encoding="utf-8")
    path = keep_pasted(text, "<p>Menu</p><p>Log in</p>", now=NOW)
    assert parse_file(path).languages == ["en"]


@pytest.mark.parametrize("text", [None, "", "   \n", "a shopping list\nmilk\neggs\n"])
def test_what_is_no_transcript_is_one_reason_and_nothing_is_kept(text):
    with pytest.raises(TranscriptError) as err:
        keep_pasted(text, now=NOW)
    assert str(err.value).startswith("the clipboard: ")
    assert not pasted_dir().exists() or list(pasted_dir().iterdir()) == []


def test_a_users_file_is_not_pasted():
    assert not is_pasted(FIXTURES / "basic.txt")
