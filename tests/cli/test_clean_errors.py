"""A user's situation is one Dutch line and exit 1, never "onverwachte fout" (issue 20)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

NOODPOST = (sys.executable, "-m", "noodpost")


@pytest.fixture
def noodpost(tmp_path: Path) -> Any:
    env = {**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "logs")}

    def run(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*NOODPOST, "--data-dir", str(data_dir), *map(str, args)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    return run


def one_dutch_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "onverwachte fout" not in lines[0]
    return lines[0]


INIT = ("init", "--role", "post", "--name", "Ten Boer", "--code", "GR-0014")


def test_a_data_folder_that_is_a_file(noodpost: Any, tmp_path: Path) -> None:
    afile = tmp_path / "noodpost-data"
    afile.write_text("boodschappenlijst\n")
    for args in (INIT, ("status",), ("demo", "--households", "2", "--days", "1")):
        line = one_dutch_line(noodpost(afile, *args))
        assert "is een bestand, geen map" in line
    assert afile.read_text() == "boodschappenlijst\n"


def test_a_capacity_beyond_any_hall_is_refused_before_anything_is_made(
    noodpost: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "post"
    line = one_dutch_line(noodpost(folder, *INIT, "--capacity", "99999999999999999999999"))
    assert "De capaciteit is te groot: hooguit 100.000 personen" in line
    assert not folder.exists()


def test_a_folder_named_like_the_database_is_not_called_damaged(
    noodpost: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "post"
    (folder / "noodpost.db").mkdir(parents=True)
    (folder / "noodpost.db" / "foto.jpg").write_bytes(b"\xff\xd8")
    line = one_dutch_line(noodpost(folder, "status"))
    assert "noodpost.db is geen databasebestand" in line
    assert "beschadigd" not in line
    assert "niet verder in gebruik" not in line
    assert (folder / "noodpost.db" / "foto.jpg").read_bytes() == b"\xff\xd8"


def test_a_read_only_data_folder(noodpost: Any, tmp_path: Path) -> None:
    """A data folder on a write-protected stick or a read-only mount (root, as CI, mounts one)."""
    if os.geteuid() != 0:
        pytest.skip("a read-only mount needs root (CI runs as root)")
    source, folder = tmp_path / "post", tmp_path / "read-only"
    assert noodpost(source, *INIT).returncode == 0
    folder.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(source), str(folder)], check=False)
    if mounted.returncode != 0:
        pytest.skip("bind mounts are not allowed here")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        for args in (("status",), ("demo", "--households", "2", "--days", "1")):
            line = one_dutch_line(noodpost(folder, *args))
            assert "kan Noodpost niet schrijven (alleen-lezen)" in line
    finally:
        subprocess.run(["umount", str(folder)], check=False)
    assert noodpost(source, "status").returncode == 0  # nothing changed by trying
