"""`python -m reader` does what `transcript-reader` does."""

from reader.cli import main

raise SystemExit(main())
