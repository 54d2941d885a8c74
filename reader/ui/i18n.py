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
Cancel, the file dialog...), which PySide6-Essentials ships in its translations directory. It can
be called again while the app runs: Qt sends every widget a LanguageChange event, and each owner of
texts (the window, its panels) sets them again.

The Chinese interface is shown in a font that covers both Chinese and Latin (`interface_font`):
with a Latin-only system font, Chinese is drawn in a fallback font taller than the font the rows
were measured with, which cut the descenders of the Latin text beside it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from ..core.messages import Message
from ..core.paths import resources_dir

log = logging.getLogger(__name__)

UI_LANGUAGES = ("en", "zh_TW")
APP_CATALOGUE = "reader"  # resources/translations/reader_<lang>.qm
QT_CATALOGUE = "qtbase"  # <Qt translations>/qtbase_<lang>.qm

# Sans-serif families that hold Traditional Chinese and Latin, in order of preference (Taiwan's
# glyph forms first); any other sans family listed for Traditional Chinese comes after them.
CHINESE_UI_FAMILIES = (
    "Noto Sans CJK TC",
    "Noto Sans TC",
    "Source Han Sans TC",
    "Source Han Sans TW",
    "Microsoft JhengHei UI",
    "Microsoft JhengHei",
    "PingFang TC",
    "Heiti TC",
    "Noto Sans CJK HK",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)

_installed: list[QTranslator] = []  # kept referenced: Python must not collect an installed translator
_current = "en"
_system_font: QFont | None = None  # the application's font before a language changed it


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


def chinese_ui_family(base: QFont) -> str | None:
    """The family the Chinese interface is shown in, None when `base` (the system's font) holds
    Traditional Chinese itself or no installed font does."""
    chinese = QFontDatabase.WritingSystem.TraditionalChinese
    if chinese in QFontDatabase.writingSystems(QFontInfo(base).family()):
        return None
    listed = QFontDatabase.families(chinese)
    for family in CHINESE_UI_FAMILIES:
        if family in listed:
            return family
    sans = [f for f in listed if "sans" in f.casefold() and "mono" not in f.casefold()]
    choices = sans or listed
    return choices[0] if choices else None


def interface_font(language: str, base: QFont) -> QFont:
    """The application's font for the interface in `language`: `base` (the system's), in a family
    that covers Chinese and Latin for the Chinese interface; the same size either way."""
    family = chinese_ui_family(base) if language == "zh_TW" else None
    if family is None:
        return QFont(base)
    font = QFont(base)
    font.setFamilies([family])
    return font


def _apply_font(app: QCoreApplication, language: str) -> None:
    global _system_font
    if not isinstance(app, QGuiApplication):  # (no fonts without a GUI: `--list-actions` has one)
        return
    if _system_font is None:
        _system_font = QFont(QGuiApplication.font())
    font = interface_font(language, _system_font)
    if font != QGuiApplication.font():
        QGuiApplication.setFont(font)


def install_translators(app: QCoreApplication, setting: str) -> str:
    """Remove the translators installed before, install those of the language `setting` picks,
    set the interface font for it (`interface_font`), and return that language ("en" if its
    catalogue cannot be loaded).

    Widgets built before the call get a LanguageChange event for each translator removed or
    installed; they set their texts again when they handle it (the window once, afterwards)."""
    language = _install(app, setting)
    _apply_font(app, language)
    return language


def _install(app: QCoreApplication, setting: str) -> str:
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


def said(text: str) -> str:
    """A core `Message` (a file's warning, why a file cannot be read) in the interface language:
    its template translated and filled in with its values, themselves said so; any other text as
    it is."""
    if not isinstance(text, Message):
        return text
    values = {key: said(v) if isinstance(v, Message) else v for key, v in text.values.items()}
    try:
        return QCoreApplication.translate(text.context, text.template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation whose placeholders do not fit
        return str(text)
