"""A backup that cannot complete: a clear Dutch error, nothing under the final name, data intact."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from noodpost.config import Settings
from noodpost.core.errors import UserError
from noodpost.services.backup import BackupService
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.storage.digest import state_digest
from noodpost.storage.engine import Database, open_database
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import AuditEntry
from noodpost.storage.node import database_path

RUNNER = Path(__file__).with_name("run_backup_limited.py")


def _snapshot(db: Database) -> tuple[str, int]:
    with db.read() as session:
        return state_digest(session), count_events(session)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE: Linux")
def test_disk_full_during_backup_leaves_nothing_and_the_database_intact(
    db: Database, ctx: ServiceContext, tmp_path: Path
) -> None:
    for size in range(1, 30):
        IntakeService(ctx).register(size=size % 6 + 1, name=f"Huishouden {size}")
    data_dir = tmp_path / "post"
    before = _snapshot(db)
    db.close()
    size = database_path(data_dir).stat().st_size
    target = tmp_path / "stick"
    target.mkdir()

    done = subprocess.run(
        [sys.executable, str(RUNNER), str(data_dir), str(target), str(size // 2)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("REFUSED De back-up naar")
    assert "niet gelukt" in done.stdout
    assert "geen half bestand" in done.stdout
    assert list(target.iterdir()) == []  # no final file, no partial
    again = open_database(database_path(data_dir))
    try:
        assert again.integrity_check() == "ok"
        assert _snapshot(again) == before
    finally:
        again.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE: Linux")
def test_the_same_backup_with_room_succeeds(db: Database, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"
    db.close()
    target = tmp_path / "stick"
    target.mkdir()
    done = subprocess.run(
        [sys.executable, str(RUNNER), str(data_dir), str(target), str(64 * 1024 * 1024)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [written] = list(target.iterdir())
    assert done.stdout.strip() == f"OK {written.name}"


def test_a_missing_chosen_folder_is_an_error_and_writes_nothing(
    ctx: ServiceContext, tmp_path: Path, event_count: object
) -> None:
    service = BackupService(ctx, tmp_path / "post", Settings())
    with pytest.raises(UserError, match="bestaat niet"):
        service.backup_now(tmp_path / "weg")
    assert not (tmp_path / "weg").exists()
    with ctx.read() as session:
        results = session.scalars(select(AuditEntry.result)).all()
    assert results == ["mislukt"]


def test_a_damaged_copy_is_never_kept(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from noodpost.storage import backup as store

    def damaged(partial: Path) -> None:
        raise store.CheckFailed("*** in database main *** Page 7: btreeInitPage() returns 11")

    monkeypatch.setattr(store, "finish_copy", damaged)
    target = tmp_path / "stick"
    target.mkdir()
    digest = hashlib.sha256(database_path(tmp_path / "post").read_bytes()).hexdigest()
    with pytest.raises(UserError, match="bleek bij controle niet in orde"):
        BackupService(ctx, tmp_path / "post", Settings()).backup_now(target)
    assert list(target.iterdir()) == []
    assert hashlib.sha256(database_path(tmp_path / "post").read_bytes()).hexdigest() == digest
