"""The recovery code (*herstelcode*) and sealed backups (issue 20, docs/backups.md).

- :func:`create_recovery_code` makes a node's code once (``noodpost init``, the setup wizard;
  an older data folder at its first sealed backup). The code itself is kept in
  ``keys/herstelcode.txt`` (0600), so a coordinator can see it again; the backup *public*
  key derived from it and the Argon2id salt are settings in the database, so a restored
  database keeps sealing with the same code.
- :func:`write_sealed_backup` writes a backup that leaves the data folder: a verified SQLite
  copy made inside the data folder, then sealed (``.npbk``) to the backup key and, when the
  post is paired, the C-NSP's key; the plain copy is removed.
- :func:`opened_backup` gives a restore the plain database of a backup file: a ``.db`` as it
  is, a sealed one decrypted into the data folder with the typed code or, on the same laptop,
  the stored one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from nacl.public import PublicKey
from sqlalchemy import select

from noodpost.core import recovery_code
from noodpost.core.durable import fsync_dir, fsync_file
from noodpost.core.errors import UserError, os_reason
from noodpost.core.i18n import translate
from noodpost.core.private_files import make_private
from noodpost.core.vocabulary import NodeRole
from noodpost.services.base import ServiceContext
from noodpost.services.roles import require_coordinator
from noodpost.storage import backup as store
from noodpost.storage import sealed_backup as sealed
from noodpost.storage.engine import Database
from noodpost.storage.models import Peer, Setting
from noodpost.storage.node import require_node

KEYS_DIR = "keys"
CODE_FILE = "herstelcode.txt"
PUBLIC_SETTING = "backup_public_key"
SALT_SETTING = "backup_salt"
#: Where the plain copy waits to be sealed, and a sealed backup is opened: inside the data
#: folder (0700), never on the stick.
WORK_DIR = "versleutelen"


def show_coordinator_only() -> str:
    """The refusal to show the code to a volunteer who is not a coordinator."""
    return translate("Recovery", "Alleen een coördinator kan de herstelcode bekijken.")


def new_code_notice() -> str:
    """The warning after the first sealed backup made a recovery code."""
    return translate(
        "Recovery",
        "Back-ups buiten deze laptop worden voortaan versleuteld. Er is een herstelcode gemaakt; "
        "een coördinator bekijkt die via Noodpost → Herstelcode… of met 'noodpost herstelcode "
        "--coordinator NAAM' en schrijft hem op (niet bij de laptop of de USB-stick bewaren).",
    )


def needs_code() -> str:
    """The refusal to open a sealed backup without a code."""
    return translate(
        "Recovery",
        "Deze back-up is versleuteld. Geef de herstelcode die bij het inrichten is "
        "opgeschreven: --herstelcode CODE. Er is niets veranderd.",
    )


def code_path(data_dir: Path) -> Path:
    return data_dir / KEYS_DIR / CODE_FILE


def stored_code(data_dir: Path) -> str | None:
    """The code kept on this laptop, or None (missing or unreadable)."""
    try:
        return recovery_code.normalise(code_path(data_dir).read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError, UserError):
        return None


def remember_code(data_dir: Path, code: str) -> None:
    """Keep ``code`` in ``keys/herstelcode.txt`` (0600, written whole or not at all)."""
    folder = data_dir / KEYS_DIR
    target = code_path(data_dir)
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        make_private(folder)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(recovery_code.normalise(code) + "\n")
        fsync_file(partial)
        os.replace(partial, target)
        fsync_dir(folder)
    except OSError as failed:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise UserError(
            translate(
                "Recovery", "De herstelcode kon niet in {folder} worden bewaard ({reason})."
            ).format(folder=folder, reason=os_reason(failed))
        ) from failed


def create_recovery_code(db: Database, data_dir: Path) -> str:
    """Make this node's recovery code: kept in the keys folder, its public key in the database.

    Returns the code, grouped (to show once).
    """
    code = recovery_code.new_code()
    remember_code(data_dir, code)
    _adopt_code(db, code)
    return code


def _adopt_code(db: Database, code: str) -> None:
    """Seal from now on to ``code``'s backup key (a fresh salt; every header carries its own)."""
    salt = sealed.new_salt()
    public = sealed.derive_backup_key(code, salt).public_key
    with db.write() as session:
        session.merge(Setting(key=PUBLIC_SETTING, value=bytes(public).hex()))
        session.merge(Setting(key=SALT_SETTING, value=salt.hex()))


@dataclass(frozen=True)
class BackupLock:
    """Who a sealed backup is sealed to. ``new_code``: a code made just now (tell them)."""

    salt: bytes
    recipients: tuple[sealed.Recipient, ...]
    new_code: str | None
    post_code: str


def backup_lock(db: Database, data_dir: Path) -> BackupLock:
    """The backup key (made on first need) and, when this post is paired, the C-NSP's key."""
    with db.read() as session:
        public = session.get(Setting, PUBLIC_SETTING)
        salt = session.get(Setting, SALT_SETTING)
        values = (public.value, salt.value) if public and salt else None
    if values is None:
        # A database without the settings: an older post (made now, and said once), or one
        # restored from a backup older than its code — then the kept code is used again, so
        # the code on paper stays the right one.
        kept = stored_code(data_dir)
        if kept is not None:
            _adopt_code(db, kept)
            return backup_lock(db, data_dir)
        made = create_recovery_code(db, data_dir)
        return replace(backup_lock(db, data_dir), new_code=made)
    recipients = [sealed.Recipient(sealed.KIND_CODE, PublicKey(bytes.fromhex(values[0])))]
    with db.read() as session:
        post_code = require_node(session).post_code
        hub = session.scalars(
            select(Peer).where(Peer.role == NodeRole.HUB.value, Peer.approved.is_(True))
        ).first()
        if hub is not None:
            recipients.append(
                sealed.Recipient(
                    sealed.KIND_HUB, PublicKey(bytes.fromhex(hub.encryption_public_key))
                )
            )
    return BackupLock(bytes.fromhex(values[1]), tuple(recipients), None, post_code)


def work_dir(data_dir: Path) -> Path:
    folder = data_dir / WORK_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    make_private(folder)
    return folder


def drop_work_dir(data_dir: Path) -> None:
    """Remove the work folder when it is empty (another process may still be using it)."""
    with contextlib.suppress(OSError):
        (data_dir / WORK_DIR).rmdir()


def leftover_copies(data_dir: Path, older_than: float) -> list[Path]:
    """Plain copies in the work folder last written before ``older_than`` (a Unix time): what a
    backup killed while sealing left behind. A younger one may be another process's, at work."""
    found: list[Path] = []
    with contextlib.suppress(OSError):
        for path in (data_dir / WORK_DIR).iterdir():
            with contextlib.suppress(OSError):
                if path.is_file() and path.stat().st_mtime < older_than:
                    found.append(path)
    return sorted(found)


def sealed_name(plain_name: str) -> str:
    return plain_name.removesuffix(".db") + sealed.SUFFIX


@dataclass(frozen=True)
class SealedWritten:
    path: Path
    new_code: str | None


def write_sealed_backup(
    db: Database, data_dir: Path, folder: Path, *, now: datetime, kind: store.BackupKind
) -> SealedWritten:
    """A sealed backup of ``db`` in ``folder`` (outside the data folder).

    Raises:
        UserError: as :func:`noodpost.storage.backup.write_backup`; nothing under the final
            name, and no plain copy left anywhere.
    """
    lock = backup_lock(db, data_dir)
    if not folder.is_dir():
        raise UserError(
            translate(
                "Recovery",
                "De back-up is niet gemaakt: de map {folder} bestaat niet (meer). Controleer of "
                "de USB-stick erin zit en of de map klopt, en probeer het opnieuw.",
            ).format(folder=folder)
        )
    for stale in leftover_copies(data_dir, time.time() - store.STALE_PARTIAL_SECONDS):
        stale.unlink(missing_ok=True)  # a plain copy a killed backup left: never kept
    try:
        plain = store.write_backup(db, work_dir(data_dir), now=now, kind=store.BackupKind.MANUAL)
    except UserError as failed:  # told as the backup to ``folder``, which is what was asked
        drop_work_dir(data_dir)
        cause = failed.__cause__
        if not isinstance(cause, (OSError, sqlite3.Error, store.CheckFailed)):
            raise
        raise UserError(store.failure_message(folder, cause)) from cause
    target = folder / sealed_name(plain.path.name)
    try:
        if shutil.disk_usage(folder).free < plain.size + store.SPACE_MARGIN:
            raise OSError(errno.ENOSPC, "te weinig vrije ruimte")
        sealed.seal_file(plain.path, target, lock.recipients, lock.salt, lock.post_code)
    except OSError as failed:
        raise UserError(store.failure_message(folder, failed)) from failed
    finally:
        store.remove_with_side_files(plain.path)
        drop_work_dir(data_dir)
    if kind is store.BackupKind.AUTO:
        code = store.parse_backup_name(target.name)
        if code is not None:
            store.rotate(folder, code[0], now, target)
    return SealedWritten(target, lock.new_code)


# ---------------------------------------------------------------- opening for a restore


@dataclass(frozen=True)
class OpenedBackup:
    """A backup ready to restore: ``path`` is plain SQLite; ``code`` opened it (or None)."""

    path: Path
    name: str
    code: str | None


@contextmanager
def opened_backup(
    backup_file: Path, data_dir: Path, code: str | None, file_key: bytes | None = None
) -> Iterator[OpenedBackup]:
    """The plain database of ``backup_file``; a decrypted copy is removed afterwards.

    A sealed backup is opened with ``file_key`` when given (the C-NSP's help), else with
    ``code`` or, without one, with the code kept on this laptop. Nothing is written before
    the code is known to fit.

    Raises:
        UserError: a typo in the code, no code, the wrong code
            (:class:`~noodpost.storage.sealed_backup.WrongRecoveryCode`), or a damaged file
            (:class:`~noodpost.storage.sealed_backup.SealedBackupDamaged`), all in Dutch.
    """
    if not sealed.is_sealed(backup_file):
        yield OpenedBackup(backup_file, backup_file.name, None)
        return
    if backup_file.name.endswith(store.PARTIAL_SUFFIX):  # a write cut off: never read
        raise UserError(
            translate(
                "Recovery",
                "{name} is geen bruikbare back-up van Noodpost (een onvolledig "
                "bestand). Er is niets veranderd. Kies een andere back-up.",
            ).format(name=backup_file.name)
        )
    typed = recovery_code.normalise(code) if code is not None else None
    if file_key is None:
        file_key = _file_key_from_code(backup_file, data_dir, typed)
    made_folder = not data_dir.exists()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Named after the backup, so a refusal of what is inside (a newer version …) names it.
    target = work_dir(data_dir) / (Path(backup_file.name).stem + ".db")
    try:
        try:
            sealed.unseal_file(backup_file, target, file_key)
        except OSError as failed:
            raise UserError(
                translate(
                    "Recovery",
                    "De back-up kon niet worden geopend in {folder} ({reason}). Er "
                    "is niets veranderd.",
                ).format(folder=data_dir, reason=os_reason(failed))
            ) from failed
        yield OpenedBackup(target, backup_file.name, typed)
    except BaseException:
        store.remove_with_side_files(target)
        drop_work_dir(data_dir)
        if made_folder:  # a refused restore on a new laptop leaves no folder behind
            with contextlib.suppress(OSError):
                data_dir.rmdir()
        raise
    store.remove_with_side_files(target)
    drop_work_dir(data_dir)


def _file_key_from_code(backup_file: Path, data_dir: Path, typed: str | None) -> bytes:
    header = sealed.inspect_sealed(backup_file)
    using = typed if typed is not None else stored_code(data_dir)
    if using is None:
        raise UserError(needs_code())
    key = sealed.derive_backup_key(
        using, header.salt, opslimit=header.opslimit, memlimit=header.memlimit
    )
    try:
        return sealed.open_file_key(header, sealed.KIND_CODE, key, backup_file)
    except sealed.WrongRecoveryCode:
        if typed is None:
            raise UserError(
                translate(
                    "Recovery",
                    "Deze back-up is niet met de herstelcode van deze laptop versleuteld. Geef de "
                    "herstelcode van de post waar hij vandaan komt: --herstelcode CODE. Er is "
                    "niets veranderd.",
                )
            ) from None
        raise


# ---------------------------------------------------------------- showing the code


def show_recovery_code(ctx: ServiceContext, data_dir: Path) -> str:
    """The code for the signed-in coordinator.

    Raises:
        Refused: not a coordinator.
        UserError: this laptop does not hold the code.
    """
    require_coordinator(ctx, show_coordinator_only())
    code = stored_code(data_dir)
    if code is None:
        with ctx.read() as session:
            has_key = session.get(Setting, PUBLIC_SETTING) is not None
        if not has_key:
            return create_recovery_code(ctx.db, data_dir)
        raise UserError(
            translate(
                "Recovery",
                "De herstelcode staat niet op deze laptop (bijvoorbeeld na terugzetten met hulp "
                "van de C-NSP). Gebruik de opgeschreven code.",
            )
        )
    return code
