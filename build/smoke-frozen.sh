#!/usr/bin/env bash
# Smoke test of the frozen app: builds it first when dist/ has none or the sources are newer
# (or with --rebuild), then runs the built binary on fixtures and checks that it does what the
# source app does, with no Python of its own:
#   --version                    the package's version
#   info FILE --json             the same JSON object as the source app prints
#   FILE --screenshot OUT.png    offscreen, a PNG of the window's size
#   FILE --exit-after-paint      offscreen, ends once the text is painted (the start-up benchmark)
#   print-job JOB.json           the child process the window prints with writes a PDF
#   a file that is not a transcript: exit status 2 and one line "error: ..." (info and window)
#   notes add / list             when the app has them: written by the frozen app, read back by
#                                the source app from the same per-user data folder (XDG dirs)
#   index / search               when the app has them: the same results as the source app
#   --install-desktop-entry      installs into a temporary home, the installed launcher opens a
#                                file; --uninstall-desktop-entry leaves that home as it was
# Everything runs in a temporary HOME and XDG folders: nothing of the user's is read or written.
#
#   build/smoke-frozen.sh [--rebuild]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
app=$root/dist/transcript-reader/transcript-reader
source_app=$root/.venv/bin/transcript-reader
py=$root/.venv/bin/python
fixtures=$root/tests/fixtures
start=$SECONDS

stale() {
    [ ! -x "$app" ] || [ -n "$(find reader resources installer.spec build/launcher.py build/windows_version.py \
        pyproject.toml -newer "$app" -not -path '*/__pycache__/*' -print -quit)" ]
}
if [ "${1:-}" = "--rebuild" ] || stale; then
    build/build-app.sh
fi
built=$SECONDS

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home"
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/.local/share XDG_CONFIG_HOME=$tmp/home/.config \
    XDG_CACHE_HOME=$tmp/home/.cache QT_QPA_PLATFORM=offscreen
unset TRANSCRIPT_READER_DATA TRANSCRIPT_READER_CACHE TRANSCRIPT_READER_DEBUG
cd "$tmp"  # nothing may depend on the working directory

fail() { echo "smoke-frozen: FAILED: $*" >&2; exit 1; }
pass() { echo "smoke-frozen: ok: $*"; }

# Exit status 2 and one line "error: ..." on stderr, nothing else (the window, offscreen, may add
# Qt's own "This plugin does not support propagateSizeHints()": only lines "error: " count there).
expect_error() {
    local status=0 lines
    "$@" >/dev/null 2>"$tmp/err" || status=$?
    [ "$status" -eq 2 ] || fail "$* exited $status, not 2: $(cat "$tmp/err")"
    lines=$(grep -v 'does not support propagateSizeHints' "$tmp/err" || true)
    [ "$(wc -l <<<"$lines")" -eq 1 ] && grep -q '^error: ' <<<"$lines" || fail "$* printed: $(cat "$tmp/err")"
}

version=$("$py" -c 'from importlib.metadata import version; print(version("transcript-reader"))')
[ "$("$app" --version 2>&1)" = "transcript-reader $version" ] || fail "--version: $("$app" --version 2>&1)"
pass "--version $version"

for name in basic.txt multi_call.txt english_only.txt simplified.txt; do
    "$app" info "$fixtures/$name" --json >"$tmp/frozen.json"
    "$source_app" info "$fixtures/$name" --json >"$tmp/source.json"
    "$py" - "$tmp/frozen.json" "$tmp/source.json" <<'EOF' || fail "info $name --json differs from the source app's"
import json, sys
frozen, source = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
assert frozen["paragraphs"] > 0 and frozen["turns"] > 0, frozen
assert frozen == source
EOF
done
pass "info FILE --json: the source app's JSON, for 4 fixtures"

"$app" "$fixtures/basic.txt" --screenshot "$tmp/shot.png" --mode side
"$py" - "$tmp/shot.png" <<'EOF' || fail "--screenshot did not write a 1320x860 PNG"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1320, 860)
EOF
pass "--screenshot: a 1320x860 PNG"

timeout 60 "$app" "$fixtures/multi_call.txt" --exit-after-paint || fail "--exit-after-paint did not end with 0"
pass "--exit-after-paint: ends with 0 once painted"

# The window prints through a child process: this executable run as `print-job JOB.json`.
"$py" - "$tmp/job.json" "$tmp/printed.pdf" <<'EOF'
import json, sys
from reader.ui.export.print_job import VERSION
html = "<h2>Smoke</h2>" + "<p>A line of a made-up call, \u4e00\u884c\u3002</p>" * 300
job = {"version": VERSION, "html": html, "title": "Smoke", "target": {"pdf": sys.argv[2]}}
open(sys.argv[1], "w", encoding="utf-8").write(json.dumps(job))
EOF
timeout 120 "$app" print-job "$tmp/job.json" >"$tmp/printed.out" || fail "print-job: $(cat "$tmp/printed.out")"
grep -q '^pages [1-9]' "$tmp/printed.out" && head -c 5 "$tmp/printed.pdf" | grep -q '%PDF' ||
    fail "print-job wrote no PDF: $(tail -2 "$tmp/printed.out")"
pass "print-job (the window's printing child): $(tail -1 "$tmp/printed.out") of a PDF"

expect_error "$app" info "$fixtures/unrelated.csv"
expect_error "$app" info "$tmp/missing.txt"
expect_error "$app" "$fixtures/not_a_transcript.txt" --screenshot "$tmp/none.png"
expect_error "$app" "$fixtures/not_a_transcript.txt" --exit-after-paint
expect_error "$app" --no-such-option
pass "a non-transcript, a missing file, a bad option: exit 2, one error line"

commands=$("$app" --help)
if grep -q '^  notes ' <<<"$commands"; then
    "$app" notes add "$fixtures/basic.txt" --paragraph 1 --note "frozen smoke" --json >"$tmp/added.json"
    "$source_app" notes list "$fixtures/basic.txt" --json >"$tmp/listed.json"
    "$py" - "$tmp/added.json" "$tmp/listed.json" <<'EOF' || fail "a note added by the frozen app is not in the source app's list"
import json, sys
added, listed = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
assert [n["id"] for n in listed] == [added["id"]], (added, listed)
EOF
    [ -n "$(find "$XDG_DATA_HOME/transcript-reader" -type f)" ] || fail "notes: nothing in $XDG_DATA_HOME"
    pass "notes add (frozen) / list (source): one store in the per-user data folder"
else
    echo "smoke-frozen: skipped: the app has no notes command"
fi

if grep -q '^  search ' <<<"$commands" && grep -q '^  index ' <<<"$commands"; then
    "$app" index "$fixtures" >/dev/null
    "$app" search robots --json >"$tmp/frozen-search.json"
    "$source_app" search robots --json >"$tmp/source-search.json"
    "$py" - "$tmp/frozen-search.json" "$tmp/source-search.json" <<'EOF' || fail "search: the frozen and the source app differ"
import json, sys
frozen, source = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
assert frozen and frozen == source, (frozen, source)
EOF
    pass "index (frozen) / search (frozen and source): the same results"

    # Past PARALLEL_MIN_BYTES (4 MB) an update is written by worker processes: this executable
    # started again, which build/launcher.py must divert to the worker (not start the app).
    mkdir "$tmp/big"
    for i in $(seq 130); do
        for f in "$fixtures"/*.txt; do cp "$f" "$tmp/big/$i-$(basename "$f")"; done
    done
    big_env=(env "TRANSCRIPT_READER_DATA=$tmp/big-data" "TRANSCRIPT_READER_CACHE=$tmp/big-cache")
    timeout 300 "${big_env[@]}" "$app" index "$tmp/big" --workers 2 >/dev/null 2>"$tmp/big.err" ||
        fail "index --workers 2: $(tail -3 "$tmp/big.err")"
    "${big_env[@]}" "$app" search robots --json >"$tmp/big-search.json"
    "$py" - "$tmp/big-search.json" "$tmp/big" <<'EOF' || fail "search after the parallel update: $(cat "$tmp/big-search.json")"
import json, sys
hits = json.load(open(sys.argv[1], encoding="utf-8"))["hits"]
assert hits and all(hit["path"].startswith(sys.argv[2]) for hit in hits), hits
EOF
    pass "index --workers 2 (frozen): worker processes wrote the index of $(du -sh "$tmp/big" | cut -f1)"
else
    echo "smoke-frozen: skipped: the app has no index/search commands"
fi

# The frozen app installs itself into the (temporary) home, and uninstalls itself.
find "$HOME" | sort >"$tmp/before.txt"
"$app" --install-desktop-entry >/dev/null
launcher=$HOME/.local/bin/transcript-reader
entry=$XDG_DATA_HOME/applications/transcript-reader.desktop
[ -x "$HOME/.local/lib/transcript-reader/transcript-reader" ] || fail "install: the app was not copied"
grep -qx "Exec=$launcher %u" "$entry" || fail "install: $entry runs something else"
[ -f "$XDG_DATA_HOME/icons/hicolor/256x256/apps/transcript-reader.png" ] || fail "install: no icon"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$entry" || fail "install: invalid $entry"; fi
# What the menu entry runs; its data and settings elsewhere, so that the home's listing below
# shows what install and uninstall did and nothing else.
TRANSCRIPT_READER_DATA=$tmp/launcher-data XDG_CONFIG_HOME=$tmp/launcher-config \
    "$launcher" "$fixtures/basic.txt" --screenshot "$tmp/installed.png"
[ -s "$tmp/installed.png" ] || fail "the installed launcher did not open a file"
"$HOME/.local/lib/transcript-reader/transcript-reader" --uninstall-desktop-entry >/dev/null
find "$HOME" | sort | diff "$tmp/before.txt" - >"$tmp/left.txt" || fail "uninstall left: $(cat "$tmp/left.txt")"
pass "--install-desktop-entry from the frozen app, its launcher opens a file, --uninstall-desktop-entry"

echo "smoke-frozen: passed ($((built - start)) s build check, $((SECONDS - built)) s smoke;" \
    "dist/transcript-reader $(du -sm "$(dirname "$app")" | cut -f1) MB)"
