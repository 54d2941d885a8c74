"""Every setting the app keeps, declared once with its type and default, read and written through
QSettings. Widgets take a `Settings` object; nothing reads QSettings behind its back.

Settings live where Qt puts them for the organisation and application names set in `app.py` (on
Linux ~/.config/transcript-reader/Transcript Reader.conf); tests point XDG_CONFIG_HOME elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QFont, QGuiApplication

from ..core.modes import Mode

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    """A setting declared once: its QSettings key, its type, its default and the values allowed."""

    key: str
    type: type
    default: T
    choices: tuple[Any, ...] = ()


VIEW_MODE = Option("view/mode", Mode, Mode.SIDE, tuple(Mode))
SYNC = Option("view/sync", bool, True)
FIGURES = Option("view/figures", bool, True)
ZOOM = Option("view/zoom", int, 0)  # points added to the reading font's size
ZOOM_RANGE = (-6, 30)
FONT_SIZE_RANGE = (6, 72)
FONT_FAMILY = Option("view/fontFamily", str, "")  # "" = the system's default
FONT_SIZE = Option("view/fontSize", int, 0)  # 0 = the system's default size
THEME = Option("appearance/theme", str, "system", ("system", "light", "dark", "high-contrast"))
LANGUAGE = Option("appearance/language", str, "system", ("system", "en", "zh_TW"))
RECENT: Option[list[str]] = Option("files/recent", list, [])
RECENT_MAX = 10
GEOMETRY = Option("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Option("window/state", QByteArray, QByteArray())
SPLITTER = Option("window/splitter", QByteArray, QByteArray())
RESTORE_SESSION = Option("session/restore", bool, True)  # reopen the last session's tabs at start
SESSION = Option("session/tabs", str, "")  # the open tabs as JSON: window/session.py reads and writes it


class Settings:
    """Typed access to QSettings. A read-only instance (used by --screenshot) reads the user's
    settings but keeps its changes in memory, so a scripted run never alters them."""

    def __init__(self, qsettings: QSettings | None = None, read_only: bool = False) -> None:
        self.q = qsettings or QSettings()
        self.read_only = read_only
        self._overlay: dict[str, Any] = {}

    def get(self, option: Option[T]) -> T:
        raw = self._overlay[option.key] if option.key in self._overlay else self.q.value(option.key, None)
        if raw is None:
            return option.default
        value: Any
        try:
            if option.type is bool:
                value = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
            elif option.type is list:
                value = [] if raw in ("", None) else list(raw) if isinstance(raw, list | tuple) else [raw]
            elif option.type is QByteArray:
                value = raw if isinstance(raw, QByteArray) else QByteArray()
            else:
                value = option.type(raw)
        except (TypeError, ValueError):
            return option.default
        if option.choices and value not in option.choices:
            return option.default
        return value  # type: ignore[no-any-return]

    def set(self, option: Option[T], value: T) -> None:
        if self.read_only:
            self._overlay[option.key] = value
        else:
            self.q.setValue(option.key, value)

    def add_recent(self, path: str) -> list[str]:
        recent = [p for p in self.get(RECENT) if p != path]
        recent.insert(0, path)
        del recent[RECENT_MAX:]
        self.set(RECENT, recent)
        return recent

    def reading_font(self) -> QFont:
        """The font the panes show a transcript in: the chosen family and size (else the
        application's), zoomed."""
        font = QFont(QGuiApplication.font())
        family = self.get(FONT_FAMILY)
        if family:
            font.setFamily(family)
        size = (self.get(FONT_SIZE) or font.pointSize() or 10) + self.get(ZOOM)
        font.setPointSize(max(FONT_SIZE_RANGE[0], min(FONT_SIZE_RANGE[1], size)))
        return font

    def zoom(self, step: int) -> None:
        """Zoom in (1) or out (-1) a point, or back to the chosen size (0)."""
        zoom = self.get(ZOOM) + step if step else 0
        self.set(ZOOM, max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], zoom)))

    def choose_font(self, font: QFont) -> None:
        """The reading font the user picked, at its own size (the zoom starts again from it)."""
        self.set(FONT_FAMILY, font.family())
        self.set(FONT_SIZE, font.pointSize())
        self.set(ZOOM, 0)
