#!/usr/bin/env bash
# Install RunStrength Desktop for this user (no root needed): run it from the unpacked bundle.
#   ./install.sh                 copy the app to ~/.local/lib/runstrength-desktop, put
#                                runstrength-desktop in ~/.local/bin and the app in the menu
#   ./install.sh --prefix DIR    the same under DIR instead of ~/.local
#   ./install.sh --uninstall     remove all of it again (your logbook stays where it is)
set -euo pipefail

APP_ID=io.github.runstrength.RunStrengthDesktop
NAME=runstrength-desktop
prefix="$HOME/.local"
uninstall=no
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
        --uninstall) uninstall=yes; shift ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

here="$(cd "$(dirname "$0")" && pwd -P)"
app_dir="$prefix/lib/$NAME"
share="$prefix/share"
sizes="16 32 48 64 128 256 512"

refresh_caches() {   # menus and icon themes notice new files sooner; harmless where missing
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "$uninstall" = yes ]; then
    rm -f "$prefix/bin/$NAME" "$share/applications/$APP_ID.desktop" \
          "$share/metainfo/$APP_ID.metainfo.xml" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $sizes; do rm -f "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"; done
    rm -rf "$app_dir"
    refresh_caches
    echo "removed RunStrength Desktop from $prefix"
    exit 0
fi

[ -x "$here/$NAME" ] || { echo "install.sh: run me from the unpacked bundle ($here/$NAME is missing)" >&2; exit 2; }
mkdir -p "$app_dir"
if [ "$here" != "$(cd "$app_dir" && pwd -P)" ]; then   # not already running from there
    rm -rf "$app_dir"
    cp -a "$here" "$app_dir"
fi
mkdir -p "$prefix/bin" "$share/applications" "$share/metainfo"
ln -sfn "$app_dir/$NAME" "$prefix/bin/$NAME"
# The menu starts the installed binary by its full path: ~/.local/bin is not on every
# desktop session's PATH.
sed "s|^Exec=.*|Exec=\"$app_dir/$NAME\"|" "$here/share/applications/$APP_ID.desktop" \
    > "$share/applications/$APP_ID.desktop"
cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$share/metainfo/"
for size in $sizes scalable; do
    folder="$size"; [ "$size" = scalable ] || folder="${size}x${size}"
    mkdir -p "$share/icons/hicolor/$folder/apps"
    cp "$here/share/icons/hicolor/$folder/apps/"* "$share/icons/hicolor/$folder/apps/"
done
refresh_caches
echo "installed RunStrength Desktop $("$app_dir/$NAME" --version | awk '{print $2}') in $app_dir"
echo "start it from the applications menu, or run $prefix/bin/$NAME"
