"""Guessing a coordinator's PIN through the command line, one process per guess.

Each ``noodpost export csv --met-persoonsgegevens --coordinator NAME`` is a new process that reads
the PIN from stdin; before the lock was kept in the database every one of them said "nog 4
pogingen" and the right PIN then worked. The child's wall clock is the only thing faked: it is set
from the test (the real ``python -m noodpost`` runs with ``SystemClock.now`` returning that time).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from support import FAST_HASHER, make_node

from noodpost.core.clock import FixedClock
from noodpost.services.base import ServiceContext
from noodpost.services.pins import LOCK_STEPS, MAX_ATTEMPTS
from noodpost.services.volunteers import VolunteersService

COORDINATOR = "Anna Dijkstra"
PIN = "2468"
WRONG = ["1357", "0000", "9999", "1234", "8642"]

#: ``python -m noodpost ARGS`` with the wall clock at the ISO time given as the first argument.
_AT_TIME = """
import runpy, sys
from datetime import datetime
from noodpost.core import clock
moment = datetime.fromisoformat(sys.argv.pop(1))
clock.SystemClock.now = lambda self: moment
sys.argv[0] = "noodpost"
runpy.run_module("noodpost", run_name="__main__", alter_sys=True)
"""

Run = Callable[[datetime, str, str], subprocess.CompletedProcess[str]]


@pytest.fixture
def post(tmp_path: Path) -> Path:
    """A post whose coordinator is Anna; its data folder."""
    clock = FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    db = make_node(tmp_path / "post", clock)
    try:
        hasher = FAST_HASHER
        VolunteersService(ServiceContext(db, clock), hasher=hasher).add_volunteer(
            COORDINATOR, "coordinator", PIN
        )
    finally:
        db.close()
    return tmp_path / "post"


@pytest.fixture
def export(post: Path, tmp_path: Path) -> Run:
    """Export with personal data as Anna at ``moment``, ``pin`` on stdin, into ``folder``."""
    env = {**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "logs")}
    env.pop("NOODPOST_DATA_DIR", None)

    def run(moment: datetime, pin: str, folder: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                *(sys.executable, "-c", _AT_TIME, moment.isoformat(), "--data-dir", str(post)),
                *("export", "csv", str(tmp_path / folder), "--met-persoonsgegevens"),
                *("--coordinator", COORDINATOR),
            ],
            input=f"{pin}\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    return run


def refused(done: subprocess.CompletedProcess[str], phrase: str) -> None:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert phrase in lines[0], lines[0]
    assert PIN not in lines[0]


def test_guessing_in_separate_processes_locks_and_each_lock_lasts_longer(
    export: Run, tmp_path: Path
) -> None:
    start = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    for n, guess in enumerate(WRONG[: MAX_ATTEMPTS - 1], start=1):
        left = MAX_ATTEMPTS - n
        refused(export(start, guess, "x"), f"nog {left} {'poging' if left == 1 else 'pogingen'}")
    refused(export(start, WRONG[-1], "x"), "inloggen 60 seconden geblokkeerd")

    # Locked: the right PIN is refused and the export is not written.
    refused(export(start + timedelta(seconds=20), PIN, "x"), "nog 40 seconden geblokkeerd")
    assert not (tmp_path / "x").exists()

    # After the lock, five more wrong guesses lock again, for longer.
    later = start + timedelta(seconds=LOCK_STEPS[0])
    for guess in WRONG[: MAX_ATTEMPTS - 1]:
        refused(export(later, guess, "x"), "Pincode onjuist")
    refused(export(later, WRONG[-1], "x"), "inloggen 5 minuten geblokkeerd")
    refused(export(later + timedelta(minutes=2), PIN, "x"), "nog 3 minuten geblokkeerd")
    assert not (tmp_path / "x").exists()

    done = export(later + timedelta(seconds=LOCK_STEPS[1]), PIN, "x")
    assert done.returncode == 0, done.stderr
    assert "met persoonsgegevens" in done.stdout
    assert (tmp_path / "x").is_dir()
