"""The recovery code in the services: shown only to a coordinator; made once for an older post."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from backupkit import sign_in

from noodpost.config import Settings
from noodpost.core.errors import Refused, UserError
from noodpost.services.backup import BackupService
from noodpost.services.base import ServiceContext
from noodpost.services.recovery import (
    PUBLIC_SETTING,
    SALT_SETTING,
    code_path,
    new_code_notice,
    opened_backup,
    show_recovery_code,
    stored_code,
)
from noodpost.storage.models import Setting
from noodpost.storage.sealed_backup import inspect_sealed


def test_only_a_signed_in_coordinator_sees_the_code(ctx: ServiceContext, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"
    with pytest.raises(Refused):
        show_recovery_code(ctx, data_dir)  # nobody signed in
    sign_in(ctx, "volunteer", "Harm Oosting")
    with pytest.raises(Refused) as refused:
        show_recovery_code(ctx, data_dir)
    assert "coördinator" in refused.value.message
    assert not code_path(data_dir).exists()  # a refusal makes no code either

    sign_in(ctx, "coordinator", "Anna Dijkstra")
    code = show_recovery_code(ctx, data_dir)  # an older post: made now, then kept
    assert show_recovery_code(ctx, data_dir) == code == stored_code(data_dir)


def test_an_older_post_gets_its_code_at_the_first_sealed_backup_and_is_told_once(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    data_dir, stick = tmp_path / "post", tmp_path / "stick"
    stick.mkdir()
    backups = BackupService(ctx, data_dir, Settings(backup_usb_folder=str(stick)))
    first = backups.backup_now()
    assert new_code_notice() in first.warnings
    [home, sealed] = first.written
    assert home.suffix == ".db"
    assert home.parent == data_dir / "backups"  # the rolling ones stay plain, in the folder
    assert sealed.suffix == ".npbk"
    assert len(inspect_sealed(sealed).blocks) == 1  # not paired: the code's block only
    second = backups.backup_now()
    assert new_code_notice() not in second.warnings
    assert not (data_dir / "versleutelen").exists()

    # The code kept on this laptop opens it; without the kept code it is asked for.
    with opened_backup(sealed, data_dir, None) as opened:
        assert opened.path.read_bytes().startswith(b"SQLite format 3")
    cut_off = sealed.with_name(sealed.name + ".partial")  # a write that was cut off
    shutil.copyfile(sealed, cut_off)
    with pytest.raises(UserError) as refused, opened_backup(cut_off, data_dir, None):
        pass
    assert "onvolledig" in refused.value.message
    code_path(data_dir).unlink()
    with pytest.raises(UserError) as refused, opened_backup(sealed, data_dir, None):
        pass
    assert "--herstelcode" in refused.value.message


def test_a_database_restored_from_before_its_code_keeps_the_code_on_paper(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    """The settings went back with an old database; the kept code is sealed to again."""
    data_dir, stick = tmp_path / "post", tmp_path / "stick"
    stick.mkdir()
    backups = BackupService(ctx, data_dir, Settings())
    [first] = backups.backup_now(stick).written
    on_paper = stored_code(data_dir)
    assert on_paper is not None
    with ctx.db.write() as session:  # as a restore of a backup from before the code would
        for key in (PUBLIC_SETTING, SALT_SETTING):
            session.delete(session.get(Setting, key))
    report = backups.backup_now(stick)
    assert new_code_notice() not in report.warnings
    assert stored_code(data_dir) == on_paper
    for backup in (first, *report.written):
        with opened_backup(backup, tmp_path / "nieuwe-laptop", on_paper) as opened:
            assert opened.path.read_bytes().startswith(b"SQLite format 3")


def test_a_plain_copy_a_killed_sealing_left_is_removed_by_the_next_backup(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    """Killed while sealing, a backup leaves its plain copy (names and all) in the work folder:
    an hour on, the next sealed backup removes it; a younger one may be another process's."""
    data_dir, stick = tmp_path / "post", tmp_path / "stick"
    stick.mkdir()
    backups = BackupService(ctx, data_dir, Settings(backup_usb_folder=str(stick)))
    backups.backup_now()
    work = data_dir / "versleutelen"
    work.mkdir()
    old, young = work / "noodpost-GR-0014-20261128-090000.db", work / "noodpost-jong.db"
    old.write_bytes(b"SQLite format 3\x00 Huishouden Bakker")
    young.write_bytes(b"SQLite format 3\x00 bezig")
    hour_ago = time.time() - 3700
    os.utime(old, (hour_ago, hour_ago))

    backups.backup_now()
    assert not old.exists()
    assert young.exists()
