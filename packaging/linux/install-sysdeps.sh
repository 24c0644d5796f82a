#!/usr/bin/env bash
# Installs the Debian libraries Qt needs (offscreen and X11), Xvfb for screenshots and Dovecot
# (the IMAP server the mail tests start on 127.0.0.1), if missing.
# Safe to run repeatedly; does nothing when everything is present or when not root.
set -euo pipefail
pkgs=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
      libxcb-render-util0 libxcb-image0 libxcb-xkb1 libxrender1 libxi6 libsm6 libice6
      fonts-noto-cjk xvfb xdotool dbus dunst
      dovecot-imapd openssl)
command -v dpkg-query >/dev/null || { echo "install-sysdeps: not a Debian system, skipped"; exit 0; }
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install-sysdeps: please install: sudo apt-get install ${missing[*]}" >&2
  exit 0
fi
echo "install-sysdeps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
