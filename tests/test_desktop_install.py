"""Desktop integration: `--install-desktop-entry` / `--uninstall-desktop-entry` in a temporary
home (HOME and XDG_DATA_HOME in tmp), and the packaging inputs in build/ that go with them."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import ModuleType

import pytest

from reader import desktop_install as di
from reader.cli import main
from reader.ui import app as ui_app

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
HAVE_UDD = shutil.which("update-desktop-database") is not None


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home of its own with an XDG_DATA_HOME, and a PATH without desktop tools."""
    home = tmp_path / "home"
    (home / ".local" / "share").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    tools = tmp_path / "tools"
    tools.mkdir()
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}/bin{os.pathsep}/usr/bin")
    return home


def no_desktop_tools(monkeypatch, home):
    monkeypatch.setenv("PATH", str(home.parent / "tools"))


def snapshot(top: Path) -> dict[str, bytes | str | None]:
    """Every path under `top`: file bytes, link target, or None for a folder."""
    found: dict[str, bytes | str | None] = {}
    for path in sorted(top.rglob("*")):
        key = str(path.relative_to(top))
        found[key] = os.readlink(path) if path.is_symlink() else path.read_bytes() if path.is_file() else None
    return found


def fake_frozen_app(where: Path) -> di.App:
    """A folder shaped like PyInstaller's: an executable and _internal with a relative symlink."""
    folder = where / "transcript-reader"
    (folder / "_internal").mkdir(parents=True)
    exe = folder / "transcript-reader"
    exe.write_text('#!/bin/sh\necho "frozen $*"\n')
    exe.chmod(0o755)
    (folder / "_internal" / "libQt6Core.so.6").write_bytes(b"\x7fELF fake")
    (folder / "_internal" / "link.so").symlink_to("libQt6Core.so.6")
    return di.App(folder, (str(exe),))


def test_places_honour_xdg_data_home_and_ignore_a_relative_one(tmp_path):
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "d")}
    places = di.Places.from_env(env)
    assert places.desktop_file == tmp_path / "d" / "applications" / "transcript-reader.desktop"
    assert places.hicolor == tmp_path / "d" / "icons" / "hicolor"
    assert places.launcher == tmp_path / ".local" / "bin" / "transcript-reader"
    assert places.lib_dir == tmp_path / ".local" / "lib" / "transcript-reader"
    relative = di.Places.from_env({"HOME": str(tmp_path), "XDG_DATA_HOME": "d"})
    assert relative.data_home == tmp_path / ".local" / "share"


def test_install_from_source_then_uninstall_leaves_the_home_as_it_was(home, monkeypatch):
    no_desktop_tools(monkeypatch, home)
    places = di.Places.from_env()
    # Things of the user's own that must survive: another menu entry, another launcher, notes.
    (places.applications).mkdir(parents=True)
    (places.applications / "other.desktop").write_text("[Desktop Entry]\n")
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "other").write_text("#!/bin/sh\n")
    notes = places.data_home / "transcript-reader" / "Transcript Reader" / "notes.sqlite3"
    notes.parent.mkdir(parents=True)
    notes.write_bytes(b"user notes")
    before = snapshot(home)

    lines = di.install(places, di.App.running())
    assert lines[0].startswith("installed Transcript Reader")
    assert not places.lib_dir.exists()  # from source nothing is copied
    launcher = places.launcher.read_text()
    assert f"exec {sys.executable} -m reader" in launcher or repr(sys.executable) in launcher
    assert places.launcher.stat().st_mode & stat.S_IXUSR
    entry = places.desktop_file.read_text(encoding="utf-8")
    assert f"Exec={places.launcher} %u" in entry
    assert "MimeType=text/plain;x-scheme-handler/transcript-reader;" in entry
    for size in di.ICON_SIZES:
        png = places.hicolor / f"{size}x{size}" / "apps" / "transcript-reader.png"
        assert (
            png.read_bytes() == (ROOT / "resources" / "icons" / f"transcript-reader-{size}.png").read_bytes()
        )
    assert (places.hicolor / "scalable" / "apps" / "transcript-reader.svg").is_file()
    record = json.loads(places.record.read_text())
    assert set(record["files"]) == {str(places.launcher), str(places.desktop_file)} | {
        str(p) for p in places.hicolor.rglob("transcript-reader.*")
    }
    # The launcher runs the app: this Python, `-m reader`.
    done = subprocess.run([str(places.launcher), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr.startswith("transcript-reader ")

    assert di.uninstall(places)[0].startswith("uninstalled")
    assert snapshot(home) == before
    assert di.uninstall(places) == [f"nothing to uninstall: no install record at {places.record}"]


def test_frozen_app_is_copied_with_its_links_and_removed_again(home, tmp_path, monkeypatch):
    no_desktop_tools(monkeypatch, home)
    places = di.Places.from_env()
    app = fake_frozen_app(tmp_path / "unpacked")
    before = snapshot(home)
    di.install(places, app)
    assert (places.lib_dir / "_internal" / "link.so").is_symlink()
    assert os.readlink(places.lib_dir / "_internal" / "link.so") == "libQt6Core.so.6"
    assert str(places.lib_dir / "transcript-reader") in places.launcher.read_text()
    done = subprocess.run([str(places.launcher), "a b.txt"], capture_output=True, text=True, timeout=30)
    assert done.stdout == "frozen a b.txt\n"
    shutil.rmtree(app.folder)  # the unpacked archive can go: the installed copy runs on its own
    assert subprocess.run([str(places.launcher)], capture_output=True, timeout=30).returncode == 0

    di.uninstall(places)
    assert snapshot(home) == before


def test_installing_again_replaces_the_earlier_install(home, tmp_path, monkeypatch):
    no_desktop_tools(monkeypatch, home)
    places = di.Places.from_env()
    before = snapshot(home)
    di.install(places, fake_frozen_app(tmp_path / "v1"))
    (places.lib_dir / "_internal" / "only-in-v1").write_text("old")
    di.install(places, fake_frozen_app(tmp_path / "v2"))
    assert not (places.lib_dir / "_internal" / "only-in-v1").exists()
    di.install(places, di.App.running())  # from source now: the copied app goes
    assert not places.lib_dir.exists()
    di.uninstall(places)
    assert snapshot(home) == before


def test_a_frozen_app_running_from_the_install_folder_is_not_copied_nor_removed(home, monkeypatch):
    no_desktop_tools(monkeypatch, home)
    places = di.Places.from_env()
    app = fake_frozen_app(places.lib_dir.parent)  # unpacked by hand into ~/.local/lib
    di.install(places, app)
    assert str(places.lib_dir / "transcript-reader") in places.launcher.read_text()
    di.uninstall(places)
    assert (places.lib_dir / "transcript-reader").is_file()  # not installed by the command: kept
    assert not places.launcher.exists()


def test_a_file_in_the_way_stops_the_install_before_anything_is_written(home, monkeypatch):
    no_desktop_tools(monkeypatch, home)
    places = di.Places.from_env()
    places.launcher.parent.mkdir(parents=True)
    places.launcher.write_text("#!/bin/sh\n# pip install --user put me here\n")
    before = snapshot(home)
    with pytest.raises(di.InstallError, match="is in the way"):
        di.install(places, di.App.running())
    assert snapshot(home) == before


def test_uninstall_keeps_a_file_changed_since_install(home, monkeypatch):
    no_desktop_tools(monkeypatch, home)
    places = di.Places.from_env()
    di.install(places, di.App.running())
    places.desktop_file.write_text("[Desktop Entry]\nName=Mine now\n")
    lines = di.uninstall(places)
    assert lines[1:] == [f"left {places.desktop_file}: changed since it was installed"]
    assert places.desktop_file.read_text() == "[Desktop Entry]\nName=Mine now\n"
    assert not places.launcher.exists() and not places.record.exists()


def test_a_cache_made_by_update_desktop_database_is_ours_to_remove(home, monkeypatch):
    """A stand-in for the tool (its real run is tested below when it is installed)."""
    no_desktop_tools(monkeypatch, home)
    tool = home.parent / "tools" / "update-desktop-database"
    tool.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\nd = pathlib.Path(sys.argv[-1])\n"
        "(d / 'mimeinfo.cache').write_text(''.join(p.name + '\\n' for p in d.glob('*.desktop')))\n"
    )
    tool.chmod(0o755)
    places = di.Places.from_env()
    before = snapshot(home)
    lines = di.install(places, di.App.running())
    assert any("registered (update-desktop-database)" in line for line in lines)
    assert (places.applications / "mimeinfo.cache").read_text() == "transcript-reader.desktop\n"
    di.uninstall(places)
    assert snapshot(home) == before


@pytest.mark.skipif(not HAVE_UDD, reason="update-desktop-database is not installed")
def test_open_with_registration_through_the_real_desktop_database(home):
    places = di.Places.from_env()
    before = snapshot(home)
    di.install(places, di.App.running())
    cache = (places.applications / "mimeinfo.cache").read_text()
    assert "text/plain=transcript-reader.desktop;" in cache
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(
            ["desktop-file-validate", str(places.desktop_file)], capture_output=True, text=True
        )
        assert done.returncode == 0 and done.stdout == "", done.stdout
    di.uninstall(places)
    assert snapshot(home) == before


def test_command_line_flags(home, capsys, monkeypatch):
    no_desktop_tools(monkeypatch, home)
    places = di.Places.from_env()
    assert main(["--install-desktop-entry"]) == 0
    assert capsys.readouterr().out.startswith("installed Transcript Reader")
    assert places.desktop_file.is_file()
    assert main(["--uninstall-desktop-entry"]) == 0
    assert capsys.readouterr().out.startswith("uninstalled")
    assert not places.desktop_file.exists()
    for args in (
        ["--install-desktop-entry", "--uninstall-desktop-entry"],
        ["a.txt", "--install-desktop-entry"],
    ):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1
    places.launcher.parent.mkdir(parents=True)
    places.launcher.write_text("someone else's")
    assert main(["--install-desktop-entry"]) == 2
    assert (
        capsys.readouterr().err
        == f"error: {places.launcher} is in the way: it was not installed by this command\n"
    )


def test_exec_key_quoting():
    entry = di.desktop_entry('/home/a b/50%/say "hi"')
    assert 'Exec="/home/a b/50%%/say \\\\"hi\\\\"" %u' in entry.splitlines()
    assert "Exec=/opt/x/transcript-reader %u" in di.desktop_entry("/opt/x/transcript-reader").splitlines()


# The packaging inputs in build/ and resources/icons ------------------------------------------


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), BUILD / name)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_desktop_file_is_the_installed_one_for_a_program_on_path():
    lines = (BUILD / "transcript-reader.desktop").read_text(encoding="utf-8").splitlines(keepends=True)
    assert "".join(line for line in lines if not line.startswith("#")) == di.desktop_entry(
        "transcript-reader"
    )


def test_icons_are_complete_and_ico_icns_match_the_pngs():
    icons = load_script("make-icons.py")
    assert icons.SIZES == di.ICON_SIZES == ui_app.ICON_SIZES
    assert ui_app.DESKTOP_ID == di.APP_ID
    pngs = icons.read_pngs()  # raises if one is not the size its name says
    assert (ROOT / "build" / "icons" / "transcript-reader.ico").read_bytes() == icons.ico_bytes(pngs)
    assert (ROOT / "build" / "icons" / "transcript-reader.icns").read_bytes() == icons.icns_bytes(pngs)
    assert [Path(p).is_file() for _, p in ui_app.icon_paths()] == [True] * len(di.ICON_SIZES)
    ElementTree.parse(ROOT / "resources" / "icons" / "transcript-reader.svg")


def test_metainfo_names_the_desktop_entry_and_a_reverse_dns_id():
    root = ElementTree.parse(BUILD / "transcript-reader.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("launchable") == f"{di.APP_ID}.desktop"
    assert len((root.findtext("id") or "").split(".")) >= 3
    assert [c.text for c in root.iter("category")] == ["Office", "Viewer"]
    if shutil.which("appstreamcli"):
        done = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(BUILD / "transcript-reader.metainfo.xml")],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout


def test_windows_version_resource_comes_from_the_package_version():
    from reader import __version__

    module = load_script("windows_version.py")
    assert module.numeric_version("1.2.3rc1") == (1, 2, 3, 0)
    assert module.numeric_version("0.0.0+source") == (0, 0, 0, 0)
    text = module.version_info_text(__version__, "A summary's words", "MIT")

    def node(kind: str):  # each PyInstaller class, as a tuple of what it was given
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    tree = eval(text, {name: node(name) for name in [*names, "VarFileInfo", "VarStruct"]})
    ffi = tree[2]["ffi"][2]
    assert ffi["filevers"] == ffi["prodvers"] == module.numeric_version(__version__)
    strings = dict(s[1] for s in tree[2]["kids"][0][1][0][0][1][1])
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["FileDescription"] == "A summary's words"
