"""Preferences: shows the settings, writes them on OK only, applies the theme and the language."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication, QFontComboBox  # noqa: E402

from reader.ui import (
    i18n,  # noqa: E402
    theme,  # noqa: E402
)
from reader.ui.config import (  # noqa: E402
    FIGURES,
    FONT_FAMILY,
    FONT_SIZE,
    LANGUAGE,
    RESTORE_SESSION,
    THEME,
    Settings,
)
from reader.ui.window.settings_dialog import MIN_FONT_SIZE, SettingsDialog  # noqa: E402


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def dialog(qtbot, settings):
    def make() -> SettingsDialog:
        d = SettingsDialog(settings)
        qtbot.addWidget(d)
        return d

    return make


@pytest.fixture
def restore_style(qapp):
    style, palette = qapp.style().name(), qapp.palette()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.styleHints().unsetColorScheme()


def some_family() -> str:
    """A family the font box lists under its own name (not an alias such as "Serif")."""
    box = QFontComboBox()
    for i in reversed(range(box.count())):
        box.setCurrentFont(QFont(box.itemText(i)))
        if box.currentFont().family() == box.itemText(i):
            return box.itemText(i)
    pytest.skip("no font to choose")


def pick(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_shows_the_defaults(dialog):
    d = dialog()
    assert d.language.currentData() == "system"
    assert d.theme.currentData() == "system"
    assert d.default_font.isChecked() and not d.font_family.isEnabled()
    assert d.font_size.value() == 0 and d.font_size.text() == "Default"
    assert d.figures.isChecked()


def test_language_names_are_in_their_own_language(dialog):
    d = dialog()
    assert [d.language.itemText(i) for i in range(1, 3)] == ["English", "繁體中文"]


def test_shows_the_current_settings(dialog, settings):
    family = some_family()
    for option, value in (
        (LANGUAGE, "zh_TW"),
        (THEME, "dark"),
        (FONT_FAMILY, family),
        (FONT_SIZE, 15),
        (FIGURES, False),
    ):
        settings.set(option, value)
    d = dialog()
    assert d.language.currentData() == "zh_TW"
    assert d.theme.currentData() == "dark"
    assert not d.default_font.isChecked() and d.font_family.isEnabled()
    assert d.font_family.currentFont().family() == family
    assert d.font_size.value() == 15
    assert not d.figures.isChecked()
    assert d.values() == {
        LANGUAGE: "zh_TW",
        THEME: "dark",
        FONT_FAMILY: family,
        FONT_SIZE: 15,
        FIGURES: False,
        RESTORE_SESSION: True,
    }


def test_ok_writes_the_settings_and_says_which_changed(dialog, settings, qtbot, restore_style):
    family = some_family()
    d = dialog()
    pick(d.language, "en")
    pick(d.theme, "light")
    d.default_font.setChecked(False)
    d.font_family.setCurrentFont(QFont(family))
    d.font_size.setValue(13)
    d.figures.setChecked(False)
    with qtbot.waitSignal(d.changed) as signal:
        d.buttons.button(d.buttons.StandardButton.Ok).click()
    assert d.result() == d.DialogCode.Accepted
    assert settings.get(LANGUAGE) == "en"
    assert settings.get(THEME) == "light"
    assert settings.get(FONT_FAMILY) == family
    assert settings.get(FONT_SIZE) == 13
    assert settings.get(FIGURES) is False
    assert signal.args[0] == {o.key for o in (LANGUAGE, THEME, FONT_FAMILY, FONT_SIZE, FIGURES)}


def test_only_changed_options_are_reported(dialog, settings, qtbot):
    settings.set(FONT_SIZE, 12)
    d = dialog()
    d.font_size.setValue(14)
    with qtbot.waitSignal(d.changed) as signal:
        d.accept()
    assert signal.args[0] == {FONT_SIZE.key}


def test_ok_without_a_change_emits_nothing(dialog, qtbot):
    d = dialog()
    with qtbot.assertNotEmitted(d.changed):
        d.accept()


def test_a_font_not_installed_is_kept_unless_another_is_chosen(dialog, settings):
    settings.set(FONT_FAMILY, "No Such Font Family")
    d = dialog()
    assert d.values()[FONT_FAMILY] == "No Such Font Family"
    family = some_family()
    d.font_family.setCurrentIndex(0 if d.font_family.itemText(0) != family else 1)
    d.font_family.setCurrentFont(QFont(family))
    assert d.values()[FONT_FAMILY] == family


def test_default_font_is_stored_as_empty_family_and_size_zero(dialog, settings):
    settings.set(FONT_FAMILY, some_family())
    settings.set(FONT_SIZE, 20)
    d = dialog()
    d.default_font.setChecked(True)
    d.font_size.setValue(0)
    d.accept()
    assert settings.get(FONT_FAMILY) == ""
    assert settings.get(FONT_SIZE) == 0


def test_size_steps_from_default_to_the_smallest_size_and_back(dialog):
    d = dialog()
    d.font_size.stepUp()
    assert d.font_size.value() == MIN_FONT_SIZE
    d.font_size.stepUp()
    assert d.font_size.value() == MIN_FONT_SIZE + 1
    d.font_size.stepDown()
    d.font_size.stepDown()
    assert d.font_size.value() == 0 and d.font_size.text() == "Default"


def test_cancel_writes_nothing(dialog, settings, qtbot):
    d = dialog()
    pick(d.language, "zh_TW")
    pick(d.theme, "dark")
    d.figures.setChecked(False)
    d.font_size.setValue(30)
    with qtbot.assertNotEmitted(d.changed):
        d.buttons.button(d.buttons.StandardButton.Cancel).click()
    assert d.result() == d.DialogCode.Rejected
    for option in (LANGUAGE, THEME, FIGURES, FONT_SIZE, FONT_FAMILY):
        assert settings.get(option) == option.default
    assert not theme.is_dark()


def test_choosing_dark_applies_at_once(dialog, settings, restore_style):
    assert not theme.is_dark()
    d = dialog()
    pick(d.theme, "dark")
    d.accept()
    assert settings.get(THEME) == "dark"
    assert theme.is_dark(QApplication.palette())
    d = dialog()
    pick(d.theme, "light")
    d.accept()
    assert not theme.is_dark()


def test_a_new_language_applies_at_once(dialog, settings, qapp):
    """OK with another language installs its translators: no restart."""
    try:
        d = dialog()
        pick(d.language, "zh_TW")
        d.accept()
        assert i18n.current_language() == "zh_TW"
        assert dialog().windowTitle() == "偏好設定"
        d = dialog()
        pick(d.language, "en")
        d.accept()
        assert i18n.current_language() == "en"
        assert dialog().windowTitle() == "Preferences"
    finally:
        i18n.install_translators(qapp, "en")


def test_the_session_checkbox_writes_its_setting(dialog, settings):
    assert settings.get(RESTORE_SESSION) is True
    d = dialog()
    assert d.restore_session.isChecked()
    d.restore_session.setChecked(False)
    d.accept()
    assert settings.get(RESTORE_SESSION) is False
    assert not dialog().restore_session.isChecked()


def test_the_dialog_is_translated(dialog, settings, qapp):
    settings.set(LANGUAGE, "zh_TW")
    try:
        i18n.install_translators(qapp, "zh_TW")
        d = dialog()
        assert d.windowTitle() == "偏好設定"
        assert d.theme.itemText(2) == "深色"
        assert d.language.itemText(2) == "繁體中文"
    finally:
        i18n.install_translators(qapp, "en")
