#!/usr/bin/env bash
# AppImage recipe: wraps the PyInstaller one-folder app (dist/deskmate, from `make package`)
# in an AppDir and packs it with appimagetool.
#
#   make package && packaging/appimage/build-appimage.sh        # -> dist/Deskmate-x86_64.AppImage
#   APPDIR_ONLY=1 packaging/appimage/build-appimage.sh          # stop after dist/Deskmate.AppDir
#
# Needs appimagetool (https://github.com/AppImage/appimagetool/releases) on PATH or in
# $APPIMAGETOOL; it is not available in the offline build machine. The models are not inside:
# the app asks for a GGUF file on first start (README "Packaging"). Start on login from an
# AppImage runs $APPIMAGE (the runtime sets it), see assistant/autostart.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
ID=io.github.deskmate.Deskmate
BUNDLE=dist/deskmate
APPDIR=dist/Deskmate.AppDir
ARCH=${ARCH:-$(uname -m)}
[ -x "$BUNDLE/deskmate" ] || { echo "build-appimage: no $BUNDLE (run: make package)" >&2; exit 2; }

rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/bin" "$APPDIR/usr/share/applications" \
         "$APPDIR/usr/share/metainfo"
cp -a "$BUNDLE" "$APPDIR/usr/lib/deskmate"
cat >"$APPDIR/AppRun" <<'SH'
#!/bin/sh
# No arguments opens the window (the bundle's default); `Deskmate.AppImage doctor` etc. work too.
HERE=$(dirname "$(readlink -f "$0")")
exec "$HERE/usr/lib/deskmate/deskmate" "$@"
SH
chmod 755 "$APPDIR/AppRun"
ln -s ../lib/deskmate/deskmate "$APPDIR/usr/bin/deskmate"
install -m644 packaging/linux/$ID.desktop "$APPDIR/usr/share/applications/$ID.desktop"
install -m644 packaging/linux/$ID.desktop "$APPDIR/$ID.desktop"
install -m644 packaging/linux/$ID.metainfo.xml "$APPDIR/usr/share/metainfo/$ID.appdata.xml"
install -Dm644 resources/icons/deskmate.svg "$APPDIR/usr/share/icons/hicolor/scalable/apps/$ID.svg"
for s in 16 22 24 32 48 64 128 256 512; do
  install -Dm644 "packaging/icons/deskmate-$s.png" "$APPDIR/usr/share/icons/hicolor/${s}x${s}/apps/$ID.png"
done
install -m644 packaging/icons/deskmate-256.png "$APPDIR/$ID.png"
ln -sf "$ID.png" "$APPDIR/.DirIcon"
echo "build-appimage: $APPDIR ready"
[ -n "${APPDIR_ONLY:-}" ] && exit 0

TOOL=${APPIMAGETOOL:-$(command -v appimagetool || true)}
[ -n "$TOOL" ] || { echo "build-appimage: appimagetool not found (set APPIMAGETOOL)" >&2; exit 2; }
ARCH=$ARCH "$TOOL" "$APPDIR" "dist/Deskmate-$ARCH.AppImage"
echo "build-appimage: dist/Deskmate-$ARCH.AppImage"
