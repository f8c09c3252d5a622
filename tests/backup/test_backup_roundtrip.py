"""Backup → more writes → restore: the backup's data, a new incarnation, no sync clashes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sitekit import HUB_CODE, Site, SiteFactory, introduce, raise_alarm
from sqlalchemy import select

from noodpost.config import Settings
from noodpost.core.audit import AuditAction
from noodpost.core.clock import FixedClock
from noodpost.services.backup import BackupService, restore_from_file
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import open_database
from noodpost.storage.models import AuditEntry, Event, Node, Quarantine
from noodpost.storage.node import check_home, database_path
from noodpost.sync.service import SyncService


def _node(site: Site) -> Node:
    with site.db.read() as session:
        node = session.scalars(select(Node)).one()
        session.expunge(node)
        return node


def _reopen(site: Site, clock: FixedClock) -> Site:
    db = open_database(database_path(site.data_dir))
    return Site(site.data_dir, db, ServiceContext(db, clock), SyncService(db, clock, site.data_dir))


def test_restore_gives_the_backups_data_a_new_incarnation_and_syncs_without_collision(
    make_site: SiteFactory, stick: Path, clock: FixedClock
) -> None:
    hub = make_site("hub", role="hub", code=HUB_CODE)
    post = make_site("post")
    pairing = stick.parent / "koppeling.json"
    hub.sync.export_pairing(pairing)
    post.sync.import_pairing(pairing)
    introduce(post, hub, stick)
    post.intake.register(size=3, name="Grietje Bos", birth_year=1948)
    raise_alarm(post)
    post.sync.export_usb(stick)
    hub.sync.import_usb(stick)

    backups = BackupService(post.ctx, post.data_dir, Settings())
    clock.advance(timedelta(minutes=15))
    report = backups.backup_now()
    [backup] = report.written
    assert backup.parent == post.data_dir / "backups"
    assert backup.name == "noodpost-GR-0014-20261128-091500.db"
    at_backup = post.digest()
    before = _node(post)

    # More work after the backup, and the hub gets it: these seqs must never be reused.
    clock.advance(timedelta(minutes=5))
    post.intake.register(size=2, name="Familie Mulder")
    raise_alarm(post, persons=4)
    post.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    assert post.digest() != at_backup
    lost_seqs = before.next_seq  # the first seq written after the backup

    post.db.close()
    restored = restore_from_file(backup, post.data_dir, clock=clock)
    assert restored.set_aside is not None
    aside = post.data_dir / restored.set_aside
    assert aside.name.startswith("noodpost-voor-herstel-")
    assert aside.exists()

    post = _reopen(post, clock)
    assert not check_home(post.db)  # the restore set the home: no second new incarnation
    assert post.digest() == at_backup  # exactly the backup's data
    after = _node(post)
    assert after.node_id == before.node_id
    assert after.incarnation != before.incarnation
    assert after.next_seq == 1
    with post.db.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        assert entry.action == AuditAction.RESTORE
        assert entry.object == f"{backup.name} (vorige: {aside.name})"

    # New work after the restore reaches the hub without a single clash.
    raise_alarm(post, persons=1)
    post.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    with hub.db.read() as session:
        assert session.scalar(select(Quarantine.id)) is None
        streams = set(
            session.execute(
                select(Event.incarnation).where(Event.origin == after.node_id).distinct()
            ).scalars()
        )
    assert streams == {before.incarnation, after.incarnation}

    # The hub gives the post back what the restore lost; both end the same.
    hub.sync.export_usb(stick)
    post.sync.import_usb(stick)
    post.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    assert post.digest() == hub.digest()
    with post.db.read() as session:
        old_stream = session.scalars(
            select(Event.seq).where(Event.incarnation == before.incarnation)
        ).all()
        assert lost_seqs in old_stream  # the post's own post-backup event came back
        assert session.scalar(select(Quarantine.id)) is None
    post.db.close()
