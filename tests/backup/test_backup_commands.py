"""``noodpost backup [MAP]`` and ``noodpost restore BESTAND`` as scripts and people use them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from backupkit import sign_in
from sqlalchemy import select

from noodpost.cli import main
from noodpost.config import Settings
from noodpost.core.audit import AuditAction
from noodpost.core.errors import Refused
from noodpost.services.backup import MARK_KEY, BackupService
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.storage.engine import Database, open_database
from noodpost.storage.models import AuditEntry, Setting
from noodpost.storage.node import database_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_without_a_folder_goes_to_backups_and_warns_about_an_absent_stick(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "post"
    db.close()
    Settings(backup_usb_folder=str(tmp_path / "stick" / "noodpost")).save(data_dir)
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "backup")
    assert code == 0
    [written] = list((data_dir / "backups").iterdir())
    assert out.startswith("Back-up gemaakt: ")
    assert written.name in out
    assert "USB-map" in err
    assert "is er niet" in err

    (tmp_path / "stick" / "noodpost").mkdir(parents=True)
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "backup")
    assert code == 0
    # The first backup that leaves the data folder is sealed; an older folder gets its
    # recovery code now, and the coordinator is told once where to see it.
    assert "herstelcode" in err
    assert "noodpost herstelcode --coordinator" in err
    [sealed] = list((tmp_path / "stick" / "noodpost").iterdir())
    assert sealed.suffix == ".npbk"
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "backup")
    assert (code, err) == (0, "")


def test_backup_to_a_folder_and_to_a_missing_one(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "post"
    db.close()
    target = tmp_path / "doel"
    target.mkdir()
    code, out, _ = _run(capsys, "--data-dir", str(data_dir), "backup", str(target))
    assert code == 0
    [written] = list(target.iterdir())
    assert str(written) in out
    code, _, err = _run(capsys, "--data-dir", str(data_dir), "backup", str(tmp_path / "weg"))
    assert code == 1
    assert err.startswith("noodpost: De back-up is niet gemaakt: de map")
    assert len(err.strip().splitlines()) == 1


def test_restore_asks_and_no_changes_nothing(
    ctx: ServiceContext,
    db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir = tmp_path / "post"
    [backup] = BackupService(ctx, data_dir, Settings()).backup_now().written
    IntakeService(ctx).register(size=2)
    db.close()
    before = database_path(data_dir).read_bytes()

    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "restore", str(backup))
    assert code == 1
    assert "Huidige gegevens worden vervangen" in out
    assert "Doorgaan? [j/N]" in out
    assert "Niet teruggezet" in err
    assert database_path(data_dir).read_bytes() == before

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no answer at all: no
    assert _run(capsys, "--data-dir", str(data_dir), "restore", str(backup))[0] == 1

    monkeypatch.setattr("sys.stdin", io.StringIO("j\n"))
    code, out, _ = _run(capsys, "--data-dir", str(data_dir), "restore", str(backup))
    assert code == 0
    assert f"Back-up {backup.name} is teruggezet" in out
    assert len(list(data_dir.glob("noodpost-voor-herstel-*.db"))) == 1


def test_backups_are_audited_by_file_name_and_only_changes_need_a_new_one(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    data_dir = tmp_path / "post"
    service = BackupService(ctx, data_dir, Settings())
    assert service.needs_backup()  # never backed up
    [written] = service.backup_now().written
    assert not service.needs_backup()
    IntakeService(ctx).register(size=1)
    assert service.needs_backup()
    service.backup_now()
    assert not service.needs_backup()
    with ctx.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        mark = session.get(Setting, MARK_KEY)
    assert [e.action for e in entries] == [AuditAction.BACKUP, AuditAction.BACKUP]
    assert entries[0].object == written.name  # a file name, never a path
    assert "/" not in entries[1].object
    assert mark is not None


def test_only_a_coordinator_restores_in_the_program(ctx: ServiceContext, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"
    sign_in(ctx, "volunteer", "Piet de Vries")
    service = BackupService(ctx, data_dir, Settings())
    [written] = service.backup_now().written
    before = database_path(data_dir).read_bytes()
    with pytest.raises(Refused, match="Alleen een coördinator"):
        service.restore(written)
    assert not service.closed
    assert database_path(data_dir).read_bytes() == before
    assert not list(data_dir.glob("noodpost-voor-herstel-*"))


def test_a_restored_service_makes_no_more_backups(ctx: ServiceContext, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"
    sign_in(ctx)
    service = BackupService(ctx, data_dir, Settings())
    [written] = service.backup_now().written
    report = service.restore(written)
    assert report.set_aside is not None
    assert service.closed
    assert not service.needs_backup()
    again = open_database(database_path(data_dir))
    try:
        with again.read() as session:
            last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
            assert last is not None
            assert last.action == AuditAction.RESTORE
    finally:
        again.close()
