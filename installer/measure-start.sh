#!/usr/bin/env bash
# Time Noodpost from the start of its process until its first window is on an X screen.
#
#   installer/measure-start.sh PROGRAM [RUNS]       e.g. dist/noodpost/noodpost 3
#
# Each run starts PROGRAM on a new, empty data folder under a private Xvfb server with Qt's
# real xcb platform plugin (QT_QPA_PLATFORM unset), so the first window is the setup wizard
# "Noodpost inrichten". What is measured: from just before the process starts until that
# window is mapped (xwininfo, polled every 20 ms) — loading the program, Python, Qt and the
# wizard, as a volunteer waits for it. Prints one line per run; exits 1 when no window came
# within 60 s (which also shows that the xcb plugin or one of its libraries is missing).
# Needs Xvfb (package xvfb) and xwininfo (x11-utils).
set -euo pipefail
program=${1:?usage: measure-start.sh PROGRAM [RUNS]}
runs=${2:-3}
title="Noodpost inrichten"
limit=60  # seconds
for tool in Xvfb xwininfo; do
    command -v "$tool" >/dev/null || { echo "measure-start: $tool is missing"; exit 1; }
done
work=$(mktemp -d)
xvfb=""
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
# Xvfb picks a free display itself and writes its number once it accepts connections
# (-displayfd): a random display number could be taken, or the server not up in time.
start_xvfb() {
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    : >"$work/display"
    Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
    xvfb=$!
    for _ in $(seq 1 600); do
        [ -s "$work/display" ] && break
        kill -0 "$xvfb" 2>/dev/null || break
        sleep 0.05
    done
    if [ ! -s "$work/display" ]; then
        echo "measure-start: the Xvfb server did not start within 30 s:"
        sed 's/^/  /' "$work/xvfb.log"
        exit 1
    fi
    export DISPLAY=":$(head -n1 "$work/display")"
    if ! xwininfo -root >/dev/null 2>&1; then
        echo "measure-start: the Xvfb server on $DISPLAY does not answer"
        exit 1
    fi
}
unset QT_QPA_PLATFORM WAYLAND_DISPLAY
start_xvfb

shown() { xwininfo -root -tree 2>/dev/null | grep -q "\"$title\""; }
# One start of the program on data folder $1, output to $2: sets start and found (or "").
measure() {
    start=$(date +%s%N)
    found=""
    NOODPOST_DATA_DIR="$1" NOODPOST_LOG_DIR="$work/log" "$program" >"$2" 2>&1 &
    app=$!
    local deadline=$(( start + limit * 1000000000 ))
    while [ "$(date +%s%N)" -lt "$deadline" ]; do
        if shown; then found=$(date +%s%N); break; fi
        kill -0 "$app" 2>/dev/null || break
        sleep 0.02
    done
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=""
}
retried=""
for run in $(seq 1 "$runs"); do
    out="$work/out-$run"
    measure "$work/data-$run" "$out"
    if [ -z "$found" ] && [ -z "$retried" ] && grep -q "could not connect to display" "$out"; then
        # Seen twice in CI, on the second server of a run: the display had answered xwininfo
        # a moment before. Say what the server did, start a new one, and measure once more.
        alive=no; kill -0 "$xvfb" 2>/dev/null && alive=yes
        echo "measure-start: run $run could not reach $DISPLAY (Xvfb still running: $alive);" \
            "starting a new Xvfb and measuring again"
        retried=yes
        start_xvfb
        measure "$work/data-$run-again" "$out"
    fi
    if [ -z "$found" ]; then
        echo "measure-start: no window '$title' (run $run: the program ended, or $limit s passed); it said:"
        sed 's/^/  /' "$out"
        exit 1
    fi
    echo "start until the setup wizard is on screen (run $run): $(( (found - start) / 1000000 )) ms"
done
