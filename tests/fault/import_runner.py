"""The process that gets killed: import one bundle into a hub's data folder.

This is what ``noodpost --data-dir DIR sync import FILE`` does, reduced to the import itself:
open the database, load the keys, then ``SyncService.import_usb``. It reports on stdout, one
line each, so the parent can aim its ``kill -9`` at the import and nothing else:

- ``go <pid>`` — the database is open and the keys are loaded; the import starts now;
- ``done <seconds> <status> <applied>`` — the import returned (it committed).

Two ways to run it:

``python import_runner.py DATA_DIR BUNDLE CLOCK_ISO``
    one import in a fresh interpreter.
``python import_runner.py --serve``
    a warm server: it loads Noodpost once, then for every line ``DATA_DIR<TAB>BUNDLE<TAB>CLOCK``
    on stdin it forks a child that does one import exactly as above (the child is the process
    to kill), waits for it and prints ``exit <pid> <returncode>``. This saves the interpreter's
    start (about a second) per trial; the import itself is the same code in its own process.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from noodpost.core.clock import FixedClock, parse_iso
from noodpost.storage.engine import open_database
from noodpost.storage.node import database_path
from noodpost.sync.service import SyncService


def say(line: str) -> None:
    """One line to stdout in one ``write`` (atomic on a pipe below PIPE_BUF bytes).

    ``print(..., flush=True)`` may write the text and its newline separately: a child killed
    between them left ``commit 5 …`` without its newline, the server's ``exit …`` line was
    glued to it, and the test waited for ever for an ``exit`` line (CI ran out of its time).
    """
    os.write(sys.stdout.fileno(), (line + "\n").encode())


def import_once(data_dir: Path, bundle: Path, clock_iso: str) -> None:
    db = open_database(database_path(data_dir))
    try:
        sync = SyncService(db, FixedClock(parse_iso(clock_iso)), data_dir)
        sync.keys  # noqa: B018 — load the keys before the window in which we get killed
        say(f"go {os.getpid()}")
        started = time.perf_counter()
        result = sync.import_usb(bundle)
        elapsed = time.perf_counter() - started
        [outcome] = result.outcomes
        say(f"done {elapsed:.6f} {outcome.status.value} {outcome.applied}")
    finally:
        db.close()


def serve() -> None:
    say("ready")
    for line in sys.stdin:
        if not line.strip():
            continue
        data_dir, bundle, clock_iso = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:  # the child: one import, then leave without running the server's code
            code = 1
            try:
                import_once(Path(data_dir), Path(bundle), clock_iso)
                code = 0
            except BaseException as failed:  # report, never fall back into the server loop
                say(f"error {type(failed).__name__}: {failed}")
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {os.waitstatus_to_exitcode(status)}")


def main(argv: list[str]) -> int:
    if argv == ["--serve"]:
        serve()
        return 0
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    import_once(Path(argv[0]), Path(argv[1]), argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
