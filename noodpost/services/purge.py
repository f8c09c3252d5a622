"""After retention: the backups made before it still hold the names (DESIGN §3.6).

- :func:`anonymise_due` is the GUI's retention round (the hourly timer and "Nu anonimiseren"):
  anonymise what is due, then :func:`replace_backups_from_before`.
- :func:`replace_backups_from_before` makes a fresh backup and deletes the automatic backups
  written before the last anonymisation, in the data folder and on the stick.

The database file itself keeps no trace: deleted content is zeroed (``PRAGMA secure_delete``,
:mod:`noodpost.storage.engine`) and retention empties the write-ahead log afterwards.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from noodpost.core.audit import AuditAction
from noodpost.core.clock import parse_iso
from noodpost.core.errors import UserError
from noodpost.services.backup import BackupService, backups_dir, usb_folder
from noodpost.services.recovery import leftover_copies
from noodpost.services.retention import LAST_RUN_KEY, RetentionDone, RetentionService
from noodpost.storage import backup as store
from noodpost.storage.audit import FAILED, OK, append_audit
from noodpost.storage.models import Setting

#: Setting row: the folders whose backups from before the last anonymisation are replaced
#: (JSON: ``{"since": <that anonymisation's time>, "folders": [...]}``).
PURGED_KEY = "backup_purged_after_retention"


@dataclass(frozen=True)
class RetentionRound:
    """One retention round: the anonymisation, then the backups that still held the data."""

    done: RetentionDone
    backups: str | None  # what happened to the backups (Dutch), or None: nothing to do

    @property
    def summary(self) -> str:
        return " ".join(part for part in (self.done.summary, self.backups) if part)


def anonymise_due(
    retention: RetentionService, backups: BackupService, *, automatic: bool = False
) -> RetentionRound:
    """Anonymise what is due, then replace the backups from before (the GUI's one call).

    A failed fresh backup does not undo the anonymisation: its message becomes part of the
    summary, and the old backups stay until the next round can replace them.

    Raises:
        Refused: not automatic and no coordinator signed in.
    """
    done = retention.anonymise_due(automatic=automatic)
    try:
        line = replace_backups_from_before(backups)
    except UserError as failed:
        line = f"De oude back-ups konden nog niet worden vervangen: {failed.message}"
    return RetentionRound(done, line)


def replace_backups_from_before(backups: BackupService) -> str | None:
    """Replace the automatic backups that still hold data anonymised since (DESIGN §3.6).

    The backups written before the last anonymisation (:meth:`RetentionService.
    anonymise_due`) still hold the names — in the data folder (with the databases a restore
    set aside there) and, when the stick is in, in the USB folder of the settings. When there
    are any, a fresh backup is made first, then they are deleted — only in a folder the fresh
    backup reached: when the data folder's fails, :class:`UserError` says why and nothing is
    deleted; when the stick's fails, its old backups stay and the line says so. The deletion
    is recorded in the audit log. Each folder is done once per anonymisation
    (:data:`PURGED_KEY`); a stick that was out or pulled, or a file that could not be
    deleted, is done at a later call. Backups in a folder the user chose (``noodpost backup
    MAP``) are never touched: the line says so.

    Returns:
        A Dutch line for the status bar, or ``None`` when there was nothing to replace.
    """
    if backups.closed:
        return None
    with backups.ctx.read() as session:
        last_run = session.get(Setting, LAST_RUN_KEY)
        purged = session.get(Setting, PURGED_KEY)
    if last_run is None:
        return None
    since = parse_iso(last_run.value)
    handled: set[str] = set()
    if purged is not None:
        record = json.loads(purged.value)
        if record.get("since") == last_run.value:
            handled = set(record.get("folders", ()))
    known = set(handled)
    node = backups.ctx.node
    code = store.code_part(node.post_code, node.training)
    home = backups_dir(backups.data_dir)
    folders = [home]
    usb = usb_folder(backups.settings)
    if usb is not None and usb.is_dir():
        folders.append(usb)

    def from_before(folder: Path) -> list[Path]:
        found = [b.path for b in store.list_backups(folder, code) if b.taken_at <= since]
        if folder == home:  # the copies set aside by a restore hold the names too, and so
            found += _aside_from_before(backups.data_dir, since)  # does a killed sealing's
            found += leftover_copies(backups.data_dir, since.timestamp())
        return found

    old = {f: from_before(f) for f in folders if str(f) not in handled}
    total = sum(len(paths) for paths in old.values())
    report = backups.backup_now() if total else None
    written = set(report.written) if report is not None else set()
    deleted = 0
    for folder, paths in old.items():
        if not any(p.parent == folder for p in written):
            continue  # no fresh backup here (the stick full or pulled): the old ones stay
        for path in paths:
            if path not in written:  # (the fresh backup may have taken an old one's name)
                deleted += _delete(path)
        if folder.is_dir() and not any(p.exists() for p in paths if p not in written):
            handled.add(str(folder))  # (a stick pulled meanwhile is done when it is back)
    left = sum(p not in written and p.exists() for paths in old.values() for p in paths)
    if not total and handled == known:
        return None
    with backups.ctx.db.write() as session:
        record = {"since": last_run.value, "folders": sorted(handled)}
        session.merge(Setting(key=PURGED_KEY, value=json.dumps(record)))
        if total:
            append_audit(
                session,
                at=backups.ctx.now_iso(),
                actor=backups.ctx.actor,
                action=AuditAction.PURGE,
                obj=f"{deleted} back-ups van vóór het anonimiseren verwijderd",
                result=FAILED if left else OK,
            )
    if not total:
        return None
    line = (
        f"{deleted} {'oudere back-up' if deleted == 1 else 'oudere back-ups'} met "
        "persoonsgegevens verwijderd; er is een nieuwe gemaakt. Back-ups die u zelf in een "
        "andere map hebt gezet, verwijdert u zelf."
    )
    if left:
        could = "kon" if left == 1 else "konden"
        line += f" {left} {could} nu niet worden verwijderd; dat wordt later opnieuw geprobeerd."
    if report is not None and report.warnings:
        line += " " + " ".join(report.warnings)
    return line


def _aside_from_before(data_dir: Path, since: datetime) -> list[Path]:
    """The databases a restore set aside in ``data_dir`` (``noodpost-voor-herstel-…``)."""
    limit = since.timestamp()
    found: list[Path] = []
    with contextlib.suppress(OSError):
        for path in data_dir.glob(f"{store.ASIDE_PREFIX}*.db"):
            with contextlib.suppress(OSError):
                if path.is_file() and path.stat().st_mtime <= limit:
                    found.append(path)
    return sorted(found)


def _delete(path: Path) -> bool:
    """Delete a backup file and its side files; True when the file itself was removed."""
    try:
        path.unlink()
    except OSError:
        return False
    store.remove_with_side_files(path)  # its -wal, -shm or -journal, if any
    return True
