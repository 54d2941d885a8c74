"""Help ▸ About: the app's name, version and what it is for."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ... import version


def show_about(parent: QWidget) -> None:
    # The texts keep the translation context they had in the main window.
    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About Transcript Reader"),
        QCoreApplication.translate(
            "MainWindow",
            "Transcript Reader {version}\nRead earnings calls in English and Chinese, side by side.",
        ).format(version=version()),
    )
