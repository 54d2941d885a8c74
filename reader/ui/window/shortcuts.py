"""Help ▸ Keyboard Shortcuts: every command of the action registry with its keys, by menu.

The list is read from the window's actions (their shortcuts as set, after the platform's standard
keys were resolved), so it never disagrees with what the keys do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .actions import MENUS, SPECS, Actions, plain, translate


def rows(actions: Actions) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every command with a shortcut, in the menus' order; a command
    with several keys lists them all, separated by commas."""
    out = []
    for spec in SPECS:
        keys = actions[spec.id].shortcuts()
        if not keys:
            continue
        text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        out.append((plain(translate(MENUS[spec.menu])), plain(translate(spec.text)).rstrip("\u2026"), text))
    return out


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Shortcuts", "Keyboard Shortcuts"))
        self.setAccessibleName(QCoreApplication.translate("Shortcuts", "Keyboard Shortcuts"))
        self.setAccessibleDescription(
            QCoreApplication.translate("Shortcuts", "Every command of the window and the keys that run it")
        )
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("Shortcuts", "Command"),
                QCoreApplication.translate("Shortcuts", "Keys"),
            ]
        )
        self.tree.setAccessibleName(QCoreApplication.translate("Shortcuts", "Shortcuts"))
        self.tree.setAccessibleDescription(
            QCoreApplication.translate("Shortcuts", "Commands by menu, each with its keyboard shortcut")
        )
        self.tree.setRootIsDecorated(False)
        menus: dict[str, QTreeWidgetItem] = {}
        for menu, command, keys in rows(actions):
            if menu not in menus:
                menus[menu] = QTreeWidgetItem(self.tree, [menu])
                menus[menu].setFirstColumnSpanned(True)
                font = menus[menu].font(0)
                font.setBold(True)
                menus[menu].setFont(0, font)
                menus[menu].setFlags(Qt.ItemFlag.ItemIsEnabled)
            QTreeWidgetItem(menus[menu], [command, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, self.tree.columnWidth(0) + 24)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleDescription(
            QCoreApplication.translate("Shortcuts", "Close this list")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 600)
