"""The least a window shaped like the reader can do: a second floor between floor_qt.py and the app.

    python bench/shell_floor.py FILE [--screenshot OUT.png]

It does what ../shared/bench/floor_qt.py does (start Qt, read the file, English and Chinese into
two panes, paint once, exit) inside the window a reader needs: a main window with a menu bar of
40 actions with shortcuts, a toolbar, a dock with an outline tree, a status bar, and panes that
are Python subclasses of QTextEdit (as the app's are: an override is how a pane paints its gutter).
Nothing of the reader is imported. With --screenshot it saves a picture the way the app's
`--screenshot` does (grab, PNG level 2), so the two can be compared like for like.

It exists to measure how much of the app's start-up is the price of that window shape in
PySide6 on this machine, before any of the app's own work: see bench/open_bench.py --shell and
bench/RESULTS.md.
"""

from __future__ import annotations

import html
import os
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
)


class Pane(QTextEdit):
    """A Python subclass, as the app's panes are (subclassing makes PySide6 create the Python
    enums of the whole class hierarchy, part of what this measures)."""

    def viewportEvent(self, event):  # noqa: N802 - Qt's name
        return super().viewportEvent(event)


def main() -> None:
    args = sys.argv[1:]
    shot = args[args.index("--screenshot") + 1] if "--screenshot" in args else None
    app = QApplication(sys.argv[:1])
    with open(args[0], encoding="utf-8") as f:
        lines = f.read().split("\n")[1:]
    window = QMainWindow()
    menus = [window.menuBar().addMenu(name) for name in ("&File", "&Edit", "&View", "&Go", "&Help")]
    toolbar = window.addToolBar("Toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for i in range(40):
        action = QAction(f"Action {i}", window)
        action.setShortcut(QKeySequence(f"Ctrl+Shift+{chr(65 + i % 26)}"))
        menus[i % len(menus)].addAction(action)
        if i < 8:
            toolbar.addAction(action)
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    for n, line in enumerate(lines[0::2]):
        if line.startswith("Operator") or n % 12 == 0:  # about as many entries as an outline has
            QTreeWidgetItem(tree, [line[:60]])
    dock = QDockWidget("Outline", window)
    dock.setWidget(tree)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    split = QSplitter()
    for part in (lines[0::2], lines[1::2]):
        pane = Pane()
        pane.setReadOnly(True)
        pane.setHtml("".join(f"<p>{html.escape(text)}</p>" for text in part))
        split.addWidget(pane)
    window.setCentralWidget(split)
    window.statusBar().showMessage("ready")
    window.resize(1320, 860)
    window.show()

    def done() -> None:
        if shot:
            window.grab().save(shot, None, 80)
        os._exit(0)  # as the app's --screenshot does: no teardown after the picture

    QTimer.singleShot(0, done)
    app.exec()


if __name__ == "__main__":
    main()
