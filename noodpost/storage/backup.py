"""Backups and restore of the live database (DESIGN §3.1, issue 6).

A backup is a copy made with SQLite's online backup API while Noodpost keeps working. It is
written as ``<name>.partial`` in the target folder, switched to a self-contained rollback
journal, checked with ``PRAGMA quick_check``, fsynced, and only then renamed to its final name
(and the folder fsynced). Whatever fails — a full disk, a pulled stick, a folder that may not be
written — leaves nothing under the final name and raises a Dutch :class:`UserError`.

Names sort by time: ``noodpost-<post-code>-<YYYYMMDD-HHMMSS>.db`` (UTC; a training node's code
carries ``-OEFENING``). Automatic backups rotate: the 24 newest are kept, and besides those the
newest of each of the last 7 days. Rotation only ever deletes files with this node's name
pattern, never the backup it just wrote, and never a backup written to a folder the user chose.

A restore checks the file (quick_check, a Noodpost database of a known or older schema, the
same node), keeps the current database aside as ``noodpost-voor-herstel-<time>.db`` (never
deleted), copies the backup in through ``noodpost.db.partial`` and gives it a **new
incarnation** before it gets its name: the events written after the restore start at seq 1 of
a stream nobody has seen, so they can never collide with what the hub already holds from
before the restore (DESIGN §3.2). The hub sends this node's old events back at the next sync.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import socket
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from noodpost.core.durable import fsync_dir, fsync_file
from noodpost.core.errors import NeedsConfirmation, UserError
from noodpost.storage.engine import DB_FILENAME, Database, connect_read_only, quick_check_file
from noodpost.storage.node import new_incarnation, require_node

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
    r"^noodpost-(?P<code>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*?)-(?P<stamp>\d{8}-\d{6})\.db$"
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


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, read from inside it (see :func:`inspect_backup`)."""

    path: Path
    node_id: str
    post_code: str
    name: str
    role: str
    training: bool
    incarnation: str
    revision: str
    events: int


@dataclass(frozen=True)
class Restored:
    backup: Path
    set_aside: Path | None
    node_id: str
    post_code: str
    backup_incarnation: str
    incarnation: str
    events: int


class OtherNodeBackup(NeedsConfirmation):
    """The backup belongs to another installation; restoring it needs an explicit yes."""


class _CheckFailed(Exception):
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


#: Dutch words for the usual causes; anything else keeps the system's own words.
ERRNO_WORDS = {
    errno.ENOSPC: "schijf vol",
    errno.EFBIG: "bestand te groot voor deze schijf",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "alleen-lezen",
    errno.ENOENT: "bestaat niet",
    errno.EIO: "lees- of schrijffout",
}
SQLITE_WORDS = {
    SQLITE_IOERR: "lees- of schrijffout",
    SQLITE_FULL: "schijf vol",
    SQLITE_CANTOPEN: "kan niet worden geopend",
    SQLITE_READONLY: "alleen-lezen",
    SQLITE_PERM: "geen toestemming",
    SQLITE_CORRUPT: "beschadigd",
    SQLITE_NOTADB: "geen database",
}


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return ERRNO_WORDS.get(error.errno or 0) or error.strerror or type(error).__name__
    if isinstance(error, sqlite3.Error):
        return SQLITE_WORDS.get(_sqlite_code(error)) or str(error)
    return str(error)


def failure_message(folder: Path, error: BaseException) -> str:
    """What went wrong with a backup to ``folder``, and what to do, in Dutch."""
    lead = f"De back-up naar {folder} is niet gelukt"
    tail = "Er is geen half bestand achtergebleven; de database zelf is niet veranderd."
    if isinstance(error, _CheckFailed):
        return (
            f"{lead}: de gemaakte kopie bleek bij controle niet in orde ({error}). {tail} "
            "Probeer het opnieuw; lukt het weer niet, dan is de database zelf misschien "
            "beschadigd: meld het aan de coördinator."
        )
    if _is_full(error):
        return (
            f"{lead}: de schijf of USB-stick is vol. {tail} Maak ruimte vrij of kies een "
            "andere map, en probeer het opnieuw."
        )
    if _is_unwritable(error):
        return (
            f"{lead}: de map bestaat niet of mag niet worden beschreven ({_reason(error)}). "
            f"{tail} Controleer of de USB-stick erin zit en of de map klopt, en probeer het "
            "opnieuw."
        )
    return (
        f"{lead} ({_reason(error)}). {tail} Controleer of de USB-stick of schijf er nog in "
        "zit, en probeer het opnieuw."
    )


def _database_size(db: Database) -> int:
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar() or 0
        size = conn.exec_driver_sql("PRAGMA page_size").scalar() or 0
    return int(pages) * int(size)


def _finish_copy(partial: Path) -> None:
    """Make the copy self-contained (no WAL), check it and flush it to the disk."""
    conn = sqlite3.connect(str(partial), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    finally:
        conn.close()
    result = "; ".join(str(r[0]) for r in rows)
    if result != "ok":
        raise _CheckFailed(result)
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
            f"De back-up is niet gemaakt: de map {folder} bestaat niet (meer). Controleer of de "
            "USB-stick erin zit en of de map klopt, en probeer het opnieuw."
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
        _finish_copy(partial)
        os.replace(partial, final)
        fsync_dir(folder)
    except (OSError, sqlite3.Error, _CheckFailed) as failed:
        remove_with_side_files(partial)
        raise UserError(failure_message(folder, failed)) from failed
    except BaseException:
        remove_with_side_files(partial)
        raise
    deleted = rotate(folder, code, now, final) if kind is BackupKind.AUTO else ()
    size = final.stat().st_size
    return BackupWritten(final, size, (time.perf_counter() - started) * 1000, deleted)


# ---------------------------------------------------------------- restore


def known_revisions() -> set[str]:
    """Every schema revision this version of Noodpost knows (older ones can be migrated)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415 — only a restore needs it

    from noodpost.storage.engine import MIGRATIONS  # noqa: PLC0415

    return {rev.revision for rev in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def _read_only(path: Path) -> sqlite3.Connection:
    return connect_read_only(path)


def not_a_backup(path: Path, why: str) -> UserError:
    return UserError(
        f"{path.name} is geen bruikbare back-up van Noodpost ({why}). Er is niets veranderd. "
        "Kies een andere back-up, bijvoorbeeld de nieuwste uit de map 'backups'."
    )


def inspect_backup(path: Path) -> BackupInfo:
    """Open a backup read-only and tell what it holds.

    Raises:
        UserError: missing, damaged, not a Noodpost database, or from a newer Noodpost.
    """
    if not path.is_file():
        raise UserError(f"Het bestand {path} bestaat niet. Er is niets veranderd.")
    if path.name.endswith(PARTIAL_SUFFIX):
        raise not_a_backup(path, "een onvolledig bestand")
    check = quick_check_file(path)
    if check != "ok":
        raise not_a_backup(path, f"beschadigd: {check.splitlines()[0]}")
    try:
        conn = _read_only(path)
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            row = conn.execute(
                "SELECT node_id, post_code, name, role, training, incarnation FROM node "
                "WHERE id = 1"
            ).fetchone()
            events = conn.execute("SELECT count(*) FROM event").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as failed:
        raise not_a_backup(path, f"geen Noodpost-database: {failed}") from failed
    if revision is None or row is None:
        raise not_a_backup(path, "er is geen noodsteunpunt in ingericht")
    if revision[0] not in known_revisions():
        raise UserError(
            f"{path.name} is gemaakt met een nieuwere versie van Noodpost en kan met deze "
            "versie niet worden teruggezet. Installeer de nieuwste versie van Noodpost; er is "
            "niets veranderd."
        )
    node_id, post_code, name, role, training, incarnation = row
    return BackupInfo(
        path, node_id, post_code, name, role, bool(training), incarnation, revision[0], events
    )


def current_node(path: Path) -> tuple[str, str, bool] | None:
    """``(node id, post code, training)`` of the database at ``path``, if it can be read."""
    if not path.exists():
        return None
    try:
        conn = _read_only(path)
        try:
            row = conn.execute(
                "SELECT node_id, post_code, training FROM node WHERE id = 1"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return None if row is None else (row[0], row[1], bool(row[2]))


def home_for(path: Path) -> str:
    """The ``home`` a database at ``path`` will have (as :func:`noodpost.storage.node.home_of`)."""
    return f"{socket.gethostname()}:{path.resolve()}"


IN_USE = (
    "De database wordt nog gebruikt (is Noodpost nog geopend, of loopt er een andere "
    "opdracht?). Sluit Noodpost eerst en probeer het dan opnieuw. Er is niets veranderd."
)


def _quiesce(path: Path) -> None:
    """Make sure nobody else has the database open, and fold its WAL into the file.

    Raises:
        UserError: another connection holds it.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=0.5, isolation_level=None)
    except sqlite3.Error as failed:
        raise UserError(IN_USE) from failed
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error as failed:
        raise UserError(IN_USE) from failed
    finally:
        conn.close()


def aside_path(data_dir: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime(STAMP_FORMAT)
    candidate = data_dir / f"{ASIDE_PREFIX}{stamp}.db"
    number = 2
    while any(candidate.with_name(candidate.name + s).exists() for s in ("", *SIDE_SUFFIXES)):
        candidate = data_dir / f"{ASIDE_PREFIX}{stamp}-{number}.db"
        number += 1
    return candidate


def _move_with_side_files(source: Path, target: Path) -> None:
    os.replace(source, target)
    for suffix in SIDE_SUFFIXES:
        side = source.with_name(source.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))


def _copy_in(info: BackupInfo, partial: Path, final: Path) -> str:
    """Copy the backup to ``partial`` with a new incarnation, checked and fsynced."""
    remove_with_side_files(partial)
    source = _read_only(info.path)
    try:
        target = sqlite3.connect(str(partial), isolation_level=None)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE").fetchone()
            incarnation = new_incarnation()
            target.execute(
                "UPDATE node SET incarnation = ?, next_seq = 1, home = ? WHERE id = 1",
                (incarnation, home_for(final)),
            )
            rows = target.execute("PRAGMA quick_check(5)").fetchall()
        finally:
            target.close()
    finally:
        source.close()
    result = "; ".join(str(r[0]) for r in rows)
    if result != "ok":
        raise _CheckFailed(result)
    fsync_file(partial)
    return incarnation


def restore_backup(
    backup_file: Path,
    data_dir: Path,
    *,
    now: datetime,
    allow_other_node: bool = False,
) -> Restored:
    """Replace the database in ``data_dir`` by ``backup_file``, with a new incarnation.

    The current database (and its WAL) is renamed to ``noodpost-voor-herstel-<time>.db`` in
    the same folder and never deleted. The database must not be open anywhere (close the GUI).

    Raises:
        UserError: the backup is damaged, foreign or newer; training and real data would mix;
            the database is in use; or the copy could not be written (nothing changed).
        OtherNodeBackup: the backup is of another installation and ``allow_other_node`` is
            False.
    """
    info = inspect_backup(backup_file)
    final = data_dir / DB_FILENAME
    here = current_node(final)
    if here is not None:
        node_id, post_code, training = here
        if training != info.training:
            raise UserError(
                "Deze back-up is van een "
                + ("oefen" if info.training else "echt")
                + "noodsteunpunt en deze map van een "
                + ("oefen" if training else "echt")
                + "noodsteunpunt; oefengegevens en echte gegevens worden nooit gemengd. Er is "
                "niets veranderd."
            )
        if node_id != info.node_id and not allow_other_node:
            raise OtherNodeBackup(
                f"Deze back-up is van een andere installatie ({info.name}, {info.post_code}) "
                f"dan de gegevens in deze map ({post_code}).",
                [
                    "De gegevens van deze installatie worden opzij gezet en vervangen door die "
                    "van de andere installatie.",
                    "Synchroniseren lukt pas weer als ook de map 'keys' van die installatie "
                    "wordt teruggezet.",
                    "Doe dit alleen als u zeker weet dat dit de bedoeling is, bijvoorbeeld om "
                    "een kapotte laptop te vervangen.",
                ],
            )
    # A sound database must not be open anywhere, and its WAL is folded in before it moves
    # aside; a damaged one is not opened for writing at all, only renamed with its WAL.
    sound = final.exists() and quick_check_file(final) == "ok"
    if sound:
        _quiesce(final)
    data_dir.mkdir(parents=True, exist_ok=True)
    partial = data_dir / (DB_FILENAME + PARTIAL_SUFFIX)
    try:
        incarnation = _copy_in(info, partial, final)
    except (OSError, sqlite3.Error, _CheckFailed) as failed:
        remove_with_side_files(partial)
        raise UserError(
            failure_message(data_dir, failed).replace("De back-up naar", "Terugzetten in", 1)
        ) from failed
    if sound:
        try:
            _quiesce(final)  # again, just before the swap: did anything open it meanwhile?
        except UserError:
            remove_with_side_files(partial)
            raise
    aside: Path | None = None
    try:
        if final.exists():
            aside = aside_path(data_dir, now)
            _move_with_side_files(final, aside)
        for suffix in SIDE_SUFFIXES:  # nothing of the old database may meet the new one
            stale = final.with_name(final.name + suffix)
            if stale.exists():
                stale.unlink()
        os.replace(partial, final)
        fsync_dir(data_dir)
    except OSError as failed:
        remove_with_side_files(partial)
        if aside is not None and not final.exists():
            with contextlib.suppress(OSError):
                _move_with_side_files(aside, final)
                aside = None
        raise UserError(
            f"Terugzetten is niet gelukt ({_reason(failed)}). "
            + (
                "De oude database staat weer op haar plaats."
                if aside is None
                else f"De oude database staat veilig in {aside.name}."
            )
            + " Sluit Noodpost en probeer het opnieuw."
        ) from failed
    return Restored(
        backup=backup_file,
        set_aside=aside,
        node_id=info.node_id,
        post_code=info.post_code,
        backup_incarnation=info.incarnation,
        incarnation=incarnation,
        events=info.events,
    )


def finish_interrupted_restore(data_dir: Path) -> bool:
    """Complete a restore that stopped between "old database aside" and "new one in place".

    Only then is ``noodpost.db`` missing while ``noodpost.db.partial`` exists: the partial was
    checked and fsynced before the old database moved. It is put in place when it still
    passes ``quick_check`` and holds a node. Returns True when it did.
    """
    final = data_dir / DB_FILENAME
    partial = data_dir / (DB_FILENAME + PARTIAL_SUFFIX)
    if final.exists() or not partial.is_file():
        return False
    if any(partial.with_name(partial.name + s).exists() for s in SIDE_SUFFIXES):
        return False  # a copy that was still being written (a new laptop's first restore)
    if quick_check_file(partial) != "ok" or current_node(partial) is None:
        return False
    os.replace(partial, final)
    fsync_dir(data_dir)
    return True


MOVED_PREFIX = "noodpost-verplaatst-"


def copy_database(source: Path, target: Path) -> None:
    """Copy the database at ``source`` to ``target`` (a new file): checked, fsynced, renamed.

    Nothing may have ``source`` open. The copy, once opened at its new place, starts a new
    incarnation by itself (its home changed: :func:`noodpost.storage.node.check_home`).

    Raises:
        UserError: ``source`` is in use or ``target`` cannot be written (nothing left there).
    """
    _quiesce(source)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        remove_with_side_files(partial)
        origin = sqlite3.connect(str(source))
        try:
            copy = sqlite3.connect(str(partial))
            try:
                origin.backup(copy)
            finally:
                copy.close()
        finally:
            origin.close()
        _finish_copy(partial)
        os.replace(partial, target)
        fsync_dir(target.parent)
    except (OSError, sqlite3.Error, _CheckFailed) as failed:
        remove_with_side_files(partial)
        raise UserError(
            failure_message(target.parent, failed).replace(
                "De back-up naar", "Het verplaatsen naar", 1
            )
        ) from failed


def retire_database(path: Path, now: datetime) -> Path:
    """Rename a database that moved elsewhere, so it is not used again by mistake (kept)."""
    stamp = now.astimezone(UTC).strftime(STAMP_FORMAT)
    target = path.with_name(f"{MOVED_PREFIX}{stamp}.db")
    _move_with_side_files(path, target)
    return target
