"""After retention: the backups made before it still hold the names (DESIGN §3.6).

- :func:`anonymise_due` is the GUI's retention round (the hourly timer and "Nu anonimiseren"):
  anonymise what is due, then :func:`replace_backups_from_before`.
- :func:`replace_backups_from_before` makes a fresh backup and deletes the automatic backups
  written before the last anonymisation, in the data folder and on the stick.

The database file itself keeps no trace: deleted content is zeroed (``PRAGMA secure_delete``,
:mod:`noodpost.storage.engine`) and retention empties the write-ahead log afterwards.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from noodpost.core.audit import AuditAction
from noodpost.core.clock import parse_iso
from noodpost.core.errors import UserError
from noodpost.services.backup import BackupService, backups_dir, usb_folder
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
    anonymise_due`) still hold the names — in the data folder and, when the stick is in,
    in the USB folder of the settings. When there are any, a fresh backup is made first
    (when that fails, nothing is deleted and :class:`UserError` says why), then they are
    deleted and the deletion is recorded in the audit log. Each folder is done once per
    anonymisation (:data:`PURGED_KEY`); a stick that was out, or a file that could not be
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
    folders = [backups_dir(backups.data_dir)]
    usb = usb_folder(backups.settings)
    if usb is not None and usb.is_dir():
        folders.append(usb)
    todo = [f for f in folders if str(f) not in handled]
    old = {f: [b.path for b in store.list_backups(f, code) if b.taken_at <= since] for f in todo}
    total = sum(len(paths) for paths in old.values())
    written = set(backups.backup_now().written) if total else set()
    deleted = left = 0
    for folder, paths in old.items():
        stuck = 0
        for path in paths:
            if path in written:  # the fresh backup took this name: replaced already
                continue
            store.remove_with_side_files(path)
            stuck += path.exists()
            deleted += not path.exists()
        left += stuck
        if not stuck:
            handled.add(str(folder))
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
        f"{deleted} oudere back-ups met persoonsgegevens verwijderd; er is een nieuwe "
        "gemaakt. Back-ups die u zelf in een andere map hebt gezet, verwijdert u zelf."
    )
    if left:
        line += f" {left} konden nu niet worden verwijderd; dat wordt later opnieuw geprobeerd."
    return line
