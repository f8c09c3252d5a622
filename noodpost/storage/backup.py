"""Backups of the live database (DESIGN §3.1, issue 6).

A backup is a copy made with SQLite's online backup API while Noodpost keeps working. It is
written as ``<name>.partial`` in the target folder, switched to a self-contained rollback
journal, checked with ``PRAGMA quick_check``, fsynced, and only then renamed to its final name
(and the folder fsynced). Whatever fails — a full disk, a pulled stick, a folder that may not be
written — leaves nothing under the final name and raises a Dutch :class:`UserError`.

Names sort by time: ``noodpost-<post-code>-<YYYYMMDD-HHMMSS>.db`` (UTC; a training node's code
carries ``-OEFENING``); a sealed backup outside the data folder ends in ``.npbk`` instead
(:mod:`noodpost.storage.sealed_backup`). Automatic backups rotate: the 24 newest are kept,
and besides those the newest of each of the last 7 days. Rotation only ever deletes files
with this node's name pattern, never the backup it just wrote, and never a backup written
to a folder the user chose.

Restoring a backup, and moving or retiring a database: :mod:`noodpost.storage.restore`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from noodpost.core.durable import fsync_dir, fsync_file
from noodpost.core.errors import UserError, os_reason
from noodpost.core.i18n import translate
from noodpost.core.private_files import make_private
from noodpost.storage.engine import Database
from noodpost.storage.node import require_node

BACKUP_DIRNAME = "backups"
PARTIAL_SUFFIX = ".partial"
TRAINING_MARK = "OEFENING"
KEEP_RECENT = 24
KEEP_DAYS = 7
STAMP_FORMAT = "%Y%m%d-%H%M%S"
SPACE_MARGIN = 256 * 1024
STALE_PARTIAL_SECONDS = 3600
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

NAME_PATTERN = re.compile(
    r"^noodpost-(?P<code>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*?)-(?P<stamp>\d{8}-\d{6})"
    r"\.(?:db|npbk)$"
)
ASIDE_PREFIX = "noodpost-voor-herstel-"

# SQLite primary result codes (the low byte of an extended code).
SQLITE_PERM = 3
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class BackupKind(StrEnum):
    """``auto``: the rolling backups (rotated). ``manual``: a folder the user chose (kept)."""

    AUTO = "auto"
    MANUAL = "manual"


@dataclass(frozen=True)
class BackupWritten:
    path: Path
    size: int
    elapsed_ms: float
    deleted: tuple[str, ...]


@dataclass(frozen=True)
class BackupFile:
    """A backup found in a folder (from its name and size; not opened)."""

    path: Path
    post_code: str
    taken_at: datetime  # UTC
    size: int


class CheckFailed(Exception):
    """The copy did not pass ``quick_check``."""


# ---------------------------------------------------------------- names


def code_part(post_code: str, training: bool) -> str:
    return f"{post_code}-{TRAINING_MARK}" if training else post_code


def backup_name(post_code: str, now: datetime, *, training: bool = False) -> str:
    stamp = now.astimezone(UTC).strftime(STAMP_FORMAT)
    return f"noodpost-{code_part(post_code, training)}-{stamp}.db"


def parse_backup_name(name: str) -> tuple[str, datetime] | None:
    """``(code part, UTC time)`` for one of our backup names, else None."""
    match = NAME_PATTERN.match(name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match.group("stamp"), STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    return match.group("code"), taken


def list_backups(folder: Path, code: str | None = None) -> list[BackupFile]:
    """Our backups in ``folder`` (of one code part, when given), newest first."""
    found: list[BackupFile] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_backup_name(path.name)
        if parsed is None or (code is not None and parsed[0] != code):
            continue
        try:
            if not path.is_file():
                continue
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupFile(path, parsed[0], parsed[1], size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


# ---------------------------------------------------------------- rotation


def to_keep(
    backups: Sequence[BackupFile],
    now: datetime,
    *,
    keep_recent: int = KEEP_RECENT,
    keep_days: int = KEEP_DAYS,
) -> set[Path]:
    """The 24 newest, and the newest of each of the last 7 (UTC) days."""
    ordered = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep = {b.path for b in ordered[:keep_recent]}
    today = now.astimezone(UTC).date()
    seen_days: set[object] = set()
    for backup in ordered:
        day = backup.taken_at.date()
        if day in seen_days or not 0 <= (today - day).days < keep_days:
            continue
        seen_days.add(day)
        keep.add(backup.path)
    return keep


def rotate(folder: Path, code: str, now: datetime, protect: Path) -> tuple[str, ...]:
    """Delete this code's automatic backups that :func:`to_keep` does not keep.

    ``protect`` (the backup just written) is never deleted, even when a wrong clock makes it
    look old. A file that cannot be deleted is left; the next rotation tries again.
    """
    backups = list_backups(folder, code)
    keep = to_keep(backups, now) | {protect}
    deleted: list[str] = []
    for backup in backups:
        if backup.path in keep:
            continue
        with contextlib.suppress(OSError):
            backup.path.unlink()
            deleted.append(backup.path.name)
    remove_stale_partials(folder, code)
    return tuple(deleted)


def remove_stale_partials(folder: Path, code: str) -> None:
    """Remove this code's ``*.partial`` backups left by a crash (older than an hour).

    A younger one may be another process's backup in progress and is left alone.
    """
    limit = time.time() - STALE_PARTIAL_SECONDS
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for path in entries:
        if not path.name.endswith(PARTIAL_SUFFIX):
            continue
        parsed = parse_backup_name(path.name.removesuffix(PARTIAL_SUFFIX))
        if parsed is None or parsed[0] != code:
            continue
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < limit:
                remove_with_side_files(path)


# ---------------------------------------------------------------- writing a backup


def remove_with_side_files(path: Path) -> None:
    for suffix in ("", *SIDE_SUFFIXES):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def _sqlite_code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def _is_full(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", -1))
    if isinstance(error, sqlite3.Error):
        return _sqlite_code(error) == SQLITE_FULL or "full" in str(error).lower()
    return False


def _is_unwritable(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.ENOENT, errno.EACCES, errno.EPERM, errno.EROFS)
    if isinstance(error, sqlite3.Error):
        return _sqlite_code(error) in (SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN)
    return False


#: Dutch words for SQLite's usual causes (those of the file system: core.errors.OS_WORDS).
SQLITE_WORDS = {
    SQLITE_IOERR: "lees- of schrijffout",
    SQLITE_FULL: "schijf vol",
    SQLITE_CANTOPEN: "kan niet worden geopend",
    SQLITE_READONLY: "alleen-lezen",
    SQLITE_PERM: "geen toestemming",
    SQLITE_CORRUPT: "beschadigd",
    SQLITE_NOTADB: "geen database",
}


def _screen_sqlite_words() -> dict[str, str]:
    """:data:`SQLITE_WORDS` in the interface's language, looked up now."""
    return {
        "lees- of schrijffout": translate("BackupStorage", "lees- of schrijffout"),
        "schijf vol": translate("BackupStorage", "schijf vol"),
        "kan niet worden geopend": translate("BackupStorage", "kan niet worden geopend"),
        "alleen-lezen": translate("BackupStorage", "alleen-lezen"),
        "geen toestemming": translate("BackupStorage", "geen toestemming"),
        "beschadigd": translate("BackupStorage", "beschadigd"),
        "geen database": translate("BackupStorage", "geen database"),
    }


def failure_reason(error: BaseException) -> str:
    """Why a copy failed, in the interface's language (the system's own text when unknown)."""
    if isinstance(error, OSError):
        return os_reason(error)
    if isinstance(error, sqlite3.Error):
        words = SQLITE_WORDS.get(_sqlite_code(error))
        return _screen_sqlite_words().get(words, words) if words else str(error)
    return str(error)


def failure_message(folder: Path, error: BaseException, *, lead: str | None = None) -> str:
    """What went wrong with a backup to ``folder``, and what to do, in the interface's language.

    ``lead`` replaces the opening *De back-up naar {folder} is niet gelukt* (a restore or a
    move of the database words its own).
    """
    if lead is None:
        lead = translate("BackupStorage", "De back-up naar {folder} is niet gelukt").format(
            folder=folder
        )
    tail = translate(
        "BackupStorage",
        "Er is geen half bestand achtergebleven; de database zelf is niet veranderd.",
    )
    if isinstance(error, CheckFailed):
        text = translate(
            "BackupStorage",
            "{lead}: de gemaakte kopie bleek bij controle niet in orde ({reason}). {tail} "
            "Probeer het opnieuw; lukt het weer niet, dan is de database zelf misschien "
            "beschadigd: meld het aan de coördinator.",
        )
        return text.format(lead=lead, reason=error, tail=tail)
    if _is_full(error):
        text = translate(
            "BackupStorage",
            "{lead}: de schijf of USB-stick is vol. {tail} Maak ruimte vrij of kies een "
            "andere map, en probeer het opnieuw.",
        )
        return text.format(lead=lead, tail=tail)
    if _is_unwritable(error):
        text = translate(
            "BackupStorage",
            "{lead}: de map bestaat niet of mag niet worden beschreven ({reason}). "
            "{tail} Controleer of de USB-stick erin zit en of de map klopt, en probeer het "
            "opnieuw.",
        )
        return text.format(lead=lead, reason=failure_reason(error), tail=tail)
    text = translate(
        "BackupStorage",
        "{lead} ({reason}). {tail} Controleer of de USB-stick of schijf er nog in "
        "zit, en probeer het opnieuw.",
    )
    return text.format(lead=lead, reason=failure_reason(error), tail=tail)


def _database_size(db: Database) -> int:
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar() or 0
        size = conn.exec_driver_sql("PRAGMA page_size").scalar() or 0
    return int(pages) * int(size)


def finish_copy(partial: Path) -> None:
    """Make the copy self-contained (no WAL), check it and flush it to the disk."""
    conn = sqlite3.connect(str(partial), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    finally:
        conn.close()
    result = "; ".join(str(r[0]) for r in rows)
    if result != "ok":
        raise CheckFailed(result)
    fsync_file(partial)


def write_backup(
    db: Database,
    folder: Path,
    *,
    now: datetime,
    kind: BackupKind = BackupKind.AUTO,
) -> BackupWritten:
    """Write a verified backup of ``db`` into ``folder`` (which must exist).

    Raises:
        UserError: the folder is missing or unwritable, the disk is full, the stick was pulled,
            or the copy did not pass its check — in every case nothing is under the final name.
    """
    started = time.perf_counter()
    with db.read() as session:
        node = require_node(session)
        code = code_part(node.post_code, bool(node.training))
        name = backup_name(node.post_code, now, training=bool(node.training))
    if not folder.is_dir():
        raise UserError(
            translate(
                "BackupStorage",
                "De back-up is niet gemaakt: de map {folder} bestaat niet (meer). Controleer of "
                "de USB-stick erin zit en of de map klopt, en probeer het opnieuw.",
            ).format(folder=folder)
        )
    final = folder / name
    partial = folder / (name + PARTIAL_SUFFIX)
    try:
        remove_with_side_files(partial)  # left by an earlier, interrupted attempt
        # The copy passes through a WAL of its own before it settles: about twice its size.
        needed = 2 * _database_size(db) + SPACE_MARGIN
        free = shutil.disk_usage(folder).free
        if free < needed:
            raise OSError(errno.ENOSPC, "te weinig vrije ruimte")
        db.backup_to(partial)
        make_private(partial)  # every household's data: 0600 on POSIX, on a stick too
        finish_copy(partial)
        os.replace(partial, final)
        fsync_dir(folder)
    except (OSError, sqlite3.Error, CheckFailed) as failed:
        remove_with_side_files(partial)
        raise UserError(failure_message(folder, failed)) from failed
    except BaseException:
        remove_with_side_files(partial)
        raise
    deleted = rotate(folder, code, now, final) if kind is BackupKind.AUTO else ()
    size = final.stat().st_size
    return BackupWritten(final, size, (time.perf_counter() - started) * 1000, deleted)
