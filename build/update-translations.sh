#!/usr/bin/env bash
# Update the interface translations: resources/translations/reader_zh_TW.ts and its compiled .qm.
#
# Workflow, from the repo root (the venv's tools are used when there is a .venv, else PATH's):
#   1. In reader/ui (every package), write every user-visible string as self.tr("plain literal") in a QObject
#      subclass, or QCoreApplication.translate("Context", "literal") outside one. lupdate reads the
#      literals only: no f-strings or variables inside tr(); fill placeholders after translating,
#      e.g. self.tr("%1 turns").replace("%1", str(n)). A wrapper of your own (def tr(text): return
#      QCoreApplication.translate("Document", text)) does not work: lupdate files its strings under
#      an empty context, which the running app never asks for. What reading a file says (its
#      warnings, why it cannot be read) is the one text from the Qt-free core:
#      reader/core/messages.py marks its templates with QT_TRANSLATE_NOOP, and this script reads
#      that module too.
#   2. Run build/update-translations.sh. lupdate adds the new strings to the .ts as "unfinished",
#      keeps every existing translation (and reuses one for an identical or similar string), and
#      drops strings no longer in the code (-no-obsolete).
#   3. Translate the unfinished messages (Taiwan usage: 檔案, 開啟, 檢視, 設定, 說明, 搜尋, 字型,
#      佈景主題…) in Qt Linguist (.venv/bin/pyside6-linguist resources/translations/reader_zh_TW.ts)
#      or by editing the XML: fill <translation> and remove type="unfinished".
#   4. Run this script again to compile the .qm, and commit both the .ts and the .qm.
#      tests/test_i18n.py fails while a message is unfinished or the .qm is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

tool() {
    if [[ -x .venv/bin/$1 ]]; then echo ".venv/bin/$1"; else command -v "$1" || { echo "$1 not found" >&2; exit 1; }; fi
}
lupdate=$(tool pyside6-lupdate)
lrelease=$(tool pyside6-lrelease)

dir=resources/translations
mkdir -p "$dir"
mapfile -t sources < <(find reader/ui reader/core/messages.py -name '*.py' | sort)
for lang in zh_TW; do
    ts=$dir/reader_$lang.ts
    "$lupdate" -silent -no-obsolete -locations none -source-language en -target-language "$lang" \
        "${sources[@]}" -ts "$ts"
    "$lrelease" -silent "$ts" -qm "$dir/reader_$lang.qm"
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    echo "$ts: $(grep -c '<message' "$ts") messages, $unfinished unfinished"
done
