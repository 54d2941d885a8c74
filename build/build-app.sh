#!/usr/bin/env bash
# Build the one-folder app into dist/transcript-reader with installer.spec, then pack it as
# dist/transcript-reader-<version>-linux-<machine>.tar.gz (+ .sha256), whose top folder is
# transcript-reader-<version>/. build/smoke-frozen.sh runs the built app's smoke test.
#
#   build/build-app.sh
#
# The version is the package's (pyproject.toml, through the metadata `pip install -e` refreshes);
# the spec reads the same metadata, so nothing else names it.
set -euo pipefail
cd "$(dirname "$0")/.."
./dev setup
.venv/bin/python -m pip install --quiet -e '.[build]'
.venv/bin/python build/make-icons.py --check

start=$SECONDS
.venv/bin/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller --distpath dist installer.spec
app=dist/transcript-reader/transcript-reader
version=$(.venv/bin/python -c 'from importlib.metadata import version; print(version("transcript-reader"))')
frozen_version=$("$app" --version 2>&1)  # argparse prints it on stderr
if [ "$frozen_version" != "transcript-reader $version" ]; then
    echo "build-app: the frozen app says '$frozen_version', the package is $version" >&2
    exit 1
fi

# The archive: reproducible apart from file times (sorted, owner 0, gzip without a timestamp).
archive="dist/transcript-reader-$version-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m).tar.gz"
tar -C dist --sort=name --owner=0 --group=0 --numeric-owner \
    --transform "flags=r;s,^transcript-reader,transcript-reader-$version," \
    -cf - transcript-reader | gzip -n -6 >"$archive"
(cd dist && sha256sum "$(basename "$archive")" >"$(basename "$archive").sha256")
echo "built dist/transcript-reader ($(du -sm dist/transcript-reader | cut -f1) MB) and $archive" \
    "($(du -sm "$archive" | cut -f1) MB) in $((SECONDS - start)) s"
