"""The start-up check: a damaged database is found, left untouched, and a good backup offered."""

from __future__ import annotations

import hashlib
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from noodpost.cli import main
from noodpost.config import Settings
from noodpost.core.clock import FixedClock
from noodpost.core.errors import UserError
from noodpost.services.backup import (
    BackupService,
    check_before_start,
    require_sound_database,
)
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import Database, startup_check
from noodpost.storage.node import database_path

PAGE = 4096


def corrupt(path: Path) -> None:
    """Overwrite the cell pointers of every page but the first: quick_check must object."""
    data = bytearray(path.read_bytes())
    for offset in range(PAGE, len(data), PAGE):
        data[offset + 8 : offset + 400] = b"\xa5" * 392
    path.write_bytes(bytes(data))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_sound_database_passes(db: Database, tmp_path: Path) -> None:
    check = startup_check(database_path(tmp_path / "post"))
    assert check.ok
    assert check.problem == ""
    assert db.quick_check() == "ok"
    assert startup_check(tmp_path / "nergens.db").ok  # nothing yet: nothing to check


def test_a_damaged_database_is_detected_left_untouched_and_the_newest_good_backup_offered(
    ctx: ServiceContext, db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    data_dir = tmp_path / "post"
    service = BackupService(ctx, data_dir, Settings())
    [older] = service.backup_now().written
    clock.advance(timedelta(minutes=15))
    ctx.db.backup_to(tmp_path / "scratch.db")  # make the next backup differ in time only
    [newest] = service.backup_now().written
    clock.advance(timedelta(minutes=15))
    [broken_backup] = service.backup_now().written
    corrupt(broken_backup)  # the very newest backup is damaged too: it must be passed over
    db.close()
    path = database_path(data_dir)
    corrupt(path)
    before = sha(path)
    files_before = sorted(p.name for p in data_dir.iterdir())

    report = check_before_start(data_dir, Settings())

    assert not report.ok
    assert report.problem
    assert report.newest_good is not None
    assert report.newest_good.path == newest
    assert "is beschadigd" in report.message
    assert "onaangeroerd" in report.message
    assert newest.name in report.message
    assert sha(path) == before
    assert sorted(p.name for p in data_dir.iterdir() if not p.name.endswith("-shm")) == sorted(
        n for n in files_before if not n.endswith("-shm")
    )
    assert older.exists()

    with pytest.raises(UserError, match="restore") as refused:
        require_sound_database(data_dir, Settings())
    assert str(newest) in refused.value.message
    assert sha(path) == before


def test_the_command_line_names_the_backup_and_the_restore_command(
    ctx: ServiceContext, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "post"
    [good] = BackupService(ctx, data_dir, Settings()).backup_now().written
    db.close()
    corrupt(database_path(data_dir))
    before = sha(database_path(data_dir))
    with pytest.raises(UserError) as refused:
        require_sound_database(data_dir, Settings())
    assert f"noodpost --data-dir {data_dir} restore {good}" in refused.value.message
    # … and the restore it names brings the post back, keeping the damaged file aside.
    assert main(["--data-dir", str(data_dir), "restore", str(good), "--ja"]) == 0
    assert "is teruggezet" in capsys.readouterr().out
    [aside] = list(data_dir.glob("noodpost-voor-herstel-*.db"))
    assert sha(aside) == before
    assert startup_check(database_path(data_dir)).ok


def test_no_good_backup_says_so(db: Database, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"
    db.close()
    shutil.copy(database_path(data_dir), tmp_path / "kopie.db")
    corrupt(database_path(data_dir))
    report = check_before_start(data_dir, Settings())
    assert not report.ok
    assert report.newest_good is None
    assert "geen goede back-up" in report.message
