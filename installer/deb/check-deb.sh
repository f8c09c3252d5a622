#!/usr/bin/env bash
# Install the built .deb on this machine, run the installed program's self-test, remove it.
#
#   installer/deb/check-deb.sh [DIST]          (needs root; `make dist-check` calls it)
#
# What a user gets: `dpkg -i` puts the program in /opt/noodpost with `noodpost` on the PATH;
# `/usr/bin/noodpost --selftest` must pass there (offscreen), and the GUI must show its setup
# wizard on an X screen with the libraries the package depends on (installer/measure-start.sh,
# one run, when Xvfb is installed). Missing Depends are installed with apt-get first, as
# `apt install ./noodpost_….deb` would. A package that was installed before is left installed
# (now this build); otherwise the package is removed again at the end. Without root it says
# so and does nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dist=${1:-$root/dist}
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$root/noodpost/__init__.py")
deb="$dist/noodpost_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "check-deb: $deb is missing; run make dist first" >&2; exit 1; }
if [ "$(id -u)" != 0 ]; then
    echo "check-deb: skipped, installing $deb with dpkg -i needs root"
    exit 0
fi

# The Depends, without version constraints: install those that are missing.
missing=()
for dep in $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/(.*)//; s/ //g'); do
    dpkg -s "$dep" >/dev/null 2>&1 || missing+=("$dep")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

was_installed=""
dpkg -s noodpost >/dev/null 2>&1 && was_installed=yes
work=$(mktemp -d)
cleanup() {
    rm -rf "$work"
    if [ -z "$was_installed" ] && dpkg -s noodpost >/dev/null 2>&1; then
        dpkg -r noodpost >/dev/null && echo "dpkg -r noodpost: removed again"
    fi
}
trap cleanup EXIT

echo "dpkg -i $deb"
dpkg -i "$deb" >/dev/null
command -v noodpost >/dev/null || { echo "check-deb: no noodpost on the PATH" >&2; exit 1; }
echo "== $(command -v noodpost) -> $(readlink -f "$(command -v noodpost)")"
cd "$work"  # not the source tree: the installed program must not find the sources
QT_QPA_PLATFORM=offscreen NOODPOST_LOG_DIR="$work/log" noodpost --selftest "$work/zelftest"
if command -v Xvfb >/dev/null && command -v xwininfo >/dev/null; then
    bash "$root/installer/measure-start.sh" /usr/bin/noodpost 1
fi
