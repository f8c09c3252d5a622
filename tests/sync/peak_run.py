"""Run Noodpost's command line, then write this process's peak memory to a file.

``python peak_run.py PEAK_FILE ARGS...``: the peak is ``VmHWM`` from ``/proc/self/status`` in
kB, this process's own high-water mark (a child's ``ru_maxrss`` would also count the test
process it was forked from).
"""

from __future__ import annotations

import sys
from pathlib import Path

from noodpost.cli import main


def _peak_kb() -> str:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return line.split()[1]
    raise RuntimeError("no VmHWM in /proc/self/status")


if __name__ == "__main__":
    code: int | str | None = 1
    try:
        code = main(sys.argv[2:])
    except SystemExit as leaving:
        code = leaving.code
    finally:
        Path(sys.argv[1]).write_text(_peak_kb())
    sys.exit(code)
