"""Every command of the window, declared once: its text, keys, menu, and whether it toggles.

The window builds its menus and toolbar from this table and connects each action by id; shortcuts
use QKeySequence.StandardKey where the platform has one, with a fallback where it may have none.
Texts are marked with QT_TRANSLATE_NOOP so Qt Linguist finds them and translated when built.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP as _NOOP
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar

SK = QKeySequence.StandardKey


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a text for Qt Linguist (lupdate finds this name); typed, unlike PySide's."""
    return str(_NOOP(context, text))


Key = SK | str


@dataclass(frozen=True)
class Spec:
    """One command of the registry: its text, menu, shortcuts and where else it shows."""

    id: str
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
        "open",
        QT_TRANSLATE_NOOP("Actions", "&Open\u2026"),
        "file",
        (SK.Open,),
        toolbar=True,
        icon="document-open",
    ),
    Spec("recent", QT_TRANSLATE_NOOP("Actions", "Open &Recent"), "file"),
    Spec("add_to_library", QT_TRANSLATE_NOOP("Actions", "Add Folder to &Library\u2026"), "file"),
    Spec(
        "reload", QT_TRANSLATE_NOOP("Actions", "&Reload"), "file", (SK.Refresh, "Ctrl+R"), icon="view-refresh"
    ),
    Spec("export_notes", QT_TRANSLATE_NOOP("Actions", "&Export Notes\u2026"), "file"),
    Spec("close", QT_TRANSLATE_NOOP("Actions", "&Close Tab"), "file", (SK.Close, "Ctrl+W")),
    Spec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "file", (SK.Quit, "Ctrl+Q")),
    Spec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "edit", (SK.Undo, "Ctrl+Z")),
    Spec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), "edit", (SK.Redo, "Ctrl+Shift+Z")),
    Spec("copy", QT_TRANSLATE_NOOP("Actions", "&Copy"), "edit", (SK.Copy,)),
    Spec("highlight", QT_TRANSLATE_NOOP("Actions", "&Highlight Selection"), "edit", ("Ctrl+Alt+H",)),
    Spec("add_note", QT_TRANSLATE_NOOP("Actions", "Add &Note\u2026"), "edit", ("Ctrl+Alt+N",)),
    Spec(
        "find",
        QT_TRANSLATE_NOOP("Actions", "&Find\u2026"),
        "edit",
        (SK.Find,),
        toolbar=True,
        icon="edit-find",
    ),
    Spec("find_next", QT_TRANSLATE_NOOP("Actions", "Find &Next"), "edit", (SK.FindNext, "F3")),
    Spec(
        "find_previous", QT_TRANSLATE_NOOP("Actions", "Find Pre&vious"), "edit", (SK.FindPrevious, "Shift+F3")
    ),
    Spec(
        "search",
        QT_TRANSLATE_NOOP("Actions", "Search &Library\u2026"),
        "edit",
        ("Ctrl+Shift+F",),
        toolbar=True,
        icon="system-search",
    ),
    Spec(
        "preferences", QT_TRANSLATE_NOOP("Actions", "&Preferences\u2026"), "edit", (SK.Preferences, "Ctrl+,")
    ),
    Spec("mode_en", QT_TRANSLATE_NOOP("Actions", "&English Only"), "view", ("Ctrl+1",), True, "mode", True),
    Spec("mode_zh", QT_TRANSLATE_NOOP("Actions", "&Chinese Only"), "view", ("Ctrl+2",), True, "mode", True),
    Spec("mode_side", QT_TRANSLATE_NOOP("Actions", "&Side by Side"), "view", ("Ctrl+3",), True, "mode", True),
    Spec(
        "mode_interleaved",
        QT_TRANSLATE_NOOP("Actions", "&Interleaved"),
        "view",
        ("Ctrl+4",),
        True,
        "mode",
        True,
    ),
    Spec(
        "sync", QT_TRANSLATE_NOOP("Actions", "Scroll Panes in &Step"), "view", ("Ctrl+L",), True, toolbar=True
    ),
    Spec(
        "figures",
        QT_TRANSLATE_NOOP("Actions", "Highlight &Figures"),
        "view",
        ("Ctrl+Shift+H",),
        True,
        toolbar=True,
    ),
    Spec("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &In"), "view", (SK.ZoomIn, "Ctrl+=", "Ctrl++")),
    Spec("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), "view", (SK.ZoomOut, "Ctrl+-")),
    Spec("zoom_reset", QT_TRANSLATE_NOOP("Actions", "&Actual Size"), "view", ("Ctrl+0",)),
    Spec("font", QT_TRANSLATE_NOOP("Actions", "Reading &Font\u2026"), "view"),
    Spec("panel", QT_TRANSLATE_NOOP("Actions", "Side &Panel"), "view", ("F9",), True),
    Spec("notes_panel", QT_TRANSLATE_NOOP("Actions", "&Notes Panel"), "view", ("F10",), True),
    Spec("library_panel", QT_TRANSLATE_NOOP("Actions", "&Library Panel"), "view", ("F11",), True),
    Spec("next_turn", QT_TRANSLATE_NOOP("Actions", "Next Speaker &Turn"), "go", ("Alt+Down",)),
    Spec("previous_turn", QT_TRANSLATE_NOOP("Actions", "Previous Speaker T&urn"), "go", ("Alt+Up",)),
    Spec(
        "next_question", QT_TRANSLATE_NOOP("Actions", "Next &Question"), "go", ("Alt+PgDown",), toolbar=True
    ),
    Spec("previous_question", QT_TRANSLATE_NOOP("Actions", "Previous Q&uestion"), "go", ("Alt+PgUp",)),
    Spec("qa", QT_TRANSLATE_NOOP("Actions", "Go to &Q&&A"), "go", ("Ctrl+J",), toolbar=True),
    Spec(
        "next_mismatch",
        QT_TRANSLATE_NOOP("Actions", "Next Figure &Mismatch"),
        "go",
        ("Ctrl+M",),
        toolbar=True,
    ),
    Spec(
        "previous_mismatch",
        QT_TRANSLATE_NOOP("Actions", "Previous Figure Mis&match"),
        "go",
        ("Ctrl+Shift+M",),
    ),
    Spec("next_call", QT_TRANSLATE_NOOP("Actions", "Next &Call in the File"), "go", ("Ctrl+Alt+PgDown",)),
    Spec(
        "previous_call", QT_TRANSLATE_NOOP("Actions", "Previous Call in the &File"), "go", ("Ctrl+Alt+PgUp",)
    ),
    Spec("only_speaker", QT_TRANSLATE_NOOP("Actions", "&Only This Speaker"), "go", ("Ctrl+Shift+O",), True),
    Spec("about", QT_TRANSLATE_NOOP("Actions", "&About Transcript Reader"), "help"),
)

SEPARATE_BEFORE = {
    "export_notes", "close", "quit", "copy", "highlight", "find", "preferences", "sync", "zoom_in",
    "panel", "next_question", "qa", "next_mismatch", "next_call", "only_speaker",
}  # fmt: skip


def translate(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def plain(text: str) -> str:
    """A menu text without its mnemonic markers ("Go to &Q&&A" -> "Go to Q&A")."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def create(parent: QObject) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
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
        if seen:
            native = seen[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{plain(translate(spec.text))} ({native})")
        actions[spec.id] = action
    return actions


def build_menus(bar: QMenuBar, actions: dict[str, QAction]) -> dict[str, QMenu]:
    menus = {key: bar.addMenu(translate(text)) for key, text in MENUS.items()}
    for spec in SPECS:
        menu = menus[spec.menu]
        if spec.id in SEPARATE_BEFORE:
            menu.addSeparator()
        if spec.id == "recent":
            sub = menu.addMenu(translate(spec.text))
            sub.setObjectName("recent")
            menus["recent"] = sub
            continue
        menu.addAction(actions[spec.id])
    return menus


def build_toolbar(bar: QToolBar, actions: dict[str, QAction]) -> None:
    last_menu = None
    for spec in SPECS:
        if not spec.toolbar:
            continue
        if last_menu is not None and spec.menu != last_menu:
            bar.addSeparator()
        bar.addAction(actions[spec.id])
        last_menu = spec.menu
