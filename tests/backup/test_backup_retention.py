"""After retention the names are gone from the file, and from the backups made before it.

An anonymised database is not much use while the backups next to it, and on the stick, still
hold every name: the retention round replaces them (DESIGN §3.6).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from backupkit import sign_in
from sitekit import Site, SiteFactory
from sqlalchemy import select

from noodpost.config import Settings
from noodpost.core.clock import FixedClock
from noodpost.services.backup import BackupService
from noodpost.services.post import PostService
from noodpost.services.purge import anonymise_due
from noodpost.services.recovery import opened_backup
from noodpost.services.retention import RetentionService
from noodpost.storage.backup import PARTIAL_SUFFIX, backup_name, list_backups
from noodpost.storage.engine import quick_check_file
from noodpost.storage.models import AuditEntry
from noodpost.storage.sealed_backup import SUFFIX

SURNAME = b"Zyxwvutsma"


def _hits(path: Path) -> int:
    """How often the surname occurs in the file and its write-ahead log, byte for byte.

    A sealed backup (on the stick, in a chosen folder) is opened first, with the code the
    post (``<tmp>/post``) keeps: what counts is what it would give back.
    """
    if path.suffix == SUFFIX:
        with _opened(path) as plain:
            return _hits(plain)
    found = 0
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            found += part.read_bytes().count(SURNAME)
    return found


@contextmanager
def _opened(path: Path) -> Iterator[Path]:
    data_dir = next(p / "post" for p in path.parents if (p / "post" / "keys").is_dir())
    with opened_backup(path, data_dir, None) as opened:
        yield opened.path


def _assert_one_clean_backup(folder: Path) -> None:
    """``folder`` holds one backup of this post: sound, and without the surname."""
    [fresh] = list_backups(folder)
    if fresh.path.suffix == SUFFIX:
        with _opened(fresh.path) as plain:
            assert quick_check_file(plain) == "ok"
    else:
        assert quick_check_file(fresh.path) == "ok"
    assert _hits(fresh.path) == 0


def _post_with_stick(
    make_site: SiteFactory, tmp_path: Path, households: int
) -> tuple[Site, Path, BackupService, RetentionService]:
    """A post with named households whose settings send backups to a stick as well."""
    post = make_site("post")
    sign_in(post.ctx)
    for n in range(households):
        post.intake.register(size=2, name=f"Zyxwvutsma Qorbelt{n:02d}", birth_year=1950)
    usb = tmp_path / "stick" / "noodpost"
    usb.mkdir(parents=True)
    backups = BackupService(post.ctx, post.data_dir, Settings(backup_usb_folder=str(usb)))
    return post, usb, backups, RetentionService(post.ctx)


def _past_the_period(post: Site, clock: FixedClock) -> None:
    """Close the post and let its 30 days of retention pass."""
    PostService(post.ctx).close_post()
    clock.advance(timedelta(days=30))


def _block_next_backup(
    folder: Path, post: Site, clock: FixedClock, *, sealed: bool = False
) -> Path:
    """Put a folder where the next backup into ``folder`` writes its working file."""
    name = backup_name(post.ctx.node.post_code, clock.now())
    if sealed:  # the stick's backups are sealed: noodpost-….npbk
        name = name.removesuffix(".db") + SUFFIX
    blocked = folder / (name + PARTIAL_SUFFIX)
    blocked.mkdir()
    return blocked


def test_the_round_replaces_the_backups_that_still_hold_the_names(
    make_site: SiteFactory, clock: FixedClock, tmp_path: Path
) -> None:
    post, usb, backups, retention = _post_with_stick(make_site, tmp_path, 40)
    chosen = tmp_path / "eigen map"
    chosen.mkdir()
    written = [*backups.backup_now().written]
    clock.advance(timedelta(minutes=15))
    written += backups.backup_now().written
    [manual] = backups.backup_now(chosen).written
    assert len(written) == 4  # two rounds, each to the laptop and the stick
    assert all(_hits(path) for path in [*written, manual])

    # Open, or closed but within the period: nothing anonymised, every backup stays.
    PostService(post.ctx).close_post()
    clock.advance(timedelta(days=29))
    early = anonymise_due(retention, backups)
    assert (early.done.changed, early.backups) == (False, None)
    assert all(path.exists() for path in written)

    clock.advance(timedelta(days=1))
    round_ = anonymise_due(retention, backups)
    assert round_.done.counts["household"] == 40
    assert "4 oudere back-ups met persoonsgegevens verwijderd" in round_.summary
    assert "zelf in een andere map" in round_.summary
    assert not any(path.exists() for path in written)
    for folder in (post.data_dir / "backups", usb):
        _assert_one_clean_backup(folder)
    # The live database: deleted content zeroed (secure_delete), the write-ahead log emptied.
    assert post.db.path is not None
    assert _hits(post.db.path) == 0
    # A folder the user chose is theirs: untouched, and the line said so.
    assert _hits(manual) > 0
    with post.db.read() as session:
        purges = list(
            session.scalars(select(AuditEntry.object).where(AuditEntry.action == "purge"))
        )
    assert "4 back-ups van vóór het anonimiseren verwijderd" in purges

    # Once done, later rounds leave the fresh backups alone.
    clock.advance(timedelta(hours=1))
    again = anonymise_due(retention, backups)
    assert (again.done.changed, again.backups) == (False, None)
    assert len(list_backups(usb)) == len(list_backups(post.data_dir / "backups")) == 1


def test_a_stick_that_was_out_is_cleaned_when_it_comes_back(
    make_site: SiteFactory, clock: FixedClock, tmp_path: Path
) -> None:
    post, usb, backups, retention = _post_with_stick(make_site, tmp_path, 5)
    [_home, on_stick] = backups.backup_now().written
    _past_the_period(post, clock)

    away = usb.with_name("elders")
    usb.rename(away)  # the stick is out during the round
    first = anonymise_due(retention, backups)
    assert first.backups is not None
    assert "1 oudere back-up met" in first.backups
    away.rename(usb)
    assert _hits(on_stick) > 0

    clock.advance(timedelta(hours=1))
    back = anonymise_due(retention, backups)  # the next hourly round, stick in
    assert back.backups is not None
    assert not on_stick.exists()
    _assert_one_clean_backup(usb)


def test_when_no_fresh_backup_can_be_made_the_old_ones_stay(
    make_site: SiteFactory, clock: FixedClock, tmp_path: Path
) -> None:
    post, _usb, backups, retention = _post_with_stick(make_site, tmp_path, 3)
    [old, _on_stick] = backups.backup_now().written
    _past_the_period(post, clock)
    # Something in the way of the new backup's file: a folder under its working name.
    blocked = _block_next_backup(post.data_dir / "backups", post, clock)
    round_ = anonymise_due(retention, backups)
    assert round_.done.counts["household"] == 3  # the anonymisation stands
    assert round_.backups is not None
    assert round_.backups.startswith("De oude back-ups konden nog niet worden vervangen")
    assert old.exists()  # never deleted without a fresh one

    blocked.rmdir()
    clock.advance(timedelta(hours=1))
    later = anonymise_due(retention, backups)
    assert later.backups is not None
    assert "2 oudere back-ups" in later.backups
    assert not old.exists()


def test_the_stick_keeps_its_backups_until_a_fresh_one_reaches_it(
    make_site: SiteFactory, clock: FixedClock, tmp_path: Path
) -> None:
    post, usb, backups, retention = _post_with_stick(make_site, tmp_path, 3)
    [home_old, stick_old] = backups.backup_now().written
    # A restore once set the database of that moment aside in the data folder: names too.
    aside = post.data_dir / "noodpost-voor-herstel-20261128-090000.db"
    shutil.copyfile(home_old, aside)
    moment = clock.now().timestamp()
    os.utime(aside, (moment, moment))
    _past_the_period(post, clock)
    blocked = _block_next_backup(
        usb, post, clock, sealed=True
    )  # the stick cannot take the fresh backup

    round_ = anonymise_due(retention, backups)
    assert round_.backups is not None
    assert "2 oudere back-ups met persoonsgegevens verwijderd" in round_.backups
    assert "1 kon nu niet worden verwijderd" in round_.backups
    assert not home_old.exists()
    assert not aside.exists()
    assert stick_old.exists()  # never left without a backup on the stick

    blocked.rmdir()
    clock.advance(timedelta(hours=1))
    later = anonymise_due(retention, backups)
    assert later.backups is not None
    assert "1 oudere back-up met" in later.backups
    assert not stick_old.exists()
    _assert_one_clean_backup(usb)


def test_a_reader_that_keeps_the_log_delays_its_emptying_to_a_later_round(
    make_site: SiteFactory, clock: FixedClock, tmp_path: Path
) -> None:
    post, _usb, backups, retention = _post_with_stick(make_site, tmp_path, 5)
    assert post.db.path is not None
    _past_the_period(post, clock)
    # Another process reading (a report, `noodpost status`): its snapshot pins the log.
    reader = sqlite3.connect(str(post.db.path), isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM household").fetchone()
        assert anonymise_due(retention, backups).done.counts["household"] == 5
        assert _hits(post.db.path) > 0  # the old pages are still in the log
    finally:
        reader.execute("COMMIT")
        reader.close()
    clock.advance(timedelta(hours=1))
    later = anonymise_due(retention, backups)  # nothing new to anonymise: the log is retried
    assert not later.done.changed
    assert _hits(post.db.path) == 0
