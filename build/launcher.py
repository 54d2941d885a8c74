"""Entry point of the frozen app (PyInstaller): the same main() as the console script."""

import multiprocessing

from reader.cli import main

if __name__ == "__main__":
    # The indexer's worker processes start this executable again: freeze_support() makes such a
    # child run its worker instead of the app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
