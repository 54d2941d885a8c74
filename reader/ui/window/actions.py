"""Every command of the window, declared once: its text, keys, menu, and whether it toggles.

The window builds its menus and toolbar from this table and connects each action by id; shortcuts
use QKeySequence.StandardKey where the platform has one, with a fallback where it may have none.
Texts are marked with QT_TRANSLATE_NOOP so Qt Linguist finds them and translated when built.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP as _NOOP
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar

from ...core.modes import Mode

SK = QKeySequence.StandardKey


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a text for Qt Linguist (lupdate finds this name); typed, unlike PySide's."""
    return str(_NOOP(context, text))


Key = SK | str


class MainAction(StrEnum):
    """The id of every command of the window (also its QAction's objectName)."""

    OPEN = "open"
    RECENT = "recent"
    SAVE_AS = "save_as"
    ADD_TO_LIBRARY = "add_to_library"
    RELOAD = "reload"
    EXPORT_NOTES = "export_notes"
    PRINT = "print"
    PRINT_PREVIEW = "print_preview"
    EXPORT_PDF = "export_pdf"
    CLOSE = "close"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    COPY = "copy"
    COPY_QUOTE = "copy_quote"
    PASTE_TRANSCRIPT = "paste_transcript"
    HIGHLIGHT = "highlight"
    ADD_NOTE = "add_note"
    FIND = "find"
    FIND_NEXT = "find_next"
    FIND_PREVIOUS = "find_previous"
    SEARCH = "search"
    PREFERENCES = "preferences"
    MODE_EN = "mode_en"
    MODE_ZH = "mode_zh"
    MODE_SIDE = "mode_side"
    MODE_INTERLEAVED = "mode_interleaved"
    SYNC = "sync"
    FIGURES = "figures"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_RESET = "zoom_reset"
    FONT = "font"
    PANEL = "panel"
    NOTES_PANEL = "notes_panel"
    LIBRARY_PANEL = "library_panel"
    NEXT_TURN = "next_turn"
    PREVIOUS_TURN = "previous_turn"
    NEXT_QUESTION = "next_question"
    PREVIOUS_QUESTION = "previous_question"
    QA = "qa"
    NEXT_MISMATCH = "next_mismatch"
    PREVIOUS_MISMATCH = "previous_mismatch"
    NEXT_CALL = "next_call"
    PREVIOUS_CALL = "previous_call"
    ONLY_SPEAKER = "only_speaker"
    SHORTCUTS = "shortcuts"
    OPEN_LOG_FOLDER = "open_log_folder"
    ABOUT = "about"

    @classmethod
    def for_mode(cls, mode: Mode) -> MainAction:
        """The View menu's action that shows `mode`."""
        return cls(f"mode_{mode}")


@dataclass(frozen=True)
class Spec:
    """One command of the registry: its text, menu, shortcuts and where else it shows."""

    id: MainAction
    text: str
    menu: str
    keys: tuple[Key, ...] = ()
    checkable: bool = False
    group: str | None = None  # actions of one exclusive group
    toolbar: bool = False
    icon: str | None = None  # a freedesktop theme icon name
    tip: str | None = None


MENUS = {
    "file": QT_TRANSLATE_NOOP("Actions", "&File"),
    "edit": QT_TRANSLATE_NOOP("Actions", "&Edit"),
    "view": QT_TRANSLATE_NOOP("Actions", "&View"),
    "go": QT_TRANSLATE_NOOP("Actions", "&Go"),
    "help": QT_TRANSLATE_NOOP("Actions", "&Help"),
}

SPECS: tuple[Spec, ...] = (
    Spec(
        MainAction.OPEN,
        QT_TRANSLATE_NOOP("Actions", "&Open\u2026"),
        "file",
        (SK.Open,),
        toolbar=True,
        icon="document-open",
    ),
    Spec(MainAction.RECENT, QT_TRANSLATE_NOOP("Actions", "Open &Recent"), "file"),
    Spec(MainAction.ADD_TO_LIBRARY, QT_TRANSLATE_NOOP("Actions", "Add Folder to &Library\u2026"), "file"),
    Spec(
        MainAction.RELOAD,
        QT_TRANSLATE_NOOP("Actions", "Reloa&d"),
        "file",
        (SK.Refresh, "Ctrl+R"),
        icon="view-refresh",
    ),
    Spec(
        MainAction.SAVE_AS,
        QT_TRANSLATE_NOOP("Actions", "Save Transcript &As\u2026"),
        "file",
        (SK.SaveAs, "Ctrl+Shift+S"),
    ),
    Spec(MainAction.EXPORT_NOTES, QT_TRANSLATE_NOOP("Actions", "&Export Notes\u2026"), "file"),
    Spec(
        MainAction.PRINT,
        QT_TRANSLATE_NOOP("Actions", "&Print\u2026"),
        "file",
        (SK.Print, "Ctrl+P"),
        icon="document-print",
        tip=QT_TRANSLATE_NOOP("Actions", "Print the call as shown, with its highlights and notes"),
    ),
    Spec(
        MainAction.PRINT_PREVIEW,
        QT_TRANSLATE_NOOP("Actions", "Print Pre&view\u2026"),
        "file",
        ("Ctrl+Shift+P",),
        icon="document-print-preview",
        tip=QT_TRANSLATE_NOOP("Actions", "See the pages of the call as Print would print them"),
    ),
    Spec(
        MainAction.EXPORT_PDF,
        QT_TRANSLATE_NOOP("Actions", "Export PD&F\u2026"),
        "file",
        ("Ctrl+Shift+E",),
        tip=QT_TRANSLATE_NOOP("Actions", "Save the call as shown as a PDF, with its highlights and notes"),
    ),
    Spec(MainAction.CLOSE, QT_TRANSLATE_NOOP("Actions", "&Close Tab"), "file", (SK.Close, "Ctrl+W")),
    Spec(MainAction.QUIT, QT_TRANSLATE_NOOP("Actions", "&Quit"), "file", (SK.Quit, "Ctrl+Q")),
    Spec(MainAction.UNDO, QT_TRANSLATE_NOOP("Actions", "&Undo"), "edit", (SK.Undo, "Ctrl+Z")),
    Spec(MainAction.REDO, QT_TRANSLATE_NOOP("Actions", "&Redo"), "edit", (SK.Redo, "Ctrl+Shift+Z")),
    Spec(MainAction.COPY, QT_TRANSLATE_NOOP("Actions", "&Copy"), "edit", (SK.Copy,)),
    Spec(
        MainAction.COPY_QUOTE,
        QT_TRANSLATE_NOOP("Actions", "Copy as &Quote"),
        "edit",
        ("Ctrl+Shift+C",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Copy the selection or paragraph in both languages, with its citation and link"
        ),
    ),
    Spec(
        MainAction.PASTE_TRANSCRIPT,
        QT_TRANSLATE_NOOP("Actions", "&Paste as New Transcript"),
        "edit",
        ("Ctrl+Shift+V",),
        tip=QT_TRANSLATE_NOOP("Actions", "Open the transcript on the clipboard in a new tab"),
    ),
    Spec(MainAction.HIGHLIGHT, QT_TRANSLATE_NOOP("Actions", "&Highlight Selection"), "edit", ("Ctrl+Alt+H",)),
    Spec(MainAction.ADD_NOTE, QT_TRANSLATE_NOOP("Actions", "Add &Note\u2026"), "edit", ("Ctrl+Alt+N",)),
    Spec(
        MainAction.FIND,
        QT_TRANSLATE_NOOP("Actions", "&Find\u2026"),
        "edit",
        (SK.Find,),
        toolbar=True,
        icon="edit-find",
    ),
    Spec(MainAction.FIND_NEXT, QT_TRANSLATE_NOOP("Actions", "Find &Next"), "edit", (SK.FindNext, "F3")),
    Spec(
        MainAction.FIND_PREVIOUS,
        QT_TRANSLATE_NOOP("Actions", "Find Pre&vious"),
        "edit",
        (SK.FindPrevious, "Shift+F3"),
    ),
    Spec(
        MainAction.SEARCH,
        QT_TRANSLATE_NOOP("Actions", "Search &Library\u2026"),
        "edit",
        ("Ctrl+Shift+F",),
        toolbar=True,
        icon="system-search",
    ),
    Spec(
        MainAction.PREFERENCES,
        QT_TRANSLATE_NOOP("Actions", "&Preferences\u2026"),
        "edit",
        (SK.Preferences, "Ctrl+,"),
    ),
    Spec(
        MainAction.MODE_EN,
        QT_TRANSLATE_NOOP("Actions", "&English Only"),
        "view",
        ("Ctrl+1",),
        True,
        "mode",
        True,
    ),
    Spec(
        MainAction.MODE_ZH,
        QT_TRANSLATE_NOOP("Actions", "&Chinese Only"),
        "view",
        ("Ctrl+2",),
        True,
        "mode",
        True,
    ),
    Spec(
        MainAction.MODE_SIDE,
        QT_TRANSLATE_NOOP("Actions", "&Side by Side"),
        "view",
        ("Ctrl+3",),
        True,
        "mode",
        True,
    ),
    Spec(
        MainAction.MODE_INTERLEAVED,
        QT_TRANSLATE_NOOP("Actions", "&Interleaved"),
        "view",
        ("Ctrl+4",),
        True,
        "mode",
        True,
    ),
    Spec(
        MainAction.SYNC,
        QT_TRANSLATE_NOOP("Actions", "Scroll Panes in &Step"),
        "view",
        ("Ctrl+L",),
        True,
        toolbar=True,
    ),
    Spec(
        MainAction.FIGURES,
        QT_TRANSLATE_NOOP("Actions", "Highlight &Figures"),
        "view",
        ("Ctrl+Shift+H",),
        True,
        toolbar=True,
    ),
    Spec(
        MainAction.ZOOM_IN, QT_TRANSLATE_NOOP("Actions", "Zoom &In"), "view", (SK.ZoomIn, "Ctrl+=", "Ctrl++")
    ),
    Spec(MainAction.ZOOM_OUT, QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), "view", (SK.ZoomOut, "Ctrl+-")),
    Spec(MainAction.ZOOM_RESET, QT_TRANSLATE_NOOP("Actions", "&Actual Size"), "view", ("Ctrl+0",)),
    Spec(MainAction.FONT, QT_TRANSLATE_NOOP("Actions", "&Reading Font\u2026"), "view"),
    Spec(MainAction.PANEL, QT_TRANSLATE_NOOP("Actions", "Side &Panel"), "view", ("F9",), True),
    Spec(MainAction.NOTES_PANEL, QT_TRANSLATE_NOOP("Actions", "&Notes Panel"), "view", ("F10",), True),
    Spec(MainAction.LIBRARY_PANEL, QT_TRANSLATE_NOOP("Actions", "&Library Panel"), "view", ("F11",), True),
    Spec(MainAction.NEXT_TURN, QT_TRANSLATE_NOOP("Actions", "Next Speaker &Turn"), "go", ("Alt+Down",)),
    Spec(MainAction.PREVIOUS_TURN, QT_TRANSLATE_NOOP("Actions", "Previous Speaker T&urn"), "go", ("Alt+Up",)),
    Spec(
        MainAction.NEXT_QUESTION,
        QT_TRANSLATE_NOOP("Actions", "Next &Question"),
        "go",
        ("Alt+PgDown",),
        toolbar=True,
    ),
    Spec(
        MainAction.PREVIOUS_QUESTION, QT_TRANSLATE_NOOP("Actions", "Previous Q&uestion"), "go", ("Alt+PgUp",)
    ),
    Spec(MainAction.QA, QT_TRANSLATE_NOOP("Actions", "Go to &Q&&A"), "go", ("Ctrl+J",), toolbar=True),
    Spec(
        MainAction.NEXT_MISMATCH,
        QT_TRANSLATE_NOOP("Actions", "Next Figure &Mismatch"),
        "go",
        ("Ctrl+M",),
        toolbar=True,
    ),
    Spec(
        MainAction.PREVIOUS_MISMATCH,
        QT_TRANSLATE_NOOP("Actions", "Previous Figure Mis&match"),
        "go",
        ("Ctrl+Shift+M",),
    ),
    Spec(
        MainAction.NEXT_CALL,
        QT_TRANSLATE_NOOP("Actions", "Next &Call in the File"),
        "go",
        ("Ctrl+Alt+PgDown",),
    ),
    Spec(
        MainAction.PREVIOUS_CALL,
        QT_TRANSLATE_NOOP("Actions", "Previous Call in the &File"),
        "go",
        ("Ctrl+Alt+PgUp",),
    ),
    Spec(
        MainAction.ONLY_SPEAKER,
        QT_TRANSLATE_NOOP("Actions", "&Only This Speaker"),
        "go",
        ("Ctrl+Shift+O",),
        True,
    ),
    Spec(
        MainAction.SHORTCUTS,
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        "help",
        ("F1",),
        tip=QT_TRANSLATE_NOOP("Actions", "List every command and its keys"),
    ),
    Spec(MainAction.OPEN_LOG_FOLDER, QT_TRANSLATE_NOOP("Actions", "Open &Log Folder"), "help"),
    Spec(MainAction.ABOUT, QT_TRANSLATE_NOOP("Actions", "&About Transcript Reader"), "help"),
)

SEPARATE_BEFORE = {
    MainAction.SAVE_AS,
    MainAction.CLOSE,
    MainAction.QUIT,
    MainAction.COPY,
    MainAction.HIGHLIGHT,
    MainAction.FIND,
    MainAction.PREFERENCES,
    MainAction.SYNC,
    MainAction.ZOOM_IN,
    MainAction.PANEL,
    MainAction.NEXT_QUESTION,
    MainAction.QA,
    MainAction.NEXT_MISMATCH,
    MainAction.NEXT_CALL,
    MainAction.ONLY_SPEAKER,
}


NEED_A_TRANSCRIPT = (
    MainAction.RELOAD, MainAction.SAVE_AS, MainAction.CLOSE, MainAction.COPY, MainAction.FIND,
    MainAction.FIND_NEXT,
    MainAction.FIND_PREVIOUS, MainAction.NEXT_TURN, MainAction.PREVIOUS_TURN,
    MainAction.NEXT_QUESTION, MainAction.PREVIOUS_QUESTION, MainAction.QA, MainAction.NEXT_MISMATCH,
    MainAction.PREVIOUS_MISMATCH, MainAction.ONLY_SPEAKER, MainAction.NEXT_CALL,
    MainAction.PREVIOUS_CALL, MainAction.COPY_QUOTE, MainAction.PRINT, MainAction.PRINT_PREVIEW,
    MainAction.EXPORT_PDF,
)  # fmt: skip
"""Enabled only while a transcript is shown."""


def translate(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def plain(text: str) -> str:
    """A menu text without its mnemonic markers ("Go to &Q&&A" -> "Go to Q&A")."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


Actions = dict[MainAction, QAction]


def create(parent: QObject) -> Actions:
    actions: Actions = {}
    groups: dict[str, QActionGroup] = {}
    for spec in SPECS:
        action = QAction(translate(spec.text), parent)
        action.setObjectName(spec.id)
        keys = [QKeySequence(k) for k in spec.keys]
        seen: list[QKeySequence] = []
        for k in keys:
            if not k.isEmpty() and k not in seen:
                seen.append(k)
        if seen:
            action.setShortcuts(seen)
        if spec.icon:
            action.setIcon(QIcon.fromTheme(spec.icon))
        action.setCheckable(spec.checkable)
        if spec.group:
            groups.setdefault(spec.group, QActionGroup(parent)).addAction(action)
        _set_texts(action, spec)
        actions[spec.id] = action
    return actions


def _set_texts(action: QAction, spec: Spec) -> None:
    """An action's text, tooltip and status tip, in the language installed now."""
    action.setText(translate(spec.text))
    shortcut = action.shortcut()
    if not shortcut.isEmpty():
        native = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain(translate(spec.text))} ({native})")
    if spec.tip:  # the status bar's line, and what a screen reader says of its button
        action.setStatusTip(translate(spec.tip))


def retranslate(menus: dict[str, QMenu], actions: Actions) -> None:
    """Set the menus' titles and the actions' texts again, in the language installed now."""
    for key, text in MENUS.items():
        menus[key].setTitle(translate(text))
    for spec in SPECS:
        if spec.id is MainAction.RECENT:
            menus["recent"].setTitle(translate(spec.text))
        else:
            _set_texts(actions[spec.id], spec)


def build_menus(bar: QMenuBar, actions: Actions) -> dict[str, QMenu]:
    menus = {key: bar.addMenu(translate(text)) for key, text in MENUS.items()}
    for spec in SPECS:
        menu = menus[spec.menu]
        if spec.id in SEPARATE_BEFORE:
            menu.addSeparator()
        if spec.id is MainAction.RECENT:
            sub = menu.addMenu(translate(spec.text))
            sub.setObjectName("recent")
            menus["recent"] = sub
            continue
        menu.addAction(actions[spec.id])
    return menus


def build_toolbar(bar: QToolBar, actions: Actions) -> None:
    last_menu = None
    for spec in SPECS:
        if not spec.toolbar:
            continue
        if last_menu is not None and spec.menu != last_menu:
            bar.addSeparator()
        bar.addAction(actions[spec.id])
        last_menu = spec.menu
