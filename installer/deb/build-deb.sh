#!/usr/bin/env bash
# Build the Debian package from the one-folder build:
#
#   installer/deb/build-deb.sh [DIST]        (DIST defaults to ./dist, holding noodpost/)
#
# Writes DIST/noodpost_<version>_<arch>.deb (version from noodpost/__init__.py) containing
#   /opt/noodpost/                      the frozen program (dist/noodpost/), unchanged
#   /usr/bin/noodpost                   a symlink to /opt/noodpost/noodpost
#   /usr/share/applications/noodpost.desktop
#   /usr/share/icons/hicolor/<n>x<n>/apps/noodpost.png and scalable/apps/noodpost.svg
# Install with `sudo apt install ./noodpost_<version>_amd64.deb` (apt fetches the Depends) or
# `dpkg -i` where they are present. The menu and icon caches are refreshed by the triggers of
# desktop-file-utils and hicolor-icon-theme, so the package needs no maintainer scripts.
#
# Depends: what the frozen program loads from the system rather than from /opt/noodpost.
# PyInstaller bundles most libraries of the build machine but never glibc, libxcb, OpenGL/EGL
# or the Wayland client libraries (checked with ldd over dist/noodpost/_internal); the xcb
# helper libraries Qt's xcb platform plugin needs are listed too, so a build machine that
# lacked one of them still yields a package that works. Fonts: the cards are drawn in DejaVu.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dist=$(cd "${1:-$root/dist}" && pwd)
onedir="$dist/noodpost"
[ -x "$onedir/noodpost" ] || {
    echo "build-deb: $onedir/noodpost is missing; build it first (make dist)" >&2
    exit 1
}

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/noodpost/__init__.py")
[ -n "$version" ] || { echo "build-deb: no __version__ in noodpost/__init__.py" >&2; exit 1; }
arch=$(dpkg --print-architecture)
# The frozen program needs at least the C library it was built against.
glibc=$(ldd --version | sed -n '1s/.* \([0-9][0-9]*\.[0-9][0-9]*\)$/\1/p')
maintainer=${NOODPOST_DEB_MAINTAINER:-"Noodpost-ontwikkelaars <noodpost@localhost>"}

depends=(
    "libc6 (>= ${glibc:-2.36})"
    libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
    libegl1 libgl1 libwayland-client0 libwayland-cursor0 libwayland-egl1
    libfontconfig1 fonts-dejavu-core
)
depends_line=$(printf '%s, ' "${depends[@]}")
depends_line=${depends_line%, }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg="$stage/noodpost"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin"
cp -a "$onedir" "$pkg/opt/noodpost"
ln -s /opt/noodpost/noodpost "$pkg/usr/bin/noodpost"
install -D -m 644 "$here/noodpost.desktop" "$pkg/usr/share/applications/noodpost.desktop"
icons="$root/resources/icons"
for png in "$icons"/noodpost-*.png; do
    size=$(basename "$png" .png)
    size=${size#noodpost-}
    install -D -m 644 "$png" "$pkg/usr/share/icons/hicolor/${size}x${size}/apps/noodpost.png"
done
install -D -m 644 "$icons/noodpost.svg" "$pkg/usr/share/icons/hicolor/scalable/apps/noodpost.svg"

# Everything readable by all; programs and libraries executable; nothing writable but by root.
chmod -R u=rwX,go=rX "$pkg"

installed_kb=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat >"$pkg/DEBIAN/control" <<EOF
Package: noodpost
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $installed_kb
Depends: $depends_line
Section: misc
Priority: optional
Description: registratie en synchronisatie voor lokale noodsteunpunten
 Noodpost runs a Dutch lokaal noodsteunpunt (L-NSP) on an ordinary laptop without
 any network: intake and household cards, supplies, needs, alarms, volunteers and
 the logbook. It synchronises with the coordinating post (C-NSP) over a USB stick
 or the network when one is there.
 .
 The program is installed in /opt/noodpost; start it from the menu or with
 'noodpost'. 'noodpost --selftest DIR' checks an installation without a screen.
EOF

out="$dist/noodpost_${version}_${arch}.deb"
# gzip: several times faster to build than xz for a few MB more, and every dpkg reads it.
dpkg-deb --root-owner-group -Zgzip -z6 --build "$pkg" "$out" >/dev/null
echo "$out ($(du -h "$out" | cut -f1), installs $((installed_kb / 1024)) MB)"
