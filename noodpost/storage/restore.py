"""Restore of a backup, and copying, moving and retiring a database (DESIGN §3.1, issue 6).

A restore checks the file (quick_check, a Noodpost database of a known or older schema, the
same node), keeps the current database aside as ``noodpost-voor-herstel-<time>.db`` (never
deleted), copies the backup in through ``noodpost.db.partial`` and gives it a **new
incarnation** before it gets its name: the events written after the restore start at seq 1 of
a stream nobody has seen, so they can never collide with what the hub already holds from
before the restore (DESIGN §3.2). The hub sends this node's old events back at the next sync.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from noodpost.core.durable import fsync_dir, fsync_file
from noodpost.core.errors import NeedsConfirmation, UserError
from noodpost.core.i18n import translate
from noodpost.storage.backup import (
    ASIDE_PREFIX,
    PARTIAL_SUFFIX,
    SIDE_SUFFIXES,
    STAMP_FORMAT,
    CheckFailed,
    failure_message,
    failure_reason,
    finish_copy,
    remove_with_side_files,
)
from noodpost.storage.engine import DB_FILENAME, connect_read_only, quick_check_file
from noodpost.storage.node import new_incarnation


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
    incarnation: str
    events: int


class OtherNodeBackup(NeedsConfirmation):
    """The backup belongs to another installation; restoring it needs an explicit yes."""


def known_revisions() -> set[str]:
    """Every schema revision this version of Noodpost knows (older ones can be migrated)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415 — only a restore needs it

    from noodpost.storage.engine import MIGRATIONS  # noqa: PLC0415

    return {rev.revision for rev in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def _read_only(path: Path) -> sqlite3.Connection:
    return connect_read_only(path)


def not_a_backup(path: Path, why: str) -> UserError:
    """The refusal of ``path``; ``why`` is already in the interface's language."""
    return UserError(
        translate(
            "Restore",
            "{name} is geen bruikbare back-up van Noodpost ({why}). Er is niets veranderd. "
            "Kies een andere back-up, bijvoorbeeld de nieuwste uit de map 'backups'.",
        ).format(name=path.name, why=why)
    )


def inspect_backup(path: Path) -> BackupInfo:
    """Open a backup read-only and tell what it holds.

    Raises:
        UserError: missing, damaged, not a Noodpost database, or from a newer Noodpost.
    """
    if not path.is_file():
        raise UserError(
            translate("Restore", "Het bestand {path} bestaat niet. Er is niets veranderd.").format(
                path=path
            )
        )
    if path.name.endswith(PARTIAL_SUFFIX):
        raise not_a_backup(path, translate("Restore", "een onvolledig bestand"))
    check = quick_check_file(path)
    if check != "ok":
        why = translate("Restore", "beschadigd: {check}").format(check=check.splitlines()[0])
        raise not_a_backup(path, why)
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
        why = translate("Restore", "geen Noodpost-database: {reason}").format(reason=failed)
        raise not_a_backup(path, why) from failed
    if revision is None or row is None:
        raise not_a_backup(path, translate("Restore", "er is geen noodsteunpunt in ingericht"))
    if revision[0] not in known_revisions():
        raise UserError(
            translate(
                "Restore",
                "{name} is gemaakt met een nieuwere versie van Noodpost en kan met deze "
                "versie niet worden teruggezet. Installeer de nieuwste versie van Noodpost; er is "
                "niets veranderd.",
            ).format(name=path.name)
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


def in_use() -> str:
    """The refusal while another program has the database open."""
    return translate(
        "Restore",
        "De database wordt nog gebruikt (is Noodpost nog geopend, of loopt er een andere "
        "opdracht?). Sluit Noodpost eerst en probeer het dan opnieuw. Er is niets veranderd.",
    )


def _quiesce(path: Path) -> None:
    """Make sure nobody else has the database open, and fold its WAL into the file.

    Raises:
        UserError: another connection holds it.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=0.5, isolation_level=None)
    except sqlite3.Error as failed:
        raise UserError(in_use()) from failed
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error as failed:
        raise UserError(in_use()) from failed
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
        raise CheckFailed(result)
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
            practice = translate("Restore", "oefengegevens")
            real = translate("Restore", "echte gegevens")
            raise UserError(
                translate(
                    "Restore",
                    "Deze back-up bevat {backup} en deze map {folder}; oefengegevens en echte "
                    "gegevens worden nooit gemengd. Er is niets veranderd. Kies een back-up van "
                    "dezelfde soort, of een lege map.",
                ).format(
                    backup=practice if info.training else real,
                    folder=practice if training else real,
                )
            )
        if node_id != info.node_id and not allow_other_node:
            raise OtherNodeBackup(
                translate(
                    "Restore",
                    "Deze back-up is van een andere installatie ({name}, {code}) "
                    "dan de gegevens in deze map ({here}).",
                ).format(name=info.name, code=info.post_code, here=post_code),
                [
                    translate(
                        "Restore",
                        "De gegevens van deze installatie worden opzij gezet en vervangen door "
                        "die van de andere installatie.",
                    ),
                    translate(
                        "Restore",
                        "Synchroniseren lukt pas weer als ook de map 'keys' van die installatie "
                        "wordt teruggezet.",
                    ),
                    translate(
                        "Restore",
                        "Doe dit alleen als u zeker weet dat dit de bedoeling is, bijvoorbeeld "
                        "om een kapotte laptop te vervangen.",
                    ),
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
    except (OSError, sqlite3.Error, CheckFailed) as failed:
        remove_with_side_files(partial)
        lead = translate("Restore", "Terugzetten in {folder} is niet gelukt").format(
            folder=data_dir
        )
        raise UserError(failure_message(data_dir, failed, lead=lead)) from failed
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
        if aside is None:
            where = translate("Restore", "De oude database staat weer op haar plaats.")
        else:
            where = translate("Restore", "De oude database staat veilig in {name}.").format(
                name=aside.name
            )
        raise UserError(
            translate(
                "Restore",
                "Terugzetten is niet gelukt ({reason}). {where} Sluit Noodpost en probeer het "
                "opnieuw.",
            ).format(reason=failure_reason(failed), where=where)
        ) from failed
    return Restored(
        backup=backup_file,
        set_aside=aside,
        node_id=info.node_id,
        post_code=info.post_code,
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
        finish_copy(partial)
        os.replace(partial, target)
        fsync_dir(target.parent)
    except (OSError, sqlite3.Error, CheckFailed) as failed:
        remove_with_side_files(partial)
        lead = translate("Restore", "Het verplaatsen naar {folder} is niet gelukt").format(
            folder=target.parent
        )
        raise UserError(failure_message(target.parent, failed, lead=lead)) from failed


def retire_database(path: Path, now: datetime) -> Path:
    """Rename a database that moved elsewhere, so it is not used again by mistake (kept)."""
    stamp = now.astimezone(UTC).strftime(STAMP_FORMAT)
    target = path.with_name(f"{MOVED_PREFIX}{stamp}.db")
    _move_with_side_files(path, target)
    return target
