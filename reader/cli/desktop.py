"""`--install-desktop-entry` and `--uninstall-desktop-entry`: the app for this user, with its menu
entry, icon and "Open with" association (`reader.desktop_install`)."""

from __future__ import annotations

import argparse

from .. import desktop_install
from .common import UsageError
from .output import emit


def run(args: argparse.Namespace) -> int:
    if args.file or args.screenshot or args.mode or args.exit_after_paint or args.do or args.state:
        raise UsageError("--install-desktop-entry and --uninstall-desktop-entry take no other argument")
    places = desktop_install.Places.from_env()
    try:
        if args.install_desktop_entry:
            lines = desktop_install.install(places, desktop_install.App.running())
        else:
            lines = desktop_install.uninstall(places)
    except desktop_install.InstallError as err:
        raise UsageError(str(err)) from err
    emit("\n".join(lines))
    return 0
