"""A full disk during ``noodpost sync export``: a clear Dutch line, no file under the final name,
the database untouched — and once there is room, the same command succeeds.

Two ways to fill the disk, both through the real command in a subprocess:

- ``RLIMIT_FSIZE``: the process may not write past a set size (SIGXFSZ ignored, so a write fails
  with ``EFBIG`` — an ``OSError`` like ``ENOSPC``). Works everywhere on Linux without privileges.
- a real small file system: a 256 kB ``tmpfs`` as the stick, filled up first, so the write
  fails with ``ENOSPC``. Mounting needs root; without it this variant is skipped, with the reason.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from killkit import START
from writekit import WriteScene, build_write_scene, check_bundle

from noodpost.core.clock import FixedClock
from noodpost.logs import LOG_DIR_ENV
from noodpost.storage.digest import state_digest
from noodpost.storage.engine import open_database
from noodpost.storage.eventlog import count_events
from noodpost.storage.node import check_home, database_path
from noodpost.sync.service import SyncService

#: About 4 events a household: a bundle of some 56 kB, larger than the room we leave.
#: The database needs room too: its shared-memory file alone is 32 kB.
FILE_LIMIT = 48 * 1024
NOODPOST = (sys.executable, "-m", "noodpost")
HOUSEHOLDS = 400
SMALL_DISK = "256k"


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> WriteScene:
    """A closed post, paired with a hub that approved it, with a morning's work to export."""
    return build_write_scene(
        tmp_path_factory.mktemp("full") / "scene", "export", households=HOUSEHOLDS
    )


@dataclass(frozen=True)
class Post:
    data_dir: Path
    logs: Path


@pytest.fixture
def post(scene: WriteScene, tmp_path: Path) -> Post:
    """A copy of the post, opened once so the command does not start a new incarnation."""
    data_dir = scene.copy_to(tmp_path / "post")
    db = open_database(database_path(data_dir))
    try:
        check_home(db)
    finally:
        db.close()
    return Post(data_dir, tmp_path / "logs")


def _state(data_dir: Path) -> tuple[str, int, str]:
    db = open_database(database_path(data_dir))
    try:
        with db.read() as session:
            return db.integrity_check(), count_events(session), state_digest(session)
    finally:
        db.close()


def _limit_file_size(limit: int) -> Callable[[], None]:
    def limit_in_child() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_in_child


def _export(
    post: Post, stick: Path, limit: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """``noodpost --data-dir POST sync export STICK`` in its own process."""
    return subprocess.run(
        [*NOODPOST, "--data-dir", str(post.data_dir), "sync", "export", str(stick)],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {LOG_DIR_ENV: str(post.logs)},
        preexec_fn=limit,
        check=False,
    )


def _backup(
    post: Post, folder: Path, limit: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """``noodpost --data-dir POST backup FOLDER`` in its own process."""
    return subprocess.run(
        [*NOODPOST, "--data-dir", str(post.data_dir), "backup", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {LOG_DIR_ENV: str(post.logs)},
        preexec_fn=limit,
        check=False,
    )


def _assert_backup_refused_cleanly(
    post: Post, folder: Path, done: subprocess.CompletedProcess[str], before: tuple[str, int, str]
) -> None:
    assert done.returncode == 1, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert "Traceback" not in done.stderr
    assert line.startswith(f"noodpost: De back-up naar {folder} is niet gelukt")
    assert "geen half bestand" in line
    assert _files(folder) == [], "a backup that failed left files"
    assert _state(post.data_dir) == before


def _files(stick: Path) -> list[Path]:
    return sorted(p for p in stick.rglob("*") if p.is_file())


def _assert_refused_cleanly(
    post: Post, stick: Path, done: subprocess.CompletedProcess[str], before: tuple[str, int, str]
) -> None:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert lines[0].startswith("noodpost: Schrijven naar ")
    assert "niet vol is" in lines[0]
    assert done.stdout == ""
    assert _files(stick) == [], "an export that failed left files on the stick"
    assert _state(post.data_dir) == before, "the database changed"
    assert before[0] == "ok"


def _assert_exports_with_room(post: Post, stick: Path, scene: WriteScene) -> None:
    """The same export, with room now: one complete bundle (in this process: it is faster)."""
    db = open_database(database_path(post.data_dir))
    try:
        SyncService(db, FixedClock(START), post.data_dir).export_usb(stick)
    finally:
        db.close()
    [bundle] = [p for p in _files(stick) if p.name != "foto.jpg"]
    check_bundle(scene, bundle)


def test_a_file_size_limit_fails_the_export_cleanly(
    post: Post, scene: WriteScene, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    before = _state(post.data_dir)
    assert _bundle_size(post, scene) > FILE_LIMIT + 4096  # so it fails part-way through
    done = _export(post, stick, _limit_file_size(FILE_LIMIT))
    _assert_refused_cleanly(post, stick, done, before)
    _assert_exports_with_room(post, stick, scene)


def test_a_full_data_disk_gives_one_dutch_line_not_an_unexpected_error(
    post: Post, tmp_path: Path
) -> None:
    """Too little room for even the database's shared-memory file: SQLite fails, and the
    command says the disk is full (not "onverwachte fout"), exit 1, the database untouched."""
    stick = tmp_path / "stick"
    stick.mkdir()
    before = _state(post.data_dir)
    done = _export(post, stick, _limit_file_size(8 * 1024))
    assert done.returncode == 1, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("noodpost: Er kan niet naar de schijf worden geschreven")
    assert "Maak ruimte vrij" in line
    assert "Traceback" not in done.stderr
    assert _files(stick) == []
    assert _state(post.data_dir) == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A ``tmpfs`` of 256 kB mounted as the stick (root only)."""
    mount, umount = shutil.which("mount"), shutil.which("umount")
    if os.geteuid() != 0 or mount is None or umount is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8); the RLIMIT test covers it")
    stick = tmp_path / "small-stick"
    stick.mkdir()
    made = subprocess.run(
        [mount, "-t", "tmpfs", "-o", f"size={SMALL_DISK}", "tmpfs", str(stick)],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({made.stderr.strip()}); the RLIMIT test covers it")
    try:
        yield stick
    finally:
        subprocess.run([umount, str(stick)], check=True)


def _bundle_size(post: Post, scene: WriteScene) -> int:
    db = open_database(database_path(post.data_dir))
    try:
        return len(
            SyncService(db, FixedClock(START), post.data_dir).build_bundle(scene.hub_id).data
        )
    finally:
        db.close()


@pytest.mark.parametrize("room", ["none", "half"])
def test_a_full_stick_fails_the_export_cleanly_and_it_works_once_there_is_room(
    room: str, post: Post, scene: WriteScene, small_disk: Path
) -> None:
    """``none``: the stick is full before we start (not even the folders fit); ``half``: room
    for the folders and half the bundle — the disk fills up while the file is written."""
    free = shutil.disk_usage(small_disk).free
    spare = 0 if room == "none" else _bundle_size(post, scene) // 2
    filler = small_disk / "foto.jpg"
    with filler.open("wb") as out, contextlib.suppress(OSError):  # leave ``spare`` bytes free
        out.write(os.urandom(free - spare))
    before = _state(post.data_dir)
    done = _export(post, small_disk)
    filler.unlink()
    _assert_refused_cleanly(post, small_disk, done, before)
    _assert_exports_with_room(post, small_disk, scene)


def test_the_next_export_removes_what_a_failed_or_killed_one_left(
    post: Post, scene: WriteScene, tmp_path: Path
) -> None:
    """A ``.partial`` bundle left on the stick (the process was killed mid-write, or the stick
    was pulled) is never read; the next export removes it and writes a complete bundle."""
    outbox = tmp_path / "stick" / "NOODPOST" / "GR-0014" / "outbox"
    outbox.mkdir(parents=True)
    stale = outbox / "20261128T090000Z-0b8a.npb.partial"
    stale.write_bytes(b"\x89NPB half a bundle")
    _assert_exports_with_room(post, tmp_path / "stick", scene)
    assert not stale.exists()


def test_a_file_size_limit_fails_the_backup_cleanly(post: Post, tmp_path: Path) -> None:
    """The copy grows past 48 kB and the write fails (``EFBIG``) while the backup is made."""
    folder = tmp_path / "backups"
    folder.mkdir()
    before = _state(post.data_dir)
    _assert_backup_refused_cleanly(
        post, folder, _backup(post, folder, _limit_file_size(FILE_LIMIT)), before
    )
    done = _backup(post, folder)
    assert done.returncode == 0, done.stderr
    [made] = _files(folder)
    assert made.suffix == ".npbk"  # a folder outside the data folder: sealed


def test_a_full_stick_fails_the_backup_cleanly(post: Post, small_disk: Path) -> None:
    """A 256 kB stick cannot hold a backup of this database: refused, nothing left on it."""
    before = _state(post.data_dir)
    done = _backup(post, small_disk)
    _assert_backup_refused_cleanly(post, small_disk, done, before)
    assert "vol" in done.stderr
