"""The language of the interface: English (the source strings) or Traditional Chinese (zh_TW).

The setting `LANGUAGE` is "system", "en" or "zh_TW". "system" follows the user's preferred UI
languages (QLocale.system().uiLanguages(), in order): the first one that is English gives English,
the first one that is Chinese gives zh_TW, and none of either gives English.

Every Chinese locale gives zh_TW: Traditional script or region TW/HK/MO of course, and Simplified
Chinese (zh_CN, zh_SG, zh_Hans_*) as well. zh_TW is the only Chinese interface the app has, and a
reader of Simplified Chinese reads Traditional far more easily than English; the transcripts it
shows are bilingual anyway. Should a zh_CN translation appear, `_chinese_ui` is the one place to
change.

`install_translators` loads resources/translations/reader_<lang>.qm (the app's own strings, made by
build/update-translations.sh) and Qt's qtbase_<lang>.qm (the standard buttons and dialogs: OK,
Cancel, the file dialog...), which PySide6-Essentials ships in its translations directory.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.paths import resources_dir

log = logging.getLogger(__name__)

UI_LANGUAGES = ("en", "zh_TW")
APP_CATALOGUE = "reader"  # resources/translations/reader_<lang>.qm
QT_CATALOGUE = "qtbase"  # <Qt translations>/qtbase_<lang>.qm

_installed: list[QTranslator] = []  # kept referenced: Python must not collect an installed translator
_current = "en"


def _chinese_ui(locale: QLocale) -> str:
    """The interface for a Chinese locale: zh_TW for Traditional and Simplified alike (see above)."""
    return "zh_TW"


def ui_language(setting: str, locale: QLocale | None = None) -> str:
    """ "en" or "zh_TW" for the LANGUAGE setting; "system" (or anything unknown) follows `locale`,
    by default QLocale.system()."""
    if setting in UI_LANGUAGES:
        return setting
    locale = QLocale.system() if locale is None else locale
    return language_for_preferences(locale.uiLanguages() or [locale.name()])


def language_for_preferences(preferred: list[str]) -> str:
    """The interface for a list of BCP 47 / POSIX locale names, most preferred first."""
    for name in preferred:
        locale = QLocale(name)
        if locale.language() == QLocale.Language.English:
            return "en"
        if locale.language() == QLocale.Language.Chinese:
            return _chinese_ui(locale)
    return "en"


def current_language() -> str:
    """The language `install_translators` last installed ("en" before it is called)."""
    return _current


def app_catalogue_path(language: str) -> str:
    """The path of the app's compiled catalogue for `language`, or "" if it is not there."""
    path = resources_dir() / "translations" / f"{APP_CATALOGUE}_{language}.qm"
    return str(path) if path.is_file() else ""


def qt_catalogue_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_translators(app: QCoreApplication, setting: str) -> str:
    """Remove the translators installed before, install those of the language `setting` picks,
    and return that language ("en" if its catalogue cannot be loaded).

    Widgets built before the call keep their texts: call this before building the window (a change
    of language in the settings takes effect at the next start)."""
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = "en"
    language = ui_language(setting)
    if language == "en":
        return _current

    ours = QTranslator()
    path = app_catalogue_path(language)
    if not path or not ours.load(path):
        log.warning("no interface translation for %s (%s): English it is", language, path or "missing")
        return _current
    qt = QTranslator()
    if qt.load(f"{QT_CATALOGUE}_{language}", qt_catalogue_dir()):
        _installed.append(qt)
    else:
        log.info("Qt's own %s_%s.qm is not in %s", QT_CATALOGUE, language, qt_catalogue_dir())
    _installed.append(ours)  # installed last: asked first
    for translator in _installed:
        app.installTranslator(translator)
    _current = language
    return _current


def plural(context: str, one: str, many: str, n: int) -> str:
    """`one` or `many` by the English rule, translated, with %n as the number. Both forms are
    separate messages, so a language without plurals (Chinese) translates them alike and the
    English text needs no catalogue of its own."""
    return QCoreApplication.translate(context, one if n == 1 else many, None, n)
