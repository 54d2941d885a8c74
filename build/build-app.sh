#!/usr/bin/env bash
# Build the one-folder app into dist/transcript-reader and smoke-test it on a fixture.
set -euo pipefail
cd "$(dirname "$0")/.."
./dev setup
.venv/bin/python -m pip install --quiet -e '.[build]'
.venv/bin/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller --distpath dist installer.spec
app=dist/transcript-reader/transcript-reader
"$app" --version
"$app" info tests/fixtures/basic.txt --json >/dev/null
if "$app" info tests/fixtures/unrelated.csv 2>/dev/null; then echo "frozen app accepted a non-transcript" >&2; exit 1; fi
QT_QPA_PLATFORM=offscreen "$app" --screenshot "$(mktemp -d)/frozen.png"
echo "built $(du -sh dist/transcript-reader | cut -f1) in dist/transcript-reader; smoke test passed"
