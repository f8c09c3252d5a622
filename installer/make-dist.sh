#!/usr/bin/env bash
# `make dist` after the build venv and the .qm files are ready:
#
#   installer/make-dist.sh BUILD_VENV [START_RUNS]
#
# 1. PyInstaller builds dist/noodpost/ from build.spec with BUILD_VENV's Python;
# 2. the frozen program's self-test runs offscreen (`dist/noodpost/noodpost --selftest`);
# 3. installer/deb/build-deb.sh makes dist/noodpost_<version>_<arch>.deb;
# 4. the figures: the one-folder size, the build time, the time of `noodpost --version` (the
#    command line's start: Python, the program's modules, no Qt), of the self-test, and of
#    the GUI's start until the setup wizard is on an X screen (installer/measure-start.sh,
#    START_RUNS runs, under Xvfb when it is installed). The load average is printed with
#    them: on a busy machine every figure is larger.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:?usage: make-dist.sh BUILD_VENV [START_RUNS]}
start_runs=${2:-3}
program=dist/noodpost/noodpost

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
seconds() { printf '%d.%01d' $(( ($2 - $1) / 1000000000 )) $(( ($2 - $1) / 100000000 % 10 )); }

echo "== pyinstaller build.spec"
t0=$(now)
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build build.spec
t1=$(now)

echo "== $program --selftest (offscreen)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
QT_QPA_PLATFORM=offscreen NOODPOST_LOG_DIR="$work/log" "$program" --selftest "$work"
t2=$(now)

version_ms=()
for _ in 1 2 3; do
    a=$(now)
    NOODPOST_LOG_DIR="$work/log" "$program" --version >/dev/null
    version_ms+=("$(ms "$a" "$(now)")")
done

echo "== the GUI's start (installer/measure-start.sh)"
if command -v Xvfb >/dev/null && command -v xwininfo >/dev/null; then
    if ! gui=$(bash installer/measure-start.sh "$program" "$start_runs"); then
        echo "$gui"
        exit 1
    fi
    echo "$gui"
else
    gui="not measured: Xvfb or xwininfo (packages xvfb, x11-utils) is not installed"
fi

echo "== installer/deb/build-deb.sh"
deb=$(bash installer/deb/build-deb.sh dist)
echo "$deb"

echo "== figures (load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
echo "one-folder size:         $(du -sh dist/noodpost | cut -f1)  (dist/noodpost/)"
echo "package:                 $deb"
echo "pyinstaller build:       $(seconds "$t0" "$t1") s"
echo "self-test (frozen):      $(seconds "$t1" "$t2") s, the program's whole run"
echo "noodpost --version:      ${version_ms[*]} ms (three runs)"
echo "GUI start to wizard:     $(echo "$gui" | sed -n 's/.*: \([0-9]* ms\)$/\1/p' | paste -sd' ' || true)"
[[ "$gui" == not* ]] && echo "  ($gui)"
exit 0
