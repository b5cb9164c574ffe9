#!/bin/sh
# Install the built Taiyaku folder so it starts from the desktop menu.
#
#   packaging/linux/install.sh [--prefix DIR] [DIST]     install (default: ~/.local, dist/Taiyaku)
#   packaging/linux/install.sh [--prefix DIR] --uninstall
#
# Puts the folder in DIR/lib/taiyaku, a `taiyaku` link in DIR/bin, and the
# desktop entry, AppStream metadata and icons under DIR/share. Use
# `sudo packaging/linux/install.sh --prefix /usr/local` for every user.
set -eu
APP_ID=io.github.taiyaku.Taiyaku
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PREFIX="$HOME/.local"
DIST="$ROOT/dist/Taiyaku"
UNINSTALL=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        --uninstall) UNINSTALL=1; shift ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) DIST=$1; shift ;;
    esac
done
LIB="$PREFIX/lib/taiyaku"
SHARE="$PREFIX/share"

refresh() {
    # Menus pick new entries up by themselves on most desktops; these speed it up.
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
}

if [ "$UNINSTALL" = 1 ]; then
    rm -rf "$LIB"
    rm -f "$PREFIX/bin/taiyaku" "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
    rm -f "$SHARE"/icons/hicolor/*/apps/"$APP_ID".png "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
    refresh
    echo "Taiyaku removed from $PREFIX (your database in ~/.local/share/Taiyaku is kept)"
    exit 0
fi

if [ ! -x "$DIST/taiyaku" ]; then
    echo "install.sh: no built app at $DIST; run: python packaging/build.py" >&2
    exit 1
fi
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/icons/hicolor/scalable/apps"
rm -rf "$LIB.new"
cp -a "$DIST" "$LIB.new"
rm -rf "$LIB"
mv "$LIB.new" "$LIB"
ln -sf "$LIB/taiyaku" "$PREFIX/bin/taiyaku"
# Menus do not always have ~/.local/bin on PATH: point the entry at the program itself.
sed -e "s|^Exec=taiyaku|Exec=$LIB/taiyaku|" -e "s|^TryExec=taiyaku|TryExec=$LIB/taiyaku|" \
    "$HERE/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp "$ROOT/resources/icons/taiyaku.svg" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
for png in "$ROOT"/resources/icons/hicolor/*/apps/"$APP_ID".png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    mkdir -p "$SHARE/icons/hicolor/$size/apps"
    cp "$png" "$SHARE/icons/hicolor/$size/apps/"
done
refresh
echo "Taiyaku installed in $LIB; start it from the menu or with: $PREFIX/bin/taiyaku"
