"""Put the app in the user's menu and file manager without root, and take it out again:
`transcript-reader --install-desktop-entry` / `--uninstall-desktop-entry` (Linux, freedesktop).

Install writes, all under the user's home:
- the app: a frozen app (the PyInstaller folder) is copied to ~/.local/lib/transcript-reader, so
  the folder unpacked from the archive can be deleted afterwards; nothing is copied when the
  frozen app already runs from there, or when running from source (the launcher runs this
  Python with `-m reader`);
- ~/.local/bin/transcript-reader, a launcher script for the terminal;
- $XDG_DATA_HOME/applications/transcript-reader.desktop, the menu entry. Its MimeType=text/plain
  puts the app in the file manager's "Open with" list for .txt files. It is not made the default
  application: that is the user's choice, and xdg-mime would change it for every text file;
- the icon in $XDG_DATA_HOME/icons/hicolor/<N>x<N>/apps and hicolor/scalable/apps,
  from the PNGs and SVG the package ships in reader.resources/icons;
then runs update-desktop-database on the applications folder when it is installed (file managers
that read its mimeinfo.cache need it; the others read the .desktop files directly).

Every file and folder it creates is listed, each file with its SHA-256, in
$XDG_DATA_HOME/transcript-reader/desktop-install.json. Uninstall removes exactly those: not a
file changed since (it says which), a folder only once empty, never the user's notes or index.
Installing again replaces the earlier install. A file in the way that the record does not list
(another install's launcher, say) stops the install before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import version
from .core.paths import resources_dir

APP_ID = "transcript-reader"  # the desktop file id, the icon name and the launcher's name
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
RECORD = "desktop-install.json"
MIME_CACHE = "mimeinfo.cache"
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class InstallError(Exception):
    """Install or uninstall cannot go on; ``str(err)`` is one line for the user."""


@dataclass(frozen=True)
class Places:
    """Where install writes: ~/.local for the program, $XDG_DATA_HOME for what desktops read."""

    home: Path
    data_home: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Places:
        home = Path(env.get("HOME") or Path.home())
        data = env.get("XDG_DATA_HOME", "")
        # The spec: a relative or empty XDG_DATA_HOME is invalid and must be ignored.
        return cls(home, Path(data) if os.path.isabs(data) else home / ".local" / "share")

    @property
    def lib_dir(self) -> Path:
        return self.home / ".local" / "lib" / APP_ID

    @property
    def launcher(self) -> Path:
        return self.home / ".local" / "bin" / APP_ID

    @property
    def applications(self) -> Path:
        return self.data_home / "applications"

    @property
    def desktop_file(self) -> Path:
        return self.applications / f"{APP_ID}.desktop"

    @property
    def hicolor(self) -> Path:
        return self.data_home / "icons" / "hicolor"

    @property
    def record(self) -> Path:
        # paths.ORGANIZATION's folder: beside (not in) the app's data folder, which holds notes.
        return self.data_home / "transcript-reader" / RECORD


@dataclass(frozen=True)
class App:
    """The program to install: a frozen app's folder and executable, or, from source, the
    command that runs the package."""

    folder: Path | None
    command: tuple[str, ...]

    @classmethod
    def running(cls) -> App:
        if getattr(sys, "frozen", False):
            exe = Path(sys.executable).resolve()
            return cls(exe.parent, (str(exe),))
        return cls(None, (sys.executable, "-m", "reader"))


@dataclass
class Record:
    """What an install created: files (path: sha256), copied trees, folders, and update-desktop-
    database's cache when the install brought it into being."""

    files: dict[str, str] = field(default_factory=dict)
    trees: list[str] = field(default_factory=list)
    dirs: list[str] = field(default_factory=list)
    generated: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Record | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(dict(data["files"]), list(data["trees"]), list(data["dirs"]), list(data["generated"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise InstallError(f"cannot read the install record {path}: {err}") from err

    def save(self, path: Path) -> None:
        data = {"files": self.files, "trees": self.trees, "dirs": self.dirs, "generated": self.generated}
        path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def desktop_entry(exec_path: str) -> str:
    """The menu entry running `exec_path`; build/transcript-reader.desktop is this for
    "transcript-reader" (what a system package installs in /usr/bin), and a test keeps them equal."""
    program = _escape(_exec_quote(exec_path))
    # %u, not %U or %F: the app opens one FILE per process, so a file manager asked to open
    # several starts one per file. %u (a path or a URL) also lets the desktop hand it the
    # transcript-reader:// links of exported notes (x-scheme-handler below); the app takes
    # paths, file:// URLs and those links alike.
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Transcript Reader",
            "Name[zh_TW]=財報電話會議逐字稿閱讀器",
            "GenericName=Bilingual Transcript Reader",
            "GenericName[zh_TW]=中英對照逐字稿閱讀器",
            "Comment=Read bilingual earnings-call transcripts side by side",
            "Comment[zh_TW]=並排閱讀中英對照的財報電話會議逐字稿",
            f"TryExec={_escape(exec_path)}",
            f"Exec={program} %u",
            f"Icon={APP_ID}",
            "Terminal=false",
            "MimeType=text/plain;x-scheme-handler/transcript-reader;",
            "Categories=Office;Viewer;",
            "Keywords=earnings;transcript;bilingual;Chinese;English;",
            "Keywords[zh_TW]=財報;法說會;逐字稿;中英對照;",
            "",
        ]
    )


def install(places: Places, app: App) -> list[str]:
    """Install `app` for the user of `places` (see the module's docstring); returns what to print."""
    try:
        return _install(places, app)
    except OSError as err:
        raise InstallError(_os_message(err)) from err


def uninstall(places: Places) -> list[str]:
    """Remove what the recorded install created; returns what to print."""
    try:
        return _uninstall(places)
    except OSError as err:
        raise InstallError(_os_message(err)) from err


def _install(places: Places, app: App) -> list[str]:
    previous = Record.load(places.record) or Record()
    record = Record(dirs=list(previous.dirs))
    command = app.command
    copy_from = None
    if app.folder is not None:
        exe = Path(app.command[0])
        command = (str(places.lib_dir / exe.relative_to(app.folder)), *app.command[1:])
        if _same(app.folder, places.lib_dir):
            if str(places.lib_dir) in previous.trees:  # ours from an earlier install: still ours
                record.trees.append(str(places.lib_dir))
        else:
            if places.lib_dir.exists() and str(places.lib_dir) not in previous.trees:
                raise InstallError(f"{places.lib_dir} is in the way: it was not installed by this command")
            copy_from = app.folder

    files = {
        places.launcher: _launcher(command).encode(),
        places.desktop_file: desktop_entry(str(places.launcher)).encode(),
    }
    files.update(_icons(places))
    in_the_way = [p for p, data in files.items() if _foreign(p, data, previous)]
    if in_the_way:
        raise InstallError(f"{in_the_way[0]} is in the way: it was not installed by this command")

    if copy_from is not None:
        _make_dirs(places.lib_dir.parent, places.home, record)
        _copy_tree(copy_from, places.lib_dir)
        record.trees.append(str(places.lib_dir))
    for path, data in files.items():
        _make_dirs(path.parent, places.home, record)
        path.write_bytes(data)
        record.files[str(path)] = hashlib.sha256(data).hexdigest()
    places.launcher.chmod(0o755)
    _remove_stale(previous, record)

    had_cache = (places.applications / MIME_CACHE).exists()
    database = _update_desktop_database(places.applications)
    cache = places.applications / MIME_CACHE
    if str(cache) in previous.generated or (cache.exists() and not had_cache):
        record.generated.append(str(cache))
    _make_dirs(places.record.parent, places.home, record)
    record.save(places.record)

    lines = [f"installed Transcript Reader {version()}:"]
    if record.trees:
        lines.append(f"  app       {places.lib_dir}")
    lines += [
        f"  launcher  {places.launcher}",
        f"  menu      {places.desktop_file}",
        f"  icons     {places.hicolor}/{{16x16..512x512,scalable}}/apps/{APP_ID}.*",
        '  "Open with" for text files: '
        + (
            f"registered ({database})"
            if database
            else "listed in the menu entry (update-desktop-database not found)"
        ),
        f"  record    {places.record} (--uninstall-desktop-entry removes what it lists)",
    ]
    path_dirs = [Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p]
    if places.launcher.parent not in path_dirs:
        lines.append(f"note: {places.launcher.parent} is not on PATH; the menu entry works without it")
    return lines


def _uninstall(places: Places) -> list[str]:
    record = Record.load(places.record)
    if record is None:
        return [f"nothing to uninstall: no install record at {places.record}"]
    removed, kept = 0, []
    for name, digest in record.files.items():
        path = Path(name)
        if path.is_file() and not path.is_symlink() and _sha256(path) == digest:
            path.unlink()
            removed += 1
        elif path.exists() or path.is_symlink():
            kept.append(name)
    for name in record.trees:
        if Path(name).is_dir():
            shutil.rmtree(name)
            removed += 1
    _update_desktop_database(places.applications)
    for name in record.generated:  # update-desktop-database's index: ours only if nothing else needs it
        path = Path(name)
        if path.exists() and not any(path.parent.glob("*.desktop")):
            path.unlink()
    places.record.unlink()
    for name in sorted(record.dirs, key=lambda d: len(Path(d).parts), reverse=True):
        path = Path(name)
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    lines = [f"uninstalled Transcript Reader: removed {removed} files and folders it had installed"]
    lines += [f"left {name}: changed since it was installed" for name in kept]
    return lines


def _launcher(command: tuple[str, ...]) -> str:
    return (
        "#!/bin/sh\n"
        "# Written by `transcript-reader --install-desktop-entry`; `--uninstall-desktop-entry` removes it.\n"
        f'exec {shlex.join(command)} "$@"\n'
    )


def _icons(places: Places) -> dict[Path, bytes]:
    """The hicolor icon theme's files, read from the package's resources/icons."""
    source = resources_dir() / "icons"
    icons = {
        places.hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png": (source / f"{APP_ID}-{n}.png").read_bytes()
        for n in ICON_SIZES
    }
    icons[places.hicolor / "scalable" / "apps" / f"{APP_ID}.svg"] = (source / f"{APP_ID}.svg").read_bytes()
    return icons


def _foreign(path: Path, data: bytes, previous: Record) -> bool:
    """Whether writing `path` would overwrite something not ours (the same bytes are harmless)."""
    if not (path.exists() or path.is_symlink()) or str(path) in previous.files:
        return False
    return not path.is_file() or path.read_bytes() != data


def _make_dirs(folder: Path, top: Path, record: Record) -> None:
    """Create `folder` and its missing parents, recording each one created (up to `top`)."""
    missing = []
    while not folder.exists() and folder != top and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        if str(path) not in record.dirs:
            record.dirs.append(str(path))


def _copy_tree(source: Path, target: Path) -> None:
    """Copy the app's folder (symbolic links kept: PyInstaller's links to the Qt libraries) beside
    `target` first, then swap it in, so a failed copy leaves the earlier install as it was."""
    staging = target.with_name(f".{target.name}.installing")
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(source, staging, symlinks=True)
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)


def _remove_stale(previous: Record, record: Record) -> None:
    """Files and trees of the earlier install that this one no longer writes."""
    for name, digest in previous.files.items():
        path = Path(name)
        if name not in record.files and path.is_file() and _sha256(path) == digest:
            path.unlink()
    for name in previous.trees:
        if name not in record.trees and Path(name).is_dir():
            shutil.rmtree(name)


def _update_desktop_database(applications: Path) -> str | None:
    """Run update-desktop-database on `applications` when it is installed and the folder exists;
    returns what ran, or None. Never required: a failure is reported in the result only."""
    tool = shutil.which("update-desktop-database")
    if tool is None or not applications.is_dir():
        return None
    done = subprocess.run([tool, "-q", str(applications)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"update-desktop-database failed: {' '.join(done.stderr.split())[:200]}"
    return "update-desktop-database"


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _exec_quote(arg: str) -> str:
    """One argument of a desktop entry's Exec key, quoted as the Desktop Entry spec says."""
    arg = arg.replace("%", "%%")
    if not arg or _EXEC_RESERVED & set(arg):
        return '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return arg


def _escape(value: str) -> str:
    """A desktop entry string value's escapes (applied after the Exec quoting)."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _os_message(err: OSError) -> str:
    where = f"{err.filename}: " if err.filename else ""
    return f"{where}{err.strerror or err}"
