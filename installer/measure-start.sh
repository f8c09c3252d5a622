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
# Xvfb picks a free display itself and writes its number once it accepts connections
# (-displayfd): a random display number could be taken, or the server not up in time.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
    kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 600); do
    [ -s "$work/display" ] && break
    kill -0 "$xvfb" 2>/dev/null || break
    sleep 0.05
done
if [ ! -s "$work/display" ]; then
    echo "measure-start: the Xvfb server did not start within 30 s"
    exit 1
fi
export DISPLAY=":$(head -n1 "$work/display")"
unset QT_QPA_PLATFORM WAYLAND_DISPLAY
if ! xwininfo -root >/dev/null 2>&1; then
    echo "measure-start: the Xvfb server on $DISPLAY does not answer"
    exit 1
fi

shown() { xwininfo -root -tree 2>/dev/null | grep -q "\"$title\""; }
for run in $(seq 1 "$runs"); do
    data="$work/data-$run"
    start=$(date +%s%N)
    NOODPOST_DATA_DIR="$data" NOODPOST_LOG_DIR="$work/log" "$program" >"$work/out-$run" 2>&1 &
    app=$!
    found=""
    deadline=$(( start + limit * 1000000000 ))
    while [ "$(date +%s%N)" -lt "$deadline" ]; do
        if shown; then found=$(date +%s%N); break; fi
        kill -0 "$app" 2>/dev/null || break
        sleep 0.02
    done
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=""
    if [ -z "$found" ]; then
        echo "measure-start: no window '$title' (run $run: the program ended, or $limit s passed); it said:"
        sed 's/^/  /' "$work/out-$run"
        exit 1
    fi
    echo "start until the setup wizard is on screen (run $run): $(( (found - start) / 1000000 )) ms"
done
