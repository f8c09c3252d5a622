"""The process that gets killed: many desk writes, an export or a backup in one data folder.

Operations (``OP``):

- ``intake``: register households ``Huishouden <n>`` for n = START … START+COUNT-1, one
  service call (one transaction) each, as the desk does;
- ``handout``: hand one food package to each household ``Klant <n>`` (one call each);
- ``export``: ``noodpost sync export TARGET`` — one cumulative bundle for the hub;
- ``backup``: ``noodpost backup TARGET`` — one verified copy of the database.

It reports on stdout, one line each, flushed — so the parent knows what was committed before
the kill:

- ``go <pid>`` — the database is open; the writes start now;
- ``commit <n> <id>`` — write n has returned, so it is committed (``id``: the household,
  hand-out, bundle file or backup file it made);
- ``present <n>`` — write n was refused as already done (only when re-running after a kill:
  the desk's own duplicate warning);
- ``done <seconds>`` — all writes returned.

Two ways to run it, as ``import_runner.py``:

``python write_runner.py OP DATA_DIR TARGET CLOCK_ISO START COUNT``
    the writes in a fresh interpreter;
``python write_runner.py --serve``
    a warm server that forks one child per line ``OP<TAB>DATA_DIR<TAB>TARGET<TAB>CLOCK<TAB>
    START<TAB>COUNT`` on stdin, waits for it and prints ``exit <pid> <returncode>``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from import_runner import say
from sqlalchemy import select

from noodpost.config import Settings
from noodpost.core.clock import FixedClock, parse_iso
from noodpost.core.errors import NeedsConfirmation
from noodpost.services.backup import BackupService
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.supplies import SuppliesService
from noodpost.storage.engine import Database, open_database
from noodpost.storage.models import Household
from noodpost.storage.node import database_path
from noodpost.sync.service import SyncService

HANDOUT_ITEM = "food_package"  # one a day per household: a second one needs a reason
Say = Callable[[str], None]


def intake_fields(n: int) -> dict[str, object]:
    """What the desk types for household n (the same every time: a re-run finds the double)."""
    return {
        "size": 1 + n % 6,
        "name": f"Huishouden {n}",
        "birth_year": 1930 + n % 80,
        "postcode": f"{9700 + n % 100} AB",
    }


def client_name(n: int) -> str:
    return f"Klant {n:04d}"


def _intake(db: Database, clock: FixedClock, start: int, count: int, out: Say) -> None:
    intake = IntakeService(ServiceContext(db, clock))
    out(f"go {os.getpid()}")
    for n in range(start, start + count):
        try:
            made = intake.register(**intake_fields(n))  # type: ignore[arg-type]
        except NeedsConfirmation:
            out(f"present {n}")
            continue
        out(f"commit {n} {made.household_id}")


def _handout(db: Database, clock: FixedClock, start: int, count: int, out: Say) -> None:
    supplies = SuppliesService(ServiceContext(db, clock))
    with db.read() as session:
        ids = {name: hid for hid, name in session.execute(select(Household.id, Household.name))}
    households = [ids[client_name(n)] for n in range(start, start + count)]
    out(f"go {os.getpid()}")
    for n, household in zip(range(start, start + count), households, strict=True):
        try:
            given = supplies.hand_out(household, HANDOUT_ITEM)
        except NeedsConfirmation:
            out(f"present {n}")
            continue
        out(f"commit {n} {given.id}")


def _export(db: Database, clock: FixedClock, data_dir: Path, target: Path, out: Say) -> None:
    sync = SyncService(db, clock, data_dir)
    sync.keys  # noqa: B018 — load the keys before the window in which we get killed
    out(f"go {os.getpid()}")
    result = sync.export_usb(target)
    [written] = result.written
    out(f"commit 0 {written.path}")


def _backup(db: Database, clock: FixedClock, data_dir: Path, target: Path, out: Say) -> None:
    """``noodpost --data-dir DATA_DIR backup TARGET``: one backup in a folder the user chose."""
    backups = BackupService(ServiceContext(db, clock), data_dir, Settings.load(data_dir))
    out(f"go {os.getpid()}")
    report = backups.backup_now(target)
    [written] = report.written
    out(f"commit 0 {written}")


@contextmanager
def opened(data_dir: Path) -> Iterator[Database]:
    db = open_database(database_path(data_dir))
    try:
        yield db
    finally:
        db.close()


def run(
    op: str, data_dir: Path, target: Path, clock_iso: str, start: int, count: int, out: Say = say
) -> None:
    """Perform the writes of ``op``; also called in the test process to re-run after a kill."""
    clock = FixedClock(parse_iso(clock_iso))
    with opened(data_dir) as db:
        started = time.perf_counter()
        if op == "intake":
            _intake(db, clock, start, count, out)
        elif op == "handout":
            _handout(db, clock, start, count, out)
        elif op == "export":
            _export(db, clock, data_dir, target, out)
        elif op == "backup":
            _backup(db, clock, data_dir, target, out)
        else:
            raise ValueError(f"unknown operation {op}")
        out(f"done {time.perf_counter() - started:.6f}")


def _run_line(fields: list[str]) -> None:
    op, data_dir, target, clock_iso, start, count = fields
    run(op, Path(data_dir), Path(target), clock_iso, int(start), int(count))


def serve() -> None:
    say("ready")
    for line in sys.stdin:
        if not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:  # the child: the writes, then leave without running the server's code
            code = 1
            try:
                _run_line(fields)
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
    if len(argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        _run_line(argv)
    except Exception as failed:
        say(f"error {type(failed).__name__}: {failed}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
