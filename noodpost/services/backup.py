"""Backups as the GUI and the command line use them: make one, list them, restore, check at start.

- :class:`BackupService` makes the rolling backups (to ``<data dir>/backups`` and, when set and
  present, the USB folder of the settings), tells whether anything changed since the last one,
  and restores one in the running program (which must then close).
- :func:`restore_from_file` is the restore for the command line: no services are running.
- :func:`check_before_start` is the start-up check: ``quick_check`` on the file without
  changing it, and the newest good backup to offer when it fails.
- :func:`placement_problem` tells, in Dutch, when the data folder is on a stick or a share.

Audit entries name files only (``noodpost-GR-0014-20261128-090000.db``), never a path that
might hold a person's name.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from noodpost import config
from noodpost.config import Settings
from noodpost.core.audit import AuditAction
from noodpost.core.clock import Clock, SystemClock, iso
from noodpost.core.errors import UserError, os_reason
from noodpost.core.i18n import translate
from noodpost.core.localtime import local_time
from noodpost.services import recovery
from noodpost.services.base import ServiceContext
from noodpost.services.roles import require_coordinator
from noodpost.storage import backup as store
from noodpost.storage import restore as restoring
from noodpost.storage.audit import FAILED, OK, append_audit
from noodpost.storage.engine import DB_FILENAME, open_database, startup_check
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import AuditEntry, Setting
from noodpost.storage.node import database_path
from noodpost.storage.placement import require_local

log = logging.getLogger(__name__)

#: The node's private keys (as :mod:`noodpost.sync.keys` names the folder).
KEYS_DIR = "keys"

#: Setting row: what the database held at the last backup (``<events>:<last audit id>``).
MARK_KEY = "backup_mark"


def restore_coordinator_only() -> str:
    """The refusal to restore when the signed-in volunteer is not a coordinator."""
    return translate(
        "BackupService",
        "Alleen een coördinator kan een back-up terugzetten. Vraag de coördinator van dienst.",
    )


OtherNodeBackup = restoring.OtherNodeBackup
BackupKind = store.BackupKind


def backups_dir(data_dir: Path) -> Path:
    return data_dir / store.BACKUP_DIRNAME


def usb_folder(settings: Settings) -> Path | None:
    text = settings.backup_usb_folder.strip()
    return Path(text) if text else None


def when_text(moment: datetime) -> str:
    """``28-11-2026 10:00`` in Dutch local time."""
    return local_time(moment).strftime("%d-%m-%Y %H:%M")


def size_text(size: int) -> str:
    """``3,2 MB`` (decimal units, Dutch comma)."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            value = size / factor
            text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
            return f"{text.replace('.', ',')} {unit}"
    return f"{size} bytes"


@dataclass(frozen=True)
class BackupChoice:
    """A backup a person can pick: where it is, when it was made, how big it is."""

    path: Path
    post_code: str
    taken_at: datetime
    size: int
    on_usb: bool

    @property
    def text(self) -> str:
        if self.on_usb:
            where = translate("BackupService", "USB-map")
        else:
            where = translate("BackupService", "deze laptop")
        return f"{when_text(self.taken_at)} · {self.post_code} · {size_text(self.size)} · {where}"


@dataclass(frozen=True)
class BackupReport:
    """What one backup round wrote, and what it could not (the USB folder absent …)."""

    written: tuple[Path, ...]
    warnings: tuple[str, ...]

    @property
    def summary(self) -> str:
        if not self.written:
            return translate("BackupService", "Er is geen back-up gemaakt.")
        names = ", ".join(str(p) for p in self.written)
        return translate("BackupService", "Back-up gemaakt: {names}.").format(names=names)


@dataclass(frozen=True)
class RestoreReport:
    backup: str
    set_aside: str | None
    post_code: str
    incarnation: str

    @property
    def summary(self) -> str:
        kept = (
            " "
            + translate(
                "BackupService",
                "De vorige database staat opzij als {aside}; die wordt nooit verwijderd.",
            ).format(aside=self.set_aside)
            if self.set_aside
            else ""
        )
        return translate(
            "BackupService",
            "Back-up {backup} is teruggezet ({post}).{kept} Wat na deze "
            "back-up is ingevoerd en al naar de C-NSP was gestuurd, komt bij de volgende "
            "synchronisatie terug.",
        ).format(backup=self.backup, post=self.post_code, kept=kept)


def available_backups(data_dir: Path, settings: Settings) -> list[BackupChoice]:
    """Every backup in the data folder's ``backups`` and in the USB folder, newest first."""
    found = [
        BackupChoice(b.path, b.post_code, b.taken_at, b.size, on_usb=False)
        for b in store.list_backups(backups_dir(data_dir))
    ]
    usb = usb_folder(settings)
    if usb is not None and usb.is_dir():
        found += [
            BackupChoice(b.path, b.post_code, b.taken_at, b.size, on_usb=True)
            for b in store.list_backups(usb)
        ]
    return sorted(found, key=lambda c: (c.taken_at, not c.on_usb), reverse=True)


def _record_restore(path: Path, *, clock: Clock, actor: str | None, obj: str) -> None:
    """The restore's audit entry, in the restored database (opened, and migrated, once).

    Opened by its path, not through :func:`noodpost.setup_node.open_node` (a layer above the
    services): this is the file the restore just put in place and gave its new incarnation;
    the next start opens it the ordinary way.
    """
    db = open_database(path)
    try:
        with db.write() as session:
            append_audit(
                session,
                at=iso(clock.now()),
                actor=actor,
                action=AuditAction.RESTORE,
                obj=obj,
                result=OK,
            )
    finally:
        db.close()


def restore_from_file(
    backup_file: Path,
    data_dir: Path,
    *,
    clock: Clock,
    actor: str | None = None,
    allow_other_node: bool = False,
    code: str | None = None,
    name: str | None = None,
) -> RestoreReport:
    """Restore ``backup_file`` into ``data_dir`` (nothing may have the database open).

    A sealed backup (``.npbk``) is opened with ``code`` or, without one, with the code kept
    on this laptop; a code that opened it is kept on this laptop afterwards. The restored
    database is opened once (migrated to this version's schema when the backup is older) to
    record the restore in its audit log. ``name`` is the file name to report (default:
    ``backup_file``'s).

    Raises:
        UserError: see :func:`noodpost.storage.restore.restore_backup` and
            :func:`noodpost.services.recovery.opened_backup`.
        OtherNodeBackup: the backup is another installation's; ask, then call again with
            ``allow_other_node=True``.
    """
    shown = name or backup_file.name
    with recovery.opened_backup(backup_file, data_dir, code) as opened:
        restored = restoring.restore_backup(
            opened.path, data_dir, now=clock.now(), allow_other_node=allow_other_node
        )
        if opened.code is not None:
            recovery.remember_code(data_dir, opened.code)
    aside = restored.set_aside.name if restored.set_aside else None
    obj = shown + (f" (vorige: {aside})" if aside else "")
    _record_restore(data_dir / DB_FILENAME, clock=clock, actor=actor, obj=obj)
    log.info("Restored %s; new incarnation %s", shown, restored.incarnation)
    return RestoreReport(shown, aside, restored.post_code, restored.incarnation)


class BackupService:
    """Backups of the running installation.

    Attributes:
        closed: a restore replaced the database; this program must close (no more backups).
    """

    def __init__(self, ctx: ServiceContext, data_dir: Path, settings: Settings) -> None:
        self.ctx = ctx
        self.data_dir = data_dir
        self.settings = settings
        self.closed = False

    # ------------------------------------------------------------ state

    def _current_mark(self) -> str:
        with self.ctx.read() as session:
            events = count_events(session)
            audit = session.scalar(select(func.max(AuditEntry.id))) or 0
        return f"{events}:{audit}"

    def needs_backup(self) -> bool:
        """True when something changed since the last backup (or there never was one)."""
        if self.closed:
            return False
        with self.ctx.read() as session:
            mark = session.get(Setting, MARK_KEY)
            saved = mark.value if mark is not None else None
        if saved is None or not store.list_backups(backups_dir(self.data_dir)):
            return True
        return saved != self._current_mark()

    def available(self) -> list[BackupChoice]:
        return available_backups(self.data_dir, self.settings)

    # ------------------------------------------------------------ writing

    def backup_now(self, folder: Path | None = None) -> BackupReport:
        """Back up now.

        Without ``folder``: to ``<data dir>/backups`` (rotated) and, when the settings name a
        USB folder that is present, there too; an absent stick is a warning, not an error.
        With ``folder``: only there, and never rotated (a folder the user chose).

        Raises:
            UserError: the backup to the data folder, or to the chosen ``folder``, failed
                (nothing under the final name).
        """
        if self.closed:
            raise UserError(
                translate(
                    "BackupService",
                    "De database is net teruggezet; start Noodpost opnieuw voordat u een "
                    "back-up maakt.",
                )
            )
        now = self.ctx.clock.now()
        node = self.ctx.node
        name = store.backup_name(node.post_code, now, training=node.training)
        written: list[Path] = []
        warnings: list[str] = []
        if folder is not None:
            targets = [(folder, store.BackupKind.MANUAL, True)]
        else:
            home = backups_dir(self.data_dir)
            try:
                home.mkdir(parents=True, exist_ok=True)
            except OSError as failed:
                self._audit_failure(name)
                raise UserError(store.failure_message(home, failed)) from failed
            targets = [(home, store.BackupKind.AUTO, True)]
            usb = usb_folder(self.settings)
            if usb is not None:
                if usb.is_dir():
                    targets.append((usb, store.BackupKind.AUTO, False))
                else:
                    warnings.append(
                        translate(
                            "BackupService",
                            "De USB-map {usb} is er niet: daar is deze keer geen back-up gemaakt "
                            "(wel op deze laptop). Steek de USB-stick erin; de volgende back-up "
                            "gaat er dan weer heen.",
                        ).format(usb=usb)
                    )
        for target, kind, required in targets:
            try:
                if self._leaves_data_folder(target):
                    sealed = recovery.write_sealed_backup(
                        self.ctx.db, self.data_dir, target, now=now, kind=kind
                    )
                    written.append(sealed.path)
                    if sealed.new_code is not None:
                        warnings.append(recovery.new_code_notice())
                    log.info("Sealed backup %s written", sealed.path.name)
                    continue
                done = store.write_backup(self.ctx.db, target, now=now, kind=kind)
            except UserError as failed:
                self._audit_failure(name)
                if required:
                    raise
                warnings.append(failed.message)
                continue
            written.append(done.path)
            log.info("Backup %s written in %.0f ms", done.path.name, done.elapsed_ms)
        self._audit_written(written)
        return BackupReport(tuple(written), tuple(warnings))

    def _leaves_data_folder(self, folder: Path) -> bool:
        """A backup into ``folder`` is sealed unless the folder is inside the data folder."""
        try:
            return not folder.resolve().is_relative_to(self.data_dir.resolve())
        except OSError:
            return True

    def _audit_written(self, written: list[Path]) -> None:
        with self.ctx.db.write() as session:
            for path in written:
                append_audit(
                    session,
                    at=self.ctx.now_iso(),
                    actor=self.ctx.actor,
                    action=AuditAction.BACKUP,
                    obj=path.name,
                    result=OK,
                )
            session.flush()
            events = count_events(session)
            audit = session.scalar(select(func.max(AuditEntry.id))) or 0
            session.merge(Setting(key=MARK_KEY, value=f"{events}:{audit}"))

    def _audit_failure(self, name: str) -> None:
        # The database itself may be on the full disk: a failed note must not hide the cause.
        try:
            with self.ctx.db.write() as session:
                append_audit(
                    session,
                    at=self.ctx.now_iso(),
                    actor=self.ctx.actor,
                    action=AuditAction.BACKUP,
                    obj=name,
                    result=FAILED,
                )
        except SQLAlchemyError:
            log.warning("Could not record the failed backup in the audit log", exc_info=True)

    # ------------------------------------------------------------ restore

    def restore(self, backup_file: Path, *, allow_other_node: bool = False) -> RestoreReport:
        """Restore a backup under the running program, which must close afterwards.

        Only a coordinator may do this. The program's connections are closed first; the
        restore refuses when anything else still has the database open.

        Raises:
            Refused: the signed-in volunteer is not a coordinator.
        """
        require_coordinator(self.ctx, restore_coordinator_only())
        self.ctx.db.close()
        report = restore_from_file(
            backup_file,
            self.data_dir,
            clock=self.ctx.clock,
            actor=self.ctx.actor,
            allow_other_node=allow_other_node,
        )
        self.closed = True
        self.ctx.forget_node()
        return report


# ---------------------------------------------------------------- before start


@dataclass(frozen=True)
class StartupReport:
    """The start-up check: is the database sound, and if not, which backup to offer.

    Attributes:
        ok: the database passed ``quick_check`` (or there is none yet).
        problem: quick_check's report when not ok (for the log and the details).
        elapsed_ms: how long the check took.
        newest_good: the newest backup that passes its own check, when not ok.
    """

    ok: bool
    problem: str
    elapsed_ms: float
    database: Path
    newest_good: BackupChoice | None

    @property
    def message(self) -> str:
        """The explanation for a failed check, in the interface's language."""
        text = translate(
            "BackupService",
            "De database {database} is beschadigd: de controle bij het starten vond "
            "fouten. Noodpost laat het bestand onaangeroerd, zodat er niets verder kapotgaat.",
        ).format(database=self.database)
        if self.newest_good is None:
            return (
                text
                + " "
                + translate(
                    "BackupService",
                    "Er is geen goede back-up gevonden. Meld dit aan de coördinator of de "
                    "beheerder en neem deze laptop niet verder in gebruik voor registratie.",
                )
            )
        return (
            text
            + " "
            + translate(
                "BackupService",
                "De nieuwste goede back-up is van {when} ({name}). Zet die terug; wat daarna "
                "is ingevoerd en al naar de C-NSP was gestuurd, komt bij de volgende "
                "synchronisatie terug. Het beschadigde bestand wordt bewaard.",
            ).format(when=when_text(self.newest_good.taken_at), name=self.newest_good.path.name)
        )


def check_before_start(data_dir: Path, settings: Settings) -> StartupReport:
    """``quick_check`` the database in ``data_dir`` without changing it.

    A restore interrupted just before its last rename is finished first. When the check
    fails, the newest good backup (of this post, checked itself) is looked up in the data
    folder's ``backups`` and in the USB folder.
    """
    path = database_path(data_dir)  # a folder (or file) in the database's place: said so
    if restoring.finish_interrupted_restore(data_dir):
        log.warning("Finished a restore that had been interrupted")
    check = startup_check(path)
    if check.ok:
        log.info("Start-up check ok in %.0f ms", check.elapsed_ms)
        return StartupReport(True, "", check.elapsed_ms, path, None)
    log.error("Start-up check failed: %s", check.problem.splitlines()[0])
    here = restoring.current_node(path)
    choices = available_backups(data_dir, settings)
    if here is not None:
        code = store.code_part(here[1], here[2])
        choices = [c for c in choices if c.post_code == code]
    elif not any(not c.on_usb for c in choices):
        choices = []  # the post is unknown: a stick's backups may be of any post
    else:
        codes = {c.post_code for c in choices if not c.on_usb}
        choices = [c for c in choices if c.post_code in codes]
    newest: BackupChoice | None = None
    for choice in choices:
        with contextlib.suppress(UserError):
            restoring.inspect_backup(choice.path)
            newest = choice
            break
    return StartupReport(False, check.problem, check.elapsed_ms, path, newest)


def require_sound_database(data_dir: Path, settings: Settings) -> None:
    """The command line's start-up check.

    Raises:
        UserError: the database is damaged; names the newest good backup and the command.
    """
    report = check_before_start(data_dir, settings)
    if report.ok:
        return
    if report.newest_good is None:
        raise UserError(report.message)
    raise UserError(
        translate(
            "BackupService", "{message} Opdracht: noodpost --data-dir {folder} restore {backup}"
        ).format(message=report.message, folder=data_dir, backup=report.newest_good.path)
    )


# ---------------------------------------------------------------- where the data lives


def placement_problem(data_dir: Path) -> str | None:
    """The Dutch refusal when ``data_dir`` is on a removable or network drive, else None."""
    try:
        require_local(data_dir, config.default_data_dir())
    except UserError as refused:
        return refused.message
    return None


@dataclass(frozen=True)
class MoveReport:
    source: Path
    target: Path
    kept_as: Path | None

    @property
    def summary(self) -> str:
        if self.kept_as is not None:
            old = translate(
                "BackupService",
                "De oude database heet nu {name} en wordt niet meer gebruikt.",
            ).format(name=self.kept_as.name)
        else:
            old = translate("BackupService", "Gebruik de oude map {folder} niet meer.").format(
                folder=self.source
            )
        return translate(
            "BackupService",
            "De gegevens staan nu in {target}, op de eigen schijf van deze laptop. {old} "
            "Start Noodpost voortaan zonder --data-dir (of met --data-dir {target}).",
        ).format(target=self.target, old=old)


def move_node(source: Path, target: Path, *, clock: Clock | None = None) -> MoveReport:
    """Move a node's data folder (database, keys, settings) to ``target`` on this laptop.

    The database is copied, checked and renamed into place; the keys and the settings are
    copied; the old database is then renamed (``noodpost-verplaatst-<time>.db``), never
    deleted. At its new place the database starts a new incarnation by itself.

    Raises:
        UserError: nothing to move, ``target`` already holds a node or is not on this laptop's
            own disk, or a copy failed (then ``target`` holds no database).
    """
    moment = (clock or SystemClock()).now()
    source_db = source / DB_FILENAME
    target_db = target / DB_FILENAME
    if not source_db.exists():
        raise UserError(
            translate("BackupService", "Er is geen database in {folder} om te verplaatsen.").format(
                folder=source
            )
        )
    if target_db.exists():
        raise UserError(
            translate(
                "BackupService",
                "In {folder} staat al een noodsteunpunt; dat wordt nooit overschreven. Kies een "
                "andere map met --data-dir.",
            ).format(folder=target)
        )
    require_local(target, config.default_data_dir())
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as failed:
        raise UserError(store.failure_message(target, failed)) from failed
    restoring.copy_database(source_db, target_db)
    try:
        keys = source / KEYS_DIR
        if keys.is_dir():
            (target / KEYS_DIR).mkdir(mode=0o700, exist_ok=True)
            for key in keys.iterdir():
                if key.is_file():
                    copied = target / KEYS_DIR / key.name
                    shutil.copyfile(key, copied)
                    copied.chmod(0o600)
        settings = source / config.SETTINGS_FILE
        if settings.is_file() and not (target / config.SETTINGS_FILE).exists():
            shutil.copyfile(settings, target / config.SETTINGS_FILE)
    except OSError as failed:
        store.remove_with_side_files(target_db)
        raise UserError(
            translate(
                "BackupService",
                "De sleutels of instellingen konden niet naar {folder} worden gekopieerd "
                "({reason}). Er is niets verplaatst.",
            ).format(folder=target, reason=os_reason(failed))
        ) from failed
    kept: Path | None
    try:
        kept = restoring.retire_database(source_db, moment)
    except OSError:
        log.warning("Moved the database, but could not rename the old one")
        kept = None
    log.info("Moved the data folder to the laptop's own disk")
    return MoveReport(source, target, kept)
