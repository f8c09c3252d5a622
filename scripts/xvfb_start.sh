#!/usr/bin/env bash
# Start the real app under Xvfb on a data folder, sign in, and time the windows.
#   scripts/xvfb_start.sh DATA_DIR [PIN] [NAME]      (needs xvfb, x11-utils, xdotool)
# Prints the seconds until the sign-in window and until the main window "Noodpost — …".
set -u
data_dir=${1:?data folder}; pin=${2:-1234}; name=${3:-Anna}
display=:$((RANDOM % 400 + 100))
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill $app $xvfb 2>/dev/null' EXIT
export DISPLAY=$display; unset QT_QPA_PLATFORM; sleep 1
here=$(cd "$(dirname "$0")/.." && pwd)
start=$(date +%s.%N)
"$here/.venv/bin/noodpost" --data-dir "$data_dir" >/dev/null 2>&1 & app=$!
titles() { xwininfo -root -tree 2>/dev/null | grep -o '"Noodpost — [^"]*"'; }
wait_for() { for _ in $(seq 1 150); do titles | grep -q "$1" && return 0; sleep 0.1; done; return 1; }
wait_for "Noodpost — aanmelden" || { echo "no sign-in window"; exit 1; }
echo "sign-in window after $(echo "$(date +%s.%N) - $start" | bc) s"
sleep 0.5
xdotool type --delay 50 "$name"; xdotool key Return; sleep 0.3
xdotool type --delay 50 "$pin"; xdotool key Return
signed=$(date +%s.%N)
wait_for '— [^a][^"]*"$' || { echo "no main window"; titles; exit 1; }
echo "main window after $(echo "$(date +%s.%N) - $signed" | bc) s from the PIN"
titles | sort -u
