#!/usr/bin/env bash
# Install the Debian packages in build/apt-packages.txt that are missing (and, with
# --desktop-check, those in build/apt-packages-desktop-check.txt). Does nothing when all are there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lists=("$here/apt-packages.txt")
[ "${1:-}" = "--desktop-check" ] && lists+=("$here/apt-packages-desktop-check.txt")

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-system-deps: not a Debian-like system; install Qt's libraries and a CJK font yourself" >&2
    exit 0
fi
missing=()
for list in "${lists[@]}"; do
    while read -r package; do
        package="${package%%#*}"
        package="${package//[[:space:]]/}"
        [ -n "$package" ] || continue
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
            missing+=("$package")
        fi
    done < "$list"
done
[ "${#missing[@]}" -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        echo "install-system-deps: missing ${missing[*]}; run as root or install them yourself" >&2
        exit 1
    fi
fi
echo "install-system-deps: installing ${missing[*]}"
# env, not export: sudo drops the caller's environment. Retries: one dropped connection to the
# mirror should not fail a CI run on a fresh machine.
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Retries=3)
"${apt[@]}" update -qq
"${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
