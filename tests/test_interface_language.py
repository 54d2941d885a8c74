"""The interface language changes while the window is open: Preferences ▸ OK sets the menus, the
actions, the docks, the status bar and the side panel in the new language at once. The Chinese
interface is shown in a font that holds Chinese and Latin, and the side panel's rows are as tall
as their lines (a Chinese role beside a Latin name no longer cuts the name's descenders)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics, QGuiApplication, QTextLayout  # noqa: E402

from reader.ui import i18n  # noqa: E402
from reader.ui.config import LANGUAGE  # noqa: E402
from reader.ui.widgets.text_lines import line_height  # noqa: E402
from reader.ui.window.actions import MainAction  # noqa: E402
from reader.ui.window.settings_dialog import SettingsDialog  # noqa: E402
from reader.ui.window.sidepanel import SECOND_LINE  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese))


@pytest.fixture
def english_afterwards(qapp):
    yield qapp
    i18n.install_translators(qapp, "en")


def choose_language(window, language: str) -> None:
    dialog = SettingsDialog(window.settings, window)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.accept()
    dialog.deleteLater()


def laid_out(font, text: str) -> float:
    """The height of `text` laid out on one line, measured here rather than by the app."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.height()


def test_choosing_chinese_in_preferences_translates_the_window_at_once(
    qtbot, make_window, english_afterwards
):
    window = make_window()
    view = window.open_path(FIXTURES / "basic.txt")
    qtbot.waitUntil(lambda: view.transcript is not None and not view.settling(), timeout=10000)
    assert window.menus["file"].title() == "&File"
    choose_language(window, "zh_TW")
    assert window.settings.get(LANGUAGE) == "zh_TW"
    qtbot.waitUntil(lambda: window.menus["file"].title() == "檔案(&F)", timeout=3000)
    assert window.action(MainAction.OPEN).text() == "開啟(&O)…"
    assert window.dock.windowTitle() == "側邊面板"
    assert window.panel.speakers_label.text() == "發言者"
    assert "段" in window.position.text()  # the place in the status bar: "第 1 段，共 … 段"
    assert window.panel.title.text()  # the panel's rows were filled again
    choose_language(window, "en")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&File", timeout=3000)
    assert window.action(MainAction.OPEN).text() == "&Open\u2026"
    assert window.dock.windowTitle() == "Side Panel" and window.panel.speakers_label.text() == "Speakers"
    assert "paragraph" in window.position.text()


def test_a_window_without_tabs_says_how_to_open_one_in_the_new_language(
    qtbot, make_window, english_afterwards
):
    window = make_window()
    choose_language(window, "zh_TW")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "檔案(&F)", timeout=3000)
    message = window.statusBar().currentMessage()
    assert message and "No transcript open" not in message


def test_the_chinese_interface_font_holds_chinese_and_the_english_one_is_the_system_s(english_afterwards):
    if not has_chinese_font():
        pytest.skip("no Chinese font installed")
    before = QGuiApplication.font()
    i18n.install_translators(english_afterwards, "zh_TW")
    family = QFontInfo(QGuiApplication.font()).family()
    assert QFontDatabase.WritingSystem.TraditionalChinese in QFontDatabase.writingSystems(family)
    assert QGuiApplication.font().pointSizeF() == before.pointSizeF()
    i18n.install_translators(english_afterwards, "en")
    assert QGuiApplication.font() == before


def test_a_line_mixing_scripts_is_as_tall_as_its_tallest_font(qapp):
    font = qapp.font()
    assert line_height(font, "Loop Capital") >= QFontMetrics(font).height()
    mixed = "Operator\uff08\u66f8\u9762\u63d0\u554f\uff09"
    assert line_height(font, "Loop Capital", mixed) >= laid_out(font, mixed)
    assert line_height(font) == QFontMetrics(font).height()


def latin_only_family() -> str | None:
    """An installed family without Chinese (Chinese in it is drawn in a taller fallback font)."""
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese))
    latin = QFontDatabase.families(QFontDatabase.WritingSystem.Latin)
    return next((f for f in latin if f not in chinese and "sans" in f.casefold()), None)


@pytest.mark.parametrize("font", ["interface", "latin only"])
def test_side_panel_rows_hold_their_lines_in_the_chinese_interface(
    qtbot, make_window, english_afterwards, font
):
    window = make_window()
    choose_language(window, "zh_TW")
    panel = window.panel
    if font == "latin only":  # as the panel was before the Chinese interface had a font of its own
        family = latin_only_family()
        if family is None or not has_chinese_font():
            pytest.skip("no Latin-only font, or no Chinese font")
        chosen = QFont(panel.font())
        chosen.setFamilies([family])
        panel.setFont(chosen)
    view = window.open_path(FIXTURES / "submitted_questions.txt")
    qtbot.waitUntil(lambda: view.transcript is not None and not view.settling(), timeout=10000)
    font = panel.speakers.font()
    full = QFontMetrics(font).height()
    speakers = [panel.speakers.item(i) for i in range(panel.speakers.count())]
    assert speakers
    for item in speakers:
        rect = panel.speakers.visualItemRect(item)
        stat = item.data(Qt.ItemDataRole.UserRole + 2)
        details = panel.speaker_details(stat)
        assert rect.height() >= 3 * full
        assert rect.height() >= 3 * max(laid_out(font, details), laid_out(font, stat.name))
    entries = [e for e in panel.entries if e.data(0, SECOND_LINE)]
    assert any("\uff08" in e.text(0) for e in entries)  # "（書面提問）": Chinese beside a Latin name
    for entry in entries:
        rect = panel.outline.visualItemRect(entry)
        label = max(laid_out(font, entry.text(0)), laid_out(font, entry.data(0, SECOND_LINE)))
        assert rect.height() >= 2 * full and rect.height() >= 2 * label


def test_a_window_made_in_chinese_has_its_side_panel_in_chinese(make_window, english_afterwards):
    i18n.install_translators(english_afterwards, "zh_TW")
    window = make_window()
    assert (window.panel.outline_label.text(), window.panel.speakers_label.text()) == ("大綱", "發言者")
    assert window.panel.speakers.accessibleName() == "發言者"


def test_the_panels_follow_the_language_too(qtbot, make_window, english_afterwards):
    window = make_window()
    view = window.open_path(FIXTURES / "basic.txt")
    qtbot.waitUntil(lambda: view.transcript is not None and not view.settling(), timeout=10000)
    search, library = window.search.show_search(), window.search.show_library()
    notes = window.notes.show_panel()
    find = view.finding.bar
    assert library.model.headerData(1, Qt.Orientation.Horizontal) == "Date"
    choose_language(window, "zh_TW")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "檔案(&F)", timeout=3000)
    assert library.model.headerData(1, Qt.Orientation.Horizontal) == "日期"
    assert (library.add_folder.text(), library.reindex.text()) == ("加入資料夾…", "重建索引")
    assert search.sort.itemText(0) == "最相關優先"
    assert notes.scope.itemText(0) == "此檔案"
    assert find.edit.placeholderText() == "在兩種語言中尋找（繁體與簡體視為相同）"
    assert window.search.library_dock.windowTitle() != "Library"
    assert window.notes.dock.windowTitle() != "Notes"


def test_a_files_warnings_are_said_in_the_interface_language_and_follow_its_change(
    qtbot, make_window, english_afterwards, tmp_path
):
    text = (FIXTURES / "basic.txt").read_text(encoding="utf-8").split("\n")
    for i in (3, 7, 9, 11):
        text[i] += " We think there\u00e2s more to come."  # mis-encoded upstream
    path = tmp_path / "garbled.txt"
    path.write_text("\n".join(text), encoding="utf-8")
    window = make_window()
    view = window.open_path(path)
    with qtbot.waitSignal(view.ready, timeout=10000):
        pass
    banner = window.file_warnings.shown()
    assert banner is not None
    assert "line 4: garbled characters ('there\u00e2s')" in banner.label.text()
    assert banner.dismiss.text() == "Dismiss"
    choose_language(window, "zh_TW")
    qtbot.waitUntil(lambda: "\u7b2c 4 \u884c" in banner.label.text(), timeout=3000)  # 第 4 行
    said = banner.label.text()
    assert "garbled characters" not in said and "\u4e82\u78bc" in said and "'there\u00e2s'" in said  # 亂碼
    assert "\u8b80\u53d6 garbled.txt" in said  # 讀取 garbled.txt: the head, in the same language
    assert banner.dismiss.text() == "\u95dc\u9589\u63d0\u793a"  # 關閉提示
    assert banner.label.accessibleName() == "\u8b80\u53d6\u6a94\u6848\u6642\u7684\u8b66\u544a"
    (show_all,) = [banner.buttons.itemAt(i).widget() for i in range(banner.buttons.count())]
    assert show_all.text() == "\u5168\u90e8\u986f\u793a"  # 全部顯示
    choose_language(window, "en")
    qtbot.waitUntil(lambda: "line 4: garbled characters" in banner.label.text(), timeout=3000)
    assert banner.dismiss.text() == "Dismiss" and show_all.text() == "Show All"


def test_why_a_file_cannot_be_opened_is_said_in_the_interface_language_and_follows_its_change(
    qtbot, make_window, english_afterwards
):
    window = make_window()
    choose_language(window, "zh_TW")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "檔案(&F)", timeout=3000)
    view = window.open_path(FIXTURES / "not_a_transcript.txt")
    with qtbot.waitSignal(view.failed, timeout=10000):
        pass
    page = view.loading.label
    assert "\u6c92\u6709\u767c\u8a00\u8005\u884c" in page.text()  # 沒有發言者行 (no speaker lines)
    assert "not a transcript" not in page.text() and "not_a_transcript.txt" in page.text()
    assert view.loading.copy.text() == "\u8907\u88fd\u8a73\u7d30\u8cc7\u8a0a"  # 複製詳細資訊
    choose_language(window, "en")
    qtbot.waitUntil(lambda: "no speaker lines (" in page.text(), timeout=3000)
    assert page.text().startswith("Cannot open not_a_transcript.txt") and page.text().endswith(
        ": not a transcript"
    )
    assert view.loading.copy.text() == "Copy details"
