"""Render build/icons/transcript-reader.svg to the PNG sizes desktops ask for.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/make-icons.py

The PNGs are committed; run this again after changing the SVG.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent / "icons"


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(ICONS / "transcript-reader.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"transcript-reader-{size}.png"))
    print(f"wrote {len(SIZES)} PNGs to {ICONS}")


if __name__ == "__main__":
    main()
