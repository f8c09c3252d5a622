"""At rest (issue 20): another user of the laptop reads nothing of a post's data folder.

The real ``python -m noodpost`` in subprocesses started with the common umask 022, as a
desktop session starts it: ``find <data folder> -perm /077`` must find nothing, and what is
exported or backed up elsewhere with personal data is 0600 too.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")

POST = ["--role", "post", "--name", "Dorpshuis Ten Boer", "--code", "GR-0014"]
DEMO_COORDINATOR = "Anna Dijkstra"  # made by ``demo``, PIN 1234
DEMO_PIN = "1234"


def readable_by_others(folder: Path) -> list[str]:
    """``find folder -perm /077``: every file or folder others have any permission on."""
    paths = [folder]
    for top, dirs, files in os.walk(folder):
        paths += [Path(top) / name for name in (*dirs, *files)]
    modes = {path: stat.S_IMODE(path.lstat().st_mode) for path in paths}
    return [f"{oct(mode)} {path}" for path, mode in modes.items() if mode & 0o077]


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def noodpost(tmp_path: Path, *args: str | Path, stdin: str = "") -> str:
    """Run ``noodpost --data-dir tmp_path/post ARGS`` as a user with umask 022; its output."""
    env = {**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "logs")}
    env.pop("NOODPOST_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "noodpost", "--data-dir", str(tmp_path / "post"), *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
        umask=0o022,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_init_demo_backup_and_export_leave_nothing_for_other_users(tmp_path: Path) -> None:
    data_dir, logs = tmp_path / "post", tmp_path / "logs"

    noodpost(tmp_path, "init", *POST)
    noodpost(tmp_path, "demo", "--households", "12", "--days", "1")
    noodpost(tmp_path, "backup")
    stick = tmp_path / "stick"
    stick.mkdir()
    noodpost(tmp_path, "backup", stick)
    personal = ("--met-persoonsgegevens", "--coordinator", DEMO_COORDINATOR)
    noodpost(tmp_path, "export", "csv", tmp_path / "csv", *personal, stdin=f"{DEMO_PIN}\n")
    noodpost(tmp_path, "export", "xlsx", tmp_path / "lijst.xlsx", *personal, stdin=f"{DEMO_PIN}\n")
    [sealed] = stick.glob("*.npbk")
    code = (data_dir / "keys" / "herstelcode.txt").read_text().strip()
    noodpost(tmp_path, "restore", sealed, "--herstelcode", code, "--ja")  # opened in the folder

    assert mode_of(data_dir) == 0o700
    assert list((data_dir / "backups").glob("*.db")), "the backup was not made"
    assert readable_by_others(data_dir) == []
    assert mode_of(logs) == 0o700
    assert readable_by_others(logs) == []
    assert [mode_of(p) for p in stick.glob("*.npbk")] == [0o600]  # sealed, and private too
    assert mode_of(data_dir / "keys" / "herstelcode.txt") == 0o600
    exported = sorted((tmp_path / "csv").glob("*.csv"))
    assert exported, "nothing was exported"
    assert mode_of(tmp_path / "csv") == 0o700
    assert {p.name: mode_of(p) for p in exported} == {p.name: 0o600 for p in exported}
    assert mode_of(tmp_path / "lijst.xlsx") == 0o600


def test_a_data_folder_from_an_older_version_is_closed_on_the_next_start(
    tmp_path: Path,
) -> None:
    data_dir, logs = tmp_path / "post", tmp_path / "logs"
    noodpost(tmp_path, "init", *POST)
    noodpost(tmp_path, "backup")
    (data_dir / "noodpost.db-wal").write_bytes(b"")  # as left by a crash, 0644
    for folder in (data_dir, logs):  # what the older version left: 0755 and 0644
        for top, _dirs, files in os.walk(folder):
            os.chmod(top, 0o755)
            for name in files:
                os.chmod(Path(top) / name, 0o644)
    assert len(readable_by_others(data_dir)) >= 5  # folder, db, wal, backups/, a backup, keys
    assert readable_by_others(logs)

    noodpost(tmp_path, "status")

    assert readable_by_others(data_dir) == []
    assert readable_by_others(logs) == []
    assert mode_of(data_dir / "keys") == 0o700
    assert mode_of(data_dir / "noodpost.db") == 0o600
