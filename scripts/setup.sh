#!/usr/bin/env bash
# Shared by scripts/run-app and scripts/run-tests: system libraries Qt needs, a local
# virtual environment with Masivo and its extras, and the compiled translations.
# Safe to run again: it only installs what is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MASIVO_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"

# Debian/Ubuntu packages: Qt's runtime libraries (offscreen and on a desktop), venv support,
# and, for the tests, a real Secret Service (gnome-keyring on D-Bus), a PostgreSQL server and
# binutils (the frozen build strips libraries and assembles its smaller ICU data with them).
QT_PACKAGES="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0
 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-xkb1 libx11-xcb1 fonts-dejavu-core"
TEST_PACKAGES="dbus dbus-x11 gnome-keyring postgresql binutils xvfb xauth"

apt_install() {
    command -v dpkg-query >/dev/null 2>&1 || return 0  # not Debian-like: the user installs Qt's libraries
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    say "Installing the system packages Qt needs: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_system() {
    # shellcheck disable=SC2086
    apt_install $QT_PACKAGES
    "$PY" -c "import venv, ensurepip" 2>/dev/null || apt_install python3-venv
    if [ "${1:-}" = "test" ]; then
        # shellcheck disable=SC2086
        apt_install $TEST_PACKAGES
    fi
}

say() { echo "==> $*" >&2; }

setup_venv() {
    local extras="$1"
    if [ ! -x "$VENV/bin/python" ]; then
        say "First run: making a Python environment in ${VENV/#$ROOT\//}"
        "$PY" -m venv "$VENV"
    fi
    local stamp="$VENV/.masivo-installed-$extras"
    if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
        local started=$SECONDS
        say "Installing Masivo and its libraries (Qt, spreadsheets, phone numbers; about 300 MB, a minute or two)..."
        "$VENV/bin/python" -m pip install -q --upgrade pip
        "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]"
        touch "$stamp"
        say "Installed in $((SECONDS - started)) s."
    fi
    "$VENV/bin/python" "$ROOT/packaging/translations.py"
}
