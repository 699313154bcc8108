#!/usr/bin/env bash
# Wraps Masivo.app in a compressed disk image with an Applications shortcut beside it, so the
# user drags the app across to install it. macOS only (hdiutil).
#   packaging/macos/make-dmg.sh dist/Masivo.app dist/Masivo-0.1.0.dmg
set -euo pipefail
APP="${1:?usage: make-dmg.sh PATH/Masivo.app OUTPUT.dmg}"
DMG="${2:?usage: make-dmg.sh PATH/Masivo.app OUTPUT.dmg}"
[ -d "$APP/Contents/MacOS" ] || { echo "$APP is not an application bundle" >&2; exit 1; }
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -quiet -volname "Masivo" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
echo "$DMG"
