"""Running the real ``python -m noodpost`` on a data folder, and what a test compares after."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from noodpost.storage.digest import state_digest
from noodpost.storage.engine import open_database
from noodpost.storage.models import Event, Household, Person


def noodpost(
    data_dir: Path, *args: str | Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NOODPOST_LOG_DIR": str(data_dir.parent / "logs")}
    env.pop("NOODPOST_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "noodpost", "--data-dir", str(data_dir), *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def ok(data_dir: Path, *args: str | Path, stdin: str = "") -> str:
    done = noodpost(data_dir, *args, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return done.stdout


def refused(data_dir: Path, *args: str | Path) -> str:
    """Exit 1 and one Dutch line on stderr, no traceback; that line."""
    done = noodpost(data_dir, *args)
    assert done.returncode == 1, done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("noodpost: ")
    assert "Traceback" not in done.stderr
    return lines[0]


def folder_digest(folder: Path) -> str:
    """Every file's name, mode and bytes under ``folder`` ('absent' when there is none)."""
    if not folder.exists():
        return "absent"
    digest = hashlib.sha256()
    for top, dirs, files in sorted(os.walk(folder)):
        for name in sorted((*dirs, *files)):
            path = Path(top) / name
            digest.update(f"{path.relative_to(folder)}:{path.stat().st_mode}".encode())
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


def data_of(data_dir: Path) -> tuple[str, int, list[str]]:
    db = open_database(data_dir / "noodpost.db")
    try:
        with db.read() as session:
            found = [
                *session.scalars(select(Household.name)),
                *session.scalars(select(Person.name)),
            ]
            names = sorted(n for n in found if n)
            return state_digest(session), session.query(Event).count(), names
    finally:
        db.close()
