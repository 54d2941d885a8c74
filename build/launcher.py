"""Entry point of the frozen app (PyInstaller): the same main() as the console script."""

from reader.cli import main

raise SystemExit(main())
