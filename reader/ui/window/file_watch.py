"""Following the open files on disk: a file changed by another program is read again once the
changes pause, and one replaced by an editor that saves by renaming is followed to its new file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

PAUSE_MS = 400  # a file is reloaded once its changes pause this long


class FileWatch(QFileSystemWatcher):
    changedOnDisk = Signal(str)  # a watched file that exists again after changes paused

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._changed: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._settled)
        self.fileChanged.connect(self._file_changed)

    def watch(self, path: Path) -> None:
        if str(path) not in self.files():
            self.addPath(str(path))

    def unwatch(self, path: Path) -> None:
        self.removePath(str(path))

    def _file_changed(self, path: str) -> None:
        self._changed.add(path)
        self._timer.start()

    def _settled(self) -> None:
        changed, self._changed = self._changed, set()
        for path in changed:
            if not Path(path).exists():
                continue
            if path not in self.files():
                self.addPath(path)  # an editor that saves by renaming replaced the file
            self.changedOnDisk.emit(path)
