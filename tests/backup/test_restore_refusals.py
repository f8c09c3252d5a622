"""Restore refuses what it must — damaged, foreign, newer, mixed, in use — and changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sitekit import SiteFactory

from noodpost.config import Settings
from noodpost.core.clock import FixedClock
from noodpost.core.errors import UserError
from noodpost.services.backup import BackupService, OtherNodeBackup, restore_from_file
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import Database, open_database
from noodpost.storage.node import database_path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _backup(ctx: ServiceContext, data_dir: Path) -> Path:
    [written] = BackupService(ctx, data_dir, Settings()).backup_now().written
    return written


def _unchanged(data_dir: Path, digest: str) -> None:
    assert sha(database_path(data_dir)) == digest
    assert not list(data_dir.glob("noodpost-voor-herstel-*"))
    assert not list(data_dir.glob("*.partial"))


def test_a_damaged_backup_is_refused(
    ctx: ServiceContext, db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    data_dir = tmp_path / "post"
    backup = _backup(ctx, data_dir)
    data = bytearray(backup.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 8 : offset + 400] = b"\x5a" * 392
    backup.write_bytes(bytes(data))
    db.close()
    digest = sha(database_path(data_dir))
    with pytest.raises(UserError, match="geen bruikbare back-up") as refused:
        restore_from_file(backup, data_dir, clock=clock)
    assert "beschadigd" in refused.value.message
    _unchanged(data_dir, digest)


def test_a_file_that_is_no_noodpost_database_is_refused(
    db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    data_dir = tmp_path / "post"
    db.close()
    digest = sha(database_path(data_dir))
    text = tmp_path / "noodpost-GR-0014-20261128-090000.db"
    text.write_text("dit is geen database")
    with pytest.raises(UserError, match="geen bruikbare back-up"):
        restore_from_file(text, data_dir, clock=clock)
    other = tmp_path / "ander.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE x (y)")
    with pytest.raises(UserError, match="geen Noodpost-database"):
        restore_from_file(other, data_dir, clock=clock)
    partial = tmp_path / "noodpost-GR-0014-20261128-090000.db.partial"
    partial.write_bytes(text.read_bytes())
    with pytest.raises(UserError, match="onvolledig"):
        restore_from_file(partial, data_dir, clock=clock)
    _unchanged(data_dir, digest)


def test_a_backup_from_a_newer_noodpost_is_refused(
    ctx: ServiceContext, db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    data_dir = tmp_path / "post"
    backup = _backup(ctx, data_dir)
    with sqlite3.connect(backup) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    db.close()
    digest = sha(database_path(data_dir))
    with pytest.raises(UserError, match="nieuwere versie"):
        restore_from_file(backup, data_dir, clock=clock)
    _unchanged(data_dir, digest)


def test_another_installations_backup_needs_an_explicit_yes(
    make_site: SiteFactory, tmp_path: Path, clock: FixedClock
) -> None:
    ours = make_site("ours")
    theirs = make_site("theirs", code="GR-0015")
    backup = _backup(theirs.ctx, theirs.data_dir)
    ours.db.close()
    digest = sha(database_path(ours.data_dir))
    with pytest.raises(OtherNodeBackup, match="andere installatie") as asked:
        restore_from_file(backup, ours.data_dir, clock=clock)
    assert any("keys" in line for line in asked.value.warnings)
    _unchanged(ours.data_dir, digest)

    done = restore_from_file(backup, ours.data_dir, clock=clock, allow_other_node=True)
    assert done.post_code == "GR-0015"
    assert done.set_aside is not None
    assert sha(ours.data_dir / done.set_aside) == digest  # ours is kept aside, unchanged


def test_training_and_real_data_never_mix(make_site: SiteFactory, clock: FixedClock) -> None:
    real = make_site("real")
    training = make_site("training", training=True)
    backup = _backup(training.ctx, training.data_dir)
    assert "-OEFENING-" in backup.name
    real.db.close()
    digest = sha(database_path(real.data_dir))
    with pytest.raises(UserError, match="nooit gemengd") as refused:
        restore_from_file(backup, real.data_dir, clock=clock, allow_other_node=True)
    # The words apart ('echtnoodsteunpunt' was glued, issue 18, item 18):
    assert refused.value.message.startswith(
        "Deze back-up bevat oefengegevens en deze map echte gegevens; "
    )
    _unchanged(real.data_dir, digest)


def test_a_database_still_open_elsewhere_is_not_replaced(
    ctx: ServiceContext, db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    data_dir = tmp_path / "post"
    backup = _backup(ctx, data_dir)
    with db.read() as session:  # the GUI, say, still has its connection
        session.connection()
        with pytest.raises(UserError, match="nog gebruikt"):
            restore_from_file(backup, data_dir, clock=clock)
    assert not list(data_dir.glob("noodpost-voor-herstel-*"))
    assert not list(data_dir.glob("*.partial"))
    db.close()


def test_restore_into_an_empty_folder_sets_up_the_node(
    ctx: ServiceContext, db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    backup = _backup(ctx, tmp_path / "post")
    fresh = tmp_path / "nieuwe-laptop"
    done = restore_from_file(backup, fresh, clock=clock)
    assert done.set_aside is None
    again = open_database(database_path(fresh))
    try:
        assert again.quick_check() == "ok"
    finally:
        again.close()


def test_a_restore_cut_off_before_its_last_rename_is_finished_at_the_next_start(
    ctx: ServiceContext, db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    from noodpost.services.backup import check_before_start
    from noodpost.storage import restore as restoring

    data_dir = tmp_path / "post"
    backup = _backup(ctx, data_dir)
    db.close()
    final = database_path(data_dir)
    # The restore got as far as: the copy checked and fsynced, the old database aside.
    info = restoring.inspect_backup(backup)
    partial = data_dir / "noodpost.db.partial"
    restoring._copy_in(info, partial, final)
    final.rename(data_dir / "noodpost-voor-herstel-20261128-090000.db")
    assert not final.exists()

    report = check_before_start(data_dir, Settings())
    assert report.ok
    assert final.exists()
    assert not partial.exists()


def test_a_partial_copy_without_its_old_database_aside_is_not_taken(tmp_path: Path) -> None:
    from noodpost.storage import restore as restoring

    data_dir = tmp_path / "leeg"
    data_dir.mkdir()
    (data_dir / "noodpost.db.partial").write_bytes(b"half")
    assert not restoring.finish_interrupted_restore(data_dir)
    assert not (data_dir / "noodpost.db").exists()


def test_stale_partial_backups_are_cleared_young_ones_left(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    import os
    import time

    folder = tmp_path / "post" / "backups"
    folder.mkdir()
    stale = folder / "noodpost-GR-0014-20261127-090000.db.partial"
    young = folder / "noodpost-GR-0014-20261128-085959.db.partial"
    other = folder / "noodpost-GR-0099-20261127-090000.db.partial"
    for path in (stale, young, other):
        path.write_bytes(b"half")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    BackupService(ctx, tmp_path / "post", Settings()).backup_now()
    assert not stale.exists()
    assert young.exists()
    assert other.exists()
