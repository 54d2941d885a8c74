"""Start the Qt application: the only entry into reader.ui from the command line."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from ..core import paths
from ..core.modes import Mode
from ..core.paths import resources_dir, sample_path
from ..core.prefetch import Prefetch
from . import config, crash, i18n, theme
from .scripted import Script, ScriptError, action_lines, parse_steps, state
from .window.main_window import MainWindow
from .window.session import WindowSession
from .workers import Job

PNG_QUALITY = 80  # zlib level 2 for PNG: twice as fast as the default, and a smaller file here
DESKTOP_ID = "transcript-reader"  # the .desktop entry's name: reader/desktop_install.py installs it
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # resources/icons/transcript-reader-<N>.png


def icon_paths() -> list[tuple[int, str]]:
    """The app icon's PNGs shipped in resources/icons (rendered from its SVG by build/make-icons.py):
    PNGs rather than the SVG so that the window icon needs no SVG plugin, frozen or not."""
    icons = resources_dir() / "icons"
    return [(size, str(icons / f"transcript-reader-{size}.png")) for size in ICON_SIZES]


def list_actions() -> list[str]:
    """The lines of `--list-actions`: made offscreen, as no window is shown; the menu texts in
    the interface language of the user's settings."""
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    i18n.install_translators(app, config.Settings(read_only=True).get(config.LANGUAGE))
    return action_lines(app)


def run(
    file: str | None = None,
    screenshot: str | None = None,
    mode: Mode | None = None,
    paragraph: int | None = None,
    exit_after_paint: bool = False,
    size: tuple[int, int] | None = None,
    steps: list[str] | None = None,
    emit_state: Callable[[dict[str, object]], None] | None = None,
    prefetch: Prefetch | None = None,
) -> int:
    """Open the window on the last session's tabs (an interactive start) and `file` in front of
    them; on the sample if there is neither. With `screenshot`, save a picture once
    the call is `ready` and exit; with `exit_after_paint`, exit as soon as the text is first
    painted: what bench/open_bench.py measures against the bare-Qt floor, which does the same.
    `steps` (--do) run once the file is ready, each after the one before has settled; then
    `emit_state` is given the window's state (scripted.state), at the first paint instead with
    `exit_after_paint`; `size` is the window's, in a scripted run. `prefetch` is `file` read in
    a child process started before the window (it is ended if the file is not opened)."""
    crash.install_qt_messages()
    try:
        todo = parse_steps(steps or [])
    except ScriptError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(paths.APPLICATION)
    app.setOrganizationName(paths.ORGANIZATION)
    # The window/taskbar icon; on Wayland the compositor finds icon and menu entry by the desktop id.
    app.setDesktopFileName(DESKTOP_ID)
    icon = QIcon()
    for pixels, png in icon_paths():
        icon.addFile(png, QSize(pixels, pixels))
    app.setWindowIcon(icon)
    scripted = bool(screenshot or exit_after_paint or todo or emit_state)  # no one reads a message box
    settings = config.Settings(read_only=scripted)  # nor are the user's settings changed
    i18n.install_translators(app, settings.get(config.LANGUAGE))
    theme.apply_scheme(settings.get(config.THEME))

    def scheme_changed(_scheme: object) -> None:
        if settings.get(config.THEME) == "system":  # following the system: follow its change
            theme.apply_scheme("system")

    app.styleHints().colorSchemeChanged.connect(scheme_changed)
    if mode:
        settings.set(config.VIEW_MODE, mode)
    app.aboutToQuit.connect(Job.stop_all)
    window = MainWindow(settings, quiet=scripted)
    crash.install(window, quiet=scripted)
    # The last session's tabs come back in an interactive start only (not a scripted run's).
    session = None if scripted else WindowSession(window, settings)
    restored = session.restore() if session is not None else 0
    if file is None and restored:  # the session's tabs, no sample
        window.show()
        return app.exec()
    path = Path(file) if file else sample_path()
    status = {"code": 0}
    if scripted:
        window.resize(*(size or (1320, 860)))

        def failed(_path: str, reason: str) -> None:
            print(f"error: {path.name}: {reason}", file=sys.stderr)
            status["code"] = 2
            app.quit()

        window.fileFailed.connect(failed)
    if prefetch is not None and prefetch.path != path.expanduser():  # a child reading another file
        prefetch.close()
        prefetch = None
    if paragraph is None:
        view = window.open_path(path, pre=prefetch)
    else:
        view = window.open_at(path, paragraph, pre=prefetch)

    def finish() -> None:
        if emit_state is not None:
            emit_state(state(window))
        ok = screenshot is None or window.grab().save(screenshot, None, PNG_QUALITY)
        if not ok:
            print(f"error: cannot write {screenshot}", file=sys.stderr)
        _exit(0 if ok else 2)  # the picture is written, nothing else is

    if exit_after_paint:
        # Ends the process in the paint that drew the text of the mode's last pane, as the
        # bare-Qt floor ends right after its first paint.
        view.textPainted.connect(finish)
    elif screenshot and not (todo or emit_state):
        view.ready.connect(lambda: QTimer.singleShot(0, finish))
    elif scripted:
        script = Script(window, todo)
        script.finished.connect(finish)

        def stuck(step: str) -> None:
            print(f"error: the window did not settle after {step}", file=sys.stderr)
            _exit(2)

        script.stuck.connect(stuck)

        def ready() -> None:
            if not view.partial:  # the whole file, not a big file's head
                view.ready.disconnect(ready)
                QTimer.singleShot(0, script.start)

        view.ready.connect(ready)
    window.show()
    code = app.exec()
    return status["code"] or code


def _exit(code: int) -> None:
    """End a scripted one-shot run at once, skipping the teardown of the documents and of Qt (a
    60-call file takes 0.6 s to free); it also ends a worker still parsing the rest of a big
    file, without the interpreter shutdown a running thread could crash."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
