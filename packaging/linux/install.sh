#!/bin/sh
# Installs Masivo for the current user, without administrator rights: the program in
# ~/.local/opt/masivo, a menu entry and its icon, and `masivo` on the PATH (~/.local/bin).
# The journal, settings and logs stay in ~/.local/share/Masivo; --uninstall leaves them there.
#   ./install.sh              install or update from the folder this script is in
#   ./install.sh --uninstall  remove the program, the menu entry and the icon
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
DEST="$HOME/.local/opt/masivo"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
MENU="$DATA/applications/masivo.desktop"
ICONS="$DATA/icons/hicolor"
BIN="$HOME/.local/bin/masivo"

refresh_menus() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    [ -L "$BIN" ] && rm -f "$BIN"
    rm -rf "$DEST"
    rm -f "$MENU" "$ICONS/256x256/apps/masivo.png" "$ICONS/scalable/apps/masivo.svg"
    refresh_menus
    echo "Masivo fue desinstalado. Sus campañas siguen en $DATA/Masivo."
    exit 0
fi

[ -x "$HERE/masivo" ] || { echo "No encuentro el programa junto a install.sh ($HERE/masivo)." >&2; exit 1; }
if [ "$HERE" != "$DEST" ]; then
    # Copy beside the old version, then swap: a failed copy never leaves a half-installed program.
    rm -rf "$DEST.new"
    mkdir -p "$DEST.new"
    cp -R "$HERE/." "$DEST.new/"
    rm -rf "$DEST"
    mv "$DEST.new" "$DEST"
fi
mkdir -p "$DATA/applications" "$ICONS/256x256/apps" "$ICONS/scalable/apps" "$(dirname "$BIN")"
cp "$DEST/_internal/app/resources/icons/masivo.png" "$ICONS/256x256/apps/masivo.png"
cp "$DEST/_internal/app/resources/icons/masivo.svg" "$ICONS/scalable/apps/masivo.svg"
sed -e "s|^Exec=.*|Exec=\"$DEST/masivo\"|" -e "s|^TryExec=.*|TryExec=$DEST/masivo|" \
    "$DEST/masivo.desktop" > "$MENU"
ln -sf "$DEST/masivo" "$BIN"
refresh_menus
echo "Masivo quedó instalado: búsquelo en el menú de aplicaciones (o escriba «masivo» en una terminal)."
