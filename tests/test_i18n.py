"""The interface language: which one a setting and a locale pick, the translators installed for it,
and the catalogue itself (every message translated, the .qm compiled from the .ts as it is now)."""

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator  # noqa: E402

from reader.ui import i18n  # noqa: E402

ROOT = Path(__file__).parent.parent
TS = ROOT / "resources" / "translations" / "reader_zh_TW.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[A-Za-z_]\w*(?:![rsa])?\}")


@pytest.fixture
def english_afterwards(qapp):
    yield qapp
    i18n.install_translators(qapp, "en")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zh_TW", "zh_TW"),
        ("zh_HK", "zh_TW"),
        ("zh_MO", "zh_TW"),
        ("zh_Hant_TW", "zh_TW"),
        ("zh_CN", "zh_TW"),  # Simplified Chinese readers get the Traditional interface, not English
        ("zh_SG", "zh_TW"),
        ("zh_Hans_HK", "zh_TW"),
        ("en_US", "en"),
        ("en_GB", "en"),
        ("fr_FR", "en"),
        ("ja_JP", "en"),
        ("C", "en"),
    ],
)
def test_system_setting_follows_the_locale(name, expected):
    assert i18n.ui_language("system", QLocale(name)) == expected


@pytest.mark.parametrize("name", ["zh_TW", "en_US", "zh_CN", "de_DE"])
def test_an_explicit_setting_wins_over_the_locale(name):
    assert i18n.ui_language("en", QLocale(name)) == "en"
    assert i18n.ui_language("zh_TW", QLocale(name)) == "zh_TW"


def test_an_unknown_setting_follows_the_locale():
    assert i18n.ui_language("klingon", QLocale("zh_TW")) == "zh_TW"


def test_system_setting_without_a_locale_uses_the_system_one():
    assert i18n.ui_language("system") == i18n.ui_language("system", QLocale.system())


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [
        (["fr-FR", "zh-Hant-TW", "en-US"], "zh_TW"),  # the first of English or Chinese decides
        (["de-DE", "en-GB", "zh-TW"], "en"),
        (["zh-Hans-CN"], "zh_TW"),
        (["ko-KR", "ja-JP"], "en"),
        ([], "en"),
    ],
)
def test_preferred_ui_languages_are_read_in_order(preferred, expected):
    assert i18n.language_for_preferences(preferred) == expected


def test_installing_chinese_translates_and_english_puts_it_back(english_afterwards):
    app = english_afterwards
    source = "Reopen the last session's transcripts at start"
    assert i18n.install_translators(app, "zh_TW") == "zh_TW"
    assert i18n.current_language() == "zh_TW"
    assert QCoreApplication.translate("SettingsDialog", source) == "啟動時重新開啟上次的逐字稿"
    assert QCoreApplication.translate("SettingsDialog", "Preferences") == "偏好設定"
    assert i18n.install_translators(app, "en") == "en"
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("SettingsDialog", source) == source


def test_installing_twice_does_not_stack_translators(english_afterwards):
    i18n.install_translators(english_afterwards, "zh_TW")
    first = len(i18n._installed)
    i18n.install_translators(english_afterwards, "zh_TW")
    assert len(i18n._installed) == first
    assert QCoreApplication.translate("SettingsDialog", "Dark") == "深色"


def test_qt_own_chinese_translations_are_shipped_and_installed(english_afterwards):
    qt = QTranslator()
    assert qt.load("qtbase_zh_TW", i18n.qt_catalogue_dir()), "PySide6 should ship qtbase_zh_TW.qm"
    i18n.install_translators(english_afterwards, "zh_TW")
    assert len(i18n._installed) == 2
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "取消"


def test_a_missing_catalogue_leaves_english(english_afterwards, monkeypatch):
    monkeypatch.setattr(i18n, "app_catalogue_path", lambda language: "")
    assert i18n.install_translators(english_afterwards, "zh_TW") == "en"
    assert i18n._installed == []


def _messages():
    root = ET.parse(TS).getroot()
    assert root.get("language") == "zh_TW"
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def test_every_message_is_translated():
    unfinished = []
    count = 0
    for context, message in _messages():
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        count += 1
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all(forms):
            unfinished.append((context, message.findtext("source")))
    assert count > 0
    assert unfinished == [], "run build/update-translations.sh after translating these"


def test_translations_keep_the_placeholders():
    for context, message in _messages():
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if message.get("numerus") == "yes" or not translation:
            continue
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            context,
            source,
        )


def test_the_qm_is_compiled_from_the_ts_as_it_is():
    translator = QTranslator()
    assert translator.load(str(QM))
    for context, message in _messages():
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete", "unfinished") or message.get("numerus"):
            continue
        source = message.findtext("source")
        got = translator.translate(context, source, message.findtext("comment"))
        assert got == translation.text, (context, source)


def test_the_ts_has_every_string_of_the_code(tmp_path):
    """lupdate run now over reader/ui and the core's warning texts finds no message the .ts lacks
    (else: run the script)."""
    lupdate = ROOT / ".venv" / "bin" / "pyside6-lupdate"
    lupdate = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    if not lupdate:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "reader" / "ui").rglob("*.py"))
    sources.append(str(ROOT / "reader" / "core" / "messages.py"))
    subprocess.run([lupdate, "-silent", "-locations", "none", *sources, "-ts", str(fresh)], check=True)
    key = lambda ctx, m: (ctx, m.findtext("source"), m.findtext("comment"))  # noqa: E731
    have = {key(ctx, m) for ctx, m in _messages()}
    root = ET.parse(fresh).getroot()
    wanted = {key(c.findtext("name") or "", m) for c in root.iter("context") for m in c.iter("message")}
    assert wanted - have == set(), "run build/update-translations.sh and translate the new messages"


def _translate_wrappers(tree: ast.Module) -> set[str]:
    """The module's functions that pass their argument to QCoreApplication.translate as the text."""
    wrappers = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.args.args:
            param = node.args.args[0].arg
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr == "translate"
                    and len(inner.args) >= 2
                    and isinstance(inner.args[1], ast.Name)
                    and inner.args[1].id == param
                ):
                    wrappers.add(node.name)
    return wrappers


def test_no_literal_goes_through_a_wrapper_lupdate_cannot_read():
    """lupdate reads the literals of tr() and QCoreApplication.translate() only: a literal handed
    to a module's own wrapper (def _tr(text): return translate("Ctx", text)) is never in the
    catalogue, so the Chinese interface shows it in English. Texts marked with QT_TRANSLATE_NOOP
    may go through one; literals may not."""
    found = []
    for path in sorted((ROOT / "reader" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = _translate_wrappers(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in wrappers
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.func.id}({node.args[0].value!r})")
    assert found == []
