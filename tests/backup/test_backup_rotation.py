"""Rotation: the 24 newest and one a day for a week; only our files; never the one just written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from noodpost.core.clock import FixedClock
from noodpost.storage.backup import BackupKind, backup_name, parse_backup_name, write_backup
from noodpost.storage.engine import Database

DAY0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_thirty_backups_over_nine_days_keep_24_recent_and_one_a_day(
    db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    stranger = folder / "noodpost-GR-0099-20261101-120000.db"  # another post's backup
    stranger.write_bytes(b"x")
    notes = folder / "lees-mij.txt"
    notes.write_text("niet van Noodpost")
    # One backup at noon on days 0..7, then 22 on day 8, every half hour from noon.
    moments = [DAY0 + timedelta(days=d) for d in range(8)]
    moments += [DAY0 + timedelta(days=8, minutes=30 * i) for i in range(22)]
    assert len(moments) == 30
    for moment in moments:
        write_backup(db, folder, now=moment, kind=BackupKind.AUTO)
    ours = [n for n in _names(folder) if n.startswith("noodpost-GR-0014-")]
    kept_days = sorted({parse_backup_name(n)[1].date().day for n in ours})  # type: ignore[index]
    # 24 newest: day 8 (22) + days 7 and 6; daily within a week adds days 5, 4, 3, 2.
    assert len(ours) == 28
    assert kept_days == [22, 23, 24, 25, 26, 27, 28]
    assert backup_name("GR-0014", DAY0) not in ours  # day 0 and day 1 are gone
    assert backup_name("GR-0014", DAY0 + timedelta(days=1)) not in ours
    assert stranger.exists()
    assert notes.exists()
    assert not any(n.endswith(".partial") for n in _names(folder))


def test_the_backup_just_written_is_kept_even_when_the_clock_says_it_is_old(
    db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for i in range(25):
        write_backup(db, folder, now=DAY0 + timedelta(days=10, minutes=i), kind=BackupKind.AUTO)
    wrong_clock = DAY0 - timedelta(days=365)
    done = write_backup(db, folder, now=wrong_clock, kind=BackupKind.AUTO)
    assert done.path.exists()
    assert done.path.name == backup_name("GR-0014", wrong_clock)


def test_a_backup_to_a_chosen_folder_is_never_rotated(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "mijn-map"
    folder.mkdir()
    for i in range(26):
        write_backup(db, folder, now=DAY0 + timedelta(hours=i), kind=BackupKind.MANUAL)
    assert len(_names(folder)) == 26
